"""The feedback transcript: every question with its level and sources, the answer, per-criterion scores with
evidence and missing key points, a model answer from the notes, and what to review. Pure: text in, text out."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from interviewer.core.domain import Level, Turn

__all__ = ["SessionSummary", "build_markdown", "summarise"]


@dataclass(frozen=True)
class SessionSummary:
    """The figures at the end of a session."""

    answered: int
    mean_score: float | None
    levels: list[int]
    weakest_topics: list[tuple[str, float]]
    strongest_topics: list[tuple[str, float]]


def summarise(turns: list[Turn]) -> SessionSummary:
    """Mean score, level trajectory and topics ordered by mean score."""
    by_topic: dict[str, list[float]] = defaultdict(list)
    for turn in turns:
        by_topic[turn.question.topic].append(turn.total)
    means = sorted(((topic, sum(s) / len(s)) for topic, s in by_topic.items()), key=lambda item: (item[1], item[0]))
    return SessionSummary(
        answered=len(turns),
        mean_score=round(sum(t.total for t in turns) / len(turns), 3) if turns else None,
        levels=[turn.question.level for turn in turns],
        weakest_topics=[(t, round(m, 3)) for t, m in means[:3]],
        strongest_topics=[(t, round(m, 3)) for t, m in reversed(means[-3:]) if m >= 0.6],
    )


def _model_answer(turn: Turn) -> list[str]:
    """The key points of the notes a full answer covers, each with its source."""
    return [f"{p['text']} (`{p['source']}` > {p['heading']})" for p in turn.score.get("key_points", [])]


def build_markdown(session_id: str, started: str, kind: str, mode: str, turns: list[Turn]) -> str:
    """The transcript of a session as Markdown."""
    summary = summarise(turns)
    mean = f"{summary.mean_score:.2f}" if summary.mean_score is not None else "n/a"
    lines = [
        f"# Interview feedback: {session_id}",
        "",
        f"- Started: {started}",
        f"- Kind: {kind}; mode: {mode}",
        f"- Questions answered: {summary.answered}; mean score: {mean}",
        f"- Level trajectory: {' → '.join(str(level) for level in summary.levels) or 'none'}",
        "",
    ]
    for turn in turns:
        question = turn.question
        level_name = Level(question.level).name.lower()
        tags = [f"level {question.level} ({level_name})", question.kind]
        if question.stage:
            tags.append(f"stage: {question.stage}")
        if question.follow_up:
            tags.append("follow-up")
        lines += [
            f"## {question.turn}. {question.topic}",
            "",
            f"*{', '.join(tags)}*",
            "",
            f"**Question:** {question.text}",
            "",
        ]
        lines += ["Sources: " + "; ".join(f"`{s['source']}` > {s['heading']}" for s in question.sources), ""]
        lines += ["**Your answer:**", "", "> " + (turn.answer.strip().replace("\n", "\n> ") or "(empty)"), ""]
        lines += [f"**Score: {turn.total:.2f}**", "", "| criterion | score | weight | |", "|---|---|---|---|"]
        for criterion in turn.score.get("criteria", []):
            score, weight, descriptor = criterion["score"], criterion["weight"], criterion.get("descriptor", "")
            lines.append(f"| {criterion['label']} | {score:.2f} | {weight:.2f} | {descriptor} |")
        lines.append("")
        for criterion in turn.score.get("criteria", []):
            for item in criterion.get("evidence", []):
                lines.append(f"- ✓ {criterion['name']}: {item}")
            for missing in criterion.get("missing", []):
                lines.append(f"- ✗ missing: {missing['text']} (`{missing['source']}` > {missing['heading']})")
        for contradiction in turn.score.get("contradictions", []):
            lines.append(f"- ! stated the wrong way round: {contradiction['answer']} — notes: {contradiction['text']}")
        model = _model_answer(turn)
        if model:
            lines += ["", "**A full answer from your notes:**", ""] + [f"- {point}" for point in model]
        lines.append("")
    lines += ["## What to review", ""]
    for topic, score in summary.weakest_topics:
        missed = [m for t in turns if t.question.topic == topic for m in t.missing][:3]
        lines.append(
            f"- **{topic}** (mean {score:.2f})" + (": " + "; ".join(m["text"] for m in missed) if missed else "")
        )
    if summary.strongest_topics:
        lines += ["", "## Strengths", ""] + [
            f"- {topic} (mean {score:.2f})" for topic, score in summary.strongest_topics
        ]
    return "\n".join(lines) + "\n"
