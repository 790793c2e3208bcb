// Settings of a whole site that are not in any note.

import Foundation

/// How the site presents itself.
public struct SiteOptions: Hashable, Sendable {
    /// The name in every page's header and the index page's heading.
    public var title: String
    /// The relative address of a manual built beside the notes (e.g. `manual/index.html`),
    /// linked from the index page; `nil` for none.
    public var manualLink: String?

    public init(title: String = "学习笔记", manualLink: String? = nil) {
        self.title = title
        self.manualLink = manualLink
    }

    /// The options for a site written into `outputFolder`: the index links to `manual/` when
    /// that subfolder holds a site litbook built (it has its own manifest). `build` and
    /// `check --site` both call this, so a fresh build and the check agree.
    public static func forOutputFolder(_ outputFolder: String) -> SiteOptions {
        let manifest = outputFolder + "/" + SiteFolder.manualName + "/" + SiteManifest.fileName
        return SiteOptions(manualLink: FileManager.default.fileExists(atPath: manifest)
                               ? SiteFolder.manualName + "/index.html" : nil)
    }
}
