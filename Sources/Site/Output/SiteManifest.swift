// `.litbook-site`: the list of files litbook wrote into the output folder, so it knows what is its own.

/// The manifest litbook keeps in the output folder.
///
/// A file in the folder that is not listed was put there by someone else: litbook never
/// deletes it without `--clean`. Pages of removed notes are listed, so they disappear.
enum SiteManifest {
    static let fileName = ".litbook-site"

    private static let header =
        "# Files written by `litbook build`. It replaces them on every build and keeps every file not listed here."

    /// The manifest's text for `paths`, sorted.
    static func text(for paths: [String]) -> String {
        ([header] + paths.sorted()).joined(separator: "\n") + "\n"
    }

    /// The paths a manifest lists; comment and blank lines are ignored.
    static func paths(in text: String) -> Set<String> {
        Set(text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }
}
