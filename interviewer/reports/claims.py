"""What the notes say about each sentence of an answer, as lines for the score card and the transcript: the
sentences your notes support, those that contradict a note (quoted, with its source), and those the notes say
nothing about (yours to check). A candidate sees why, not only how much.

A sentence that contradicts the notes is never evidence: `sound_evidence` drops it from a criterion's ✓ list
(a score saved before the scorer stopped listing "[contradicts: …]" there included it), and
`contradiction_lines` shows it once, with ✗, quoting the note it contradicts."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping

from interviewer.core.score import ClaimCheck, ScoreResult
from interviewer.reports.wording import section_path, shorten

__all__ = ["MAX_QUOTE_CHARS", "claim_lines", "contradiction_lines", "has_contradiction", "sound_evidence"]

MAX_QUOTE_CHARS = 180
_ORDER = {"contradicted": 0, "not_in_notes": 1, "supported": 2}
_CONTRADICTS_TAG = "[contradicts:"  # how older saved scores marked a contradiction among the coverage evidence
_MOVE_LABEL = re.compile(r"^\w+: ")  # a case answer's structure evidence names its move: "clarify: …"


def _quote(text: str) -> str:
    return f"“{shorten(text, MAX_QUOTE_CHARS)}”"


def _place(note: Mapping[str, str]) -> str:
    return " › ".join(part for part in (note.get("source", ""), section_path(note.get("heading", ""))) if part)


def _contradiction(said: str, note: Mapping[str, str], escape: Callable[[str], str]) -> str:
    place = _place(note)
    quoted = escape(_quote(note.get("text", "")))
    return f"- ✗ {escape(_quote(said))} contradicts your notes, which say {quoted}" + (
        f" ({escape(place)})" if place else ""
    )


def _line(claim: ClaimCheck, escape: Callable[[str], str]) -> str:
    note = claim.note or {}
    if claim.verdict == "contradicted":
        return _contradiction(claim.sentence, note, escape)
    said = escape(_quote(claim.sentence))
    if claim.verdict == "supported":
        place = _place(note)
        return f"- ✓ {said} is in your notes" + (f" ({escape(place)})" if place else "")
    return f"- ? {said} is not in your notes: yours to check"


def claim_lines(
    score: ScoreResult, escape: Callable[[str], str], verdicts: Collection[str] = tuple(_ORDER)
) -> list[str]:
    """One Markdown bullet per answer sentence the scorer checked with one of `verdicts`, contradictions first;
    [] when there is none."""
    chosen = [claim for claim in score.claims if claim.verdict in verdicts]
    return [_line(claim, escape) for claim in sorted(chosen, key=lambda claim: _ORDER.get(claim.verdict, 1))]


def _same(text: str) -> str:
    return " ".join(text.split()).casefold()


def _contradicted_sentences(score: ScoreResult) -> list[str]:
    said = [claim.sentence for claim in score.claims if claim.verdict == "contradicted"]
    said += [str(item.get("answer", "")) for item in score.contradictions]
    return [_same(sentence) for sentence in said if sentence.strip()]


def has_contradiction(score: ScoreResult) -> bool:
    """True when any sentence of the answer contradicts the notes."""
    return bool(score.contradictions) or any(claim.verdict == "contradicted" for claim in score.claims)


def _evidence_sentence(item: str) -> set[str]:
    """The answer sentence an evidence item quotes, as the scorer writes it: "sentence  [covers: …]", "clarify:
    sentence" or the sentence alone (both readings of a leading "word:", which may be the sentence's own)."""
    said = item.split("  [", 1)[0]
    return {_same(said), _same(_MOVE_LABEL.sub("", said))}


def sound_evidence(score: ScoreResult, evidence: Iterable[str]) -> list[str]:
    """The evidence items that earned points honestly: none marked as, or quoting, a contradicted sentence."""
    wrong = set(_contradicted_sentences(score))
    return [item for item in evidence if _CONTRADICTS_TAG not in item and not _evidence_sentence(item) & wrong]


def contradiction_lines(score: ScoreResult, escape: Callable[[str], str]) -> list[str]:
    """One ✗ bullet per sentence that contradicts the notes, quoting the note and its source: from the claim
    checks, and from the score's contradictions for a sentence the claims do not hold (older saved scores)."""
    claimed = [claim for claim in score.claims if claim.verdict == "contradicted"]
    lines = [_contradiction(claim.sentence, claim.note or {}, escape) for claim in claimed]
    seen = {_same(claim.sentence) for claim in claimed}
    for item in score.contradictions:
        said = str(item.get("answer", ""))
        if _same(said) not in seen:
            seen.add(_same(said))
            lines.append(_contradiction(said, {k: str(v) for k, v in item.items()}, escape))
    return lines
