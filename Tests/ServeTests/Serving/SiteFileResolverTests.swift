// Only files of the built site are served: no `..`, no encoded dots, no symbolic link out of the folder.

import Foundation
@testable import Serve
import XCTest

final class SiteFileResolverTests: XCTestCase {
    private var root = ""
    private var outside = ""

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("resolver-\(UUID().uuidString)").path
        root = base + "/site"
        outside = base + "/secret.txt"
        try FileManager.default.createDirectory(atPath: root + "/assets", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        try "index".write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
        try "page".write(toFile: root + "/自注意力.html", atomically: true, encoding: .utf8)
        try "css".write(toFile: root + "/assets/style.css", atomically: true, encoding: .utf8)
        try "sub".write(toFile: root + "/sub/index.html", atomically: true, encoding: .utf8)
        try "secret".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/leak.txt", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: root + "/up", withDestinationPath: base)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    func testEachRequestPathGetsTheSiteFileOrNothing() {
        let resolver = SiteFileResolver(root: root)
        let real = { (name: String) in realpath(self.root + "/" + name, nil).map { String(cString: $0) } }
        let cases: [(target: String, file: String?)] = [
            ("/", real("index.html")),
            ("/index.html", real("index.html")),
            ("/index.html?x=1", real("index.html")),
            ("/assets/style.css", real("assets/style.css")),
            ("/%E8%87%AA%E6%B3%A8%E6%84%8F%E5%8A%9B.html", real("自注意力.html")),
            ("/sub/", real("sub/index.html")),
            ("/sub", real("sub/index.html")),
            ("/missing.html", nil),
            ("/../secret.txt", nil),
            ("/assets/../../secret.txt", nil),
            ("/%2e%2e/secret.txt", nil),
            ("/%2E%2E/secret.txt", nil),
            ("/..%2fsecret.txt", nil),
            ("/%2e%2e%2fsecret.txt", nil),
            ("/..%5csecret.txt", nil),
            ("/index.html%00.css", nil),
            ("/leak.txt", nil),
            ("/up/secret.txt", nil),
            ("/assets", nil),
            ("relative.html", nil),
        ]
        for (target, file) in cases {
            XCTAssertEqual(resolver.file(for: target), file, target)
        }
    }

    func testPagesGetTheLiveScriptBeforeTheirBodyEnds() {
        let page = Data("<html><body><p>x</p></body></html>\n".utf8)
        XCTAssertEqual(String(decoding: SiteServer.withLiveScript(page), as: UTF8.self),
                       "<html><body><p>x</p><script src=\"/_litbook/live.js\"></script>\n</body></html>\n")
    }

    func testEventsAreInTheEventStreamFormat() {
        XCTAssertEqual(ReloadChannel.Event.reload(pages: ["index.html", "a/b.html"]).encoded,
                       "event: reload\ndata: [\"index.html\",\"a/b.html\"]\n\n")
        XCTAssertEqual(ReloadChannel.Event.running(paths: []).encoded, "event: running\ndata: []\n\n")
    }
}
