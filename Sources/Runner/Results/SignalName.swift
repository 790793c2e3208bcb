// Names and plain words for the signals a crashed program can die of.

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// `SIGSEGV (segmentation fault)` rather than `signal 11`.
enum SignalName {
    static func describe(_ signal: Int32) -> String {
        let known: [Int32: String] = [
            SIGILL: "SIGILL (illegal instruction)", SIGTRAP: "SIGTRAP (trace trap)",
            SIGABRT: "SIGABRT (abort)", SIGBUS: "SIGBUS (bus error)", SIGFPE: "SIGFPE (arithmetic error)",
            SIGKILL: "SIGKILL (killed)", SIGSEGV: "SIGSEGV (segmentation fault)", SIGPIPE: "SIGPIPE (broken pipe)",
            SIGTERM: "SIGTERM (terminated)", SIGXCPU: "SIGXCPU (CPU time limit)", SIGXFSZ: "SIGXFSZ (file size limit)",
        ]
        return known[signal] ?? "signal \(signal)"
    }
}
