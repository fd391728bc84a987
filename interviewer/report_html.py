"""A self-contained HTML page from a transcript's Markdown (the subset build_markdown writes)."""

from __future__ import annotations

import html
import re

__all__ = ["markdown_to_html"]

_STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2{line-height:1.2}h2{margin-top:2.2rem;border-top:1px solid #ddd;padding-top:1rem}
blockquote{margin:0;padding:.5rem 1rem;background:#f6f6f6;border-left:4px solid #ccc}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
code{background:#f2f2f2;padding:0 .2rem}"""


def _inline(text: str) -> str:
    text = html.escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"`(.+?)`", r"<code>\1</code>", text)
    return re.sub(r"(?<!\*)\*([^*]+)\*(?!\*)", r"<em>\1</em>", text)


def markdown_to_html(markdown: str, title: str) -> str:
    """Convert headings, lists, quotes, tables and paragraphs; everything else is escaped text."""
    out: list[str] = []
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            out.append(f"<h{level}>{_inline(line[level:].strip())}</h{level}>")
        elif line.startswith("|"):
            rows = []
            while index < len(lines) and lines[index].startswith("|"):
                if not re.match(r"^\|[-| ]+\|$", lines[index]):
                    rows.append(
                        "<tr>"
                        + "".join(f"<td>{_inline(c.strip())}</td>" for c in lines[index].strip("|").split("|"))
                        + "</tr>"
                    )
                index += 1
            out.append("<table>" + "".join(rows) + "</table>")
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
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body>\n{body}\n</body></html>\n"
    )
