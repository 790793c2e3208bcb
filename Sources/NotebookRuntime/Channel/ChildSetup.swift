// The limits and process settings the runner asks of a cell program, applied at its start.

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import RecordStream

/// Applies what the runner put in the environment; does nothing else outside litbook.
enum ChildSetup {
    static func apply() {
        // Unbuffered, so a crash loses no printed byte and every record's offset is exact.
        setvbuf(stdout, nil, _IONBF, 0)
        guard getenv(ChildEnvironment.recordDescriptor) != nil else { return }
        dieWithParent()
        // Relative paths in cells are relative to the note; if its folder is gone, stay put.
        if let folder = getenv(ChildEnvironment.workingDirectory) { _ = chdir(folder) }
        #if os(Linux)
        setLimit(RLIMIT_AS.rawValue, from: ChildEnvironment.addressSpaceLimit)
        setLimit(RLIMIT_CPU.rawValue, from: ChildEnvironment.cpuSecondsLimit, hardSlack: 2)
        setLimit(RLIMIT_FSIZE.rawValue, from: ChildEnvironment.fileSizeLimit)
        #endif
    }

    // MARK: - Death with the parent

    /// Asks the kernel to kill this process when the runner's thread that spawned it ends,
    /// so that no cell program outlives litbook, even when litbook itself is killed.
    private static func dieWithParent() {
        #if os(Linux)
        // `prctl` is variadic in C, so Swift does not import it; its address is looked up instead.
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        let setParentDeathSignal: Int32 = 1  // PR_SET_PDEATHSIG, from <linux/prctl.h>
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") {
            _ = unsafeBitCast(symbol, to: Prctl.self)(setParentDeathSignal, UInt(SIGKILL), 0, 0, 0)
        }
        #endif
        // The parent may have died before the request above took effect.
        if let value = getenv(ChildEnvironment.parentProcess),
           let parent = Int32(String(cString: value)), getppid() != parent {
            _exit(70)
        }
    }

    // MARK: - Resource limits

    #if os(Linux)
    private static func setLimit(_ resource: UInt32, from variable: String, hardSlack: UInt64 = 0) {
        guard let value = getenv(variable), let limit = UInt64(String(cString: value)) else { return }
        let kind = __rlimit_resource_t(resource)
        var current = rlimit()
        guard getrlimit(kind, &current) == 0 else { return }
        var wanted = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit + hardSlack))
        // An unprivileged process cannot raise its hard limit: stay within it.
        wanted.rlim_max = min(wanted.rlim_max, current.rlim_max)
        wanted.rlim_cur = min(wanted.rlim_cur, wanted.rlim_max)
        _ = setrlimit(kind, &wanted)
    }
    #endif
}
