// site-bench: how fast litbook renders a site, against `cat *.md | cmark` on the same notes in the same run.
//
// Usage: site-bench [--notes N] [--repeats R] [--shipped DIR] [--figures-only]
// (--figures-only draws the shipped notes' figures and the 64×64 heatmap, prints, records nothing)
// Prints one JSON line per measurement. Goals: rendering ≤ 5× cmark; a rebuild of the shipped
// notes with nothing changed ≤ 0.5 s; a 64×64 heatmap ≤ 60 KB; drawing every figure of the shipped
// notes ≤ 50 ms in all; 1,000 formulas to MathML ≤ 50 ms. Also the size of the search index readers
// download.

import BenchmarkResults
import Foundation
import MathML
import Notebook
import Site

var noteCount = 1000
var repeats = 3
var shippedNotes = "Notes"
var figuresOnly = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--notes": noteCount = Int(arguments.popFirst() ?? "") ?? noteCount
    case "--repeats": repeats = Int(arguments.popFirst() ?? "") ?? repeats
    case "--shipped": shippedNotes = arguments.popFirst() ?? shippedNotes
    case "--figures-only": figuresOnly = true
    default:
        FileHandle.standardError.write(
            Data("usage: site-bench [--notes N] [--repeats R] [--shipped DIR] [--figures-only]\n".utf8))
        exit(2)
    }
}

if figuresOnly {
    print(try await FigureBench.allFigures(notePaths: NoteFinder.find([shippedNotes]).paths, repeats: repeats))
    print(FigureBench.heatmap64(repeats: repeats))
    exit(0)
}

RunRecord.start()

// MARK: - Generated notes

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("site-bench-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: scratch) }
var generator = NoteGenerator()
let paths = try generator.write(count: noteCount, into: scratch + "/Notes")
let totalBytes = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }

/// CPU seconds (user and system) used so far by this process, or by its finished children.
func cpuSeconds(children: Bool) -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
        usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Wall seconds of `cat Notes/*.md | cmark > /dev/null`.
func cmarkSeconds() -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "cat \"$0\"/*.md | cmark > /dev/null", scratch + "/Notes"]
    let start = DispatchTime.now().uptimeNanoseconds
    do { try process.run() } catch { return .nan }
    process.waitUntilExit()
    return process.terminationStatus == 0 ? Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 : .nan
}

/// Reads, parses and renders every note (recorded outputs, no cell runs): the `--no-exec` path, in memory.
func renderSeconds() -> (total: Double, parse: Double, files: SiteFiles) {
    MathML.forgetRenderedFormulas()  // every round renders its formulas as a fresh build does
    let start = DispatchTime.now().uptimeNanoseconds
    let loaded = NoteLoader.load(paths)
    let parsed = DispatchTime.now().uptimeNanoseconds
    let files = SiteRenderer().render(loaded.notes.map { SiteNote(note: $0) })
    let end = DispatchTime.now().uptimeNanoseconds
    return (Double(end - start) / 1e9, Double(parsed - start) / 1e9, files)
}

var cmarkTimes: [Double] = []
var renderTimes: [(total: Double, parse: Double, files: SiteFiles)] = []
// CPU seconds too: on a machine shared with other jobs they show the cost of the work itself.
var cmarkCPU: [Double] = []
var renderCPU: [Double] = []
_ = cmarkSeconds()
_ = renderSeconds()
for _ in 0..<repeats {
    let childrenBefore = cpuSeconds(children: true)
    cmarkTimes.append(cmarkSeconds())
    cmarkCPU.append(cpuSeconds(children: true) - childrenBefore)
    let selfBefore = cpuSeconds(children: false)
    renderTimes.append(renderSeconds())
    renderCPU.append(cpuSeconds(children: false) - selfBefore)
}
let cmarkCPUMedian = cmarkCPU.sorted()[repeats / 2]
let renderCPUMedian = renderCPU.sorted()[repeats / 2]
let cmark = cmarkTimes.sorted()[repeats / 2]
let render = renderTimes.sorted { $0.total < $1.total }[repeats / 2]
RunRecord.add(
    "{\"measurement\":\"render_vs_cmark\",\"notes\":\(noteCount),\"megabytes\":"
        + "\(String(format: "%.2f", Double(totalBytes) / 1e6)),"
        + "\"cmark_s\":\(String(format: "%.4f", cmark)),\"litbook_render_s\":\(String(format: "%.4f", render.total)),"
        + "\"of_which_parse_s\":\(String(format: "%.4f", render.parse)),\"ratio\":"
        + "\(String(format: "%.2f", render.total / cmark)),"
        + "\"cmark_cpu_s\":\(String(format: "%.4f", cmarkCPUMedian)),\"litbook_cpu_s\":"
        + "\(String(format: "%.4f", renderCPUMedian)),"
        + "\"cpu_ratio\":\(String(format: "%.2f", renderCPUMedian / cmarkCPUMedian)),\"goal_ratio\":5}")

let renderedFiles = render.files
let indexBytes = renderedFiles["assets/search-index.js"]?.count ?? 0
RunRecord.add(
    "{\"measurement\":\"search_index\",\"notes\":\(noteCount),\"bytes\":\(indexBytes),"
        + "\"megabytes\":\(String(format: "%.2f", Double(indexBytes) / 1e6)),\"notes_megabytes\":"
        + "\(String(format: "%.2f", Double(totalBytes) / 1e6))}"
)
let writeStart = DispatchTime.now().uptimeNanoseconds
_ = try SiteWriter(outputDirectory: scratch + "/Site").write(renderedFiles)
let writeSeconds = Double(DispatchTime.now().uptimeNanoseconds - writeStart) / 1e9
RunRecord.add(
    "{\"measurement\":\"write_site\",\"files\":\(renderedFiles.paths.count),\"seconds\":"
        + "\(String(format: "%.4f", writeSeconds))}"
)

// MARK: - Formulas

/// CPU seconds this thread has used: on a machine shared with other jobs, the cost of the work itself.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Wall and CPU seconds to turn 1,000 formulas of the notes into MathML.
func formulaSeconds(round: Int) -> (wall: Double, cpu: Double) {
    let cpuStart = threadCPUSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    var bytes = 0
    for i in 0..<1000 {
        // Each formula made distinct, so that the render cache cannot answer.
        let tex = NoteGenerator.formulas[i % NoteGenerator.formulas.count] + " + \\alpha_{\(round)} + \\beta_{\(i)}"
        if case .success(let markup) = MathML.render(tex, display: i % 2 == 0) {
            bytes += markup.utf8.count
        }
    }
    precondition(bytes > 0, "every formula of the bench renders")
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, threadCPUSeconds() - cpuStart)
}
_ = formulaSeconds(round: -1)
let formulaTimes = (0..<max(repeats, 3)).map { formulaSeconds(round: $0) }
let formulaWall = formulaTimes.map(\.wall).sorted()[formulaTimes.count / 2]
let formulaCPU = formulaTimes.map(\.cpu).sorted()[formulaTimes.count / 2]
RunRecord.add(
    "{\"measurement\":\"formulas_to_mathml\",\"formulas\":1000,\"seconds\":\(String(format: "%.4f", formulaWall)),"
        + "\"cpu_seconds\":\(String(format: "%.4f", formulaCPU)),\"goal_s\":0.05}")

// MARK: - Rebuild of the shipped notes

let shipped = NoteFinder.find([shippedNotes])
if shipped.paths.isEmpty {
    RunRecord.add("{\"measurement\":\"rebuild_shipped\",\"skipped\":\"no notes in \(shippedNotes)\"}")
} else {
    let rebuild = try ShippedRebuild(notePaths: shipped.paths, output: scratch + "/ShippedSite")
    let seconds = try await rebuild.medianSeconds(repeats: repeats)
    RunRecord.add(
        "{\"measurement\":\"rebuild_shipped\",\"notes\":\(shipped.paths.count),\"cells_run\":\(rebuild.runsCells),"
            + "\"seconds\":\(String(format: "%.4f", seconds)),\"goal_s\":0.5}")
    RunRecord.add(try await FigureBench.allFigures(notePaths: shipped.paths, repeats: repeats))
}

// MARK: - Figures

RunRecord.add(FigureBench.heatmap64(repeats: repeats))

// MARK: - Results file

RunRecord.save(bench: "site-bench")
