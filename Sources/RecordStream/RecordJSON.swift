// The one JSON dialect of records and cached results: sorted keys, non-finite numbers spelled out.

import Foundation

/// JSON coders that give the same bytes for the same value, and round-trip NaN and ±infinity.
///
/// Masked attention scores are `-inf` and a diverging loss is `nan`; plain JSON has no
/// spelling for either, so they are written as the strings below.
public enum RecordJSON {
    static let positiveInfinity = "+inf"
    static let negativeInfinity = "-inf"
    static let notANumber = "nan"

    /// A new encoder: sorted keys, no slash escaping, non-finite numbers as strings.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: positiveInfinity, negativeInfinity: negativeInfinity, nan: notANumber)
        return encoder
    }

    /// A new decoder that reads what `encoder()` writes.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: positiveInfinity, negativeInfinity: negativeInfinity, nan: notANumber)
        return decoder
    }
}
