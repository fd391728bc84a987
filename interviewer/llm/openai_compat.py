"""A langchain-core chat model for any OpenAI-compatible server (llama.cpp's server, vLLM, Ollama) over httpx.

Connection errors and 5xx replies are retried with exponential backoff; whatever still fails becomes a
one-line `ModelServerError` naming the server's URL. Proxy variables are ignored (`trust_env=False`): a
request goes to the URL the user set and nowhere else."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field, PrivateAttr, SecretStr

from interviewer.llm.errors import ModelServerError, ModelUnavailableError
from interviewer.llm.llama import to_llama_messages

__all__ = ["ModelServerError", "ModelUnavailableError", "OpenAICompatChatModel"]

# Failures where the server never produced a reply (down, restarting, connection dropped): safe to send again.
_RETRYABLE = (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)
_RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


def _one_line(text: object, limit: int = 200) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


class OpenAICompatChatModel(BaseChatModel):
    """Chat completions from an OpenAI-compatible server at `base_url` (e.g. http://127.0.0.1:8080/v1)."""

    base_url: str
    model: str | None = None  # None: not sent; single-model servers (llama.cpp, vLLM) use the one they serve
    api_key: SecretStr | None = None
    max_tokens: int = 256
    temperature: float = 0.0
    seed: int = 0
    streaming: bool = False  # True: invoke() streams too, so callbacks see each token as it arrives
    connect_timeout: float = 5.0
    read_timeout: float = 120.0  # the longest silence allowed while the server reads the prompt or generates
    max_retries: int = 2
    backoff_seconds: float = 0.5  # first wait between tries; doubles on each further try
    transport: httpx.BaseTransport | None = Field(default=None, exclude=True)  # tests pass httpx.MockTransport
    sleep: Callable[[float], None] = Field(default=time.sleep, exclude=True)

    _client: httpx.Client | None = PrivateAttr(default=None)
    _client_lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "openai-compatible"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"base_url": self.base_url, "model": self.model, "temperature": self.temperature}

    @property
    def prompt_family(self) -> str:
        """Served models are instruct models: they get chat prompts without worked examples."""
        return "chat"

    @property
    def client(self) -> httpx.Client:
        """The HTTP client, made on first use and reused (keeps the connection to the server open)."""
        with self._client_lock:
            if self._client is None:
                headers = {"Accept": "application/json"}
                if self.api_key is not None:
                    headers["Authorization"] = f"Bearer {self.api_key.get_secret_value()}"
                self._client = httpx.Client(
                    base_url=self.base_url.rstrip("/") + "/",
                    headers=headers,
                    timeout=httpx.Timeout(self.read_timeout, connect=self.connect_timeout),
                    transport=self.transport,
                    trust_env=False,
                )
            return self._client

    def close(self) -> None:
        """Close the connection pool (a new one is made if the model is used again)."""
        with self._client_lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    # ----- requests --------------------------------------------------------------------------------

    def _payload(
        self, messages: list[BaseMessage], stop: list[str] | None, stream: bool, kwargs: dict[str, Any]
    ) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "messages": to_llama_messages(messages),
            "max_tokens": kwargs.get("max_tokens", self.max_tokens),
            "temperature": kwargs.get("temperature", self.temperature),
            "seed": kwargs.get("seed", self.seed),
            "stream": stream,
        }
        stop = stop or kwargs.get("stop")
        if stop:
            payload["stop"] = list(stop)
        if kwargs.get("response_format"):  # servers built on llama.cpp constrain their sampling to it
            payload["response_format"] = kwargs["response_format"]
        if self.model:
            payload["model"] = self.model
        return payload

    @staticmethod
    def _status(response: httpx.Response) -> str:
        """The status and the server's own error message, e.g. `HTTP 404: model 'x' not found`."""
        try:
            body = response.read().decode("utf-8", "replace")
            detail = json.loads(body).get("error", body) if body.lstrip().startswith("{") else body
        except (json.JSONDecodeError, AttributeError, httpx.HTTPError):
            detail = ""
        if isinstance(detail, dict):
            detail = detail.get("message", detail)
        return f"HTTP {response.status_code}" + (f": {_one_line(detail)}" if detail else "")

    def _refused(self, response: httpx.Response) -> ModelServerError:
        hint = {
            401: "; check INTERVIEWER_LLM_API_KEY",
            403: "; check INTERVIEWER_LLM_API_KEY",
            404: "; check INTERVIEWER_LLM_URL (it usually ends in /v1) and INTERVIEWER_LLM_MODEL",
        }.get(response.status_code, "")
        return ModelServerError(
            f"the model server at {self.base_url} refused the request ({self._status(response)}){hint}"
        )

    def _send(self, payload: dict[str, Any]) -> httpx.Response:
        """POST the request, retrying connection failures and 5xx with backoff; the caller closes the reply."""
        tries = self.max_retries + 1
        problem = ""
        for attempt in range(tries):
            if attempt:
                self.sleep(self.backoff_seconds * 2 ** (attempt - 1))
            request = self.client.build_request("POST", "chat/completions", json=payload)
            try:
                response = self.client.send(request, stream=True)
            except _RETRYABLE as exc:
                problem = _one_line(exc) or type(exc).__name__
                continue
            except httpx.TimeoutException:
                raise self._too_slow() from None
            if response.status_code in _RETRYABLE_STATUS:
                problem = self._status(response)
                response.close()
                continue
            if response.status_code >= 400:
                error = self._refused(response)
                response.close()
                raise error
            return response
        raise ModelUnavailableError(
            f"cannot reach the model server at {self.base_url} ({problem}, {tries} tries); "
            "is it running? (INTERVIEWER_LLM_URL)"
        )

    def _too_slow(self) -> ModelServerError:
        return ModelServerError(
            f"the model server at {self.base_url} sent nothing for {self.read_timeout:.0f} s "
            "(raise INTERVIEWER_LLM_TIMEOUT for a slow model)"
        )

    def _malformed(self, why: str) -> ModelServerError:
        return ModelServerError(
            f"the model server at {self.base_url} sent a reply that is not an OpenAI chat completion ({why})"
        )

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        response = self._send(self._payload(messages, stop, False, kwargs))
        try:
            reply = json.loads(response.read())
            text = reply["choices"][0]["message"].get("content") or ""
        except httpx.TimeoutException:
            raise self._too_slow() from None
        except httpx.HTTPError as exc:
            raise ModelServerError(f"the model server at {self.base_url} dropped the reply ({exc})") from None
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise self._malformed("not JSON") from None
        except (KeyError, IndexError, TypeError, AttributeError):
            raise self._malformed("no choices[0].message") from None
        finally:
            response.close()
        if not isinstance(text, str):
            raise self._malformed("message content is not text")
        metadata = {"usage": reply.get("usage") or {}, "model": reply.get("model") or self.model or ""}
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text, response_metadata=metadata))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        response = self._send(self._payload(messages, stop, True, kwargs))
        try:
            for delta in self._deltas(response.iter_lines()):
                # No on_llm_new_token here: langchain-core 1.x calls it for every chunk we yield.
                yield ChatGenerationChunk(message=AIMessageChunk(content=delta))
        except httpx.TimeoutException:
            raise self._too_slow() from None
        except httpx.HTTPError as exc:
            raise ModelServerError(
                f"the model server at {self.base_url} dropped the connection mid-reply ({_one_line(exc)})"
            ) from None
        finally:
            response.close()

    def _deltas(self, lines: Iterator[str]) -> Iterator[str]:
        """The text pieces of a server-sent event stream of chat completion chunks, up to `data: [DONE]`."""
        for line in lines:
            if not line.startswith("data:"):
                continue  # blank separators, `: ping` comments, event/id/retry fields
            data = line[5:].strip()
            if data == "[DONE]":
                return
            try:
                event = json.loads(data)
            except json.JSONDecodeError:
                raise self._malformed(f"a stream event is not JSON: {_one_line(data, 80)}") from None
            if not isinstance(event, dict):
                raise self._malformed("a stream event is not an object")
            if "error" in event:
                error = event["error"]
                message = error.get("message", error) if isinstance(error, dict) else error
                raise ModelServerError(f"the model server at {self.base_url} failed mid-reply ({_one_line(message)})")
            choices = event.get("choices")
            if not isinstance(choices, list):
                raise self._malformed("a stream event has no choices")
            if not choices:
                continue  # some servers end with a usage-only event
            delta = choices[0].get("delta") if isinstance(choices[0], dict) else None
            content = delta.get("content") if isinstance(delta, dict) else None
            if content:
                yield str(content)
