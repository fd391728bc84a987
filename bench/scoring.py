"""Scoring quality and speed on tests/data/graded_answers.jsonl with the embedded defaults.

Prints the issue's targets for the tuning split, the held-out split (never looked at while tuning) and
all together; checks the same input scores the same; times one answer (median, model loaded).
Run alone on the machine: `.venv/bin/python -m bench.scoring [--threads 2] [--show-tune]`."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time

from bench.common import CORPUS, ROOT
from interviewer.app import App
from interviewer.ingest.pipeline import ingest
from interviewer.scoring.quality import measure_quality
from interviewer.settings import Settings

LABELLED = ROOT / "tests" / "data" / "graded_answers.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--show-tune", action="store_true", help="print each tuning-split score (never the held-out ones)"
    )
    args = parser.parse_args()
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="bench-scoring-") as folder:
        app = App(Settings.from_env({"INTERVIEWER_HOME": folder}, n_threads=args.threads))
        ingest([str(CORPUS)], app.store, 10**9)
        scorer = app.scorer
        scorer.score("warm up", "warm up")
        scores, timings = [], []
        for row in rows:
            start = time.perf_counter()
            result = scorer.score(
                row["question"], row["answer"], kind=row["kind"], level=row["level"], stage=row["stage"]
            )
            timings.append(time.perf_counter() - start)
            scores.append(result.total)
            if args.show_tune and row["split"] == "tune":
                print(
                    f"{row['qid']} {row['label']:<18} {result.total:.3f} rel {result.relevance:.2f} "
                    f"contra {len(result.contradictions)}"
                )
        again = [
            scorer.score(row["question"], row["answer"], kind=row["kind"], level=row["level"], stage=row["stage"]).total
            for row in rows[:: max(1, len(rows) // 40)]
        ]
    for split in ("tune", "holdout", "all"):
        chosen = [
            (row, score) for row, score in zip(rows, scores, strict=True) if split == "all" or row["split"] == split
        ]
        quality = measure_quality([row for row, _ in chosen], [score for _, score in chosen])
        print(f"--- {split} split ---")
        for line in quality.lines():
            print(line)
    print("--- stability and speed ---")
    print(f"same input, same score: {again == scores[:: max(1, len(rows) // 40)]}")
    print(
        f"scoring time per answer: median {statistics.median(timings) * 1000:.0f} ms, "
        f"max {max(timings) * 1000:.0f} ms (threads {args.threads})"
    )


if __name__ == "__main__":
    main()
