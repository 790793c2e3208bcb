// `check` on a note whose third cell does not compile: the two cells before it ran and pass.

import Foundation
import XCTest

final class CheckCompilePrefixTests: CheckCommandTestCase {
    func testCellsBeforeACompileErrorAreCheckedAndPass() throws {
        try writeNote("first.md", """
            # First

            ```swift
            print("one")
            ```

            ```output
            one
            ```

            ```swift
            print("two")
            ```

            ```output
            two
            ```

            ```swift
            print(undefinedName)
            ```

            """)
        let result = try litbook(["check"])
        XCTAssertEqual(result.status, 1, result.output + result.errors)
        XCTAssertEqual(result.lastLine, "2 passed, 1 failed", result.output + result.errors)
        XCTAssertTrue((result.output + result.errors).contains("Notes/first.md:20:7"), result.output + result.errors)
    }
}
