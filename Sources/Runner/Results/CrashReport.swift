// Reads what the Swift runtime says when a program traps: its message, and where in the note it happened.

import Foundation

/// The runtime's account of a crash: the `Fatal error: …` text it printed and the crash site
/// from its JSON backtrace.
struct CrashReport {
    /// The runtime's message without its `file:line: ` prefix, e.g. `Fatal error: Index out of range`.
    var message: String?
    /// The message's further lines (a multi-line `fatalError` text).
    var messageDetail: String = ""
    /// The frames of the backtrace that point into the note, innermost first.
    var noteFrames: [(function: String, line: Int, column: Int)] = []
    /// A line named by the message's `file:line: ` prefix when that file is the note.
    var messageLine: Int?
    /// What the backtrace calls the fault, e.g. `Bad pointer dereference`.
    var faultDescription: String?
    /// The crashed thread's frame count and the most repeated function among them: deep
    /// recursion of one function is how a stack overflow looks.
    var deepestRepetition = 0

    /// The text the cell printed before the runtime's report, which is removed from the output.
    var printedBefore: String

    /// Separates the runtime's report from `text` (the failing cell's printed text) and reads
    /// `backtrace` (the JSON crash log), taking lines that name `notePath` as the note's.
    ///
    /// Only a program that trapped has a runtime message to look for (`trapped`); otherwise a
    /// `Fatal error: …` line is something the cell printed, and stays in its output.
    init(text: String, backtrace: Data?, notePath: String, programModule: String, trapped: Bool = true) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var reportStart: Int?
        var header: Substring?
        for (index, line) in lines.enumerated().reversed() where trapped {
            if let found = Self.runtimeMessage(in: line) {
                reportStart = index
                header = found
                break
            }
        }
        // The backtracer's banner, `*** Signal 11: Backtracing from 0x…... done ***`, is not output.
        let bannerIndex = lines.firstIndex(where: { $0.hasPrefix("*** Signal ") && $0.contains("Backtracing") })
        var cut = [reportStart, bannerIndex].compactMap { $0 }.min() ?? lines.count
        // The backtracer puts an empty line before its banner.
        if cut == bannerIndex && cut > 0 && lines[cut - 1].isEmpty { cut -= 1 }
        printedBefore = lines[..<cut].joined(separator: "\n")
        if cut < lines.count && !printedBefore.isEmpty { printedBefore += "\n" }
        if let reportStart, let header {
            let line = lines[reportStart]
            let prefix = line[line.startIndex..<header.startIndex]
            message = String(header)
            let fileAndLine = prefix.dropLast(2)  // "file:12" from "file:12: "
            if let colon = fileAndLine.lastIndex(of: ":"),
                let number = Int(fileAndLine[fileAndLine.index(after: colon)...])
            {
                let file = fileAndLine[..<colon]
                let shortName = programModule + "/" + (notePath.split(separator: "/").last.map(String.init) ?? notePath)
                if file == notePath || file == shortName { messageLine = number }
            }
            let end = bannerIndex.map { max($0, reportStart + 1) } ?? lines.count
            messageDetail = lines[(reportStart + 1)..<end].joined(separator: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let backtrace { readBacktrace(backtrace, notePath: notePath) }
    }

    /// The message part of a runtime report line: `Fatal error: …`, `Precondition failed: …`, `Assertion failed: …`.
    private static func runtimeMessage(in line: Substring) -> Substring? {
        for kind in ["Fatal error", "Precondition failed", "Assertion failed"] {
            guard let range = line.range(of: kind) else { continue }
            let prefix = line[line.startIndex..<range.lowerBound]
            let rest = line[range.upperBound...]
            // Either the whole line starts with the kind, or with `file:LINE: ` before it.
            let prefixIsLocation = prefix.isEmpty || (prefix.hasSuffix(": ") && isLocation(prefix.dropLast(2)))
            if prefixIsLocation && (rest.isEmpty || rest.hasPrefix(":")) {
                return line[range.lowerBound...]
            }
        }
        return nil
    }

    /// Whether `text` reads `some/file.swift:123`.
    private static func isLocation(_ text: Substring) -> Bool {
        guard let colon = text.lastIndex(of: ":"), colon > text.startIndex else { return false }
        return Int(text[text.index(after: colon)...]) != nil
    }

    // MARK: - The JSON backtrace

    private mutating func readBacktrace(_ data: Data, notePath: String) {
        guard let log = try? JSONDecoder().decode(CrashLog.self, from: data) else { return }
        faultDescription = log.description
        // The crashed thread first: a signal sent from outside (a limit) may land on any thread.
        let threads = log.threads.filter { $0.crashed == true } + log.threads.filter { $0.crashed != true }
        for (position, thread) in threads.enumerated() {
            var counts: [String: Int] = [:]
            var frames: [(function: String, line: Int, column: Int)] = []
            for frame in thread.frames {
                if let symbol = frame.symbol { counts[symbol, default: 0] += 1 }
                if let location = frame.sourceLocation, location.file == notePath, location.line > 0 {
                    // "depth(_:) + 58" → "depth(_:)": the offset means nothing to the reader.
                    let function = (frame.description ?? "").components(separatedBy: " + ").first ?? ""
                    frames.append((function, location.line, location.column ?? 0))
                }
            }
            if position == 0 { deepestRepetition = counts.values.max() ?? 0 }
            if !frames.isEmpty {
                noteFrames = frames
                break
            }
        }
    }

    /// The part of the Swift backtracer's JSON crash log litbook reads.
    private struct CrashLog: Decodable {
        var description: String?
        var threads: [Thread]

        struct Thread: Decodable {
            var crashed: Bool?
            var frames: [Frame]
        }

        struct Frame: Decodable {
            var symbol: String?
            var description: String?
            var sourceLocation: Location?
        }

        struct Location: Decodable {
            var file: String
            var line: Int
            var column: Int?
        }
    }
}
