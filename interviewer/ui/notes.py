"""The "Your notes" tab as plain functions: add uploaded files or a folder to the index, and list topics.
Uploads are copied under INTERVIEWER_HOME/uploads with safe names, so the index keeps pointing at files
that exist after the browser's temporary copies are gone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from interviewer.app import App
from interviewer.errors import BadInputError, InterviewerError
from interviewer.ingest.pipeline import IngestReport, Skipped, ingest
from interviewer.ui.topics import merged_topics

__all__ = ["NotesResult", "ingest_notes", "topic_rows"]

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class NotesResult:
    """What the notes tab shows after an ingest: a summary line, one line per skipped file, the topics."""

    summary: str
    skipped: list[str]
    topics: list[list[str | int]]


def topic_rows(app: App) -> list[list[str | int]]:
    """Each topic with its chunk count, most chunks first; topics that differ only in case are one row, as in
    the topic menu."""
    return [[topic, count] for topic, count in merged_topics(app.store.topics())]


def _copy_uploads(app: App, uploads: list[str]) -> tuple[list[str], list[Skipped]]:
    from interviewer.ingest.uploads import store_upload

    folder = app.settings.home / "uploads"
    paths, skipped = [], []
    for upload in uploads:
        source = Path(upload)
        try:
            paths.append(str(store_upload(source, source.name, folder, app.settings.max_file_mb * 1_000_000)))
        except InterviewerError as exc:
            skipped.append(Skipped(source.name, str(exc)))
    return paths, skipped


def ingest_notes(
    app: App, uploads: list[str] | None, folder: str | None, progress: Progress | None = None
) -> NotesResult:
    """Index uploaded files and/or a folder on this machine; each unreadable file is reported, not fatal."""
    folder = (folder or "").strip()
    if not uploads and not folder:
        raise BadInputError("choose files to upload or type the path of a folder of notes")
    if folder and not Path(folder).expanduser().exists():
        raise BadInputError(f"{folder}: no such folder on this machine; type the full path of your notes folder")
    paths, skipped = _copy_uploads(app, uploads or [])
    if folder:
        paths.append(str(Path(folder).expanduser()))
    report = (
        ingest(paths, app.store, app.settings.max_file_mb * 1_000_000, progress=progress) if paths else IngestReport()
    )
    report.skipped[:0] = skipped
    summary = (
        f"{report.files} files read, {report.chunks} chunks ({report.added} new), "
        f"{report.unchanged} unchanged, {len(report.skipped)} skipped."
    )
    return NotesResult(summary, [f"{s.path}: {s.reason}" for s in report.skipped], topic_rows(app))
