// How the series of a chart are told apart: colour-blind-safe colours, and dash patterns for print and greyscale.

enum SeriesStyle {
    /// Okabe–Ito colours, minus black (invisible on dark pages) and yellow (invisible on light ones);
    /// the first blue is lightened so it also reads on dark pages.
    static let colors = ["#3584e4", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3"]

    static func color(_ index: Int) -> String { colors[index % colors.count] }

    /// The dash pattern of series `index`; the pattern changes once the colours run out.
    static func dash(_ index: Int) -> String { dashes[(index / colors.count) % dashes.count] }
}
