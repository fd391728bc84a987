"""Launch the web app: loopback by default, no public link unless asked, uploads capped, analytics off."""

from __future__ import annotations

import ipaddress
import os
import secrets
import sys
from pathlib import Path
from typing import Any

from interviewer.app import App
from interviewer.errors import InterviewerError

__all__ = ["browser_secret", "launch", "warm_up"]


def browser_secret(home: Path) -> str:
    """The key that encrypts the session id each browser keeps; the same across restarts, so a reload after a
    restart finds its session again. Created once, readable by this user only."""
    path = home / "browser-secret"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(24))
    return path.read_text().strip()


def warm_up(app: App) -> None:
    """Load the embedder, the store and the model before the first visitor, not during their first question."""
    app.embedder.embed(["warm up"])
    app.store.count()
    if app.settings.phrase_questions:
        try:
            app.chat_model.invoke("Hi")
        except InterviewerError as exc:  # a model server that is down: questions use their templates meanwhile
            print(f"interviewer: warning: {exc}; starting anyway, questions use their templates", file=sys.stderr)


def is_loopback(host: str) -> bool:
    """True for 127.0.0.1, ::1 and localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def launch(app: App, host: str, port: int, share: bool = False) -> Any:
    """Build and start the app in background threads; returns the running Blocks (`.block_thread()` waits)."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    from interviewer.ui.layout import CSS, build_ui

    if not is_loopback(host) and app.settings.auth is None:
        print(
            f"interviewer: warning: serving on {host} without a password; anyone who can reach this machine can "
            "use it. Set INTERVIEWER_AUTH=user:password to require one.",
            file=sys.stderr,
        )
    warm_up(app)
    demo = build_ui(app, browser_secret(app.settings.home))
    demo.queue(default_concurrency_limit=4)
    app.settings.transcripts_dir.mkdir(parents=True, exist_ok=True)
    demo.launch(
        server_name=host,
        server_port=port,
        share=share,
        auth=app.settings.auth,
        max_file_size=f"{app.settings.max_file_mb}mb",
        allowed_paths=[str(app.settings.transcripts_dir)],
        ssr_mode=False,
        css=CSS,
        inbrowser=False,
        prevent_thread_lock=True,
        quiet=True,
    )
    return demo
