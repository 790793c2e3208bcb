// Where a cell's figures go: to the runner's record stream under litbook, to stdout otherwise.

import Figures
import RecordStream

/// The child side of the runner's record stream.
///
/// The program litbook generates for a note calls `bootstrap()` first, then brackets each
/// cell with `cellBegin(_:)` and `cellEnd(_:)`. Run outside litbook (no record channel in
/// the environment), the brackets do nothing and `display(_:)` prints the figure's text.
public enum CellChannel {
    /// Prepares the process for the runner: unbuffered stdout, limits, death with the parent.
    public static func bootstrap() {
        ChildSetup.apply()
        _ = RecordSink.shared
    }

    /// Marks the start of cell `index`: what follows on stdout belongs to it.
    public static func cellBegin(_ index: Int) {
        RecordSink.shared?.send(.cellBegin(index))
    }

    /// Marks that cell `index` ran to its end.
    public static func cellEnd(_ index: Int) {
        RecordSink.shared?.send(.cellEnd(index))
    }

    /// Shows `figure` under the current cell. Outside litbook, prints its text form.
    public static func display(_ figure: Figure) {
        if let sink = RecordSink.shared {
            sink.send(.figure(figure))
        } else {
            print(figure.text)
        }
    }
}
