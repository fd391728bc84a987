"""Plain-text notes: a short first line is the title; short lines ending in ':', underlined lines ('WHY BOTHER' over
'----------') and short lines in capitals after a blank line start a section."""

from __future__ import annotations

import re

from interviewer.ingest.sections import Section

__all__ = ["parse_plaintext"]

_SUBHEADING = re.compile(r"^[A-Z0-9][^.!?]{1,70}:$")
_UNDERLINE = re.compile(r"^[=\-~*]{3,}\s*$")
# 'THE DECISION RULE', "HOLT'S LINEAR TREND", 'WHY NOT JUST OLS ON LOG(Y)?': capitals, no lower case, no formula.
_CAPITALS = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){3})[A-Z0-9 &/()'\",?:+-]{3,70}$")
HEADING_CHARS = 80


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

    skip_underline = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if skip_underline:
            skip_underline = False
            continue
        previous_blank = not buffer or not buffer[-1].strip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        underlined = bool(stripped) and _UNDERLINE.match(following) is not None and _is_heading(stripped, following)
        if underlined or (previous_blank and (_SUBHEADING.match(stripped) or _CAPITALS.match(stripped))):
            flush()
            current = (title, stripped.rstrip(":"))
            skip_underline = underlined
        else:
            buffer.append(line)
    flush()
    return sections


def _is_heading(line: str, underline: str) -> bool:
    """A line over an underline of about its length is a heading; a sentence over a rule is not."""
    return len(line) <= HEADING_CHARS and not line.endswith(".") and len(underline) >= len(line) // 2
