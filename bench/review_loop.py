"""The review loop on a set written blind to the rules (issue 20's targets): a scripted candidate confirms truthfully.

Per item the set has a strong answer, a correct paraphrase, a second paraphrase in the same personal style (a week
later), a fluent wrong answer and a second one repeating its misconception, with a verdict per fact for each.
The facts are the item's points, as an interview item's are. Per item, in order:
1. all five answers are scored (the machine alone);
2. the candidate confirms paraphrase_1 truthfully;
3. paraphrase_2 is scored again: within 0.15 of the strong answer? wrong_1 again: gained nothing? the next item's
   answers: unchanged?
4. the candidate confirms wrong_1 truthfully; wrong_2 is scored: is the known misconception flagged (a certain
   flag, "you marked this as wrong")? and the correct answers: no certain flag?
Also printed: certain machine flags on correct answers before any learning (target 0), unsure verdicts per answer
kind, the rule flags by kind of reason on correct and on wrong answers, and machine-vs-truth agreement per verdict.

`bench/tune/review/` is the tuning set (thresholds were chosen on it); `bench/heldout/review/` is never tuned on.
Run alone on the machine: `.venv/bin/python -m bench.review_loop [--set DIR] [--accept X --wrong Y]`."""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import tempfile
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import ROOT
from interviewer.app import App
from interviewer.app.review import confirm_answer
from interviewer.core.review import Verdict
from interviewer.core.score import ScoreResult, point_id
from interviewer.ingest.pipeline import ingest
from interviewer.scoring.keypoints import KeyPoint
from interviewer.scoring.learned import LearnedThresholds
from interviewer.scoring.scorer import infer_level
from interviewer.scoring.verdicts import MARKED_WRONG, RESEMBLES_WRONG
from interviewer.settings import Settings

SETS = {"tune": ROOT / "bench" / "tune" / "review", "heldout": ROOT / "bench" / "heldout" / "review"}
CORRECT = ("strong", "paraphrase_1", "paraphrase_2")


def _reason_kind(reason: str) -> str:
    """The kind of rule behind a flag: its first words, numbers and quoted terms taken out."""
    inner = re.search(r"\((.*)\)", reason)
    text = inner.group(1) if inner else reason
    return re.sub(r"\b(of|and)\b.*", "", text.split(";")[0]).strip()


class Bench:
    def __init__(self, folder: Path, thresholds: LearnedThresholds) -> None:
        self.folder = folder
        self.items = [json.loads(line) for line in (folder / "items.jsonl").read_text().splitlines() if line.strip()]
        home = Path(tempfile.mkdtemp(prefix="review-bench-"))
        os.environ["INTERVIEWER_HOME"] = str(home)
        self.app = App(Settings.from_env({**os.environ, "INTERVIEWER_LLM": "fake", "INTERVIEWER_PHRASE": "0"}))
        notes = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt") and p.name != "README.md")
        ingest([str(p) for p in notes], self.app.store, 10**9)
        self.app.scorer.learned_thresholds = thresholds
        self.clock = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def points(self, item: dict[str, Any]) -> list[KeyPoint]:
        return [KeyPoint(fact, item["note"], "", "") for fact in item["facts"]]

    def score(self, item: dict[str, Any], label: str) -> ScoreResult:
        question = item["question"]
        return self.app.scorer.score(
            question, item["answers"][label]["text"], kind="deep-dive", level=infer_level(question),
            points=self.points(item),
        )  # fmt: skip

    def confirm(self, item: dict[str, Any], label: str) -> None:
        truth = item["answers"][label]["verdicts"]
        verdicts = {point_id(fact): Verdict(v) for fact, v in zip(item["facts"], truth, strict=True)}
        self.clock += timedelta(days=1)
        # The same use case the CLI and the web use; the bench scores with the item's points, so it passes them.
        points = self.points(item)
        original = self.app.scorer.score
        self.app.scorer.score = lambda q, a, **kw: original(q, a, **{**kw, "points": points})  # type: ignore[method-assign]
        try:
            confirm_answer(self.app, item["question"], item["answers"][label]["text"], verdicts, self.clock,
                           kind="deep-dive", level=infer_level(item["question"]))  # fmt: skip
        finally:
            del self.app.scorer.score


def certain_flags(result: ScoreResult) -> int:
    return len(result.contradictions)


def marked_wrong(result: ScoreResult) -> tuple[bool, bool]:
    """Whether the answer repeats a marked mistake for certain, and whether it is flagged as possibly repeating it."""
    certain = any(c["edit"].startswith(MARKED_WRONG) for c in result.contradictions)
    unsure = any(c.verdict == "unsure" and c.reason.startswith(RESEMBLES_WRONG) for c in result.claims)
    return certain, certain or unsure


def run(folder: Path, thresholds: LearnedThresholds) -> None:
    bench = Bench(folder, thresholds)
    items = bench.items
    print(f"set: {folder.relative_to(ROOT)} ({len(items)} items)")
    before = {(it["qid"], label): bench.score(it, label) for it in items for label in it["answers"]}
    # Before any learning: what the machine says on its own.
    flags_on_correct = sum(certain_flags(before[(it["qid"], lab)]) for it in items for lab in CORRECT)
    print(f"certain machine flags on correct answers, before learning: {flags_on_correct} (target 0)")
    unsure: dict[str, list[int]] = defaultdict(list)
    rule_flags: dict[str, Counter[str]] = {"correct": Counter(), "wrong": Counter()}
    agree: dict[str, list[bool]] = defaultdict(list)
    for it in items:
        for label, answer in it["answers"].items():
            result = before[(it["qid"], label)]
            unsure[label].append(sum(not p.sure for p in result.points))
            side = "correct" if label in CORRECT else "wrong"
            for claim in result.claims:
                if claim.verdict == "unsure" and "wrong way round" in claim.reason:
                    rule_flags[side][_reason_kind(claim.reason)] += 1
            for point, truth in zip(result.points, answer["verdicts"], strict=True):
                key = point.verdict if point.sure else "unsure"
                agree[key].append(point.verdict == truth)
    print("unsure points per answer (mean): " + ", ".join(f"{k} {statistics.fmean(v):.2f}" for k, v in unsure.items()))
    for side, counts in rule_flags.items():
        print(f"rule flags (unsure) on {side} answers: {sum(counts.values())} {dict(counts.most_common())}")
    print(
        "machine verdict agrees with the truth: "
        + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(agree.items()))
    )
    base_gap = [abs(before[(i["qid"], "paraphrase_2")].total - before[(i["qid"], "strong")].total) for i in items]
    print(f"before learning: paraphrase_2 within 0.15 of strong: {sum(g <= 0.15 for g in base_gap)}/{len(items)}")

    within: list[bool] = []
    wrong_gain: list[float] = []
    leaks: list[float] = []
    flagged: list[tuple[bool, bool]] = []
    alarms = Counter[str]()
    for index, it in enumerate(items):
        qid = it["qid"]
        bench.confirm(it, "paraphrase_1")
        strong, second = bench.score(it, "strong"), bench.score(it, "paraphrase_2")
        within.append(abs(second.total - strong.total) <= 0.15)
        wrong_gain.append(bench.score(it, "wrong_1").total - before[(qid, "wrong_1")].total)
        if index + 1 < len(items):
            other = items[index + 1]
            leaks.extend(
                abs(bench.score(other, lab).total - before[(other["qid"], lab)].total) for lab in other["answers"]
            )
        bench.confirm(it, "wrong_1")
        flagged.append(marked_wrong(bench.score(it, "wrong_2")))
        for lab in CORRECT:
            result = bench.score(it, lab)
            alarms["certain"] += certain_flags(result)
            alarms["unsure"] += marked_wrong(result)[1]
        print(
            f"  {qid}: strong {strong.total:.2f}, paraphrase_2 {before[(qid, 'paraphrase_2')].total:.2f} -> "
            f"{second.total:.2f}, wrong_1 {before[(qid, 'wrong_1')].total:.2f} -> {wrong_gain[-1]:+.2f}, "
            f"wrong_2 flagged {flagged[-1][1]} (certain {flagged[-1][0]})"
        )
    n = len(items)
    near = sum(within)
    print(f"after one confirmation: paraphrase_2 within 0.15 of strong: {near}/{n} = {near / n:.3f} (>= 0.8)")
    gain = statistics.fmean(wrong_gain)
    print(f"fluent wrong answers' mean change: {gain:+.3f} (<= 0.02), max {max(wrong_gain):+.3f}")
    print(f"other items' answers: max change {max(leaks, default=0.0):.3f} over {len(leaks)} answers (0)")
    said = sum(f[1] for f in flagged)
    print(
        f"confirmed misconception flagged when said again: {said}/{n} = {said / n:.3f} (>= 0.9); "
        f"as certain: {sum(f[0] for f in flagged)}/{n}"
    )
    print(
        f"correct answers of the same items flagged after learning: certain {alarms['certain']} (0), "
        f"'looks like what you marked wrong' {alarms['unsure']} of {3 * n}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), action="append")
    parser.add_argument("--accept", type=float, default=LearnedThresholds().accept)
    parser.add_argument("--resembles", type=float, default=LearnedThresholds().resembles)
    parser.add_argument("--margin", type=float, default=LearnedThresholds().margin)
    args = parser.parse_args()
    thresholds = LearnedThresholds(accept=args.accept, resembles=args.resembles, margin=args.margin)
    for name in args.set or ["tune", "heldout"]:
        print(f"\n== {name}: {'thresholds chosen here' if name == 'tune' else 'never tuned on'} ==")
        run(SETS[name], thresholds)


if __name__ == "__main__":
    main()
