// Reads a formula's TeX by recursive descent and writes its MathML Core markup as it goes.

/// A parser for one formula: `parseFormula` returns the markup inside `<math>`, or throws
/// `TeXError` at the first thing it cannot read.
struct TeXParser {
    private let scalars: [Unicode.Scalar]
    private var i = 0
    private var font: MathFont = .normal
    /// Whether the atom just parsed is a function name (`\log`, `\max`, `\operatorname{…}`).
    private var atomIsFunction = false

    init(_ tex: String) {
        scalars = Array(tex.unicodeScalars)
    }

    /// What a list of items is inside of, which decides where it stops.
    private enum Context {
        case formula, group, left, environment, optionalArgument
    }

    /// A parsed item and how scripts attach to it.
    private struct Atom {
        enum Kind { case ordinary, limitsOperator, scriptsOperator }
        var markup: String
        var kind: Kind = .ordinary
    }

    mutating func parseFormula() throws -> String {
        let items = try parseList(.formula)
        return Self.row(items)
    }

    // MARK: - Lists

    private mutating func parseList(_ context: Context) throws -> [String] {
        var items: [String] = []
        while true {
            skipSpace()
            // At the end, the caller says what is missing, at the place that opened it.
            guard i < scalars.count else { return items }
            let c = scalars[i]
            if c == "}" {
                if context == .group { return items }
                throw TeXError("unbalanced brace: '}' has no '{' before it", offset: offset(i))
            }
            if c == "]" && context == .optionalArgument { return items }
            if c == "&" {
                if context == .environment { return items }
                throw TeXError(
                    "'&' is only allowed inside an environment such as aligned or pmatrix", offset: offset(i))
            }
            // Only commands that end or wrap a list are looked at here; the first letter filters
            // the rest out without building their name.
            if c == "\\", i + 1 < scalars.count, "rmecdt\\".unicodeScalars.contains(scalars[i + 1]),
                let name = peekCommandName()
            {
                switch name {
                case "right", "middle":
                    if context == .left { return items }
                    throw TeXError("'\\\(name)' has no '\\left' before it", offset: offset(i))
                case "\\", "end", "cr":
                    if context == .environment { return items }
                    if name == "end" { throw TeXError("'\\end' has no '\\begin' before it", offset: offset(i)) }
                    throw TeXError(
                        "'\\\\' is only allowed inside an environment such as aligned or pmatrix", offset: offset(i))
                case "displaystyle", "textstyle":
                    i += name.unicodeScalars.count + 1
                    let rest = try parseList(context)
                    items.append("<mstyle displaystyle=\"\(name == "displaystyle")\">" + Self.row(rest) + "</mstyle>")
                    return items
                default:
                    break
                }
            }
            items.append(try parseScripted())
            if atomIsFunction && thinSpaceFollowsFunction() {
                items.append("<mspace width=\"0.1667em\"></mspace>")
            }
        }
    }

    // MARK: - Scripts

    /// As in TeX, a thin space separates a function name from its argument (`\log x`), but not
    /// from a parenthesis (`\log(x)`) or the end of a group.
    private mutating func thinSpaceFollowsFunction() -> Bool {
        skipSpace()
        guard i < scalars.count else { return false }
        if "([{}&^_,;.".unicodeScalars.contains(scalars[i]) { return false }
        if scalars[i] == "\\", let name = peekCommandName() {
            return ![
                "left", "right", "big", "Big", "bigl", "Bigl", "\\", "end", "middle", ",", ";", "quad", "qquad", "!",
            ].contains(name)
        }
        return true
    }

    /// An atom with its subscript, superscript and primes.
    private mutating func parseScripted() throws -> String {
        atomIsFunction = false
        var atom = try parseAtom()
        let isFunction = atomIsFunction
        var sub: String?, sup: String?, primes = 0
        while true {
            skipSpace()
            guard i < scalars.count else { break }
            let c = scalars[i], start = i
            if c == "^" || c == "_" {
                i += 1
                if (c == "^" ? sup : sub) != nil {
                    throw TeXError(
                        "double \(c == "^" ? "superscript" : "subscript"): use braces, as in x^{ab}",
                        offset: offset(start))
                }
                let argument = try parseArgument(of: String(c))
                if c == "^" { sup = argument } else { sub = argument }
            } else if c == "'" {
                i += 1
                primes += 1
            } else if c == "\\", let name = peekCommandName(), name == "limits" || name == "nolimits" {
                guard atom.kind != .ordinary else {
                    throw TeXError("'\\\(name)' must follow a large operator such as \\sum", offset: offset(i))
                }
                i += name.unicodeScalars.count + 1
                atom.kind = name == "limits" ? .limitsOperator : .scriptsOperator
            } else {
                break
            }
        }
        if primes > 0 {
            let mark = "<mo>" + String(repeating: "′", count: primes) + "</mo>"
            sup = sup.map { "<mrow>" + mark + $0 + "</mrow>" } ?? mark
        }
        let base = atom.markup
        atomIsFunction = isFunction
        switch (sub, sup, atom.kind == .limitsOperator) {
        case (nil, nil, _): return base
        case (let b?, nil, false): return "<msub>" + base + b + "</msub>"
        case (nil, let p?, false): return "<msup>" + base + p + "</msup>"
        case (let b?, let p?, false): return "<msubsup>" + base + b + p + "</msubsup>"
        case (let b?, nil, true): return "<munder>" + base + b + "</munder>"
        case (nil, let p?, true): return "<mover>" + base + p + "</mover>"
        case (let b?, let p?, true): return "<munderover>" + base + b + p + "</munderover>"
        }
    }

    /// The argument of a command or script: a braced group, or one character or command.
    private mutating func parseArgument(of command: String) throws -> String {
        skipSpace()
        guard i < scalars.count, scalars[i] != "}", scalars[i] != "&" else {
            throw TeXError("'\(command)' needs an argument", offset: offset(i))
        }
        if scalars[i] == "{" { return try parseGroup() }
        if scalars[i] == "\\", let name = peekCommandName(), ["right", "middle", "end", "\\"].contains(name) {
            throw TeXError("'\(command)' needs an argument", offset: offset(i))
        }
        return try parseAtom(single: true).markup
    }

    /// `{ … }` as one item; the font set inside ends with the group.
    private mutating func parseGroup() throws -> String {
        let open = i
        i += 1
        let saved = font
        defer { font = saved }
        let items = try parseList(.group)
        guard i < scalars.count, scalars[i] == "}" else {
            throw TeXError("unbalanced brace: this '{' is never closed", offset: offset(open))
        }
        i += 1
        return Self.row(items)
    }

    // MARK: - Atoms

    private mutating func parseAtom(single: Bool = false) throws -> Atom {
        let c = scalars[i]
        switch c {
        case "{":
            return Atom(markup: try parseGroup())
        case "\\":
            return try parseCommand()
        case "^", "_":
            return Atom(markup: "<mrow></mrow>")  // a script with nothing before it
        case "~":
            i += 1
            return Atom(markup: "<mtext>\u{A0}</mtext>")
        case "0"..."9":
            return Atom(markup: number(single: single))
        case "a"..."z", "A"..."Z":
            return Atom(markup: letters(single: single))
        default:
            i += 1
            if c.isASCII, let op = TeXSymbols.asciiOperators[UInt8(c.value)] {
                return Atom(markup: Self.operatorMarkup(op))
            }
            if c.isASCII && !c.properties.isAlphabetic {
                throw TeXError("'\(c)' cannot appear in a formula here", offset: offset(i - 1))
            }
            let text = MathMLText.escaped(String(c))
            if c.properties.isAlphabetic {
                return Atom(
                    markup: (c.value >= 0x2E80 ? "<mtext>" : "<mi>") + text + (c.value >= 0x2E80 ? "</mtext>" : "</mi>")
                )
            }
            return Atom(markup: "<mo>" + text + "</mo>")
        }
    }

    /// Digits (with one decimal point) as one number, or a single digit as an argument (`\frac12`).
    private mutating func number(single: Bool) -> String {
        let start = i
        i += 1
        if !single {
            var seenPoint = false
            while i < scalars.count {
                let c = scalars[i]
                if ("0"..."9").contains(c) { i += 1; continue }
                if c == ".", !seenPoint, i + 1 < scalars.count, ("0"..."9").contains(scalars[i + 1]) {
                    seenPoint = true
                    i += 1
                    continue
                }
                break
            }
        }
        let digits = String(String.UnicodeScalarView(scalars[start..<i].map { font.styled($0) }))
        return "<mn>" + digits + "</mn>"
    }

    /// A letter as an identifier; under `\mathrm` a run of letters is one upright identifier.
    private mutating func letters(single: Bool) -> String {
        let start = i
        i += 1
        guard font == .roman else {
            let letter = String(font.styled(scalars[start]))
            return "<mi>" + letter + "</mi>"
        }
        while !single && i < scalars.count && Self.isASCIILetter(scalars[i]) { i += 1 }
        let name = String(String.UnicodeScalarView(scalars[start..<i]))
        return i - start == 1 ? "<mi mathvariant=\"normal\">" + name + "</mi>" : "<mi>" + name + "</mi>"
    }

    // MARK: - Commands

    private mutating func parseCommand() throws -> Atom {
        let start = i
        guard let name = peekCommandName() else {
            throw TeXError("a formula cannot end with '\\'", offset: offset(start))
        }
        i += name.unicodeScalars.count + 1
        if let symbol = TeXSymbols.symbol(name) {
            return symbolAtom(symbol)
        }
        if let newFont = MathFont.commands[name] {
            let starred = name == "operatorname" && eat("*")
            let saved = font
            font = newFont
            defer { font = saved }
            let argument = try parseArgument(of: "\\" + name)
            atomIsFunction = name == "operatorname"
            return Atom(markup: argument, kind: starred ? .limitsOperator : .ordinary)
        }
        if let accent = TeXSymbols.accents[name] {
            let argument = try parseArgument(of: "\\" + name)
            let stretchy = accent.stretchy ? "" : " stretchy=\"false\""
            let mark = "<mo" + stretchy + ">" + MathMLText.escaped(accent.mark) + "</mo>"
            return Atom(markup: accent.under ? "<munder accentunder=\"true\">" + argument + mark + "</munder>"
                                             : "<mover accent=\"true\">" + argument + mark + "</mover>")
        }
        if let size = TeXSymbols.delimiterSizes[name] {
            let delimiter = try readDelimiter(after: name, at: start)
            return Atom(
                markup:
                    "<mo fence=\"true\" stretchy=\"true\" symmetric=\"true\" minsize=\"\(size)\" maxsize=\"\(size)\">"
                    + MathMLText.escaped(delimiter) + "</mo>")
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = try parseArgument(of: "\\" + name)
            let denominator = try parseArgument(of: "\\" + name)
            let fraction = "<mfrac>" + numerator + denominator + "</mfrac>"
            switch name {
            case "dfrac", "cfrac": return Atom(markup: "<mstyle displaystyle=\"true\">" + fraction + "</mstyle>")
            case "tfrac": return Atom(markup: "<mstyle displaystyle=\"false\">" + fraction + "</mstyle>")
            default: return Atom(markup: fraction)
            }
        case "binom":
            let top = try parseArgument(of: "\\binom")
            let bottom = try parseArgument(of: "\\binom")
            return Atom(markup: "<mrow>" + fence("(", form: "prefix") + "<mfrac linethickness=\"0\">" + top + bottom
                        + "</mfrac>" + fence(")", form: "postfix") + "</mrow>")
        case "sqrt":
            skipSpace()
            if i < scalars.count && scalars[i] == "[" {
                let open = i
                i += 1
                let index = try parseList(.optionalArgument)
                guard eat("]") else { throw TeXError("'[' is never closed with ']'", offset: offset(open)) }
                let radicand = try parseArgument(of: "\\sqrt")
                return Atom(markup: "<mroot>" + radicand + Self.row(index) + "</mroot>")
            }
            let radicand = try parseArgument(of: "\\sqrt")
            return Atom(markup: "<msqrt>" + radicand + "</msqrt>")
        case "text", "textrm", "textit", "textbf", "textnormal", "mbox", "mathnormal":
            return Atom(markup: "<mtext>" + MathMLText.escaped(try readText(of: name)) + "</mtext>")
        case "underbrace", "overbrace":
            // The brace stretches under (over) its argument; a subscript (superscript) labels it.
            let argument = try parseArgument(of: "\\" + name)
            let markup = name == "underbrace"
                ? "<munder>" + argument + "<mo stretchy=\"true\">⏟</mo></munder>"
                : "<mover>" + argument + "<mo stretchy=\"true\">⏞</mo></mover>"
            return Atom(markup: markup, kind: .limitsOperator)
        case "overset", "stackrel", "underset":
            let mark = try parseArgument(of: "\\" + name)
            let base = try parseArgument(of: "\\" + name)
            return Atom(
                markup: name == "underset"
                    ? "<munder>" + base + mark + "</munder>" : "<mover>" + base + mark + "</mover>")
        case "left":
            return Atom(markup: try parseLeftRight(at: start))
        case "begin":
            return Atom(markup: try parseEnvironment(at: start))
        default:
            throw TeXError("unknown TeX command '\\\(name)'", offset: offset(start))
        }
    }

    private mutating func symbolAtom(_ symbol: TeXSymbol) -> Atom {
        switch symbol {
        case .identifier(let text, let upright):
            return Atom(markup: (upright ? "<mi mathvariant=\"normal\">" : "<mi>") + MathMLText.escaped(text) + "</mi>")
        case .operator(let text):
            return Atom(markup: Self.operatorMarkup(text))
        case .largeOperator(let text):
            return Atom(markup: "<mo>" + text + "</mo>",
                        kind: TeXSymbols.takesLimits(text) ? .limitsOperator : .scriptsOperator)
        case .function(let name, let limits):
            atomIsFunction = true
            guard limits else { return Atom(markup: "<mi>" + name + "</mi>") }
            return Atom(markup: "<mo movablelimits=\"true\" form=\"prefix\">" + name + "</mo>", kind: .limitsOperator)
        case .space(let width):
            return Atom(markup: "<mspace width=\"" + width + "\"></mspace>")
        }
    }

    /// `\left( … \middle| … \right)` as a row whose delimiters stretch to its height.
    private mutating func parseLeftRight(at start: Int) throws -> String {
        var markup = "<mrow>" + fence(try readDelimiter(after: "left", at: start), form: "prefix")
        while true {
            let items = try parseList(.left)
            guard i < scalars.count else { throw TeXError("'\\left' has no '\\right' after it", offset: offset(start)) }
            markup += items.joined()
            let commandStart = i
            let name = peekCommandName()!
            i += name.unicodeScalars.count + 1
            let delimiter = try readDelimiter(after: name, at: commandStart)
            if name == "right" {
                return markup + fence(delimiter, form: "postfix") + "</mrow>"
            }
            markup += "<mo stretchy=\"true\" fence=\"true\" form=\"infix\">" + MathMLText.escaped(delimiter) + "</mo>"
        }
    }

    private func fence(_ delimiter: String, form: String) -> String {
        guard !delimiter.isEmpty else { return "" }
        return "<mo stretchy=\"true\" fence=\"true\" form=\"\(form)\">" + MathMLText.escaped(delimiter) + "</mo>"
    }

    /// The delimiter after `\left`, `\right`, `\big` and the like.
    private mutating func readDelimiter(after command: String, at start: Int) throws -> String {
        skipSpace()
        guard i < scalars.count else {
            throw TeXError("'\\\(command)' needs a delimiter such as ( or \\{", offset: offset(start))
        }
        var written = String(scalars[i])
        if scalars[i] == "\\" {
            written = "\\" + (peekCommandName() ?? "")
        }
        guard let delimiter = TeXSymbols.delimiter(written) else {
            throw TeXError("'\(written)' is not a delimiter '\\\(command)' accepts", offset: offset(i))
        }
        i += written.unicodeScalars.count
        return delimiter
    }

    // MARK: - Environments

    /// `\begin{name} … \end{name}`: matrices, cases and aligned equations as an `mtable`.
    private mutating func parseEnvironment(at start: Int) throws -> String {
        let name = try readText(of: "begin")
        let fences: (String, String)
        var alignments: (Int) -> String? = { _ in nil }
        switch name {
        case "matrix", "smallmatrix": fences = ("", "")
        case "pmatrix": fences = ("(", ")")
        case "bmatrix": fences = ("[", "]")
        case "Bmatrix": fences = ("{", "}")
        case "vmatrix": fences = ("|", "|")
        case "Vmatrix": fences = ("‖", "‖")
        case "cases":
            fences = ("{", "")
            alignments = { _ in "left" }
        case "aligned", "split", "alignedat":
            fences = ("", "")
            alignments = { $0 % 2 == 0 ? "right" : "left" }
        case "gathered":
            fences = ("", "")
        default:
            throw TeXError("unknown TeX environment '\(name)'", offset: offset(start))
        }
        var rows: [[String]] = [[]]
        while true {
            let cell = try parseList(.environment)
            guard i < scalars.count else {
                throw TeXError("'\\begin{\(name)}' is never ended with '\\end{\(name)}'", offset: offset(start))
            }
            let column = rows[rows.count - 1].count
            // A cell after `&` in aligned starts mid-row: an empty row before `=` keeps it a relation.
            let startsMidRow = alignments(column) == "left" && name != "cases" && !cell.isEmpty
            rows[rows.count - 1].append(Self.row(startsMidRow ? ["<mrow></mrow>"] + cell : cell))
            if eat("&") { continue }
            let commandStart = i
            let command = peekCommandName()!
            i += command.unicodeScalars.count + 1
            if command == "end" {
                let closing = try readText(of: "end")
                guard closing == name else {
                    throw TeXError(
                        "'\\end{\(closing)}' does not match '\\begin{\(name)}'", offset: offset(commandStart))
                }
                break
            }
            if eat("[") { while i < scalars.count && !eat("]") { i += 1 } }  // `\\[4pt]`: extra row space
            rows.append([])
        }
        if rows.count > 1, rows[rows.count - 1] == ["<mrow></mrow>"] { rows.removeLast() }  // a final `\\`
        var table = "<mtable>"
        for row in rows {
            table += "<mtr>"
            for (column, cell) in row.enumerated() {
                table += alignments(column).map { "<mtd columnalign=\"\($0)\">" } ?? "<mtd>"
                table += cell + "</mtd>"
            }
            table += "</mtr>"
        }
        table += "</mtable>"
        if fences.0.isEmpty && fences.1.isEmpty { return table }
        return "<mrow>" + fence(fences.0, form: "prefix") + table + fence(fences.1, form: "postfix") + "</mrow>"
    }

    // MARK: - Reading characters

    /// The text of a braced argument as written (`\text{if }`, `\begin{pmatrix}`).
    private mutating func readText(of command: String) throws -> String {
        skipSpace()
        guard i < scalars.count, scalars[i] == "{" else {
            throw TeXError("'\\\(command)' needs a braced argument", offset: offset(i))
        }
        let open = i
        i += 1
        var depth = 0
        var text = String.UnicodeScalarView()
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\", i + 1 < scalars.count, "{}$%&#_\\ ".unicodeScalars.contains(scalars[i + 1]) {
                text.append(scalars[i + 1] == "\\" ? " " : scalars[i + 1])
                i += 2
                continue
            }
            if c == "{" { depth += 1 }
            if c == "}" {
                if depth == 0 {
                    i += 1
                    var result = String(text)
                    if command != "begin" && command != "end" {
                        // Spaces at the edges of text are kept (`\text{if }`): no-break spaces survive layout.
                        result = String(
                            result.unicodeScalars.map { $0 == " " ? "\u{A0}" : $0 }.reduce(
                                into: String.UnicodeScalarView()
                            ) { $0.append($1) })
                    }
                    return result
                }
                depth -= 1
            }
            text.append(c)
            i += 1
        }
        throw TeXError("unbalanced brace: this '{' is never closed", offset: offset(open))
    }

    /// The name of the command at `i` (which is a backslash): a run of letters, or one other character.
    private func peekCommandName() -> String? {
        guard i + 1 < scalars.count else { return nil }
        var j = i + 1
        let first = scalars[j]
        guard Self.isASCIILetter(first) else { return String(first) }
        while j < scalars.count && Self.isASCIILetter(scalars[j]) { j += 1 }
        return String(String.UnicodeScalarView(scalars[(i + 1)..<j]))
    }

    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (0x61...0x7A).contains(c.value) || (0x41...0x5A).contains(c.value)
    }

    private mutating func eat(_ c: Unicode.Scalar) -> Bool {
        guard i < scalars.count, scalars[i] == c else { return false }
        i += 1
        return true
    }

    /// Skips spaces, line breaks and `%` comments.
    private mutating func skipSpace() {
        while i < scalars.count {
            switch scalars[i] {
            case " ", "\t", "\n", "\r": i += 1
            case "%": while i < scalars.count && scalars[i] != "\n" { i += 1 }
            default: return
            }
        }
    }

    /// The UTF-8 byte offset of scalar `index` in the TeX.
    private func offset(_ index: Int) -> Int {
        scalars[..<min(index, scalars.count)].reduce(0) { $0 + UTF8.width($1) }
    }

    /// An operator; a delimiter written without `\left`, `\right` or `\big` keeps its size, as in TeX
    /// (the operator dictionary would stretch it to the height of its row).
    private static func operatorMarkup(_ text: String) -> String {
        let open = TeXSymbols.fixedDelimiters.contains(text) ? "<mo stretchy=\"false\">" : "<mo>"
        return open + MathMLText.escaped(text) + "</mo>"
    }

    private static func row(_ items: [String]) -> String {
        items.count == 1 ? items[0] : "<mrow>" + items.joined() + "</mrow>"
    }
}
