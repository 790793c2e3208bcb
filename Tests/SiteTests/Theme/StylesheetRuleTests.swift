// Rules of the stylesheet a reader notices: theme choice, class names that cannot clash, print, phones.

import XCTest
@testable import Site

final class StylesheetRuleTests: XCTestCase {
    private let css = ThemeAssets.stylesheet

    /// The body of the `@media print { … }` block.
    private var printRules: String {
        let start = css.range(of: "@media print {")!.upperBound
        return String(css[start...])
    }

    func testAChosenThemeOverridesTheSystemOne() {
        // Colours follow the page's colour scheme only (light-dark()), which reader.js narrows to the chosen theme.
        XCTAssertFalse(
            css.contains("prefers-color-scheme"),
            "a colour keyed to the system's scheme would ignore the reader's choice")
        XCTAssertTrue(
            ThemeAssets.readerScript.contains(
                "schemeMeta.setAttribute(\"content\", theme === \"system\" ? \"light dark\" : theme)"))
        XCTAssertTrue(
            SiteFixture.page(SiteFixture.site(), "index.html").contains(
                "<meta name=\"color-scheme\" content=\"light dark\">"))
    }

    func testTheRememberedThemeIsSetBeforeTheDocumentIsRead() throws {
        // reader.js runs in <head>; the theme line must come before it waits for DOMContentLoaded.
        let script = ThemeAssets.readerScript
        let setsTheme = try XCTUnwrap(
            script.range(of: "if (storedTheme() !== \"system\") { setTheme(storedTheme()); }"))
        let waits = try XCTUnwrap(script.range(of: "document.addEventListener(\"DOMContentLoaded\", start)"))
        let startBody = try XCTUnwrap(script.range(of: "function start() {"))
        XCTAssertLessThan(setsTheme.lowerBound, startBody.lowerBound)
        XCTAssertLessThan(startBody.lowerBound, waits.lowerBound)
    }

    func testSyntaxColoursApplyOnlyToHighlighterClasses() {
        for kind in [
            SwiftToken.Kind.keyword, .type, .string, .interpolation, .number, .comment, .attribute, .directive,
        ] {
            XCTAssertTrue(kind.cssClass.hasPrefix("tok-"), kind.cssClass)
            XCTAssertTrue(
                css.contains("\n.\(kind.cssClass) { color: var(--syntax-"), "no rule colours .\(kind.cssClass)")
        }
        for bare in ["kw", "ty", "str", "interp", "num", "com", "attr", "dir"] {
            XCTAssertFalse(css.contains("\n.\(bare) {"), "a bare .\(bare) rule would colour a table's .\(bare) cells")
        }
    }

    func testPrintingLetsCellsBreakKeepsFiguresWholeAndHidesNavigation() {
        XCTAssertTrue(printRules.contains(".cell { break-inside: auto; }"))
        XCTAssertTrue(printRules.contains(".figure, .cell-head { break-inside: avoid; }"))
        XCTAssertTrue(printRules.contains(".site-header, .book-nav, .toc-phone, .pager"))
        XCTAssertTrue(printRules.contains("[class^=\"tok-\"] { color: inherit !important;"))
        XCTAssertTrue(printRules.contains("a[href^=\"http\"]::after { content: \" (\" attr(href) \")\""))
    }

    func testAnchorsStopBelowTheStickyHeader() {
        XCTAssertTrue(css.contains("[id] { scroll-margin-top: 4.2rem; }"))
    }

    func testTheSearchBoxDoesNotMakePhonesZoom() {
        XCTAssertTrue(css.contains(".search input { font-size: 16px; }"))
    }
}
