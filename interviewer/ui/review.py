"""The review of answers in the web app, as plain functions: every answer of a session with the notes' model
answer and each key point in review order (unsure ones first), the machine's reading of it, and the candidate's
confirmation in one click, saved at once, with both scores labelled. No Gradio here: the layout wires these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath

from interviewer.app import App
from interviewer.app.review import ReviewedTurn, confirm_turn, confirmed_scores, points_to_review
from interviewer.app.sessions import write_session_reports
from interviewer.core.domain import Turn
from interviewer.core.review import Verdict, verdict_text
from interviewer.core.score import PointCheck
from interviewer.errors import BadInputError
from interviewer.reports.files import ReportFiles
from interviewer.reports.transcript import machine_reading
from interviewer.reports.wording import score_text, section_path
from interviewer.scoring.text import counted
from interviewer.ui.cards import escape, level_label

__all__ = [
    "PRACTICE_HELP",
    "PRACTICE_LAST_HELP",
    "REVIEW_HELP",
    "VERDICT_CHOICES",
    "AnswerReview",
    "Confirmed",
    "PointReview",
    "confirm_point",
    "review_answers",
    "scores_line",
]

# What the candidate clicks per point: the label they read, the verdict saved.
VERDICT_CHOICES = [(verdict_text(verdict.value), verdict.value) for verdict in Verdict]
_MARK = {value: label for label, value in VERDICT_CHOICES}
REVIEW_HELP = (
    "**Review your answers.** Under each answer, click what it did with each key point of your notes: covered, "
    "partly, missed or wrong; or *not this question's point* when the point does not bear on the question (it "
    "then leaves the score). Points the machine is unsure of come first. Each click is saved at once and "
    "updates the score confirmed by you; the machine's estimate stays beside it."
)

PRACTICE_HELP = (
    "**Practice: confirm the points of the answer you just gave.** One click per point, saved at once; the next "
    "question is already above, answer it when you are done."
)
# (after the last question there is no next one above: a trial user read that line and looked for it)
PRACTICE_LAST_HELP = (
    "**Practice: confirm the points of the answer you just gave.** One click per point, saved at once. That was the "
    "last question: press **End session · feedback** when you are done."
)


@dataclass(frozen=True)
class PointReview:
    """One key point as the review shows it: the machine's reading and what it rests on, and the candidate's
    verdict once they gave one."""

    id: str
    markdown: str
    mine: str | None  # covered | partly | missed | wrong, or None before the candidate confirmed it


@dataclass(frozen=True)
class AnswerReview:
    """One answer: question, answer and the notes' model answer; its points in review order; both scores."""

    session_id: str
    turn: int
    intro: str
    points: tuple[PointReview, ...]
    scores: str

    def point(self, point_id: str) -> PointReview:
        """The point with this id."""
        return next(p for p in self.points if p.id == point_id)


@dataclass(frozen=True)
class Confirmed:
    """What one click did: the answer as it now stands, and the transcript files written again."""

    answer: AnswerReview
    files: ReportFiles


def scores_line(reviewed: ReviewedTurn) -> str:
    """Both scores, each labelled: "Confirmed by you 0.82 · machine's estimate 0.47"."""
    estimate = f"machine's estimate {score_text(reviewed.estimate.total)}"
    if not reviewed.estimate.points:  # scored before answers had key points to confirm
        return f"*No key points to confirm for this answer* · {estimate}"
    if reviewed.confirmed is None:
        left = counted(len(reviewed.estimate.points), "point")
        return f"**Not confirmed yet** ({left} to confirm) · {estimate}"
    given = len(reviewed.verdicts)
    total = len(reviewed.estimate.points)
    done = "" if given >= total else f" ({given} of {total} points so far)"
    return f"**Confirmed by you {score_text(reviewed.confirmed.total)}**{done} · {estimate}"


def _place(point: PointCheck) -> str:
    name = PurePath(point.source).name or point.source
    heading = section_path(point.heading)
    return f"`{name} › {heading}`" if heading else f"`{name}`"


def _point_markdown(number: int, point: PointCheck, mine: Verdict | None) -> str:
    lines = [
        f"**{number}. {escape(point.text)}** {_place(point)}",
        f"Machine's reading: **{machine_reading(point)}**",  # our own words: no markup in them
    ]
    if point.sentence:
        lines.append(f"Your sentence: “{escape(point.sentence)}”")
    if point.reason:
        lines.append(f"*{escape(point.reason)}*")
    if mine is not None:
        lines.append(f"**You: {_MARK[mine.value]}** (saved)")
    return "  \n".join(lines)


def _intro(turn: Turn, show_answer: bool) -> str:
    question = turn.question
    answer = turn.answer.strip()
    # One quoted line per line of the answer (a hard break each), as the candidate wrote it.
    quoted = "  \n".join(f"> {escape(line)}" if line.strip() else ">" for line in answer.splitlines())
    model = [f"- {escape(p.text)} {_place(p)}" for p in turn.score.points] or [
        f"- {escape(str(p.get('text', '')))}" for p in turn.score.key_points
    ]
    said = ["**Your answer:**", "", quoted or "> *(no answer)*", ""] if show_answer else []
    return "\n".join(
        [
            f"### {question.turn}. {escape(question.topic)} · level {level_label(question.level)}",
            "",
            f"**Question:** {escape(question.text)}",
            "",
            *said,
            "**From your notes, a full answer says:**",
            "",
            *(model or ["- The notes gave no key points for this question."]),
        ]
    )


def _answer(session_id: str, turn: Turn, reviewed: ReviewedTurn, show_answer: bool) -> AnswerReview:
    points = tuple(
        PointReview(p.id, _point_markdown(number, p, reviewed.verdicts.get(p.id)), _value(reviewed, p.id))
        for number, p in enumerate(points_to_review(turn.score), start=1)
    )
    return AnswerReview(session_id, turn.question.turn, _intro(turn, show_answer), points, scores_line(reviewed))


def _value(reviewed: ReviewedTurn, point_id: str) -> str | None:
    verdict = reviewed.verdicts.get(point_id)
    return verdict.value if verdict is not None else None


def review_answers(
    app: App, session_id: str | None, turn: int | None = None, show_answer: bool = True
) -> list[AnswerReview]:
    """Every answered turn of a session (or only `turn`), each with its points in review order; practice leaves
    the answer out (it is right above, in the chat)."""
    if not session_id:
        raise BadInputError("choose a session first")
    record = app.repo.load(session_id)
    reviewed = confirmed_scores(app, session_id)
    turns = [t for t in record.turns if turn is None or t.question.turn == turn]
    if not turns:
        raise BadInputError(f"session {session_id} has no answered question to review")
    return [_answer(session_id, t, reviewed[t.question.turn], show_answer) for t in turns]


def confirm_point(
    app: App, session_id: str, turn: int, point_id: str, verdict: str, now: datetime | None = None
) -> Confirmed:
    """Save the candidate's verdict on one point of a saved answer (what the machine had said is saved with it),
    write the session's transcript again with the confirmed scores, and return the answer as it now stands."""
    try:
        chosen = Verdict(verdict)
    except ValueError:
        raise BadInputError(f"a verdict is one of covered, partly, missed, wrong (not {verdict!r})") from None
    confirm_turn(app, session_id, turn, {point_id: chosen}, now or datetime.now(UTC))
    files = write_session_reports(app, session_id)
    return Confirmed(review_answers(app, session_id, turn)[0], files)
