// Reads the words after `swift` in a cell's info string into `CellOptions`.

/// Reads cell options such as `hidden`, `norun`, `fails`, `fold`, `wrap`, `tolerance=1e-3`.
enum CellOptionsParser {
    /// One word of the info string and its byte column on the fence line.
    struct Word {
        var text: String
        var column: Int
    }

    /// Reads `words` (those after `swift`); unknown or malformed options become problems and
    /// are left out, every other option is kept.
    static func parse(_ words: [Word], path: String, line: Int) -> (options: CellOptions, problems: [NoteProblem]) {
        var options = CellOptions(words: words.map(\.text))
        var problems: [NoteProblem] = []
        var seen: Set<String> = []
        for word in words {
            let name =
                word.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
                ?? word.text
            if !seen.insert(name).inserted {
                problems.append(
                    .warning("cell option '\(name)' is given twice", path: path, line: line, column: word.column))
            }
            switch name {
            case "hidden" where word.text == name: options.hidden = true
            case "norun" where word.text == name: options.norun = true
            case "fails" where word.text == name: options.fails = true
            case "fold" where word.text == name: options.fold = true
            case "wrap" where word.text == name: options.wrap = true
            case "tolerance":
                let value = String(word.text.dropFirst("tolerance=".count))
                if word.text.hasPrefix("tolerance="), let tolerance = FrontMatter.tolerance(value) {
                    options.tolerance = tolerance
                } else {
                    problems.append(
                        .error(
                            "cell option 'tolerance' needs a non-negative number, as in 'tolerance=1e-3', not"
                                + " '\(word.text)'",
                            path: path, line: line, column: word.column))
                }
            case "hidden", "norun", "fails", "fold", "wrap":
                problems.append(.error("cell option '\(name)' takes no value: '\(word.text)'",
                                       path: path, line: line, column: word.column))
            default:
                problems.append(
                    .error("unknown cell option '\(word.text)'", path: path, line: line, column: word.column))
            }
        }
        let column = words.first?.column
        if options.hidden && options.norun {
            problems.append(
                .warning(
                    "cell options 'hidden' and 'norun' together leave nothing to show: the cell neither shows nor runs",
                    path: path, line: line, column: column))
        }
        if options.hidden && options.fold {
            problems.append(
                .warning(
                    "cell option 'fold' has no effect on a 'hidden' cell: its code is not shown at all",
                    path: path, line: line, column: column))
        }
        if options.norun && options.fails {
            problems.append(
                .warning("cell option 'fails' has no effect on a 'norun' cell", path: path, line: line, column: column))
        }
        return (options, problems)
    }
}
