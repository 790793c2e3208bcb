// Keeps freed tensor memory in the process, so a training loop does not fault the same pages in every step.

#if canImport(Glibc)
import Glibc
#endif

// MARK: - Malloc tuning

/// glibc returns freed memory at the top of the heap to the kernel once more than 128 KB is
/// free there, and serves blocks over 128 KB by mmap. A train step allocates and frees the same
/// activations every step, so by default the kernel zero-fills those pages again every step:
/// 15 % of a micro-GPT step went to page faults. Raising both thresholds keeps the pages.
///
/// `mallopt` is not in Swift's Glibc module, so it is looked up by name. Elsewhere (macOS,
/// musl) this does nothing. Done once per process, on the first tensor.
enum MallocTuning {
    /// Blocks up to 64 MB come from the heap; up to 512 MB of free heap top is kept.
    static let applied: Bool = {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        return mallopt(mmapThreshold, 64 << 20) == 1 && mallopt(trimThreshold, 512 << 20) == 1
        #else
        return false
        #endif
    }()
}
