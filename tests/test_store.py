"""The Chroma store: our registered embedding function lets a new process reopen the collection."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from interviewer.app import App
from interviewer.ingest.pipeline import ingest
from interviewer.store import NoteStore, open_chroma_client

REOPEN = """
import sys
from interviewer.embeddings import FakeEmbedder
from interviewer.store import NoteStore, open_chroma_client
store = NoteStore(open_chroma_client(__import__('pathlib').Path(sys.argv[1]), None), FakeEmbedder())
print(store.count(), store.search('LEFT JOIN keeps every row', k=1)[0].chunk.topic)
"""


def test_collection_reopens_in_a_new_process(fake_app: App, notes_dir: Path) -> None:
    ingest([str(notes_dir)], fake_app.store, 10_000_000)
    result = subprocess.run(
        [sys.executable, "-c", REOPEN, str(fake_app.settings.store_dir)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(maxsplit=1) == ["4", "SQL joins\n"]


def test_collection_config_holds_no_absolute_paths(fake_app: App, notes_dir: Path) -> None:
    ingest([str(notes_dir)], fake_app.store, 10_000_000)
    client = open_chroma_client(fake_app.settings.store_dir, None)
    collection = client.get_collection("notes")
    assert "/" not in str(collection.configuration.get("embedding_function").get_config())


def test_get_and_search_where(fake_app: App, notes_dir: Path) -> None:
    store: NoteStore = fake_app.store
    ingest([str(notes_dir)], store, 10_000_000)
    first = store.chunks()[0]
    assert store.get([first.chunk_id, "missing"]) == [first]
    hits = store.search("coefficients zero", k=5, where={"topic": "Regularization"})
    assert {hit.chunk.topic for hit in hits} == {"Regularization"} and len(hits) == 2
