// The text of an error number is the C library's, the same wherever litbook reports one.

import Foundation
import TextFormats
import XCTest

final class ErrnoTextTests: XCTestCase {
    func testDescribesAnErrorNumber() {
        XCTAssertEqual(ErrnoText.describe(ENOENT), "No such file or directory")
    }

    func testDescribesTheCurrentErrnoByDefault() {
        XCTAssertEqual(open("/no/such/folder/file", O_RDONLY), -1)
        XCTAssertEqual(ErrnoText.describe(), "No such file or directory")
    }
}
