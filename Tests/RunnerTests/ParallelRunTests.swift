// Notes run in parallel give exactly the results of a serial run, in the order given.

import Foundation
import Runner
import XCTest

final class ParallelRunTests: XCTestCase {
    func testParallelEqualsSerialByteForByte() async throws {
        let names = ["shared-state", "index-out-of-range", "fails-cells", "forgery", "compile-error", "precondition"]
        let notes = try names.map { try RunnerFixtures.note($0) }
        let serialCache = try ScratchFolder(), parallelCache = try ScratchFolder()
        let serial = try await makeRunner(cache: serialCache.path, jobs: 1).run(notes)
        let parallel = try await makeRunner(cache: parallelCache.path, jobs: 4).run(notes)
        XCTAssertEqual(serial.map(\.notePath), notes.map(\.path), "results come in the order of the notes")
        // Compared as JSON: NaN in a figure is never equal to itself, but its bytes are.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        XCTAssertEqual(
            String(decoding: try encoder.encode(parallel), as: UTF8.self),
            String(decoding: try encoder.encode(serial), as: UTF8.self))
    }
}
