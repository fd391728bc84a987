"""Topic names per format: what an interviewer would call the subject of a chunk.

Markdown: the note's title, or the second-level section of a long file that collects many subjects (a Q&A
file); Anki: the sub-deck path below the top deck, else the note's most telling tag, else the deck's own
name when it says something; notebooks: the first heading; PDF: the document title. Never a file name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from interviewer.ingest.clean import clean_inline
from interviewer.ingest.sections import Section

__all__ = [
    "MANY_QUESTIONS",
    "MANY_SECTIONS",
    "anki_topics",
    "is_generic_name",
    "markdown_topics",
    "readable_title",
]

# A file with more second-level sections than this collects many subjects (our own detailed notes and case
# studies have up to 8 sections, each a facet of one subject); so does a file with more than MANY_QUESTIONS
# question-and-answer pairs spread over more than QA_SECTIONS sections.
MANY_SECTIONS = 10
MANY_QUESTIONS = 12
QA_SECTIONS = 3
# A tag on more than this share of a deck's notes says nothing about any one of them.
_TAG_SHARE = 0.8
_ANKI_MARKER_TAGS = {"leech", "marked", "duplicate", "imported", "todo"}
_GENERIC = re.compile(
    r"^(?:default|anki|deck|my deck|new deck|imported|untitled|notes?|introduction|intro|overview|summary|"
    r"contents|table of contents|references|resources|further reading|links|conclusions?|appendix|"
    r"presentation|powerpoint presentation|slides?( \d+)?|page \d+|custom study session)$",
    re.I,
)
_FILE_NAME = re.compile(r"^(?P<stem>.+)\.(?:pptx?|docx?|pdf|key|odp|md|markdown|txt|ipynb|tex|apkg|html?)$", re.I)
_OFFICE_PREFIX = re.compile(r"^(?:microsoft\s+(?:powerpoint|word)|powerpoint|keynote)\s*-\s*", re.I)
_PUBLISHER_SUFFIX = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


def _stem_title(stem: str) -> str:
    words = re.sub(r"[_\-.]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else ""


def is_generic_name(name: str) -> bool:
    """True for names that say nothing about the subject ("Default", "Introduction", "Slide 1")."""
    return not name.strip() or bool(_GENERIC.match(name.strip()))


def readable_title(name: str, fallback: str) -> str:
    """A title fit to be a topic: cleaned, without an office-tool prefix or file extension, else `fallback`."""
    title = _OFFICE_PREFIX.sub("", clean_inline(name))
    match = _FILE_NAME.match(title)
    if match:
        title = _stem_title(match.group("stem"))
    return fallback if is_generic_name(title) else title


def _readable_tag(tag: str) -> str:
    parts = [part for part in tag.split("::") if part]
    words = " ".join(re.sub(r"[_\-]+", " ", part).strip() for part in (parts[1:] if len(parts) > 1 else parts))
    return words[:1].upper() + words[1:] if words.islower() else words


def anki_topics(notes: Sequence[tuple[str, Sequence[str]]], fallback: str) -> list[str]:
    """The topic of each note from its deck path and tags (one `(deck, tags)` pair per note)."""
    usable = [[tag for tag in tags if tag.lower() not in _ANKI_MARKER_TAGS] for _, tags in notes]
    counts = Counter(tag for tags in usable for tag in set(tags))
    total = len(notes)

    def telling(tag: str) -> bool:
        if total >= 2 and counts[tag] > _TAG_SHARE * total:
            return False
        return counts[tag] >= 2 or total < 10

    topics = []
    for (deck, _), tags in zip(notes, usable, strict=True):
        parts = [part.strip() for part in deck.split("::") if part.strip()]
        below_top = [clean_inline(part) for part in parts[1:]]
        if below_top and not all(is_generic_name(part) for part in below_top):
            topics.append(" > ".join(below_top))
            continue
        candidates = [tag for tag in tags if telling(tag)]
        if candidates:
            best = max(candidates, key=lambda tag: (counts[tag], -tags.index(tag)))
            topics.append(_readable_tag(best))
            continue
        top = _PUBLISHER_SUFFIX.sub("", clean_inline(parts[0])) if parts else ""
        topics.append(readable_title(top, fallback))
    return topics


def _outline(section: Section) -> tuple[str, ...]:
    """The section's headings without its question: a Q&A pair is not a section of the file."""
    return section.heading_path[:-1] if section.question else section.heading_path


def markdown_topics(sections: list[Section]) -> list[Section]:
    """Sections of a long file that collects many subjects take their second-level section as topic."""
    second_level = [_outline(s)[1] for s in sections if len(_outline(s)) > 1]
    distinct = {name for name in second_level if not is_generic_name(clean_inline(name))}
    questions = sum(1 for s in sections if s.question)
    many_subjects = len(distinct) > MANY_SECTIONS or (questions > MANY_QUESTIONS and len(distinct) > QA_SECTIONS)
    if not many_subjects:
        return sections
    assigned = []
    for section in sections:
        outline = _outline(section)
        name = clean_inline(outline[1]) if len(outline) > 1 else ""
        if name and not is_generic_name(name) and not section.topic_name:
            section = replace(section, topic_name=name)
        assigned.append(section)
    return assigned
