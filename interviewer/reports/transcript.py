"""The feedback transcript: every question with its level and sources, the answer, per-criterion scores with
evidence and missing key points, a full answer from the notes, the difficulty trajectory, session timing,
strengths and what to review. Pure: values in, Markdown out (text from notes and answers is escaped)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from interviewer.core.domain import Turn
from interviewer.core.policy import STRONG
from interviewer.core.review import verdict_text
from interviewer.core.score import PointCheck, ScoreResult
from interviewer.reports.charts import level_name, trajectory_text
from interviewer.reports.claims import claim_lines, contradiction_lines, has_contradiction, sound_evidence
from interviewer.reports.html import md_code, md_escape, md_fence
from interviewer.reports.score_reason import why_low
from interviewer.reports.timing import SessionTiming, Timing, duration, parse_time, session_timing, timing_section, when
from interviewer.reports.wording import score_text, section_path, shorten
from interviewer.scoring.confirmed import CONFIRMED_REASON
from interviewer.scoring.text import counted

__all__ = [
    "STRONG",
    "TRAJECTORY_FIGURE",
    "Confirmed",
    "SessionSummary",
    "SessionTiming",
    "build_markdown",
    "machine_reading",
    "scores_text",
    "session_timing",
    "summarise",
]

TRAJECTORY_FIGURE = "trajectory"  # info string of the chart's fenced block: the HTML page shows the SVG there
# A strength is what was actually strong: a topic, criterion or answer averaging at least the policy's STRONG
# (0.7, the score at which challenge mode climbs fast). Anything below it is something to review.
_EVIDENCE_CHARS = 300  # an evidence span points into the answer, which is shown in full above it
_REVIEW_POINTS = 5

WEAK_ANSWER = 0.5  # an answer below this is listed to review, whatever its topic averaged
Confirmed = Mapping[int, ScoreResult]  # turn -> the score the candidate's confirmed verdicts give


def machine_reading(point: PointCheck) -> str:
    """The machine's verdict on a key point as a candidate reads it: "✓ covered", or, where it cannot stand
    behind it, "? unsure, please check (maybe wrong)", never shown as fact."""
    if point.sure:
        return verdict_text(point.verdict)
    return f"? unsure, please check (maybe {point.verdict})"


def scores_text(estimate: float, confirmed: float | None) -> str:
    """Both scores of an answer, each labelled: "confirmed by you 0.80 (machine's estimate 0.47)"."""
    if confirmed is None:
        return f"machine's estimate {score_text(estimate)}, not confirmed by you yet"
    return f"confirmed by you {score_text(confirmed)} (machine's estimate {score_text(estimate)})"


@dataclass(frozen=True)
class SessionSummary:
    """The figures at the end of a session."""

    answered: int
    mean_score: float | None
    levels: list[int]
    weakest_topics: list[tuple[str, float]]
    strongest_topics: list[tuple[str, float]]


def summarise(turns: list[Turn]) -> SessionSummary:
    """Mean score, level trajectory, the strongest topics (mean at least STRONG, best first) and the weakest
    (below STRONG, weakest first): a topic is in one list only, and a topic where an answer contradicted the
    notes is no strength, whatever its mean."""
    by_topic: dict[str, list[float]] = defaultdict(list)
    contradicted = {turn.question.topic for turn in turns if has_contradiction(turn.score)}
    for turn in turns:
        by_topic[turn.question.topic].append(turn.total)
    means = sorted(((topic, sum(s) / len(s)) for topic, s in by_topic.items()), key=lambda item: (item[1], item[0]))
    return SessionSummary(
        answered=len(turns),
        mean_score=round(sum(t.total for t in turns) / len(turns), 3) if turns else None,
        levels=[turn.question.level for turn in turns],
        weakest_topics=[(t, round(m, 3)) for t, m in means if m < STRONG][:3],
        strongest_topics=[(t, round(m, 3)) for t, m in reversed(means) if m >= STRONG and t not in contradicted][:3],
    )


def _cite(item: dict[str, Any]) -> str:
    """Where a key point or source comes from: `file` > heading."""
    heading = section_path(str(item.get("heading") or ""))
    place = md_code(str(item.get("source") or "unknown source"))
    return f"{place} > {md_escape(heading)}" if heading else place


def _unique(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    for item in items:
        seen.setdefault((str(item.get("text")), str(item.get("source")), str(item.get("heading"))), item)
    return list(seen.values())


def _level_label(turn: Turn) -> str:
    question = turn.question
    return f"{question.level} {level_name(question.level)}" + (", follow-up" if question.follow_up else "")


def _confirmed_summary(turns: list[Turn], confirmed: Confirmed) -> list[str]:
    """The summary line of the confirmed scores: over the answers confirmed, beside the machine's estimate of the
    same answers (a mean over other answers would not compare)."""
    mine = [(confirmed[t.question.turn].total, t.total) for t in turns if t.question.turn in confirmed]
    if not mine:
        return []
    count = f"all {len(turns)} answers" if len(mine) == len(turns) else f"{len(mine)} of {len(turns)} answers"
    you = sum(c for c, _ in mine) / len(mine)
    machine = sum(e for _, e in mine) / len(mine)
    return [
        f"- Confirmed by you: {count}; mean {score_text(you)} confirmed by you "
        f"(machine's estimate of the same answers {score_text(machine)})"
    ]


def _header(
    session_id: str,
    started: str,
    kind: str,
    mode: str,
    finished: bool | None,
    turns: list[Turn],
    confirmed: Confirmed,
) -> list[str]:
    summary = summarise(turns)
    mean = score_text(summary.mean_score) if summary.mean_score is not None else "n/a"
    lines = [
        f"# Interview feedback: {md_escape(session_id)}",
        "",
        f"- Started: {when(parse_time(started)) if parse_time(started) else md_escape(started) or 'n/a'}",
    ]
    lines.append(f"- Kind: {md_escape(kind)}; mode: {md_escape(mode)}")
    if finished is not None:
        # (in the web app's History tab too: a trial user in the browser was sent to a terminal command)
        resume = md_code(f"interviewer mock --resume {session_id}") + " or **Resume** in the web app's History tab"
        lines.append("- Status: finished" if finished else f"- Status: not finished; continue with {resume}")
    every = bool(turns) and all(t.question.turn in confirmed for t in turns)
    if every:  # the candidate judged every answer: their verdicts are the score, the machine's is the aside
        you = sum(confirmed[t.question.turn].total for t in turns) / len(turns)
        lines.append(
            f"- Questions answered: {summary.answered}; mean score: {score_text(you)} confirmed by you "
            f"(machine's estimate {mean})"
        )
    else:
        estimated = " (machine's estimate)" if confirmed else ""
        lines.append(f"- Questions answered: {summary.answered}; mean score: {mean}{estimated}")
        lines += _confirmed_summary(turns, confirmed)
    lines += [f"- Level trajectory: {' → '.join(str(level) for level in summary.levels) or 'none'}", ""]
    return lines


def _overview(turns: list[Turn], timing: SessionTiming, confirmed: Confirmed) -> list[str]:
    lines = ["## Overview", "", "| turn | topic | level | score | time to answer |", "|---|---|---|---|---|"]
    for turn, seconds in zip(turns, timing.answer_seconds, strict=True):
        mine = confirmed.get(turn.question.turn)
        shown = scores_text(turn.total, mine.total) if mine is not None else score_text(turn.total)
        lines.append(
            f"| {turn.question.turn} | {md_escape(turn.question.topic)} | {_level_label(turn)} "
            f"| {shown} | {duration(seconds)} |"
        )
    return [*lines, ""]


def _strengths(turns: list[Turn]) -> list[str]:
    """What was strong, counting only answers that contradicted nothing in the notes: a confidently wrong answer
    is no evidence of strength, whatever its criteria scored."""
    summary = summarise(turns)
    sound = [turn for turn in turns if not has_contradiction(turn.score)]
    left_out = [turn.question.turn for turn in turns if has_contradiction(turn.score)]
    lines = [
        f"- Topic **{md_escape(topic)}**: mean score {score_text(score)}" for topic, score in summary.strongest_topics
    ]
    by_criterion: dict[str, list[float]] = defaultdict(list)
    for turn in sound:
        for criterion in turn.score.criteria:
            by_criterion[criterion.label or criterion.name].append(criterion.score)
    means = sorted(((sum(s) / len(s), label, len(s)) for label, s in by_criterion.items()), key=lambda m: (-m[0], m[1]))
    lines += [
        f"- {md_escape(label)}: mean {score_text(mean)} over {counted(n, 'answer')}"
        for mean, label, n in means
        if mean >= STRONG
    ]
    weak = {topic for topic, _ in summary.weakest_topics}
    best = max(sound, key=lambda t: t.total, default=None)
    if best is not None and best.total >= STRONG and best.question.topic not in weak:  # never also to review
        lines.append(
            f"- Best answer: turn {best.question.turn} ({md_escape(best.question.topic)}, level "
            f"{_level_label(best)}), score {score_text(best.total)}"
        )
    counting = ""
    if left_out:
        numbers = ", ".join(str(number) for number in left_out)
        counting = (
            ", counting only answers that contradicted nothing in your notes "
            f"({'turn' if len(left_out) == 1 else 'turns'} {numbers} left out)"
        )
    if not lines:
        nothing = f"- Nothing averaged {STRONG:.2f} or more yet{counting}: start with the list below."
        return ["## Strengths", "", nothing, ""]
    return ["## Strengths", "", f"What averaged {STRONG:.2f} or more{counting}:", "", *lines, ""]


def _review(turns: list[Turn]) -> list[str]:
    weakest = summarise(turns).weakest_topics
    intro = f"The three weakest topics (mean below {STRONG:.2f}), weakest first, with the key points to go over."
    lines = ["## What to review", "", intro, ""]
    if not weakest:
        lines += [f"- Every topic averaged {STRONG:.2f} or more: the questions below still list any point missed.", ""]
    for rank, (topic, score) in enumerate(weakest, 1):
        topic_turns = [t for t in turns if t.question.topic == topic]
        missed = _unique(point for t in topic_turns for point in t.missing)
        wrong = _unique(item for t in topic_turns for item in t.score.contradictions)
        items = [f"- {md_escape(str(point.get('text', '')))} ({_cite(point)})" for point in missed[:_REVIEW_POINTS]]
        if len(missed) > _REVIEW_POINTS:
            items.append(f"- and {len(missed) - _REVIEW_POINTS} more key points in the questions below")
        items += [f"- stated the wrong way round: {md_escape(str(c.get('text', '')))} ({_cite(c)})" for c in wrong]
        fallback = "- No key point missed: compare your answers with the full answers from your notes below."
        lines += [f"### {rank}. {md_escape(topic)} (mean {score_text(score)})", "", *(items or [fallback]), ""]
    return lines + _weak_answers(turns, {topic for topic, _ in weakest})


def _weak_answers(turns: list[Turn], listed: set[str]) -> list[str]:
    """The answers below half marks whose topic averaged well enough not to be listed above: a trial user's 0.24 on
    naive Bayes calibration, asked under a topic that averaged 0.72, never showed up in what to review."""
    weak = [t for t in turns if t.total < WEAK_ANSWER and t.question.topic not in listed and not t.question.follow_up]
    if not weak:
        return []
    lines = ["### Weak answers in topics that averaged well", ""]
    for turn in weak:
        missed = [md_escape(str(point.get("text", ""))) for point in turn.missing[:2]]
        wrong = [md_escape(str(c.get("text", ""))) for c in turn.score.contradictions[:1]]
        said = "; ".join([*(f"stated the wrong way round: {w}" for w in wrong), *(f"missed: {m}" for m in missed)])
        lines.append(
            f"- Turn {turn.question.turn}, {md_escape(shorten(turn.question.text, 90))}: {score_text(turn.total)}"
            + (f". {said}" if said else "")
        )
    return [*lines, ""]


def _criteria(score: ScoreResult) -> list[str]:
    """The criteria table, then the evidence: ✓ what earned points (never a sentence that contradicts the
    notes), ✗ each key point missed, and ✗ each sentence that contradicts the notes, with the note it contradicts."""
    lines = ["| criterion | score | weight | what the score means |", "|---|---|---|---|"]
    evidence: list[str] = []
    for criterion in score.criteria:
        label = md_escape(criterion.label or criterion.name)
        lines.append(
            f"| {label} | {score_text(criterion.score)} | {criterion.weight:.2f} | {md_escape(criterion.descriptor)} |"
        )
        evidence += [
            f"- ✓ {label}: {md_escape(shorten(item, _EVIDENCE_CHARS))}"
            for item in sound_evidence(score, criterion.evidence)
        ]
        evidence += [
            f"- ✗ missing: {md_escape(str(point.get('text', '')))} ({_cite(point)})" for point in criterion.missing
        ]
    evidence += contradiction_lines(score, md_escape)
    return [
        *lines,
        "",
        "**Evidence:**",
        "",
        *(evidence or ["- No evidence for any criterion was found in this answer."]),
        "",
    ]


def _verdict_lines(estimate: ScoreResult, mine: ScoreResult) -> list[str]:
    """Per key point: the candidate's verdict, and what the machine had read, each labelled."""
    machine = {p.id: p for p in estimate.points}
    lines = []
    for point in mine.points:
        before = machine.get(point.id, point)
        if point.reason != CONFIRMED_REASON:  # not confirmed: the machine's reading stands, and says so
            lines.append(f"- not confirmed; machine: {machine_reading(point)}: {md_escape(point.text)} "
                         f"({_cite(point.citation())})")  # fmt: skip
            continue
        lines.append(
            f"- you: {verdict_text(point.verdict)}; machine: {machine_reading(before)}: "
            f"{md_escape(point.text)} ({_cite(point.citation())})"
        )
    return lines


def _turn_section(turn: Turn, seconds: float | None, mine: ScoreResult | None = None) -> list[str]:
    question = turn.question
    tags = [f"level {question.level} ({level_name(question.level)})", question.kind]
    tags += [f"stage: {question.stage}"] if question.stage else []
    tags += ["follow-up"] if question.follow_up else []
    tags += ["with a hint"] if question.hint else []
    sources = "; ".join(_cite(s) for s in _unique({**s, "text": ""} for s in question.sources)) or "none recorded"
    answer = turn.answer.replace("\r\n", "\n").strip("\n").rstrip()
    lines = [
        f"### {question.turn}. {md_escape(question.topic)}",
        "",
        f"*{md_escape(', '.join(tags))}; time to answer: {duration(seconds)}*",
        "",
        f"**Question:** {md_escape(question.text)}",
        "",
    ]
    # What was said with it, once: how a case was read and whether the candidate corrected that reading ("Asked for
    # Tandem Tools, as you set it. I read this case as ..."), or that the notes cannot support a level.
    lines += [f"**Said with it:** {md_escape(question.notice)}", ""] if question.notice else []
    lines += [
        f"**Sources:** {sources}",
        "",
    ]
    lines += (
        ["**Your answer:**", "", md_fence(answer, "text"), ""] if answer.strip() else ["**Your answer:** *(empty)*", ""]
    )
    # Once the candidate confirmed points, why the score is low is said of the confirmed score: the estimate's
    # "unsure, please check" has been answered.
    reason = why_low(turn.score if mine is None else mine)
    if mine is None:
        lines += [f"**Score: {score_text(turn.total)}**", ""]
    else:
        lines += [f"**Score: {scores_text(turn.total, mine.total)}**", ""]
        lines += ["**Your verdicts on the key points:**", "", *_verdict_lines(turn.score, mine), ""]
    lines += [f"**Why it is low:** {md_escape(reason.text)}", ""] if reason is not None else []
    if mine is not None:
        lines += ["*What follows is the machine's estimate, as it scored the answer before your review.*", ""]
    claims = claim_lines(turn.score, md_escape)
    lines += ["**What your notes say about each sentence:**", "", *claims, ""] if claims else []
    lines += _criteria(turn.score)
    steps = turn.score.adjustments
    lines += (
        ["**From the criteria to the score:** " + "; ".join(md_escape(step) for step in steps), ""] if steps else []
    )
    lines += ["**A full answer from your notes:**", ""]
    points = turn.score.key_points
    lines += [f"- {md_escape(str(p.get('text', '')))} ({_cite(p)})" for p in points] or [
        "- The notes gave no key points for this question."
    ]
    return [*lines, ""]


def build_markdown(
    session_id: str,
    started: str,
    kind: str,
    mode: str,
    turns: list[Turn],
    *,
    timings: Sequence[Timing] = (),
    finished: bool | None = None,
    confirmed: Confirmed | None = None,
) -> str:
    """The transcript of a session as Markdown; `timings` as SessionRecord.timings holds them; `confirmed` maps
    a turn to the score the candidate's confirmed verdicts give, shown beside the machine's estimate."""
    confirmed = confirmed or {}
    timing = session_timing(started, timings, len(turns))
    lines = _header(session_id, started, kind, mode, finished, turns, confirmed)
    if not turns:
        lines += ["No question was answered in this session, so there is nothing to score yet.", ""]
        return "\n".join(lines + timing_section(timing, 0)).rstrip("\n") + "\n"
    lines += _overview(turns, timing, confirmed)
    # What the candidate confirmed is the score: the trajectory's scores, the strengths and what to review follow
    # it (a trial user found the machine's estimate there after confirming, and points marked "not this
    # question's point" still listed to review).
    judged = [replace(t, score=confirmed[t.question.turn]) if t.question.turn in confirmed else t for t in turns]
    lines += ["## Difficulty trajectory", "", md_fence(trajectory_text(judged), TRAJECTORY_FIGURE), ""]
    lines += timing_section(timing, len(turns)) + _strengths(judged) + _review(judged)
    lines += ["## Questions and answers", ""]
    for turn, seconds in zip(turns, timing.answer_seconds, strict=True):
        lines += _turn_section(turn, seconds, confirmed.get(turn.question.turn))
    return "\n".join(lines).rstrip("\n") + "\n"
