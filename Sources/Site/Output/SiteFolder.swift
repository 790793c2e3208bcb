// What an existing output folder holds: its entries and the manifest of what litbook wrote there.

import Foundation

/// The current contents of an output folder.
struct SiteFolder {
    /// The subfolder where a second book, the manual, is built inside a site.
    static let manualName = "manual"

    /// Relative paths of every file, link and empty folder in it (the manifest itself excluded).
    var entries: Set<String>
    /// The paths the previous build wrote, from its manifest; empty when there is none.
    var manifest: Set<String>

    /// Reads `folder`; a missing folder is empty.
    static func read(_ folder: URL) throws -> SiteFolder {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            return SiteFolder(entries: [], manifest: [])
        }
        guard isDirectory.boolValue else {
            throw SiteWriteError("\(folder.path): exists and is not a folder; litbook will not replace it")
        }
        var entries = Set<String>()
        try collect(folder, prefix: "", into: &entries)
        entries.remove(SiteManifest.fileName)
        let manifestURL = folder.appendingPathComponent(SiteManifest.fileName)
        let manifest = (try? String(contentsOf: manifestURL, encoding: .utf8)).map(SiteManifest.paths(in:)) ?? []
        return SiteFolder(entries: entries, manifest: manifest)
    }

    private static func collect(_ folder: URL, prefix: String, into entries: inout Set<String>) throws {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: folder.path)
        for name in names {
            let url = folder.appendingPathComponent(name)
            let path = prefix + name
            let attributes = try fm.attributesOfItem(atPath: url.path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                let before = entries.count
                try collect(url, prefix: path + "/", into: &entries)
                if entries.count == before { entries.insert(path) }  // an empty folder is an entry of its own
            } else {
                entries.insert(path)
            }
        }
    }
}
