// Why a note could not be written back, in words that name the file.

/// A note that was not written back, and why.
public enum NoteFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file no longer holds the text litbook read: someone edited it meanwhile.
    case changedOnDisk(path: String)
    /// The file or its temporary copy could not be read, written or renamed.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .changedOnDisk(let path):
            return "\(path) changed on disk while litbook ran; not overwritten"
        case .cannotWrite(let path, let reason):
            return "\(path) could not be written: \(reason); the file is unchanged"
        }
    }
}
