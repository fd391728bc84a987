"""The model process: runs llama.cpp for the app, so a native crash (a segfault, an out-of-memory kill) ends this
process only. Started by `llm/supervised.py` as `python -m interviewer.llm.worker CONFIG_JSON`.

Protocol, one JSON object per line. This process first writes `{"ready": true, "system_info": ...}` once the model
has loaded, or `{"error": ...}` and exits. Then, for each request `{"id": n, "messages": [...], "params": {...}}`
read from stdin, it writes `{"id": n, "delta": ...}` lines and one `{"id": n, "done": true}` (or `{"id": n,
"error": ...}`). End of input ends the process."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from interviewer.errors import InterviewerError

__all__ = ["WorkerConfig", "main"]


@dataclass(frozen=True)
class WorkerConfig:
    """What the model process loads, passed as JSON on its command line."""

    model_path: str
    n_threads: int
    n_ctx: int
    seed: int
    extra_buffers: bool | None  # None: as this CPU needs (see llm/cpu.py)

    def to_json(self) -> str:
        """The command-line form."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> WorkerConfig:
        """Read the command-line form back."""
        return cls(**json.loads(text))


def _protocol_stream() -> IO[str]:
    """A private copy of stdout for the protocol; fd 1 then points at stderr, so whatever native code prints
    cannot corrupt a protocol line."""
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    return out


def _send(out: IO[str], message: dict[str, Any]) -> None:
    out.write(json.dumps(message) + "\n")
    out.flush()


def main(argv: list[str] | None = None) -> int:
    """Load the model, then answer requests until stdin ends."""
    from interviewer.llm.llama import LlamaChatModel, llama_system_info

    config = WorkerConfig.from_json((argv if argv is not None else sys.argv[1:])[0])
    out = _protocol_stream()
    model = LlamaChatModel(
        model_path=Path(config.model_path),
        n_threads=config.n_threads,
        n_ctx=config.n_ctx,
        seed=config.seed,
        extra_buffers=config.extra_buffers,
    )
    try:
        model.load()
    except InterviewerError as exc:
        _send(out, {"error": str(exc)})
        return 2
    _send(out, {"ready": True, "system_info": llama_system_info()})
    for line in sys.stdin:
        request = json.loads(line)
        try:
            for delta in model.complete(request["messages"], request["params"]):
                _send(out, {"id": request["id"], "delta": delta})
        except Exception as exc:  # a failed request must not end the process: the app gets its one line
            _send(out, {"id": request["id"], "error": f"{type(exc).__name__}: {exc}"})
            continue
        _send(out, {"id": request["id"], "done": True})
    return 0


if __name__ == "__main__":
    sys.exit(main())
