"""A stand-in model process speaking the worker protocol of interviewer/llm/worker.py, whose failures are real:
it kills itself with SIGSEGV, hangs, or reports an error, as FAKE_WORKER_MODE says (read when it starts)."""

from __future__ import annotations

import json
import os
import signal
import sys
import time


def send(message: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> None:
    mode = os.environ.get("FAKE_WORKER_MODE", "echo")
    if mode == "segv-at-load":
        os.kill(os.getpid(), signal.SIGSEGV)
    if mode == "error-at-load":
        send({"error": "model.gguf: llama.cpp could not load this model (bad tensor); see models.md"})
        sys.exit(2)
    send({"ready": True, "system_info": f"FAKE = 1 | pid {os.getpid()}"})
    for line in sys.stdin:
        request = json.loads(line)
        words = str(request["messages"][-1]["content"]).split()
        if mode == "hang":
            time.sleep(3600)
        if mode == "params":  # the reply is the generation parameters the child received
            send({"id": request["id"], "delta": json.dumps(request["params"], sort_keys=True)})
            send({"id": request["id"], "done": True})
            continue
        if mode == "error-reply":
            send({"id": request["id"], "error": "RuntimeError: llama_decode returned -1"})
            continue
        for index, word in enumerate(words):
            send({"id": request["id"], "delta": word + " "})
            if mode == "segv-mid-reply" and index == 1:
                os.kill(os.getpid(), signal.SIGSEGV)
        send({"id": request["id"], "done": True})


if __name__ == "__main__":
    main()
