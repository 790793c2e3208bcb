// The Tensor value: Float32, N-dimensional, row-major, copy-on-write, optionally tracked by autograd.

// MARK: - Tensor

/// An N-dimensional array of `Float` in row-major order with value semantics.
///
/// Copies are cheap (the scalars are shared until one copy is written). A tensor that
/// `requiresGrad` carries a reference to its autograd node, so `backward()` can reach the
/// tensors it was computed from.
public struct Tensor: @unchecked Sendable {
    /// The extent of each axis; `[]` is a scalar (0-d) tensor holding one value.
    public internal(set) var shape: [Int]
    /// All elements, last axis fastest.
    public internal(set) var scalars: [Float]
    /// The autograd node; `nil` for tensors outside any graph.
    var node: GradNode?

    // MARK: - Creating

    /// Creates a tensor from its shape and row-major scalars.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor shape \(shape) has a negative axis")
        let count = shape.reduce(1, *)
        precondition(
            count == scalars.count,
            "Tensor(shape: \(shape), scalars:) needs \(count) scalars, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
        self.node = nil
        _ = MallocTuning.applied
    }

    /// A 1-d tensor (vector) from an array.
    public init(_ array: [Float]) {
        self.init(shape: [array.count], scalars: array)
    }

    /// A 2-d tensor (matrix) from its rows, which must all have the same length.
    public init(_ rows: [[Float]]) {
        let columns = rows.first?.count ?? 0
        for (index, row) in rows.enumerated() where row.count != columns {
            preconditionFailure(
                "Tensor(rows): row 0 has \(columns) values but row \(index) has \(row.count)")
        }
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
    }

    /// A 0-d tensor holding one value.
    public init(scalar: Float) {
        self.init(shape: [], scalars: [scalar])
    }

    /// A tensor of the given shape with every element equal to `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }

    // MARK: - Describing

    /// The number of axes.
    public var rank: Int { shape.count }
    /// The number of elements.
    public var count: Int { scalars.count }
    /// The only value of a one-element tensor.
    public var item: Float {
        precondition(scalars.count == 1, "item needs a one-element tensor, shape is \(shape)")
        return scalars[0]
    }
}

// MARK: - Equality

extension Tensor: Equatable {
    /// Same shape and the same scalars (autograd state is not compared).
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && lhs.scalars == rhs.scalars
    }
}

// MARK: - Output buffers

extension Array where Element == Float {
    /// `count` floats without the zero-fill, for an op's output that its kernel writes in full
    /// before anything reads it. Zeroing such buffers was a measurable part of a small model's
    /// step (each one a pass over memory that the next pass overwrites).
    static func forOverwriting(count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
