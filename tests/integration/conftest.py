"""The real stack: embedded SmolLM2 model, the MiniLM embedder, Chroma on a temp folder, corpus/ ingested once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.ingest.pipeline import ingest
from interviewer.settings import Settings
from tests.conftest import CORPUS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "integration" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def real_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """An app on the embedded defaults with corpus/ ingested (shared by the integration tests)."""
    home = tmp_path_factory.mktemp("real-home")
    app = App(Settings.from_env({"INTERVIEWER_HOME": str(home)}, n_threads=2))
    report = ingest([str(CORPUS)], app.store, app.settings.max_file_mb * 1_000_000)
    assert report.skipped == [] and report.files >= 24
    yield app


@pytest.fixture(scope="session")
def corpus_root() -> Path:
    return CORPUS
