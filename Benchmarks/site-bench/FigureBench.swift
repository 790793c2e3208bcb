// The figure benchmarks: the size and render time of a 64×64
// heatmap, and the time to draw every figure of the shipped notes.

import Figures
import Foundation
import Notebook
import Runner

enum FigureBench {
    /// Median wall milliseconds of `repeats` calls of `work`, after one untimed call.
    static func medianMilliseconds(repeats: Int, clock: () -> UInt64 = { DispatchTime.now().uptimeNanoseconds },
                                   _ work: () -> Void) -> Double {
        work()
        var times: [Double] = []
        for _ in 0..<max(1, repeats) {
            let start = clock()
            work()
            times.append(Double(clock() - start) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }

    /// CPU nanoseconds this thread has used.
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
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
        func drawAll() {
            bytes = 0
            for (i, figure) in figures.enumerated() { bytes += figure.html(idPrefix: "figure-\(i)").utf8.count }
        }
        let ms = medianMilliseconds(repeats: repeats, drawAll)
        // The thread's CPU time too: on a machine shared with other jobs, wall time mostly measures the waiting.
        let cpuMs = medianMilliseconds(repeats: repeats, clock: threadCPUNanoseconds, drawAll)
        let each = figures.enumerated().map { i, figure in
            (ms: medianMilliseconds(repeats: repeats) { _ = figure.html(idPrefix: "figure-\(i)") }, figure: figure)
        }
        let slowest = each.max { $0.ms < $1.ms }
        let slowestName = slowest.map { (($0.figure.captionTitle ?? "untitled") + " (" + kind($0.figure) + ")") } ?? ""
        return "{\"measurement\":\"render_all_figures\",\"figures\":\(figures.count),\"bytes\":\(bytes),"
            + "\"render_ms\":\(String(format: "%.3f", ms)),\"render_cpu_ms\":\(String(format: "%.3f", cpuMs)),\"goal_ms"
            + "\":50,"
            + "\"slowest_ms\":\(String(format: "%.3f", slowest?.ms ?? 0)),\"slowest\":\""
            + "\(slowestName.replacingOccurrences(of: "\"", with: "'"))\"}"
    }

    private static func kind(_ figure: Figure) -> String {
        switch figure {
        case .heatmap(let heatmap): return "heatmap \(heatmap.values.count)x\(heatmap.columnLabels.count)"
        case .heatmapGrid(let grid): return "\(grid.panels.count) panels"
        case .attentionLines: return "attention lines"
        case .lineChart(let chart): return "chart of \(chart.series.map(\.y.count).reduce(0, +)) points"
        case .table: return "table"
        }
    }
}
