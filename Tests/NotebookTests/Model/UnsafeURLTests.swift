// Links and images whose URL could run script are warnings at their place (cmark's safe-mode schemes).

import XCTest
@testable import Notebook

final class UnsafeURLTests: XCTestCase {
    func testSchemes() {
        let cases: [(String, Bool, UInt)] = [
            ("javascript:alert(1)", false, #line),
            ("JavaScript:alert(1)", false, #line),
            (" javascript:x", false, #line),
            ("vbscript:msgbox", false, #line),
            ("file:///etc/passwd", false, #line),
            ("data:text/html;base64,PHNjcmlwdD4=", false, #line),
            ("data:image/svg+xml,<svg>", false, #line),
            ("data:image/png;base64,iVBOR", true, #line),
            ("data:image/gif;base64,R0lG", true, #line),
            ("data:image/jpeg;base64,/9j/", true, #line),
            ("data:image/webp;base64,UklG", true, #line),
            ("https://example.com/javascript:", true, #line),
            ("02-位置编码.md#正弦", true, #line),
            ("mailto:a@b.c", true, #line),
        ]
        for (url, safe, line) in cases {
            XCTAssertEqual(URLSafety.isSafe(url), safe, url, line: line)
        }
    }

    func testLinksImagesAndAutolinksAreWarnedAtTheirPlace() {
        let text =
            "# T\n\n点 [这里](javascript:alert(1)) 或 ![图](data:text/html,x)\n\n<vbscript:msgbox>\n\n[ok](https://a.b)\n"
        XCTAssertEqual(
            NoteParser.parse(path: "Notes/x.md", text: text).problems.map(\.description),
            [
                "Notes/x.md:3:14: warning: unsafe link address 'javascript:alert(1)' is not written into the page",
                "Notes/x.md:3:46: warning: unsafe link address 'data:text/html,x' is not written into the page",
                "Notes/x.md:5:2: warning: unsafe link address 'vbscript:msgbox' is not written into the page",
            ])
    }
}
