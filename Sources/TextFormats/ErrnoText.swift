// The text of a system error number, as every message that reports a failed system call words it.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's description of an error number, e.g. `No such file or directory`.
public enum ErrnoText {
    /// The description of `code`; by default of the current `errno`.
    public static func describe(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
