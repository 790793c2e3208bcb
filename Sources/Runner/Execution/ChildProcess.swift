// Starts a program in its own process group, its output in a file, optionally with a record channel.

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation
import TextFormats

/// A process could not be started.
struct SpawnError: Error, CustomStringConvertible {
    var executable: String
    var reason: String
    var description: String { "cannot start '\(executable)': \(reason)" }
}

/// How a child process ended.
enum Termination: Hashable, Sendable {
    case exited(Int32)
    case signaled(Int32)
}

/// A process litbook started: the leader of its own process group, registered so that an
/// interrupted litbook can kill it, and killed with its whole group when it is reaped.
///
/// Its stdout and stderr share one open file (one offset, so their bytes stay in order);
/// with `recordChannel`, its descriptor 3 is the write end of a pipe whose read end is `records`.
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    /// The file holding everything the child printed (read and size only).
    let output: Int32
    /// The non-blocking read end of the record channel, if one was asked for.
    let records: Int32?
    private var reaped = false

    /// The descriptor number the child finds its record channel at.
    static let recordDescriptor: Int32 = 3

    private init(pid: pid_t, output: Int32, records: Int32?) {
        self.pid = pid
        self.output = output
        self.records = records
    }

    deinit {
        if !reaped { _ = reap() }
        close(output)
        if let records { close(records) }
    }

    // MARK: - Starting

    /// Starts `executable` with `arguments`, printing into a new file at `outputPath`.
    ///
    /// Call from a thread that outlives the child: the child asks to be killed when the thread
    /// that started it ends (see `ChildSetup` in NotebookRuntime).
    static func spawn(executable: String, arguments: [String], environment: [String: String],
                      outputPath: String, recordChannel: Bool) throws(SpawnError) -> ChildProcess {
        let output = open(outputPath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else {
            throw SpawnError(executable: executable, reason: "cannot create '\(outputPath)': \(ErrnoText.describe())")
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group: one kill reaches every process the child starts, and the
        // terminal's Ctrl-C reaches litbook only, which then kills the groups itself.
        // Default signal handling and an empty mask: litbook's own settings must not leak.
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        var noSignal = sigset_t()
        sigemptyset(&noSignal)
        posix_spawnattr_setsigmask(&attributes, &noSignal)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted(by: { $0.key < $1.key }).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        var recordEnd: Int32?
        var failure: String?
        // Under the registry's lock no other child is being started, so the pipe's ends
        // cannot leak into another child before they are marked close-on-exec.
        let status = ChildRegistry.shared.whileRegistering {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, output, 1)
            posix_spawn_file_actions_adddup2(&actions, output, 2)
            var writeEnd: Int32?
            if recordChannel {
                guard let ends = makeRecordPipe() else {
                    failure = "cannot create the record channel: \(ErrnoText.describe())"
                    return (EIO, nil)
                }
                recordEnd = ends.read
                writeEnd = ends.write
                posix_spawn_file_actions_adddup2(&actions, ends.write, recordDescriptor)
            }
            defer { if let writeEnd { close(writeEnd) } }
            let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            return (status, status == 0 ? pid : nil)
        }
        guard status == 0 else {
            close(output)
            if let recordEnd { close(recordEnd) }
            throw SpawnError(executable: executable, reason: failure ?? ErrnoText.describe(status))
        }
        return ChildProcess(pid: pid, output: output, records: recordEnd)
    }

    /// A close-on-exec pipe whose write end is above 3, so that `dup2` onto 3 always clears
    /// close-on-exec; its read end is non-blocking. Call with the registry's lock held.
    private static func makeRecordPipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        let read = fcntl(ends[0], F_DUPFD_CLOEXEC, 10)
        let write = fcntl(ends[1], F_DUPFD_CLOEXEC, 10)
        close(ends[0])
        close(ends[1])
        guard read >= 0, write >= 0 else {
            if read >= 0 { close(read) }
            if write >= 0 { close(write) }
            return nil
        }
        _ = fcntl(read, F_SETFL, fcntl(read, F_GETFL) | O_NONBLOCK)
        return (read, write)
    }

    // MARK: - Watching and ending

    /// Whether the child has ended, without reaping it: while unreaped, its process group id
    /// cannot be reused, so killing the group stays safe.
    func hasExited() -> Bool {
        var info = siginfo_t()
        let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        return result == 0 && info._sifields._sigchld.si_pid == pid
    }

    /// Kills the child and every process in its group.
    func killGroup() {
        if !reaped { kill(-pid, SIGKILL) }
    }

    /// Kills what is left of the group, waits for the child and returns how it ended.
    func reap() -> Termination {
        precondition(!reaped, "a child is reaped once")
        killGroup()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
        ChildRegistry.shared.unregister(pid)
        // WIFEXITED / WTERMSIG, spelled out: the C macros are not imported.
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }

    /// Everything the child printed so far.
    func printedBytes() -> [UInt8] {
        let size = outputSize()
        guard size > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: size)
        let count = bytes.withUnsafeMutableBytes { pread(output, $0.baseAddress, size, 0) }
        return Array(bytes.prefix(max(0, count)))
    }

    /// The size of the output file in bytes.
    func outputSize() -> Int {
        var info = stat()
        return fstat(output, &info) == 0 ? Int(info.st_size) : 0
    }
}


extension ChildProcess {
    /// Waits until the child ends, then reaps it as `reap()` does.
    func reapWhenExited() -> Termination {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        return reap()
    }

    /// Asks the child alone (not its group) to stop with `signal`, then waits up to `seconds`
    /// for it to end; returns whether it did.
    func stop(with signal: Int32, waitingUpTo seconds: Double) -> Bool {
        kill(pid, signal)
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if hasExited() { return true }
            usleep(5_000)
        }
        return hasExited()
    }
}
