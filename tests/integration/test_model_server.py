"""Serving the model. The OpenAI-compatible backend against a real llama.cpp server (`python -m llama_cpp.server`)
running the embedded model on 127.0.0.1: doctor, completions and streams work, a short interview runs through
it, and a session survives the server being killed and restarted without losing an answer. And the in-process
backend: the phraser's and the judge's prompts taking turns each keep their cached prefix, with the same text."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from langchain_core.messages import HumanMessage

from interviewer.app import App
from interviewer.app.doctor import run_checks
from interviewer.core.domain import Kind
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest
from interviewer.interview.live import LiveSession
from interviewer.interview.phrasing import LEVEL_NAMES, PhrasingVerdict
from interviewer.llm.llama import LlamaChatModel
from interviewer.llm.locate import embedded_model_path
from interviewer.llm.openai_compat import OpenAICompatChatModel
from interviewer.resources import load_prompt, render
from interviewer.settings import Settings
from tests.chroma_server import free_port, on_loopback_server, wait_until_serving
from tests.conftest import CORPUS

pytestmark = on_loopback_server
STARTUP_SECONDS = 120
# llama_cpp.server, loading its model with the extra-buffer choice for this CPU (its AMX path crashes otherwise).
SERVE_WITH_BUFFER_CHOICE = (
    "import runpy; from interviewer.llm.llama import extra_buffer_types\n"
    "with extra_buffer_types(None): runpy.run_module('llama_cpp.server', run_name='__main__', alter_sys=True)"
)


@dataclass
class LlamaServer:
    """A llama-cpp-python server process on a loopback port, with the embedded model."""

    port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The base URL to give INTERVIEWER_LLM_URL."""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> None:
        """Start the server and wait until it lists its model."""
        command = [sys.executable, "-c", SERVE_WITH_BUFFER_CHOICE, "--model", str(embedded_model_path())]
        command += ["--host", "127.0.0.1", "--port", str(self.port), "--n_threads", "1", "--n_ctx", "2048"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        if wait_until_serving(self.process, f"{self.url}/models", STARTUP_SECONDS):
            return
        self.kill()
        tail = self.log.read_text(encoding="utf-8", errors="replace")[-2000:]
        pytest.fail(f"llama_cpp.server did not come up on {self.url} within {STARTUP_SECONDS} s:\n{tail}")

    def kill(self) -> None:
        """SIGKILL: the server disappears mid-session, as in a crash."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=30)
            self.process = None


@pytest.fixture
def llama_server(tmp_path: Path) -> Iterator[LlamaServer]:
    server = LlamaServer(port=free_port(), log=tmp_path / "llama-server.log")
    server.start()
    yield server
    server.kill()


@pytest.fixture
def server_app(llama_server: LlamaServer, tmp_path: Path) -> Iterator[App]:
    """The app on the real embedder and an embedded store with part of corpus/, its model on the server."""
    env = {
        "INTERVIEWER_HOME": str(tmp_path / "home"),
        "INTERVIEWER_LLM": "openai",
        "INTERVIEWER_LLM_URL": llama_server.url,
    }
    app = App(Settings.from_env(env, n_threads=1))
    report = ingest([str(CORPUS / "ml")], app.store, 10**8)
    assert report.files > 0 and report.skipped == []
    yield app
    model = app.chat_model
    assert isinstance(model, OpenAICompatChatModel)
    model.close()


def _model_calls(app: App) -> int:
    """Model calls of the phraser that got an answer from the server (accepted or not)."""
    phraser = app.interviewer.phraser
    assert phraser is not None
    return phraser.accepted + sum(count for reason, count in phraser.rejections.items() if reason != "model error")


class _AlwaysWorthTrying(PhrasingVerdict):
    """A verdict that keeps the model being asked, whatever it replies."""

    @property
    def worth_trying(self) -> bool:
        return True


def _answer_next(session: LiveSession, weak: bool = False) -> bool:
    question = session.next_question()
    if question is None:
        return False
    session.answer("I am not sure." if weak else " ".join(source["text"] for source in question.sources))
    return True


def test_doctor_completion_and_stream_on_a_real_server(server_app: App, llama_server: LlamaServer) -> None:
    model_check = run_checks(server_app)[0]
    assert model_check.ok and model_check.detail.startswith(f"model server at {llama_server.url}: replied")
    prompt = [HumanMessage(content="Name one classification metric.")]
    assert str(server_app.chat_model.invoke(prompt, max_tokens=12).content).strip()
    pieces = [str(chunk.content) for chunk in server_app.chat_model.stream(prompt, max_tokens=12)]
    assert len([piece for piece in pieces if piece]) > 1 and "".join(pieces).strip()


def test_a_short_interview_runs_through_the_server(server_app: App) -> None:
    session = server_app.interviewer.start(SessionConfig(kind=Kind.DEEP_DIVE, questions=3, seed=4))
    while _answer_next(session):
        pass
    assert session.finished and len(session.state.turns) == 3
    phraser = server_app.interviewer.phraser
    assert phraser is not None and phraser.unavailable == 0 and "model error" not in phraser.rejections
    assert _model_calls(server_app) >= 1


def test_a_session_survives_the_server_being_killed_and_restarted(server_app: App, llama_server: LlamaServer) -> None:
    engine = server_app.interviewer
    assert engine.phraser is not None
    engine.phraser.pause_seconds = 0  # ask the server again as soon as it is back
    # This test is about the server going away, not about whether the tiny model phrases well enough to keep being
    # asked: its replies vary from run to run, and three rejections in a row would stop the phraser asking at all.
    engine.phraser.verdict = _AlwaysWorthTrying()
    engine.prefetch = False  # a question prepared in the background could reach the server after the count below
    session = engine.start(SessionConfig(kind=Kind.DEEP_DIVE, questions=8, seed=2))
    assert _answer_next(session) and _answer_next(session)
    calls_before = _model_calls(server_app)

    llama_server.kill()
    # The templates stand in while the server is away; a question the notes ask in their own words (a card) is
    # not phrased at all, so go on until one the model would have phrased has been asked.
    asked_while_away = 0
    # Weak answers: the session steps down to single statements, which the model phrases (the questions that combine
    # notes, asked after strong answers, never are).
    while engine.phraser.unavailable == 0 and asked_while_away < 4 and _answer_next(session, weak=True):
        asked_while_away += 1
    assert engine.phraser.unavailable >= 1 and _model_calls(server_app) == calls_before

    llama_server.start()
    while _answer_next(session, weak=True):
        pass
    assert _model_calls(server_app) > calls_before  # the server is used again once it is back
    saved = server_app.repo.load(session.id)
    assert len(session.state.turns) == 8 and session.finished
    assert [turn.answer for turn in saved.turns] == [turn.answer for turn in session.state.turns]


def test_phrasing_and_judging_in_turn_each_reuse_their_cached_prefix() -> None:
    notes = [
        "Bagging averages many trees trained on bootstrap samples; it lowers variance but not bias.",
        "A p-value is the probability of data at least as extreme as observed, assuming the null is true.",
    ]
    phrase, judge = load_prompt("phrase_question"), load_prompt("judge")
    prompts = []
    for note in notes:  # the order of a turn with a calibrated judge: phrase a question, then grade the answer
        prompts.append(render(phrase, note=note, level_name=LEVEL_NAMES[2]))
        prompts.append(render(judge, question="What does this note say?", reference=f"- {note}", answer=note[:40]))

    def ask(model: LlamaChatModel, prompt: str) -> str:
        return str(model.invoke([HumanMessage(content=prompt)], max_tokens=12).content)

    def fresh(prompt: str) -> str:
        model = LlamaChatModel(model_path=embedded_model_path(), n_threads=1)
        try:
            return ask(model, prompt)
        finally:
            model.close()

    shared = LlamaChatModel(model_path=embedded_model_path(), n_threads=1)
    llama = shared.load()
    evaluated: list[int] = []
    decode = llama.eval

    def counting_decode(tokens: list[int]) -> None:
        evaluated.append(len(tokens))
        decode(tokens)

    llama.eval = counting_decode
    replies, prompt_tokens = [], []
    for prompt in prompts:
        evaluated.clear()
        replies.append(ask(shared, prompt))
        prompt_tokens.append(evaluated[0])  # the first decode is the part of the prompt not already cached
    shared.close()
    assert replies == [fresh(prompt) for prompt in prompts]  # restoring a cache changes nothing but the work done
    # Second turn: only the new note, question and answer are decoded, not the instructions and examples.
    assert prompt_tokens[2] < prompt_tokens[0] / 2 and prompt_tokens[3] < prompt_tokens[1] / 2
