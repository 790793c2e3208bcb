// The `litbook` command line: build the study site, run the notes' cells, check them.

import ArgumentParser

@main
struct Litbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "litbook",
        abstract: "Turn Markdown study notes with Swift cells into a static study site whose examples really run.",
        subcommands: [RunCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self, InitCommand.self]
    )
}
