"""Retrieval quality: top-1 and top-3 over a folder of notes and its queries (real embedder, real Chroma).

Each line of the queries file is `{"query": ..., "file": ..., "quote": ...}`: the right chunk comes from that
file and contains the quote (compared without case, markup spacing or line breaks). The folder is ingested
into a temporary home, so nothing of the user's is touched.
Run: `.venv/bin/python -m bench.retrieval [FOLDER] [--queries FILE] [--show-misses] [--embedding-only]`
(default FOLDER bench/heldout/retrieval, written for this bench by a helper who did not see the code)."""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path

from bench.common import ROOT
from interviewer.app import App
from interviewer.ingest.pipeline import ingest
from interviewer.settings import Settings

DEFAULT_FOLDER = ROOT / "bench" / "heldout" / "retrieval"
_K = 3


def normalised(text: str) -> str:
    """Lower case, markup characters and runs of spaces or line breaks folded, so a quote matches its chunk."""
    return " ".join(re.sub(r"[*_`#>]+", " ", text.lower()).split())


def is_right(source: str, text: str, query: dict[str, str]) -> bool:
    """The hit comes from the query's file and holds its quote."""
    return Path(source).name == query["file"] and normalised(query["quote"]) in normalised(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER))
    parser.add_argument("--queries", default=None, help="default: FOLDER/queries.jsonl")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--embedding-only", action="store_true", help="rank by the embedding alone (no keywords)")
    args = parser.parse_args()
    folder = Path(args.folder)
    queries_path = Path(args.queries) if args.queries else folder / "queries.jsonl"
    queries = [json.loads(line) for line in queries_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not queries:
        parser.error(f"{queries_path}: no queries; write one JSON object per line with query, file and quote")
    with tempfile.TemporaryDirectory(prefix="bench-retrieval-") as home:
        app = App(Settings.from_env({"INTERVIEWER_HOME": home}, n_threads=args.threads))
        if args.embedding_only and hasattr(app.store, "hybrid"):
            app.store.hybrid = False
        start = time.perf_counter()
        report = ingest([str(folder)], app.store, 10**9)
        elapsed = time.perf_counter() - start
        chunks = app.store.chunks()
        reachable = sum(any(is_right(c.source, c.text, q) for c in chunks) for q in queries)
        top1 = top3 = 0
        misses = []
        for query in queries:
            hits = app.store.search(query["query"], k=_K)
            ranks = [rank for rank, hit in enumerate(hits, 1) if is_right(hit.chunk.source, hit.chunk.text, query)]
            top1 += bool(ranks and ranks[0] == 1)
            top3 += bool(ranks)
            if not ranks:
                misses.append((query, [f"{Path(h.chunk.source).name} > {h.chunk.heading}" for h in hits]))
    n = len(queries)
    print(f"notes: {report.files} files, {report.chunks} chunks in {elapsed:.1f} s; {len(report.skipped)} skipped")
    print(f"queries: {n}; quote found in some chunk: {reachable}/{n}")
    print(f"top-1: {top1}/{n} = {top1 / n:.2f}   top-3: {top3}/{n} = {top3 / n:.2f}")
    if args.show_misses:
        for query, got in misses:
            print(f"- miss: {query['query']!r} ({query['file']}: {query['quote'][:50]!r})")
            for line in got:
                print(f"    got {line[:110]}")


if __name__ == "__main__":
    main()
