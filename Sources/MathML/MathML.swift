// The module's front door: TeX in, MathML Core markup out.

/// Turns the TeX of a formula into MathML Core, which Chromium, Firefox and Safari render
/// without JavaScript or web fonts.
///
/// Pure and deterministic: the same TeX always gives the same bytes. Complexity: O(n) in the
/// length of the TeX (environments and `\left … \right` parse their contents once).
public enum MathML {
    /// The `<math>` element for `tex`; `display` makes it a display (block) formula.
    public static func render(_ tex: String, display: Bool) -> Result<String, TeXError> {
        RenderCache.shared.result(tex, display: display) { convert(tex, display: display) }
    }

    /// Forgets the formulas rendered so far (benchmarks start each round cold with it).
    public static func forgetRenderedFormulas() {
        RenderCache.shared.removeAll()
    }

    /// The conversion itself, without the cache.
    static func convert(_ tex: String, display: Bool) -> Result<String, TeXError> {
        var parser = TeXParser(tex)
        do {
            let body = try parser.parseFormula()
            let open = display ? "<math display=\"block\">" : "<math>"
            return .success(open + body + "</math>")
        } catch let error as TeXError {
            return .failure(error)
        } catch {
            return .failure(TeXError("\(error)", offset: 0))
        }
    }
}
