"""`interviewer case-reading`: what the app reads each case note as, and the candidate's correction of it."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import Any, TextIO

from interviewer.app import App
from interviewer.app.readings import case_notes, correct_reading
from interviewer.core.domain import CaseKind
from interviewer.errors import BadInputError

__all__ = ["add_reading_command"]

EXIT_OK = 0


def cmd_case_reading(app: App, args: argparse.Namespace, out: TextIO) -> int:
    changes = args.kind is not None or args.business is not None or args.not_case or args.as_read
    if changes and not args.topic:
        raise BadInputError("case-reading: name the case's topic first (`interviewer case-reading` lists them)")
    if args.as_read and (args.kind is not None or args.business is not None or args.not_case):
        raise BadInputError("case-reading: --as-read puts the app's reading back; give it alone")
    if args.topic and changes:
        saved = correct_reading(
            app, args.topic, datetime.now(UTC), kind=CaseKind(args.kind) if args.kind else None,
            business=args.business or "", not_case=args.not_case,
        )  # fmt: skip
        if args.json:
            out.write(json.dumps({"saved": [r.to_json() for r in saved]}) + "\n")
        else:
            out.write(f"Saved: {saved[0].topic}, {saved[0].said()}. It applies from the next question.\n")
        return EXIT_OK
    listed = case_notes(app)
    if args.topic:
        listed = [r for r in listed if r.topic.lower() == args.topic.strip().lower()]
        if not listed:
            raise BadInputError(f"no case note has the topic {args.topic!r}; `interviewer case-reading` lists them")
    if args.json:
        rows = [
            {"topic": r.topic, "note": r.note, "kind": r.kind.value, "business": r.business, "guessed": r.guessed,
             "corrected": r.corrected.to_json() if r.corrected else None}
            for r in listed
        ]  # fmt: skip
        out.write(json.dumps({"case_notes": rows}) + "\n")
        return EXIT_OK
    if not listed:
        out.write("No case notes yet: a note that poses a business problem is read as a case.\n")
    for reading in listed:
        out.write(f"{reading.said()}\n")
    return EXIT_OK


def add_reading_command(commands: Any) -> None:
    """Register `case-reading` on the CLI's subparsers."""
    reading = commands.add_parser(
        "case-reading",
        help="what each case note is read as; correct its kind, its business, or say it is no case",
        description="With no options: how each case note is read. With a topic and options: keep your correction "
        "of that note's reading; it applies from the next question, in every session.",
    )
    reading.add_argument("topic", nargs="?", help="a case note's topic (as listed)")
    reading.add_argument("--kind", choices=[k.value for k in CaseKind], help="what the case asks")
    reading.add_argument("--business", help="who the case is for, as a question should name it")
    reading.add_argument("--not-case", action="store_true", help="the note poses no case: ask it as a note")
    reading.add_argument("--as-read", action="store_true", help="put the app's own reading back")
    reading.add_argument("--json", action="store_true")
    reading.set_defaults(handler=cmd_case_reading)
