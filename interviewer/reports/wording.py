"""How a score and a long text are written wherever a candidate reads them: one rounding for every score (the
table's 0.39 is the chart's 39), and one way to shorten a text (at a word boundary, with an ellipsis)."""

from __future__ import annotations

__all__ = ["SECTION_CHARS", "score_percent", "score_text", "section_path", "shorten"]

# A section name shown as a source: a question used as a heading can be long, and the notes store it cut at 80
# characters wherever that falls ("… When it's ok"); shown shorter, it is always cut at a word.
SECTION_CHARS = 60

_CLOSING = ",;:–—-(["  # left hanging before an ellipsis they read as a cut mid-phrase


def score_text(value: float) -> str:
    """A score in 0..1 as two decimals: the stored value rounded to the nearest hundredth (0.385, stored as
    0.38500000000000000888, is '0.39')."""
    return f"{value:.2f}"


def score_percent(value: float) -> int:
    """The same score in percent (39 for 0.385): the two decimals `score_text` shows, never rounded again."""
    return round(float(score_text(value)) * 100)


def shorten(text: str, limit: int) -> str:
    """The text on one line, at most `limit` characters: whole when it fits, else cut after its last whole
    word that fits, with an ellipsis ("When it's okay not…", never "When it's ok")."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    room = max(1, limit - 1)  # the ellipsis takes one character
    head = words[: room + 1]
    cut = head.rfind(" ")
    kept = head[:cut] if cut > 0 else words[:room]  # a single word longer than the limit is cut inside it
    return kept.rstrip().rstrip(_CLOSING).rstrip() + "…"


def section_path(heading: str) -> str:
    """A heading path as a source label ("Linear models > When do we need … for linear…"): each section name
    shortened to SECTION_CHARS at a word boundary."""
    return " > ".join(part for part in (shorten(part, SECTION_CHARS) for part in heading.split(" > ")) if part)
