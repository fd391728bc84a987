"""The local model in a supervised child process: a native crash inside llama.cpp ends that process, never the app.

The child (`llm/worker.py`) loads the GGUF file and streams replies as JSON lines. When it dies mid-reply (a
segfault, an out-of-memory kill) or stops answering, the call raises `ModelCrashedError` with one line for the user;
callers already treat that as "model unavailable" (questions fall back to templates, the judge leaves the score to
the evidence), and the next call starts a new child. After `max_crashes` crashes in a row the model is given up for
the rest of the process, so a model that crashes on every decode does not cost every question a restart."""

from __future__ import annotations

import contextlib
import json
import queue
import signal
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import Field, PrivateAttr

from interviewer.errors import ModelNotFoundError
from interviewer.llm.errors import ModelCrashedError, ModelServerError, ModelUnavailableError
from interviewer.llm.llama import GgufChatModel
from interviewer.llm.worker import WorkerConfig

__all__ = ["CRASH_NOTICE", "SupervisedChatModel"]

CRASH_NOTICE = "the model stopped ({why}); questions continue from templates while it restarts"


def _why(returncode: int | None) -> str:
    if returncode is not None and returncode < 0:
        try:
            return signal.Signals(-returncode).name
        except ValueError:
            return f"signal {-returncode}"
    return f"exit code {returncode}" if returncode is not None else "no reply"


class SupervisedChatModel(GgufChatModel):
    """A chat model whose llama.cpp runs in a child process that is restarted after a crash."""

    load_timeout: float = 300.0  # seconds to load the model (a 1.5B model on a slow disk takes a while)
    reply_timeout: float = 300.0  # seconds without a new token before the child counts as hung
    max_crashes: int = 3
    command: list[str] = Field(default_factory=lambda: [sys.executable, "-m", "interviewer.llm.worker"])
    log_path: Path | None = None  # the child's stderr (llama.cpp's own messages) is appended here

    _process: subprocess.Popen[str] | None = PrivateAttr(default=None)
    _lines: queue.Queue[str | None] = PrivateAttr(default_factory=queue.Queue)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _crashes: int = PrivateAttr(default=0)
    _load_error: str | None = PrivateAttr(default=None)
    _next_id: int = PrivateAttr(default=0)
    _notices: deque[str] = PrivateAttr(default_factory=deque)
    system_info: str = ""  # what llama.cpp reports about the CPU features it uses, once the child has loaded

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-supervised"

    @property
    def pid(self) -> int | None:
        """The model process's id while it runs (tests use it to crash it for real)."""
        return self._process.pid if self._process is not None and self._process.poll() is None else None

    def take_notices(self) -> list[str]:
        """The one-line notices since the last call (a crash, giving up), oldest first."""
        taken = list(self._notices)
        self._notices.clear()
        return taken

    def close(self) -> None:
        """Stop the model process (it starts again if the model is used again)."""
        with self._lock:
            self._stop()

    def __del__(self) -> None:
        # A model dropped without close() (a test's app, a failed start) must not leave its process running.
        with contextlib.suppress(Exception):
            self._stop_now()

    # ----- the child process ------------------------------------------------------------------------

    def _ensure_started(self) -> None:
        if self._load_error is not None:
            raise ModelNotFoundError(self._load_error)
        if self._crashes >= self.max_crashes:
            raise ModelUnavailableError(
                f"the model crashed {self._crashes} times in a row; questions continue from templates until the app "
                "restarts (see models.md)"
            )
        if self._process is not None and self._process.poll() is None:
            return
        self._stop()
        config = WorkerConfig(str(self.model_path), self.n_threads, self.n_ctx, self.seed, self.extra_buffers)
        log: IO[bytes] | int = self.log_path.open("ab") if self.log_path is not None else subprocess.DEVNULL
        try:
            process = subprocess.Popen(
                [*self.command, config.to_json()],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
        finally:
            if not isinstance(log, int):
                log.close()
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True).start()
        self._process, self._lines = process, lines
        try:
            first = self._next_line(self.load_timeout)
        except TimeoutError:
            self._stop_now()
            self._load_error = f"{self.model_path}: the model did not load in {self.load_timeout:g} s; see models.md"
            raise ModelNotFoundError(self._load_error) from None
        message = _parse(first) if first is not None else None
        if message is not None and message.get("ready"):
            self.system_info = str(message.get("system_info", ""))
            return
        why = str(message.get("error")) if message and message.get("error") else None
        self._stop_now()
        if why is None:
            why = (
                f"{self.model_path}: llama.cpp crashed while loading this model ({_why(process.returncode)}); "
                "check the file or choose another model (see models.md)"
            )
        self._load_error = why
        raise ModelNotFoundError(why)

    def _next_line(self, timeout: float) -> str | None:
        """The child's next line, None once its output has ended; TimeoutError when it says nothing in time."""
        try:
            return self._lines.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError from None

    def _reply_line(self) -> str:
        """The next line of a reply; a child that died or hangs becomes ModelCrashedError."""
        try:
            line = self._next_line(self.reply_timeout)
        except TimeoutError:
            raise self._crashed(hung=True) from None
        if line is None:
            raise self._crashed(hung=False)
        return line

    def _stop(self) -> None:
        """End the child: end of input asks it to exit; one that does not within 5 s is killed."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _stop_now(self) -> None:
        """Kill the child at once (it failed to load, or hangs)."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
        self._stop()

    def _crashed(self, hung: bool) -> ModelCrashedError:
        """Account for a child that ended its output (it died) or gave no reply in time (it is killed)."""
        process = self._process
        returncode: int | None = None
        if process is not None:
            if hung:
                process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                returncode = process.wait(timeout=10)  # its output ends a moment before its exit status is ready
        self._stop_now()
        self._crashes += 1
        why = f"no reply for {self.reply_timeout:g} s" if hung else _why(returncode)
        notice = CRASH_NOTICE.format(why=why)
        self._notices.append(notice)
        return ModelCrashedError(notice)

    # ----- requests ---------------------------------------------------------------------------------

    def complete(self, messages: list[dict[str, str]], params: dict[str, Any]) -> Iterator[str]:
        """Stream the reply to OpenAI-style messages as text pieces."""
        with self._lock:
            self._ensure_started()
            process = self._process
            assert process is not None and process.stdin is not None
            self._next_id += 1
            request_id = self._next_id
            try:
                process.stdin.write(json.dumps({"id": request_id, "messages": messages, "params": params}) + "\n")
                process.stdin.flush()
            except OSError:
                raise self._crashed(hung=False) from None
            finished = False
            try:
                while True:
                    message = _parse(self._reply_line())
                    if message is None or message.get("id") != request_id:
                        continue
                    if "delta" in message:
                        yield str(message["delta"])
                    elif message.get("done"):
                        finished = True
                        self._crashes = 0
                        return
                    else:
                        finished = True
                        raise ModelServerError(f"the model failed on this prompt: {message.get('error')}")
            finally:
                if not finished and self._process is process:
                    self._drain(request_id)

    def _drain(self, request_id: int) -> None:
        """Read an abandoned reply to its end, so the next request starts on a clean line."""
        while True:
            try:
                message = _parse(self._reply_line())
            except ModelCrashedError:
                return  # the notice is kept; the next request starts a new child
            if message is not None and message.get("id") == request_id and "delta" not in message:
                return


def _parse(line: str) -> dict[str, Any] | None:
    try:
        message = json.loads(line)
    except json.JSONDecodeError:
        return None
    return message if isinstance(message, dict) else None


def _read_lines(stream: IO[str] | None, lines: queue.Queue[str | None]) -> None:
    """Copy the child's protocol lines into a queue, then None at end of output (the child has exited)."""
    if stream is not None:
        with stream:
            for line in stream:
                lines.put(line)
    lines.put(None)
