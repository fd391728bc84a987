"""The composition root: builds every adapter from the settings, lazily, in one place."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

from interviewer.core.review import DueItem
from interviewer.errors import ModelNotFoundError
from interviewer.interview.engine import Interviewer
from interviewer.interview.phrasing import QuestionPhraser
from interviewer.interview.templates import load_templates
from interviewer.learning.checkins import CheckInStore
from interviewer.learning.items import due_items, schedule_items
from interviewer.llm.cpu import BufferChoice, choose_extra_buffers, read_cpu_flags
from interviewer.llm.locate import resolve_model_path
from interviewer.llm.seam import ChatModel
from interviewer.scoring.judge import Judge, load_calibration
from interviewer.scoring.learned import PointMemory
from interviewer.scoring.rubric import load_rubrics
from interviewer.scoring.scorer import Scorer
from interviewer.settings import Settings
from interviewer.storage.confirmations import ConfirmationStore
from interviewer.storage.embeddings import Embedder, FakeEmbedder, MiniLMEmbedder
from interviewer.storage.persistence import SessionRepository
from interviewer.storage.readings import ReadingStore
from interviewer.storage.store import NoteStore, open_chroma_client

__all__ = ["App"]


class App:
    """Holds the settings and the adapters built from them; nothing is loaded until first used."""

    def __init__(
        self, settings: Settings, chat_model: ChatModel | None = None, embedder: Embedder | None = None
    ) -> None:
        self.settings = settings
        if chat_model is not None:
            self.__dict__["chat_model"] = chat_model
        if embedder is not None:
            self.__dict__["embedder"] = embedder

    @cached_property
    def embedder(self) -> Embedder:
        """The sentence embedder chosen by the settings (the real one is imported only when chosen)."""
        if self.settings.embedder == "fake":
            return FakeEmbedder()
        return MiniLMEmbedder(n_threads=self.settings.n_threads)

    @cached_property
    def store(self) -> NoteStore:
        """The notes store: embedded under INTERVIEWER_HOME, or a Chroma server."""
        client = open_chroma_client(self.settings.store_dir, self.settings.chroma_url)
        return NoteStore(client, self.embedder, self.settings.collection, server_url=self.settings.chroma_url)

    @cached_property
    def chat_model(self) -> ChatModel:
        """The chat model chosen by the settings: llama.cpp on a GGUF file, an OpenAI-compatible server, or a
        fake that echoes."""
        if self.settings.llm_backend == "fake":
            from interviewer.llm.fake import RecordingChatModel

            return RecordingChatModel(default_reply="What is the main idea of this note?")
        if self.settings.llm_backend == "openai":
            from pydantic import SecretStr

            from interviewer.llm.openai_compat import OpenAICompatChatModel

            key = self.settings.llm_api_key
            return OpenAICompatChatModel(
                base_url=str(self.settings.llm_url),
                model=self.settings.llm_model,
                api_key=SecretStr(key) if key else None,
                read_timeout=float(self.settings.llm_timeout),
            )
        from interviewer.llm.supervised import SupervisedChatModel

        self.settings.home.mkdir(parents=True, exist_ok=True)
        return SupervisedChatModel(
            model_path=self.model_path,
            n_threads=self.settings.n_threads,
            n_ctx=self.settings.n_ctx,
            extra_buffers=self.buffer_choice.enabled,
            log_path=self.settings.home / "model.log",
        )

    @cached_property
    def buffer_choice(self) -> BufferChoice:
        """Whether llama.cpp loads with its extra buffer types on this CPU (off where its AMX path crashes)."""
        return choose_extra_buffers(read_cpu_flags(), self.settings.extra_buffers)

    def close(self) -> None:
        """Stop what runs beside the app (the model's process), if it was started."""
        close = getattr(self.__dict__.get("chat_model"), "close", None)
        if callable(close):
            close()

    def model_notices(self) -> list[str]:
        """One-line notices from the model since the last call (it crashed and restarts, or was given up)."""
        take = getattr(self.chat_model, "take_notices", None) if "chat_model" in self.__dict__ else None
        return list(take()) if take is not None else []

    @property
    def model_id(self) -> str:
        """What calibration results are stored under: the model file's name and size, the served model's name
        (or the server's URL when no name is set), or the backend."""
        if self.settings.llm_backend == "openai":
            return f"openai:{self.settings.llm_model or self.settings.llm_url}"
        if self.settings.llm_backend != "llama":
            return self.settings.llm_backend
        try:
            path = self.model_path
        except ModelNotFoundError:  # scoring works without a model: no calibration is found for this id
            return f"{self.settings.model_path}:0"
        return f"{path.name}:{path.stat().st_size}"

    @cached_property
    def model_path(self) -> Path:
        """The GGUF file the llama backend runs (a packaged model is assembled and verified here, once)."""
        return resolve_model_path(self.settings.model_path, self.settings.models_dir)

    @property
    def calibration_path(self) -> Path:
        """Where `interviewer calibrate` stores each model's judge weight."""
        return self.settings.home / "calibration.json"

    @cached_property
    def scorer(self) -> Scorer:
        """The answer scorer over the notes store, with the rubrics from prompts/ and, when this model
        earned a weight in calibration, its judgement."""
        calibration = load_calibration(self.calibration_path, self.model_id)
        weight = calibration.weight if calibration is not None else 0.0
        judge = Judge(self.chat_model) if weight > 0 else None
        memory = PointMemory(self.confirmations.latest())  # what this candidate confirmed, for this user only
        return Scorer(self.embedder, self.store, load_rubrics(), judge=judge, judge_weight=weight, memory=memory)

    @cached_property
    def confirmations(self) -> ConfirmationStore:
        """The candidate's confirmed verdicts per key point (kept in the sessions file)."""
        return ConfirmationStore(self.settings.sessions_db)

    @cached_property
    def readings(self) -> ReadingStore:
        """The candidate's corrections of how case notes are read (kept in the sessions file)."""
        return ReadingStore(self.settings.sessions_db)

    @cached_property
    def checkins(self) -> CheckInStore:
        """Readiness check-ins (kept in the sessions file)."""
        return CheckInStore(self.settings.sessions_db)

    @cached_property
    def repo(self) -> SessionRepository:
        """Saved sessions (SQLite under INTERVIEWER_HOME)."""
        return SessionRepository(self.settings.sessions_db)

    @cached_property
    def interviewer(self) -> Interviewer:
        """The interview engine over the notes, the scorer and the saved sessions."""
        phraser = QuestionPhraser(self.chat_model, self.embedder) if self.settings.phrase_questions else None
        return Interviewer(
            self.store,
            self.scorer,
            self.embedder,
            self.repo,
            load_templates(),
            phraser,
            prefetch=self.settings.prefetch,
            due_items=self.due_items,
            resting_items=self.resting_items,
            readings=self.readings.latest,
        )

    def resting_items(self) -> frozenset[str]:
        """The card keys of items answered before and not due yet: new questions go first."""
        now = datetime.now(UTC)
        schedules = schedule_items(self.repo.answered(), self.confirmations.by_turn(), self.repo.answer_seconds())
        return frozenset(s.key for s in schedules if s.due > now)

    def due_items(self) -> list[DueItem]:
        """The items due for review now, most overdue first, graded by what the candidate confirmed."""
        now = datetime.now(UTC)
        schedules = due_items(self.repo.answered(), self.confirmations.by_turn(), now, self.repo.answer_seconds())
        return [DueItem(s.question, s.learned) for s in schedules]
