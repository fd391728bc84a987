"""A langchain-core chat model around llama.cpp: lazy load, streaming, one caller per context at a time."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from interviewer.errors import ModelNotFoundError
from interviewer.llm.kv_snapshots import CacheSwitcher

__all__ = ["LlamaChatModel", "to_llama_messages"]

_ROLES = {"human": "user", "ai": "assistant", "system": "system", "tool": "tool"}


def to_llama_messages(messages: Sequence[BaseMessage]) -> list[dict[str, str]]:
    """Convert langchain messages to the OpenAI-style dicts llama.cpp's chat templates expect."""
    return [{"role": _ROLES.get(message.type, "user"), "content": str(message.content)} for message in messages]


class LlamaChatModel(BaseChatModel):
    """Runs a local GGUF file with llama-cpp-python; the model loads on the first call."""

    model_path: Path
    n_threads: int = 2
    n_ctx: int = 2048
    max_tokens: int = 256
    temperature: float = 0.0
    seed: int = 0
    streaming: bool = False  # True: invoke() streams too (callbacks see each token); set False, stream() will not

    _llama: Any = PrivateAttr(default=None)
    # llama.cpp contexts are not thread-safe: two callers must never decode in one context at once.
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    # The phraser's and the judge's prompts take turns in one context: each keeps its cached prefix.
    _caches: CacheSwitcher = PrivateAttr(default_factory=CacheSwitcher)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_path": str(self.model_path), "n_ctx": self.n_ctx, "temperature": self.temperature}

    def load(self) -> Any:
        """Load the model if it is not loaded yet, and return the llama_cpp.Llama object."""
        if self._llama is None:
            from llama_cpp import Llama

            try:
                self._llama = Llama(
                    model_path=str(self.model_path),
                    n_ctx=self.n_ctx,
                    n_threads=self.n_threads,
                    n_threads_batch=self.n_threads,
                    seed=self.seed,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as exc:
                raise ModelNotFoundError(
                    f"{self.model_path}: llama.cpp could not load this model ({exc}); see models.md"
                ) from None
        return self._llama

    def close(self) -> None:
        """Free the model and its context (it loads again if used again)."""
        with self._lock:
            if self._llama is not None:
                self._llama.close()
                self._llama = None
                self._caches = CacheSwitcher()

    def _ready(self, messages: Sequence[BaseMessage]) -> Any:
        """The loaded model, its cache switched to this prompt's family (call with the lock held)."""
        llama = self.load()
        self._caches.prepare(llama, "\n".join(str(message.content) for message in messages))
        return llama

    def _params(self, stop: list[str] | None, kwargs: dict[str, Any]) -> dict[str, Any]:
        return {
            "max_tokens": kwargs.get("max_tokens", self.max_tokens),
            "temperature": kwargs.get("temperature", self.temperature),
            "seed": kwargs.get("seed", self.seed),
            "stop": stop or kwargs.get("stop") or [],
        }

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        with self._lock:
            llama = self._ready(messages)
            reply = llama.create_chat_completion(messages=to_llama_messages(messages), **self._params(stop, kwargs))
        text = reply["choices"][0]["message"].get("content") or ""
        usage = reply.get("usage", {})
        message = AIMessage(content=text, response_metadata={"usage": usage, "model": str(self.model_path.name)})
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        with self._lock:
            llama = self._ready(messages)
            stream = llama.create_chat_completion(
                messages=to_llama_messages(messages), stream=True, **self._params(stop, kwargs)
            )
            for part in stream:
                delta = part["choices"][0].get("delta", {}).get("content") or ""
                if delta:
                    # No on_llm_new_token here: langchain-core 1.x calls it for every chunk we yield.
                    yield ChatGenerationChunk(message=AIMessageChunk(content=delta))
