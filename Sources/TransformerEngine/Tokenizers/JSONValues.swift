// JSON for the tokenizer and safetensors files: string literals by the one writer of TextFormats, so
// the files have fixed bytes, and integers read out of JSONSerialization's results strictly.

import Foundation
import TextFormats

// MARK: - JSON string literals

extension String {
    /// This string as a JSON string literal, quotes included, by the one rule of `JSONText`.
    var jsonLiteral: String { JSONText.string(self) }
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
