// Writing JSON by hand, so that saved tokenizers and safetensors headers have fixed bytes,
// and reading integers out of JSONSerialization's results strictly.

import Foundation

// MARK: - JSON string literals

extension String {
    /// This string as a JSON string literal, quotes included.
    ///
    /// Only `"`, `\` and control characters are escaped; everything else, Chinese included,
    /// is written as itself in UTF-8, so files stay readable and their bytes never depend on
    /// an encoder's options.
    var jsonLiteral: String {
        var literal = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                literal += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}

// MARK: - Reading integers

enum JSONNumbers {
    /// `value` as an array of non-negative integers, or nil if it is anything else.
    ///
    /// JSONSerialization gives NSNumbers, which would let `true` pass as 1; this does not,
    /// nor 2.5, nor a negative number.
    static func naturals(_ value: Any?) -> [Int]? {
        guard let numbers = value as? [Any] else { return nil }
        var result: [Int] = []
        for number in numbers {
            guard let number = number as? NSNumber, String(cString: number.objCType) != "c",
                let integer = number as? Int, integer >= 0
            else { return nil }
            result.append(integer)
        }
        return result
    }
}
