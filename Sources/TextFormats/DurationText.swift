// How litbook turns a duration into seconds and prints it.

import Foundation

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// Durations as litbook prints them: seconds with fixed decimals and the unit, e.g. `0.84 s`.
public enum DurationText {
    /// `seconds` with `decimals` digits after the point and ` s`, rounded half to even as
    /// `printf` rounds.
    public static func seconds(_ seconds: Double, decimals: Int = 2) -> String {
        String(format: "%.\(decimals)f s", seconds)
    }
}
