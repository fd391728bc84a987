"""Items due for review come first (issue 20): their own question, or a harder item of the same note once learned."""

from __future__ import annotations

from dataclasses import replace

from interviewer.core.chunks import Chunk
from interviewer.core.domain import Question, Turn
from interviewer.core.review import DueItem, item_key
from interviewer.core.score import ScoreResult
from interviewer.core.session import Plan, SessionConfig, SessionState
from interviewer.interview.due import DUE_NOTICE, choose_due, own_question
from interviewer.interview.item_bank import ItemBank
from interviewer.interview.items import build_items

NOTE = Chunk(
    chunk_id="c1",
    text=(
        "# Regularisation\n\n"
        "- L1 (lasso) sets some coefficients exactly to zero, so it selects features.\n"
        "- L2 (ridge) shrinks coefficients smoothly and never sets them to zero.\n"
        "- Ridge vs lasso: ridge keeps correlated features together, whereas lasso picks one of them.\n"
    ),
    source="reg.md",
    heading="Regularisation",
    topic="Regularisation",
    chunk_index=0,
    file_hash="h",
)


def asked(
    text: str, level: int = 1, points: tuple[str, ...] = ("L1 (lasso) sets some coefficients to zero.",)
) -> Question:
    source = {"source": "reg.md", "heading": "Regularisation", "chunk_id": "c1", "text": NOTE.text}
    return Question(1, text, "deep-dive", "Regularisation", level, sources=(source,), points=points)


def plan(turn: int = 1, follow_up: bool = False, kind: str = "deep-dive") -> Plan:
    return Plan(turn=turn, kind=kind, level=3, topic=None, follow_up=follow_up, root_turn=turn)


def state(*answered: Question, topic: str | None = None) -> SessionState:
    turns = tuple(Turn(q, "an answer", ScoreResult(0.2, (), (), "deep-dive-1", 0.9)) for q in answered)
    return SessionState(config=SessionConfig(topic=topic), turns=turns)


def test_the_first_due_item_not_yet_asked_comes_first_with_its_own_question_and_a_notice_once() -> None:
    first, second = asked("What does L1 do?"), asked("What does L2 do?", points=("L2 (ridge) shrinks smoothly.",))
    due = [DueItem(first), DueItem(second)]
    choice = choose_due(plan(), state(), due, ItemBank())
    assert choice is not None and choice.due.question == first and choice.harder is None
    question = own_question(plan(turn=1), state(), choice.due)
    assert question.text == "What does L1 do?" and question.points == first.points and question.notice == DUE_NOTICE
    # Once asked in this session, the next due item follows; the notice is not said again.
    after = state(question)
    choice = choose_due(plan(turn=2), after, due, ItemBank())
    assert choice is not None and choice.due.question == second
    assert own_question(plan(turn=2), after, choice.due).notice == ""
    assert choose_due(plan(turn=3), state(question, own_question(plan(2), after, choice.due)), due, ItemBank()) is None


def test_follow_ups_cases_and_other_topics_are_not_replaced_by_due_items() -> None:
    due = [DueItem(asked("What does L1 do?"))]
    assert choose_due(plan(follow_up=True), state(), due, ItemBank()) is None
    assert choose_due(plan(kind="case"), state(), due, ItemBank()) is None
    assert choose_due(plan(), state(topic="SQL"), due, ItemBank()) is None
    assert choose_due(plan(), state(topic="regularisation"), due, ItemBank()) is not None


def test_a_learned_item_is_asked_as_a_harder_item_of_the_same_note() -> None:
    bank = ItemBank()
    bank.refresh([NOTE])
    assert bank.for_chunk("c1"), "the note gives items"
    learned = DueItem(asked("What does L1 do?", level=1), learned=True)
    choice = choose_due(plan(), state(), [learned], bank)
    assert choice is not None and choice.harder is not None
    assert min(lv for lv in choice.harder.levels if lv > 1) > 1 and choice.harder.chunk_id == "c1"
    not_learned = choose_due(plan(), state(), [DueItem(learned.question)], bank)
    assert not_learned is not None and not_learned.harder is None


def test_a_rephrased_question_of_the_same_points_is_the_same_item() -> None:
    assert item_key(asked("What does L1 do?")) == item_key(asked("Explain what lasso does."))
    assert item_key(asked("Q", points=())) != item_key(asked("Other Q", points=()))


def test_a_learned_item_is_never_asked_again_as_an_item_the_bank_refuses() -> None:
    """The harder variant comes from the items a question asks alone: a blank-the-number rule of the same note is
    no harder question (raters passed none), so a note whose only harder item is a rule has no harder variant."""
    rule_only = replace(
        NOTE,
        text="# Regularisation\n\n- Lasso is a penalty that sets some coefficients to zero.\n"
        "- Keep the penalty strength above 0.01 for most data sets.\n",
    )
    bank = ItemBank()
    bank.refresh([rule_only])
    assert any(i.kind == "rule" for i in build_items(rule_only))  # the note gives a rule ...
    assert all(i.kind != "rule" for i in bank.for_chunk("c1"))  # ... that is never asked alone
    learned = DueItem(asked("What is lasso?", level=1), learned=True)
    choice = choose_due(plan(), state(), [learned], bank)
    assert choice is not None and choice.harder is None
