"""The offline embedder: checksums verified, padding per batch does not change vectors, no network."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest

from interviewer.storage.embeddings import CachedEmbedder, EmbedderError, FakeEmbedder, MiniLMEmbedder, cosine_matrix


@pytest.fixture(scope="module")
def minilm() -> MiniLMEmbedder:
    embedder = MiniLMEmbedder(n_threads=1, batch_size=4)
    embedder.load()
    return embedder


def test_network_is_disabled_in_tests() -> None:
    with pytest.raises(Exception, match=r"[Ss]ocket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_minilm_runs_offline_and_ranks_meaning(minilm: MiniLMEmbedder) -> None:
    vectors = minilm.embed(
        [
            "Lasso sets some weights to exactly zero.",
            "L1 regularization gives sparse coefficients.",
            "The train leaves at noon.",
        ]
    )
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = cosine_matrix(vectors, vectors)
    assert similarity[0, 1] > similarity[0, 2] + 0.2


def test_batch_padding_does_not_change_vectors(minilm: MiniLMEmbedder) -> None:
    texts = ["short", "a much longer sentence about gradient boosting and learning rates and trees", "mid length text"]
    together = minilm.embed(texts)
    alone = np.stack([minilm.embed([text])[0] for text in texts])
    assert np.allclose(together, alone, atol=1e-4)


def test_checksum_mismatch_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "model.onnx"
    bad.write_bytes(b"not a model")
    with pytest.raises(EmbedderError, match="checksum mismatch"):
        MiniLMEmbedder(model_path=bad).load()


def test_missing_model_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(EmbedderError, match=r"model\.onnx: embedding file not found"):
        MiniLMEmbedder(model_path=tmp_path / "model.onnx").load()


def test_fake_embedder_is_deterministic_and_word_based() -> None:
    fake = FakeEmbedder()
    a, b, c = fake.embed(["left join rows", "rows of a left join", "gradient boosting"])
    assert float(a @ b) > 0.7 and float(a @ c) < 0.2
    assert np.array_equal(fake.embed(["left join rows"])[0], a)


def test_cached_embedder_embeds_each_text_once() -> None:
    calls: list[list[str]] = []

    class Counting(FakeEmbedder):
        def embed(self, texts):  # type: ignore[no-untyped-def]
            calls.append(list(texts))
            return super().embed(texts)

    cached = CachedEmbedder(Counting(), limit=3)
    first = cached.embed(["a b", "c d", "a b"])
    again = cached.embed(["c d", "a b"])
    assert calls == [["a b", "c d"]]
    assert np.array_equal(first[0], again[1]) and cached.embed([]).shape == (0, 384)
    cached.embed(["e f", "g h"])  # over the limit: the cache starts again
    cached.embed(["a b"])
    assert calls[-1] == ["a b"]
