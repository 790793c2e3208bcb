// The error thrown when a saved tokenizer file cannot be read.

// MARK: - TokenizerFileError

/// A tokenizer file that cannot be loaded, with the file and what is wrong in it:
/// `tokenizer.json: merge 3 [300, 97] uses id 300, which does not exist before id 259`.
public struct TokenizerFileError: Error, CustomStringConvertible, Equatable {
    /// The file's path, or `<data>` when loading from bytes.
    public let file: String
    /// What is wrong, quoting the offending value.
    public let message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
