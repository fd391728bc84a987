"""The confirmed score: the same rubric, with the candidate's verdict on each key point in place of the
machine's. Pure. The machine's estimate is never changed; this is a second ScoreResult beside it.

- Coverage: each point earns its confirmed credit (covered 1, partly 0.5, missed and wrong 0); a point not
  confirmed keeps the machine's credit; a point confirmed off the question leaves it (no weight, no credit), and
  when every point does, coverage leaves the total.
- Each point confirmed wrong costs like a contradiction (at most two count); the machine's unsure flags cost
  nothing; "not in your notes" still costs for every on-topic sentence that no confirmed point rests on.
- Precision, reasoning and structure are the machine's: they read form, not meaning.
- The relevance gate applies only when no point was confirmed covered or partly; an evasive answer stays capped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from interviewer.core.review import CREDIT, Verdict
from interviewer.core.score import CriterionScore, PointCheck, ScoreResult
from interviewer.scoring.evidence import Thresholds
from interviewer.scoring.rubric import Rubric
from interviewer.scoring.text import counted, not_in_notes_step

__all__ = ["CONFIRMED_REASON", "confirmed_score"]

CONFIRMED_REASON = "as you confirmed"  # the reason of every point the candidate confirmed


def _ramp(value: float, low: float, high: float) -> float:
    return float(min(1.0, max(0.0, (value - low) / (high - low))))


def _confirmed_point(point: PointCheck, verdict: Verdict | None, sentence: str | None) -> PointCheck:
    if verdict is None:
        return point
    said = point.sentence if sentence is None else sentence
    return replace(point, verdict=verdict.value, sure=True, credit=CREDIT[verdict], reason=CONFIRMED_REASON,
                   sentence=said)  # fmt: skip


def confirmed_score(
    estimate: ScoreResult,
    verdicts: Mapping[str, Verdict],
    rubric: Rubric,
    limits: Thresholds | None = None,
    sentences: Mapping[str, str] | None = None,
) -> ScoreResult:
    """The answer's score with the candidate's verdicts per point id (points not given keep the machine's);
    `sentences` are the answer sentences each confirmed point rests on, where known."""
    t = limits or Thresholds()
    said = sentences or {}
    points = tuple(_confirmed_point(p, verdicts.get(p.id), said.get(p.id)) for p in estimate.points)
    graded = [p for p in points if p.verdict != Verdict.OFF.value]
    total_weight = sum(p.weight for p in graded) or 1.0
    coverage = min(1.0, sum(p.weight * p.credit for p in graded) / (t.coverage_for_full * total_weight))
    if not graded:  # every point confirmed off the question: nothing left to cover, and nothing missed
        coverage = next(c.score for c in estimate.criteria if c.name == "coverage")
    spec = next(c for c in rubric.criteria if c.name == "coverage")
    coverage = round(coverage, 3)
    confirmed_coverage = CriterionScore(
        name="coverage",
        label=spec.label,
        score=coverage,
        weight=spec.weight,
        descriptor=spec.descriptor_for(coverage),
        evidence=tuple(f"{p.sentence}  [covers: {p.text}]" for p in points if p.verdict == "covered" and p.sentence),
        missing=tuple(p.citation() for p in points if p.verdict in ("missed", "wrong", "partly")),
    )
    criteria = tuple(confirmed_coverage if c.name == "coverage" else c for c in estimate.criteria)
    gate = _ramp(estimate.relevance, t.gate_low, t.gate_high)
    # Every point confirmed off the question: the notes hold nothing this answer could cover, so coverage leaves the
    # total and the other criteria carry it (a trial user's strong answer kept the machine's 0.28 after she took
    # out both points, and the feedback then named that topic her weakest).
    weighed = [c for c in criteria if graded or c.name != "coverage"] or list(criteria)
    share = sum(c.weight for c in weighed) or 1.0
    form = sum(c.score * c.weight for c in weighed) / share * sum(c.weight for c in criteria)
    total = (1 - t.on_topic_share) * form + t.on_topic_share * gate
    adjustments = [f"confirmed by you: {counted(len(verdicts), 'point')} of {len(points)}"]
    if not graded:
        adjustments.append("coverage left out: you confirmed that no key point of your notes bears on this question")
    # The candidate vouched for the sentences their confirmed points rest on; the others still cost as before.
    vouched = {p.sentence for p in points if p.id in verdicts and p.verdict in ("covered", "partly")}
    unbacked = [sentence for sentence in estimate.unbacked if sentence not in vouched]
    if unbacked and estimate.on_topic_claims:
        factor = 1 - t.unbacked_cost * len(unbacked) / estimate.on_topic_claims
        total *= factor
        adjustments.append(not_in_notes_step(factor, len(unbacked), estimate.on_topic_claims))
    wrong = sum(p.verdict == "wrong" for p in points)
    if wrong:
        factor = t.contradiction_factor ** min(2, wrong)
        total *= factor
        adjustments.append(f"x{factor:.2f}: {counted(wrong, 'point')} you confirmed as stated wrongly")
    credited = any(verdicts.get(p.id) in (Verdict.COVERED, Verdict.PARTLY) for p in points)
    if not credited and gate < 0.995:
        total *= gate
        adjustments.append(f"x{gate:.2f}: only partly about the question (relevance {estimate.relevance:.2f})")
    if estimate.evasive and total > 0.02:
        total = 0.02
        adjustments.append("at most 0.02: no attempt at the question")
    return replace(
        estimate,
        total=round(total, 3),
        criteria=criteria,
        points=points,
        contradictions=tuple(c for c in estimate.contradictions if c.get("text") not in {p.text for p in points}),
        adjustments=tuple(adjustments),
    )
