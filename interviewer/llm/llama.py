"""A langchain-core chat model around llama.cpp in this process: lazy load, streaming, one caller per context at a
time. The app runs it inside a supervised child process (`llm/supervised.py`), so a native crash cannot take the app
down; benches and the worker use it directly."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from interviewer.errors import ModelNotFoundError
from interviewer.llm.cpu import choose_extra_buffers, read_cpu_flags
from interviewer.llm.kv_snapshots import CacheSwitcher
from interviewer.llm.locate import prompt_family_of

__all__ = [
    "GenerationDefaults",
    "GgufChatModel",
    "LlamaChatModel",
    "extra_buffer_types",
    "generation_params",
    "llama_system_info",
    "to_llama_messages",
]

_ROLES = {"human": "user", "ai": "assistant", "system": "system", "tool": "tool"}


def to_llama_messages(messages: Sequence[BaseMessage]) -> list[dict[str, str]]:
    """Convert langchain messages to the OpenAI-style dicts llama.cpp's chat templates expect."""
    return [{"role": _ROLES.get(message.type, "user"), "content": str(message.content)} for message in messages]


class GenerationDefaults(Protocol):
    """A model's own generation settings, used where a call does not set them."""

    max_tokens: int
    temperature: float
    seed: int


def generation_params(defaults: GenerationDefaults, stop: list[str] | None, kwargs: dict[str, Any]) -> dict[str, Any]:
    """llama.cpp's generation parameters for one call: the call's own, else the model's defaults. A
    `response_format` ({"type": "json_object", "schema": ...}) makes llama.cpp sample only JSON of that schema."""
    params = {
        "max_tokens": kwargs.get("max_tokens", defaults.max_tokens),
        "temperature": kwargs.get("temperature", defaults.temperature),
        "seed": kwargs.get("seed", defaults.seed),
        "stop": stop or kwargs.get("stop") or [],
    }
    if kwargs.get("response_format"):
        params["response_format"] = kwargs["response_format"]
    return params


def llama_system_info() -> str:
    """The CPU features llama.cpp was built with and uses (e.g. "AVX2 = 1 | AMX_INT8 = 0 | ...")."""
    import llama_cpp

    return " ".join(llama_cpp.llama_print_system_info().decode("utf-8", "replace").split())


@contextlib.contextmanager
def extra_buffer_types(extra_buffers: bool | None) -> Iterator[None]:
    """Models loaded inside load with or without llama.cpp's extra buffer types; None: as this CPU needs (off with
    AMX). llama-cpp-python 0.3.36 has no argument for it: `Llama.__init__` takes its model parameters from
    `llama_model_default_params`, so that call is wrapped."""
    if extra_buffers is None:
        extra_buffers = choose_extra_buffers(read_cpu_flags()).enabled
    import llama_cpp.llama as llama_module

    if extra_buffers:
        yield
        return
    library = llama_module.llama_cpp
    default = library.llama_model_default_params

    def without_extra_buffers() -> Any:
        params = default()
        params.use_extra_bufts = False
        return params

    library.llama_model_default_params = without_extra_buffers
    try:
        yield
    finally:
        library.llama_model_default_params = default


class GgufChatModel(BaseChatModel):
    """A chat model over a local GGUF file: its settings, identity and prompt family, and langchain's invoke and
    stream on top of `complete` (which subclasses implement: in this process, or in a supervised child)."""

    model_path: Path
    n_threads: int = 2
    n_ctx: int = 2048
    max_tokens: int = 256
    temperature: float = 0.0
    seed: int = 0
    extra_buffers: bool | None = None  # llama.cpp's repacked-weight and AMX buffers; None: off on AMX (llm/cpu.py)
    streaming: bool = False  # True: invoke() streams too (callbacks see each token); set False, stream() will not

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_path": str(self.model_path), "n_ctx": self.n_ctx, "temperature": self.temperature}

    @property
    def prompt_family(self) -> str:
        """ "chat" for instruct models, "completion" for tiny ones (see llm/locate.py)."""
        return prompt_family_of(self.model_path)

    def complete(self, messages: list[dict[str, str]], params: dict[str, Any]) -> Iterator[str]:
        """Stream the reply to OpenAI-style messages as text pieces."""
        raise NotImplementedError

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = "".join(self.complete(to_llama_messages(messages), generation_params(self, stop, kwargs)))
        message = AIMessage(content=text, response_metadata={"model": str(self.model_path.name)})
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        for delta in self.complete(to_llama_messages(messages), generation_params(self, stop, kwargs)):
            # No on_llm_new_token here: langchain-core 1.x calls it for every chunk we yield.
            yield ChatGenerationChunk(message=AIMessageChunk(content=delta))


class LlamaChatModel(GgufChatModel):
    """Runs a local GGUF file with llama-cpp-python in this process; the model loads on the first call."""

    _llama: Any = PrivateAttr(default=None)
    # llama.cpp contexts are not thread-safe: two callers must never decode in one context at once.
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    # The phraser's and the judge's prompts take turns in one context: each keeps its cached prefix.
    _caches: CacheSwitcher = PrivateAttr(default_factory=CacheSwitcher)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp"

    def load(self) -> Any:
        """Load the model if it is not loaded yet, and return the llama_cpp.Llama object."""
        if self._llama is None:
            from llama_cpp import Llama

            try:
                with extra_buffer_types(self.extra_buffers):
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

    def complete(self, messages: list[dict[str, str]], params: dict[str, Any]) -> Iterator[str]:
        """Stream the reply to OpenAI-style messages as text pieces; the lock is held until the reply ends."""
        with self._lock:
            llama = self.load()
            # The phraser's and the judge's prompts take turns: switch the cache to this prompt's family first.
            self._caches.prepare(llama, "\n".join(message["content"] for message in messages))
            for part in llama.create_chat_completion(messages=messages, stream=True, **params):
                delta = part["choices"][0].get("delta", {}).get("content") or ""
                if delta:
                    yield delta
