// End-to-end tests of accepting new outputs: notes in a temporary folder, written back and re-checked.

import XCTest
import Foundation
import Notebook
import Runner
@testable import Check

final class RecordedOutputUpdaterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("CheckUpdate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testChangedAndUnrecordedOutputsAreWrittenAndNothingElse() throws {
        let path = try write(CheckFixtures.text)
        let note = try load(path)
        let report = RecordedOutputUpdater.update(notes: [note], runs: [run(for: path)])
        XCTAssertEqual(report.rewritten, [.init(path: path, cellIndices: [1, 2])])
        XCTAssertEqual(report.notices, ["updated \(path) (2 outputs)"])
        let expected = CheckFixtures.text
            .replacingOccurrences(of: "weights 0.25", with: "weights 0.75")
            .replacingOccurrences(of: "print(1 + 1)\n```\n", with: "print(1 + 1)\n```\n\n```output\n2\n```\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), expected)
    }

    func testASecondUpdateChangesNothing() throws {
        let path = try write(CheckFixtures.text)
        _ = RecordedOutputUpdater.update(notes: [try load(path)], runs: [run(for: path)])
        let afterFirst = try Data(contentsOf: URL(fileURLWithPath: path))
        let second = RecordedOutputUpdater.update(notes: [try load(path)], runs: [run(for: path)])
        XCTAssertEqual(second, UpdateReport())
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), afterFirst)
    }

    func testAfterAnUpdateTheNoteChecksClean() throws {
        let path = try write(CheckFixtures.text)
        _ = RecordedOutputUpdater.update(notes: [try load(path)], runs: [run(for: path)])
        let check = NoteChecker.check(try load(path), against: run(for: path))
        // Only the crashing cell still fails: a failure is never recorded as an output.
        XCTAssertEqual(check.cells.filter(\.failed).map(\.cellIndex), [5])
        XCTAssertEqual(check.passedCount, 4)
    }

    func testNoiseWithinTheToleranceIsNotWritten() throws {
        let path = try write(CheckFixtures.text)
        var noisy = run(for: path)
        noisy.cells[1].items = [.text("weights 0.25\n")]
        noisy.cells[2].items = []
        XCTAssertEqual(RecordedOutputUpdater.update(notes: [try load(path)], runs: [noisy]), UpdateReport())
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), CheckFixtures.text)
    }

    func testANoteEditedDuringTheRunIsRefusedAndKept() throws {
        let path = try write(CheckFixtures.text)
        let note = try load(path)
        let edited = CheckFixtures.text + "\nA line the author added while litbook ran.\n"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        let report = RecordedOutputUpdater.update(notes: [note], runs: [run(for: path)])
        XCTAssertTrue(report.failed)
        XCTAssertEqual(report.rewritten, [])
        XCTAssertEqual(
            report.refused.map(\.description), ["\(path): error: changed on disk while litbook ran; not overwritten"])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), edited)

        let check = CheckReport(notes: [NoteChecker.check(note, against: run(for: path))])
        let marked = RecordedOutputUpdater.marking(check, with: report)
        XCTAssertTrue(marked.failed)
        XCTAssertEqual(marked.summary, "2 passed, 3 failed", "refused outputs stay failures")
        XCTAssertTrue(TextReport.render(marked).hasSuffix(
            "\(path): error: changed on disk while litbook ran; not overwritten\n2 passed, 3 failed\n"))
    }

    func testAnEngineChangeIsListedThenAccepted() throws {
        // An engine change shows up as outputs that no longer match: simulate it by a recording
        // that an older engine would have printed.
        let old = CheckFixtures.text.replacingOccurrences(of: "0.1235", with: "0.1300")
        let path = try write(old)
        let before = NoteChecker.check(try load(path), against: run(for: path))
        let changed = before.cells.filter { if case .changed = $0.outcome { return true } else { return false } }
        XCTAssertEqual(changed.map(\.cellIndex), [0, 1])
        XCTAssertTrue(changed[0].detail.contains("-0.1300\n+0.1236\n"), changed[0].detail)

        let update = RecordedOutputUpdater.update(notes: [try load(path)], checks: CheckReport(notes: [before]))
        let marked = RecordedOutputUpdater.marking(CheckReport(notes: [before]), with: update)
        XCTAssertEqual(marked.summary, "4 passed, 1 failed")
        XCTAssertEqual(marked.notices, ["updated \(path) (3 outputs)"])
        XCTAssertEqual(TextReport.render(marked).components(separatedBy: "\n").filter { $0.contains(": note: ") },
                       ["\(path):9: note: recorded output updated (cell at line 5)",
                        "\(path):17: note: recorded output updated (cell at line 13)",
                        "\(path):21: note: recorded output updated (cell at line 21)"])
        let after = NoteChecker.check(try load(path), against: run(for: path))
        XCTAssertEqual(after.failedCount, 1)
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("```output\n0.1236\n```"))
    }

    func testACRLFNoteStaysCRLF() throws {
        let crlf = CheckFixtures.text.replacingOccurrences(of: "\n", with: "\r\n")
        let path = try write(crlf)
        _ = RecordedOutputUpdater.update(notes: [try load(path)], runs: [run(for: path)])
        let written = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(written.contains("```output\r\nweights 0.75\r\n```\r\n"), written)
        XCTAssertFalse(written.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    func testAVanishedOutputRemovesItsBlock() throws {
        let path = try write(CheckFixtures.text)
        var quiet = run(for: path)
        quiet.cells[1].items = []
        _ = RecordedOutputUpdater.update(notes: [try load(path)], runs: [quiet])
        let written = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(written.contains("weights 0.25"))
        XCTAssertEqual(NoteChecker.check(try load(path), against: quiet).cells[1].outcome, .matched)
    }

    // MARK: - Helpers

    private func write(_ text: String) throws -> String {
        let path = folder.appendingPathComponent("01-注意力.md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func load(_ path: String) throws -> Note {
        let loaded = NoteLoader.load([path])
        XCTAssertEqual(loaded.problems, [])
        return try XCTUnwrap(loaded.notes.first)
    }

    private func run(for path: String) -> NoteRun {
        var run = CheckFixtures.run
        run.notePath = path
        for i in run.cells.indices {
            if case .failed(var error) = run.cells[i].status, error.location != nil {
                error.location?.path = path
                run.cells[i].status = .failed(error)
            }
        }
        return run
    }
}
