"""The Chroma store, embedded and on a server: our registered embedding function lets a new process reopen
the collection, and a server that is down or goes away gives one line naming its URL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.errors import StoreError
from interviewer.ingest.pipeline import ingest
from interviewer.storage.embeddings import FakeEmbedder
from interviewer.storage.store import NoteStore, open_chroma_client
from tests.chroma_server import free_port

REOPEN = """
import sys
from pathlib import Path
from interviewer.storage.embeddings import FakeEmbedder
from interviewer.storage.store import NoteStore, open_chroma_client
store = NoteStore(open_chroma_client(Path(sys.argv[1]), sys.argv[2] or None), FakeEmbedder(), sys.argv[3])
print(store.count(), store.search('LEFT JOIN keeps every row', k=1)[0].chunk.topic)
"""


@pytest.fixture
def fake_app(app_on_each_store: App) -> App:
    """This module's app: on the embedded store, then on a Chroma server."""
    return app_on_each_store


def test_collection_reopens_in_a_new_process(fake_app: App, notes_dir: Path) -> None:
    ingest([str(notes_dir)], fake_app.store, 10_000_000)
    settings = fake_app.settings
    result = subprocess.run(
        [sys.executable, "-c", REOPEN, str(settings.store_dir), settings.chroma_url or "", settings.collection],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(maxsplit=1) == ["4", "SQL joins\n"]


def test_collection_config_holds_no_absolute_paths(fake_app: App, notes_dir: Path) -> None:
    ingest([str(notes_dir)], fake_app.store, 10_000_000)
    client = open_chroma_client(fake_app.settings.store_dir, fake_app.settings.chroma_url)
    collection = client.get_collection(fake_app.settings.collection)
    assert "/" not in str(collection.configuration.get("embedding_function").get_config())


def test_get_and_search_where(fake_app: App, notes_dir: Path) -> None:
    store: NoteStore = fake_app.store
    ingest([str(notes_dir)], store, 10_000_000)
    first = store.chunks()[0]
    assert store.get([first.chunk_id, "missing"]) == [first]
    # An id asked twice (a question that cites one note twice) is one chunk, not Chroma's DuplicateIDError.
    second = store.chunks()[1]
    assert store.get([second.chunk_id, first.chunk_id, second.chunk_id]) == [second, first]
    hits = store.search("coefficients zero", k=5, where={"topic": "Regularization"})
    assert {hit.chunk.topic for hit in hits} == {"Regularization"} and len(hits) == 2


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_a_chroma_server_that_is_down_is_one_line_naming_the_url(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreError) as error:
        open_chroma_client(tmp_path, url)
    message = str(error.value)
    assert message.startswith(f"cannot reach the Chroma server at {url}: is `chroma run` up?")
    assert "\n" not in message


class _DroppedConnection:
    """A collection whose server has gone away: every call fails as httpx does on a refused connection."""

    def __getattr__(self, name: str) -> object:
        import httpx

        def call(*args: object, **kwargs: object) -> object:
            raise httpx.ConnectError("[Errno 111] Connection refused")

        return call


class _ClientOfADeadServer:
    def get_or_create_collection(self, **kwargs: object) -> _DroppedConnection:
        return _DroppedConnection()


@pytest.mark.parametrize("operation", ["count", "topics", "chunks", "indexed_files"])
def test_a_server_lost_mid_session_is_one_line_naming_the_url(operation: str) -> None:
    store = NoteStore(_ClientOfADeadServer(), FakeEmbedder(), server_url="http://127.0.0.1:8765")
    with pytest.raises(StoreError, match=r"^lost the Chroma server at http://127\.0\.0\.1:8765 \(\[Errno 111\]"):
        getattr(store, operation)()
