"""`interviewer mock`, `sessions` and `report`: the interview commands of the CLI."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from interviewer.app import App
from interviewer.app.sessions import (
    DEFAULT_QUESTIONS,
    Priority,
    SessionEnd,
    finish_session,
    session_confirmed,
    start_session,
)
from interviewer.cli.review import confirm_protocol_line, review_answer, review_session
from interviewer.core.domain import CaseKind, Kind, Level, Mode
from interviewer.core.session_modes import mode_history_text
from interviewer.errors import BadInputError, SaveError
from interviewer.interview.live import LiveSession, question_event
from interviewer.reports.files import FORMATS, render_report, write_text_atomically
from interviewer.reports.transcript import summarise
from interviewer.scoring.text import counted

__all__ = ["add_mock_commands"]

EXIT_OK = 0
_COMMANDS = ("/skip", "/challenge", "/standard", "/quit")


def _summary(session: LiveSession, end: SessionEnd) -> dict[str, Any]:
    """The protocol's summary object (a session ended here always has its transcript: it is never discarded)."""
    assert end.files is not None
    summary = summarise(list(session.state.turns))
    return {
        "type": "summary",
        "session_id": session.id,
        "transcript": str(end.files.markdown),
        "answered": summary.answered,
        "finished": end.finished,
        "mean_score": summary.mean_score,
        "levels": summary.levels,
        "weak_topics": [{"topic": topic, "mean_score": score} for topic, score in summary.weakest_topics],
    }


def _open_session(app: App, args: argparse.Namespace) -> LiveSession:
    if args.resume:
        return app.interviewer.resume(args.resume)
    # Topics due for spaced review come first, unless the candidate picked a topic.
    return start_session(
        app, kind=Kind(args.kind), mode=Mode(args.mode), topic=args.topic, questions=args.questions, seed=args.seed,
        priority=Priority.DUE, now=datetime.now(UTC),
        case_kind=CaseKind(args.case_kind) if args.case_kind else None,
    )  # fmt: skip


def _tell_model_notices(app: App) -> None:
    """A model that crashed and restarts is one line on stderr; the interview goes on from templates."""
    for notice in app.model_notices():
        print(f"interviewer: {notice}", file=sys.stderr)


def _run_jsonl(app: App, session: LiveSession, out: TextIO) -> int:
    def emit(document: dict[str, Any]) -> None:
        out.write(json.dumps(document, ensure_ascii=False) + "\n")
        out.flush()

    # The turn a {"verdicts": ...} line confirms: the one scored last (after a resume, the last one answered).
    scored: int | None = session.state.turns[-1].question.turn if session.state.turns else None
    while (question := session.next_question()) is not None:
        _tell_model_notices(app)
        emit(question_event(question))
        while True:
            line = sys.stdin.readline()
            if not line:
                emit(_summary(session, finish_session(app, session, discard_empty=False)))
                return EXIT_OK
            try:
                message = json.loads(line)
                if isinstance(message, dict) and "verdicts" in message and "answer" not in message:
                    if scored is None:
                        emit({"type": "error", "error": "nothing scored yet to confirm: answer a question first"})
                    else:
                        emit(confirm_protocol_line(app, session.id, scored, message["verdicts"]))
                    continue
                answer = message["answer"] if isinstance(message, dict) else None
                if not isinstance(answer, str):
                    raise KeyError
                break
            except (json.JSONDecodeError, KeyError):
                print(
                    'interviewer: error: each input line must be {"answer": "..."} or {"verdicts": {...}}; '
                    "line ignored",
                    file=sys.stderr,
                )
        try:
            result, _ = session.answer(answer)
        except SaveError as exc:  # the question stays pending: it is sent again, and the next line answers it
            print(f"interviewer: error: {exc}", file=sys.stderr)
            continue
        scored = question.turn
        emit({"type": "score", "turn": question.turn, **result.to_json()})
    emit(_summary(session, finish_session(app, session, discard_empty=False)))
    return EXIT_OK


def _read_answer(prompt_out: TextIO) -> str | None:
    prompt_out.write("Your answer (finish with an empty line; /skip, /challenge, /standard, /quit):\n")
    prompt_out.flush()
    lines: list[str] = []
    while True:
        line = sys.stdin.readline()
        if not line:
            return "\n".join(lines) if lines else None
        if not line.strip():
            if lines:
                return "\n".join(lines)
            continue
        if not lines and line.strip() in _COMMANDS:
            return line.strip()
        lines.append(line.rstrip("\n"))


def _run_terminal(app: App, session: LiveSession, out: TextIO, practice: bool = False) -> int:
    out.write(f"Session {session.id} ({session.state.config.kind.value}, {session.state.mode.value} mode).\n")
    while (question := session.next_question()) is not None:
        _tell_model_notices(app)
        label = "follow-up" if question.follow_up else f"level {question.level}: {Level(question.level).name.lower()}"
        stage = f", stage {question.stage}" if question.stage else ""
        notice = f"({question.notice})\n" if question.notice else ""  # e.g. levels the notes cannot support
        out.write(f"\n[{question.turn}] {question.topic} ({label}{stage})\n{notice}{question.text}\n")
        places = dict.fromkeys(f"{s['source']} > {s['heading']}" for s in question.sources)
        out.write("  from: " + "; ".join(places) + "\n\n")
        answer = _read_answer(out)
        if answer is None or answer.strip() == "/quit":
            break
        if answer.strip() in ("/challenge", "/standard"):
            session.set_mode(Mode.CHALLENGE if answer.strip() == "/challenge" else Mode.STANDARD)
            out.write(f"Mode: {session.state.mode.value} (from the next question).\n")
            answer = _read_answer(out)
            if answer is None or answer.strip() == "/quit":
                break
        try:
            result, _ = session.answer("" if answer.strip() == "/skip" else answer)
        except SaveError as exc:  # nothing typed is lost: show it back, then ask the same question again
            out.write(f"\ninterviewer: error: {exc}\nYour answer was:\n{exc.unsaved or answer}\n")
            continue
        out.write(
            f"\nScore {result.total:.2f}: " + ", ".join(f"{c.name} {c.score:.2f}" for c in result.criteria) + "\n"
        )
        if practice:  # a practice setting: confirm each point now, as the feedback review does
            review_answer(app, session.id, question.turn, result, out, sys.stdin.readline)
            continue
        for missing in result.criterion("coverage").missing[:3]:
            out.write(f"  missed: {missing['text']}  ({missing['source']})\n")
        for contradiction in result.contradictions[:2]:
            out.write(f"  wrong way round: {contradiction['answer']}\n")
        unsure = sum(not p.sure for p in result.points)
        if unsure:
            out.write(f"  {counted(unsure, 'point')} the machine is unsure of: you confirm them in the review\n")
    end = finish_session(app, session)  # as the web app's End does
    if end.discarded:
        out.write("\nSession ended before any answer: nothing to score, nothing kept.\n")
        return EXIT_OK
    summary = _summary(session, end)
    mean = summary["mean_score"]
    out.write(
        f"\nAnswered {summary['answered']}, mean score {mean if mean is not None else 'n/a'} (machine's estimate). "
        f"Transcript: {summary['transcript']}\n"
        + ("" if summary["finished"] else f"Resume with: interviewer mock --resume {session.id}\n")
    )
    if not practice:
        out.write("Review your answers now, one keystroke per point? Enter to start, q to skip > ")
        out.flush()
        reply = sys.stdin.readline()  # end of input ("") is no: a script piping answers never lands in a review
        if reply and reply.strip().lower() in ("", "y", "yes"):
            review_session(app, session.id, out)
        else:
            out.write(f"Later: interviewer review --session {session.id}\n")
    return EXIT_OK


def cmd_mock(app: App, args: argparse.Namespace, out: TextIO) -> int:
    session = _open_session(app, args)
    try:
        if args.protocol == "jsonl":
            return _run_jsonl(app, session, out)
        return _run_terminal(app, session, out, practice=args.practice)
    finally:
        session.stop_preparing()  # the process ends next: no generation may still run in the background


def cmd_sessions(app: App, args: argparse.Namespace, out: TextIO) -> int:
    sessions = app.repo.list()
    if args.json:
        out.write(json.dumps({"sessions": sessions}) + "\n")
    elif not sessions:
        out.write("No sessions yet: start one with `interviewer mock`.\n")
    for s in sessions if not args.json else []:
        mean = f"{s['mean_score']:.2f}" if s["mean_score"] is not None else "  - "
        state = "finished" if s["finished"] else "unfinished"
        modes = mode_history_text(s["modes"])
        out.write(
            f"{s['id']}  {s['started']}  {s['kind']:<9} {modes:<9} {s['answered']:>3} answered  {mean}  {state}\n"
        )
    return EXIT_OK


def cmd_report(app: App, args: argparse.Namespace, out: TextIO) -> int:
    # The same report the app writes: the confirmed scores beside the machine's estimates.
    text = render_report(app.repo.load(args.session_id), args.format, session_confirmed(app, args.session_id))
    if not args.out:
        out.write(text)
        return EXIT_OK
    try:
        write_text_atomically(Path(args.out), text)
    except OSError as exc:
        raise BadInputError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    out.write(f"{args.out}\n")
    return EXIT_OK


def add_mock_commands(commands: Any) -> None:
    """Register `mock`, `sessions` and `report` on the CLI's subparsers."""
    mock = commands.add_parser("mock", help="run a mock interview (terminal, or --protocol jsonl for programs)")
    mock.add_argument("--mode", choices=[m.value for m in Mode], default="standard")
    mock.add_argument("--kind", choices=[k.value for k in Kind], default="deep-dive")
    mock.add_argument("--topic", help="a topic from `interviewer topics` (default: chosen for you)")
    mock.add_argument(
        "--case-kind",
        choices=[k.value for k in CaseKind],
        help="what the case asks, when the app misread its note (it says what it read when a case opens)",
    )
    mock.add_argument("--questions", type=int, default=DEFAULT_QUESTIONS)
    mock.add_argument("--seed", type=int, default=0)
    mock.add_argument("--protocol", choices=["jsonl"])
    mock.add_argument("--resume", metavar="SESSION_ID")
    mock.add_argument(
        "--practice", action="store_true", help="after each answer, confirm its key points (a practice setting)"
    )
    mock.set_defaults(handler=cmd_mock)

    sessions = commands.add_parser("sessions", help="list saved sessions, newest first")
    sessions.add_argument("--json", action="store_true")
    sessions.set_defaults(handler=cmd_sessions)

    report = commands.add_parser("report", help="the feedback transcript of a session")
    report.add_argument("session_id")
    report.add_argument("--format", choices=FORMATS, default="md")
    report.add_argument("--out")
    report.set_defaults(handler=cmd_report)
