"""Optional model phrasing of questions, accepted only when it passes every check; else the template stands.

Checks: one question, a sensible length, no chatter, on the note's topic (embedding similarity), not a copy
of the note, and not a lower level than asked (a recall question cannot stand in for a design question)."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from interviewer.interview.phrase_memo import PhraseMemo
from interviewer.llm.errors import ModelCrashedError, ModelUnavailableError
from interviewer.llm.seam import ChatModel
from interviewer.resources import load_prompt, render
from interviewer.scoring.scorer import infer_level
from interviewer.scoring.text import content_words
from interviewer.storage.embeddings import Embedder

__all__ = ["LEVEL_NAMES", "PhrasingVerdict", "QuestionPhraser", "forget_verdicts", "validate_question", "verdict_for"]

LEVEL_NAMES = {
    1: "recall a definition or fact",
    2: "explain how and why",
    3: "apply it to a concrete scenario with numbers",
    4: "pitfalls and how to detect them",
    5: "design and trade-offs under a constraint",
}
_PREFIX = re.compile(r"^\s*(\*\*)?(rewritten question|question|q)\s*(\*\*)?\s*[:.\-]\s*(\*\*)?\s*", re.I)
_CHATTER = re.compile(r"^(sure|okay|ok|here|certainly|of course|i |i'm|do you want|would you like|as an ai)\b", re.I)
MIN_CHARS, MAX_CHARS = 25, 300
MIN_TOPIC_SIMILARITY = 0.35
UNAVAILABLE_PAUSE_SECONDS = 30.0
FIRST_TRIES = 3  # a model with no acceptable question in its first three has shown it cannot
TRIES_FOR_RATE, MIN_ACCEPTED_SHARE = 6, 1 / 3  # after six tries, it must keep at least one in three


def _longest_shared_run(a: list[str], b: list[str]) -> int:
    best = 0
    positions: dict[str, list[int]] = {}
    for index, word in enumerate(b):
        positions.setdefault(word, []).append(index)
    for i, word in enumerate(a):
        for j in positions.get(word, []):
            length = 0
            while i + length < len(a) and j + length < len(b) and a[i + length] == b[j + length]:
                length += 1
            best = max(best, length)
    return best


def clean_reply(reply: str) -> str:
    """The question in a model's reply: its first line, without a "Question:" label, quotes or bold marks."""
    line = reply.strip().split("\n")[0].strip()
    return _PREFIX.sub("", line).strip().strip("*").strip().strip('"“”').strip()


def prompt_family(chat_model: Any) -> str:
    """ "chat" for instruct models that follow a system message (and copy worked examples), "completion" for tiny
    models that only follow examples; a model that does not say is treated as tiny."""
    return str(getattr(chat_model, "prompt_family", "completion"))


def validate_question(candidate: str, note: str, level: int, similarity: float) -> str | None:
    """Why a model-written question is rejected, or None when it is acceptable."""
    text = candidate.strip()
    if not MIN_CHARS <= len(text) <= MAX_CHARS:
        return "length"
    if text.count("?") != 1 or not text.endswith("?"):
        return "not exactly one question"
    if _CHATTER.match(text):
        return "chatter"
    if _longest_shared_run(content_words(text), content_words(note)) >= 7:
        return "copies the note"
    if similarity < MIN_TOPIC_SIMILARITY:
        return "off the note's topic"
    if level >= 3 and infer_level(text) < level - 1:
        return "lower level than asked"
    return None


class PhrasingVerdict:
    """How one model has done at phrasing questions in this process: shared by every phraser (every app, every
    session) of that model, so once it has shown it cannot, no later candidate waits for a rejected question."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.accepted = 0
        self.rejections: dict[str, int] = {}

    def record(self, rejection: str | None) -> None:
        """Count one accepted question (None) or one rejection with its reason."""
        with self._lock:
            if rejection is None:
                self.accepted += 1
            else:
                self.rejections[rejection] = self.rejections.get(rejection, 0) + 1

    @property
    def worth_trying(self) -> bool:
        """False once the model has shown it cannot: none accepted in its first tries, or too few later."""
        with self._lock:
            tries = self.accepted + sum(self.rejections.values())
            if self.accepted == 0:
                return tries < FIRST_TRIES
            return tries < TRIES_FOR_RATE or self.accepted >= MIN_ACCEPTED_SHARE * tries


_VERDICTS: dict[str, PhrasingVerdict] = {}
_VERDICTS_LOCK = threading.Lock()


def _model_key(chat_model: Any) -> str:
    # The model's own identity (its GGUF path, or its server's URL and model name), not the Python object:
    # each App builds its own model object for the same model.
    params = getattr(chat_model, "_identifying_params", None)
    kind = getattr(chat_model, "_llm_type", type(chat_model).__qualname__)
    return f"{kind}:{json.dumps(params, sort_keys=True, default=str) if isinstance(params, dict) else ''}"


def verdict_for(chat_model: Any) -> PhrasingVerdict:
    """The process-wide verdict on this model's phrasing."""
    with _VERDICTS_LOCK:
        return _VERDICTS.setdefault(_model_key(chat_model), PhrasingVerdict())


def forget_verdicts() -> None:
    """Start every model's verdict afresh (tests; a process that changes its model keeps its key apart)."""
    with _VERDICTS_LOCK:
        _VERDICTS.clear()


class QuestionPhraser:
    """Asks the chat model for a question about a note and validates it.

    A model server that cannot be reached is not held against the model: the template stands, the server is
    left alone for `pause_seconds` (so a down server does not cost every question its retries), then tried again."""

    def __init__(
        self,
        chat_model: ChatModel,
        embedder: Embedder,
        pause_seconds: float = UNAVAILABLE_PAUSE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.chat_model = chat_model
        self.embedder = embedder
        self.family = prompt_family(chat_model)
        self.template = load_prompt("phrase_question")
        self.system = load_prompt("phrase_question_system")
        self.user = load_prompt("phrase_question_user")
        self.memo = PhraseMemo()
        self.verdict = verdict_for(chat_model)
        self.unavailable = 0
        self.pause_seconds = pause_seconds
        self.clock = clock
        self._paused_until = float("-inf")

    @property
    def accepted(self) -> int:
        """Questions of this model accepted in this process."""
        return self.verdict.accepted

    @property
    def rejections(self) -> dict[str, int]:
        """Questions of this model rejected in this process, by reason."""
        return self.verdict.rejections

    @property
    def worth_trying(self) -> bool:
        """False once this model has shown, in this process, that it cannot phrase (see PhrasingVerdict): a
        model that has not proven it can phrase must not cost the candidate time."""
        return self.verdict.worth_trying

    def phrase(self, note: str, level: int, template: str) -> str | None:
        """A validated question about the note at this level, or None (the caller keeps its template).

        The model's question must also be at least as close to the note as the template question is: it
        replaces the template only when it is more about this note, not merely about the same field. A phrasing
        asked for before (for example while the candidate was answering) is not asked again."""
        if not self.worth_trying or self.clock() < self._paused_until:
            return None
        return self.memo.get_or_run((note, level, template), lambda: self._ask(note, level, template))

    def messages(self, note: str, level: int, template: str) -> list[BaseMessage]:
        """The prompt for this model's family: a chat without examples for instruct models (they copy them), a
        completion with two worked examples for tiny ones (they follow nothing else)."""
        note = " ".join(note.split())[:700]
        if self.family == "chat":
            user = render(self.user, note=note, level_name=LEVEL_NAMES[level], plain_question=template)
            return [SystemMessage(content=render(self.system)), HumanMessage(content=user)]
        return [HumanMessage(content=render(self.template, note=note, level_name=LEVEL_NAMES[level]))]

    def _ask(self, note: str, level: int, template: str) -> tuple[str | None, bool]:
        """Ask the model; (the accepted question or None, whether the model gave a verdict worth remembering)."""
        try:
            reply = self.chat_model.invoke(
                self.messages(note, level, template), max_tokens=80, stop=["\n\n", "Note:", "Notes:"]
            )
        except ModelCrashedError:  # the model's process died: the template stands, and the next call restarts it
            self.unavailable += 1
            return None, False
        except ModelUnavailableError:  # the server is down or restarting: not the model's fault
            self.unavailable += 1
            self._paused_until = self.clock() + self.pause_seconds
            return None, False
        except Exception:  # a model that fails must not break the interview: the template stands
            self.verdict.record("model error")
            return None, True
        candidate = clean_reply(str(reply.content))
        vectors = self.embedder.embed([candidate or " ", note, template])
        similarity = float(np.dot(vectors[0], vectors[1]))
        if " ".join(candidate.lower().split()) == " ".join(template.lower().split()):
            return None, True  # the model kept the question as it was: nothing gained, nothing held against it
        reason = validate_question(candidate, note, level, similarity)
        if reason is None and similarity < float(np.dot(vectors[2], vectors[1])):
            reason = "less about the note than the template"
        self.verdict.record(reason)
        return (candidate if reason is None else None), True
