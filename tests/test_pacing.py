"""Challenge mode paces its climb to what the notes hold: a strong candidate is never stepped down because the
level-5 questions were spent early (every fresh round of sessions 12-15: [3, 4, 5, 5, 5, 4, 4, 4])."""

from __future__ import annotations

from pathlib import Path

from interviewer.app import App
from interviewer.core.domain import Mode, Question
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest
from tests.conftest import ROOT
from tests.helpers import make_app


def _perfect(question: Question) -> str:
    """Every point the question is scored on, and what its notes say around them."""
    return " ".join([*question.points, *(source["text"] for source in question.sources)])


def _levels(app: App, seed: int) -> list[int]:
    session = app.interviewer.start(SessionConfig(mode=Mode.CHALLENGE, questions=8, seed=seed))
    levels = []
    while (question := session.next_question()) is not None:
        levels.append(question.level)
        session.answer(_perfect(question))
    return levels


def _app(home: Path, notes: str) -> App:
    app = make_app(home)
    ingest([str(ROOT / "bench" / "heldout" / notes)], app.store, 10**8)
    return app


def test_a_strong_candidate_is_held_at_level_4_until_the_level_5_questions_can_last(tmp_path: Path) -> None:
    # hard67 holds three level-5 questions for eight: the sessions, one after another as a candidate's week, climb
    # when they can last to the end. A later session counts those answered already: they are asked after fresh ones.
    app = _app(tmp_path / "home", "hard67")
    for seed in range(3):
        levels = _levels(app, seed)
        assert levels == sorted(levels) and min(levels[2:]) >= 4 and levels[-1] == 5, (seed, levels)


def test_held_at_level_4_with_none_left_there_the_session_climbs_before_it_falls(tmp_path: Path) -> None:
    # hard64 holds too few hard questions for eight: every one is asked, the level-5 ones after the level-4 ones,
    # before the questions the notes cannot hold at level 4 or above. (Five since round 83: a nearest-neighbour
    # diagnosis built on "always scale before LOF" and a counterfactual's distance formula is no longer asked.)
    app = _app(tmp_path / "home", "hard64")
    levels = _levels(app, 0)
    hard = sum(level >= 4 for level in levels)
    assert levels[: hard + 1] == sorted(levels[: hard + 1]) and hard >= 5 and max(levels[hard + 1 :]) < 4, levels


def test_a_chosen_topic_with_only_easy_questions_left_gets_hard_ones_from_other_notes_said_once(tmp_path: Path) -> None:
    # A trial user's challenge session on "Ridge vs lasso" ran 4 -> 1 -> 1 -> 1 -> 1 on strong answers ("What is 1se,
    # in your own words?") while other notes held hard questions.
    app = _app(tmp_path / "home", "hard70")
    topic = next(c.topic for c in app.interviewer.chunks() if c.topic.startswith("Ridge vs lasso"))
    session = app.interviewer.start(SessionConfig(mode=Mode.CHALLENGE, questions=6, seed=0, topic=topic))
    asked = []
    while (question := session.next_question()) is not None:
        asked.append(question)
        session.answer(_perfect(question))
    assert [q.level for q in asked[:4]] == [4, 4, 4, 4], [(q.level, q.text) for q in asked]
    elsewhere = [q.notice for q in asked if q.notice.startswith("Your notes on Ridge vs lasso")]
    assert len(elsewhere) == 1 and "hold no unasked questions at level 4 or above" in elsewhere[0], elsewhere
