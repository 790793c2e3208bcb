// The public faces of a figure: its text form, its SVG, and the HTML fragment a page embeds.

extension Figure {
    /// The text form: what a note records in its `output` block and `check` compares.
    public var text: String {
        switch self {
        case .heatmap(let heatmap): return TextHeatmap(heatmap).text
        case .heatmapGrid(let grid): return TextHeatmapGrid.render(grid)
        case .attentionLines(let lines): return TextAttentionLines.render(lines)
        case .lineChart(let chart): return TextLineChart.render(chart)
        case .table(let table): return TextTable.render(table)
        }
    }

    /// An inline `<svg>` element; `idPrefix` keeps its element ids unique among the figures of one page.
    public func svg(idPrefix: String) -> String {
        switch self {
        case .heatmap(let heatmap): return SVGHeatmap.render(heatmap, idPrefix: idPrefix)
        case .heatmapGrid(let grid): return SVGHeatmap.render(grid, idPrefix: idPrefix)
        case .attentionLines(let lines): return SVGAttentionLines.render(lines, idPrefix: idPrefix)
        case .lineChart(let chart): return SVGLineChart.render(chart, idPrefix: idPrefix)
        case .table(let table): return TableMarkup.svg(table, idPrefix: idPrefix)
        }
    }

    /// The HTML fragment a page embeds for this figure, whose caption shows the title: an `<svg>` drawn without
    /// its title for charts and heatmaps, wrapping panels for small multiples, a `<table>` for tables.
    ///
    /// Tables become real HTML tables so they reflow, wrap and can be selected and searched;
    /// numeric columns carry `class="num"` for right alignment by the page's stylesheet.
    public func html(idPrefix: String) -> String {
        switch self {
        case .heatmap(let heatmap): return SVGHeatmap.render(heatmap, idPrefix: idPrefix, drawsTitle: false)
        case .heatmapGrid(let grid): return SVGHeatmap.html(grid, idPrefix: idPrefix)
        case .attentionLines(let lines): return SVGAttentionLines.render(lines, idPrefix: idPrefix, drawsTitle: false)
        case .lineChart(let chart): return SVGLineChart.render(chart, idPrefix: idPrefix, drawsTitle: false)
        case .table(let table): return TableMarkup.html(table, idPrefix: idPrefix)
        }
    }

    /// The title a page's caption shows (`nil` when the cell gave none); tables carry their own caption instead.
    public var captionTitle: String? {
        switch self {
        case .heatmap(let heatmap): return heatmap.title
        case .heatmapGrid(let grid): return grid.title
        case .attentionLines(let lines): return lines.title
        case .lineChart(let chart): return chart.title
        case .table: return nil
        }
    }

    /// Whether a page numbers this figure (`图 3`); tables are numbered as tables are not figures.
    public var isNumbered: Bool {
        if case .table = self { return false }
        return true
    }
}
