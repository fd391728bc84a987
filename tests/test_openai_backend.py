"""The OpenAI-compatible backend on fake servers: what it sends, replies and streams, retries with backoff,
and one-line errors for a server that is down, refuses, or answers with something that is not a completion."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import HumanMessage, SystemMessage

from interviewer.app import App
from interviewer.app.doctor import run_checks
from interviewer.llm.openai_compat import ModelServerError, ModelUnavailableError, OpenAICompatChatModel
from interviewer.settings import Settings
from tests.chroma_server import free_port

URL = "http://127.0.0.1:8080/v1"
Handler = Callable[[httpx.Request], httpx.Response]


def completion(text: str) -> dict[str, Any]:
    return {"choices": [{"index": 0, "message": {"role": "assistant", "content": text}}], "usage": {"total_tokens": 3}}


def sse(*events: str) -> bytes:
    return "".join(f"{event}\n\n" for event in events).encode()


def delta(text: str) -> str:
    return "data: " + json.dumps({"choices": [{"index": 0, "delta": {"content": text}}]})


class FakeServer:
    """Replies from a list of handlers, one per request (the last one repeats); keeps every request."""

    def __init__(self, *handlers: Handler) -> None:
        self.handlers = list(handlers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.handlers[min(len(self.requests), len(self.handlers)) - 1](request)

    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(request.content) for request in self.requests]


def model_on(server: FakeServer, **fields: Any) -> tuple[OpenAICompatChatModel, list[float]]:
    waits: list[float] = []
    model = OpenAICompatChatModel(base_url=URL, transport=httpx.MockTransport(server), sleep=waits.append, **fields)
    return model, waits


def refuse_connection(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno 111] Connection refused", request=request)


def reply(text: str) -> Handler:
    return lambda request: httpx.Response(200, json=completion(text))


# ----- what is sent and what comes back ---------------------------------------------------------------


def test_a_completion_sends_messages_and_settings_and_returns_the_text() -> None:
    server = FakeServer(reply("What is bagging?"))
    model, _ = model_on(server, model="qwen2.5-7b", api_key="secret")
    answer = model.invoke([SystemMessage(content="Be brief."), HumanMessage(content="Ask.")], max_tokens=9, stop=["\n"])
    assert answer.content == "What is bagging?"
    request = server.requests[0]
    assert str(request.url) == f"{URL}/chat/completions" and request.headers["authorization"] == "Bearer secret"
    assert server.bodies() == [
        {
            "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Ask."}],
            "max_tokens": 9,
            "temperature": 0.0,
            "seed": 0,
            "stream": False,
            "stop": ["\n"],
            "model": "qwen2.5-7b",
        }
    ]
    assert "secret" not in repr(model)


def test_without_a_model_name_or_key_neither_is_sent() -> None:
    server = FakeServer(reply("ok"))
    model, _ = model_on(server)
    model.invoke("hi")
    assert "model" not in server.bodies()[0] and "authorization" not in server.requests[0].headers


def test_a_json_schema_is_sent_as_the_response_format_only_when_asked() -> None:
    server = FakeServer(reply('{"score": 4}'))
    model, _ = model_on(server)
    schema = {"type": "json_object", "schema": {"type": "object", "properties": {"score": {"type": "integer"}}}}
    model.invoke("grade", response_format=schema)
    model.invoke("ask")
    first, second = server.bodies()
    assert first["response_format"] == schema and "response_format" not in second


class TokenRecorder(BaseCallbackHandler):
    def __init__(self) -> None:
        self.tokens: list[str] = []

    def on_llm_new_token(self, token: Any, **kwargs: Any) -> None:
        self.tokens.append(token)


def test_streaming_reads_server_sent_events_up_to_done() -> None:
    body = sse(": ping", delta("Why "), "event: message", delta(""), delta("L1?"), "data: [DONE]", delta("late"))
    server = FakeServer(lambda request: httpx.Response(200, content=body))
    model, _ = model_on(server)
    recorder = TokenRecorder()
    pieces = [chunk.content for chunk in model.stream("ask", config={"callbacks": [recorder]})]
    assert "".join(str(piece) for piece in pieces) == "Why L1?"
    # langchain closes every stream with an empty chunk of its own
    assert recorder.tokens == ["Why ", "L1?", ""] and server.bodies()[0]["stream"] is True


def test_with_streaming_set_invoke_streams_too() -> None:
    server = FakeServer(lambda request: httpx.Response(200, content=sse(delta("a"), delta("b"), "data: [DONE]")))
    model, _ = model_on(server, streaming=True)
    recorder = TokenRecorder()
    assert model.invoke("ask", config={"callbacks": [recorder]}).content == "ab"
    assert recorder.tokens == ["a", "b", ""]


# ----- retries and backoff ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [refuse_connection, lambda request: httpx.Response(503, text="loading model")],
    ids=["connection refused", "HTTP 503"],
)
def test_connection_errors_and_5xx_are_retried_with_exponential_backoff(failure: Handler) -> None:
    server = FakeServer(failure, failure, reply("back"))
    model, waits = model_on(server, max_retries=3, backoff_seconds=0.25)
    assert model.invoke("hi").content == "back"
    assert len(server.requests) == 3 and waits == [0.25, 0.5]


def test_a_server_that_stays_down_is_one_line_naming_the_url_and_the_variable() -> None:
    server = FakeServer(refuse_connection)
    model, waits = model_on(server, max_retries=2, backoff_seconds=0.5)
    with pytest.raises(ModelUnavailableError) as error:
        model.invoke("hi")
    assert str(error.value) == (
        f"cannot reach the model server at {URL} ([Errno 111] Connection refused, 3 tries); "
        "is it running? (INTERVIEWER_LLM_URL)"
    )
    assert waits == [0.5, 1.0]


def test_a_server_that_keeps_failing_says_what_it_said() -> None:
    server = FakeServer(lambda request: httpx.Response(503, json={"error": {"message": "Loading model"}}))
    model, _ = model_on(server, max_retries=1)
    with pytest.raises(ModelUnavailableError, match=r"\(HTTP 503: Loading model, 2 tries\); is it running\?"):
        model.invoke("hi")


def test_a_stream_is_retried_while_nothing_has_arrived() -> None:
    server = FakeServer(
        refuse_connection, lambda request: httpx.Response(200, content=sse(delta("ok"), "data: [DONE]"))
    )
    model, waits = model_on(server)
    assert "".join(str(chunk.content) for chunk in model.stream("hi")) == "ok" and len(waits) == 1


# ----- refusals and malformed replies -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (
            404,
            {"error": {"message": "model 'x' not found"}},
            "(HTTP 404: model 'x' not found); check INTERVIEWER_LLM_URL (it usually ends in /v1) and "
            "INTERVIEWER_LLM_MODEL",
        ),
        (401, {"error": "bad key"}, "(HTTP 401: bad key); check INTERVIEWER_LLM_API_KEY"),
        (400, "context\nlength exceeded", "(HTTP 400: context length exceeded)"),
    ],
)
def test_a_refusal_is_not_retried_and_says_why(status: int, body: object, expected: str) -> None:
    content = json.dumps(body) if isinstance(body, dict) else str(body)
    server = FakeServer(lambda request: httpx.Response(status, content=content))
    model, waits = model_on(server)
    with pytest.raises(ModelServerError) as error:
        model.invoke("hi")
    assert str(error.value) == f"the model server at {URL} refused the request {expected}"
    assert len(server.requests) == 1 and waits == []


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"<html>502 Bad Gateway</html>", "not JSON"),
        (b'{"object": "list", "data": []}', "no choices[0].message"),
        (b'{"choices": []}', "no choices[0].message"),
        (b'{"choices": [{"message": {"content": 42}}]}', "message content is not text"),
    ],
)
def test_a_reply_that_is_not_a_completion_is_one_line(content: bytes, why: str) -> None:
    model, _ = model_on(FakeServer(lambda request: httpx.Response(200, content=content)))
    with pytest.raises(ModelServerError) as error:
        model.invoke("hi")
    assert str(error.value) == f"the model server at {URL} sent a reply that is not an OpenAI chat completion ({why})"


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ((delta("a"), "data: {not json"), "not an OpenAI chat completion (a stream event is not JSON: {not json)"),
        ((delta("a"), 'data: {"object": "chunk"}'), "not an OpenAI chat completion (a stream event has no choices)"),
        ((delta("a"), 'data: {"error": {"message": "out of memory"}}'), "failed mid-reply (out of memory)"),
    ],
)
def test_a_broken_stream_is_one_line(events: tuple[str, ...], message: str) -> None:
    model, _ = model_on(FakeServer(lambda request: httpx.Response(200, content=sse(*events))))
    with pytest.raises(ModelServerError) as error:
        list(model.stream("hi"))
    assert str(error.value).startswith(f"the model server at {URL} ") and str(error.value).endswith(message)


class DropsAfterFirstEvent(httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        yield sse(delta("partial"))
        raise httpx.ReadError("connection reset by peer")


def test_a_connection_dropped_mid_stream_is_an_error_not_a_silent_half_answer() -> None:
    model, _ = model_on(FakeServer(lambda request: httpx.Response(200, stream=DropsAfterFirstEvent())))
    with pytest.raises(ModelServerError, match="dropped the connection mid-reply"):
        list(model.stream("hi"))


def test_a_silent_server_times_out_with_the_setting_to_raise() -> None:
    def silent(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    model, waits = model_on(FakeServer(silent), read_timeout=7)
    with pytest.raises(ModelServerError, match=r"sent nothing for 7 s \(raise INTERVIEWER_LLM_TIMEOUT"):
        model.invoke("hi")
    assert waits == []


# ----- real sockets on 127.0.0.1 ----------------------------------------------------------------------


class _CompletionHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        asked = json.loads(self.rfile.read(length))["messages"][-1]["content"]
        body = json.dumps(completion(f"echo: {asked}")).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output quiet
        pass


@pytest.fixture
def loopback_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CompletionHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_a_real_local_server_answers_and_proxy_variables_are_ignored(
    loopback_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://10.255.255.1:3128")  # would be blocked (and is never used)
    monkeypatch.setenv("ALL_PROXY", "http://10.255.255.1:3128")
    model = OpenAICompatChatModel(base_url=loopback_server)
    try:
        assert model.invoke("ping").content == "echo: ping"
    finally:
        model.close()


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_a_real_port_with_nothing_listening_is_unavailable() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    model = OpenAICompatChatModel(base_url=url, max_retries=1, sleep=lambda seconds: None)
    with pytest.raises(ModelUnavailableError, match=rf"^cannot reach the model server at {url} \("):
        model.invoke("ping")


# ----- wiring: settings -> app -> doctor --------------------------------------------------------------


def openai_settings(home: Path, **extra: str) -> Settings:
    env = {"INTERVIEWER_HOME": str(home), "INTERVIEWER_LLM": "openai", "INTERVIEWER_LLM_URL": URL, **extra}
    return Settings.from_env(env, embedder="fake", n_threads=1)


def test_the_app_builds_the_server_backend_from_the_settings(interviewer_home: Path) -> None:
    app = App(openai_settings(interviewer_home, INTERVIEWER_LLM_MODEL="qwen", INTERVIEWER_LLM_API_KEY="k"))
    model = app.chat_model
    assert isinstance(model, OpenAICompatChatModel)
    assert (model.base_url, model.model, model.api_key and model.api_key.get_secret_value()) == (URL, "qwen", "k")
    assert app.model_id == "openai:qwen"
    assert App(openai_settings(interviewer_home)).model_id == f"openai:{URL}"


def test_doctor_names_the_server_and_reports_it_down_in_one_line(interviewer_home: Path) -> None:
    settings = openai_settings(interviewer_home)
    up, _ = model_on(FakeServer(reply("Hello")))
    check = run_checks(App(settings, chat_model=up))[0]
    assert check.ok and check.detail.startswith(f"model server at {URL}: replied 'Hello'")
    down, _ = model_on(FakeServer(refuse_connection))
    check = run_checks(App(settings, chat_model=down))[0]
    assert not check.ok and check.detail.startswith(f"cannot reach the model server at {URL}")


def test_doctor_says_where_prompts_go_when_the_server_is_another_machine(interviewer_home: Path) -> None:
    settings = openai_settings(interviewer_home, INTERVIEWER_LLM_URL="http://gpu-box.lan:8000/v1")
    model, _ = model_on(FakeServer(reply("Hi")))
    check = run_checks(App(settings, chat_model=model))[0]
    assert "are sent to gpu-box.lan" in check.detail
