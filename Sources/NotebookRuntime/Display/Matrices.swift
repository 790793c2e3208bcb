// Turning what cells pass (tensors, nested arrays of Float or Double) into the matrices figures hold.

import Figures
import TransformerEngine

/// Checked conversions from cell values to `[[Double]]`.
enum Matrices {
    /// The rows of a 2-d tensor; `function` names the caller in the error.
    static func rows(of tensor: Tensor, in function: String, argument: String = "values") throws -> [[Double]] {
        guard tensor.shape.count == 2 else {
            throw DisplayInputError(
                "\(function): \(argument) must be a matrix [rows, columns], got shape \(tensor.shape)")
        }
        return split(tensor.scalars, rows: tensor.shape[0], columns: tensor.shape[1])
    }

    /// `[Float]` rows as `[[Double]]`, each value its shortest decimal.
    static func rows(of rows: [[Float]]) -> [[Double]] {
        rows.map { $0.map(NumberFormatting.decimalValue) }
    }

    /// Checks the rows are all as long as the first.
    static func checkRectangular(_ rows: [[Double]], in function: String) throws {
        guard let first = rows.first else { return }
        if let bad = rows.firstIndex(where: { $0.count != first.count }) {
            throw DisplayInputError(
                "\(function): row 0 has \(first.count) values but row \(bad) has \(rows[bad].count)")
        }
    }

    /// `scalars` cut into `rows` rows of `columns` values.
    static func split(_ scalars: [Float], rows: Int, columns: Int) -> [[Double]] {
        (0..<rows).map { r in scalars[(r * columns)..<((r + 1) * columns)].map(NumberFormatting.decimalValue) }
    }

    /// The given labels after checking their count, or `0, 1, 2, …` when none were given.
    static func labels(
        _ labels: [String]?, count: Int, what: String, for items: String, in function: String
    ) throws -> [String] {
        guard let labels else { return (0..<count).map(String.init) }
        guard labels.count == count else {
            throw DisplayInputError("\(function): \(labels.count) \(what) for \(count) \(items)")
        }
        return labels
    }
}
