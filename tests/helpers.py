"""Helpers shared by test modules: scripted candidates, and apps on the fake backends."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from interviewer.app import App
from interviewer.core.chunks import Chunk
from interviewer.core.domain import CASE_STAGES, Question
from interviewer.core.score import CriterionScore, ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import build_chunks, ingest, read_sections
from interviewer.ingest.sections import note_kind
from interviewer.interview.case_questions import case_draft
from interviewer.interview.templates import load_templates
from interviewer.llm.fake import RecordingChatModel
from interviewer.scoring.rubric import load_rubrics
from interviewer.scoring.scorer import Scorer
from interviewer.settings import Settings
from interviewer.storage.embeddings import Embedder, FakeEmbedder, MiniLMEmbedder
from interviewer.ui.handlers import InterviewHandlers, SessionView
from tests.conftest import CORPUS


def note_kind_of(name: str, text: str) -> str:
    """What ingest reads a note file `notes/<name>` holding `text` as: 'case' or 'note'."""
    sections, _ = read_sections(f"notes/{name}", text.encode())
    return note_kind(f"notes/{name}", sections)


def chunks_of(name: str, text: str) -> list[Chunk]:
    """The chunks a note file `notes/<name>` holding `text` gives, as ingest builds them."""
    sections, _ = read_sections(f"notes/{name}", text.encode())
    return build_chunks(f"notes/{name}", f"/notes/{name}", "h", sections)


def strong(question: Question) -> str:
    """A scripted strong candidate: answers with the text of the question's own sources."""
    return " ".join(source["text"] for source in question.sources)


def weak(question: Question) -> str:
    return "I'm not sure."


def make_app(
    home: Path, model: RecordingChatModel | None = None, phrase: bool = False, embedder: Embedder | None = None
) -> App:
    settings = Settings.from_env({"INTERVIEWER_HOME": str(home)}, llm_backend="fake", embedder="fake", n_threads=1)
    settings = replace(settings, phrase_questions=phrase, prefetch=False)  # tests/test_prefetch.py has it on
    return App(settings, chat_model=model or RecordingChatModel(), embedder=embedder or FakeEmbedder())


def ui_app(home: Path, with_notes: bool = True) -> App:
    """An app for the web handlers: fake backends, no phrasing, corpus/ ingested unless told not to."""
    settings = Settings.from_env({"INTERVIEWER_HOME": str(home)}, llm_backend="fake", embedder="fake", n_threads=1)
    app = App(replace(settings, phrase_questions=False), chat_model=RecordingChatModel())
    if with_notes:
        ingest([str(CORPUS)], app.store, 10**8)
    return app


def ask(handlers: InterviewHandlers, session_id: str | None) -> list[SessionView]:
    """Every view the handler streams while it shows the next question."""
    return list(handlers.next_question(session_id))


def note_scorer(folder: Path, notes: dict[str, str], reference_chunks: int = 3) -> Scorer:
    """A scorer with the real (offline) embedder over a store holding these notes, file name -> text."""
    (folder / "notes").mkdir()
    for name, text in notes.items():
        (folder / "notes" / name).write_text(text, encoding="utf-8")
    settings = Settings.from_env({"INTERVIEWER_HOME": str(folder / "home")}, n_threads=1)
    app = App(settings, embedder=MiniLMEmbedder(n_threads=1))
    ingest([str(folder / "notes")], app.store, 10**7)
    return Scorer(app.embedder, app.store, load_rubrics(), reference_chunks=reference_chunks)


def case_stage_texts(text: str, seed: int, stages: Sequence[str] = CASE_STAGES) -> list[str]:
    """The question of each of `stages` of the case a note's `text` poses, asked in order in one session."""
    sections, _ = read_sections("notes/case.md", text.encode())
    chunks = build_chunks("notes/case.md", "/notes/case.md", "h", sections)
    used: set[str] = set()
    texts = []
    for stage in stages:
        opening = stage == CASE_STAGES[0]
        draft = case_draft(
            stage, chunks[0].topic, chunks, [], None, load_templates(), random.Random(seed), used, opening
        )
        used.add(draft.text)
        texts.append(draft.text)
    return texts


def stage_drafts(chunks: list[Chunk], stages: Sequence[str], seeds: int) -> list[str]:
    """Each of `stages` of the case in `chunks` asked on its own, once per seed: the texts a session could ask."""
    return [
        case_draft(stage, chunks[0].topic, chunks, [], None, load_templates(), random.Random(seed), set(), False).text
        for stage in stages
        for seed in range(seeds)
    ]


def case_score(total: float, missing: tuple[dict[str, str], ...] = ()) -> ScoreResult:
    """A case answer's score on coverage alone: `total`, and the points it missed."""
    coverage = CriterionScore("coverage", "coverage", total, 1.0, "", missing=missing)
    return ScoreResult(total, (coverage,), (), "case", 1.0)


def play_scored(
    app: App, config: SessionConfig, answer: str, score: Callable[[Question], ScoreResult]
) -> list[Question]:
    """Every question of a session, each answered with `answer` and scored by `score(question)`."""
    asked: list[Question] = []
    app.interviewer.scorer.score = lambda *_, **__: score(asked[-1])  # type: ignore[attr-defined]
    session = app.interviewer.start(config)  # type: ignore[attr-defined]
    while (question := session.next_question()) is not None:
        asked.append(question)
        session.answer(answer)
    return asked
