// Writes records to the runner's channel, each stamped with the stdout offset it follows.

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
@preconcurrency import Foundation
import RecordStream

/// The write end of the record channel, when the runner provided one.
final class RecordSink: @unchecked Sendable {
    /// The channel named by the environment, or nil outside litbook.
    static let shared: RecordSink? = {
        guard let value = getenv(ChildEnvironment.recordDescriptor),
              let descriptor = Int32(String(cString: value)), descriptor >= 0 else { return nil }
        return RecordSink(descriptor: descriptor)
    }()

    private let descriptor: Int32
    private let encoder = FrameEncoder()
    /// Records from several threads must not interleave their bytes or their offsets.
    private let lock = NSLock()

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Sends `record` after everything printed so far.
    func send(_ record: Record) {
        lock.lock()
        defer { lock.unlock() }
        // Printed text must be in the file before its offset is taken.
        fflush(stdout)
        let offset = lseek(STDOUT_FILENO, 0, SEEK_CUR)
        let frame = Frame(outputOffset: UInt64(max(0, offset)), record: record)
        guard let bytes = try? encoder.encode(frame) else {
            fputs("litbook: a figure could not be encoded\n", stderr)
            return
        }
        writeAll(bytes)
    }

    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = write(descriptor, raw.baseAddress! + sent, raw.count - sent)
                if n < 0 {
                    if errno == EINTR { continue }
                    // The runner is gone: nothing reads the records any more.
                    _exit(70)
                }
                sent += n
            }
        }
    }
}
