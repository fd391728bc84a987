"""What every parser returns: sections of a note, each under a heading path, plus the stage vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interviewer.core.domain import ORGANISATIONS

__all__ = ["CASE_STAGES", "MAX_TEXT_CHARS", "ParseError", "Section", "note_kind", "poses_case", "stage_of_heading"]

# A packed file (PDF, Anki deck) may unpack to far more text than its size: past this many characters it is
# refused rather than embedded for hours.
MAX_TEXT_CHARS = 50_000_000


class ParseError(Exception):
    """A file could not be parsed; the message says why, in a few words."""


@dataclass(frozen=True)
class Section:
    """A run of note text under one heading path (title first).

    `question` and `answer` are set when the notes pair them (an Anki card, a Q&A file's question line);
    `topic_name` overrides the title as topic (see topics.py); `skip_reason` marks a section that is not
    knowledge (a deck's licence card): it is reported, never indexed."""

    heading_path: tuple[str, ...]
    text: str
    tags: tuple[str, ...] = field(default=())
    question: str = ""
    answer: str = ""
    topic_name: str = ""
    skip_reason: str = ""

    @property
    def topic(self) -> str:
        """The assigned topic, else the note's title: the first element of the heading path."""
        return self.topic_name or (self.heading_path[0] if self.heading_path else "")


# Case-study stages, in interview order, with the heading words that name them in notes.
CASE_STAGES: tuple[str, ...] = ("clarify", "frame", "data", "method", "evaluation", "experiment", "deployment")
_STAGE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("clarify", re.compile(r"\b(clarif\w*|goal|business (context|question)|requirements?|scope)\b", re.I)),
    ("frame", re.compile(r"\b(fram\w*|problem (statement|formulation|definition)|formulat\w*)\b", re.I)),
    ("data", re.compile(r"\b(data|features?|feature engineering|labels?)\b", re.I)),
    ("method", re.compile(r"\b(method\w*|models?|modell?ing|approach|algorithms?|baselines?)\b", re.I)),
    ("evaluation", re.compile(r"\b(evaluat\w*|metrics?|offline)\b", re.I)),
    ("experiment", re.compile(r"\b(experiment\w*|a/b|ab test\w*|online test\w*|validation|rollout)\b", re.I)),
    ("deployment", re.compile(r"\b(deploy\w*|monitor\w*|production|serving|maintenance)\b", re.I)),
)


def stage_of_heading(heading: str) -> str | None:
    """The case-study stage a section heading names, or None."""
    for stage, pattern in _STAGE_PATTERNS:
        if pattern.search(heading):
            return stage
    return None


# A title that says the note is a case ("Case study: churn", "Churn case"), not a "use case" or an "edge case".
_CASE_TITLE = re.compile(r"(?<!use )(?<!edge )(?<!test )(?<!base )(?<!worst )(?<!best )\bcase(?: study)?\b", re.I)
_CASE_OPENING = re.compile(r"\b(case study|this case|the case is|business case|business problem)\b", re.I)
# A business problem: an organisation, and a goal or a decision it faces, in the note's first sentences.
_ORGANISATION = re.compile(rf"\b({'|'.join(ORGANISATIONS)}|business|client|e-?commerce|you work for|you join)\b", re.I)
_DECISION_TITLE = re.compile(r"^\s*(should|shall|whether|which|how should|do we|does the|is it worth)\b.*\?\s*$", re.I)
_GOAL = re.compile(
    r"\b(wants? to|needs? to|asks? you|asked to|the goal|its goal|aims? to|would like to|(must|has to) decide|"
    r"deciding whether|is considering|plans? to|hopes? to|is trying to|is looking to|objective is|task is)\b",
    re.I,
)


def _opening(sections: list[Section]) -> str:
    """The first two sentences of the note, where a case states its business problem."""
    first = sections[:1]
    text = " ".join(s.answer if s.question and len(first) == 1 and s.answer else s.text for s in first)
    return " ".join(re.split(r"(?<=[.!?])\s+", " ".join(text.split()))[:2])[:600]


def poses_case(title: str, opening: str) -> bool:
    """True when a note's title or opening says it is a case, or its opening poses a business problem."""
    if _CASE_TITLE.search(title) or _CASE_OPENING.search(opening):
        return True
    if _DECISION_TITLE.match(title) and (_ORGANISATION.search(title) or _ORGANISATION.search(opening)):
        return True  # "Should the bank send retention offers?": a decision an organisation faces
    return any(_ORGANISATION.search(s) and _GOAL.search(s) for s in re.split(r"(?<=[.!?])\s+", opening))


def note_kind(source: str, sections: list[Section]) -> str:
    """'case' for a case-study note (a cases folder, at least four stage headings, or a title or opening that
    says it is a case or poses a business problem), else 'note'."""
    if re.search(r"(^|[/\\])(cases?|case[-_ ]stud(y|ies))([/\\]|$)", source, re.I):
        return "case"
    # Flashcards and Q&A files are collections of questions, never one case (a note whose title alone is a
    # question, "Should the bank send offers?", is one problem, not a collection).
    questions = sum(bool(s.question) for s in sections)
    if sections and (questions < 2 or questions * 2 < len(sections)):
        title = sections[0].heading_path[0] if sections[0].heading_path else ""
        if poses_case(title, _opening(sections)):
            return "case"
    # Stage headings are short section names ("Data and features"), not flashcard questions, and they make
    # up most of a case note's sections.
    named = [s.heading_path[-1] for s in sections if len(s.heading_path) > 1]
    stage_names = [stage_of_heading(h) for h in named if len(h.split()) <= 5 and not h.endswith("?")]
    stages = {stage for stage in stage_names if stage is not None}
    share = sum(stage is not None for stage in stage_names) / len(named) if named else 0.0
    return "case" if len(stages) >= 4 and share >= 0.5 else "note"
