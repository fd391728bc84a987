"""Rubrics as files: one TOML file per question kind and level (deep dive) or stage (case study)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from interviewer.errors import BadInputError
from interviewer.resources import default_prompts_dir

__all__ = ["SIGNALS", "Criterion", "Rubric", "load_rubric", "load_rubrics"]

SIGNALS = ("coverage", "precision", "reasoning", "structure")


@dataclass(frozen=True)
class Criterion:
    """One scored criterion: which evidence signal it reads, its weight, and its level descriptors."""

    name: str
    label: str
    weight: float
    descriptors: tuple[str, ...]

    def descriptor_for(self, score: float) -> str:
        """The descriptor of the band a score falls in."""
        band = min(len(self.descriptors) - 1, int(score * len(self.descriptors)))
        return self.descriptors[band]


@dataclass(frozen=True)
class Rubric:
    """The criteria for one kind of question."""

    kind: str
    level: int | None
    stage: str | None
    title: str
    criteria: tuple[Criterion, ...]

    @property
    def key(self) -> str:
        """'deep-dive-3' or 'case-method'."""
        return f"{self.kind}-{self.level}" if self.kind == "deep-dive" else f"case-{self.stage}"


def load_rubric(path: Path) -> Rubric:
    """Read and check one rubric file; all problems are reported together, naming the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadInputError(f"{path}: not a readable TOML rubric ({exc})") from None
    problems: list[str] = []
    kind = data.get("kind")
    if kind not in ("deep-dive", "case"):
        problems.append("kind must be 'deep-dive' or 'case'")
    level = data.get("level")
    if kind == "deep-dive" and level not in (1, 2, 3, 4, 5):
        problems.append("level must be 1..5")
    criteria = []
    for index, raw in enumerate(data.get("criteria", [])):
        name = raw.get("name")
        if name not in SIGNALS:
            problems.append(f"criteria[{index}].name must be one of {', '.join(SIGNALS)}")
        weight = raw.get("weight")
        if not isinstance(weight, int | float) or not 0 < weight <= 1:
            problems.append(f"criteria[{index}].weight must be a number in (0, 1]")
            weight = 0
        descriptors = tuple(raw.get("descriptors", ()))
        if len(descriptors) < 2 or not all(isinstance(d, str) and d for d in descriptors):
            problems.append(f"criteria[{index}].descriptors must list at least two level descriptions")
        criteria.append(Criterion(str(name), str(raw.get("label", name)), float(weight), descriptors))
    if not criteria:
        problems.append("no [[criteria]]")
    elif abs(sum(c.weight for c in criteria) - 1.0) > 1e-6:
        problems.append(f"criteria weights sum to {sum(c.weight for c in criteria):.3f}, not 1")
    if problems:
        raise BadInputError(f"{path}: " + "; ".join(problems))
    return Rubric(
        kind=str(kind),
        level=int(level) if kind == "deep-dive" and isinstance(level, int) else None,
        stage=str(data.get("stage")) if kind == "case" else None,
        title=str(data.get("title", "")),
        criteria=tuple(criteria),
    )


def load_rubrics(prompts_dir: Path | None = None) -> dict[str, Rubric]:
    """Every rubric in `prompts/rubrics/`, by key ('deep-dive-1' .. 'deep-dive-5', 'case-clarify', ...)."""
    folder = (prompts_dir or default_prompts_dir()) / "rubrics"
    rubrics = [load_rubric(path) for path in sorted(folder.glob("*.toml"))]
    if not rubrics:
        raise BadInputError(f"{folder}: no rubric files found")
    return {rubric.key: rubric for rubric in rubrics}
