// Which build of the engine's inner loops this process runs: generic, AVX2 or AVX-512, by the CPU's features.

import Foundation

// MARK: - Choice

/// A build of the inner loops (GEMM tiles, row and elementwise kernels, the optimizer); all give
/// bit-identical results. `KernelTable` holds a build's functions.
enum KernelBuild: Sendable {
    /// Portable SIMD code built for baseline x86-64 (SSE) or whatever the package targets.
    case generic
    /// The same arithmetic built with `-target-cpu haswell` (module TransformerEngineKernelsAVX2).
    case avx2
    /// AVX2 as above, except GEMM's packed-panel tiles (24×16) and GELU, which run from
    /// TransformerEngineKernelsAVX512 (`-target-cpu skylake-avx512`).
    case avx512

    /// The kernel chosen once per process: the widest this CPU runs. `LITBOOK_KERNEL=generic`
    /// forces the portable one, `LITBOOK_KERNEL=avx2` stops at AVX2.
    static let current: KernelBuild = {
        let asked = ProcessInfo.processInfo.environment["LITBOOK_KERNEL"]
        if asked == "generic" || !avx2IsAvailable { return .generic }
        return asked != "avx2" && avx512IsAvailable ? .avx512 : .avx2
    }()

    /// Whether the AVX2 kernel can run here at all (tests compare it with the generic one).
    static var avx2IsAvailable: Bool { cpuFeatures.isSuperset(of: haswellFeatures) }

    /// Whether the AVX-512 builds can run here at all (tests compare them with the generic one).
    static var avx512IsAvailable: Bool {
        cpuFeatures.isSuperset(of: haswellFeatures.union(skylakeAVX512Features))
    }
}

// MARK: - CPU features

/// The `flags` of /proc/cpuinfo that `-target-cpu haswell` lets the compiler use: besides AVX2 it
/// may emit FMA-free but BMI/LZCNT/MOVBE/F16C integer and conversion code, so all are required.
private let haswellFeatures: Set<String> = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm"]

/// What `-target-cpu skylake-avx512` adds that float code can use: the AVX-512 foundation, its
/// 128/256-bit forms and the byte, word, doubleword and quadword instructions (and conflict
/// detection). Its cache-control and other system extras do not appear in arithmetic kernels.
private let skylakeAVX512Features: Set<String> = ["avx512f", "avx512vl", "avx512bw", "avx512dq", "avx512cd"]

/// This CPU's feature flags, read once from the `flags` line of /proc/cpuinfo (Linux, pure Swift,
/// no CPUID intrinsic); empty elsewhere or if the file is unreadable, so only generic code runs.
private let cpuFeatures: Set<String> = {
    #if arch(x86_64)
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    return Set(line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" }).map(String.init))
    #else
    return []
    #endif
}()
