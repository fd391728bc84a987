"""Our embedder as a registered Chroma embedding function, so a collection reopens in a new process.

Chroma stores the function's name and config with the collection; the config must hold no absolute
paths (the package may move), so it names the model and is rebuilt from the installed package."""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from interviewer.storage.embeddings import Embedder, FakeEmbedder, MiniLMEmbedder

__all__ = ["ChromaEmbedding"]


@register_embedding_function
class ChromaEmbedding(EmbeddingFunction[Documents]):
    """Adapter from our Embedder protocol to Chroma's EmbeddingFunction."""

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder: Embedder = embedder if embedder is not None else MiniLMEmbedder()

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embedder.embed(list(input)))

    @staticmethod
    def name() -> str:
        return "interviewer-offline"

    def default_space(self) -> Any:
        return "cosine"

    def get_config(self) -> dict[str, Any]:
        return {"model": self.embedder.name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbedding:
        model = config.get("model")
        return ChromaEmbedding(FakeEmbedder() if model == FakeEmbedder.name else MiniLMEmbedder())
