"""The one seam between the app and a model: what the app calls. langchain-core's chat models provide it (llama.cpp
in a child process, an OpenAI-compatible server, the recording fake), and mypy checks each against it."""

from __future__ import annotations

from typing import Any, Protocol

from langchain_core.messages import BaseMessage

__all__ = ["ChatModel"]


class ChatModel(Protocol):
    """A model that replies to a list of messages (or a string); generation settings come as keyword arguments
    (max_tokens, temperature, stop, response_format)."""

    def invoke(self, input: Any, config: Any = None, *, stop: list[str] | None = None, **kwargs: Any) -> BaseMessage:
        """The model's reply."""
        ...
