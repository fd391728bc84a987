"""Quality figures of a scorer on a labelled set: pairwise orderings, gates and the top band. Pure."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["LADDER", "Quality", "measure_quality"]

LADDER = ("strong", "partial", "weak", "off_topic")
_ABOVE_WRONG = (
    ("strong", "wrong"),
    ("partial", "wrong"),
    ("strong", "different_question"),
    ("partial", "different_question"),
)


@dataclass(frozen=True)
class Quality:
    """The targets of the scoring issue, measured."""

    questions: int
    ladder_pairs: float  # strong > partial > weak > off_topic, share of pairs ordered right
    above_wrong_pairs: float  # strong and partial above wrong and different-question answers
    gated_max: float  # highest score of an off-topic or evasive answer
    gated_share: float  # share of off-topic and evasive answers at most 0.1
    strong_mean: float
    means: dict[str, float]

    def lines(self) -> list[str]:
        """Human-readable figures, one per line."""
        return [
            f"questions: {self.questions}",
            f"pairwise strong > partial > weak > off-topic: {self.ladder_pairs:.3f} (target >= 0.98)",
            f"strong and partial above wrong / different-question: {self.above_wrong_pairs:.3f} (target >= 0.90)",
            f"off-topic and evasive <= 0.1: {self.gated_share:.3f} of answers, "
            f"max {self.gated_max:.3f} (target max <= 0.1)",
            f"strong mean: {self.strong_mean:.3f} (target >= 0.7)",
            "mean by label: " + ", ".join(f"{label} {value:.2f}" for label, value in self.means.items()),
        ]


def measure_quality(rows: Iterable[Mapping[str, object]], scores: Iterable[float]) -> Quality:
    """Figures from labelled rows (`qid`, `label`) and their scores, in the same order."""
    by_question: dict[str, dict[str, float]] = defaultdict(dict)
    by_label: dict[str, list[float]] = defaultdict(list)
    for row, score in zip(rows, scores, strict=True):
        by_question[str(row["qid"])][str(row["label"])] = score
        by_label[str(row["label"])].append(score)
    ladder = [
        answers[high] > answers[low]
        for answers in by_question.values()
        for i, high in enumerate(LADDER)
        for low in LADDER[i + 1 :]
        if high in answers and low in answers
    ]
    above = [
        answers[high] > answers[low]
        for answers in by_question.values()
        for high, low in _ABOVE_WRONG
        if high in answers and low in answers
    ]
    gated = by_label.get("off_topic", []) + by_label.get("evasive", [])
    return Quality(
        questions=len(by_question),
        ladder_pairs=sum(ladder) / len(ladder) if ladder else 0.0,
        above_wrong_pairs=sum(above) / len(above) if above else 0.0,
        gated_max=max(gated, default=0.0),
        gated_share=sum(score <= 0.1 for score in gated) / len(gated) if gated else 1.0,
        strong_mean=statistics.fmean(by_label["strong"]) if by_label.get("strong") else 0.0,
        means={label: round(statistics.fmean(values), 3) for label, values in sorted(by_label.items())},
    )
