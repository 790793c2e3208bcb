// Settings of a whole site that are not in any note.

/// How the site presents itself.
public struct SiteOptions: Hashable, Sendable {
    /// The name in every page's header and the index page's heading.
    public var title: String

    public init(title: String = "学习笔记") {
        self.title = title
    }
}
