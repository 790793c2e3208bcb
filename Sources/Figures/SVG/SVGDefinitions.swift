// Shared `<defs>` of a heatmap figure: the colour-bar gradient, the hatching of masked cells, the crosses of NaN cells.

enum SVGDefinitions {
    /// `<defs>` holding the colour-map gradient and the patterns of non-finite cells, ids prefixed for the page.
    ///
    /// The hatching uses `currentColor`, so masked cells read as "nothing here" on light and
    /// dark pages alike, and stand apart from every colour of the map.
    static func heatmap(_ doc: SVGDocument) -> String {
        "<defs>" + SVGColorBar.gradientDefinition(id: doc.id("colormap"))
            + "<pattern id=\"\(doc.id("masked"))\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
            + "<rect width=\"5\" height=\"5\" fill=\"currentColor\" fill-opacity=\"0.06\"/>"
            + "<path d=\"M0 5L5 0M-1 1L1 -1M4 6L6 4\" stroke=\"currentColor\" stroke-opacity=\"0.55\""
            + " stroke-width=\"1\"/>"
            + "</pattern>"
            // NaN is a bug more often than a mask: crossed, so it does not pass for a masked cell.
            + "<pattern id=\"\(doc.id("nan"))\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
            + "<rect width=\"6\" height=\"6\" fill=\"currentColor\" fill-opacity=\"0.06\"/>"
            + "<path d=\"M1 1L5 5M5 1L1 5\" stroke=\"currentColor\" stroke-opacity=\"0.6\" stroke-width=\"1\"/>"
            + "</pattern></defs>"
    }
}
