// Ctrl-C and termination: kill every child process group, remove scratch folders, exit 130.

import Dispatch
import Foundation
import Runner

/// Installs litbook's handling of SIGINT, SIGTERM and SIGHUP.
///
/// The signals are ignored at the process level and delivered to a dispatch source instead,
/// so the handler runs as ordinary code (it may take locks and delete files). Children are
/// started with default signal handling and in their own process groups, so the terminal's
/// Ctrl-C reaches litbook alone, and litbook decides their end.
enum InterruptHandler {
    /// Called before exiting, e.g. to leave the live progress area cleanly.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    private static let lock = NSLock()

    /// Installs the handler; `cleanUp` runs once before litbook exits. Ctrl-C exits with
    /// `status` (`serve` ends that way normally, with 0) and prints `message`.
    static func install(status interruptStatus: Int32 = ExitStatus.interrupted.rawValue,
                        message: String = "litbook: interrupted; every cell program was stopped",
                        cleanUp: @escaping @Sendable () -> Void = {}) {
        lock.withLock {
            guard sources.isEmpty else { return }
            for (signalNumber, status) in [(SIGINT, interruptStatus), (SIGTERM, 128 + SIGTERM), (SIGHUP, 128 + SIGHUP)]
            {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    ChildRegistry.shared.terminateAll()
                    cleanUp()
                    Terminal.writeError("\n\(message)\n")
                    exit(status)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
