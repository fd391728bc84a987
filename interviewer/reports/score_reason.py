"""Why a score is low, in one line: derived from what the saved score already holds, so the score card and the
transcript say the same thing. Pure: a score's JSON form in, a reason (or None for a score that is not low) out.

The first that applies, in this order, is the reason:

1. the answer does not try the question (it says it does not know, asks for the question again, or deflects);
2. it contradicts the notes: the note it contradicts, quoted, with its source;
3. it is off the question (relevance below the scorer's gate), or only partly on it as the machine reads it (its
   relevance cut the score by a third or more: a trial user's correct answer scored 0.04 and was told only that
   some points were unsure);
4. the machine is unsure of some key points (a possible paraphrase, a flag it cannot stand behind): how many, with
   the points missed for certain, and that the candidate's review settles them;
5. it misses key points: how many of how many, and the most important one, quoted, with its source;
6. otherwise its weakest criterion and what that score means.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from interviewer.core.score import ScoreResult
from interviewer.reports.wording import score_text, section_path, shorten
from interviewer.scoring.evidence import Thresholds
from interviewer.scoring.text import counted

__all__ = ["LOW_SCORE", "LowScoreReason", "ReasonKind", "why_low"]

LOW_SCORE = 0.6  # below this an answer is not yet good (FSRS "Hard" or "Again"): the candidate needs the why
_OFF_TOPIC = Thresholds().gate_low  # the relevance under which the scorer caps an answer at 0.1
_ON_TOPIC = Thresholds().gate_high  # ... and above which relevance costs nothing
_CUT = 2 / 3  # a relevance factor below this made the score low more than anything else could
_QUOTE_CHARS = 160  # a quoted note stays one readable line


class ReasonKind(StrEnum):
    """What made the score low."""

    NO_ATTEMPT = "no attempt"
    CONTRADICTS = "contradicts the notes"
    OFF_QUESTION = "off the question"
    MISSING = "missing points"
    UNSURE = "points to check"
    WEAK_CRITERION = "weak criterion"


@dataclass(frozen=True)
class LowScoreReason:
    """The reason a score is low, as one line of plain text (escape it for Markdown)."""

    kind: ReasonKind
    text: str


def _quote(text: object) -> str:
    return f'"{shorten(str(text or ""), _QUOTE_CHARS)}"'


def _place(item: Mapping[str, Any]) -> str:
    source = " ".join(str(item.get("source") or "your notes").split())
    heading = section_path(str(item.get("heading") or ""))
    return f"{source} › {heading}" if heading else source


def _missing(score: ScoreResult) -> list[dict[str, str]]:
    if any(criterion.name == "coverage" for criterion in score.criteria):
        return list(score.missing)
    return [point for criterion in score.criteria for point in criterion.missing]


def _weakest_criterion(score: ScoreResult) -> LowScoreReason | None:
    criteria = [c for c in score.criteria if c.weight > 0]
    if not criteria:
        return None
    weakest = min(criteria, key=lambda c: (c.score, -c.weight))
    label = " ".join((weakest.label or weakest.name or "a criterion").split(":")[0].split())
    meaning = " ".join(weakest.descriptor.split())
    text = f"weakest on {label.lower()} ({score_text(weakest.score)})" + (f": {meaning}" if meaning else "")
    return LowScoreReason(ReasonKind.WEAK_CRITERION, text)


def why_low(score: ScoreResult) -> LowScoreReason | None:
    """The one-line reason for a score below LOW_SCORE, or None when the score is not low."""
    if score.total >= LOW_SCORE:
        return None
    if score.evasive:
        return LowScoreReason(
            ReasonKind.NO_ATTEMPT,
            "no attempt at the question (not knowing, asking again or deflecting earns nothing): "
            "say what you do know, even in part",
        )
    contradictions = list(score.contradictions)
    if contradictions:
        first = contradictions[0]
        more = f" (and {len(contradictions) - 1} more)" if len(contradictions) > 1 else ""
        return LowScoreReason(
            ReasonKind.CONTRADICTS,
            f"contradicts your notes{more}, which say {_quote(first.get('text'))} ({_place(first)})",
        )
    if score.relevance < _OFF_TOPIC:
        return LowScoreReason(ReasonKind.OFF_QUESTION, "off the question: the answer is about something else")
    factor = min(1.0, max(0.0, (score.relevance - _OFF_TOPIC) / (_ON_TOPIC - _OFF_TOPIC)))
    if factor < _CUT:
        return LowScoreReason(
            ReasonKind.OFF_QUESTION,
            f"only partly about the question as the machine reads it (relevance {score.relevance:.2f} kept "
            f"{factor:.0%} of the score): if your answer does meet the question, the review is where you say so; "
            "else answer what was asked first",
        )
    # A point the machine is unsure of is a question to the candidate, never a miss stated as fact.
    unsure = {p.text for p in score.points if not p.sure}
    missing = [m for m in _missing(score) if m.get("text") not in unsure]
    total = max(len(score.key_points), len(missing) + len(unsure))
    if unsure:
        said = f"misses {len(missing)} of {total} key points for certain; " if missing else ""
        return LowScoreReason(
            ReasonKind.UNSURE,
            f"{said}the machine is unsure of {counted(len(unsure), 'point')} (your words may say "
            f"{'it' if len(unsure) == 1 else 'them'} differently): check {'it' if len(unsure) == 1 else 'them'} "
            "in the review: what you confirm there replaces this estimate",
        )
    if missing:
        first = missing[0]
        return LowScoreReason(
            ReasonKind.MISSING,
            f"misses {len(missing)} of {total} key points, first {_quote(first.get('text'))} ({_place(first)})",
        )
    return _weakest_criterion(score)
