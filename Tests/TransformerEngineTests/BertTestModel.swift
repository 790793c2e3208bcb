// The fetched all-MiniLM-L6-v2 and the Hugging Face golden data for the BERT and WordPiece tests.

import Foundation
import XCTest
@testable import TransformerEngine

/// The model `scripts/fetch-models.sh` puts into Notes/models/, loaded once for all tests.
enum BertTestModel {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Notes/models/all-MiniLM-L6-v2")

    private static let loaded = Result { try SentenceEncoder(contentsOf: folder) }

    /// The encoder, or the loading error (for a missing model, the one naming scripts/fetch-models.sh).
    static func encoder() throws -> SentenceEncoder { try loaded.get() }
}

/// One row of Golden/bert/tokens.json: BertTokenizer's output for a text.
struct GoldenTokens: Decodable {
    let text: String
    let tokens: [String]
    let ids: [Int]

    static func all() throws -> [GoldenTokens] {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Golden", withExtension: nil))
        let data = try Data(contentsOf: folder.appendingPathComponent("bert/tokens.json"))
        return try JSONDecoder().decode([GoldenTokens].self, from: data)
    }
}
