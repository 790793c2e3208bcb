// The notes the benchmarks run: small cells of the kind a study note has.

import Notebook

enum BenchNotes {
    /// A note of `cells` small cells that share state and print a line each.
    static func text(cells: Int, seed: Int) -> String {
        var text = "---\ntitle: bench \(seed)\n---\n# Bench note \(seed)\n\n"
        text +=
            "Some prose before the cells.\n\n```swift\nvar values: [Double] = [\(seed), 1, 2,"
                + " 3]\nprint(values.count)\n```\n\n"
        for k in 1..<cells {
            text += "Cell \(k) explains one step.\n\n```swift\nvalues = values.map { $0 * 0.5 + \(k) }\n"
            text += "print(\"step \(k):\", values.reduce(0, +))\n```\n\n"
        }
        return text
    }

    static func note(cells: Int, seed: Int, path: String) -> Note {
        NoteParser.parse(path: path, text: text(cells: cells, seed: seed)).note
    }
}
