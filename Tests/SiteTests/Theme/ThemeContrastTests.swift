// The theme's colours: every text colour readable (≥ 4.5:1) on the backgrounds it is used on, light and dark.

import XCTest
@testable import Site

final class ThemeContrastTests: XCTestCase {
    /// `--name: light-dark(#light, #dark)` of the stylesheet's `:root`, as (light, dark) colours.
    private static let palette: [String: (light: String, dark: String)] = {
        var palette: [String: (String, String)] = [:]
        let css = ThemeAssets.stylesheet
        let pattern = try! NSRegularExpression(
            pattern: #"--([a-z-]+):\s*light-dark\((#[0-9a-fA-F]{6}),\s*(#[0-9a-fA-F]{6})\)"#)
        for match in pattern.matches(in: css, range: NSRange(css.startIndex..., in: css)) {
            let part = { (i: Int) in String(css[Range(match.range(at: i), in: css)!]) }
            palette[part(1)] = (part(2), part(3))
        }
        return palette
    }()

    /// Text colour and the backgrounds the stylesheet puts it on.
    private static let pairs: [(text: String, backgrounds: [String])] = [
        ("fg", ["bg", "surface", "code-bg", "output-bg", "mark", "error-bg", "expected-bg"]),
        ("muted", ["bg", "surface", "code-bg", "output-bg", "error-bg"]),  // snippets sit on code-bg when selected
        ("accent", ["bg", "surface", "code-bg", "output-bg"]),
        ("error", ["error-bg", "bg"]),
        ("expected", ["expected-bg", "bg"]),
    ] + ["syntax-keyword", "syntax-type", "syntax-string", "syntax-interp", "syntax-number",
         "syntax-comment", "syntax-attribute", "syntax-directive"].map { ($0, ["code-bg"]) }

    func testEveryTextColourIsReadableInBothThemes() throws {
        var failures: [String] = []
        for (text, backgrounds) in Self.pairs {
            let fg = try XCTUnwrap(Self.palette[text], "--\(text) is not a light-dark() colour")
            for background in backgrounds {
                let bg = try XCTUnwrap(Self.palette[background], "--\(background) is not a light-dark() colour")
                for (theme, f, b) in [("light", fg.light, bg.light), ("dark", fg.dark, bg.dark)] {
                    let ratio = Contrast.ratio(f, b)
                    if ratio < 4.5 {
                        failures.append("\(theme): --\(text) on --\(background) is \(String(format: "%.2f", ratio)):1")
                    }
                }
            }
        }
        XCTAssertEqual(failures, [])
    }

    func testContrastIsComputedAsWCAGDoes() {
        XCTAssertEqual(Contrast.ratio("#000000", "#ffffff"), 21, accuracy: 0.01)
        XCTAssertEqual(Contrast.ratio("#777777", "#ffffff"), 4.48, accuracy: 0.01)
    }

    func testMarkedTextUsesTheBodyColourNotTheMutedOne() {
        // A muted snippet with a highlighted term was 2.6:1 in dark mode when <mark> inherited its colour.
        XCTAssertTrue(ThemeAssets.stylesheet.contains("mark { background: var(--mark); color: var(--fg);"))
    }
}

/// WCAG 2 contrast ratio of two `#rrggbb` colours.
enum Contrast {
    static func ratio(_ a: String, _ b: String) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { c -> Double in
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }
}
