"""Scoring on held-out notes and answers (bench/heldout/scoring/) and on the labelled set's two splits.

The held-out set was written by someone who never saw the scoring rules, and is never tuned on: notes in
several formats plus answers.jsonl with labels strong, partial, weak, off_topic, wrong_swapped,
fluent_wrong, paraphrase, evasive. Prints, per set: paraphrase within 0.15 of strong, fluent-wrong and
swapped below partial, the strong > partial > weak > off-topic ordering, evasive and off-topic max and mean,
time per answer and whether scores repeat. Self-contained (only App, ingest, Settings), so the same file
measures an older commit: `git worktree add /tmp/base c7eb930`, copy this file in, run it there.
`bench/tune/scoring/` has the same shape, written by another helper who also never saw the rules: rules are
fitted there (`--set bench/tune/scoring`) and only reported here.
Run alone on the machine: `.venv/bin/python -m bench.heldout_scoring [--set DIR] [--labelled] [--threads 2]`."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from bench.common import CORPUS, ROOT
from interviewer.app import App
from interviewer.ingest.pipeline import ingest
from interviewer.scoring.judge import Judge
from interviewer.settings import Settings

HELDOUT = ROOT / "bench" / "heldout" / "scoring"
LABELLED = ROOT / "tests" / "data" / "graded_answers.jsonl"
PARAPHRASES = ROOT / "tests" / "data" / "paraphrase_tune.jsonl"
LADDER = ("strong", "partial", "weak", "off_topic")
WRONG = ("fluent_wrong", "wrong_swapped", "wrong")


def figures(rows: Iterable[Mapping[str, Any]], scores: Iterable[float]) -> list[str]:
    """The issue's figures for labelled rows (`qid`, `label`) and their scores, one per line."""
    by_question: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    by_label: dict[str, list[float]] = defaultdict(list)
    for row, score in zip(rows, scores, strict=True):
        by_question[str(row["qid"])][str(row["label"])].append(score)
        by_label[str(row["label"])].append(score)

    def first(answers: dict[str, list[float]], label: str) -> float | None:
        return answers[label][0] if answers.get(label) else None

    paraphrase = [
        abs(p - s)
        for answers in by_question.values()
        for p in answers.get("paraphrase", [])
        if (s := first(answers, "strong")) is not None
    ]
    below = [
        w < p
        for answers in by_question.values()
        for label in WRONG
        for w in answers.get(label, [])
        if (p := first(answers, "partial")) is not None
    ]
    ladder = [
        hi > lo
        for answers in by_question.values()
        for i, high in enumerate(LADDER)
        for low in LADDER[i + 1 :]
        if (hi := first(answers, high)) is not None and (lo := first(answers, low)) is not None
    ]
    lines = [f"questions: {len(by_question)}, answers: {sum(len(v) for v in by_label.values())}"]
    if paraphrase:
        within = sum(d <= 0.15 for d in paraphrase)
        lines.append(
            f"paraphrase within 0.15 of strong: {within}/{len(paraphrase)} = {within / len(paraphrase):.3f} "
            f"(mean gap {statistics.fmean(paraphrase):.3f})"
        )
    if below:
        lines.append(
            f"wrong (fluent / swapped) below partial: {sum(below)}/{len(below)} = {sum(below) / len(below):.3f}"
        )
    for label in WRONG:
        wrong_below = [
            w < p
            for answers in by_question.values()
            for w in answers.get(label, [])
            if (p := first(answers, "partial")) is not None
        ]
        if wrong_below:
            lines.append(f"  {label} below partial: {sum(wrong_below)}/{len(wrong_below)}")
    if ladder:
        lines.append(
            f"strong > partial > weak > off-topic, pairs: {sum(ladder)}/{len(ladder)} = {sum(ladder) / len(ladder):.3f}"
        )
    for label in ("evasive", "off_topic"):
        if by_label.get(label):
            values = by_label[label]
            lines.append(
                f"{label}: max {max(values):.3f}, mean {statistics.fmean(values):.3f}, <= 0.1: "
                f"{sum(v <= 0.1 for v in values)}/{len(values)}"
            )
    lines.append("mean by label: " + ", ".join(f"{k} {statistics.fmean(v):.2f}" for k, v in sorted(by_label.items())))
    return lines


def _score_all(app: App, rows: list[dict[str, Any]]) -> tuple[list[float], list[float], bool]:
    scorer = app.scorer
    scorer.score("warm up", "warm up")
    scores, timings = [], []
    for row in rows:
        start = time.perf_counter()
        result = scorer.score(
            row["question"], row["answer"], kind=row.get("kind"), level=row.get("level"), stage=row.get("stage")
        )
        timings.append(time.perf_counter() - start)
        scores.append(result.total)
    step = max(1, len(rows) // 30)
    again = [
        scorer.score(r["question"], r["answer"], kind=r.get("kind"), level=r.get("level"), stage=r.get("stage")).total
        for r in rows[::step]
    ]
    return scores, timings, again == scores[::step]


def _timing(timings: list[float], same: bool) -> str:
    return (
        f"time per answer: median {statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms; "
        f"same input, same score: {same}"
    )


class _CountingJudge(Judge):
    """The app's judge, counting how many of its replies gave a grade."""

    asked = 0
    parsed = 0

    def grade(self, question: str, key_points: Any, answer: str) -> float | None:
        grade = super().grade(question, key_points, answer)
        self.asked += 1
        self.parsed += grade is not None
        return grade


def _with_judge(app: App, weight: float) -> _CountingJudge:
    """Give the app's scorer the model's judgement at `weight` (as a calibration run that earned it would)."""
    judge = _CountingJudge(app.chat_model)
    app.scorer.judge, app.scorer.judge_weight = judge, weight
    return judge


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", type=Path, default=HELDOUT, help="folder with the notes and answers.jsonl")
    parser.add_argument("--labelled", action="store_true", help="also the tune and holdout splits of the labelled set")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--judge-weight", type=float, default=0.0, help="blend the model's judgement (INTERVIEWER_MODEL) at this weight"
    )
    args = parser.parse_args()
    if args.labelled:
        rows = _read_jsonl(LABELLED)
        # Our own paraphrases of tune-split strong answers, in none of the notes' words: scored as "paraphrase".
        strong = {r["qid"]: r for r in rows if r["label"] == "strong"}
        rows += [{**strong[p["qid"]], "label": "paraphrase", "answer": p["answer"]} for p in _read_jsonl(PARAPHRASES)]
        with tempfile.TemporaryDirectory(prefix="bench-heldout-") as folder:
            app = App(Settings.from_env({"INTERVIEWER_HOME": folder}, n_threads=args.threads))
            ingest([str(CORPUS)], app.store, 10**9)
            scores, timings, same = _score_all(app, rows)
        for split in ("tune", "holdout"):
            chosen = [(r, s) for r, s in zip(rows, scores, strict=True) if r["split"] == split]
            print(f"--- labelled set, {split} split ---")
            for line in figures([r for r, _ in chosen], [s for _, s in chosen]):
                print(line)
        print(_timing(timings, same))
    rows = _read_jsonl(args.set / "answers.jsonl")
    notes = [
        p
        for p in sorted(args.set.iterdir())
        if p.is_file() and p.suffix in (".md", ".txt", ".ipynb", ".csv", ".apkg") and p.name[0] != "."
    ]
    with tempfile.TemporaryDirectory(prefix="bench-heldout-") as folder:
        model = {"INTERVIEWER_MODEL": os.environ["INTERVIEWER_MODEL"]} if os.environ.get("INTERVIEWER_MODEL") else {}
        app = App(Settings.from_env({"INTERVIEWER_HOME": folder, **model}, n_threads=args.threads))
        ingest([str(p) for p in notes], app.store, 10**9)
        judge = _with_judge(app, args.judge_weight) if args.judge_weight > 0 else None
        scores, timings, same = _score_all(app, rows)
    if judge is not None:
        print(f"judge {app.model_path.name} at weight {args.judge_weight}: {judge.parsed}/{judge.asked} replies parsed")
    tuned = "never tuned on" if args.set.resolve() == HELDOUT.resolve() else "the tune set: rules were fitted on it"
    shown = args.set.resolve().relative_to(ROOT) if args.set.resolve().is_relative_to(ROOT) else args.set
    print(f"--- notes and answers in {shown} ({tuned}) ---")
    for line in figures(rows, scores):
        print(line)
    print(_timing(timings, same))


if __name__ == "__main__":
    main()
