// A plain HTTP/1.1 client over a socket, for tests: the request line is sent exactly as written (`/../x` too).

import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum HTTPProbe {
    struct Response {
        var status: Int
        var body: String
    }

    /// Sends `GET target` to 127.0.0.1:`port` and reads the whole response.
    static func get(port: UInt16, _ target: String, host: String = "127.0.0.1") -> Response? {
        guard let socket = connect(host: host, port: port) else { return nil }
        defer { close(socket) }
        send(socket, "GET \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(socket, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n"),
              let status = Int(text.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return Response(status: status, body: String(text[headEnd.upperBound...]))
    }

    /// Opens the event stream and returns its socket, or nil.
    static func openEvents(port: UInt16) -> Int32? {
        guard let socket = connect(host: "127.0.0.1", port: port) else { return nil }
        send(socket, "GET /_litbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        return socket
    }

    /// Reads from `socket` until `text` has arrived or `seconds` have passed; returns all read.
    static func read(_ socket: Int32, until text: String, seconds: Double) -> String {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            var ready = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(socket, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            received += buffer[0..<count]
            if String(decoding: received, as: UTF8.self).contains(text) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    private static func connect(host: String, port: UInt16) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            return nil
        }
        return socket
    }

    private static func send(_ socket: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
    }

    /// The local addresses of sockets listening on `port`, as `/proc/net/tcp` and `tcp6` list them
    /// (hex, e.g. `0100007F` for 127.0.0.1).
    static func listeningAddresses(port: UInt16) -> [String] {
        let portHex = String(format: "%04X", port)
        return ["/proc/net/tcp", "/proc/net/tcp6"].flatMap { file -> [String] in
            let lines = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").dropFirst()
            return lines.compactMap { line in
                let fields = line.split(separator: " ")
                guard fields.count > 3, fields[3] == "0A" else { return nil }
                let local = fields[1].split(separator: ":")
                return local.count == 2 && local[1] == portHex ? String(local[0]) : nil
            }
        }
    }
}
