"""Plain-text notes: a short first line is the title; short lines ending in ':' start a section."""

from __future__ import annotations

import re

from interviewer.ingest.sections import Section

__all__ = ["parse_plaintext"]

_SUBHEADING = re.compile(r"^[A-Z0-9][^.!?]{1,70}:$")
_UNDERLINE = re.compile(r"^[=\-~*]{3,}\s*$")


def parse_plaintext(text: str, fallback_title: str) -> list[Section]:
    """Split a text note into sections under its title."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    title = fallback_title
    if lines and len(lines[0]) <= 100 and (len(lines) == 1 or not lines[1].strip() or _UNDERLINE.match(lines[1])):
        title = lines.pop(0).strip().rstrip(":")
        if lines and _UNDERLINE.match(lines[0]):
            lines.pop(0)
    sections: list[Section] = []
    current: tuple[str, ...] = (title,)
    buffer: list[str] = []

    def flush() -> None:
        content = "\n".join(buffer).strip()
        if content:
            sections.append(Section(heading_path=current, text=content))
        buffer.clear()

    for line in lines:
        stripped = line.strip()
        previous_blank = not buffer or not buffer[-1].strip()
        if previous_blank and _SUBHEADING.match(stripped):
            flush()
            current = (title, stripped.rstrip(":"))
        else:
            buffer.append(line)
    flush()
    return sections
