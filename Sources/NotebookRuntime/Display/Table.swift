// `table`: rows of cells under a header, aligned for CJK in text and a real `<table>` on the page.

import Figures
import TransformerEngine

/// Shows rows of text under `header`; every row must have as many cells as the header (when there is one).
public func table(_ rows: [[String]], header: [String] = [], title: String? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    displayOrStop(file: file, line: line) { try TableFigures.table(rows, header: header, title: title) }
}

/// Shows rows of any values: numbers with up to 4 decimals,
/// one-element tensors as their value, the rest by description.
public func table(
    _ rows: [[Any]], header: [String] = [], title: String? = nil,
    file: StaticString = #filePath, line: UInt = #line
) {
    displayOrStop(file: file, line: line) {
        try TableFigures.table(rows.map { $0.map(TableFigures.cellText) }, header: header, title: title)
    }
}

/// Builds table figures after checking row lengths.
enum TableFigures {
    static func table(_ rows: [[String]], header: [String], title: String?) throws -> Figure {
        let width = header.isEmpty ? rows.first?.count : header.count
        if let width, let bad = rows.firstIndex(where: { $0.count != width }) {
            let against = header.isEmpty ? "row 0 has \(width)" : "the header has \(width)"
            throw DisplayInputError("table: row \(bad) has \(rows[bad].count) cells but \(against)")
        }
        return .table(Table(title: title, header: header, rows: rows))
    }

    /// A cell value as text: numbers in the fixed, locale-free form figures use.
    static func cellText(_ value: Any) -> String {
        switch value {
        case let text as String: return text
        case let number as Double: return NumberFormatting.compact(number)
        case let number as Float: return NumberFormatting.compact(NumberFormatting.decimalValue(of: number))
        case let tensor as Tensor:
            return tensor.count == 1 ? NumberFormatting.compact(NumberFormatting.decimalValue(of: tensor.scalars[0]))
                : "tensor of shape \(tensor.shape)"
        default: return String(describing: value)
        }
    }
}
