"""The interview engine on the sample notes, with the fake embedder and a recording fake model."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from interviewer.app import App
from interviewer.core.domain import CASE_STAGES, Kind, Mode, Question
from interviewer.core.review import item_key
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest
from interviewer.interview.cases import case_facts
from interviewer.interview.live import LiveSession
from interviewer.interview.templates import display_topic
from interviewer.llm.fake import RecordingChatModel
from interviewer.scoring.evidence import OPEN_STAGE
from interviewer.storage.embeddings import Embedder, FakeEmbedder, MiniLMEmbedder
from tests.conftest import CORPUS
from tests.helpers import make_app, strong, weak

Answerer = Callable[[Question], str]


@pytest.fixture
def app(interviewer_home: Path) -> App:
    app = make_app(interviewer_home)
    ingest([str(CORPUS)], app.store, 10**8)
    return app


def run(session: LiveSession, answer: Answerer) -> list[tuple[Question, float]]:
    asked = []
    while (question := session.next_question()) is not None:
        result, _ = session.answer(answer(question))
        asked.append((question, result.total))
    return asked


def start(app: App, **config: object) -> LiveSession:
    return app.interviewer.start(SessionConfig(**config))  # type: ignore[arg-type]


def test_strong_candidate_in_challenge_mode_reaches_design_within_six_and_never_steps_down(app: App) -> None:
    asked = run(start(app, mode=Mode.CHALLENGE, questions=6, seed=1), strong)
    levels = [q.level for q, _ in asked]
    assert 5 in levels
    assert levels == sorted(levels)
    assert all(total >= 0.7 for _, total in asked)


def test_strong_candidate_climbs_more_slowly_in_standard_mode(app: App) -> None:
    standard = [q.level for q, _ in run(start(app, mode=Mode.STANDARD, questions=6, seed=1), strong)]
    challenge = [q.level for q, _ in run(start(app, mode=Mode.CHALLENGE, questions=6, seed=1), strong)]
    assert sum(standard) < sum(challenge) and max(standard) < 5


def test_weak_candidate_in_standard_mode_steps_down_gets_hints_and_never_harder(app: App) -> None:
    asked = run(start(app, mode=Mode.STANDARD, questions=6, seed=2, topic="Gradient Boosting"), weak)
    levels = [q.level for q, _ in asked]
    assert all(level <= 2 for level in levels[1:])
    assert all(q.hint for q, _ in asked[1:])
    assert all(after <= before for before, after in itertools.pairwise(levels))


def test_twenty_questions_without_repeats_each_grounded_in_the_store(app: App) -> None:
    asked = run(start(app, kind=Kind.MIXED, questions=20, seed=3), strong)
    texts = [q.text.split(" Hint: ")[0] for q, _ in asked]
    assert len(asked) == 20 and len(set(texts)) == 20
    vectors = FakeEmbedder().embed(texts)
    similarity = vectors @ vectors.T - np.eye(len(texts))
    assert float(similarity.max()) < 0.9
    stored = {chunk.chunk_id for chunk in app.store.chunks()}
    assert all(q.sources and set(q.chunk_ids) <= stored for q, _ in asked)
    assert {q.kind for q, _ in asked} == {"deep-dive", "case"}


def test_same_seed_notes_and_answers_give_the_same_session(tmp_path: Path) -> None:
    runs = []
    for name in ("a", "b"):
        app = make_app(tmp_path / name)
        ingest([str(CORPUS)], app.store, 10**8)
        asked = run(start(app, kind=Kind.MIXED, questions=8, seed=5), strong)
        runs.append([(q.text, q.level, q.topic, q.chunk_ids, total) for q, total in asked])
    assert runs[0] == runs[1]


def test_case_questions_follow_stages_with_context_and_twists(app: App) -> None:
    asked = run(start(app, kind=Kind.CASE, mode=Mode.CHALLENGE, questions=5, seed=4), strong)
    # Five questions cannot hold seven stages: the case skips evenly and still reaches deployment.
    assert [q.stage for q, _ in asked] == ["clarify", "frame", "method", "evaluation", "deployment"]
    first = asked[0][0]
    # The case opens with its own facts, never with its title pasted in brackets ("Case study (...).").
    case_chunks = [c for c in app.store.chunks() if c.topic == first.topic and c.kind == "case"]
    assert first.text.startswith(case_facts(case_chunks).opening) and len(first.text) > 120
    assert not first.text.startswith("Case study")
    # A twist is a condition said before the stage's question ("Suppose ... . Walk me through ..."), never tacked on.
    twisted = r"(?:^|\. )(?:Suppose|Now assume) ([^.?]+)\. [A-Z]"
    assert any(re.search(twisted, q.text) for q, _ in asked if q.level >= 4)
    assert not any(re.search(r"\b(?:And assume|Answer it assuming)\b", q.text) for q, _ in asked)
    assert not any("Twist:" in q.text for q, _ in asked)  # no interviewer says it
    assert all(q.sources[0]["heading"].startswith(q.topic) for q, _ in asked)


def test_resume_keeps_answered_turns_and_asks_the_pending_question_again(interviewer_home: Path, app: App) -> None:
    session = start(app, questions=5, seed=6)
    for _ in range(2):
        question = session.next_question()
        assert question is not None
        session.answer(strong(question))
    shown = session.next_question()
    restarted = make_app(interviewer_home)  # a new process: nothing in memory survives
    resumed = restarted.interviewer.resume(session.id)
    assert [t.question.turn for t in resumed.state.turns] == [1, 2]
    assert resumed.next_question() == shown
    rest = run(resumed, strong)
    assert [q.turn for q, _ in rest] == [3, 4, 5] and resumed.finished


def test_model_phrasing_is_used_only_when_valid(interviewer_home: Path) -> None:
    model = RecordingChatModel()
    # The real embedder (offline): the on-topic check needs meaning, not shared words.
    app = make_app(interviewer_home, model=model, phrase=True, embedder=MiniLMEmbedder(n_threads=1))
    note = interviewer_home.parent / "penalties.md"
    note.write_text(
        "# Penalties\n\n## Definition\n\n- L1 regularization adds the sum of absolute coefficients to the loss.\n"
        "- L2 regularization adds the sum of squared coefficients to the loss.\n",
        encoding="utf-8",
    )
    ingest([str(note)], app.store, 10**8)
    phrased = "Which penalty term does L1 regularization put on the coefficients?"
    model.enqueue([phrased])
    session = start(app, questions=2, seed=1)
    first = session.next_question()
    assert first is not None and first.text == phrased and first.item_kind == "definition"
    session.answer("fine")
    model.enqueue(["Sure! Do you want me to ask you a question?"])
    second = session.next_question()
    assert second is not None and "Sure" not in second.text and second.text.endswith(("?", "."))
    assert app.interviewer.phraser is not None and app.interviewer.phraser.rejections
    assert "L1" in str(model.history[0][0].content)


def test_unknown_topic_and_empty_store_are_clear_errors(interviewer_home: Path, app: App) -> None:
    from interviewer.errors import BadInputError

    with pytest.raises(BadInputError, match="no topic matches 'astrology'"):
        start(app, topic="astrology")
    empty = make_app(interviewer_home.parent / "empty")
    with pytest.raises(BadInputError, match="no notes indexed yet"):
        start(empty)


def test_priority_topics_are_asked_first_in_order_and_survive_resume(interviewer_home: Path, app: App) -> None:
    topics = sorted({chunk.topic for chunk in app.interviewer.chunks() if chunk.kind == "note"})
    wanted = (topics[5], topics[2], "A topic that is not in the notes")
    session = start(app, questions=6, seed=3, priority_topics=wanted)
    asked = run(session, weak)  # weak answers: no follow-ups, every question is a new one
    assert [q.topic for q, _ in asked][:2] == [topics[5], topics[2]]
    resumed = make_app(interviewer_home).interviewer.resume(session.id)
    assert resumed.state.config.priority_topics == wanted


def test_a_due_deep_dive_topic_never_opens_a_case_study(app: App) -> None:
    """A case "clarify" question was filed under a due deep-dive topic, and dragged that topic's level to 1."""
    notes = sorted({chunk.topic for chunk in app.interviewer.chunks() if chunk.kind == "note"})
    cases = {chunk.topic for chunk in app.interviewer.chunks() if chunk.kind == "case"}
    session = start(app, kind=Kind.MIXED, questions=4, seed=5, priority_topics=(notes[3], notes[6]))
    asked = run(session, weak)
    assert any(q.kind == "case" for q, _ in asked)
    assert all(q.topic in cases for q, _ in asked if q.kind == "case")
    assert [q.topic for q, _ in asked if q.kind != "case"][:2] == [notes[3], notes[6]]


def test_saved_turns_keep_when_each_question_was_asked_and_answered(app: App) -> None:
    session = start(app, questions=2, seed=2)
    run(session, strong)
    record = app.repo.load(session.id)
    assert len(record.timings) == 2 and all(asked <= answered for asked, answered in record.timings if answered)
    answered = app.repo.answered()
    assert [(sid, turn.question.turn) for sid, _, turn in answered] == [(session.id, 1), (session.id, 2)]


def test_deep_dive_questions_come_from_items_and_are_scored_on_their_points(app: App) -> None:
    seen: list[object] = []
    score = app.interviewer.scorer.score

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(kwargs.get("points"))
        return score(*args, **kwargs)  # type: ignore[arg-type]

    app.interviewer.scorer.score = spy  # type: ignore[method-assign]
    asked = run(start(app, questions=8, seed=11), strong)
    new = [q for q, _ in asked if not q.follow_up]
    assert all(q.item_kind and q.points for q in new)
    assert [[p.text for p in points] for points in seen] == [list(q.points) for q, _ in asked]  # type: ignore[attr-defined]
    sections = {c.heading.split(" > ")[-1] for c in app.store.chunks() if " > " in c.heading}
    assert not any(f" in {section}" in q.text for q, _ in asked for section in sections)


def test_a_level_the_notes_cannot_support_is_not_asked_and_said_once(interviewer_home: Path) -> None:
    app = make_app(interviewer_home)
    note = interviewer_home.parent / "glossary.md"
    note.write_text(
        "# Glossary\n\n## Terms\n\n- Recall is the share of actual positives that the model finds.\n"
        "- Precision is the share of predicted positives that are correct.\n"
        "- Specificity is the share of actual negatives that the model rejects.\n",
        encoding="utf-8",
    )
    ingest([str(note)], app.store, 10**8)
    asked = run(start(app, mode=Mode.CHALLENGE, questions=3, seed=1), strong)
    assert all(q.level == 1 and q.item_kind == "definition" for q, _ in asked)
    notices = [q.notice for q, _ in asked if q.notice]
    assert len(notices) == 1 and asked[0][0].notice.startswith("Your notes hold no unasked questions at level")


def test_notes_without_a_case_note_give_a_case_built_from_a_topic_and_say_so(interviewer_home: Path) -> None:
    app = make_app(interviewer_home)
    ingest([str(CORPUS / "ml" / "regularization_l1_l2.md")], app.store, 10**8)
    session = start(app, kind=Kind.CASE, questions=5, seed=2)
    asked = run(session, strong)
    assert [q.kind for q, _ in asked] == ["case"] * 5
    assert asked[0][0].notice.startswith("Your notes on ") and "hold no case study, so this case is built" in (
        asked[0][0].notice
    )
    assert sum(bool(q.notice) for q, _ in asked) == 1
    assert all(q.sources for q, _ in asked)
    # A definition says nothing about clarifying or framing a business problem: those stages are open, scored on
    # how they are approached (and say so); the later stages are scored on the topic's statements.
    assert all(q.points for q, _ in asked if q.stage not in ("clarify", "frame"))
    opened = [turn for turn in session.state.turns if not turn.question.points]
    assert opened and all(turn.question.stage in ("clarify", "frame") for turn in opened)
    assert all(OPEN_STAGE in t.score.adjustments and t.score.criterion("coverage").weight == 0 for t in opened)


def test_case_twists_are_situations_and_never_repeat_within_a_case(app: App) -> None:
    asked = run(start(app, kind=Kind.CASE, mode=Mode.CHALLENGE, questions=7, seed=4, topic="Churn"), strong)
    assert [q.stage for q, _ in asked] == list(CASE_STAGES)
    # The case opens with its own facts and never pastes its title; its later stages follow it.
    case_chunks = [c for c in app.store.chunks() if c.topic == asked[0][0].topic and c.kind == "case"]
    assert asked[0][0].text.startswith(case_facts(case_chunks).opening)
    assert not any(display_topic(q.topic) in q.text for q, _ in asked)
    twists = [
        m.group(1) for q, _ in asked if (m := re.search(r"(?:^|\. )(?:Suppose|Now assume) ([^.?]+)\. [A-Z]", q.text))
    ]
    assert twists and len(set(twists)) == len(twists)
    assert not any("suspect leakage" in twist or "switch to" in twist for twist in twists)


def test_a_question_saved_before_items_still_scores_on_its_sources(app: App) -> None:
    chunk = next(c for c in app.store.chunks() if c.topic == "Gradient Boosting" and " > " in c.heading)
    old = Question(1, "Explain gradient boosting.", "deep-dive", chunk.topic, 2, sources=({**chunk.citation()},))
    result = app.interviewer.score(old, chunk.text)
    assert result.total > 0.5


def test_notes_that_give_no_items_still_interview(interviewer_home: Path) -> None:
    app = make_app(interviewer_home)
    note = interviewer_home.parent / "snippets.md"
    note.write_text(
        "# Snippets\n\n## Loading\n\nread_csv with parse_dates, then set_index on the date column\n\n"
        "## Plotting\n\nseaborn lineplot over the resampled weekly series, hue by region\n",
        encoding="utf-8",
    )
    ingest([str(note)], app.store, 10**8)
    assert app.interviewer.chunks() and not app.interviewer.bank.items
    asked = run(start(app, questions=2, seed=1), strong)
    assert len(asked) == 2 and all(q.text and q.sources and not q.points for q, _ in asked)


def dropout_app(home: Path, embedder: Embedder | None = None) -> App:
    """An app whose only notes are on dropout: two definitions (level 1) and a procedure (level 3)."""
    notes = home.parent / "dropout-notes"
    notes.mkdir(parents=True)
    (notes / "dropout.md").write_text(
        "# Dropout\n\n## Basics\n- Dropout: randomly zeroes activations during training.\n"
        "- Inverted dropout: scales kept activations by 1/(1-p) at train time.\n\n"
        "## How to tune dropout\n- Start with a dropout rate of 0.5 on the widest layer.\n"
        "- Lower the dropout rate when training loss stalls.\n- Check validation loss after each dropout change.\n",
        encoding="utf-8",
    )
    app = make_app(home, embedder=embedder)
    ingest([str(notes)], app.store, 10**8)
    return app


def test_after_a_weak_answer_challenge_mode_does_not_fall_back_to_a_harder_level(interviewer_home: Path) -> None:
    from interviewer.core.domain import Turn
    from interviewer.core.score import ScoreResult
    from interviewer.core.session import Plan, SessionState, apply_turn

    app = dropout_app(interviewer_home)
    app.interviewer.start(SessionConfig(questions=3))
    assert {level for item in app.interviewer.bank.items for level in item.levels} == {1, 3}
    state = SessionState(config=SessionConfig(topic="Dropout", questions=3, seed=1), mode=Mode.CHALLENGE)
    first = Question(turn=1, text="What is dropout?", kind="deep-dive", topic="Dropout", level=2)
    dunno = ScoreResult(total=0.0, criteria=(), sources=(), rubric="deep-dive-2", relevance=0.0, evasive=True)
    state = apply_turn(state, Turn(question=first, answer="I don't know.", score=dunno))
    question = app.interviewer.realise(Plan(2, "deep-dive", 2, "Dropout", root_turn=2), state)
    assert question.level == 1
    strong_state = apply_turn(
        SessionState(config=SessionConfig(topic="Dropout", questions=3, seed=1), mode=Mode.CHALLENGE),
        Turn(question=first, answer="...", score=ScoreResult(1.0, (), (), "deep-dive-2", 1.0)),
    )
    assert app.interviewer.realise(Plan(2, "deep-dive", 2, "Dropout", root_turn=2), strong_state).level == 3


def test_weak_answers_get_the_notes_items_before_any_template(interviewer_home: Path) -> None:
    app = dropout_app(interviewer_home, MiniLMEmbedder(n_threads=1))  # what counts as a repeat is meaning
    asked = run(start(app, mode=Mode.STANDARD, questions=3, seed=1, topic="Dropout"), lambda _: "I don't know.")
    kinds = [question.item_kind for question, _ in asked]
    assert sorted(kinds) == ["definition", "definition", "procedure"], [q.text for q, _ in asked]


def test_a_hard_question_answered_in_an_earlier_session_waits_behind_fresh_ones(app: App) -> None:
    first = run(start(app, mode=Mode.CHALLENGE, questions=6, seed=1), strong)
    hard_before = {item_key(q) for q, _ in first if q.level >= 4}
    resting = app.resting_items()  # every item just answered well is scheduled for later
    assert resting and all(item_key(q) in resting for q, total in first if total >= 0.7 and not q.follow_up)
    engine = app.interviewer
    engine.resting_items = None  # without the schedule, the same session again asks the same hard questions
    again = [q for q, _ in run(start(app, mode=Mode.CHALLENGE, questions=6, seed=1), strong) if q.level >= 4]
    assert sum(item_key(q) in hard_before for q in again) >= 2
    engine.resting_items = lambda: resting
    waited = [q for q, _ in run(start(app, mode=Mode.CHALLENGE, questions=6, seed=1), strong) if q.level >= 4]
    assert sum(item_key(q) in hard_before for q in waited) < sum(item_key(q) in hard_before for q in again)
    assert len(waited) >= len(again)  # waiting costs the hard end no level


def test_a_follow_up_never_puts_its_question_again_word_for_word(app: App) -> None:
    # A trial user got "Take the question again and add what is missing: <the question>" twice in seven turns and read
    # it as the app not listening: where the missing point names nothing to ask about, the interview moves on.
    def partial(question: Question) -> str:
        return " ".join(question.points[:1]) or "I am not sure."

    asked = [q for seed in range(6) for q, _ in run(start(app, mode=Mode.STANDARD, questions=8, seed=seed), partial)]
    roots = {(q.root_turn, q.text) for q in asked if not q.follow_up}
    follow_ups = [q for q in asked if q.follow_up and q.kind == "deep-dive"]
    assert follow_ups  # the partial answers were followed up
    assert not [q.text for q in follow_ups if "Take the question again" in q.text]
    assert not [q.text for q in follow_ups if any(text in q.text for _, text in roots)]


def test_a_level_a_whole_notes_session_falls_back_from_is_said_of_all_the_notes(interviewer_home: Path) -> None:
    """In a session over all the notes, a level it cannot reach is said of all of them ("Your notes on RAG evaluation:
    self-quiz hold no unasked questions at level 5" named one note where none had one left, round 79); on a topic the
    candidate chose, of that topic."""
    from interviewer.core.session import Plan, SessionState

    app = make_app(interviewer_home)
    note = interviewer_home.parent / "glossary.md"
    note.write_text("# Glossary\n\n## Terms\n\n- Recall is the share of actual positives that the model finds.\n")
    ingest([str(note)], app.store, 10**8)
    engine = app.interviewer
    engine.chunks()
    item = next(i for i in engine.bank.items if i.kind == "definition")
    plan = Plan(1, "deep-dive", 5, None)
    everywhere = SessionState(SessionConfig(mode=Mode.CHALLENGE))
    chosen = SessionState(SessionConfig(mode=Mode.CHALLENGE, topic=item.topic))
    whole = engine._question_from_item(plan, everywhere, item, 1, "What is recall?")
    one = engine._question_from_item(plan, chosen, item, 1, "What is recall?")
    assert whole.notice.startswith("Your notes hold no unasked questions at level 5"), whole.notice
    assert one.notice.startswith(f"Your notes on {display_topic(item.topic)} hold no unasked"), one.notice
