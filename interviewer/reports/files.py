"""A saved session's feedback report as Markdown and as a self-contained HTML page: the one place the CLI and
the web app get them from, so `interviewer report` prints exactly what the app writes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from interviewer.core.score import ScoreResult
from interviewer.core.session import Finish, plan_next, replay
from interviewer.core.session_modes import mode_history_text
from interviewer.errors import BadInputError, SaveError
from interviewer.reports.charts import trajectory_svg
from interviewer.reports.html import markdown_to_html
from interviewer.reports.transcript import TRAJECTORY_FIGURE, build_markdown
from interviewer.storage.persistence import SessionRecord, SessionRepository

__all__ = ["FORMATS", "ReportFiles", "render_report", "write_reports", "write_text_atomically"]

FORMATS = ("md", "html")


@dataclass(frozen=True)
class ReportFiles:
    """The two files of a session's report."""

    markdown: Path
    html: Path


def _is_finished(record: SessionRecord) -> bool:
    """Finished by the same rule as a live session; writers mark the record finished only after the report is
    written, and the files must not say "not finished" when `interviewer report` later says "finished"."""
    if record.finished or record.pending is not None:
        return record.finished
    return isinstance(plan_next(replay(record.config, list(record.turns), mode=record.mode)), Finish)


def render_report(record: SessionRecord, fmt: str, confirmed: Mapping[int, ScoreResult] | None = None) -> str:
    """The report of a saved session as "md" (Markdown) or "html" (a self-contained page); `confirmed` maps a
    turn to its confirmed score, shown beside the machine's estimate."""
    if fmt not in FORMATS:
        raise BadInputError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
    markdown = build_markdown(
        record.id,
        record.started,
        record.config.kind.value,
        mode_history_text(record.modes or (record.mode.value,)),
        list(record.turns),
        timings=record.timings,
        finished=_is_finished(record),
        confirmed=confirmed,
    )
    if fmt == "md":
        return markdown
    figures = {TRAJECTORY_FIGURE: trajectory_svg(record.turns)}
    return markdown_to_html(markdown, title=f"Interview feedback {record.id}", figures=figures)


def write_text_atomically(path: Path, text: str) -> None:
    """Write UTF-8 text byte for byte (no newline translation) through a temp file and an atomic rename, so a
    reader never sees half a file and two writers at once never share a temp file."""
    handle, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as tmp:
            tmp.write(text.encode("utf-8"))
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def write_reports(
    repo: SessionRepository, folder: Path, session_id: str, confirmed: Mapping[int, ScoreResult] | None = None
) -> ReportFiles:
    """Write `<id>.md` and `<id>.html` for a saved session into folder (created if needed), with the confirmed
    scores (turn -> score) beside the machine's estimates where there are any."""
    record = repo.load(session_id)
    if Path(record.id).name != record.id or record.id in ("", ".", ".."):
        raise BadInputError(f"session id {record.id!r} cannot be used as a file name")
    files = ReportFiles(markdown=folder / f"{record.id}.md", html=folder / f"{record.id}.html")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomically(files.markdown, render_report(record, "md", confirmed))
        write_text_atomically(files.html, render_report(record, "html", confirmed))
    except OSError as exc:  # a full disk, a read-only folder: the session itself is saved, only the file is not
        raise SaveError(
            f"{folder}: could not write the transcript ({exc.strerror or exc}); your session is saved: free space "
            f"or fix the folder, then run `interviewer report {record.id}`"
        ) from None
    return files
