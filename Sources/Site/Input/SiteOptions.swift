// Settings of a whole site that are not in any note.

import Foundation

/// How the site presents itself.
public struct SiteOptions: Hashable, Sendable {
    /// The name in every page's header and the index page's heading.
    public var title: String
    /// Every cell's code starts folded under "显示代码", as if each cell had the `fold` option.
    public var foldsAllCode: Bool
    /// The web address of the repository holding the notes; each page's source path links into it.
    public var repository: String?
    /// The branch those links point at.
    public var branch: String
    /// The language of the notes, as `<html lang>` gives it to screen readers, hyphenation and fonts;
    /// a note's front matter `lang:` overrides it for its page.
    public var language: String
    /// The relative address of a manual built beside the notes (e.g. `manual/index.html`),
    /// linked from the index page; `nil` for none.
    public var manualLink: String?

    public init(title: String = "学习笔记", foldsAllCode: Bool = false, repository: String? = nil, branch: String = "main",
                language: String = "zh-CN", manualLink: String? = nil) {
        self.title = title
        self.language = language
        self.foldsAllCode = foldsAllCode
        self.repository = repository
        self.branch = branch
        self.manualLink = manualLink
    }

    /// The address of `notePath` in the repository, or `nil` when the book names none.
    /// GitHub, GitLab and Gitea all serve a file at `<repository>/blob/<branch>/<path>`.
    func sourceURL(of notePath: String) -> String? {
        guard let repository else { return nil }
        let path = NotePaths.normalized(notePath).split(separator: "/").map { URLEncoding.percentEncoded(String($0)) }
        return repository + "/blob/" + URLEncoding.percentEncoded(branch) + "/" + path.joined(separator: "/")
    }

    /// These options for a site written into `outputFolder`: the index links to `manual/` when
    /// that subfolder holds a site litbook built (it has its own manifest). `build` and
    /// `check --site` both call this, so a fresh build and the check agree.
    public func linkingManual(in outputFolder: String) -> SiteOptions {
        let manifest = outputFolder + "/" + SiteFolder.manualName + "/" + SiteManifest.fileName
        var options = self
        options.manualLink =
            FileManager.default.fileExists(atPath: manifest) ? SiteFolder.manualName + "/index.html" : nil
        return options
    }
}
