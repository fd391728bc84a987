"""`interviewer doctor`: check the model, the embedder and the store, and say what to fix."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlparse

from interviewer.app import App
from interviewer.errors import InterviewerError

__all__ = ["Check", "run_checks"]


@dataclass(frozen=True)
class Check:
    """One check's outcome: what was checked, whether it passed, and the detail or the fix."""

    name: str
    ok: bool
    detail: str


def _timed(name: str, probe: Callable[[], str]) -> Check:
    start = time.perf_counter()
    try:
        detail = probe()
    except InterviewerError as exc:
        return Check(name, False, str(exc))
    except Exception as exc:  # doctor must report, not crash, whatever breaks
        return Check(name, False, f"{type(exc).__name__}: {exc}")
    return Check(name, True, f"{detail} ({time.perf_counter() - start:.2f} s)")


_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _model_label(app: App) -> str:
    """Which model the check talks to, and where the prompts go when that is another machine."""
    settings = app.settings
    if settings.llm_backend == "openai":
        label = f"model server at {settings.llm_url}" + (f" (model {settings.llm_model})" if settings.llm_model else "")
        host = urlparse(str(settings.llm_url)).hostname or ""
        if host not in _LOOPBACK:
            label += f" [prompts, with excerpts of your notes, are sent to {host}]"
        return label
    return str(getattr(app.chat_model, "model_path", settings.llm_backend))


def run_checks(app: App) -> list[Check]:
    """Run every check in order; later checks still run when an earlier one fails."""

    def model() -> str:
        from langchain_core.messages import HumanMessage

        reply = app.chat_model.invoke([HumanMessage(content="Say one word.")], max_tokens=8)
        return f"{_model_label(app)}: replied {str(reply.content).strip()[:40]!r}"

    def embedder() -> str:
        vectors = app.embedder.embed(["offline embedding check"])
        return f"{app.embedder.name}: {vectors.shape[1]}-dimensional vectors, no network"

    def cpu() -> str:
        """The CPU features llama.cpp uses and the buffer choice made for them (AMX crashes: see llm/cpu.py)."""
        used = getattr(app.chat_model, "system_info", "") or "not reported (the model did not load)"
        return f"extra buffer types {app.buffer_choice.reason}; llama.cpp uses: {used}"

    def store() -> str:
        where = app.settings.chroma_url or str(app.settings.store_dir)
        return f"{where}: {app.store.count()} chunks, {len(app.store.topics())} topics"

    checks = [_timed("model", model)]
    if app.settings.llm_backend == "llama":
        checks.append(_timed("cpu", cpu))
    return [*checks, _timed("embedder", embedder), _timed("store", store)]
