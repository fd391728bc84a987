"""The machine's verdict per key point, and how sure it may be. Pure.

The rules in claims.py read words, not meaning: on held-out answers they flag correct sentences as "the wrong
way round" and accept fluent wrong ones. So a verdict is stated as fact only where the structure is certain,
and everything else is "unsure, please check", asked first in the review:
- a flag is certain only when the candidate marked that very mistake before (a learned misconception); a rule's
  flag is unsure, earns the sentence nothing, and costs nothing until the candidate confirms it;
- a match that differs from the note in negation, direction or a named opposite is unsure (half its credit);
- a point stated only loosely (partly) is unsure;
- a missed point is unsure when an on-topic sentence that matches no note is nearest to it: it may be a
  paraphrase the embedder cannot read; and when a sentence uses two or more of its own words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from interviewer.core.score import ClaimCheck, PointCheck, point_id
from interviewer.scoring.claims import Claims, Relation, SentenceClaim
from interviewer.scoring.keypoints import KeyPoint
from interviewer.scoring.learned import LearnedHit
from interviewer.scoring.lexicon import lemma, terms
from interviewer.scoring.polarity import flips
from interviewer.scoring.text import normalise_token, tokens

__all__ = [
    "MARKED_WRONG",
    "PARTLY_CREDIT",
    "RESEMBLES_WRONG",
    "KeyEvidence",
    "certain",
    "claim_check",
    "loose_sentences",
    "point_checks",
    "polarity_differs",
    "readable",
    "with_learned",
]

MARKED_WRONG = "you marked this as wrong on "
RESEMBLES_WRONG = "looks like what you marked as wrong on "
_CONFIRMED = "in your own words, as you confirmed on "
COVERED_CREDIT = 0.8  # a point earning this share of its credit is covered
PARTLY_CREDIT = 0.3  # ... this share, partly


def certain(reason: str) -> bool:
    """Whether a flag may be shown as fact: only the candidate's own earlier verdict is certain."""
    return reason.startswith(MARKED_WRONG)


def readable(reason: str, *texts: str) -> str:
    """A reason with the matcher's word stems ("negates handl") put back as the answer or the note wrote them
    ("negates handles"): a candidate reads words."""
    written = [word for text in texts for word in tokens(text)]

    def word(match: re.Match[str]) -> str:
        stem = match.group(0)
        if stem.lower() in written:
            return stem
        return next((w for w in written if lemma(w) == stem or normalise_token(w) == stem), stem)

    return re.sub(r"[a-z][a-z0-9-]*", word, reason)


def _sides(text: str) -> dict[str, set[str]]:
    """The sides a statement names: of each contrast pair (L1 / L2) and each antonym axis (sparse / dense)."""
    found: dict[str, set[str]] = {}
    for term in terms(text):
        if term.side:
            found.setdefault(term.key, set()).add(term.side)
        elif term.sign and term.key != "~direction":
            found.setdefault(term.key, set()).add("+" if term.sign > 0 else "-")
    return found


def _other_side(sentence: str, note: str) -> str:
    """The named opposite a sentence says where the note says its partner ("" when none): a match that names L2
    where the point names L1 may be the point turned round, whatever words it shares."""
    said, noted = _sides(sentence), _sides(note)
    for key in sorted(said.keys() & noted.keys()):
        if said[key] - noted[key] and noted[key] - said[key] and not key.startswith("~"):
            if "+" in said[key] or "-" in said[key]:
                return f"takes the other side of {key.replace('|', '/')}"
            return (
                f"names {'/'.join(sorted(said[key] - noted[key]))} where the notes name {'/'.join(sorted(noted[key]))}"
            )
    return ""


def polarity_differs(sentence: str, note: str) -> str:
    """How a sentence matched to a note differs from it in negation, direction or a named opposite ("" if not)."""
    found = flips(sentence, note) or [side for side in (_other_side(sentence, note),) if side]
    return readable("; ".join(found), sentence, note)


def with_learned(claims: Claims, hits: Sequence[LearnedHit], key_columns: Sequence[int]) -> Claims:
    """The claims with what the candidate confirmed before: a repeated misconception is a certain flag; a
    sentence in their accepted words covers its point (and only it), and overrides a rule's unsure flag."""
    if not hits:
        return claims
    verdicts = {c.index: c for c in claims.sentences}
    strength = list(claims.point_strength)
    where = list(claims.point_sentence)
    # A mistake said again, applied last, wins over an acceptance; one only resembled changes nothing here: it is
    # a reminder on the point (`KeyEvidence.reminder`), and costs nothing until the candidate confirms it.
    for hit in sorted((h for h in hits if h.sure or not h.wrong), key=lambda h: h.wrong):
        column = key_columns[hit.key]
        current = verdicts[hit.sentence]
        if hit.wrong:
            said = MARKED_WRONG + hit.on
            verdicts[hit.sentence] = SentenceClaim(hit.sentence, Relation.CONTRADICTED, column, said)
            if where[column] == hit.sentence:
                strength[column], where[column] = 0.0, -1
            continue
        if current.relation is Relation.CONTRADICTED and certain(current.reason):
            continue
        if current.relation is not Relation.SUPPORTED:
            verdicts[hit.sentence] = SentenceClaim(hit.sentence, Relation.SUPPORTED, column, _CONFIRMED + hit.on)
        strength[column], where[column] = max(strength[column], 1.0), hit.sentence
    return Claims(tuple(verdicts[i] for i in sorted(verdicts)), tuple(strength), tuple(where))


@dataclass(frozen=True)
class KeyEvidence:
    """What the coverage loop found for one key point."""

    point: KeyPoint
    weight: float
    credit: float  # 0..1, after any halving for a polarity difference
    sentence: str  # the sentence that states it best ("" when none)
    differs: str  # how that sentence differs from the point in polarity ("" when it does not)
    flagged: SentenceClaim | None  # a sentence flagged against this point, if any
    flagged_sentence: str
    learned_on: str  # the date its accepted wording was confirmed, when that is what covered it
    nearest_loose: str  # an on-topic sentence that matches no note and is nearest to this point ("" if none)
    reminder: LearnedHit | None = None  # a sentence that resembles a mistake the candidate marked on this point
    reminder_sentence: str = ""
    shared: tuple[str, ...] = ()  # the point's own words an answer sentence uses, when it matched no better
    shared_sentence: str = ""


def point_checks(evidence: Sequence[KeyEvidence]) -> tuple[PointCheck, ...]:
    """One verdict per key point, in key order, saying how sure it is and why."""
    return tuple(_check(e) for e in evidence)


def _check(e: KeyEvidence) -> PointCheck:
    base = PointCheck(
        id=point_id(e.point.text),
        text=e.point.text,
        source=e.point.source,
        heading=e.point.heading,
        chunk_id=e.point.chunk_id,
        verdict="missed",
        sure=True,
        credit=round(e.credit, 3),
        weight=round(e.weight, 3),
    )
    if e.flagged is not None and certain(e.flagged.reason):
        return replace(base, verdict="wrong", sentence=e.flagged_sentence, reason=e.flagged.reason, credit=0.0)
    if e.learned_on:
        return replace(base, verdict="covered", sentence=e.sentence, reason=_CONFIRMED + e.learned_on)
    if e.reminder is not None:
        why = f'{RESEMBLES_WRONG}{e.reminder.on} ("{e.reminder.phrase}"): please check'
        return replace(base, verdict="wrong", sure=False, sentence=e.reminder_sentence, reason=why)
    if e.flagged is not None and e.credit < COVERED_CREDIT:
        why = f"maybe stated the wrong way round ({e.flagged.reason}): please check"
        return replace(base, verdict="wrong", sure=False, sentence=e.flagged_sentence, reason=why)
    if e.credit >= COVERED_CREDIT and not e.differs:
        return replace(base, verdict="covered", sentence=e.sentence, reason="stated in your answer")
    if e.differs:
        why = f"matches your notes' words but differs ({e.differs}): please check"
        verdict = "covered" if e.credit >= COVERED_CREDIT / 2 else "partly"
        return replace(base, verdict=verdict, sure=False, sentence=e.sentence, reason=why)
    if e.credit >= PARTLY_CREDIT:
        why = "said only loosely: please check"
        return replace(base, verdict="partly", sure=False, sentence=e.sentence, reason=why)
    if e.nearest_loose:
        why = "a sentence of yours matches nothing in your notes; it may say this in other words: please check"
        return replace(base, sure=False, sentence=e.nearest_loose, reason=why)
    if e.shared:
        # A sentence that uses the point's own words may state it in a shape the matcher cannot read ("compare the
        # sites on expected incremental weekly orders" for "reframes the question around incremental orders" was
        # "missed" for certain, a trial interview, session 18).
        words = ", ".join(f'"{word}"' for word in e.shared)
        why = f"your answer uses its words ({words}); it may say this: please check"
        return replace(base, sure=False, sentence=e.shared_sentence, reason=why)
    if e.point.picked:
        # A story's statement picked as nearest the stage asked: "Nine fewer refinements ... ≈ $307k a quarter" was a
        # sure miss of a strong clarify answer (bench.case_scoring, held-out).
        why = "picked from your notes as near this question, which they do not tie it to: please check"
        return replace(base, sure=False, reason=why)
    return replace(base, reason="no sentence of your answer is on this point")


def claim_check(
    claim: SentenceClaim,
    sentence: str,
    points: Sequence[KeyPoint],
    sure_flags: set[int],
    reminded: dict[int, LearnedHit],
) -> ClaimCheck:
    """What the card says of one sentence: a flag the machine is not certain of, a match that differs from the
    note in polarity, or a sentence like one the candidate marked wrong, is "unsure", never "contradicted" or
    "supported"."""
    note = points[claim.point] if claim.point >= 0 else None
    if claim.relation is Relation.CONTRADICTED and claim.index not in sure_flags:
        reason = f"maybe the wrong way round ({claim.reason}): please check"
        return ClaimCheck(sentence, "unsure", note.citation() if note else None, reason)
    if claim.index in reminded and claim.index not in sure_flags:
        hit = reminded[claim.index]
        reason = f'{RESEMBLES_WRONG}{hit.on} ("{hit.phrase}"): please check'
        return ClaimCheck(sentence, "unsure", note.citation() if note else None, reason)
    if claim.relation is Relation.SUPPORTED and note is not None:
        differs = polarity_differs(sentence, note.text)
        if differs and not claim.reason.startswith(_CONFIRMED):
            reason = f"matches your notes' words but differs ({differs}): please check"
            return ClaimCheck(sentence, "unsure", note.citation(), reason)
    return ClaimCheck(sentence, claim.relation.value, note.citation() if note else None, claim.reason)


def loose_sentences(
    answer_sentences: Sequence[str],
    answer_key_sim: np.ndarray,
    keys: int,
    verdicts: Sequence[SentenceClaim],
    saying: Sequence[bool],
) -> dict[int, str]:
    """Per key point, the answer sentence that matches nothing in the notes and is nearest to it in meaning. Such
    a sentence may be the point in other words (the embedder cannot tell: on the tuning set it put some correct
    paraphrases below 0.3), so a point is missed for certain only when every sentence the answer states is
    accounted for by the notes."""
    loose = [c.index for c in verdicts if c.relation is Relation.NOT_IN_NOTES and saying[c.index]]
    nearest: dict[int, str] = {}
    for k in range(keys):
        best = max(loose, key=lambda i: float(answer_key_sim[i, k]), default=-1)
        if best >= 0:
            nearest[k] = answer_sentences[best]
    return nearest
