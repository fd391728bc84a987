"""The Markdown subset the transcript writes, both ways: escaping text into it, and converting it into a
self-contained HTML page (inline CSS, figures inlined, no scripts, nothing loaded from elsewhere)."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

__all__ = ["markdown_to_html", "md_code", "md_escape", "md_fence"]

_STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{line-height:1.2}h2{margin-top:2.2rem;border-top:1px solid #ddd;padding-top:1rem}h3{margin-top:1.8rem}
blockquote{margin:0;padding:.5rem 1rem;background:#f6f6f6;border-left:4px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
th{background:#f6f6f6}code{background:#f2f2f2;padding:0 .2rem;overflow-wrap:anywhere}
pre{background:#f6f6f6;padding:.6rem .8rem;border-left:4px solid #ccc;white-space:pre-wrap;overflow-wrap:anywhere}
pre code{background:none;padding:0}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
details pre{white-space:pre;overflow-x:auto;overflow-wrap:normal}"""
# Defence in depth: even if markup slipped through the escaping, the page may run no script and load nothing.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_ALWAYS = re.compile(r"[\\`*\[\]<#|~&]")
# What would start a block at the start of a line: a quote, a list or heading marker, or "1." / "1)"; the
# punctuation is escaped ("1\\." renders "1."; a backslash before a digit would show).
_LINE_START = re.compile(r"^(\s*)([>+=-])|^(\s*\d+)([.)])")
# A backslash escape, or a code span: a whole run of backticks, then text, then a run of the same length.
_INLINE_TOKEN = re.compile(r"\\([!-/:-@\[-`{-~])|(?<!`)(`+)(?!`)(.+?)(?<!`)\2(?!`)")
_FENCE_OPEN = re.compile(r"^(`{3,})([^`]*)$")
_TABLE_RULE = re.compile(r"^\|[-:| ]+\|$")
_CELL_BREAK = re.compile(r"(?<!\\)\|")


def _one_line(text: str) -> str:
    """Inline text: every run of whitespace (line and paragraph separators included) becomes one space."""
    return " ".join(text.replace("\x00", "").split())


def md_escape(text: str) -> str:
    """Text as one line of Markdown that renders literally: markup characters are backslash-escaped."""
    text = _one_line(text)
    text = _ALWAYS.sub(lambda m: "\\" + m.group(0), text)
    # An underscore inside a word never starts emphasis; escaping only the others keeps snake_case readable.
    text = re.sub(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])", r"\\_", text)
    return _LINE_START.sub(_escape_block_start, text, count=1)


def _escape_block_start(match: re.Match[str]) -> str:
    lead, mark = (match.group(1), match.group(2)) if match.group(2) else (match.group(3), match.group(4))
    return f"{lead}\\{mark}"


def md_code(text: str) -> str:
    """Text as an inline code span, with a delimiter longer than any backtick run inside it."""
    text = _one_line(text)
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def md_fence(text: str, info: str = "") -> str:
    """Text as a fenced block shown exactly as it is: the fence is longer than any backtick run inside it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def _inline(text: str) -> str:
    text = text.replace("\x00", "")
    literal: list[str] = []

    def keep(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            literal.append(html.escape(match.group(1)))
        else:
            code = match.group(3)
            if len(code) > 2 and code.startswith(" ") and code.endswith(" ") and code.strip():
                code = code[1:-1]
            literal.append(f"<code>{html.escape(code)}</code>")
        return f"\x00{len(literal) - 1}\x00"

    text = html.escape(_INLINE_TOKEN.sub(keep, text))
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"(?<!\*)\*([^*]+)\*(?!\*)", r"<em>\1</em>", text)
    return re.sub("\x00(\\d+)\x00", lambda m: literal[int(m.group(1))], text)


def _table(rows: list[str]) -> str:
    cells = [[c.strip() for c in _CELL_BREAK.split(row.strip()[1:-1])] for row in rows]
    head, body = (cells[0], cells[2:]) if len(rows) > 1 and _TABLE_RULE.match(rows[1].strip()) else ([], cells)
    out = "".join(f"<th>{_inline(c)}</th>" for c in head)
    return (
        "<table>"
        + (f"<thead><tr>{out}</tr></thead>" if head else "")
        + "<tbody>"
        + "".join("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>" for row in body)
        + "</tbody></table>"
    )


def _fenced(code: str, info: str, figures: Mapping[str, str]) -> str:
    block = f"<pre><code>{html.escape(code)}</code></pre>"
    if info in figures:  # a chart: the figure (trusted markup we drew) with its text version beside it
        return f"<figure>{figures[info]}</figure><details><summary>As text</summary>{block}</details>"
    return block


def markdown_to_html(markdown: str, title: str, figures: Mapping[str, str] | None = None) -> str:
    """Convert headings, lists, quotes, tables, fenced blocks and paragraphs into a self-contained page.

    A fenced block whose info string is a key of `figures` is shown as that markup (an inline SVG chart)."""
    figures = figures or {}
    out: list[str] = []
    lines = markdown.split("\n")  # not splitlines(): that also breaks at form feeds and Unicode separators
    index = 0
    while index < len(lines):
        line = lines[index]
        if fence := _FENCE_OPEN.match(line):
            closing = re.compile(rf"^`{{{len(fence.group(1))},}}\s*$")
            end = next((i for i in range(index + 1, len(lines)) if closing.match(lines[i])), len(lines))
            out.append(_fenced("\n".join(lines[index + 1 : end]), fence.group(2).strip(), figures))
            index = end + 1
            continue
        if re.match(r"^#{1,6} ", line):
            level = len(line) - len(line.lstrip("#"))
            out.append(f"<h{level}>{_inline(line[level:].strip())}</h{level}>")
        elif line.startswith("|"):
            rows = []
            while index < len(lines) and lines[index].startswith("|"):
                rows.append(lines[index])
                index += 1
            out.append(_table(rows))
            continue
        elif line.startswith("- "):
            items = []
            while index < len(lines) and lines[index].startswith("- "):
                items.append(f"<li>{_inline(lines[index][2:])}</li>")
                index += 1
            out.append("<ul>" + "".join(items) + "</ul>")
            continue
        elif line.startswith(">"):
            quoted = []
            while index < len(lines) and lines[index].startswith(">"):
                quoted.append(_inline(lines[index][1:].strip()))
                index += 1
            out.append("<blockquote>" + "<br>".join(quoted) + "</blockquote>")
            continue
        elif line.strip():
            out.append(f"<p>{_inline(line)}</p>")
        index += 1
    body = "\n".join(out)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>\n{body}\n</body></html>\n"
    )
