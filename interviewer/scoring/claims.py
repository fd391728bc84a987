"""The claim matcher: which note statements each answer sentence states, reverses, or says nothing about.

A point is covered when an answer sentence, or two adjacent ones, states it: close in meaning (embedding
similarity) or restating most of its content words (lemmas), and not turning it round (polarity.py,
numbers.py). A clause that reverses a note clause, and that no note clause supports at least as well, is
a contradiction whatever words it shares. Pure: the caller computes the similarity matrices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import numpy as np

from interviewer.scoring.contrasts import NO_CONTRASTS, Contrasts
from interviewer.scoring.lexicon import Term, terms
from interviewer.scoring.numbers import number_conflict, states_figure
from interviewer.scoring.pitfalls import answered_question, endorses, warns
from interviewer.scoring.polarity import Stance, align, clauses, term_reversal

__all__ = ["ClaimThresholds", "Claims", "Relation", "SentenceClaim", "match_claims", "strength"]


class Relation(Enum):
    """What an answer sentence does with the notes."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    NOT_IN_NOTES = "not_in_notes"


@dataclass(frozen=True)
class ClaimThresholds:
    """Alignment and strength bands; set from the tuning split of the labelled set."""

    clause_share: float = 0.5  # share of a note clause's content words an answer clause must restate
    clause_words: int = 2  # ... and at least this many of them
    reversal_words: int = 3  # a reversal needs this many shared words, or all of a short note clause's
    part_share: float = 0.75  # ... or this share of the answer clause's words come from the note clause
    answer_clause_share: float = 0.34  # ... making up at least this share of the answer clause
    contradiction_similarity: float = 0.4  # a reversal counts only between sentences this close in meaning
    number_similarity: float = 0.6  # figures are compared between sentences this close in meaning
    lexical_weight: float = 0.55  # strength: how much restating the note's words adds to similarity
    clause_restated: float = 0.75  # a clause restating this share of a note clause states that part of the point
    support_margin: float = 0.0  # a clause is a contradiction unless another note clause backs it at least as well
    support_strength: float = 0.6  # a sentence this close to a note statement is supported by it
    figure_similarity: float = 0.35  # a sentence this close that gives the statement's own figure states it...
    figure_share: float = 0.8  # ... as clearly as restating this share of its words


@dataclass(frozen=True)
class SentenceClaim:
    """One answer sentence and what the notes say about it (`point` indexes the note statements)."""

    index: int
    relation: Relation
    point: int = -1
    reason: str = ""


@dataclass(frozen=True)
class Claims:
    """The claim analysis of one answer against a list of note statements."""

    sentences: tuple[SentenceClaim, ...]
    point_strength: tuple[float, ...]  # per note statement: its best statement in the answer (0 if none)
    point_sentence: tuple[int, ...]  # per note statement: the sentence that states it best (-1 if none)

    def contradicted(self) -> set[int]:
        """Indices of the answer sentences that contradict the notes."""
        return {s.index for s in self.sentences if s.relation is Relation.CONTRADICTED}


@lru_cache(maxsize=8192)
def _clause_terms(text: str, contrasts: Contrasts) -> tuple[tuple[Term, ...], ...]:
    return tuple(tuple(terms(clause, contrasts)) for clause in clauses(text))


@lru_cache(maxsize=8192)
def _note_clause_terms(text: str, contrasts: Contrasts) -> tuple[tuple[Term, ...], ...]:
    """A note statement's clauses; a question the note answers "no" becomes its denial."""
    answered = answered_question(text)
    if answered is None:
        return _clause_terms(text, contrasts)
    question, denied, rest = answered
    claim = tuple(terms(question, contrasts))
    if denied:
        claim = (Term("", -1, negator=True), *claim)
    return (claim, *_clause_terms(rest, contrasts)) if rest.strip() else (claim,)


@lru_cache(maxsize=8192)
def _keys(text: str) -> frozenset[str]:
    # Figures are compared by numbers.py; here they would only make "3%" and "30%" look unrelated.
    return frozenset(t.key for t in terms(text) if t.key and not t.negator and t.key[0].isalpha() | (t.key[0] == "~"))


def strength(similarity: float, lexical_share: float, weight: float) -> float:
    """How clearly a unit states a point: its similarity, raised when it restates most of the point's words."""
    return max(similarity, 0.5 * similarity + weight * lexical_share)


def _lexical_share(unit: str, point: str) -> float:
    point_keys = _keys(point)
    return len(point_keys & _keys(unit)) / len(point_keys) if point_keys else 0.0


@dataclass(frozen=True)
class _Stances:
    """Per answer clause, how it stands to one note statement: best alignment share kept / reversed / differing."""

    keeps: tuple[float, ...]
    reverses: tuple[float, ...]
    differs: tuple[float, ...]
    reasons: tuple[str, ...]

    def supports(self) -> bool:
        """Some clause states the point and none turns it round."""
        return max(self.keeps, default=0.0) > 0 and max(self.reverses, default=0.0) == 0

    def blocks(self) -> bool:
        """Some clause reverses the point, or restates its words as another claim, and none states it."""
        return max(self.keeps, default=0.0) == 0 and max(self.reverses + self.differs, default=0.0) > 0


def _stances(
    unit: str, point: str, t: ClaimThresholds, pitfall: bool = False, contrasts: Contrasts = NO_CONTRASTS
) -> _Stances:
    keeps: list[float] = []
    reverses: list[float] = []
    differs: list[float] = []
    reasons: list[str] = []
    note_clauses = _note_clause_terms(point, contrasts)
    unit_warns = warns(unit)
    for answer_clause, answer_text in zip(_clause_terms(unit, contrasts), clauses(unit), strict=False):
        kept = reversed_ = differing = 0.0
        reason = ""
        for note_clause in note_clauses:
            aligned = align(list(answer_clause), list(note_clause))
            # Aligned: the answer clause restates most of the note clause, or a short answer clause is
            # mostly made of one part of a longer note clause ("boosting trains trees in parallel").
            part = aligned.answer_share >= t.part_share and len(aligned.shared) >= t.reversal_words
            if (aligned.share < t.clause_share and not part) or len(aligned.shared) < t.clause_words:
                continue
            if aligned.answer_share < t.answer_clause_share:
                continue  # a long clause that happens to hold a short note's words is another statement
            stance, why = term_reversal(list(answer_clause), list(note_clause))
            recommended = endorses(answer_text, point) and not unit_warns
            if pitfall and stance is Stance.KEEPS and note_clause is note_clauses[0] and recommended:
                stance, why = Stance.REVERSES, "recommends what the notes list as a pitfall"
            few = len(aligned.shared) < t.reversal_words
            if stance is Stance.REVERSES and few and (aligned.share < 1 or aligned.answer_share < 0.5):
                stance = Stance.DIFFERS  # two shared words are too few to say it is the same claim turned round
            if stance is Stance.KEEPS:
                kept = max(kept, aligned.share)
            elif stance is Stance.REVERSES and aligned.share > reversed_:
                reversed_, reason = aligned.share, why
            elif stance is Stance.DIFFERS:
                differing = max(differing, aligned.share)
        keeps.append(kept)
        reverses.append(reversed_)
        differs.append(differing)
        reasons.append(reason)
    return _Stances(tuple(keeps), tuple(reverses), tuple(differs), tuple(reasons))


def _with_number_conflict(stances: _Stances, reason: str) -> _Stances:
    """A clearly different figure for the same statement reverses it, in every clause."""
    size = len(stances.keeps)
    return _Stances((0.0,) * size, (1.0,) * size, stances.differs, (reason,) * size)


def match_claims(
    answer_sentences: Sequence[str],
    points: Sequence[str],
    sentence_sim: np.ndarray,
    window_sim: np.ndarray | None = None,
    question: str = "",
    limits: ClaimThresholds | None = None,
    pitfalls: Sequence[bool] | None = None,
    contrasts: Contrasts = NO_CONTRASTS,
    empty: frozenset[int] = frozenset(),
) -> Claims:
    """Match answer sentences (and adjacent pairs, `window_sim` row i = sentences i and i+1) to note points;
    `contrasts` are the named pairs the notes teach (contrasts.py); the `empty` sentences say nothing beyond
    the question's words, so they state no point on their own."""
    t = limits or ClaimThresholds()
    n, m = len(answer_sentences), len(points)
    stances: dict[tuple[int, int], _Stances] = {}
    for i, sentence in enumerate(answer_sentences):
        for k, point in enumerate(points):
            found = _stances(sentence, point, t, bool(pitfalls and pitfalls[k]), contrasts)
            if float(sentence_sim[i, k]) >= t.number_similarity and _lexical_share(sentence, point) >= 0.25:
                conflict = number_conflict(sentence, point, question)
                if conflict is not None:
                    found = _with_number_conflict(found, conflict)
            stances[(i, k)] = found

    def unit_strength(i: int, k: int) -> float:
        """How clearly sentence i states point k (0 when it turns it round or makes another claim of it)."""
        found = stances[(i, k)]
        if found.blocks() or i in empty:
            return 0.0
        # A clause that restates most of one clause of the point counts like restating the point's words.
        restated = max(found.keeps, default=0.0)
        lexical = max(
            _lexical_share(answer_sentences[i], points[k]), restated if restated >= t.clause_restated else 0.0
        )
        if float(sentence_sim[i, k]) >= t.figure_similarity and states_figure(answer_sentences[i], points[k], question):
            lexical = max(lexical, t.figure_share)
        return strength(float(sentence_sim[i, k]), lexical, t.lexical_weight)

    strengths = [[unit_strength(i, k) for k in range(m)] for i in range(n)]  # read by both loops below
    verdicts: list[SentenceClaim] = []
    for i in range(n):
        verdicts.append(
            _verdict(
                i,
                [stances[(i, k)] for k in range(m)],
                [float(sentence_sim[i, k]) for k in range(m)],
                strengths[i],
                t,
            )
        )
    contradicted = {v.index for v in verdicts if v.relation is Relation.CONTRADICTED}
    point_strength = [0.0] * m
    point_sentence = [-1] * m
    for k in range(m):
        for i in range(n):
            if i in contradicted:
                continue
            score = strengths[i][k]
            in_window = window_sim is not None and i < window_sim.shape[0] and i + 1 not in contradicted
            if score > 0 and in_window and window_sim is not None and not stances[(i + 1, k)].blocks():
                pair = answer_sentences[i] + " " + answer_sentences[i + 1]
                together = strength(float(window_sim[i, k]), _lexical_share(pair, points[k]), t.lexical_weight)
                score = max(score, together)
            if score > point_strength[k]:
                point_strength[k], point_sentence[k] = score, i
    return Claims(tuple(verdicts), tuple(point_strength), tuple(point_sentence))


def _verdict(
    i: int, stances: list[_Stances], similarity: list[float], strengths: list[float], t: ClaimThresholds
) -> SentenceClaim:
    """Contradicted when one of its clauses reverses a note statement that no note statement supports it against."""
    clause_count = len(stances[0].keeps) if stances else 0
    for c in range(clause_count):
        supported = max(s.keeps[c] for s in stances)
        reversing = [
            (s.reverses[c], similarity[k], k)
            for k, s in enumerate(stances)
            if s.reverses[c] > max(0.0, supported - t.support_margin) and similarity[k] >= t.contradiction_similarity
        ]
        if reversing:
            _, _, k = max(reversing)
            return SentenceClaim(i, Relation.CONTRADICTED, k, stances[k].reasons[c])
    best = max(range(len(strengths)), key=lambda k: (strengths[k], -k), default=-1)
    if best >= 0 and strengths[best] >= t.support_strength:
        return SentenceClaim(i, Relation.SUPPORTED, best, "stated in your notes")
    return SentenceClaim(i, Relation.NOT_IN_NOTES, -1, "not in your notes: yours to check")
