"""The optional LLM judge and its calibration.

The judge reads the question, the key points and the answer and returns a 1-5 grade as JSON; anything that
does not parse, or is out of range, is discarded. Its weight in the total comes only from `calibrate`: the
blend of judge and evidence that orders the labelled answers best, and zero when the judge adds nothing.
(Measured: the embedded 135M model orders answer pairs worse than chance, so its weight is zero.)"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from langchain_core.messages import HumanMessage

from interviewer.llm.errors import ModelServerError
from interviewer.llm.seam import ChatModel
from interviewer.resources import load_prompt, render
from interviewer.scoring.quality import measure_quality

__all__ = ["Calibration", "Judge", "blend", "calibrate_weight", "load_calibration", "parse_grade", "save_calibration"]

_JSON_OBJECT = re.compile(r"\{[^{}]*\}", re.S)
# A reply cut off inside its reason still starts with its score: the schema puts the score first.
_SCORE_FIRST = re.compile(r'^\s*(?:```(?:json)?\s*)?\{\s*"score"\s*:\s*([1-5])\s*[,}]')
BLEND_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
# The reply's shape, given to llama.cpp (and servers built on it) so it can sample nothing else: an integer grade
# first, then a short reason; the token budget fits the longest reason the schema allows.
GRADE_SCHEMA = {
    "type": "object",
    "properties": {
        "score": {"type": "integer", "enum": [1, 2, 3, 4, 5]},
        "reason": {"type": "string", "maxLength": 200},
    },
    "required": ["score", "reason"],
}
GRADE_FORMAT = {"type": "json_object", "schema": GRADE_SCHEMA}
GRADE_MAX_TOKENS = 120


def parse_grade(reply: str) -> float | None:
    """The 1-5 grade in a judge reply, as 0..1; None when no valid JSON grade is found."""
    for candidate in _JSON_OBJECT.findall(reply):
        try:
            data = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        score = data.get("score") if isinstance(data, dict) else None
        if isinstance(score, int | float) and not isinstance(score, bool) and 1 <= score <= 5:
            return (float(score) - 1) / 4
    cut = _SCORE_FIRST.match(reply)
    return (float(cut.group(1)) - 1) / 4 if cut else None


class Judge:
    """Asks a chat model for a grade; returns None when the reply is unusable."""

    def __init__(self, chat_model: ChatModel, prompts_dir: Path | None = None) -> None:
        self.chat_model = chat_model
        self.template = load_prompt("judge", prompts_dir)

    def grade(self, question: str, key_points: Sequence[str], answer: str) -> float | None:
        """A 0..1 grade of the answer, or None."""
        prompt = render(
            self.template,
            question=_as_data(question),
            reference="\n".join(f"- {_as_data(point)}" for point in key_points) or "- (no notes found)",
            answer=_as_data(answer[:4000]) or "(empty)",
        )
        try:
            reply = self.chat_model.invoke(
                [HumanMessage(content=prompt)],
                max_tokens=GRADE_MAX_TOKENS,
                temperature=0.0,
                response_format=GRADE_FORMAT,
            )
        except ModelServerError:
            return None  # a model server that is down must not cost the candidate the answer: evidence scores it
        return parse_grade(str(reply.content))


def _as_data(text: str) -> str:
    """Text the judge reads as data: no braces (an answer holding '{"score": 5}' must not be echoed back as a
    grade) and no tags (it cannot close the block it sits in)."""
    return text.translate(str.maketrans("{}<>", "()()"))


def blend(evidence_total: float, grade: float | None, weight: float) -> float:
    """The total with the judge's share; the evidence total alone when there is no grade or no weight."""
    if grade is None or weight <= 0:
        return evidence_total
    return (1 - weight) * evidence_total + weight * grade


@dataclass(frozen=True)
class Calibration:
    """How one model did as a judge on the labelled set, and the weight it earned."""

    model: str
    weight: float
    evidence_ladder: float
    evidence_above_wrong: float
    blended_ladder: float
    blended_above_wrong: float
    judge_parse_rate: float
    answers: int


def calibrate_weight(
    rows: Sequence[dict[str, Any]],
    evidence: Sequence[float],
    grades: Sequence[float | None],
    model: str,
) -> Calibration:
    """Pick the blend weight that orders the labelled answers best; ties go to the smaller weight."""

    def figures(weight: float) -> tuple[float, float]:
        totals = [blend(e, g, weight) for e, g in zip(evidence, grades, strict=True)]
        quality = measure_quality(rows, totals)
        return quality.ladder_pairs, quality.above_wrong_pairs

    base = figures(0.0)
    best_weight, best = 0.0, base
    for weight in BLEND_WEIGHTS[1:]:
        current = figures(weight)
        if sum(current) > sum(best) + 1e-9:
            best_weight, best = weight, current
    return Calibration(
        model=model,
        weight=best_weight,
        evidence_ladder=base[0],
        evidence_above_wrong=base[1],
        blended_ladder=best[0],
        blended_above_wrong=best[1],
        judge_parse_rate=sum(g is not None for g in grades) / max(1, len(grades)),
        answers=len(rows),
    )


def save_calibration(path: Path, calibration: Calibration) -> None:
    """Store a model's calibration beside the others (one JSON file, keyed by model)."""
    existing = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    existing[calibration.model] = asdict(calibration)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(existing, indent=2), encoding="utf-8")
    tmp.replace(path)


def load_calibration(path: Path, model: str) -> Calibration | None:
    """The stored calibration of a model, or None when it was never calibrated."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8")).get(model)
        return Calibration(**data) if data else None
    except (json.JSONDecodeError, TypeError, AttributeError):
        return None


Progress = Callable[[int, int], None]
