// The TeX commands that stand for one symbol, and what each becomes in MathML.

/// How a one-symbol command is written in MathML.
enum TeXSymbol: Hashable, Sendable {
    /// An identifier: a letter or an ordinary symbol (`<mi>`); `upright` for capital Greek.
    case identifier(String, upright: Bool)
    /// An operator, relation or fence (`<mo>`): the browser's operator dictionary spaces it.
    case `operator`(String)
    /// A large operator whose limits go under and over it in display formulas (`\sum`).
    case largeOperator(String)
    /// A function name written upright (`\log`); `limits` for those with limits under them (`\max`).
    case function(String, limits: Bool)
    /// Horizontal space, as a CSS length (`\quad` is `1em`).
    case space(String)
}

enum TeXSymbols {
    /// The symbol command `name` stands for. Complexity: one hash lookup.
    static func symbol(_ name: String) -> TeXSymbol? {
        all[name]
    }

    /// Every one-symbol command in one table, built once from the tables below.
    private static let all: [String: TeXSymbol] = {
        var table: [String: TeXSymbol] = [:]
        for (name, width) in spaces { table[name] = .space(width) }
        for name in limitFunctions { table[name] = .function(name, limits: true) }
        for name in functions { table[name] = .function(name, limits: false) }
        for (name, symbol) in largeOperators { table[name] = .largeOperator(symbol) }
        for (name, symbol) in operators { table[name] = .operator(symbol) }
        for (name, symbol) in identifiers { table[name] = .identifier(symbol, upright: false) }
        for (name, letter) in capitalGreek { table[name] = .identifier(letter, upright: true) }
        for (name, letter) in greek { table[name] = .identifier(letter, upright: false) }
        return table
    }()

    // MARK: - Letters

    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ",
        "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
        "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    ]

    static let capitalGreek: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Ordinary symbols, written as identifiers so that they get no operator spacing.
    static let identifiers: [String: String] = [
        "infty": "∞", "nabla": "∇", "partial": "∂", "top": "⊤", "bot": "⊥", "ell": "ℓ",
        "emptyset": "∅", "varnothing": "∅", "hbar": "ℏ", "Re": "ℜ", "Im": "ℑ", "aleph": "ℵ",
        "ldots": "…", "cdots": "⋯", "dots": "…", "vdots": "⋮", "ddots": "⋱", "prime": "′",
        "forall": "∀", "exists": "∃", "neg": "¬", "lnot": "¬", "angle": "∠", "triangle": "△",
        "checkmark": "✓", "dagger": "†", "_": "_", "%": "%", "$": "$", "#": "#", "&": "&",
    ]

    // MARK: - Operators and relations

    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "wedge": "∧",
        "vee": "∨", "land": "∧", "lor": "∨", "cup": "∪", "cap": "∩", "setminus": "∖",
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈",
        "sim": "∼", "simeq": "≃", "cong": "≅", "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫",
        "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃",
        "supseteq": "⊇", "perp": "⊥", "parallel": "∥", "mid": "∣", "coloneqq": "≔",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹",
        "iff": "⟺", "mapsto": "↦", "uparrow": "↑", "downarrow": "↓", "longrightarrow": "⟶",
        "because": "∵", "therefore": "∴", "colon": ":",
        "langle": "⟨", "rangle": "⟩", "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋",
        "vert": "|", "lvert": "|", "rvert": "|", "Vert": "‖", "lVert": "‖", "rVert": "‖",
        "{": "{", "}": "}", "|": "‖",
    ]

    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂",
        "bigoplus": "⨁", "bigotimes": "⨂", "int": "∫", "iint": "∬", "oint": "∮",
    ]

    /// Whether a large operator puts its limits under and over it (`∫` takes them as scripts).
    static func takesLimits(_ symbol: String) -> Bool {
        !["∫", "∬", "∮"].contains(symbol)
    }

    static let functions: Set<String> = [
        "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "arcsin", "arccos",
        "arctan", "exp", "log", "ln", "lg", "det", "dim", "arg", "ker", "deg", "gcd", "hom", "Pr",
    ]

    static let limitFunctions: Set<String> = ["max", "min", "lim", "sup", "inf", "argmax", "argmin", "liminf", "limsup"]

    // MARK: - Spacing

    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em", "!": "-0.1667em",
        " ": "0.25em", "quad": "1em", "qquad": "2em", "enspace": "0.5em", "thinspace": "0.1667em",
    ]

    // MARK: - Characters written directly

    /// ASCII characters that are operators when written in a formula; `-` is a real minus sign.
    static let asciiOperators: [UInt8: String] = [
        UInt8(ascii: "+"): "+", UInt8(ascii: "-"): "−", UInt8(ascii: "="): "=", UInt8(ascii: "<"): "<",
        UInt8(ascii: ">"): ">", UInt8(ascii: "("): "(", UInt8(ascii: ")"): ")", UInt8(ascii: "["): "[",
        UInt8(ascii: "]"): "]", UInt8(ascii: "|"): "|", UInt8(ascii: "/"): "/", UInt8(ascii: ","): ",",
        UInt8(ascii: ";"): ";", UInt8(ascii: ":"): ":", UInt8(ascii: "!"): "!", UInt8(ascii: "?"): "?",
        UInt8(ascii: "*"): "∗", UInt8(ascii: "."): ".", UInt8(ascii: "@"): "@",
    ]

    /// Delimiters, which the operator dictionary makes stretchy; written on their own they are not.
    static let fixedDelimiters: Set<String> = [
        "(", ")", "[", "]", "{", "}", "|", "‖", "/", "⟨", "⟩", "⌈", "⌉", "⌊", "⌋", "∣",
    ]

    /// Delimiters `\left`, `\right` and `\big` accept, by how they are written after the command.
    static func delimiter(_ written: String) -> String? {
        switch written {
        case "(", ")", "[", "]", "|", "/", "<", ">": return written == "<" ? "⟨" : written == ">" ? "⟩" : written
        case ".": return ""
        case "\\{", "\\lbrace": return "{"
        case "\\}", "\\rbrace": return "}"
        case "\\|": return "‖"
        default:
            guard written.hasPrefix("\\"), let symbol = operators[String(written.dropFirst())] else { return nil }
            return symbol
        }
    }

    // MARK: - Accents

    /// Accent commands and the mark each puts over (or under) its argument.
    static let accents: [String: (mark: String, under: Bool, stretchy: Bool)] = [
        "hat": ("^", false, false), "widehat": ("^", false, true), "bar": ("‾", false, false),
        "overline": ("‾", false, true), "vec": ("→", false, false), "tilde": ("~", false, false),
        "widetilde": ("~", false, true), "dot": ("˙", false, false), "ddot": ("¨", false, false),
        "check": ("ˇ", false, false), "breve": ("˘", false, false), "acute": ("´", false, false),
        "grave": ("`", false, false), "underline": ("_", true, true),
        "overrightarrow": ("→", false, true), "overleftarrow": ("←", false, true),
    ]

    /// Sizes of `\big`-style delimiters, as MathJax sets them.
    static let delimiterSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em",
        "Big": "1.623em", "Bigl": "1.623em", "Bigr": "1.623em", "Bigm": "1.623em",
        "bigg": "2.047em", "biggl": "2.047em", "biggr": "2.047em", "biggm": "2.047em",
        "Bigg": "2.470em", "Biggl": "2.470em", "Biggr": "2.470em", "Biggm": "2.470em",
    ]
}
