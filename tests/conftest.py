"""Shared fixtures: a temp INTERVIEWER_HOME for every test, the recording fake chat model, fake embedder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.interview.phrasing import forget_verdicts
from interviewer.llm.fake import RecordingChatModel
from interviewer.settings import Settings
from interviewer.storage.embeddings import FakeEmbedder
from tests.chroma_server import app_on_each_store, chroma_server  # noqa: F401 -- fixtures, found by name

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(autouse=True)
def interviewer_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data directory; nothing touches the user's real one."""
    home = tmp_path / "home"
    monkeypatch.setenv("INTERVIEWER_HOME", str(home))
    for name in (
        "INTERVIEWER_MODEL", "INTERVIEWER_CHROMA_URL", "INTERVIEWER_LLM", "INTERVIEWER_EMBEDDER", "INTERVIEWER_LLM_URL",
        "INTERVIEWER_LLM_MODEL", "INTERVIEWER_LLM_API_KEY", "INTERVIEWER_LLM_TIMEOUT", "INTERVIEWER_AUTH",
        "INTERVIEWER_EXTRA_BUFFERS", "INTERVIEWER_PREFETCH",
    ):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(autouse=True)
def fresh_phrasing_verdicts() -> Iterator[None]:
    """The verdict on a model's phrasing lasts the process: each test starts without one."""
    forget_verdicts()
    yield
    forget_verdicts()


@pytest.fixture
def fake_model() -> RecordingChatModel:
    """A recording fake chat model."""
    return RecordingChatModel()


@pytest.fixture
def fake_settings(interviewer_home: Path) -> Settings:
    """Settings on the fake backends and a temp home; no background preparation, so a recording fake model's
    history holds only the calls a test makes (tests/test_prefetch.py tests the preparation)."""
    return Settings.from_env(
        {"INTERVIEWER_HOME": str(interviewer_home)}, llm_backend="fake", embedder="fake", n_threads=1, prefetch=False
    )


@pytest.fixture
def fake_app(fake_settings: Settings, fake_model: RecordingChatModel) -> Iterator[App]:
    """An app with the fake model and the fake embedder over a real Chroma in a temp folder."""
    yield App(fake_settings, chat_model=fake_model, embedder=FakeEmbedder())


@pytest.fixture
def notes_dir(tmp_path: Path) -> Path:
    """A small folder of good notes in three formats."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "regularization.md").write_text(
        "# Regularization\n\n## L1\n\n- L1 drives coefficients exactly to zero.\n\n"
        "## L2\n\n- L2 shrinks coefficients towards zero but rarely to exactly zero.\n",
        encoding="utf-8",
    )
    (folder / "pvalues.txt").write_text(
        "P-values\n\nA p-value is the probability of data at least as extreme, assuming the null is true.\n",
        encoding="utf-8",
    )
    (folder / "sql.md").write_text("# SQL joins\n\nA LEFT JOIN keeps every row of the left table.\n", encoding="utf-8")
    return folder


def run_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment for subprocess runs of the CLI on a given home."""
    env = dict(os.environ)
    env["INTERVIEWER_HOME"] = str(home)
    env.update(extra)
    return env
