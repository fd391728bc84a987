"""Case-stage scoring on case notes told as stories (issue 21): each stage question of a standard case session is
scored with labelled answers a helper wrote without seeing the rules (strong, partial, fluent_wrong, off_topic, in
the candidate's own words). Prints, per set: the mean total per label, how often each pair is ordered as its labels
are (strong above partial, above fluent-wrong, above off-topic; partial above fluent-wrong), and for strong answers
how many points the machine marks missed while sure (a confident wrong verdict) rather than unsure. Nothing is timed.

`INTERVIEWER_PHRASE=0 .venv/bin/python -m bench.case_scoring --set DIR [--set DIR ...]`, where DIR holds
`answers.jsonl` ({"case": file name, "stage", "label", "answer"}) and its notes (`notes/`, or a NOTES file naming a
folder of bench/heldout/). Sets: bench/tune/case_scoring/hard42 (rules fitted there) and
bench/heldout/case_scoring/hard43 (only reported), each answers file written by a helper who never saw the rules."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from collections import defaultdict
from pathlib import Path

from bench.common import ROOT
from bench.hard_questions import build
from interviewer.core.domain import Kind, Mode, Question
from interviewer.core.session import SessionConfig

PAIRS = (("strong", "partial"), ("strong", "fluent_wrong"), ("strong", "off_topic"), ("partial", "fluent_wrong"))


def stage_questions(app: object, case_file: str) -> dict[str, Question]:
    """The first question of each stage in a standard session on the case note `case_file`."""
    chunks = app.interviewer.chunks()  # type: ignore[attr-defined]
    topic = next((c.topic for c in chunks if Path(c.source).name == case_file and c.kind == "case"), "")
    if not topic:
        return {}
    config = SessionConfig(kind=Kind.CASE, mode=Mode.STANDARD, topic=topic, questions=7, seed=0)
    session = app.interviewer.start(config)  # type: ignore[attr-defined]
    asked: dict[str, Question] = {}
    while (question := session.next_question()) is not None:
        asked.setdefault(question.stage, question)
        session.answer("I don't know.")
    return asked


def notes_of(folder: Path) -> Path:
    """The set's notes: its own notes/ folder, else the folder its NOTES file names (relative to the repository)."""
    own = folder / "notes"
    return own if own.is_dir() else ROOT / (folder / "NOTES").read_text().strip()


def run(folder: Path) -> None:
    rows = [json.loads(line) for line in (folder / "answers.jsonl").read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="bench-case-scoring-") as home:
        app = build(Path(home), [notes_of(folder)])
        questions = {case: stage_questions(app, case) for case in {row["case"] for row in rows}}
        scores: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
        by_label: dict[str, list[float]] = defaultdict(list)
        sure_missed = unsure = points = 0
        for row in rows:
            question = questions.get(row["case"], {}).get(row["stage"])
            if question is None:
                continue
            result = app.interviewer.score(question, row["answer"])
            scores[(row["case"], row["stage"])][row["label"]] = result.total
            by_label[row["label"]].append(result.total)
            if row["label"] == "strong":
                points += len(result.points)
                sure_missed += sum(p.verdict in ("missed", "wrong") and p.sure for p in result.points)
                unsure += sum(not p.sure for p in result.points)
    print(f"== {folder}  ({len(scores)} stage questions, {len(rows)} answers)")
    for label in ("strong", "partial", "fluent_wrong", "off_topic"):
        values = by_label.get(label, [])
        if values:
            print(f"  {label:<13} mean {statistics.mean(values):.2f}  min {min(values):.2f}  max {max(values):.2f}")
    for high, low in PAIRS:
        both = [s for s in scores.values() if high in s and low in s]
        above = sum(s[high] > s[low] for s in both)
        print(f"  {high} above {low}: {above}/{len(both)}")
    print(f"  strong answers' points: {points}; missed or wrong while sure: {sure_missed}; unsure: {unsure}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", dest="sets", action="append", type=Path, required=True)
    args = parser.parse_args()
    for folder in args.sets:
        run(folder)


if __name__ == "__main__":
    main()
