// Runs a compiled note program under the limits, collecting what it printed and the records it sent.

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation
import RecordStream
import TextFormats

/// Which limit the runner stopped a program for.
enum LimitHit: Hashable, Sendable {
    case time
    case memory
    /// The current cell printed more than the output limit.
    case output
}

/// Everything a program run produced.
struct ProgramOutcome: Sendable {
    /// The records in the order sent.
    var frames: [Frame]
    /// Set when the record stream was damaged or cut off.
    var damage: FrameStreamDamage?
    /// The bytes of stdout and stderr, interleaved as written.
    var printed: [UInt8]
    var termination: Termination
    var limitHit: LimitHit?
    /// The Swift runtime's crash report (JSON), when the program crashed.
    var backtrace: Data?
    var seconds: Double
}

/// Runs one program and watches it: wall-clock time, resident memory, output per cell.
struct ProgramExecution: Sendable {
    var executable: String
    var scratchDirectory: String
    /// Where the program runs: the note's folder.
    var noteDirectory: String
    var limits: Limits
    /// How many cells the program brackets: sizes the file-size backstop.
    var cellCount: Int
    /// Told when a cell begins, with its index.
    var onCellBegin: @Sendable (Int) -> Void

    /// How often the watcher looks at the child, in milliseconds.
    static let pollInterval: Int32 = 5

    /// Runs the program on a thread of its own (blocking waits do not hold up Swift's
    /// concurrency pool, and the thread outlives the child, as its death signal requires).
    ///
    /// Cancelling the task stops the program as a limit would, at once (its outcome is then
    /// of no use: the caller drops it).
    func run() async throws(SpawnError) -> ProgramOutcome {
        let cancellation = Cancellation()
        let result: Result<ProgramOutcome, SpawnError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    continuation.resume(returning: Result { () throws(SpawnError) in try runBlocking(cancellation) })
                }
                thread.stackSize = 1 << 20
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try result.get()
    }

    /// Set from any thread when the run's task is cancelled; read by the watch loop.
    private final class Cancellation: @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false
        var isCancelled: Bool { lock.withLock { cancelled } }
        func cancel() { lock.withLock { cancelled = true } }
    }

    // MARK: - The watch loop

    private func runBlocking(_ cancellation: Cancellation) throws(SpawnError) -> ProgramOutcome {
        let started = ContinuousClock.now
        let backtracePath = scratchDirectory + "/backtrace.json"
        let mark = LeftoverProcesses.newMark()
        ChildRegistry.shared.register(mark: mark)
        defer { ChildRegistry.shared.unregister(mark: mark) }
        let child = try ChildProcess.spawn(
            executable: executable, arguments: [], environment: environment(backtracePath: backtracePath, mark: mark),
            outputPath: scratchDirectory + "/output.txt", recordChannel: true)
        var decoder = FrameDecoder()
        var frames: [Frame] = []
        var cellStart = 0
        var limitHit: LimitHit?
        let deadline = started + .milliseconds(Int(limits.timeLimit * 1000))

        func take(_ arrived: [Frame]) {
            for frame in arrived {
                if case .cellBegin(let index) = frame.record {
                    cellStart = Int(frame.outputOffset)
                    onCellBegin(index)
                }
            }
            frames += arrived
        }

        var channelOpen = true
        while true {
            if channelOpen {
                channelOpen = drain(child.records!, into: &decoder, waitMilliseconds: Self.pollInterval, take)
            } else {
                usleep(UInt32(Self.pollInterval) * 1000)
            }
            if child.hasExited() || cancellation.isCancelled { break }
            if ContinuousClock.now >= deadline { limitHit = .time; break }
            if child.outputSize() - cellStart > limits.outputLimit { limitHit = .output; break }
            if let resident = ProcessMemory.residentBytes(of: child.pid), resident > limits.memoryLimit {
                limitHit = .memory
                break
            }
        }
        if limitHit != nil {
            // SIGABRT makes the Swift runtime write its crash report: the backtrace tells
            // which line of the note was looping, allocating or printing.
            _ = child.stop(with: SIGABRT, waitingUpTo: Self.reportGracePeriod)
        }
        // Kill the group, and whatever the cells started outside it (a daemon keeps the
        // channel's write end too): then nothing holds that end, and the rest of the records
        // arrive followed by end of file.
        child.killGroup()
        LeftoverProcesses.end(markedWith: [mark])
        while channelOpen { channelOpen = drain(child.records!, into: &decoder, waitMilliseconds: 100, take) }
        decoder.finish()
        let termination = child.reap()
        return ProgramOutcome(
            frames: frames, damage: decoder.damage, printed: child.printedBytes(), termination: termination,
            limitHit: limitHit, backtrace: FileManager.default.contents(atPath: backtracePath),
            seconds: (ContinuousClock.now - started).seconds)
    }

    /// Reads what the channel holds, waiting up to `waitMilliseconds` for something to arrive.
    /// Returns false at end of file.
    private func drain(_ channel: Int32, into decoder: inout FrameDecoder, waitMilliseconds: Int32,
                       _ take: ([Frame]) -> Void) -> Bool {
        var ready = pollfd(fd: channel, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, waitMilliseconds) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(channel, $0.baseAddress, $0.count) }
            if count > 0 {
                take(decoder.feed(buffer[0..<count]))
                continue
            }
            if count == 0 { return false }
            if errno == EINTR { continue }
            return errno == EAGAIN || errno == EWOULDBLOCK
        }
    }

    // MARK: - The child's environment

    private func environment(backtracePath: String, mark: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment[LeftoverProcesses.variable] = mark
        environment[ChildEnvironment.recordDescriptor] = String(ChildProcess.recordDescriptor)
        environment[ChildEnvironment.parentProcess] = String(getpid())
        environment[ChildEnvironment.workingDirectory] = noteDirectory
        environment[ChildEnvironment.addressSpaceLimit] = String(limits.memoryLimit + Self.addressSpaceHeadroom)
        environment[ChildEnvironment.cpuSecondsLimit] = String(Int(limits.timeLimit.rounded(.up)) + 1)
        environment[ChildEnvironment.fileSizeLimit] = String(limits.outputLimit * (cellCount + 1) + (1 << 20))
        // A crash report as JSON in a file of its own: the note's lines for the crash site,
        // without the report's text mixing with what the cells printed.
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,format=json,threads=all,"
            + "registers=none,images=none,limit=64,top=16,output-to=\(backtracePath)"
        return environment
    }

    /// How long a program stopped for a limit may take to write its crash report.
    static let reportGracePeriod = 1.0

    /// Virtual memory a Swift process reserves beyond what it uses (thread stacks, malloc arenas):
    /// the address-space limit is only a backstop behind the resident-memory watch.
    static let addressSpaceHeadroom = 2 << 30
}
