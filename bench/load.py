"""A bounded load test on 127.0.0.1: several simulated candidates run interviews at once against one app
(one loaded model), through Gradio's own client and queue. Prints completed sessions, errors and turn
latency (submit to the next question fully shown, queueing included).

Run alone on the machine: `.venv/bin/python -m bench.load [--candidates 8] [--turns 5]`."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.common import CORPUS, percentile
from tests.browser.harness import peak_memory_mb, serve

ANSWERS = [
    "Start from the definition, then the mechanism: the model is fit to minimise a loss on training data, "
    "and we check it on held-out data to estimate how it generalises.",
    "The main pitfall is leakage: information from the future or the label sneaks into the features, so "
    "validation looks great and production does not. Split by time and fit preprocessing on train only.",
    "I'm not sure.",
]


def candidate(url: str, number: int, turns: int, latencies: list[float], errors: list[str]) -> bool:
    """One candidate: start an interview, answer `turns` questions; True when every turn completed."""
    from gradio_client import Client

    try:
        client = Client(url, verbose=False)
        kind = ["Deep dive", "Case study", "Mixed"][number % 3]
        client.predict(
            kind, "Chosen for me (topics due for review first)", turns, number % 2 == 0, api_name="/run_start"
        )
        for turn in range(turns):
            began = time.perf_counter()
            client.predict(ANSWERS[(number + turn) % len(ANSWERS)], api_name="/run_answer")
            latencies.append(time.perf_counter() - began)
        return True
    except Exception as exc:  # a load test counts failures instead of stopping at the first
        errors.append(f"candidate {number}: {type(exc).__name__}: {exc}")
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=8)
    parser.add_argument("--turns", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        environment = {**os.environ, "INTERVIEWER_HOME": str(home)}
        ingest = [sys.executable, "-m", "interviewer", "ingest", str(CORPUS)]
        subprocess.run(ingest, env=environment, check=True, capture_output=True)
        with serve(home) as server:
            latencies: list[float] = []
            errors: list[str] = []
            done: list[bool] = []
            began = time.perf_counter()
            threads = [
                threading.Thread(
                    target=lambda n=n: done.append(candidate(server.url, n, args.turns, latencies, errors))
                )
                for n in range(args.candidates)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - began
            memory = peak_memory_mb(server.process.pid)
    print(f"{args.candidates} candidates x {args.turns} turns in {wall:.1f} s")
    print(f"completed sessions: {sum(done)} of {args.candidates}; errors: {len(errors)}")
    for error in errors[:5]:
        print(f"  {error}")
    if latencies:
        print(
            f"turn latency over {len(latencies)} turns: median {statistics.median(latencies):.2f} s, "
            f"p95 {percentile(latencies, 95):.2f} s, max {max(latencies):.2f} s"
        )
    print(f"server peak memory: {memory:.0f} MB")


if __name__ == "__main__":
    main()
