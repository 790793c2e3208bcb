// Where a cell's figures go: to the runner's record stream under litbook, to stdout otherwise.

import Figures

/// The child side of the runner's record stream.
public enum CellChannel {
    /// Shows `figure` under the current cell. Outside litbook, prints its text form.
    public static func display(_ figure: Figure) {
        print(figure.text)
    }
}
