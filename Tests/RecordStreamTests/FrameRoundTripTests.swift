// Frames come back exactly as sent, whatever the chunking of the bytes, with NaN and infinities intact.

import Figures
import RecordStream
import XCTest

final class FrameRoundTripTests: XCTestCase {
    private let figure = Figure.heatmap(Heatmap(
        title: "掩码注意力", rowLabels: ["我", "爱"], columnLabels: ["我", "爱"],
        values: [[0.5, -.infinity], [.infinity, 1]]))

    private var frames: [Frame] {
        [Frame(outputOffset: 0, record: .cellBegin(0)),
         Frame(outputOffset: 17, record: .figure(figure)),
         Frame(outputOffset: 17, record: .cellEnd(0)),
         Frame(outputOffset: UInt64.max, record: .cellBegin(Int.max))]
    }

    private func encoded(_ frames: [Frame]) throws -> [UInt8] {
        let encoder = FrameEncoder()
        return try frames.flatMap { try encoder.encode($0) }
    }

    func testFramesRoundTripInOneChunk() throws {
        var decoder = FrameDecoder()
        XCTAssertEqual(decoder.feed(try encoded(frames)), frames)
        decoder.finish()
        XCTAssertNil(decoder.damage)
    }

    func testFramesRoundTripWhateverTheChunkSizes() throws {
        let bytes = try encoded(frames)
        for size in [1, 2, 3, 7, 15, 16, 17, 64, 1000] {
            var decoder = FrameDecoder()
            var decoded: [Frame] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + size)
                decoded += decoder.feed(bytes[start..<end])
                start = end
            }
            decoder.finish()
            XCTAssertEqual(decoded, frames, "chunks of \(size) bytes")
            XCTAssertNil(decoder.damage, "chunks of \(size) bytes")
        }
    }

    func testNotANumberSurvives() throws {
        let nan = Frame(outputOffset: 3, record: .figure(.lineChart(LineChart(series: [
            .init(name: "loss", x: [0, 1], y: [.nan, 2])]))))
        var decoder = FrameDecoder()
        let back = decoder.feed(try encoded([nan]))
        guard case .figure(.lineChart(let chart))? = back.first?.record else { return XCTFail("got \(back)") }
        XCTAssertTrue(chart.series[0].y[0].isNaN)
        XCTAssertEqual(chart.series[0].y[1], 2)
    }

    func testTheSameRecordGivesTheSameBytes() throws {
        XCTAssertEqual(try encoded(frames), try encoded(frames))
        // Sorted keys: the payload does not depend on dictionary order inside the encoder.
        let payload = try FrameEncoder().encode(frames[1]).dropFirst(FrameLayout.headerSize)
        let text = String(decoding: payload, as: UTF8.self)
        XCTAssertTrue(text.contains(#""columnLabels":["我","爱"],"rowLabels""#), text)
    }
}
