"""Issue 22, items 4 and 5: the topic menu shows topics that differ only in case once (choosing it asks from
both), and text typed into the topic box is matched to a topic or refused with a one-line message."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.errors import BadInputError
from interviewer.ingest.pipeline import ingest
from interviewer.ui.handlers import CHOSEN_FOR_ME, WEAKEST_FIRST, InterviewHandlers
from interviewer.ui.notes import topic_rows
from interviewer.ui.topics import match_topic, merged_topics
from tests.helpers import ask, ui_app

MENU = [CHOSEN_FOR_ME, WEAKEST_FIRST, "Gradient Boosting", "Linear Regression", "Logistic Regression", "SQL Joins"]


@pytest.mark.parametrize(
    ("typed", "chosen"),
    [
        ("", None),  # an empty box: the interviewer chooses
        ("  ", None),
        ("gradient boosting", "Gradient Boosting"),  # the whole name, any case
        ("GRAD", "Gradient Boosting"),  # the start of a name
        ("joins", "SQL Joins"),  # a part of a name
        ("linear  regression", "Linear Regression"),  # spaces as typed
        ("weakest", WEAKEST_FIRST),  # the menu's own entries match too
    ],
)
def test_typed_text_names_one_menu_entry(typed: str, chosen: str | None) -> None:
    assert match_topic(typed, MENU) == chosen


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("quantum", "no topic matches “quantum”: pick one from the list, or clear the box to let the interviewer "
                    "choose"),
        ("regression", "topic “regression” matches 2 topics (“Linear Regression”, “Logistic Regression”): pick one "
                       "from the list"),
    ],
)  # fmt: skip
def test_typed_text_that_names_no_topic_or_several_is_a_one_line_error(typed: str, message: str) -> None:
    with pytest.raises(BadInputError) as caught:
        match_topic(typed, MENU)
    assert str(caught.value) == message


def test_topics_that_differ_only_in_case_are_one_under_their_commoner_spelling() -> None:
    topics = [("Gradient boosting", 3), ("Linear regression", 2), ("Gradient Boosting", 9), ("Linear Regression", 2)]
    assert merged_topics(topics) == [("Gradient Boosting", 12), ("Linear Regression", 4)]


@pytest.fixture
def app(interviewer_home: Path, tmp_path: Path) -> App:
    """Two files on one subject whose titles differ only in case, and one on another subject."""
    notes = tmp_path / "notes"
    notes.mkdir()
    body = "\n\n## How it works\n\nEach new tree {} the residual errors of the trees before it, scaled by a rate.\n"
    (notes / "boosting_a.md").write_text("# Gradient Boosting" + body.format("fits"), encoding="utf-8")
    (notes / "boosting_b.md").write_text("# Gradient boosting" + body.format("is trained on"), encoding="utf-8")
    (notes / "sql.md").write_text(
        "# SQL Joins\n\n## Left join\n\nA left join keeps every row of the left table.\n", encoding="utf-8"
    )
    app = ui_app(interviewer_home, with_notes=False)
    ingest([str(notes)], app.store, 10**7)
    return app


def test_the_menu_lists_case_variants_once_and_choosing_it_asks_from_both(app: App) -> None:
    handlers = InterviewHandlers(app)
    assert {topic for topic, _ in app.store.topics()} == {"Gradient Boosting", "Gradient boosting", "SQL Joins"}
    assert handlers.topic_choices() == [CHOSEN_FOR_ME, WEAKEST_FIRST, "Gradient Boosting", "SQL Joins"]
    assert [row[0] for row in topic_rows(app)] == ["Gradient Boosting", "SQL Joins"]
    session_id = handlers.start("Deep dive", "Gradient Boosting", 4, challenge=False, seed=5).session_id
    files = set()
    for turn in range(1, 5):
        ask(handlers, session_id)
        question = app.repo.load(session_id or "").pending
        if question is None:
            break
        assert question.topic.casefold() == "gradient boosting"
        files |= {Path(source["source"]).name for source in question.sources}
        handlers.answer(session_id, turn, "I'm not sure.")
    assert files == {"boosting_a.md", "boosting_b.md"}


def test_start_matches_typed_text_or_starts_nothing(app: App) -> None:
    handlers = InterviewHandlers(app)
    session_id = handlers.start("Deep dive", "sql", 2, challenge=False, seed=1).session_id
    ask(handlers, session_id)
    question = app.repo.load(session_id or "").pending
    assert question is not None and question.topic == "SQL Joins"
    before = len(app.repo.list())
    with pytest.raises(BadInputError, match="no topic matches “quantum”"):
        handlers.start("Deep dive", "quantum", 2, challenge=False, seed=1)
    assert len(app.repo.list()) == before
