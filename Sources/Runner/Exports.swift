// The result types live in NoteResults; the runner hands them out, so importing Runner brings them.

@_exported import NoteResults
