// N-dimensional arrays printed the way PyTorch and NumPy users
// expect: nested brackets, aligned columns, elided middles.

/// Formats an N-dimensional array given by its shape and row-major values.
///
/// ```
/// tensor([[ 0.1234, -1.0000],
///         [ 2.0000,  3.0000]], shape: [2, 2])
/// ```
/// Every number has `precision` decimals and all are right-aligned to one width. Arrays of
/// more than `elisionThreshold` elements show the first and last `edgeItems` along every axis,
/// with `...` between. Rows wider than `lineWidth` wrap, unless elided. Non-finite values print as
/// `nan`, `inf`, `-inf`.
public enum ArrayText {
    public static let elisionThreshold = 1000
    public static let edgeItems = 3
    public static let lineWidth = 80

    /// The text of an array; `name` is the word before the brackets (`tensor`).
    public static func format(shape: [Int], scalars: [Double], precision: Int = 4, name: String = "tensor") -> String {
        precondition(shape.reduce(1, *) == scalars.count,
                     "ArrayText: shape \(shape) needs \(shape.reduce(1, *)) values, got \(scalars.count)")
        let decimals = min(12, max(0, precision))
        if shape.isEmpty { return name + "(" + NumberFormatting.fixed(scalars[0], decimals: decimals) + ")" }
        let shapeText = "shape: [" + shape.map(String.init).joined(separator: ", ") + "]"
        if scalars.isEmpty { return name + "([], " + shapeText + ")" }

        let elides = scalars.count > elisionThreshold
        let shown = shape.map { shownIndices($0, elides: elides) }
        let strides = shape.indices.map { axis in shape[(axis + 1)...].reduce(1, *) }
        // One width for every printed number, measured over the printed ones only.
        var width = 0
        forEachShown(shown, strides: strides) {
            width = max(width, NumberFormatting.fixed(scalars[$0], decimals: decimals).count)
        }

        let prefix = name + "("
        var out = prefix
        func write(axis: Int, offset: Int, indent: Int) {
            out += "["
            let items = shown[axis]
            if axis == shape.count - 1 {
                let cell = width + 2
                // An elided row is short already (7 items); only full rows wrap.
                let perLine = items.contains(nil) ? items.count : max(1, (lineWidth - indent - 1) / cell)
                for (i, index) in items.enumerated() {
                    if i > 0 { out += i % perLine == 0 ? ",\n" + String(repeating: " ", count: indent + 1) : ", " }
                    guard let index else { out += "..."; continue }
                    let number = NumberFormatting.fixed(scalars[offset + index], decimals: decimals)
                    out += String(repeating: " ", count: width - number.count) + number
                }
            } else {
                let gap =
                    String(repeating: "\n", count: shape.count - axis - 1) + String(repeating: " ", count: indent + 1)
                for (i, index) in items.enumerated() {
                    if i > 0 { out += "," + gap }
                    guard let index else { out += "..."; continue }
                    write(axis: axis + 1, offset: offset + index * strides[axis], indent: indent + 1)
                }
            }
            out += "]"
        }
        write(axis: 0, offset: 0, indent: prefix.count)
        return out + ", " + shapeText + ")"
    }

    /// `Float` values, each read as the shortest decimal that round-trips, so `0.1` prints as `0.1000`.
    public static func format(shape: [Int], scalars: [Float], precision: Int = 4, name: String = "tensor") -> String {
        format(shape: shape, scalars: scalars.map(NumberFormatting.decimalValue), precision: precision, name: name)
    }

    // MARK: - Elision

    private static func shownIndices(_ count: Int, elides: Bool) -> [Int?] {
        guard elides && count > 2 * edgeItems else { return Array(0..<count) }
        return Array(0..<edgeItems) + [nil] + Array((count - edgeItems)..<count)
    }

    private static func forEachShown(_ shown: [[Int?]], strides: [Int], _ body: (Int) -> Void) {
        func visit(axis: Int, offset: Int) {
            if axis == shown.count { body(offset); return }
            for index in shown[axis] { if let index { visit(axis: axis + 1, offset: offset + index * strides[axis]) } }
        }
        visit(axis: 0, offset: 0)
    }
}
