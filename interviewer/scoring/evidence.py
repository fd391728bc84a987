"""The evidence scorer: pure functions from an answer, key points and similarity matrices to a ScoreResult.

Every point is traceable: coverage to the answer sentence (or two) that states a key point (claims.py),
precision to the specific terms used, reasoning to the connectives in on-topic sentences, structure to what
the answer did first. Evasive or off-topic answers are gated to at most 0.1; a sentence that states the
opposite of a note earns nothing and costs; claims the notes do not back cost a little; every sentence is
reported as supported, contradicted (with the note quoted) or not in the notes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from interviewer.core.score import ClaimCheck, CriterionScore, ScoreResult
from interviewer.scoring.claims import ClaimThresholds, Relation, match_claims
from interviewer.scoring.contrasts import NO_CONTRASTS, Contrasts
from interviewer.scoring.evasion import is_evasive, states_something
from interviewer.scoring.keypoints import KeyPoint
from interviewer.scoring.learned import LearnedHit
from interviewer.scoring.pitfalls import is_pitfall
from interviewer.scoring.rubric import Rubric
from interviewer.scoring.text import content_words, counted, normalise_token, not_in_notes_step, tokens
from interviewer.scoring.verdicts import (
    PARTLY_CREDIT,
    KeyEvidence,
    certain,
    claim_check,
    loose_sentences,
    point_checks,
    polarity_differs,
    readable,
    with_learned,
)

__all__ = ["EvidenceInput", "Thresholds", "score_evidence"]


@dataclass(frozen=True)
class Thresholds:
    """Similarity bands of the MiniLM embedder; set once from the tuning split of the labelled set."""

    match_low: float = 0.45  # below: the sentence says nothing about the key point
    match_high: float = 0.72  # above: the key point is fully covered
    coverage_for_full: float = 0.6  # share of key-point weight that earns full coverage
    relevant_sentence: float = 0.40  # a sentence this close to a key point or the question is on topic
    gate_low: float = 0.3  # answer relevance below this: capped at 0.1
    gate_high: float = 0.55  # answer relevance above this: not gated
    contradiction_factor: float = 0.55  # each contradiction multiplies the total (at most two count)
    precision_target: int = 5  # specific terms that earn full precision
    on_topic_share: float = 0.05  # of the total, earned by relevance alone
    unbacked_cost: float = 0.2  # the share of the total lost when no on-topic claim is backed by the notes
    claims: ClaimThresholds = field(default_factory=ClaimThresholds)


@dataclass(frozen=True)
class EvidenceInput:
    """Everything the evidence scorer reads; similarity matrices are computed by the caller."""

    question: str
    answer_sentences: list[str]
    key_points: list[KeyPoint]  # the selected key points, best first
    key_weights: list[float]
    reference_points: list[KeyPoint]  # every statement of the reference chunks (for contradictions)
    answer_key_sim: np.ndarray  # (answer sentences, key points)
    answer_reference_sim: np.ndarray  # (answer sentences, reference points)
    answer_question_sim: np.ndarray  # (answer sentences,)
    sources: list[dict[str, str]]
    # Two adjacent sentences state a point together: row i is sentences i and i+1 (None: sentences only).
    window_reference_sim: np.ndarray | None = None  # (answer sentences - 1, reference points)
    contrasts: Contrasts = NO_CONTRASTS  # the named pairs the reference teaches
    learned: Sequence[LearnedHit] = ()  # sentences in the candidate's confirmed words, or their marked mistakes
    # A case stage the notes say nothing about: scored on how the candidate approaches it, not on its content.
    open_stage: bool = False


_REASONING = re.compile(
    r"\b(because|since|so that|therefore|thus|hence|which means|that means|that's why|due to|as a result|"
    r"trade-?offs?|whereas|however|but|although|though|on the other hand|versus|vs\.?|instead|rather than|"
    r"at the cost of|costs?|downsides?|upsides?|benefits?|risks?|if|unless|otherwise|in exchange|"
    r"prefer|better|worse|depends on|leads? to|causes?|so)\b",
    re.I,
)
_CAUSAL = re.compile(
    r"because|since|so|so that|therefore|thus|hence|which means|that means|that's why|due to|as a result|"
    r"leads? to|causes?"
)
_CLARIFY = re.compile(r"(\?|\b(clarify|ask|confirm|check with|understand|what (is|are) the goal|objective)\b)", re.I)
_ASSUME = re.compile(r"\b(assum\w*|suppose|let's say|given that|constraints?|budget|goal is)\b", re.I)
_SEQUENCE = re.compile(r"\b(first(ly)?|then|next|after that|finally|second(ly)?|step|plan|start (by|with))\b", re.I)
_DIGITS = re.compile(r"\d")
SAME_SENTENCE = 0.97  # embedding similarity at which an answer sentence is the one a candidate marked, said again


def _ramp(value: float, low: float, high: float) -> float:
    return float(min(1.0, max(0.0, (value - low) / (high - low))))


def _as_written(terms: Sequence[str], text: str) -> list[str]:
    """Each term as the answer wrote it: the scorer compares word stems, a candidate reads words."""
    surface: dict[str, str] = {}
    for word in tokens(text):
        surface.setdefault(normalise_token(word), word)
    return [surface.get(term, term) for term in terms]


# Words a point uses about itself or the note-taker's attempt, never what it says ("The answer reframes the question
# around incremental orders" is about incremental orders).
_SELF_WORDS = frozenset(
    normalise_token(w) for w in "answer question point note notes book attempt model idea thing way first".split()
)


def _shared_words(
    point: str,
    sentences: Sequence[str],
    saying: Sequence[bool],
    contradicting: set[int],
    sentence_words: Sequence[list[str]] | None = None,
) -> tuple[tuple[str, ...], str]:
    """The answer sentence that uses most of a point's own words, and those words, when it uses two or more of them
    and at least a third: the point may be said there in a shape the matcher cannot read (KeyEvidence.shared).
    `sentence_words`: each sentence's content words, when the caller has them already (one pass per answer)."""
    own = {w for w in content_words(point) if w not in _SELF_WORDS and len(w) > 2}
    words = sentence_words if sentence_words is not None else [content_words(s) for s in sentences]
    best: tuple[str, ...] = ()
    where = ""
    for index, sentence in enumerate(sentences):
        if not saying[index] or index in contradicting:
            continue
        used = tuple(dict.fromkeys(w for w in words[index] if w in own))
        if len(used) > len(best):
            best, where = used, sentence
    if len(best) < 2 or len(best) * 3 < len(own):
        return (), ""
    written = {normalise_token(t): t for t in tokens(where)}
    return tuple(written.get(w, w) for w in best), where


def _specific_terms(text: str) -> set[str]:
    """Terms that show precision: numbers, acronyms, formulas, hyphenated or long technical words."""
    raw = tokens(text)
    found = {t for t in raw if _DIGITS.search(t) or "-" in t or "/" in t}
    found |= {w.lower() for w in re.findall(r"\b[A-Z][A-Z0-9]{1,}\b", text)}
    found |= {w for w in content_words(text) if len(w) >= 7}
    return found


def _criterion(
    rubric: Rubric, name: str, score: float, evidence: list[str], missing: list[dict[str, str]]
) -> CriterionScore:
    spec = next(c for c in rubric.criteria if c.name == name)
    score = round(min(1.0, max(0.0, score)), 3)
    return CriterionScore(
        name=name,
        label=spec.label,
        score=score,
        weight=spec.weight,
        descriptor=spec.descriptor_for(score),
        evidence=tuple(evidence),
        missing=tuple(missing),
    )


def _all_points(data: EvidenceInput) -> tuple[list[KeyPoint], list[int]]:
    """Every note statement once (reference points, then key points not among them), and where each key point is."""
    points = list(data.reference_points)
    where = {p.text: i for i, p in enumerate(points)}
    key_columns: list[int] = []
    for point in data.key_points:
        if point.text not in where:
            where[point.text] = len(points)
            points.append(point)
        key_columns.append(where[point.text])
    return points, key_columns


def _columns(reference: np.ndarray | None, keys: np.ndarray | None, key_columns: list[int], rows: int) -> np.ndarray:
    """Similarities to `_all_points`' list: the reference columns, then the key points not among them."""
    width = max([*key_columns, -1]) + 1
    base = reference if reference is not None else np.zeros((rows, 0), dtype=np.float32)
    rows = min(rows, base.shape[0]) if reference is not None else rows
    width = max(width, base.shape[1])
    matrix = np.zeros((rows, width), dtype=np.float32)
    matrix[:, : base.shape[1]] = base[:rows]
    if keys is not None:
        for k, column in enumerate(key_columns):
            if column >= base.shape[1]:
                matrix[:, column] = keys[:rows, k]
    return matrix


def score_evidence(data: EvidenceInput, rubric: Rubric, limits: Thresholds | None = None) -> ScoreResult:
    """Score one answer against the key points of the notes, criterion by criterion."""
    t = limits or Thresholds()
    sentences = data.answer_sentences
    evasive = is_evasive(" ".join(sentences), data.question)
    n_keys = len(data.key_points)

    # Claims: what each sentence states, reverses, or adds; over every note statement plus the key points.
    points, key_columns = _all_points(data)
    # A sentence that only echoes the question states no point and gives no reason (evasion.py).
    saying = [states_something(sentence, data.question) for sentence in sentences]
    claims = match_claims(
        sentences,
        [p.text for p in points],
        _columns(data.answer_reference_sim, data.answer_key_sim, key_columns, len(sentences)),
        _columns(data.window_reference_sim, None, key_columns, max(0, len(sentences) - 1))
        if data.window_reference_sim is not None
        else None,
        data.question,
        t.claims,
        [is_pitfall(p.text, p.heading) for p in points],
        data.contrasts,
        frozenset(i for i, says in enumerate(saying) if not says),
    )
    # What the rules credited on their own, before the candidate's learned words: those bring nothing more.
    covered_by_rules = {
        k for k in range(n_keys) if _ramp(claims.point_strength[key_columns[k]], t.match_low, t.match_high) >= 0.8
    }
    # A sentence the notes support is never flagged as fact on the strength of a past mark: the mark may rest on
    # another sentence of that answer (on the tuning set a correct sentence was marked and then flagged in a strong
    # answer). It is a reminder to check instead.
    # ... unless it is that very sentence again, in words other than the note's: the review showed it beside the point
    # and the candidate marked it (a trial user's "probability=True gives properly calibrated probabilities out of the
    # box" scored 1.00 the next day). The note's own words marked wrong are a mark that rests elsewhere.
    supported = {c.index for c in claims.sentences if c.relation is Relation.SUPPORTED}

    def marked_itself(hit: LearnedHit) -> bool:
        return hit.similarity >= SAME_SENTENCE and float(data.answer_key_sim[hit.sentence, hit.key]) < SAME_SENTENCE

    learned = [
        replace(h, sure=False) if h.wrong and h.sure and h.sentence in supported and not marked_itself(h) else h
        for h in data.learned
    ]
    claims = with_learned(claims, learned, key_columns)
    claims = replace(
        claims,
        sentences=tuple(
            replace(c, reason=readable(c.reason, sentences[c.index], points[c.point].text)) if c.point >= 0 else c
            for c in claims.sentences
        ),
    )
    # Every flagged sentence earns nothing; only a certain flag costs and is shown as fact (verdicts.py).
    contradicting = claims.contradicted()
    sure_flags = {c.index for c in claims.sentences if c.relation is Relation.CONTRADICTED and certain(c.reason)}
    contradictions = [
        {"answer": sentences[c.index], "edit": c.reason, **points[c.point].citation()}
        for c in claims.sentences
        if c.index in sure_flags
    ]
    reminders = {h.key: h for h in learned if h.wrong and not h.sure}
    reminded = {h.sentence: h for h in reminders.values()}
    checks = tuple(claim_check(c, sentences[c.index], points, sure_flags, reminded) for c in claims.sentences)

    # Relevance: how close the answer's best sentences come to the key points and the question.
    on_topic = (
        np.maximum(data.answer_reference_sim.max(axis=1, initial=0.0), data.answer_question_sim)
        if sentences
        else np.zeros(0)
    )
    for hit in learned:  # a sentence in the candidate's confirmed words is about the question
        if not hit.wrong:
            on_topic[hit.sentence] = max(float(on_topic[hit.sentence]), hit.similarity)
    best = sorted(on_topic.tolist(), reverse=True)[:2]
    relevance = float(np.mean(best)) if best else 0.0
    relevant = [i for i in range(len(sentences)) if on_topic[i] >= t.relevant_sentence and saying[i]]

    # Coverage: each key point's clearest statement among the answer's non-contradicting sentences.
    coverage_evidence: list[str] = []
    missing: list[dict[str, str]] = []
    earned = 0.0
    key_evidence: list[KeyEvidence] = []
    loose = loose_sentences(data.answer_sentences, data.answer_key_sim, len(data.key_points), claims.sentences, saying)
    learned_on = {(h.key, h.sentence): h.on for h in learned if not h.wrong}
    sentence_words = [content_words(sentence) for sentence in sentences]  # once per answer, not once per key point
    for k in range(n_keys):
        column = key_columns[k]
        credit = _ramp(claims.point_strength[column], t.match_low, t.match_high)
        where = claims.point_sentence[column]
        # Only a real match (at least "partly") can differ from the point; a sentence that barely touches it is a miss.
        matched = credit >= PARTLY_CREDIT and where >= 0
        differs = polarity_differs(sentences[where], data.key_points[k].text) if matched else ""
        on = learned_on.get((k, where), "")
        if differs and not on:
            credit *= 0.5  # a match that may say the opposite is not "supported": half, and asked in the review
        earned += data.key_weights[k] * credit
        if credit >= 0.5 and where >= 0 and not differs:
            coverage_evidence.append(f"{sentences[where]}  [covers: {data.key_points[k].text}]")
        else:
            missing.append(data.key_points[k].citation())
        flagged = next((c for c in claims.sentences if c.relation is Relation.CONTRADICTED and c.point == column), None)
        shared = _shared_words(data.key_points[k].text, sentences, saying, contradicting, sentence_words)
        key_evidence.append(
            KeyEvidence(
                point=data.key_points[k],
                weight=data.key_weights[k],
                credit=credit,
                sentence=sentences[where] if where >= 0 else "",
                differs=differs,
                flagged=flagged,
                flagged_sentence=sentences[flagged.index] if flagged is not None else "",
                learned_on=on,
                nearest_loose=loose.get(k, ""),
                reminder=reminders.get(k),
                reminder_sentence=sentences[reminders[k].sentence] if k in reminders else "",
                shared=shared[0],
                shared_sentence=shared[1],
            )
        )
    total_weight = sum(data.key_weights) or 1.0
    coverage = min(1.0, earned / (t.coverage_for_full * total_weight))

    # Precision: specific terms of the key points that the answer uses in on-topic sentences.
    wanted = set().union(*(_specific_terms(p.text) for p in data.key_points)) if data.key_points else set()
    used_text = " ".join(sentences[i] for i in relevant if i not in contradicting)
    # A point stated in the candidate's confirmed words brings its terms: they said it, in their words.
    learned_keys = {
        h.key for h in learned if not h.wrong and h.sentence not in contradicting and h.key not in covered_by_rules
    }
    learned_terms = set().union(*(_specific_terms(data.key_points[k].text) for k in learned_keys))
    used = _as_written(sorted(wanted & (_specific_terms(used_text) | learned_terms)), used_text)
    precision = len(used) / max(1, min(t.precision_target, len(wanted)))

    # Reasoning: distinct connectives and trade-off words in on-topic sentences that do not contradict the
    # notes. One reason given ("because", "so", "which means") is already "gives a reason": at least 0.5.
    markers: dict[str, str] = {}
    for i in relevant:
        if i in contradicting:
            continue
        for match in _REASONING.finditer(sentences[i]):
            markers.setdefault(match.group(0).lower(), sentences[i])
    reasoning = len(markers) / 3
    if any(_CAUSAL.fullmatch(marker) for marker in markers):
        reasoning = max(reasoning, 0.5)
    reasoning_evidence = sorted(set(markers.values()), key=sentences.index)[:4]

    # Structure: case studies want clarify / assumptions / plan first; deep dives want focus.
    focus = len(relevant) / len(sentences) if sentences else 0.0
    structure_evidence: list[str] = []
    if rubric.kind == "case":
        opening = sentences[: max(2, len(sentences) // 2)]
        moves: dict[str, str | None] = {
            name: next((s for s in opening if rx.search(s)), None)
            for name, rx in (("clarify", _CLARIFY), ("assume", _ASSUME), ("plan", _SEQUENCE))
        }
        structure = 0.6 * sum(v is not None for v in moves.values()) / 3 + 0.4 * _ramp(focus, 0.3, 0.7)
        structure_evidence = [f"{name}: {s}" for name, s in moves.items() if s and not evasive]
    else:
        leads = bool(sentences) and on_topic[0] >= t.relevant_sentence
        structure = 0.5 * _ramp(focus, 0.3, 0.8) + 0.25 * leads + 0.25 * min(1.0, len(relevant) / 3)
        structure_evidence = [sentences[0]] if leads else []

    signals = {
        "coverage": (coverage, coverage_evidence, missing),
        "precision": (precision, [f"specific terms: {', '.join(used)}"] if used else [], []),
        "reasoning": (reasoning, reasoning_evidence, []),
        "structure": (structure, structure_evidence, []),
    }
    criteria = tuple(_criterion(rubric, c.name, *signals[c.name]) for c in rubric.criteria)
    if data.open_stage:
        return _open_stage_score(data, rubric, criteria, evasive, relevance, checks, t)
    # Staying on the question is worth a little on its own: a vague on-topic answer beats an off-topic one.
    gate = _ramp(relevance, t.gate_low, t.gate_high)
    total = (1 - t.on_topic_share) * sum(c.score * c.weight for c in criteria) + t.on_topic_share * gate
    # Every step from the criteria to the total is said on the card: a candidate must see why 0.96 became 0.86.
    adjustments: list[str] = []
    penalised = min(2, len(contradictions))  # at most two count
    if penalised:
        factor = t.contradiction_factor**penalised
        total *= factor
        adjustments.append(f"x{factor:.2f}: {counted(len(contradictions), 'sentence')} against your notes")
    # Claims the notes do not back cost a little: a fluent answer built on them is not a strong one.
    on_topic_claims = [c for c in claims.sentences if c.index in relevant and c.relation is not Relation.CONTRADICTED]
    unbacked_sentences = [sentences[c.index] for c in on_topic_claims if c.relation is Relation.NOT_IN_NOTES]
    if on_topic_claims:
        unbacked = len(unbacked_sentences)
        factor = 1 - t.unbacked_cost * unbacked / len(on_topic_claims)
        total *= factor
        if factor < 0.995:
            adjustments.append(not_in_notes_step(factor, unbacked, len(on_topic_claims)))
    total *= gate
    if gate < 0.995:
        about = "not about the question" if gate < 0.005 else "only partly about the question"
        adjustments.append(f"x{gate:.2f}: {about} (relevance {relevance:.2f})")
    total = _capped(total, evasive, relevance, t, adjustments)
    return ScoreResult(
        total=round(total, 3),
        criteria=criteria,
        sources=tuple(data.sources),
        rubric=rubric.key,
        relevance=round(relevance, 3),
        evasive=evasive,
        contradictions=tuple(contradictions),
        key_points=tuple(point.citation() for point in data.key_points),
        claims=checks,
        adjustments=tuple(adjustments),
        points=point_checks(key_evidence),
        unbacked=tuple(unbacked_sentences),
        on_topic_claims=len(on_topic_claims),
    )


def _capped(total: float, evasive: bool, relevance: float, t: Thresholds, adjustments: list[str]) -> float:
    """A non-answer earns at most 0.02 and an answer off the question at most 0.1, whatever else it earned; the cap
    is said among the adjustments."""
    if not evasive and relevance >= t.gate_low:
        return total
    cap = 0.02 if evasive else 0.1
    if total > cap:
        adjustments.append(f"at most {cap:.2f}: " + ("no attempt at the question" if evasive else "off the question"))
    return min(total, cap)


OPEN_STAGE = "your notes hold nothing for this stage: scored on how you approach it, not on its content"


def _open_stage_score(
    data: EvidenceInput,
    rubric: Rubric,
    criteria: tuple[CriterionScore, ...],
    evasive: bool,
    relevance: float,
    checks: tuple[ClaimCheck, ...],
    t: Thresholds,
) -> ScoreResult:
    """A case stage with no statement in the notes (a case built from a topic's notes asks to clarify a problem
    the candidate chooses): coverage has nothing to read, so it counts for nothing and the other criteria share its
    weight; nothing is gated on closeness to the notes, whose topic the candidate's problem need not share. A
    non-answer stays capped."""
    criteria = tuple(
        replace(c, weight=0.0, descriptor="not scored: your notes hold nothing for this stage")
        if c.name == "coverage"
        else c
        for c in criteria
    )
    weight = sum(c.weight for c in criteria) or 1.0
    total = sum(c.score * c.weight for c in criteria) / weight
    adjustments = [OPEN_STAGE]
    total = _capped(total, evasive, relevance, t, adjustments)
    return ScoreResult(
        total=round(total, 3),
        criteria=criteria,
        sources=tuple(data.sources),
        rubric=rubric.key,
        relevance=round(relevance, 3),
        evasive=evasive,
        claims=checks,
        adjustments=tuple(adjustments),
    )
