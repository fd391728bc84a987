"""What the interview chat shows, as chat messages: questions with their level and sources, answers, and a
compact score card whose evidence and missing points fold open. Pure: turns in, messages out, so the chat
after a reload or a server restart is exactly the chat before it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from interviewer.core.domain import Level, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.reports.claims import claim_lines, contradiction_lines, sound_evidence
from interviewer.reports.score_reason import why_low
from interviewer.reports.wording import SECTION_CHARS, score_text, section_path, shorten
from interviewer.scoring.confirmed import CONFIRMED_REASON
from interviewer.scoring.text import counted

__all__ = ["Message", "chat_messages", "escape", "level_label", "question_header", "score_card"]

Message = dict[str, Any]  # Gradio's "messages" format: role, content and optional metadata


def level_label(level: int) -> str:
    """'3 · apply' for level 3."""
    return f"{level} · {Level(level).name.lower()}"


def _escape(text: str) -> str:
    # The chat renders Markdown: the candidate's words and notes are shown as they were written, not as markup.
    return "".join("\\" + ch if ch in "\\`*_{}[]<>()#+-.!|~" else ch for ch in text)


def escape(text: str) -> str:
    """Text shown literally in the page's Markdown (the candidate's words and the notes, never markup)."""
    return _escape(text)


def question_header(question: Question) -> str:
    """The line above a question: turn, topic, level, stage and whether it is a follow-up or has a hint."""
    parts = [f"**Q{question.turn} · {_escape(question.topic)}**", f"level {level_label(question.level)}"]
    if question.stage:
        parts.append(f"stage: {question.stage}")
    if question.follow_up:
        parts.append("follow-up")
    return " · ".join(parts)


def _sources_line(question: Question) -> str:
    """Each note file once, by its name, with the sections used: long absolute paths repeated per section
    pushed the question itself out of view. A long section name (a question used as a heading) is cut at a
    word boundary with an ellipsis: notes store such a heading cut at a fixed length, mid-word."""
    sections: dict[str, list[str]] = {}
    for source in question.sources:
        name = PurePath(source["source"]).name or source["source"]
        heading = shorten(source["heading"].split(" > ")[-1], SECTION_CHARS)
        if heading not in sections.setdefault(name, []):
            sections[name].append(heading)
    return "From your notes: " + "; ".join(f"`{name} › {' · '.join(heads)}`" for name, heads in sections.items())


def question_message(question: Question, text: str | None = None) -> Message:
    """A question as the interviewer's chat message; `text` is the part streamed so far."""
    shown = question.text if text is None else text
    notice = f"*{_escape(question.notice)}*\n\n" if question.notice else ""  # e.g. levels the notes cannot support
    return {
        "role": "assistant",
        "content": f"{question_header(question)}\n\n{notice}{shown}\n\n{_sources_line(question)}",
    }


def score_card(turn: Turn, confirmed: ScoreResult | None = None) -> list[Message]:
    """The compact card (total, each criterion, what contradicts the notes) and, folded, the evidence that earned
    points and the missing key points. A sentence that contradicts the notes is shown once, with ✗, in the card:
    never among the ✓ evidence."""
    score = turn.score
    rows = [
        f"| {_escape((c.label or c.name).split(':')[0])} | {score_text(c.score)} | {c.weight:.2f} |"
        for c in score.criteria
    ]
    # Once the candidate confirmed points, why the score is low is said of the confirmed score (a trial user saw "the
    # machine is unsure of 1 point" beside "confirmed by you 0.87"); the criteria stay the machine's, and say so.
    reason = why_low(score if confirmed is None else confirmed)
    why = [f"**Why it is low:** {_escape(reason.text)}", ""] if reason is not None else []
    # (a partial review says how far it got: 2 of 3 points confirmed looked final to a trial user)
    checks = confirmed.points if confirmed is not None else ()
    judged = sum(p.reason == CONFIRMED_REASON for p in checks)
    so_far = f" ({judged} of {len(checks)} points so far)" if judged < len(checks) else ""
    mine = (
        f" (machine's estimate) · **confirmed by you {score_text(confirmed.total)}**{so_far}"
        if confirmed is not None
        else ""
    )
    before = "*The criteria below are the machine's estimate, before your review.*"
    machine = [before, ""] if confirmed is not None else []
    card = "\n".join(
        [
            f"**Score {score_text(turn.total)}** / 1.00{mine}",
            "",
            *why,
            *machine,
            "| criterion | score | weight |",
            "|---|---|---|",
            *rows,
        ]
    )
    if score.adjustments:  # the steps from the criteria to the total, so the numbers add up on the card
        card += "\n\n*From the criteria to the score:* " + "; ".join(_escape(step) for step in score.adjustments)
    wrong = contradiction_lines(score, _escape)
    if wrong:  # shown in the card itself: the candidate must see what they stated the wrong way round
        card += "\n\n**Your notes say otherwise:**\n" + "\n".join(wrong)
    details = claim_lines(score, _escape, ("not_in_notes", "supported"))
    for criterion in score.criteria:
        details += [f"- ✓ {criterion.name}: {_escape(item)}" for item in sound_evidence(score, criterion.evidence)]
    for point in turn.missing:
        details.append(
            f"- ✗ missing: {_escape(point['text'])} (`{point['source']} › {section_path(point['heading'])}`)"
        )
    messages: list[Message] = [{"role": "assistant", "content": card}]
    if details:
        title = f"Evidence and {counted(len(turn.missing), 'missing point')}"
        messages.append(
            {"role": "assistant", "content": "\n".join(details), "metadata": {"title": title, "status": "done"}}
        )
    return messages


def _answer_message(answer: str) -> Message:
    return {"role": "user", "content": _escape(answer) if answer.strip() else "*(no answer)*"}


def chat_messages(
    turns: list[Turn], pending: Question | None, confirmed: Mapping[int, ScoreResult] | None = None
) -> list[Message]:
    """The whole chat of a session: each answered turn (with the score the candidate confirmed, where they did),
    then the question waiting for an answer."""
    messages: list[Message] = []
    for turn in turns:
        messages.append(question_message(turn.question))
        messages.append(_answer_message(turn.answer))
        messages += score_card(turn, (confirmed or {}).get(turn.question.turn))
    if pending is not None:
        messages.append(question_message(pending))
    return messages
