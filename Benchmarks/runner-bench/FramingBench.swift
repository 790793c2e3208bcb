// The cost of the record channel per cell: encoding the frames a cell sends and decoding them.

import Figures
import Foundation
import RecordStream

struct FramingBench {
    func run() {
        let encoder = FrameEncoder()
        let cells = 20_000
        let figure = Figure.heatmap(
            Heatmap(
                title: "weights", rowLabels: ["我", "爱", "你", "们"],
                columnLabels: ["我", "爱", "你", "们"],
                values: (0..<4).map { r in (0..<4).map { c in c > r ? -.infinity : 0.25 } }))
        for (name, records) in [
            ("cellBegin + cellEnd", [Record.cellBegin(1), .cellEnd(1)]),
            ("cellBegin + 4x4 heatmap + cellEnd", [Record.cellBegin(1), .figure(figure), .cellEnd(1)]),
        ] {
            var decoder = FrameDecoder()
            var decoded = 0
            let start = ContinuousClock.now
            for cell in 0..<cells {
                for record in records {
                    let bytes = try! encoder.encode(Frame(outputOffset: UInt64(cell), record: record))
                    decoded += decoder.feed(bytes).count
                }
            }
            let elapsed = seconds(since: start)
            precondition(decoded == cells * records.count && decoder.damage == nil, "frames lost")
            report([
                "bench": "framing + decoding per cell (\(name))",
                "microseconds_per_cell": elapsed / Double(cells) * 1e6,
                "cells": cells,
            ])
        }
    }
}
