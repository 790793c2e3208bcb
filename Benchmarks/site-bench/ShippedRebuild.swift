// The second benchmark: `litbook build` of the shipped notes when nothing changed (runner cache warm).

import Foundation
import Notebook
import Runner
import Site

/// Rebuilds a site the way `litbook build` does: load, run (from the cache), render, write.
struct ShippedRebuild {
    var notePaths: [String]
    var output: String
    /// Whether cells are run (through the runner's cache) or recorded outputs are shown.
    var runsCells: Bool { true }

    init(notePaths: [String], output: String) throws {
        self.notePaths = notePaths
        self.output = output
    }

    /// One full build: what `litbook build NOTES --out DIR` does after parsing its arguments.
    func build() async throws {
        let loaded = NoteLoader.load(notePaths)
        let runs = try await NoteRunner(options: RunOptions(), progress: nil).run(loaded.notes)
        let byPath = Dictionary(runs.map { ($0.notePath, $0) }, uniquingKeysWith: { first, _ in first })
        let files = SiteRenderer().render(loaded.notes.map { SiteNote(note: $0, run: byPath[$0.path]) })
        _ = try SiteWriter(outputDirectory: output).write(files)
    }

    /// The median wall seconds of `repeats` builds, after one untimed build that warms the runner's cache.
    func medianSeconds(repeats: Int) async throws -> Double {
        try await build()
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try await build()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[repeats / 2]
    }
}
