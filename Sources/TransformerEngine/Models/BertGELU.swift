// GELU in BERT's exact form, ½x(1 + erf(x/√2)), eight lanes at a time.

// MARK: - erf GELU

extension Tensor {
    /// GELU as BERT and PyTorch's `nn.GELU()` compute it: ½x(1 + erf(x/√2)) (not the tanh form
    /// of `gelu()`). erf comes from Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7)
    /// with the engine's libm-free exponential, so the bits are the same on every machine.
    /// Inference only: the result is not recorded for autograd. O(count).
    public func geluErf() -> Tensor {
        mappingBuffer { x, out, count in
            let width = Lanes.scalarCount, whole = count / width * width
            var i = 0
            while i < whole {
                let v = UnsafeRawPointer(x + i).loadUnaligned(as: Lanes.self)
                UnsafeMutableRawPointer(out + i).storeBytes(of: Self.geluErf(v), as: Lanes.self)
                i += width
            }
            if whole < count {
                storeLanes(Self.geluErf(loadLanes(x + whole, count: count - whole)), to: out + whole,
                    count: count - whole)
            }
        }
    }

    /// ½x(1 + erf(x/√2)) per lane.
    @inline(__always)
    static func geluErf(_ x: Lanes) -> Lanes {
        let z = x * 0.707_106_781
        let a = z.replacing(with: -z, where: z .< 0)
        let t = 1 / (1 + 0.327_591_1 * a)
        var p = Lanes(repeating: 1.061_405_429)
        p = p * t - 1.453_152_027
        p = p * t + 1.421_413_741
        p = p * t - 0.284_496_736
        p = p * t + 0.254_829_592
        p = p * t
        let erfOfA = 1 - p * fastExp(-(a * a))
        let erf = erfOfA.replacing(with: -erfOfA, where: z .< 0)
        return 0.5 * x * (1 + erf)
    }
}
