// Which build of the inner loops this process runs (GEMM tiles, elementwise kernels): AVX2 when the CPU has it.

import Foundation
import TransformerEngineKernelsAVX2

// MARK: - Choice

/// The implementation of GEMM's and the elementwise kernels' inner loops; both give bit-identical results.
enum GemmKernel: Sendable {
    /// Portable SIMD code built for baseline x86-64 (SSE) or whatever the package targets.
    case generic
    /// The same arithmetic built with `-target-cpu haswell` (module TransformerEngineKernelsAVX2).
    case avx2

    /// The kernel chosen once per process: `LITBOOK_KERNEL=generic` forces the portable one.
    static let current: GemmKernel = {
        if ProcessInfo.processInfo.environment["LITBOOK_KERNEL"] == "generic" { return .generic }
        return cpuRunsHaswellCode ? .avx2 : .generic
    }()

    /// Whether the AVX2 kernel can run here at all (tests compare it with the generic one).
    static var avx2IsAvailable: Bool { cpuRunsHaswellCode }
}

// MARK: - CPU features

/// Whether this CPU has every feature `-target-cpu haswell` lets the compiler use.
///
/// Read from the `flags` line of /proc/cpuinfo (Linux, pure Swift, no CPUID intrinsic); besides
/// AVX2 the compiler may emit FMA-free but BMI/LZCNT/MOVBE/F16C integer and conversion code, so
/// all of them are required. Elsewhere, or if the file is unreadable, the answer is no.
private let cpuRunsHaswellCode: Bool = {
    #if arch(x86_64)
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return false }
    let flags = Set(line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" }).map(String.init))
    return ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm"].allSatisfy(flags.contains)
    #else
    return false
    #endif
}()
