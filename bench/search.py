"""Search latency p50 / p95 at 1,000 and 10,000 chunks (real embedder, real Chroma; query embedding included).

The corpus is ingested once; larger stores are filled with copies of its chunks whose vectors are jittered
(so the index really holds 10,000 distinct points) without paying for 10,000 embeddings: this measures
search, not ingestion (bench/ingest.py measures that).
Run alone on the machine: `.venv/bin/python -m bench.search [--threads 2]`."""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from bench.common import CORPUS, peak_rss_mb, percentile
from interviewer.app import App
from interviewer.core.chunks import Chunk, chunk_id
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


def fill(app: App, target: int, base: list[Chunk], vectors: np.ndarray, rng: np.random.Generator) -> None:
    """Add jittered copies of the corpus chunks until the store holds `target` chunks."""
    collection = app.store._collection
    copy = app.store.count() // len(base)
    while app.store.count() < target:
        copy += 1
        count = min(len(base), target - app.store.count())
        chunks = [
            replace(c, chunk_id=chunk_id(f"copy{copy}", c.heading, c.text), source=f"copy{copy}/{c.source}")
            for c in base[:count]
        ]
        noisy = vectors[:count] + rng.normal(0, 0.02, size=vectors[:count].shape).astype(np.float32)
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        collection.add(
            ids=[c.chunk_id for c in chunks],
            documents=[c.text for c in chunks],
            metadatas=[c.metadata() for c in chunks],
            embeddings=noisy,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as folder:
        app = App(Settings.from_env({"INTERVIEWER_HOME": str(Path(folder) / "home")}, n_threads=args.threads))
        ingest([str(CORPUS)], app.store, 10**9)
        base = app.store.chunks()
        vectors = app.embedder.embed([f"{c.heading}\n{c.text}" for c in base])
        for size in (int(s) for s in args.sizes.split(",")):
            fill(app, size, base, vectors, rng)
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
