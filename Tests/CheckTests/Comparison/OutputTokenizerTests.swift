// Tests of where the tokenizer sees numbers, and how precisely each was printed.

import XCTest
@testable import Check

final class OutputTokenizerTests: XCTestCase {
    /// A compact picture of the tokens: numbers in ⟨⟩, text as is.
    private func picture(_ text: String) -> String {
        OutputTokenizer.tokens(of: text).map { token in
            switch token {
            case .text(let t): return t
            case .number(let n): return "⟨\(n.text)⟩"
            }
        }.joined()
    }

    func testWhereNumbersAre() {
        let rows: [(String, String)] = [
            ("loss 2.3026", "loss ⟨2.3026⟩"),
            ("[-0.5, 1e-05, 1.2E+3]", "[⟨-0.5⟩, ⟨1e-05⟩, ⟨1.2E+3⟩]"),
            ("2-3", "⟨2⟩-⟨3⟩"),
            ("f(x)-1", "f(x)-⟨1⟩"),
            ("a[0]-1", "a[⟨0⟩]-⟨1⟩"),
            ("float32 x1 _9", "float32 x1 _9"),
            ("v1.2.3 and 1.2.3", "v1.2.3 and 1.2.3"),
            ("3_000", "3_000"),
            ("done.", "done."),
            ("1.", "⟨1⟩."),
            ("2.5em", "⟨2.5⟩em"),
            ("1e", "⟨1⟩e"),
            ("nan inf -inf infinity", "⟨nan⟩ ⟨inf⟩ ⟨-inf⟩ ⟨infinity⟩"),
            ("info nano", "info nano"),
            ("0x1F", "⟨0⟩x1F"),
            ("第3层", "第3层"),
            ("层 3", "层 ⟨3⟩"),
        ]
        for (text, expected) in rows {
            XCTAssertEqual(picture(text), expected, text)
        }
    }

    func testLastDigitUnits() {
        let rows: [(String, Double, PrintedNumber.Kind)] = [
            ("0.1235", 1e-4, .decimal), ("-12.50", 1e-2, .decimal), ("42", 1, .integer),
            ("1e-05", 1e-5, .decimal), ("1.2E+3", 100, .decimal), ("2.50e-3", 1e-5, .decimal),
            ("nan", 0, .notANumber), ("-inf", 0, .infinity),
        ]
        for (text, unit, kind) in rows {
            let number = PrintedNumber(reading: text)
            XCTAssertEqual(number?.kind, kind, text)
            XCTAssertEqual(number?.lastDigitUnit ?? -1, unit, accuracy: unit * 1e-12, text)
        }
    }

    func testTextTokensAlternateWithNumbers() {
        let tokens = OutputTokenizer.tokens(of: "a 1 b 2.5 c")
        XCTAssertEqual(tokens.count, 5)
        for (a, b) in zip(tokens, tokens.dropFirst()) {
            if case .text = a, case .text = b { XCTFail("two text tokens in a row") }
        }
    }
}
