// Writes SVG markup: attributes in a fixed order, numbers without locale, every string escaped.

import TextFormats

/// Accumulates SVG markup. Element ids are prefixed so several figures can share a page.
struct SVGDocument {
    /// The prefix every element id starts with; already reduced to id-safe characters.
    let idPrefix: String
    private(set) var markup = ""

    init(idPrefix: String) {
        self.idPrefix = XMLText.identifier(idPrefix)
    }

    /// A document-unique id: `prefix-name`.
    func id(_ name: String) -> String { idPrefix + "-" + name }

    /// The font stack: Latin first, then CJK fonts so Chinese labels never fall back to boxes.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', "
        + "'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif"

    // MARK: - Writing

    /// `<name a="v" …/>`, or `<name …>content</name>` when `content` is given (already markup).
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        markup += "<" + name
        for (key, value) in attributes { markup += " " + key + "=\"" + XMLText.attribute(value) + "\"" }
        if let content { markup += ">" + content + "</" + name + ">" } else { markup += "/>" }
    }

    /// Opens `<name …>`; close it with `close(name)`. `escaped` attributes are already markup (built by this module).
    mutating func open(_ name: String, _ attributes: [(String, String)] = [], escaped: [(String, String)] = []) {
        markup += "<" + name
        for (key, value) in attributes { markup += " " + key + "=\"" + XMLText.attribute(value) + "\"" }
        for (key, value) in escaped { markup += " " + key + "=\"" + value + "\"" }
        markup += ">"
    }

    mutating func close(_ name: String) { markup += "</" + name + ">" }

    /// Markup written as is: only for strings this module built.
    mutating func raw(_ text: String) { markup += text }

    /// A text element; `text` is escaped and its control characters spelled out.
    mutating func text(_ text: String, x: Double, y: Double, _ attributes: [(String, String)] = []) {
        element("text", [("x", Self.number(x)), ("y", Self.number(y))] + attributes,
                content: XMLText.content(VisibleLabel.spelledOut(text)))
    }

    /// `<title>` with escaped text: what a browser shows on hover.
    static func title(_ text: String) -> String {
        "<title>" + XMLText.content(text) + "</title>"
    }

    // MARK: - Numbers

    /// A coordinate with at most two decimals and no trailing zeros.
    static func number(_ value: Double) -> String {
        // Most coordinates are whole pixels: print those directly, the common case of every cell.
        if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
        // The rest in whole hundredths, rounded half away from zero as `fixed` rounds.
        if abs(value) < 1e9 {
            let hundredths = Int((abs(value) * 100).rounded(.toNearestOrAwayFromZero))
            guard hundredths > 0 else { return "0" }
            let whole = (value < 0 ? "-" : "") + String(hundredths / 100)
            let fraction = hundredths % 100
            if fraction == 0 { return whole }
            if fraction % 10 == 0 { return whole + "." + String(fraction / 10) }
            return whole + (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        var text = NumberFormatting.fixed(value.isFinite ? value : 0, decimals: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// The root `<svg>` around `body`, with `role="img"` and a title and description for screen readers.
    ///
    /// Drawn at its natural size: a page scrolls a wide figure inside its box rather than shrinking its text.
    func wrapped(width: Double, height: Double, title: String, description: String) -> String {
        let w = Self.number(width.rounded(.up)), h = Self.number(height.rounded(.up))
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""
            + " aria-labelledby=\"\(id("title")) \(id("desc"))\""
            + " width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
            + " font-family=\"\(XMLText.attribute(Self.fontFamily))\" font-size=\"11\" fill=\"currentColor\">"
            + "<title id=\"\(id("title"))\">" + XMLText.content(title) + "</title>"
            + "<desc id=\"\(id("desc"))\" lang=\"en\">" + XMLText.content(description) + "</desc>"
            + markup + "</svg>"
    }
}
