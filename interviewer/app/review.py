"""Use cases of the review loop, shared by `interviewer confirm`, the jsonl protocol, the terminal review and the
web review: the candidate confirms each key point of an answer, the confirmation is saved with what the machine
had said, the scorer learns their words, and the confirmed score is computed beside the machine's estimate."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from interviewer.app.container import App
from interviewer.core.domain import Turn
from interviewer.core.review import (
    CREDIT,
    Agreement,
    Confirmation,
    Verdict,
    agreement,
    counted_verdicts,
    review_order,
)
from interviewer.core.score import PointCheck, ScoreResult
from interviewer.errors import BadInputError
from interviewer.learning.items import ItemSchedule, due_items
from interviewer.scoring.confirmed import confirmed_score
from interviewer.scoring.learned import PointMemory
from interviewer.scoring.rubric import Rubric
from interviewer.scoring.text import sentences
from interviewer.storage.embeddings import cosine_matrix

__all__ = [
    "ReviewedTurn",
    "confirm_answer",
    "confirm_turn",
    "confirmed_rows",
    "confirmed_scores",
    "due_item_schedules",
    "points_to_review",
    "scorer_agreement",
]


@dataclass(frozen=True)
class ReviewedTurn:
    """An answer with the machine's estimate and, once the candidate confirmed points, the confirmed score."""

    estimate: ScoreResult
    confirmed: ScoreResult | None
    verdicts: Mapping[str, Verdict]


def _attributed(app: App, answer: str, points: list[PointCheck]) -> dict[str, str]:
    """The answer sentence each confirmed point rests on: the machine's sentence where it was sure of it, else the
    closest sentence in meaning, one sentence per point while sentences last (a loose sentence near four points
    must not become the candidate's wording of all four)."""
    chosen = {p.id: p.sentence for p in points if p.sure and p.sentence and p.verdict != "missed"}
    rest = [p for p in points if p.id not in chosen]
    found = sentences(answer)
    if not rest or not found:
        return chosen
    vectors = app.embedder.embed([*found, *(p.text for p in rest)])
    similarity = cosine_matrix(vectors[len(found) :], vectors[: len(found)])  # points x sentences
    free = [s for s in range(len(found)) if found[s] not in chosen.values()] or list(range(len(found)))
    pairs = sorted(((float(similarity[k, s]), k, s) for k in range(len(rest)) for s in free), reverse=True)
    for _, k, s in pairs:
        if rest[k].id in chosen or (found[s] in chosen.values() and len(chosen) < len(found)):
            continue
        chosen[rest[k].id] = found[s]
    return chosen


def _rubric(app: App, estimate: ScoreResult) -> Rubric:
    return app.scorer.rubrics[estimate.rubric]


def _record(
    app: App,
    question: str,
    answer: str,
    estimate: ScoreResult,
    verdicts: Mapping[str, Verdict],
    now: datetime,
    rescore: Callable[[], ScoreResult],
    session_id: str | None = None,
    turn: int | None = None,
) -> ReviewedTurn:
    """Record the verdicts, learn from them, and score the answer again with what was learned (the sentences the
    candidate vouched for are now on the question) under their verdicts: the confirmed score, saved beside the
    estimate. Nothing is learned unless it is saved."""
    known = {p.id: p for p in estimate.points}
    unknown = [pid for pid in verdicts if pid not in known]
    if unknown:
        listed = ", ".join(known) or "none: this answer has no key points to confirm"
        raise BadInputError(f"unknown point id {', '.join(unknown)}; this answer's points are: {listed}")
    # A missed point rests on no sentence: there is nothing of the answer to learn from it.
    said = _attributed(app, answer, [known[pid] for pid, v in verdicts.items() if v is not Verdict.MISSED])
    confirmations = [
        Confirmation(pid, known[pid].text, verdict, known[pid].verdict, known[pid].sure, said.get(pid, ""), now,
                     question, answer, session_id, turn)
        for pid, verdict in verdicts.items()
    ]  # fmt: skip
    earlier = app.confirmations.for_turn(session_id, turn) if session_id is not None and turn is not None else {}
    given = {**earlier, **{c.point_id: c for c in confirmations}}
    merged = {pid: c.verdict for pid, c in given.items()}
    sentences = {pid: c.sentence for pid, c in given.items()}
    before = app.scorer.memory
    app.scorer.learn(PointMemory([*app.confirmations.latest(), *confirmations]))
    try:
        rescored = rescore()
        if {p.id for p in rescored.points} != set(known):
            rescored = estimate  # the notes changed under the question: keep to what the candidate saw
        confirmed = confirmed_score(rescored, merged, _rubric(app, rescored), app.scorer.thresholds, sentences)
        saved = (session_id, turn, now, confirmed) if session_id is not None and turn is not None else None
        app.confirmations.add(confirmations, saved)
    except BaseException:
        app.scorer.learn(before)
        raise
    return ReviewedTurn(estimate, confirmed, merged)


def confirm_answer(
    app: App,
    question: str,
    answer: str,
    verdicts: Mapping[str, Verdict],
    now: datetime,
    kind: str | None = None,
    level: int | None = None,
    stage: str | None = None,
) -> ReviewedTurn:
    """Confirm the points of a free-standing answer (`interviewer confirm` with question and answer): it is
    scored as `interviewer score` scores it, then the verdicts are recorded against that score's point ids."""

    def rescore() -> ScoreResult:
        return app.scorer.score(question, answer, kind=kind, level=level, stage=stage)

    return _record(app, question, answer, rescore(), verdicts, now, rescore)


def _saved_turn(app: App, session_id: str, turn: int) -> Turn:
    record = app.repo.load(session_id)
    found = next((t for t in record.turns if t.question.turn == turn), None)
    if found is None:
        answered = ", ".join(str(t.question.turn) for t in record.turns) or "none"
        raise BadInputError(f"session {session_id} has no answered turn {turn} (answered turns: {answered})")
    return found


def confirm_turn(app: App, session_id: str, turn: int, verdicts: Mapping[str, Verdict], now: datetime) -> ReviewedTurn:
    """Confirm the points of a saved answer, against the estimate saved with it (never re-scored or changed)."""
    saved = _saved_turn(app, session_id, turn)
    return _record(
        app, saved.question.text, saved.answer, saved.score, verdicts, now,
        lambda: app.interviewer.score(saved.question, saved.answer), session_id, turn,
    )  # fmt: skip


def confirmed_scores(app: App, session_id: str) -> dict[int, ReviewedTurn]:
    """Every answered turn of a session with its estimate and, where the candidate confirmed points, the confirmed
    score saved when they did."""
    record = app.repo.load(session_id)
    saved = app.confirmations.confirmed_scores(session_id)
    reviewed: dict[int, ReviewedTurn] = {}
    for turn in record.turns:
        number = turn.question.turn
        given = {pid: c.verdict for pid, c in app.confirmations.for_turn(session_id, number).items()}
        reviewed[number] = ReviewedTurn(turn.score, saved.get(number), given)
    return reviewed


def points_to_review(estimate: ScoreResult) -> list[PointCheck]:
    """The points of an answer in the order a review asks them: unsure ones first."""
    return review_order(estimate.points)


def scorer_agreement(app: App, recent: int = 200) -> list[Agreement]:
    """How often the machine's verdicts were the candidate's, per verdict, over the recent confirmations."""
    return agreement(app.confirmations.latest(), recent)


def due_item_schedules(app: App, now: datetime) -> list[ItemSchedule]:
    """The items due for review at `now`, most overdue first, graded by what the candidate confirmed."""
    return due_items(app.repo.answered(), app.confirmations.by_turn(), now, app.repo.answer_seconds())


def _label(verdicts: list[Verdict]) -> str:
    """A labelled-set label from confirmed verdicts: wrong, strong (all covered), partial (half or more), weak
    (points confirmed off the question are left out; with none left, weak)."""
    verdicts = counted_verdicts(verdicts)
    if Verdict.WRONG in verdicts:
        return "wrong"
    share = sum(CREDIT[v] for v in verdicts) / len(verdicts) if verdicts else 0.0
    return "strong" if share == 1.0 else "partial" if share >= 0.5 else "weak"


def confirmed_rows(app: App) -> list[dict[str, Any]]:
    """The candidate's confirmed answers as labelled rows for `interviewer calibrate` (qid, label, question,
    answer), one per answer whose every point they confirmed."""
    by_answer: dict[tuple[str, str], dict[str, Verdict]] = {}
    for c in app.confirmations.latest():
        by_answer.setdefault((c.question, c.answer), {})[c.point_id] = c.verdict
    rows: list[dict[str, Any]] = []
    for (question, answer), verdicts in by_answer.items():
        rows.append({"qid": question, "label": _label(list(verdicts.values())), "question": question,
                     "answer": answer, "split": "confirmed"})  # fmt: skip
    return rows
