// Captures what display functions print, by pointing stdout at a temporary file for the duration of a call.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` and returns everything it printed to stdout.
func capturedStandardOutput(_ body: () -> Void) -> String {
    fflush(nil)  // every C stream, stdout included (naming `stdout` is not concurrency-safe in Swift 6)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "display-capture-\(getpid())-\(UUID().uuidString)"
    ).path
    let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let saved = dup(STDOUT_FILENO)
    dup2(file, STDOUT_FILENO)
    body()
    fflush(nil)   // every C stream, stdout included (naming `stdout` is not concurrency-safe in Swift 6)
    dup2(saved, STDOUT_FILENO)
    close(saved)
    close(file)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}
