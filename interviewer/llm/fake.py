"""The fake chat model: the `fake` backend (INTERVIEWER_LLM=fake) and the tests' recording fake are this one class.

Replies come from a queue of canned replies (then `default_reply`); every list of messages it received is kept in
`history`, so a test checks both what was sent and what came back."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import PrivateAttr

__all__ = ["RecordingChatModel"]


class RecordingChatModel(BaseChatModel):
    """A fake chat model: replies come from a queue; every prompt it received is kept in `history`."""

    default_reply: str = ""
    _queue: list[str] = PrivateAttr(default_factory=list)
    _history: list[list[BaseMessage]] = PrivateAttr(default_factory=list)
    _settings: list[dict[str, Any]] = PrivateAttr(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "recording-fake"

    def enqueue(self, replies: list[str]) -> None:
        """Queue canned replies, returned in order; when empty, `default_reply` is returned."""
        self._queue.extend(replies)

    @property
    def history(self) -> list[list[BaseMessage]]:
        """Every list of messages this model was called with, oldest first."""
        return self._history

    @property
    def settings_history(self) -> list[dict[str, Any]]:
        """The generation settings of every call (max_tokens, stop, response_format, ...), oldest first."""
        return self._settings

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self._history.append(list(messages))
        self._settings.append({**kwargs, "stop": stop})
        reply = self._queue.pop(0) if self._queue else self.default_reply
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=reply))])
