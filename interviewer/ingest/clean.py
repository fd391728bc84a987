"""Cleaning of note text before it is chunked: one function per concern, then `clean_text` runs them in order.

What is dropped is what is not knowledge (tables of contents, link lists, images, decorative emoji, HTML
markup); what is kept is reshaped so it reads as sentences (entities decoded, hard-wrapped lines re-joined,
formulas rendered as text by mathtext.py). Fenced code blocks are left exactly as written."""

from __future__ import annotations

import html
import re

from interviewer.ingest.mathtext import render_math

__all__ = [
    "clean_inline",
    "clean_text",
    "drop_emoji",
    "drop_emphasis_markers",
    "drop_link_lists",
    "drop_media",
    "html_to_text",
    "rejoin_wrapped_lines",
]

_FENCE_BLOCK = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.S | re.M)

# ----- media -------------------------------------------------------------------------------------------

_MEDIA = re.compile(
    r"<\s*(?:img|video|audio|source|iframe|embed)\b[^<>]*+>"  # HTML media tags
    r"|!\[[^\]\n]*\]\([^)\n]*\)"  # Markdown images
    r"|\[(?:sound|image|video):[^\[\]\n]*\]",  # Anki media references
    re.I,
)


def drop_media(text: str) -> str:
    """Images, audio and video references removed (HTML tags, Markdown images, Anki [sound:...])."""
    return _MEDIA.sub("", text)


# ----- HTML --------------------------------------------------------------------------------------------

_BREAK_TAG = re.compile(r"<\s*/?\s*(?:br|p|div|li|ul|ol|tr|h[1-6]|details|summary|blockquote|hr)\b[^<>]*+>", re.I)
_SUP = re.compile(r"<\s*sup\s*>([^<>]{1,40})<\s*/\s*sup\s*>", re.I)
_SUB = re.compile(r"<\s*sub\s*>([^<>]{1,40})<\s*/\s*sub\s*>", re.I)
_ANY_TAG = re.compile(r"</?[A-Za-z][\w:-]*+(?:\s[^<>]*+)?>|<!--[\s\S]{0,5000}?-->")  # bounded: linear time


def html_to_text(text: str) -> str:
    """HTML markup to plain text: block tags and <br> become line breaks, other tags go, entities are decoded."""
    if "<" in text:
        text = _SUP.sub(lambda m: "^" + m.group(1), text)
        text = _SUB.sub(lambda m: "_" + m.group(1), text)
        text = _BREAK_TAG.sub("\n", text)
        text = _ANY_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return text.replace("\xa0", " ").replace("\u200b", "")


# ----- emoji -------------------------------------------------------------------------------------------

# Pictographs, dingbats, flags, keycaps, variation selectors, skin tones and joiners. Mathematical symbols,
# arrows and Greek letters are other blocks and are kept.
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u231a\u231b\u23e9-\u23fa\u24c2\u3030\u303d\u3297\u3299"
    "\ufe0e\ufe0f\u200d\u20e3\U000e0020-\U000e007f]"
)


def drop_emoji(text: str) -> str:
    """Decorative emoji removed, with the space they leave; other symbols (≤, →, α) kept."""
    if text.isascii():
        return text
    text = _EMOJI.sub("", text)
    return re.sub(r"[ \t]{2,}", " ", re.sub(r"[ \t]+$", "", text, flags=re.M))


# ----- links -------------------------------------------------------------------------------------------

_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"\n]*\")?\)")
_URL = re.compile(r"<https?://[^\s<>]++>|https?://(?:[^\s<>()\[\]]|\([^\s<>()]*+\))++")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s+\S+.*$")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_TOC_LABEL = re.compile(r"^\W*(?:table of contents|contents|toc|index)\W*$", re.I)


def _is_link_only(line: str) -> bool:
    body = _LIST_MARKER.sub("", line)
    if not (_LINK.search(body) or _URL.search(body)):
        return False
    rest = _URL.sub("", _LINK.sub("", body))
    return not re.search(r"\w", _EMOJI.sub("", rest))


def drop_link_lists(text: str) -> str:
    """Tables of contents and lines that are only links dropped; other links reduced to their text."""
    kept = []
    for line in text.split("\n"):
        if _TOC_LABEL.match(line) or _REFERENCE_DEFINITION.match(line) or _is_link_only(line):
            continue
        kept.append(line)
    text = "\n".join(kept)
    text = _LINK.sub(lambda m: m.group(1), text)
    return _URL.sub("", text)


# ----- emphasis ------------------------------------------------------------------------------------------

# Bounded runs without the marker: linear time on any line, even one of a thousand unclosed `**`.
_STRONG = re.compile(r"\*\*([^*\n]{1,500}+)\*\*|__([^_\n]{1,500}+)__")


def drop_emphasis_markers(text: str) -> str:
    """Markdown bold markers (`**x**`, `__x__`) removed; single `*` and `_` are left (formulas use them)."""
    if "**" not in text and "__" not in text:
        return text
    return _STRONG.sub(lambda m: (m.group(1) or m.group(2) or "").strip(), text)


# ----- hard-wrapped lines ----------------------------------------------------------------------------------

_BLOCK_START = re.compile(r"^\s*(?:[-*+•]\s|\d{1,3}[.)]\s|#|>|\||```|~~~|[QA]:\s|Q\d*[.:]\s)")
_CONTINUES = re.compile(
    r"(?:[,(\-–]|\b(?:a|an|the|of|to|and|or|with|for|in|on|by|is|are|has|have|that|which|as))$", re.I
)


def _wraps(previous: str, line: str) -> bool:
    if not previous.strip() or not line.strip() or previous.rstrip().endswith("|") or previous.endswith("  "):
        return False
    if _BLOCK_START.match(line) or previous.lstrip().startswith(("#", "|", "```", "~~~")):
        return False
    first = line.lstrip()[:1]
    if first.islower() or first == "(" or bool(_CONTINUES.search(previous.rstrip())):
        return True
    # A long line cut mid-sentence before a quote, a figure or an amount ('... C' / '"fair"); Refurbly ...', '... at
    # an average' / '~£211, so GMV ...'): prose wrapped by an editor, never a title or a list's line.
    cut = len(previous.rstrip()) >= 45 and not re.search(r"[.!?:;)\]\"”]$", previous.rstrip())
    # ... or before an acronym that goes on in lower case ('... switched on automated' / 'SMS refill reminders in 60')
    acronym = re.match(r"[A-Z]{2,6}s?\s+[a-z]", line.lstrip()) and previous.rstrip()[-1:].isalpha()
    # ... or before a figure the sentence goes on from ('... in its first' / '60 days and wants it ...')
    figure = r"\d[\d,.]*(?:%|k|K|M|bn)?(?:[,;.]\s|\s+[a-z])"
    return cut and bool(re.match(rf"[\"'“‘~£$€]|{figure}", line.lstrip()) or acronym)


def rejoin_wrapped_lines(text: str) -> str:
    """Lines broken inside a sentence (hard wrap, a <br> mid-sentence) joined back into one line.

    A line continues the previous one when it starts in lower case or the previous one ends in a comma,
    an opening bracket or a word that cannot end a sentence ("the", "of", "and"); list items, headings,
    tables and Q:/A: labels always start their own line."""
    lines = text.split("\n")
    joined: list[str] = []
    for line in lines:
        if joined and _wraps(joined[-1], line):
            joined[-1] = joined[-1].rstrip() + " " + line.strip()
        else:
            joined.append(line)
    return "\n".join(joined)


# ----- citations ---------------------------------------------------------------------------------------------
# A bracketed reference with a year in parentheses ("[Manuca, R. & Savit, R. (1996). Stationarity ... 99. 134-161.]")
# and a numeric footnote marker ("[12]", not a link "[12](url)" nor a definition "[12]: url") are sources, not
# statements: left in, their fragments ("Physica D: Nonlinear Phenomena.") became key points a candidate was asked.
_CITATION = re.compile(r"\s?\[[^\[\]\n]{0,400}?\(\s*(?:1[89]|20)\d\d[a-z]?\s*\)[^\[\]\n]{0,400}?\](?![(:])")
_FOOTNOTE_MARK = re.compile(r"(?<=\S)\[\d{1,3}\](?![(:\[])")


def drop_citations(text: str) -> str:
    """The text without bracketed literature references and footnote markers."""
    return _FOOTNOTE_MARK.sub("", _CITATION.sub("", text))


# ----- all together ------------------------------------------------------------------------------------------


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _clean_prose(text: str) -> str:
    text = drop_media(text)
    text = html_to_text(text)
    text = drop_citations(text)
    text = render_math(text)
    text = drop_link_lists(text)
    text = drop_emoji(text)
    text = drop_emphasis_markers(text)
    return rejoin_wrapped_lines(_tidy(text))


def clean_text(text: str) -> str:
    """A note's text with every cleaning step applied, fenced code blocks untouched."""
    parts: list[str] = []
    position = 0
    for fence in _FENCE_BLOCK.finditer(text):
        parts.append(_clean_prose(text[position : fence.start()]))
        parts.append(fence.group(0))
        position = fence.end()
    parts.append(_clean_prose(text[position:]))
    return _tidy("\n\n".join(part for part in parts if part.strip()))


def clean_inline(text: str) -> str:
    """A heading, question or tag cleaned to one line of text."""
    return " ".join(_clean_prose(text).split())
