// What a run tells its watcher as it goes: a note compiling, a cell running, a cached result, a note done.

import Notebook

/// Receives progress from `NoteRunner`, from several notes at once and from any thread.
public protocol RunProgress: Sendable {
    /// `note`'s program is being compiled.
    func compiling(_ note: Note)
    /// `note`'s program started the `cell`-th of its `count` runnable cells (from 1).
    func running(_ note: Note, cell: Int, of count: Int)
    /// `note`'s results come from the cache.
    func cached(_ note: Note)
    /// `note` is done, `elapsed` seconds after its run started.
    func finished(_ run: NoteRun, elapsed: Double)
}
