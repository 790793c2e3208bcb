// The figure benchmarks: the size and render time of a 64×64 heatmap, and the time to draw every figure of the shipped notes.

import Figures
import Foundation
import Notebook
import Runner

enum FigureBench {
    /// Median wall milliseconds of `repeats` calls of `work`, after one untimed call.
    static func medianMilliseconds(repeats: Int, _ work: () -> Void) -> Double {
        work()
        var times: [Double] = []
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }

    /// A 64×64 heatmap of values that never repeat (the worst case for the compact drawing): its bytes and render time.
    static func heatmap64(repeats: Int) -> String {
        var state: UInt64 = 42
        let values = (0..<64).map { _ in
            (0..<64).map { _ -> Double in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Double(state >> 11) / Double(UInt64(1) << 53)
            }
        }
        let labels = (0..<64).map { "tok\($0)" }
        let figure = Figure.heatmap(Heatmap(title: "64×64", rowLabels: labels, columnLabels: labels, values: values))
        var bytes = 0
        let ms = medianMilliseconds(repeats: repeats) { bytes = figure.html(idPrefix: "bench").utf8.count }
        return "{\"measurement\":\"heatmap_64x64\",\"bytes\":\(bytes),\"goal_bytes\":\(60 * 1024),"
            + "\"render_ms\":\(String(format: "%.3f", ms))}"
    }

    /// Every figure the shipped notes draw (from the runner's cache), drawn as their pages embed them.
    static func allFigures(notePaths: [String], repeats: Int) async throws -> String {
        let loaded = NoteLoader.load(notePaths)
        let runs = try await NoteRunner(options: RunOptions(), progress: nil).run(loaded.notes)
        let figures: [Figure] = runs.flatMap { $0.cells.flatMap { $0.items.compactMap { item in
            if case .figure(let figure) = item { return figure }
            return nil
        } } }
        var bytes = 0
        let ms = medianMilliseconds(repeats: repeats) {
            bytes = 0
            for (i, figure) in figures.enumerated() { bytes += figure.html(idPrefix: "figure-\(i)").utf8.count }
        }
        return "{\"measurement\":\"render_all_figures\",\"figures\":\(figures.count),\"bytes\":\(bytes),"
            + "\"render_ms\":\(String(format: "%.3f", ms)),\"goal_ms\":50}"
    }
}
