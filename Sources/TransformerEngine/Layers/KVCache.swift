// Keys and values of earlier positions, kept during generation so each new token costs one step.

// MARK: - KVCache

/// Cached keys and values of one attention layer, [batch, heads, positions, d_k] each: of the
/// positions generated so far (self-attention), or of a fixed memory (cross-attention).
public struct KVCache: Sendable {
    public internal(set) var keys: Tensor?
    public internal(set) var values: Tensor?

    public init() {}

    /// How many positions are cached.
    public var length: Int { keys?.shape[2] ?? 0 }

    /// Appends new keys and values along the position axis and returns the full tensors.
    mutating func append(keys newKeys: Tensor, values newValues: Tensor) -> (Tensor, Tensor) {
        if let keys, let values {
            self.keys = Tensor.concat([keys, newKeys], axis: 2)
            self.values = Tensor.concat([values, newValues], axis: 2)
        } else {
            keys = newKeys
            values = newValues
        }
        return (keys!, values!)
    }
}
