"""Markdown notes: split by ATX and setext headings (ignoring fenced code); the heading path is kept."""

from __future__ import annotations

import re

from interviewer.ingest.sections import Section

__all__ = ["parse_markdown", "title_from_stem"]

_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SETEXT = re.compile(r"^(=+|-+)\s*$")


def title_from_stem(stem: str) -> str:
    """A readable title from a file name: 'ab_test-pitfalls' -> 'Ab test pitfalls'."""
    words = re.sub(r"[_\-.]+", " ", stem).strip()
    # A file's order number is the folder's ("12_coworking_utilisation_drop" -> "Coworking utilisation drop")
    words = re.sub(r"^\d{1,3}\s+(?=[A-Za-z])", "", words)
    return words[:1].upper() + words[1:] if words else "Untitled"


def _strip_front_matter(text: str) -> tuple[str, str | None]:
    if not text.startswith("---\n"):
        return text, None
    end = text.find("\n---", 4)
    if end == -1:
        return text, None
    block = text[4:end]
    title = next(
        (line.split(":", 1)[1].strip().strip("'\"") for line in block.splitlines() if line.startswith("title:")),
        None,
    )
    return text[end + 4 :].lstrip("\n"), title


_QUOTE_MARK = re.compile(r"^ {0,3}(?:> ?)+")


def parse_markdown(text: str, fallback_title: str) -> list[Section]:
    """Split a Markdown note into sections; text before the first heading goes under the title."""
    body, front_title = _strip_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = body.split("\n")
    first_line = _title_line(lines) if not front_title else None
    if first_line is None and not front_title and (heading_title := _lone_heading_title(lines)) is not None:
        # "## Harbor Bank card retention — who gets the offer?" over a note with no other heading that high: its title
        front_title, lines = heading_title
    if first_line is not None:  # a note that starts with its title as a plain line, as plain-text notes do
        front_title = lines[first_line].strip()
        if _continues_title(lines, first_line):  # "Practice case, Marcus playing ..." / "VoltWay - how many ...?"
            front_title = f"{front_title} — {lines[first_line + 1].strip()}"
            first_line += 1
        lines = lines[first_line + 1 :]
    headings: list[tuple[int, str]] = []  # (level, text) stack
    sections: list[Section] = []
    buffer: list[str] = []
    in_fence = False
    title = front_title or fallback_title

    def path() -> tuple[str, ...]:
        names = [name for _, name in headings]
        if not names or headings[0][0] != 1:
            names.insert(0, title)
        return tuple(names)

    def flush() -> None:
        content = "\n".join(buffer).strip()
        if content:
            sections.append(Section(heading_path=path(), text=content))
        buffer.clear()

    def open_heading(level: int, name: str) -> None:
        nonlocal title
        flush()
        while headings and headings[-1][0] >= level:
            headings.pop()
        if level == 1 and not front_title:
            title = name
        headings.append((level, name))

    index = 0
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
            buffer.append(line)
        elif not in_fence and (match := _ATX.match(line)) and match.group(2):
            open_heading(len(match.group(1)), match.group(2).strip())
        elif (
            not in_fence
            and line.strip()
            and index + 1 < len(lines)
            and _SETEXT.match(lines[index + 1])
            and not buffer_ends_paragraph(buffer)
        ):
            open_heading(1 if lines[index + 1].startswith("=") else 2, line.strip())
            index += 1
        else:
            # A quote's marker is markup, not words ("> Kestrel Cover is an online broker ..." opened a case with ">")
            buffer.append(line if in_fence else _QUOTE_MARK.sub("", line))
        index += 1
    flush()
    return sections


def _lone_heading_title(lines: list[str]) -> tuple[str, list[str]] | None:
    """The note's first line when it is a heading below level 1 and no other heading is as high (the note's title,
    written with "##"), with the lines after it; None otherwise."""
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    first = _ATX.match(lines[index]) if index is not None else None
    if index is None or first is None or not first.group(2) or len(first.group(1)) == 1:
        return None
    level = len(first.group(1))
    rest = lines[index + 1 :]
    if any((heading := _ATX.match(line)) and len(heading.group(1)) <= level for line in rest):
        return None
    return first.group(2).strip(), rest


def _title_line(lines: list[str]) -> int | None:
    """The index of a plain first line that is the note's title ("Ledgerly — activation drop after the signup
    redesign", then a blank line), in a note with no top-level heading; None otherwise. A fresh set of notes had
    three case notes titled this way, each named after its file instead."""
    if any((heading := _ATX.match(line)) and len(heading.group(1)) == 1 for line in lines):
        return None
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None:
        return None
    line = lines[index].strip()
    after = lines[index + 1] if index + 1 < len(lines) else ""
    # ... or by the note-taker's bracketed aside ("(~40 min. She gave me UK benchmarks ...)"), or by a second title line
    if (
        (after.strip() and not after.strip().startswith("(") and not _continues_title(lines, index))
        or len(line) > (200 if line[:1] in '"“' else 100)  # a quoted prompt runs longer
        or len(line.split()) > (30 if line[:1] in '"“' else 20)
        or line.endswith((".", ",", ";", ":"))
    ):
        return None
    if not any(rest.strip() for rest in lines[index + 1 :]):
        return None  # a line alone is the note, not its title
    if re.match(r"^(?:[-*+>|#`]|\d+[.)]\s|[!\[<])", line) or _FENCE.match(line):
        return None  # a list, a quote, a table, a fence, a link or an image is content, not a title
    return index


def _continues_title(lines: list[str], index: int) -> bool:
    """True when the line after a title line is a second title line: short, no sentence's end, a blank line after."""
    if index + 2 > len(lines) - 1 or lines[index + 2].strip():
        return False
    second = lines[index + 1].strip()
    return (
        0 < len(second) <= 100
        and len(second.split()) <= 16
        and not second.endswith((".", ",", ";", ":"))
        and not re.match(r"^(?:[-*+>|#`(=~_]|\d+[.)]\s|[!\[<])", second)  # never a list, a quote or an underline
    )


def buffer_ends_paragraph(buffer: list[str]) -> bool:
    """True when the previous line is text, so a following '---' is a rule or table, not a heading."""
    return bool(buffer) and bool(buffer[-1].strip())
