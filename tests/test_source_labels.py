"""Issue 22, item 9: a source label is cut at a word boundary with an ellipsis, never mid-word ("When it's ok"
for "When it's okay not to do it?"), and the sessions-per-week axis has evenly spaced whole-number ticks."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from interviewer.core.domain import Question, Turn
from interviewer.core.score import CriterionScore, ScoreResult
from interviewer.ingest.pipeline import ingest
from interviewer.reports.svg_charts import bar_chart, count_ticks
from interviewer.reports.transcript import build_markdown
from interviewer.ui.cards import question_message, score_card
from tests.helpers import ui_app

LONG_QUESTION = "When do we need to perform feature normalization for linear models? When it's okay not to do it?"
NOTE = f"""# Linear models

**{LONG_QUESTION}**

Normalise features when the model is regularised or trained by gradient descent: the penalty and the step size
treat every coefficient alike. Plain least squares without a penalty gives the same predictions either way.
"""


@pytest.fixture
def sources(interviewer_home: Path, tmp_path: Path) -> tuple[dict[str, str], ...]:
    """The sources of a question asked from a Q&A note whose question is long, as ingest stores them."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "linear_models_qa.md").write_text(NOTE, encoding="utf-8")
    app = ui_app(interviewer_home, with_notes=False)
    ingest([str(tmp_path / "notes")], app.store, 10**7)
    hit = app.store.search("feature normalization for linear models", k=1)[0]
    chunk = hit.chunk
    return ({"source": chunk.source, "heading": chunk.heading, "chunk_id": chunk.chunk_id, "text": chunk.text},)


def test_a_long_question_heading_is_labelled_at_a_word_boundary(sources: tuple[dict[str, str], ...]) -> None:
    question = Question(turn=1, text=LONG_QUESTION, kind="deep-dive", topic="Linear models", level=2, sources=sources)
    shown = str(question_message(question)["content"]).rsplit("\n\n", 1)[1]
    assert (
        shown == "From your notes: `linear_models_qa.md › When do we need to perform feature normalization for linear…`"
    )
    missing = ScoreResult(
        0.2, (CriterionScore("coverage", "Coverage", 0.2, 1.0, "", (), ({**sources[0], "text": "Normalise."},)),), (),
        "r", 0.9,
    )  # fmt: skip
    folded = str(score_card(Turn(question, "No idea.", missing))[1]["content"])
    assert folded.endswith("› Linear models > When do we need to perform feature normalization for linear…`)")
    transcript = build_markdown("S", "2026-12-01T09:00:00", "deep-dive", "standard", [Turn(question, "x", missing)])
    cited = re.findall(r"^\*\*Sources:\*\* (.+)$", transcript, re.M)
    assert cited and cited[0].endswith("> Linear models > When do we need to perform feature normalization for linear…")
    assert not re.search(r"When it's ok(?!ay)", transcript)


@pytest.mark.parametrize(
    ("largest", "ticks"),
    [
        (0, [0, 1, 2]),
        (2, [0, 1, 2, 3]),  # was 0, 2, 3
        (3, [0, 1, 2, 3, 4]),
        (7, [0, 2, 4, 6, 8, 10]),
        (13, [0, 5, 10, 15, 20]),
        (40, [0, 10, 20, 30, 40, 50]),
    ],
)
def test_count_ticks_are_whole_numbers_evenly_spaced_above_the_tallest_bar(largest: int, ticks: list[int]) -> None:
    assert count_ticks(largest) == ticks


def test_the_sessions_per_week_axis_reads_0_1_2_3_evenly_spaced() -> None:
    svg = bar_chart("Sessions per week", ["11-24", "12-01"], [2.0, 1.0])
    marks = re.findall(r'<text x="\d+" y="([\d.]+)" text-anchor="end" fill="#555">([^<]+)</text>', svg)
    assert [label for _, label in marks] == ["0", "1", "2", "3"]
    ys = [float(y) for y, _ in marks]
    gaps = [a - b for a, b in itertools.pairwise(ys)]
    assert max(gaps) - min(gaps) < 0.2  # evenly spaced (to the 0.1 px the SVG is written in)
