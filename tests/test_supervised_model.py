"""The supervised model process: a real crash of the child (SIGSEGV at load, mid-reply, a hang) gives one line, the
call fails as "model unavailable", and the next call starts a new child; the app's process lives on."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from langchain_core.messages import HumanMessage

from interviewer.errors import ModelNotFoundError
from interviewer.llm.errors import ModelCrashedError, ModelServerError, ModelUnavailableError
from interviewer.llm.supervised import SupervisedChatModel

FAKE_WORKER = [sys.executable, str(Path(__file__).with_name("fake_worker.py"))]


def supervised(**fields: object) -> SupervisedChatModel:
    return SupervisedChatModel(model_path=Path("/models/m.gguf"), command=FAKE_WORKER, **fields)  # type: ignore[arg-type]


def ask(model: SupervisedChatModel, text: str = "one two three four") -> str:
    return str(model.invoke([HumanMessage(content=text)]).content)


def test_replies_stream_through_the_child_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", "echo")
    model = supervised()
    try:
        assert ask(model) == "one two three four "
        pieces = [str(chunk.content) for chunk in model.stream([HumanMessage(content="a b")])]
        assert [piece for piece in pieces if piece] == ["a ", "b "]
        assert model.system_info.startswith("FAKE = 1")
        assert model.take_notices() == []
    finally:
        model.close()
    assert model.pid is None


def test_a_segfault_mid_reply_is_one_line_and_the_next_call_restarts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", "segv-mid-reply")
    model = supervised()
    try:
        with pytest.raises(ModelCrashedError) as crash:
            ask(model)
        assert str(crash.value) == "the model stopped (SIGSEGV); questions continue from templates while it restarts"
        assert isinstance(crash.value, ModelUnavailableError)  # what the phraser and the judge already handle
        assert model.take_notices() == [str(crash.value)]
        assert model.take_notices() == []
        monkeypatch.setenv("FAKE_WORKER_MODE", "echo")
        assert ask(model, "back again") == "back again "
    finally:
        model.close()


def test_a_model_that_keeps_crashing_is_given_up_without_restarting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", "segv-mid-reply")
    model = supervised(max_crashes=2)
    for _ in range(2):
        with pytest.raises(ModelCrashedError):
            ask(model)
    monkeypatch.setenv("FAKE_WORKER_MODE", "echo")  # would work now, but no new child is started
    with pytest.raises(ModelUnavailableError, match="crashed 2 times in a row"):
        ask(model)
    assert model.pid is None


def test_a_success_resets_the_crash_count(monkeypatch: pytest.MonkeyPatch) -> None:
    model = supervised(max_crashes=2)
    try:
        for mode in ("segv-mid-reply", "echo", "segv-mid-reply", "echo"):
            monkeypatch.setenv("FAKE_WORKER_MODE", mode)
            if mode == "echo":
                assert ask(model, "fine") == "fine "
                model.close()  # the next child starts in the next mode; closing keeps the crash count
            else:
                with pytest.raises(ModelCrashedError):
                    ask(model)
    finally:
        model.close()


def test_a_crash_while_loading_names_the_file_and_models_md(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", "segv-at-load")
    model = supervised()
    with pytest.raises(ModelNotFoundError) as error:
        ask(model)
    message = str(error.value)
    assert message == (
        "/models/m.gguf: llama.cpp crashed while loading this model (SIGSEGV); check the file or choose another "
        "model (see models.md)"
    )
    monkeypatch.setenv("FAKE_WORKER_MODE", "echo")  # a file that crashes at load is not loaded again
    with pytest.raises(ModelNotFoundError, match="crashed while loading"):
        ask(model)


def test_a_load_error_reported_by_the_child_is_passed_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", "error-at-load")
    with pytest.raises(ModelNotFoundError, match=r"^model.gguf: llama.cpp could not load this model \(bad tensor\)"):
        ask(supervised())


def test_a_hung_child_is_killed_after_the_reply_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", "hang")
    model = supervised(reply_timeout=0.5)
    with pytest.raises(ModelCrashedError, match=r"^the model stopped \(no reply for 0.5 s\); questions continue"):
        ask(model)
    assert model.pid is None


def test_an_error_on_one_prompt_keeps_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", "error-reply")
    model = supervised()
    try:
        with pytest.raises(ModelServerError, match="llama_decode returned -1"):
            ask(model)
        pid = model.pid
        with pytest.raises(ModelServerError):
            ask(model)
        assert model.pid == pid is not None
        assert model.take_notices() == []
    finally:
        model.close()


def test_an_abandoned_stream_leaves_the_next_reply_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", "echo")
    model = supervised()
    try:
        stream = model.stream([HumanMessage(content="first reply is long enough")])
        assert str(next(stream).content) == "first "
        stream.close()
        assert ask(model, "second") == "second "
    finally:
        model.close()


def test_generation_parameters_reach_the_child_including_a_json_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", "params")
    schema = {"type": "json_object", "schema": {"type": "object", "properties": {"score": {"type": "integer"}}}}
    model = supervised(max_tokens=99)
    try:
        sent = json.loads(str(model.invoke([HumanMessage(content="x")], stop=["\n"], response_format=schema).content))
        assert sent == {"max_tokens": 99, "response_format": schema, "seed": 0, "stop": ["\n"], "temperature": 0.0}
        plain = json.loads(ask(model))
        assert "response_format" not in plain and plain["max_tokens"] == 99
    finally:
        model.close()
