"""Start `interviewer serve` in a child process on a free loopback port, and a headless Debian Chromium;
shared by the browser tests and bench/web_app.py."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import CORPUS

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "LONG",
    "NOTE",
    "Server",
    "chromium",
    "free_port",
    "peak_memory_mb",
    "serve",
    "start_interview",
    "wait_for_turn",
]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Server:
    """A running `interviewer serve`: its URL, process and everything it printed."""

    url: str
    process: subprocess.Popen[str]
    output: list[str] = field(default_factory=list)


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    # Ask the kernel through the child: the test process itself may not open sockets (pytest-socket).
    code = "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
    return int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


@contextmanager
def serve(
    home: Path, env: dict[str, str] | None = None, timeout: float = 120.0, port: int | None = None
) -> Iterator[Server]:
    """Run the app on INTERVIEWER_HOME=home until the block ends; wait until it says it is serving."""
    port = port or free_port()
    environment = {**os.environ, "INTERVIEWER_HOME": str(home), "PYTHONUNBUFFERED": "1", **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "interviewer", "serve", "--port", str(port)],
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    output: list[str] = []
    ready = threading.Event()
    found: dict[str, str] = {}

    def read() -> None:
        assert process.stdout is not None
        log = home / "serve.log"  # kept with the test's home: a failure's full server output, not its repr's tail
        for line in process.stdout:
            output.append(line)
            with log.open("a", encoding="utf-8") as handle:
                handle.write(line)
            match = re.search(r"serving on (http://\S+)", line)
            if match:
                found["url"] = match.group(1).rstrip("/")
                ready.set()
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ready.wait(timeout)
    try:
        if "url" not in found:
            raise RuntimeError("interviewer serve did not start:\n" + "".join(output[-30:]))
        yield Server(found["url"], process, output)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=5)
        if process.stdout is not None:
            process.stdout.close()


def peak_memory_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM), in MB."""
    text = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", text)
    return int(match.group(1)) / 1024 if match else float("nan")


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium driven by Playwright (never Playwright's own downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# ----- driving the interview page ---------------------------------------------------------------------

NOTE = CORPUS / "ml" / "gradient_boosting.md"
LONG = 120_000  # ms: the embedded model on two shared cores can be slow, never this slow


# Set false by `start_interview` just before it presses Start, and true once the status line differs from what it
# was then: a session already on screen says "Your turn" too, and must not pass for the new one.
_WATCH_STATUS = """() => {
    // The status line only: Start clears the chat before the old "Your turn" line changes, and a wait that passed on
    // the cleared chat pressed Submit while the new session was still starting (a flaky failure on a fresh clone).
    // Start always says "Session N started." then "The interviewer is thinking…" before the new "Your turn".
    const seen = () => document.querySelector('#status')?.innerText || '';
    const before = seen();
    window.__statusMoved = false;
    window.__statusWatch?.disconnect();
    window.__statusWatch = new MutationObserver(() => {
        if (seen() === before) return;
        window.__statusMoved = true;
        window.__statusWatch.disconnect();
    });
    window.__statusWatch.observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def wait_for_turn(page: Any) -> str:
    """Wait until the interviewer waits for an answer (or has asked everything); return the status line."""
    page.wait_for_function(
        "() => window.__statusMoved !== false && "
        "/Your turn|All questions answered/.test(document.querySelector('#status')?.innerText || '')",
        timeout=LONG,
    )
    return str(page.locator("#status").inner_text())


def settled_chat_text(page: Any) -> str:
    """The chat's text once Gradio has drawn every message: its "Loading content" placeholder is transient."""
    page.wait_for_function(
        "() => !/Loading content/.test(document.querySelector('#chat')?.innerText || 'Loading content')",
        timeout=LONG,
    )
    return str(page.locator("#chat").inner_text())


def start_interview(page: Any, questions: int, challenge: bool, kind: str = "Deep dive") -> None:
    page.get_by_role("tab", name="Interview").click()
    page.locator("#kind").get_by_label(kind).check()
    number = page.locator("#questions input[type=number]")
    number.fill(str(questions))
    number.press("Enter")
    if challenge:
        page.locator("#challenge input[type=checkbox]").check()
    page.evaluate(_WATCH_STATUS)
    page.locator("#start").click()
