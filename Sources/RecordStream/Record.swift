// The messages a cell program sends to the runner, besides what it prints.

import Figures

/// One message on the record channel: a cell's start, a figure it displayed, or its end.
///
/// Printed text never travels as a record: it goes to the child's stdout file, and each
/// record carries the stdout offset at which it was sent, so the runner can put the text
/// and the records back in order.
public enum Record: Hashable, Sendable, Codable {
    /// The generated program is about to run cell `index` (its index among the note's cells).
    case cellBegin(Int)
    /// The current cell displayed a figure.
    case figure(Figure)
    /// Cell `index` ran to its end.
    case cellEnd(Int)
}

/// A record together with the stdout offset at the moment it was sent.
public struct Frame: Hashable, Sendable {
    /// How many bytes the child had written to its stdout file before this record.
    public var outputOffset: UInt64
    public var record: Record

    public init(outputOffset: UInt64, record: Record) {
        self.outputOffset = outputOffset
        self.record = record
    }
}
