// Turns the command line's NOTES… arguments into the list of note files to work on.

import Foundation

/// Finds note files.
public enum NoteFinder {
    /// The folder used when no note is named.
    public static let defaultFolder = "Notes"

    /// Files or folders (recursively, `.md` files, sorted by path with a byte-wise order so it is
    /// the same everywhere); default `["Notes"]` when arguments are empty. Missing path → a
    /// problem, the rest still found.
    ///
    /// A file named on the command line is taken whatever its extension. Inside folders, names
    /// starting with `.` are skipped (editor and VCS files) and symbolic links to folders are not
    /// followed (no cycles). Found paths keep the argument's spelling as their start
    /// (`Notes/a.md`, `./Notes/a.md`); the same path named twice is listed once.
    public static func find(_ arguments: [String]) -> (paths: [String], problems: [NoteProblem]) {
        let fileManager = FileManager.default
        var paths: Set<String> = []
        var problems: [NoteProblem] = []
        for argument in arguments.isEmpty ? [defaultFolder] : arguments {
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: argument, isDirectory: &isFolder) else {
                problems.append(.error("no such file or folder", path: argument, line: 0))
                continue
            }
            if isFolder.boolValue {
                let folder = argument.count > 1 && argument.hasSuffix("/") ? String(argument.dropLast()) : argument
                paths.formUnion(markdownFiles(under: folder, problems: &problems))
            } else {
                paths.insert(argument)
            }
        }
        return (paths.sorted(by: bytewise), problems)
    }

    /// Orders paths by their UTF-8 bytes, so that the order does not depend on locale or
    /// Unicode normalisation.
    public static func bytewise(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    // MARK: - Walking folders

    private static func markdownFiles(under folder: String, problems: inout [NoteProblem]) -> [String] {
        let fileManager = FileManager.default
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: folder)
        } catch {
            problems.append(.error("cannot list the folder: \(error.localizedDescription)", path: folder, line: 0))
            return []
        }
        var found: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = folder == "/" ? "/" + name : folder + "/" + name
            let attributes = try? fileManager.attributesOfItem(atPath: path)
            let type = attributes?[.type] as? FileAttributeType
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                if type != .typeSymbolicLink { found += markdownFiles(under: path, problems: &problems) }
            } else if name.hasSuffix(".md") {
                found.append(path)
            }
        }
        return found
    }
}
