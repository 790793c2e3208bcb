// What is wrong with a formula's TeX, and where in the TeX it is.

/// A formula that cannot become MathML: an unknown command, an unbalanced brace, a missing argument.
public struct TeXError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, quoting the TeX, e.g. `unknown TeX command '\foo'`.
    public var message: String
    /// Where: the UTF-8 byte offset into the formula's TeX.
    public var offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}
