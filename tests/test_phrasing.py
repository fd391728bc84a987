"""Model-phrased questions are checked; anything that fails a check leaves the template in place."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatResult

from interviewer.interview.phrasing import QuestionPhraser, clean_reply, validate_question
from interviewer.llm.errors import ModelUnavailableError
from interviewer.llm.fake import RecordingChatModel
from interviewer.storage.embeddings import MiniLMEmbedder

NOTE = (
    "The central limit theorem says that the mean of n independent, identically distributed random variables "
    "with finite variance is approximately normal when n is large. It justifies t-tests on skewed metrics such "
    "as revenue per user, but it does not apply to distributions with infinite variance."
)
TEMPLATE = "What is the central limit theorem? Define it and state the key facts, as you would to an interviewer."
GOOD_QUESTION = "Why can you run a t-test on revenue per user even though revenue is skewed, and when does that fail?"


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder(n_threads=1)


@pytest.mark.parametrize(
    ("candidate", "reason"),
    [
        ("Why?", "length"),
        ("What is the CLT? And why does it matter for t-tests?", "not exactly one question"),
        ("Sure! What would you like to know about the central limit theorem?", "chatter"),
        (
            "Is the mean of n independent identically distributed random variables with finite variance normal?",
            "copies the note",
        ),
    ],
)
def test_validation_reasons(candidate: str, reason: str) -> None:
    assert validate_question(candidate, NOTE, level=1, similarity=0.9) == reason


def test_a_design_question_cannot_be_replaced_by_a_recall_question() -> None:
    assert validate_question("What is the central limit theorem about?", NOTE, 5, 0.9) == "lower level than asked"


def test_a_question_about_the_field_but_not_the_note_keeps_the_template(embedder: MiniLMEmbedder) -> None:
    model = RecordingChatModel()
    phraser = QuestionPhraser(model, embedder)
    model.enqueue(["What is the difference between a normal distribution and a skewed distribution?"])
    assert phraser.phrase(NOTE, 1, TEMPLATE) is None
    model.enqueue([GOOD_QUESTION])
    assert phraser.phrase(NOTE, 2, TEMPLATE) == GOOD_QUESTION


def test_a_failing_model_never_breaks_the_interview(embedder: MiniLMEmbedder) -> None:
    class Broken(RecordingChatModel):
        def _generate(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
            raise RuntimeError("model crashed")

    phraser = QuestionPhraser(Broken(), embedder)
    assert phraser.phrase(NOTE, 1, TEMPLATE) is None
    assert phraser.rejections == {"model error": 1}


def test_phrasing_stops_when_the_model_has_not_proven_it_can(embedder: MiniLMEmbedder) -> None:
    model = RecordingChatModel(default_reply="Do you want me to ask you a question?")
    phraser = QuestionPhraser(model, embedder)
    for turn in range(8):
        phraser.phrase(NOTE, 1, f"{TEMPLATE} (turn {turn})")
    assert len(model.history) == 3 and not phraser.worth_trying  # none of its first three could be used


def test_a_model_that_phrases_some_keeps_phrasing_until_its_rate_falls(embedder: MiniLMEmbedder) -> None:
    model = RecordingChatModel(default_reply="Do you want me to ask you a question?")
    model.enqueue([GOOD_QUESTION])
    phraser = QuestionPhraser(model, embedder)
    for turn in range(10):
        phraser.phrase(NOTE, 2, f"{TEMPLATE} (turn {turn})")
    assert phraser.accepted == 1 and len(model.history) == 6 and not phraser.worth_trying


def test_the_verdict_lasts_the_process_not_the_session(embedder: MiniLMEmbedder) -> None:
    """Each App builds its own phraser and model object; a model that has shown it cannot phrase is not asked
    again by the next session or app, while another model still gets its chance."""
    first = RecordingChatModel(default_reply="Sure, here is a question for you?")
    for _ in range(3):
        QuestionPhraser(first, embedder).phrase(NOTE, 1, TEMPLATE)  # one phraser per session, say
    same_model = RecordingChatModel(default_reply=GOOD_QUESTION)  # the same model, built again by another app
    later = QuestionPhraser(same_model, embedder)
    assert not later.worth_trying and later.phrase(NOTE, 2, TEMPLATE) is None and same_model.history == []

    class OtherModel(RecordingChatModel):
        @property
        def _llm_type(self) -> str:
            return "another-model"

    other = OtherModel(default_reply=GOOD_QUESTION)
    assert QuestionPhraser(other, embedder).phrase(NOTE, 2, TEMPLATE) == GOOD_QUESTION


def test_a_model_server_that_is_down_keeps_the_template_and_is_retried_after_a_pause(embedder: MiniLMEmbedder) -> None:
    class ServerDownOnce(RecordingChatModel):
        def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
            if not self.history:
                self.history.append(messages)
                raise ModelUnavailableError("cannot reach the model server at http://127.0.0.1:8080/v1")
            return super()._generate(messages, *args, **kwargs)

    now = [100.0]
    model = ServerDownOnce(default_reply=GOOD_QUESTION)
    phraser = QuestionPhraser(model, embedder, pause_seconds=30, clock=lambda: now[0])
    assert phraser.phrase(NOTE, 2, TEMPLATE) is None
    now[0] += 29
    assert phraser.phrase(NOTE, 2, TEMPLATE) is None  # still paused: the down server is not asked again
    assert len(model.history) == 1
    now[0] += 2
    assert phraser.phrase(NOTE, 2, TEMPLATE) == GOOD_QUESTION
    assert (phraser.unavailable, phraser.rejections, phraser.accepted) == (1, {}, 1)


def test_a_phrasing_asked_for_before_is_not_asked_again(embedder: MiniLMEmbedder) -> None:
    model = RecordingChatModel(default_reply="Do you want me to ask you a question?")
    model.enqueue([GOOD_QUESTION])
    phraser = QuestionPhraser(model, embedder)
    assert (NOTE, 2, TEMPLATE) not in phraser.memo
    first = phraser.phrase(NOTE, 2, TEMPLATE)
    assert first == GOOD_QUESTION and (NOTE, 2, TEMPLATE) in phraser.memo
    assert phraser.phrase(NOTE, 2, TEMPLATE) == GOOD_QUESTION and len(model.history) == 1
    assert phraser.phrase(NOTE, 3, TEMPLATE) is None and len(model.history) == 2  # another level is another ask


def test_two_callers_of_one_phrasing_share_one_generation(embedder: MiniLMEmbedder) -> None:
    import threading

    started, release = threading.Event(), threading.Event()

    class SlowModel(RecordingChatModel):
        def _generate(self, *args: Any, **kwargs: Any) -> Any:
            started.set()
            release.wait(10)
            return super()._generate(*args, **kwargs)

    model = SlowModel(default_reply=GOOD_QUESTION)
    phraser = QuestionPhraser(model, embedder)
    results: list[str | None] = []
    background = threading.Thread(target=lambda: results.append(phraser.phrase(NOTE, 2, TEMPLATE)))
    background.start()  # e.g. prepared while the candidate answers
    assert started.wait(10)
    waiting = threading.Thread(target=lambda: results.append(phraser.phrase(NOTE, 2, TEMPLATE)))
    waiting.start()  # the interview needs the same phrasing before it is ready
    release.set()
    background.join(10)
    waiting.join(10)
    assert results == [GOOD_QUESTION, GOOD_QUESTION] and len(model.history) == 1


@pytest.mark.parametrize(
    ("reply", "question"),
    [
        ("Question: How does the lasso pick features?", "How does the lasso pick features?"),
        ("**Rewritten question:** Why does L1 give zeros?\nIt has a corner.", "Why does L1 give zeros?"),
        ('"What is a p-value?"', "What is a p-value?"),
        ("Why is bagging stable?", "Why is bagging stable?"),
    ],
)
def test_labels_quotes_and_later_lines_are_taken_off_a_reply(reply: str, question: str) -> None:
    assert clean_reply(reply) == question


def test_instruct_models_get_a_chat_without_examples_and_tiny_models_the_worked_examples(
    embedder: MiniLMEmbedder,
) -> None:
    class InstructModel(RecordingChatModel):
        prompt_family: str = "chat"

    chat = QuestionPhraser(InstructModel(default_reply=GOOD_QUESTION), embedder).messages(NOTE, 4, TEMPLATE)
    assert [m.type for m in chat] == ["system", "human"]
    assert TEMPLATE in str(chat[1].content) and "pitfalls and how to detect them" in str(chat[1].content)
    assert "Stratified k-fold" not in " ".join(str(m.content) for m in chat)  # no example it could copy
    tiny = QuestionPhraser(RecordingChatModel(), embedder).messages(NOTE, 4, TEMPLATE)
    assert [m.type for m in tiny] == ["human"] and "Stratified k-fold" in str(tiny[0].content)


def test_a_reply_that_only_repeats_the_template_keeps_it_and_is_not_held_against_the_model(
    embedder: MiniLMEmbedder,
) -> None:
    model = RecordingChatModel(default_reply=f"  {GOOD_QUESTION.upper()} ")
    phraser = QuestionPhraser(model, embedder)
    assert phraser.phrase(NOTE, 2, GOOD_QUESTION) is None  # the template stands
    assert len(model.history) == 1 and phraser.rejections == {} and phraser.accepted == 0
