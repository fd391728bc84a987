"""The command line: parses arguments, builds the app once, runs one command, maps errors to exit codes."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from interviewer import __version__
from interviewer.app import App
from interviewer.cli.learning import add_learning_commands
from interviewer.cli.mock import add_mock_commands
from interviewer.cli.readings import add_reading_command
from interviewer.cli.review import add_review_commands
from interviewer.cli.score import add_score_commands
from interviewer.cli.serve import add_serve_command
from interviewer.errors import InterviewerError
from interviewer.settings import Settings

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(InterviewerError):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse prints a usage block; we want one line and exit 2
        raise UsageError(f"{self.prog}: {message} (see --help)")


def _emit_json(document: object, out: TextIO) -> None:
    out.write(json.dumps(document, ensure_ascii=False) + "\n")


# ----- commands -------------------------------------------------------------------------------------


def cmd_ingest(app: App, args: argparse.Namespace, out: TextIO) -> int:
    from interviewer.ingest.pipeline import ingest, topic_summary

    progress = None
    bar: Any = None
    if not args.json and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=0, unit="file", file=sys.stderr, leave=False)

        def progress(done: int, total: int, path: str) -> None:
            bar.total = total
            bar.set_postfix_str(os.path.basename(path)[:30])
            bar.update(1)

    report = ingest(args.paths, app.store, app.settings.max_file_mb * 1_000_000, prune=args.prune, progress=progress)
    if bar is not None:
        bar.close()
    if args.json:
        _emit_json(report.to_json(), out)
    else:
        for skipped in report.skipped:
            print(f"skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
        for path, topics in report.topics.items():
            out.write(f"{path}: {topic_summary(topics)}\n")
        out.write(
            f"{report.files} files read, {report.chunks} chunks ({report.added} added, "
            f"{report.unchanged} files unchanged"
            + (f", {report.removed} removed files pruned" if args.prune else "")
            + f"), {len(report.skipped)} skipped\n"
        )
    if report.files == 0:
        print("interviewer: error: no notes could be read from the given paths", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def cmd_topics(app: App, args: argparse.Namespace, out: TextIO) -> int:
    topics = app.store.topics()
    if args.json:
        _emit_json({"topics": [{"topic": topic, "chunks": count} for topic, count in topics]}, out)
    elif not topics:
        out.write("No notes indexed yet: run `interviewer ingest PATH` first.\n")
    else:
        width = max(len(topic) for topic, _ in topics)
        for topic, count in topics:
            out.write(f"{topic:<{width}}  {count:>4} chunk{'' if count == 1 else 's'}\n")
    return EXIT_OK


def _search_json(app: App, query: str, k: int) -> dict[str, object]:
    hits = app.store.search(query, k=k)
    return {
        "results": [
            {
                "source": hit.chunk.source,
                "heading": hit.chunk.heading,
                "chunk_id": hit.chunk.chunk_id,
                "text": hit.chunk.text,
                "similarity": hit.similarity,
            }
            for hit in hits
        ]
    }


def _print_hits(document: dict[str, Any], out: TextIO) -> None:
    if not document["results"]:
        out.write("No notes indexed yet: run `interviewer ingest PATH` first.\n")
    for rank, hit in enumerate(document["results"], start=1):
        snippet = " ".join(hit["text"].split())[:200]
        out.write(f"{rank}. [{hit['similarity']:.2f}] {hit['source']} > {hit['heading']}\n   {snippet}\n")


def cmd_search(app: App, args: argparse.Namespace, out: TextIO) -> int:
    if args.k < 1:
        raise UsageError("--k must be at least 1")
    if args.query:
        document = _search_json(app, " ".join(args.query), args.k)
        _emit_json(document, out) if args.json else _print_hits(document, out)
        return EXIT_OK
    out.write("Search your notes (empty line or Ctrl-D to quit).\n")
    while True:
        out.write("search> ")
        out.flush()
        line = sys.stdin.readline()
        if not line.strip():
            return EXIT_OK
        _print_hits(_search_json(app, line.strip(), args.k), out)


def cmd_doctor(app: App, args: argparse.Namespace, out: TextIO) -> int:
    from interviewer.app.doctor import run_checks

    checks = run_checks(app)
    if args.json:
        _emit_json({"ok": all(c.ok for c in checks), "checks": [c.__dict__ for c in checks]}, out)
    else:
        for check in checks:
            out.write(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.detail}\n")
    return EXIT_OK if all(check.ok for check in checks) else EXIT_FAILED


# ----- parser ---------------------------------------------------------------------------------------

Command = Callable[[App, argparse.Namespace, TextIO], int]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = _Parser(prog="interviewer", description="A local mock interviewer that asks from your own notes.")
    parser.add_argument("--version", action="version", version=f"interviewer {__version__}")
    parser.add_argument(
        "--chroma-url", help="use a Chroma server (e.g. http://127.0.0.1:8000) instead of the embedded store"
    )
    parser.add_argument("--model", help="path to a GGUF model file (default: the embedded SmolLM2-135M)")
    parser.add_argument("--threads", type=int, help="CPU threads for the model and embedder")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    ingest = commands.add_parser("ingest", help="index notes (files or folders)")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--prune", action="store_true", help="remove chunks of files that no longer exist")
    ingest.add_argument("--json", action="store_true")
    ingest.set_defaults(handler=cmd_ingest)

    topics = commands.add_parser("topics", help="topics found in the notes, with chunk counts")
    topics.add_argument("--json", action="store_true")
    topics.set_defaults(handler=cmd_topics)

    search = commands.add_parser("search", help="search the notes (no query: interactive)")
    search.add_argument("query", nargs="*")
    search.add_argument("--k", type=int, default=5, help="how many results (default 5)")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)

    doctor = commands.add_parser("doctor", help="check the model, the embedder and the store")
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(handler=cmd_doctor)

    add_score_commands(commands)
    add_review_commands(commands)
    add_mock_commands(commands)
    add_reading_command(commands)
    add_learning_commands(commands)
    add_serve_command(commands)
    return parser


def main(argv: Sequence[str] | None = None, env: dict[str, str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 1 a check failed, 2 bad usage or input)."""
    out = out or sys.stdout
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError("interviewer: a command is required (see --help)")
        settings = Settings.from_env(
            env if env is not None else os.environ,
            chroma_url=args.chroma_url,
            model_path=None if args.model is None else Path(args.model),
            n_threads=args.threads,
        )
        handler: Command = args.handler
        app = App(settings)
        try:
            return handler(app, args, out)
        finally:
            app.close()  # the model's process ends with the command
    except InterviewerError as exc:
        print(f"interviewer: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interviewer: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
