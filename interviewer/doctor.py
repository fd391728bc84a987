"""`interviewer doctor`: check the model, the embedder and the store, and say what to fix."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

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


def run_checks(app: App) -> list[Check]:
    """Run every check in order; later checks still run when an earlier one fails."""

    def model() -> str:
        from langchain_core.messages import HumanMessage

        reply = app.chat_model.invoke([HumanMessage(content="Say one word.")], max_tokens=8)
        name = getattr(app.chat_model, "model_path", app.settings.llm_backend)
        return f"{name}: replied {str(reply.content).strip()[:40]!r}"

    def embedder() -> str:
        vectors = app.embedder.embed(["offline embedding check"])
        return f"{app.embedder.name}: {vectors.shape[1]}-dimensional vectors, no network"

    def store() -> str:
        where = app.settings.chroma_url or str(app.settings.store_dir)
        return f"{where}: {app.store.count()} chunks, {len(app.store.topics())} topics"

    return [_timed("model", model), _timed("embedder", embedder), _timed("store", store)]
