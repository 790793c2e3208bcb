// A damaged or cut-off record stream is reported, never decoded into wrong records.

import RecordStream
import XCTest

final class FrameDamageTests: XCTestCase {
    private func frameBytes(_ record: Record, offset: UInt64 = 0) throws -> [UInt8] {
        try FrameEncoder().encode(Frame(outputOffset: offset, record: record))
    }

    func testDamageIsReportedAtItsByte() throws {
        let good = try frameBytes(.cellBegin(0))
        var oversized = try frameBytes(.cellEnd(0))
        oversized.replaceSubrange(4..<8, with: [0xFF, 0xFF, 0xFF, 0x7F])
        var garbled = try frameBytes(.cellEnd(0))
        garbled[FrameLayout.headerSize] = UInt8(ascii: "[")
        let cases: [(name: String, bytes: [UInt8], damage: FrameStreamDamage)] = [
            ("no magic", good + Array("hello world, not a frame".utf8), .badMagic(at: good.count)),
            ("oversized", good + oversized, .oversized(at: good.count, length: 0x7FFF_FFFF)),
            ("cut in the header", good + good.prefix(5), .truncated(at: good.count, bytes: 5)),
            ("cut in the payload", good + good.dropLast(1), .truncated(at: good.count, bytes: good.count - 1)),
        ]
        for test in cases {
            var decoder = FrameDecoder()
            let frames = decoder.feed(test.bytes)
            decoder.finish()
            XCTAssertEqual(frames, [Frame(outputOffset: 0, record: .cellBegin(0))], test.name)
            XCTAssertEqual(decoder.damage, test.damage, test.name)
        }
        var decoder = FrameDecoder()
        XCTAssertEqual(decoder.feed(good + garbled).count, 1)
        guard case .undecodable(let at, _)? = decoder.damage else {
            return XCTFail("garbled payload: \(String(describing: decoder.damage))")
        }
        XCTAssertEqual(at, good.count)
    }

    func testNothingIsDecodedAfterDamage() throws {
        var decoder = FrameDecoder()
        _ = decoder.feed(Array("LBRX".utf8) + [UInt8](repeating: 0, count: 12))
        XCTAssertNotNil(decoder.damage)
        XCTAssertEqual(
            decoder.feed(try frameBytes(.cellBegin(1))), [], "a damaged stream is not resynchronised by guessing")
    }

    func testMessagesNameTheByte() {
        XCTAssertEqual(
            FrameStreamDamage.truncated(at: 32, bytes: 5).description,
            "record stream cut off at byte 32, 5 bytes into a frame")
        XCTAssertEqual(
            FrameStreamDamage.badMagic(at: 0).description, "record stream damaged at byte 0: no frame header")
    }
}
