// Splits what a program printed at the offsets its records carry: each cell's text and figures, in order.

import Figures
import RecordStream

/// The output of each cell of one program run, and how far each got.
struct CellOutputs {
    /// Output items per cell index, text and figures in the order produced.
    var items: [Int: [OutputItem]] = [:]
    /// The cells that sent `cellBegin`, in order.
    var begun: [Int] = []
    /// The cells that sent `cellEnd`.
    var ended: Set<Int> = []

    /// Attributes `printed` to cells using `frames`.
    ///
    /// Text before the first cell belongs to the first cell; text after the last `cellEnd`
    /// (say, printed while the program shut down) to the last cell that began.
    init(printed: [UInt8], frames: [Frame]) {
        var cursor = 0
        var current: Int?
        func flush(upTo offset: UInt64) {
            let end = min(max(Int(clamping: offset), cursor), printed.count)
            if end > cursor, let cell = current ?? frames.firstCell {
                append(.text(String(decoding: printed[cursor..<end], as: UTF8.self)), to: cell)
            }
            cursor = max(cursor, end)
        }
        for frame in frames {
            switch frame.record {
            case .cellBegin(let index):
                flush(upTo: frame.outputOffset)
                current = index
                begun.append(index)
                if items[index] == nil { items[index] = [] }
            case .figure(let figure):
                flush(upTo: frame.outputOffset)
                if let cell = current ?? frames.firstCell { append(.figure(figure), to: cell) }
            case .cellEnd(let index):
                flush(upTo: frame.outputOffset)
                ended.insert(index)
            }
        }
        flush(upTo: UInt64(printed.count))
    }

    /// The cell that began last without ending: where the program stopped, if it stopped early.
    var unfinishedCell: Int? {
        begun.last.flatMap { ended.contains($0) ? nil : $0 }
    }

    private mutating func append(_ item: OutputItem, to cell: Int) {
        var list = items[cell] ?? []
        // Adjacent text joins, so that one print is one item whatever the records around it.
        if case .text(let more) = item, case .text(let text)? = list.last {
            list[list.count - 1] = .text(text + more)
        } else {
            list.append(item)
        }
        items[cell] = list
    }
}

private extension Array where Element == Frame {
    var firstCell: Int? {
        for frame in self { if case .cellBegin(let index) = frame.record { return index } }
        return nil
    }
}
