"""Hybrid search: BM25 keywords fused with the embedding ranking find the chunk that shares a rare word."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence

import numpy as np
import pytest

from interviewer.app import App
from interviewer.core.chunks import Chunk, chunk_id
from interviewer.storage.keyword_index import KeywordIndex, fuse_rankings, keywords
from interviewer.storage.store import NoteStore, open_chroma_client


class BlindEmbedder:
    """Every text gets the same vector: the embedding ranking carries no information."""

    name = "blind"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 8), dtype=np.float32)
        out[:, 0] = 1.0
        return out


NOTES = [
    ("Regression metrics", "RMSE squares errors, so large misses dominate it."),
    ("Regression metrics", "MAPE blows up when actual values are close to zero."),
    ("Recommenders", "ALS alternates least squares over user and item factors."),
    ("Drift", "The population stability index compares binned distributions."),
]


def _chunks() -> list[Chunk]:
    return [
        Chunk(chunk_id(f"{i}.md", topic, text), text, f"{i}.md", topic, topic, 0, "h", location=f"/n/{i}.md")
        for i, (topic, text) in enumerate(NOTES)
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("What is the MAPE of these forecasts?", ["mape", "forecast"]),
        ("Splitting weights; splits", ["splitt", "weight", "split"]),
        ("one-vs.-all classifiers", ["one-v", "one", "all", "classifier"]),
    ],
)
def test_keywords(text: str, words: list[str]) -> None:
    assert keywords(text) == words


def test_bm25_ranks_the_document_with_the_rare_word_first() -> None:
    index = KeywordIndex.build((f"d{i}", text) for i, (_, text) in enumerate(NOTES))
    assert index.ranking("problem with MAPE near zero")[0] == "d1"
    assert index.ranking("population stability index", allowed={"d0", "d1"}) == []
    assert index.ranking("nothing shared here") == []


def test_fusion_prefers_ids_high_in_both_rankings() -> None:
    assert fuse_rankings([["a", "b", "c"], ["b", "c"]]) == ["b", "c", "a"]


@pytest.fixture
def blind_store(app_on_each_store: App) -> Iterator[NoteStore]:
    """A store whose embedder is blind, on the embedded store and then on a Chroma server."""
    settings = app_on_each_store.settings
    app_on_each_store.store.count()  # the app's own collection exists, so its teardown can delete it
    client = open_chroma_client(settings.store_dir, settings.chroma_url)
    name = f"blind-{uuid.uuid4().hex[:12]}"
    store = NoteStore(client, BlindEmbedder(), collection_name=name)  # type: ignore[arg-type]
    for chunk in _chunks():
        store.replace_file(chunk.location, [chunk])
    yield store
    client.delete_collection(name)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("why is MAPE a problem", "MAPE blows up"),
        ("why use ALS", "ALS alternates"),
        ("how does the population stability index work", "population stability index"),
    ],
)
def test_hybrid_search_finds_the_keyword_chunk_when_embeddings_cannot(
    blind_store: NoteStore, query: str, expected: str
) -> None:
    hits = blind_store.search(query, k=1)
    assert expected in hits[0].chunk.text
    assert hits[0].similarity == pytest.approx(1.0)  # the real cosine, whichever ranking found it


def test_hybrid_search_respects_a_metadata_filter(blind_store: NoteStore) -> None:
    hits = blind_store.search("MAPE", k=4, where={"topic": "Drift"})
    assert [hit.chunk.topic for hit in hits] == ["Drift"]


def test_keyword_index_follows_writes(blind_store: NoteStore) -> None:
    assert "MAPE" in blind_store.search("MAPE", k=1)[0].chunk.text
    blind_store.remove_files(["/n/1.md"])
    assert all("MAPE" not in hit.chunk.text for hit in blind_store.search("MAPE", k=4))
