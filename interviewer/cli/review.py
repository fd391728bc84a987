"""`interviewer confirm` and the terminal review: the candidate confirms each key point of an answer in one
keystroke (covered, partly, missed, wrong; Enter takes the machine's reading), unsure points first."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from interviewer.app import App
from interviewer.app.review import ReviewedTurn, confirm_answer, confirm_turn, confirmed_scores
from interviewer.app.sessions import write_session_reports
from interviewer.core.review import Verdict, parse_verdicts, review_order, verdict_text
from interviewer.core.score import PointCheck, ScoreResult
from interviewer.errors import BadInputError

__all__ = [
    "add_review_commands",
    "ask_verdicts",
    "confirm_protocol_line",
    "confirmed_document",
    "format_point",
    "review_answer",
    "review_session",
]

EXIT_OK, EXIT_BAD_INPUT = 0, 2
_KEYS = {"c": Verdict.COVERED, "p": Verdict.PARTLY, "m": Verdict.MISSED, "w": Verdict.WRONG, "n": Verdict.OFF}


def format_point(number: int, point: PointCheck) -> str:
    """One point as the review shows it: the machine's reading, how sure it is, and what it rests on."""
    status = verdict_text(point.verdict) if point.sure else f"? unsure (maybe {point.verdict})"
    lines = [f"  {number}. {status}: {point.text}  ({point.source} > {point.heading})".rstrip()]
    if point.sentence:
        lines.append(f'       your sentence: "{point.sentence}"')
    if point.reason:
        lines.append(f"       {point.reason}")
    return "\n".join(lines)


def ask_verdicts(points: list[PointCheck], out: TextIO, read: Callable[[], str]) -> dict[str, Verdict] | None:
    """One keystroke per point, unsure ones first; Enter takes the machine's reading, `s` leaves the point
    unconfirmed, `q` stops (what was typed so far is kept). None when the input ended before any verdict."""
    verdicts: dict[str, Verdict] = {}
    for number, point in enumerate(review_order(points), start=1):
        out.write(format_point(number, point) + "\n")
        while True:
            out.write(
                f"     [c]overed [p]artly [m]issed [w]rong, [n]ot this question's point, [s]kip, [q]uit; "
                f"Enter = {point.verdict} > "
            )
            out.flush()
            line = read()
            if not line:
                return verdicts or None
            key = line.strip().lower()[:1]
            if key == "q":
                return verdicts
            if key == "s":
                break
            if key == "":
                verdicts[point.id] = Verdict(point.verdict)
                break
            if key in _KEYS:
                verdicts[point.id] = _KEYS[key]
                break
            out.write("     type c, p, m, w, n, s or q\n")
    return verdicts


def _scores_line(reviewed: ReviewedTurn) -> str:
    confirmed = reviewed.confirmed
    mine = f"confirmed by you {confirmed.total:.2f}" if confirmed is not None else "not confirmed yet"
    return f"Score: {mine}; machine's estimate {reviewed.estimate.total:.2f}"


def review_answer(
    app: App, session_id: str, turn: int, estimate: ScoreResult, out: TextIO, read: Callable[[], str]
) -> ReviewedTurn | None:
    """Show one saved answer's points with the notes' model answer, ask the verdicts, record them."""
    if not estimate.points:
        out.write("  (no key points to confirm for this answer)\n")
        return None
    out.write("  From your notes, a full answer says:\n")
    out.writelines(f"    - {p.text}  ({p.source})\n" for p in estimate.points)
    verdicts = ask_verdicts(list(estimate.points), out, read)
    if not verdicts:
        return None
    reviewed = confirm_turn(app, session_id, turn, verdicts, datetime.now(UTC))
    out.write(f"  {_scores_line(reviewed)}\n")
    return reviewed


def review_session(app: App, session_id: str, out: TextIO, read: Callable[[], str] | None = None) -> int:
    """The terminal review of a saved session: every answer, its points, one keystroke each."""
    reader = read or sys.stdin.readline
    reviewed = confirmed_scores(app, session_id)
    record = app.repo.load(session_id)
    if not record.turns:
        raise BadInputError(f"session {session_id} has no answered question to review")
    out.write(f"Review of session {session_id}: confirm each key point (unsure ones are asked first).\n")
    for turn in record.turns:
        number = turn.question.turn
        out.write(f"\n[{number}] {turn.question.text}\nYour answer: {turn.answer or '(no answer)'}\n")
        out.write(f"{_scores_line(reviewed[number])}\n")
        review_answer(app, session_id, number, turn.score, out, reader)
    files = write_session_reports(app, session_id)  # the transcript shows what was just confirmed
    out.write(f"\nTranscript with your confirmed scores: {files.markdown}\n")
    return EXIT_OK


def _confirm_row(app: App, row: dict[str, Any]) -> ReviewedTurn:
    try:
        verdicts = parse_verdicts(row.get("verdicts"))
    except ValueError as exc:
        raise BadInputError(str(exc)) from None
    now = datetime.now(UTC)
    if row.get("session") is not None or row.get("session_id") is not None:
        session_id, turn = row.get("session") or row.get("session_id"), row.get("turn")
        if not isinstance(session_id, str) or not isinstance(turn, int):
            raise BadInputError("give 'session' (a session id) and 'turn' (a number), or 'question' and 'answer'")
        return confirm_turn(app, session_id, turn, verdicts, now)
    question, answer = row.get("question"), row.get("answer")
    if not isinstance(question, str) or not question.strip() or not isinstance(answer, str):
        raise BadInputError("give 'question' and 'answer' (strings), or 'session' and 'turn'")
    return confirm_answer(app, question, answer, verdicts, now)


def confirmed_document(reviewed: ReviewedTurn) -> dict[str, Any]:
    """What `confirm` prints per line and the protocol's "confirmed" event carries."""
    assert reviewed.confirmed is not None
    return {
        "confirmed": reviewed.confirmed.total,
        "estimate": reviewed.estimate.total,
        "verdicts": {pid: v.value for pid, v in reviewed.verdicts.items()},
        "score": reviewed.confirmed.to_json(),
    }


def confirm_protocol_line(app: App, session_id: str, turn: int, raw: object) -> dict[str, Any]:
    """The jsonl protocol's confirmation of the answer just scored: a "confirmed" event, or an "error" event
    naming the problem (the session goes on either way)."""
    try:
        verdicts = parse_verdicts(raw)
        reviewed = confirm_turn(app, session_id, turn, verdicts, datetime.now(UTC))
    except (ValueError, BadInputError) as exc:
        return {"type": "error", "turn": turn, "error": str(exc)}
    return {"type": "confirmed", "turn": turn, **confirmed_document(reviewed)}


def cmd_confirm(app: App, args: argparse.Namespace, out: TextIO) -> int:
    try:
        source = Path(args.file).read_text(encoding="utf-8") if args.file and args.file != "-" else sys.stdin.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInputError(f"{args.file}: cannot read the confirmations ({exc})") from None
    failed = 0
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{args.file or 'stdin'}:{number}"
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise BadInputError("each line must be a JSON object")
            document = confirmed_document(_confirm_row(app, row))
        except (json.JSONDecodeError, BadInputError) as exc:
            failed += 1
            print(f"interviewer: error: {where}: {exc}", file=sys.stderr)
            document = {"error": f"{where}: {exc}"}
        if args.json:  # one line per input line, errors too, so a program can pair them up
            out.write(json.dumps(document, ensure_ascii=False) + "\n")
        elif "error" not in document:  # the error itself went to stderr
            out.write(f"{where}: confirmed by you {document['confirmed']:.2f}; machine's estimate "
                      f"{document['estimate']:.2f}\n")  # fmt: skip
    return EXIT_BAD_INPUT if failed else EXIT_OK


def add_review_commands(commands: Any) -> None:
    """Register `confirm`."""
    confirm = commands.add_parser(
        "confirm", help="record your verdict per key point of answers (JSON lines) and print the confirmed score"
    )
    confirm.add_argument(
        "file",
        nargs="?",
        help='JSON lines {"question", "answer", "verdicts": {point id: covered|partly|missed|wrong|off}} or '
        '{"session", "turn", "verdicts"}; default: standard input',
    )
    confirm.add_argument("--json", action="store_true")
    confirm.set_defaults(handler=cmd_confirm)
