"""What the notes say about each sentence of an answer, as lines for the score card and the transcript: the
sentences your notes support, those that contradict a note (quoted, with its source), and those the notes say
nothing about (yours to check). A candidate sees why, not only how much."""

from __future__ import annotations

from collections.abc import Callable, Collection

from interviewer.core.score import ClaimCheck, ScoreResult

__all__ = ["MAX_QUOTE_CHARS", "claim_lines"]

MAX_QUOTE_CHARS = 180
_ORDER = {"contradicted": 0, "not_in_notes": 1, "supported": 2}


def _quote(text: str) -> str:
    words = " ".join(text.split())
    return f"“{words if len(words) <= MAX_QUOTE_CHARS else words[: MAX_QUOTE_CHARS - 1].rstrip() + '…'}”"


def _line(claim: ClaimCheck, escape: Callable[[str], str]) -> str:
    said = escape(_quote(claim.sentence))
    note = claim.note or {}
    place = " › ".join(part for part in (note.get("source", ""), note.get("heading", "")) if part)
    if claim.verdict == "contradicted":
        quoted = escape(_quote(note.get("text", "")))
        return f"- ✗ {said} contradicts your notes, which say {quoted}" + (f" ({escape(place)})" if place else "")
    if claim.verdict == "supported":
        return f"- ✓ {said} is in your notes" + (f" ({escape(place)})" if place else "")
    return f"- ? {said} is not in your notes: yours to check"


def claim_lines(
    score: ScoreResult, escape: Callable[[str], str], verdicts: Collection[str] = tuple(_ORDER)
) -> list[str]:
    """One Markdown bullet per answer sentence the scorer checked with one of `verdicts`, contradictions first;
    [] when there is none."""
    chosen = [claim for claim in score.claims if claim.verdict in verdicts]
    return [_line(claim, escape) for claim in sorted(chosen, key=lambda claim: _ORDER.get(claim.verdict, 1))]
