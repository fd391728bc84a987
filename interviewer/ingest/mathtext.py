"""MathJax and LaTeX in notes rendered as plain readable text: `\\frac{a}{b}` -> `a / b`, `\\alpha` -> `α`.

Questions, scores, transcripts and the embedder all see the rendered text, so a formula reads the way a
person would say it in an answer. Rendering is best effort and never fails: an unknown command keeps its
name without the backslash."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["latex_to_text", "render_math"]

# Delimiters, most specific first. Anki's legacy `[$]`/`[$$]`/`[latex]`, MathJax `\( \)` and `\[ \]`,
# TeX `$$ $$` and `$ $`. Inline `$...$` must hug its content and not be followed by a digit, so prices
# ("costs $5 and $10") stay text.
_DELIMITED = re.compile(
    r"\[\$\$\](?P<a>.{0,2000}?)\[/\$\$\]"
    r"|\[\$\](?P<b>.{0,2000}?)\[/\$\]"
    r"|\[latex\](?P<c>.{0,2000}?)\[/latex\]"
    r"|\\\((?P<d>.{0,2000}?)\\\)"
    r"|\\\[(?P<e>.{0,2000}?)\\\]"
    r"|\$\$(?P<f>[^$]+?)\$\$"
    r"|(?<![\\$\w])\$(?=[^\s$])(?P<g>[^$\n]{1,400}?)(?<=[^\s\\])\$(?![\w$])",
    re.S | re.I,
)

_SYMBOLS = {
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "zeta": "ζ",
    "eta": "η",
    "theta": "θ",
    "vartheta": "θ",
    "iota": "ι",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "nu": "ν",
    "xi": "ξ",
    "pi": "π",
    "rho": "ρ",
    "sigma": "σ",
    "tau": "τ",
    "upsilon": "υ",
    "phi": "φ",
    "varphi": "φ",
    "chi": "χ",
    "psi": "ψ",
    "omega": "ω",
    "Gamma": "Γ",
    "Delta": "Δ",
    "Theta": "Θ",
    "Lambda": "Λ",
    "Xi": "Ξ",
    "Pi": "Π",
    "Sigma": "Σ",
    "Phi": "Φ",
    "Psi": "Ψ",
    "Omega": "Ω",
    "sum": "Σ",
    "prod": "Π",
    "int": "∫",
    "partial": "∂",
    "nabla": "∇",
    "infty": "∞",
    "cdot": "·",
    "times": "×",
    "div": "÷",
    "pm": "±",
    "mp": "∓",
    "ast": "*",
    "star": "*",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "sim": "~",
    "simeq": "≃",
    "equiv": "≡",
    "propto": "∝",
    "ll": "≪",
    "gg": "≫",
    "lt": "<",
    "gt": ">",
    "in": "∈",
    "notin": "∉",
    "subset": "⊂",
    "subseteq": "⊆",
    "cup": "∪",
    "cap": "∩",
    "emptyset": "∅",
    "forall": "for all",
    "exists": "there exists",
    "neg": "not",
    "land": "and",
    "lor": "or",
    "to": "→",
    "rightarrow": "→",
    "Rightarrow": "⇒",
    "leftarrow": "←",
    "implies": "⇒",
    "iff": "⇔",
    "mid": "|",
    "vert": "|",
    "lvert": "|",
    "rvert": "|",
    "Vert": "‖",
    "lVert": "‖",
    "rVert": "‖",
    "|": "‖",
    "ldots": "...",
    "cdots": "...",
    "dots": "...",
    "vdots": "...",
    "prime": "'",
    "{": "{",
    "}": "}",
    "%": "%",
    "$": "$",
    "&": "&",
    "#": "#",
    "_": "_",
    "Pr": "P",
    "top": "T",
    "intercal": "T",
}
_SPACES = {
    ",",
    ";",
    ":",
    "!",
    " ",
    "quad",
    "qquad",
    "enspace",
    "thinspace",
    "medspace",
    "displaystyle",
    "textstyle",
    "left",
    "right",
    "big",
    "Big",
    "bigg",
    "Bigg",
    "bigl",
    "bigr",
    "Bigl",
    "Bigr",
    "limits",
    "nolimits",
    "tfrac",
    "dfrac",
}
_STYLE = {
    "text",
    "textrm",
    "textit",
    "textbf",
    "mathrm",
    "mathit",
    "mathbf",
    "mathsf",
    "mathtt",
    "mathcal",
    "mathbb",
    "mathfrak",
    "boldsymbol",
    "bm",
    "operatorname",
    "textnormal",
    "emph",
    "mbox",
    "hbox",
}
_ACCENTS = {
    "hat": "\u0302",
    "widehat": "\u0302",
    "bar": "\u0304",
    "overline": "\u0304",
    "tilde": "\u0303",
    "widetilde": "\u0303",
    "dot": "\u0307",
    "vec": "\u20d7",
}
_MAX_DEPTH = 12
_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
_TOP_LEVEL_OPERATOR = re.compile(r"[+\-−±=<>≤≥]| ")


def _group(source: str, start: int) -> tuple[str, int]:
    """The argument starting at `start`: a braced group or one token; returns (content, end)."""
    while start < len(source) and source[start] == " ":
        start += 1
    if start >= len(source):
        return "", start
    if source[start] == "{":
        depth = 0
        for index in range(start, len(source)):
            if source[index] == "{":
                depth += 1
            elif source[index] == "}":
                depth -= 1
                if depth == 0:
                    return source[start + 1 : index], index + 1
        return source[start + 1 :], len(source)
    if source[start] == "\\":
        match = _COMMAND.match(source, start)
        if match:
            return match.group(0), match.end()
    return source[start], start + 1


def _wrapped(rendered: str) -> str:
    """Parenthesise a rendered operand that holds an operator: `a+b` over `c` -> `(a+b) / c`."""
    return f"({rendered})" if re.search(r"[+\-−±=<>≤≥/]", rendered) and not rendered.startswith("(") else rendered


def _script(marker: str, content: str, depth: int) -> str:
    rendered = latex_to_text(content, depth + 1)
    if len(rendered) == 1 or (re.fullmatch(r"\w+", rendered) and len(rendered) <= 3 and marker == "_"):
        return f"{marker}{rendered}"
    if re.fullmatch(r"-?\w", rendered):
        return f"{marker}{rendered}"
    return f"{marker}({rendered})"


def latex_to_text(source: str, depth: int = 0) -> str:
    """Render a LaTeX math expression (without its delimiters) as readable plain text."""
    if depth > _MAX_DEPTH:  # nested past any real formula: keep the characters, drop the markup
        return " ".join(re.sub(r"[\\{}]", " ", source).split())
    out: list[str] = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            match = _COMMAND.match(source, index)
            name = match.group(1) if match else ""
            index = match.end() if match else index + 1
            if name in ("frac", "dfrac", "tfrac", "cfrac"):
                numerator, index = _group(source, index)
                denominator, index = _group(source, index)
                over = _wrapped(latex_to_text(numerator, depth + 1))
                under = _wrapped(latex_to_text(denominator, depth + 1))
                out.append(f" {over} / {under} ")
            elif name == "sqrt":
                if index < len(source) and source[index] == "[":
                    close = source.find("]", index)
                    index = close + 1 if close != -1 else index + 1
                radicand, index = _group(source, index)
                out.append(f"sqrt({latex_to_text(radicand, depth + 1)})")
            elif name in _STYLE:
                content, index = _group(source, index)
                plain = name in ("text", "textrm", "mbox", "hbox")
                out.append(content if plain else latex_to_text(content, depth + 1))
            elif name in _ACCENTS:
                content, index = _group(source, index)
                rendered = latex_to_text(content, depth + 1)
                out.append(rendered + _ACCENTS[name] if len(rendered) == 1 else f"{name}({rendered})")
            elif name in ("begin", "end"):
                _, index = _group(source, index)
                out.append(" ")
            elif name == "\\":
                out.append("; ")
            elif name in _SPACES:
                out.append(" ")
            elif name in _SYMBOLS:
                symbol = _SYMBOLS[name]
                out.append(f" {symbol} " if len(symbol) > 1 or symbol in "≤≥≠≈→⇒←⇔∈∉≡∝" else symbol)
            elif name:
                # \log, \exp, \max, \arg: the word itself, touching a following parenthesis
                touching = source[index : index + 1] in ("(", "[")
                out.append((f" {name}" + ("" if touching else " ")) if len(name) > 1 else name)
        elif char in "^_":
            content, index = _group(source, index + 1)
            out.append(_script(char, content, depth))
        elif char in "{}":
            index += 1
        elif char == "&" or char == "~":
            out.append(" ")
            index += 1
        else:
            out.append(char)
            index += 1
    text = "".join(out)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"\s+([),;])", r"\1", text)
    return unicodedata.normalize("NFC", re.sub(r"\s*;\s*$", "", text))


def _render(match: re.Match[str]) -> str:
    content = next(group for group in match.groups() if group is not None)
    # Anki's [latex] holds a LaTeX fragment that often brings its own $...$ or \(...\) inside.
    inner = re.fullmatch(r"\s*(?:\$\$?(.*?)\$\$?|\\\((.*?)\\\)|\\\[(.*?)\\\])\s*", content, re.S)
    if inner:
        content = next(group for group in inner.groups() if group is not None)
    return latex_to_text(content)


def render_math(text: str) -> str:
    """Every delimited formula in a note replaced by its readable text; the rest of the text unchanged."""
    if "$" not in text and "\\" not in text and "[latex]" not in text.lower():
        return text
    return _DELIMITED.sub(_render, text)
