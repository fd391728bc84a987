"""`interviewer score` and `interviewer calibrate`: the scoring commands of the CLI."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from interviewer.app import App
from interviewer.core.score import ScoreResult
from interviewer.errors import BadInputError
from interviewer.scoring.scorer import Scorer

__all__ = ["add_score_commands", "format_score"]

EXIT_OK, EXIT_BAD_INPUT = 0, 2
_KINDS = ("deep-dive", "case")
_STAGES = ("clarify", "frame", "data", "method", "evaluation", "experiment", "deployment")


def format_score(result: ScoreResult) -> str:
    """The human-readable score card: total, each criterion with its evidence and what was missing."""
    lines = [f"Score: {result.total:.2f} / 1.00   (rubric {result.rubric}, relevance {result.relevance:.2f})"]
    if result.evasive:
        lines.append("The answer does not say anything about the question, so it earns nothing.")
    for criterion in result.criteria:
        lines.append(
            f"\n{criterion.label}: {criterion.score:.2f} (weight {criterion.weight:.2f}) - {criterion.descriptor}"
        )
        lines.extend(f"  + {item}" for item in criterion.evidence)
        lines.extend(f"  - missing: {m['text']}  ({m['source']} > {m['heading']})" for m in criterion.missing)
    if result.contradictions:
        lines.append("\nStated the wrong way round:")
        lines.extend(
            f"  ! {c['answer']}\n    notes: {c['text']}  ({c['source']}; {c['edit']})" for c in result.contradictions
        )
    if result.judge is not None:
        lines.append(
            f"\nModel judgement: {result.judge['grade']} (weight {result.judge['weight']:.1f}, from calibration)"
        )
    lines.append("\nSources: " + "; ".join(f"{s['source']} > {s['heading']}" for s in result.sources))
    return "\n".join(lines) + "\n"


def _score_one(app: App, row: dict[str, Any]) -> ScoreResult:
    question, answer = row.get("question"), row.get("answer")
    if not isinstance(question, str) or not question.strip():
        raise BadInputError("field 'question' must be a non-empty string")
    if not isinstance(answer, str):
        raise BadInputError("field 'answer' must be a string")
    kind, level, stage = row.get("kind"), row.get("level"), row.get("stage")
    if kind is not None and kind not in _KINDS:
        raise BadInputError(f"field 'kind' must be one of {', '.join(_KINDS)}")
    if level is not None and level not in (1, 2, 3, 4, 5):
        raise BadInputError("field 'level' must be 1..5")
    if stage is not None and stage not in _STAGES:
        raise BadInputError(f"field 'stage' must be one of {', '.join(_STAGES)}")
    return app.scorer.score(question, answer, kind=kind, level=level, stage=stage)


def cmd_score(app: App, args: argparse.Namespace, out: TextIO) -> int:
    if args.batch:
        return _score_batch(app, Path(args.batch), out)
    if args.question is None or args.answer is None:
        raise BadInputError("give --question and --answer, or --batch FILE.jsonl")
    row = {
        "question": args.question,
        "answer": args.answer,
        "kind": args.kind,
        "level": args.level,
        "stage": args.stage,
    }
    result = _score_one(app, row)
    out.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n" if args.json else format_score(result))
    return EXIT_OK


def _score_batch(app: App, path: Path, out: TextIO) -> int:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInputError(f"{path}: cannot read the batch file ({exc})") from None
    failed = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise BadInputError("each line must be a JSON object")
            document: dict[str, Any] = _score_one(app, row).to_json()
        except (json.JSONDecodeError, BadInputError) as exc:
            failed += 1
            message = f"{path}:{number}: {exc}"
            print(f"interviewer: error: {message}", file=sys.stderr)
            document = {"error": message}
        out.write(json.dumps(document, ensure_ascii=False) + "\n")
        out.flush()
    return EXIT_BAD_INPUT if failed else EXIT_OK


def cmd_calibrate(app: App, args: argparse.Namespace, out: TextIO) -> int:
    from interviewer.scoring.judge import Judge, calibrate_weight, save_calibration

    if args.data == "confirmations":  # the candidate's own confirmed answers are the labelled set
        from interviewer.app.review import confirmed_rows

        rows = confirmed_rows(app)
        if not rows:
            raise BadInputError("no confirmed answers yet: confirm some with `interviewer review --session ID`")
    else:
        path = Path(args.data)
        try:
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        except (OSError, json.JSONDecodeError) as exc:
            raise BadInputError(f"{path}: cannot read the labelled set ({exc})") from None
        rows = [row for row in rows if args.split == "all" or row.get("split") == args.split]
        if not rows:
            raise BadInputError(f"{path}: no rows in split {args.split!r}")
    judge = Judge(app.chat_model)
    # Calibration compares the judge with the evidence alone, so the scorer here never blends.
    evidence_scorer = Scorer(app.embedder, app.store, app.scorer.rubrics)
    evidence, grades = [], []
    for index, row in enumerate(rows, start=1):
        result = evidence_scorer.score(
            row["question"], row["answer"], kind=row.get("kind"), level=row.get("level"), stage=row.get("stage")
        )
        evidence.append(result.total)
        grades.append(judge.grade(row["question"], [point["text"] for point in result.key_points], row["answer"]))
        if not args.json and sys.stderr.isatty():
            print(f"\rjudged {index}/{len(rows)}", end="", file=sys.stderr)
    calibration = calibrate_weight(rows, evidence, grades, app.model_id)
    save_calibration(app.calibration_path, calibration)
    if args.json:
        out.write(json.dumps(calibration.__dict__) + "\n")
    else:
        out.write(
            f"model {calibration.model}: judge weight {calibration.weight:.1f} "
            f"(valid JSON grades {calibration.judge_parse_rate:.0%}; ordering of {calibration.answers} answers: "
            f"evidence alone {calibration.evidence_ladder:.3f} / {calibration.evidence_above_wrong:.3f}, "
            f"blended {calibration.blended_ladder:.3f} / {calibration.blended_above_wrong:.3f})\n"
        )
    return EXIT_OK


def add_score_commands(commands: Any) -> None:
    """Register `score` and `calibrate` on the CLI's subparsers."""
    score = commands.add_parser("score", help="score an answer against your notes")
    score.add_argument("--question")
    score.add_argument("--answer")
    score.add_argument(
        "--batch", metavar="FILE.jsonl", help='lines {"question": ..., "answer": ...}; one result per line'
    )
    score.add_argument("--kind", choices=_KINDS)
    score.add_argument("--level", type=int, choices=(1, 2, 3, 4, 5))
    score.add_argument("--stage", choices=_STAGES)
    score.add_argument("--json", action="store_true")
    score.set_defaults(handler=cmd_score)

    default_data = Path(__file__).resolve().parents[2] / "tests" / "data" / "graded_answers.jsonl"
    calibrate = commands.add_parser("calibrate", help="measure the model as a judge and store its weight")
    calibrate.add_argument(
        "--data",
        default=str(default_data),
        help="labelled answers (JSON Lines), or 'confirmations' for the answers you confirmed in reviews",
    )
    calibrate.add_argument("--split", default="tune", help="which split to use: tune, holdout or all")
    calibrate.add_argument("--json", action="store_true")
    calibrate.set_defaults(handler=cmd_calibrate)
