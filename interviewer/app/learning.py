"""Use cases of the learning loop shared by the CLI and the web app: the progress over sessions."""

from __future__ import annotations

from interviewer.app.container import App
from interviewer.learning.progress import Progress, build_progress

__all__ = ["progress"]


def progress(app: App) -> Progress:
    """Scores and levels over time, per topic and per session (with each session's modes), and the check-ins."""
    modes = {session["id"]: session["modes"] for session in app.repo.list()}
    return build_progress(app.repo.answered(), app.checkins.list(), modes)
