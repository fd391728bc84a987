"""Search latency p50 / p95 at 1,000 and 10,000 chunks (real embedder, real Chroma; query embedding included).

Run alone on the machine: `.venv/bin/python -m bench.search [--threads 2]`."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.common import peak_rss_mb, percentile, replicate_corpus
from interviewer.app import App
from interviewer.ingest.pipeline import ingest
from interviewer.settings import Settings

QUERIES = [
    "which penalty makes coefficients exactly zero",
    "sample size for an A/B test",
    "peeking at results",
    "window function top n per group",
    "churn label definition",
    "calibration of predicted probabilities",
    "fraud with few positives",
    "precision recall trade-off",
    "central limit theorem",
    "leakage in features",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as folder:
        notes = Path(folder) / "notes"
        app = App(Settings.from_env({"INTERVIEWER_HOME": str(Path(folder) / "home")}, n_threads=args.threads))
        replicate_corpus(notes, 1)
        per_copy = ingest([str(notes)], app.store, 10**9).chunks
        for size in (int(s) for s in args.sizes.split(",")):
            replicate_corpus(notes, max(1, round(size / per_copy)))
            ingest([str(notes)], app.store, 10**9, prune=True)
            timings = []
            for _ in range(args.rounds):
                for query in QUERIES:
                    start = time.perf_counter()
                    app.store.search(query, k=5)
                    timings.append((time.perf_counter() - start) * 1000)
            print(
                f"{app.store.count():>6} chunks: search p50 {percentile(timings, 50):.1f} ms, "
                f"p95 {percentile(timings, 95):.1f} ms over {len(timings)} queries"
            )
        print(f"peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
