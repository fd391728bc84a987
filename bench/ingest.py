"""Ingest throughput and peak memory on corpus/ replicated to about 10,000 chunks (real embedder, real Chroma).

Run alone on the machine: `.venv/bin/python -m bench.ingest [--chunks 10000] [--threads 2]`."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.common import peak_rss_mb, replicate_corpus
from interviewer.app import App
from interviewer.ingest.pipeline import ingest
from interviewer.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as folder:
        notes = Path(folder) / "notes"
        replicate_corpus(notes, 1)
        app = App(Settings.from_env({"INTERVIEWER_HOME": str(Path(folder) / "home")}, n_threads=args.threads))
        app.embedder.embed(["warm up"])
        probe = ingest([str(notes)], app.store, 10**9)
        copies = max(1, round(args.chunks / max(1, probe.chunks)))
        replicate_corpus(notes, copies)
        start = time.perf_counter()
        report = ingest([str(notes)], app.store, 10**9)
        elapsed = time.perf_counter() - start
        again_start = time.perf_counter()
        again = ingest([str(notes)], app.store, 10**9)
        again_elapsed = time.perf_counter() - again_start
        print(f"files {report.files}, chunks in store {app.store.count()}, added this run {report.added}")
        print(f"ingest: {elapsed:.1f} s, {report.added / elapsed:.1f} chunks/s (threads {args.threads})")
        print(f"re-ingest unchanged: {again_elapsed:.1f} s, added {again.added}")
        print(f"peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
