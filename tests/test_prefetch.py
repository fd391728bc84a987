"""Thinking while the candidate answers: the likely next questions are prepared in the background, the real next
question then finds its phrasing ready, and nothing shown or saved differs from a session without preparation."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from interviewer.app import App
from interviewer.core.domain import Kind, Mode, Question
from interviewer.core.session import SessionConfig, SessionState
from interviewer.ingest.pipeline import ingest
from interviewer.interview.prefetch import likely_plans
from interviewer.llm.fake import RecordingChatModel
from interviewer.settings import Settings
from interviewer.storage.embeddings import FakeEmbedder
from tests.conftest import CORPUS


class NoteQuestionModel(RecordingChatModel):
    """Replies with a question made from the note in its prompt: the same prompt always gets the same reply, in
    whatever order prompts arrive (the background and the interview interleave)."""

    family: str = "a"

    @property
    def _llm_type(self) -> str:
        return f"note-question-{self.family}"  # each test model keeps its own phrasing verdict

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self._history.append(list(messages))
        note = str(messages[-1].content).rsplit("Note: ", 1)[-1].split("\n")[0]
        reply = f"Why does {' '.join(note.split()[:5])} matter in practice?"
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=reply))])


def make_app(home: Path, prefetch: bool, family: str) -> App:
    settings = Settings.from_env({"INTERVIEWER_HOME": str(home)}, llm_backend="fake", embedder="fake", n_threads=1)
    model = NoteQuestionModel(family=family)
    app = App(replace(settings, prefetch=prefetch), chat_model=model, embedder=FakeEmbedder())
    ingest([str(CORPUS / "ml")], app.store, 10**8)
    return app


def strong(question: Question) -> str:
    return " ".join(source["text"] for source in question.sources)


def play(app: App, questions: int = 6) -> list[str]:
    session = app.interviewer.start(SessionConfig(kind=Kind.DEEP_DIVE, questions=questions, seed=3))
    shown = []
    while (question := session.next_question()) is not None:
        if session.prefetcher is not None:
            session.prefetcher.join(30)  # a candidate who takes their time: everything likely is prepared
        shown.append(question.text)
        session.answer(strong(question) if len(shown) % 2 else "I'm not sure.")
    return shown


def test_preparation_changes_nothing_shown_and_the_next_phrasing_is_ready(tmp_path: Path) -> None:
    without = make_app(tmp_path / "without", prefetch=False, family="without")
    with_prefetch = make_app(tmp_path / "with", prefetch=True, family="with")
    assert play(with_prefetch) == play(without)
    phraser = with_prefetch.interviewer.phraser
    assert phraser is not None and phraser.accepted > 0
    assert phraser.memo.hits >= 2  # questions shown at once, with the phrasing prepared during the answer
    model = with_prefetch.chat_model
    assert isinstance(model, NoteQuestionModel) and len(model.history) > len(without.chat_model.history)


def test_prepared_questions_are_never_saved_or_shown(tmp_path: Path) -> None:
    app = make_app(tmp_path, prefetch=True, family="saved")
    session = app.interviewer.start(SessionConfig(kind=Kind.DEEP_DIVE, questions=4, seed=1))
    shown = session.next_question()
    assert shown is not None and session.prefetcher is not None
    session.prefetcher.join(30)
    assert session.prefetcher.prepared >= 1 and session.pending == shown
    record = app.repo.load(session.id)
    assert record.pending == shown and list(record.turns) == []


def test_no_model_no_preparation(tmp_path: Path) -> None:
    settings = Settings.from_env({"INTERVIEWER_HOME": str(tmp_path)}, llm_backend="fake", embedder="fake")
    app = App(replace(settings, phrase_questions=False), chat_model=RecordingChatModel(), embedder=FakeEmbedder())
    ingest([str(CORPUS / "ml")], app.store, 10**8)
    assert app.interviewer.start(SessionConfig(kind=Kind.DEEP_DIVE, questions=2)).prefetcher is None


@pytest.mark.parametrize(
    ("mode", "level", "expected"),
    [  # (level, hint) after a middling, a strong and a weak first answer, distinct, in that order
        (Mode.STANDARD, 2, [(1, False), (2, False), (1, True)]),
        (Mode.STANDARD, 5, [(2, False), (3, False), (1, True)]),
        (Mode.CHALLENGE, 3, [(3, False), (4, False)]),
        (Mode.CHALLENGE, 5, [(5, False)]),
    ],
)
def test_the_likely_plans_follow_the_policy_for_each_outcome(mode: Mode, level: int, expected: list[object]) -> None:
    state = SessionState(config=SessionConfig(kind=Kind.DEEP_DIVE, questions=5, seed=0, mode=mode), mode=mode)
    question = Question(turn=1, text="Why?", kind="deep-dive", topic="Trees", level=level)
    plans = [likely.plan for likely in likely_plans(state, question)]
    assert [(plan.level, plan.hint) for plan in plans] == expected
    assert all(plan.turn == 2 and plan.topic == "Trees" and not plan.follow_up for plan in plans)


class SlowModel(NoteQuestionModel):
    """A model still generating when the session ends."""

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        time.sleep(0.3)
        return super()._generate(messages, stop, run_manager, **kwargs)


def test_a_session_that_stops_preparing_leaves_no_generation_running(tmp_path: Path) -> None:
    """A process that exits while the model generates in the background is aborted by the native library (exit 134
    when a piped `interviewer mock` ended on a blank answer): the session stops preparing and waits first."""
    settings = Settings.from_env({"INTERVIEWER_HOME": str(tmp_path)}, llm_backend="fake", embedder="fake", n_threads=1)
    app = App(replace(settings, prefetch=True), chat_model=SlowModel(family="slow"), embedder=FakeEmbedder())
    ingest([str(CORPUS / "ml")], app.store, 10**8)
    session = app.interviewer.start(SessionConfig(kind=Kind.DEEP_DIVE, questions=4, seed=3))
    assert session.next_question() is not None and session.prefetcher is not None
    thread = session.prefetcher._thread
    assert thread is not None and thread.is_alive()  # preparing while the candidate answers
    session.stop_preparing()
    assert not thread.is_alive()
