"""A note's comparison table gives hard questions (issue 21): a row's situation, and which of the table's options
to pick under it, scored on what the table says of that option and of another. All notes here are made up."""

from __future__ import annotations

from pathlib import Path

from interviewer.app import App
from interviewer.core.chunks import Chunk
from interviewer.core.domain import Mode
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest
from interviewer.interview.table_choices import table_choices
from tests.helpers import make_app

BY_OPTION = """Imputation, compared:

| method | what | pick when | downside |
|---|---|---|---|
| Mean imputation | column mean | a quick baseline for a handful of gaps | shrinks variance and hides the gaps |
| Multiple imputation | several fills | you need honest standard errors | slow, and the model must be right |
| Missing indicator | a flag column | missingness itself predicts the label | leaks if the flag is set later |
"""

BY_NEED = """| need | pick |
|---|---|
| explain the drivers of the tail to a regulator | linear quantile regression |
| the best pinball loss with many features | gradient-boosted quantiles |
| a hard coverage promise | conformal on top of either |
| my default these days | gradient-boosted quantiles |
"""


def chunk(text: str, topic: str = "Missing data") -> Chunk:
    return Chunk("c1", text, "notes/missing.md", f"{topic} > Methods", topic, 0, "h")


def test_a_row_of_a_table_by_option_asks_which_option_its_situation_calls_for() -> None:
    items = table_choices(chunk(BY_OPTION))
    assert len(items) == 3 and all(i.kind == "decision" and i.levels == (5,) for i in items)
    first = items[0]
    assert first.question.startswith("Your situation: a quick baseline for a handful of gaps. Which would you pick:")
    assert "Mean imputation, Multiple imputation or Missing indicator?" in first.question
    assert first.points[0] == "Mean imputation: a quick baseline for a handful of gaps."
    assert first.points[1] == "Mean imputation costs you this: shrinks variance and hides the gaps."
    assert first.points[2].startswith("Multiple imputation instead when:")  # another option, for the contrast
    assert set(first.point_chunks) == {"c1"}


def test_a_table_from_need_to_pick_asks_its_needs_and_names_only_options_a_question_can_say() -> None:
    items = table_choices(chunk(BY_NEED, "Quantile regression"))
    asked = [i.question for i in items]
    assert len(items) == 2  # "conformal on top of either" names no option; "my default" is the note-taker's
    assert asked[0].startswith("Your situation: explain the drivers of the tail to a regulator.")
    assert all("linear quantile regression or gradient-boosted quantiles?" in q for q in asked)


def test_a_table_of_figures_or_with_one_option_gives_no_question() -> None:
    figures = "| rho | variance kept |\n|---|---|\n| 0.5 | 75% |\n| 0.7 | 51% |\n"
    single = "| method | pick when |\n|---|---|\n| Ridge | many small effects |\n"
    assert table_choices(chunk(figures)) == [] and table_choices(chunk(single)) == []


def test_a_challenge_session_asks_one_row_of_a_table_and_keeps_its_level(interviewer_home: Path) -> None:
    notes = interviewer_home / "notes"
    notes.mkdir(parents=True)
    (notes / "missing.md").write_text("# Missing data\n\n## Methods\n\n" + BY_OPTION, encoding="utf-8")
    app: App = make_app(interviewer_home)
    ingest([str(notes)], app.store, 10**8)
    session = app.interviewer.start(SessionConfig(mode=Mode.CHALLENGE, questions=6, seed=0))
    asked = []
    while (question := session.next_question()) is not None:
        asked.append(question)
        session.answer(" ".join(question.points) or "I would check the notes.")
    tabled = [q for q in asked if q.item_kind == "decision" and q.text.startswith("Your situation:")]
    assert len(tabled) == 1 and tabled[0].level == 5  # the next row would ask the same choice again
