"""`review`, `export-anki`, `progress`, `checkin`, `export-data` and `delete-data`: the learning loop across
sessions and the user's own data, on the command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from interviewer.app import App
from interviewer.app.learning import progress as learning_progress
from interviewer.errors import BadInputError
from interviewer.learning.checkins import (
    CALMING_PAUSE,
    CheckInError,
    Prompt,
    Walkthrough,
    load_steps,
    save_steps,
    steps_path,
)
from interviewer.scoring.text import counted

__all__ = ["add_learning_commands"]

EXIT_OK = 0
DEFAULT_PAUSE_SECONDS = 30  # two slow 4-4-6 breaths


def _now() -> datetime:
    return datetime.now(UTC)


def _when(moment: str) -> str:
    return moment.replace("T", " ")[:16] + " UTC"


def cmd_review(app: App, args: argparse.Namespace, out: TextIO) -> int:
    from interviewer.app.review import due_item_schedules
    from interviewer.learning.review import review_document

    if args.session:
        from interviewer.cli.review import review_session

        return review_session(app, args.session, out)
    now = _now()
    document: dict[str, Any] = {
        "items": [item.to_json() for item in due_item_schedules(app, now)],
        **review_document(app.repo.answered(), now),
    }
    if args.json:
        out.write(json.dumps(document, ensure_ascii=False) + "\n")
        return EXIT_OK
    if not document["due"] and not document["upcoming"]:
        out.write("Nothing to review yet: answer some questions with `interviewer mock` first.\n")
        return EXIT_OK
    if document["items"]:
        out.write("Questions due, most overdue first (the next session asks these first):\n")
    for item in document["items"]:
        grade = f"{item['last_rating']}, {item['graded_by']}"
        out.write(f"  [{item['topic']}] {item['question']}\n    due since {_when(item['due'])} ({grade})\n")
        out.writelines(f"    missed last time: {point}\n" for point in item["missed"])
    width = max(len(item["topic"]) for item in document["due"] + document["upcoming"])
    if document["due"]:
        out.write("Topics due now, most overdue first:\n")
    for item in document["due"]:
        out.write(f"  {item['topic']:<{width}}  due since {_when(item['due'])}  last score {item['last_score']:.2f}\n")
    if document["upcoming"]:
        out.write("Coming up:\n")
    for item in document["upcoming"]:
        out.write(f"  {item['topic']:<{width}}  due {_when(item['due'])}  last score {item['last_score']:.2f}\n")
    return EXIT_OK


def cmd_export_anki(app: App, args: argparse.Namespace, out: TextIO) -> int:
    from interviewer.learning.anki_export import export_deck

    if args.session:
        app.repo.load(args.session)  # an unknown id is an error naming it
    result = export_deck(app.repo.answered(), Path(args.out), session_id=args.session)
    cards, topics = counted(result.cards, "card"), counted(result.topics, "topic")
    out.write(f"{cards} on {topics} written to {result.path}\n")
    return EXIT_OK


def cmd_progress(app: App, args: argparse.Namespace, out: TextIO) -> int:
    from interviewer.app.review import scorer_agreement
    from interviewer.learning.progress import default_progress_path, write_html

    progress = learning_progress(app)
    agreement = scorer_agreement(app)
    target = Path(args.out) if args.out else default_progress_path(app.settings.home)
    path = write_html(progress, target, _now(), agreement)
    if args.json:
        document = {"html": str(path), **progress.to_json(), "agreement": [row.to_json() for row in agreement]}
        out.write(json.dumps(document, ensure_ascii=False) + "\n")
        return EXIT_OK
    out.write(f"{path}\n")
    rows = [row for row in agreement if row.confirmed]
    if not rows:
        out.write("No confirmed answers yet: `interviewer review --session ID` asks you per key point.\n")
    else:
        out.write("The machine's verdicts against yours (your recent confirmations):\n")
    for row in rows:
        out.write(f"  {row.verdict:<8} you agreed {row.agreed} of {row.confirmed} ({row.rate:.0%})\n")
    return EXIT_OK


def _print_steps(steps: tuple[str, ...], out: TextIO) -> None:
    for number, step in enumerate(steps, start=1):
        out.write(f"{number:>2}. {step}\n")


def _edit_steps(app: App, args: argparse.Namespace, out: TextIO) -> None:
    home = app.settings.home
    steps = load_steps(home)
    if args.reset_steps:
        steps_path(home).unlink(missing_ok=True)
        steps = load_steps(home)
    if args.add_step:
        steps = save_steps(home, [*steps, args.add_step])
    if args.remove_step is not None:
        if not 1 <= args.remove_step <= len(steps):
            raise CheckInError(f"--remove-step must be a step number from 1 to {len(steps)}")
        steps = save_steps(home, [s for n, s in enumerate(steps, start=1) if n != args.remove_step])
    _print_steps(steps, out)


def _walk(walk: Walkthrough, pause: float, out: TextIO, sleep: Callable[[float], None]) -> Walkthrough | None:
    """Ask every rating on the terminal; None when the user stops (empty line or end of input)."""
    introduced: Prompt | None = None  # a mistyped rating is asked again without the step or the pause again
    while (prompt := walk.next_prompt()) is not None:
        if prompt != introduced:
            if prompt.phase == "before":
                out.write(f"\n[{prompt.index + 1}/{len(walk.steps)}] Imagine: {prompt.step}\n")
            else:
                out.write(f"  {CALMING_PAUSE}\n")
                out.flush()
                sleep(pause)
            introduced = prompt
        out.write("  Anxiety now, 1 (calm) to 10: " if prompt.phase == "before" else "  And now, 1 to 10: ")
        out.flush()
        line = sys.stdin.readline()
        if not line.strip():
            return None
        try:
            walk = walk.rate(line)
        except CheckInError as exc:
            out.write(f"  {exc}\n")
    return walk


def cmd_checkin(app: App, args: argparse.Namespace, out: TextIO) -> int:
    store = app.checkins
    if args.show_steps or args.add_step or args.remove_step is not None or args.reset_steps:
        _edit_steps(app, args, out)
        return EXIT_OK
    if args.list:
        checkins = [c.to_dict() for c in store.list()]
        if args.json:
            out.write(json.dumps({"checkins": checkins}, ensure_ascii=False) + "\n")
        for c in [] if args.json else checkins:
            out.write(f"{_when(c['at'])}  anxiety {c['before_mean']:.1f} -> {c['after_mean']:.1f}\n")
        return EXIT_OK
    if args.pause < 0:
        raise BadInputError("--pause must be 0 or more seconds")
    if args.session:
        app.repo.load(args.session)
    out.write(
        "Readiness check-in. For each step of the interview day: imagine it, rate your anxiety, take a calming "
        "pause, rate it again. An empty line stops without saving.\n"
    )
    walk = _walk(Walkthrough.start(load_steps(app.settings.home)), args.pause, out, time.sleep)
    if walk is None:
        out.write("\nCheck-in stopped; nothing saved.\n")
        return EXIT_OK
    saved = store.add(walk.to_checkin(_now(), session_id=args.session, pause_seconds=int(args.pause)))
    out.write(
        f"\nAnxiety {saved.before_mean:.1f} before the pauses, {saved.after_mean:.1f} after. "
        "Saved; `interviewer progress` charts it beside your scores.\n"
    )
    return EXIT_OK


def cmd_export_data(app: App, args: argparse.Namespace, out: TextIO) -> int:
    from interviewer.learning.userdata import write_export

    path = write_export(app.settings, app.repo, Path(args.out), _now())
    out.write(f"{path}\n")
    return EXIT_OK


def cmd_delete_data(app: App, args: argparse.Namespace, out: TextIO) -> int:
    from interviewer.learning.userdata import delete_user_data

    if not args.yes:
        raise BadInputError(
            f"delete-data deletes every session, score, transcript and check-in in {app.settings.home}; "
            "run it again with --yes to confirm (export-data --out FILE.json first to keep a copy)"
        )
    deletion = delete_user_data(app.settings, include_notes=args.include_notes)  # app.repo is never opened here
    for path in deletion.removed:
        out.write(f"deleted {path}\n")
    for what in deletion.kept:
        out.write(f"kept {what}\n")
    if not deletion.removed:
        out.write("Nothing to delete.\n")
    return EXIT_OK


def add_learning_commands(commands: Any) -> None:
    """Register `review`, `export-anki`, `progress`, `checkin`, `export-data` and `delete-data`."""
    review = commands.add_parser(
        "review", help="questions and topics due for review, most overdue first; --session ID to confirm your answers"
    )
    review.add_argument("--json", action="store_true")
    review.add_argument("--session", metavar="SESSION_ID", help="confirm each key point of a session's answers")
    review.set_defaults(handler=cmd_review)

    anki = commands.add_parser("export-anki", help="an Anki deck (.apkg) of the key points your answers missed")
    anki.add_argument("--session", metavar="ID", help="one session (default: all)")
    anki.add_argument("--out", required=True, metavar="PATH.apkg")
    anki.set_defaults(handler=cmd_export_anki)

    progress = commands.add_parser("progress", help="charts of your scores, levels, sessions and readiness (HTML)")
    progress.add_argument("--out", metavar="PATH.html", help="default: progress.html in the data directory")
    progress.add_argument("--json", action="store_true", help="also print the charted data")
    progress.set_defaults(handler=cmd_progress)

    checkin = commands.add_parser("checkin", help="readiness check-in: rate anxiety over the interview day's steps")
    checkin.add_argument("--session", metavar="ID", help="the session this check-in belongs to")
    checkin.add_argument("--pause", type=float, default=DEFAULT_PAUSE_SECONDS, help="calming pause in seconds")
    checkin.add_argument("--show-steps", action="store_true", help="list the steps")
    checkin.add_argument("--add-step", metavar="TEXT", help="add a step at the end")
    checkin.add_argument("--remove-step", type=int, metavar="N", help="remove step number N")
    checkin.add_argument("--reset-steps", action="store_true", help="go back to the default steps")
    checkin.add_argument("--list", action="store_true", help="list past check-ins")
    checkin.add_argument("--json", action="store_true", help="with --list: one JSON document")
    checkin.set_defaults(handler=cmd_checkin)

    export = commands.add_parser("export-data", help="export all your data (sessions, scores, check-ins) as JSON")
    export.add_argument("--out", required=True, metavar="PATH.json")
    export.set_defaults(handler=cmd_export_data)

    delete = commands.add_parser("delete-data", help="delete all your data (needs --yes)")
    delete.add_argument("--yes", action="store_true", help="confirm the deletion")
    delete.add_argument("--include-notes", action="store_true", help="also delete the notes index")
    delete.set_defaults(handler=cmd_delete_data)
