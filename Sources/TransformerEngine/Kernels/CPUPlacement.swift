// Keeps an engine worker off the CPU of the thread that hands it work.

#if os(Linux)
import Glibc
#endif

// MARK: - CPU placement

/// Linux places a thread it wakes next to the thread that woke it when it takes the other CPUs for
/// busy, and in a virtual machine an idle virtual CPU often looks busy (its host thread is descheduled).
/// A worker woken by a product's caller then shares the caller's CPU, and the product runs at one
/// core's speed until the scheduler balances the two, several milliseconds later: measured here, a
/// 512×512 product after a 5 ms pause took 2.7 ms instead of 1.3 ms, every time. A worker that finds
/// itself on its caller's CPU moves to another one (`leave(cpu:allowed:)`).
///
/// `sched_getcpu` and `sched_setaffinity` are GNU extensions that Swift's Glibc module does not
/// export, so they are looked up by name; elsewhere this does nothing.
enum CPUPlacement {
    private typealias GetCPU = @convention(c) () -> Int32
    private typealias Affinity = @convention(c) (Int32, Int, UnsafeMutableRawPointer) -> Int32

    /// Words of a CPU mask: 1,024 CPUs, glibc's `cpu_set_t`.
    private static let maskWords = 16

    private static let functions: (getCPU: GetCPU, get: Affinity, set: Affinity)? = {
        #if os(Linux)
        let process = dlopen(nil, RTLD_NOW)
        guard let getCPU = dlsym(process, "sched_getcpu"), let get = dlsym(process, "sched_getaffinity"),
            let set = dlsym(process, "sched_setaffinity")
        else { return nil }
        return (
            unsafeBitCast(getCPU, to: GetCPU.self), unsafeBitCast(get, to: Affinity.self),
            unsafeBitCast(set, to: Affinity.self))
        #else
        return nil
        #endif
    }()

    /// The CPU the calling thread runs on, or nil when unknown.
    static func current() -> Int? {
        guard let functions else { return nil }
        let cpu = functions.getCPU()
        return cpu >= 0 ? Int(cpu) : nil
    }

    /// The CPUs the calling thread may run on, as a mask (bit c of word c / 64), or nil when unknown.
    static func allowed() -> [UInt64]? {
        guard let functions else { return nil }
        var mask = [UInt64](repeating: 0, count: maskWords)
        let status = mask.withUnsafeMutableBytes { functions.get(0, $0.count, $0.baseAddress!) }
        return status == 0 ? mask : nil
    }

    /// Moves the calling thread off `cpu` to another of `allowed`, then lets it run on all of
    /// `allowed` again, so the scheduler stays free to place it later (the caller may move too);
    /// does nothing when no other CPU is allowed.
    static func leave(cpu: Int, allowed: [UInt64]) {
        guard let functions, cpu / 64 < allowed.count else { return }
        var others = allowed, all = allowed
        others[cpu / 64] &= ~(1 << UInt64(cpu % 64))
        guard others.contains(where: { $0 != 0 }) else { return }
        // Leaving `cpu` out of the mask migrates the thread before the call returns; putting it
        // back moves nothing.
        guard others.withUnsafeMutableBytes({ functions.set(0, $0.count, $0.baseAddress!) }) == 0 else { return }
        _ = all.withUnsafeMutableBytes { functions.set(0, $0.count, $0.baseAddress!) }
    }
}
