"""The notes store on Chroma: an embedded persistent store under INTERVIEWER_HOME, or a Chroma server."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import urlparse

import httpx
import numpy as np

from interviewer.core.chunks import Chunk, SearchHit
from interviewer.errors import StoreError
from interviewer.storage.embeddings import Embedder
from interviewer.storage.keyword_index import KeywordIndex, fuse_rankings

__all__ = ["NoteStore", "open_chroma_client"]

_BATCH = 256
_FUSION_POOL = 30  # candidates each ranking brings to the fusion
_Method = TypeVar("_Method", bound=Callable[..., Any])


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _server_errors_named(method: _Method) -> _Method:
    """Turn a lost connection to the Chroma server into a one-line StoreError that names the server's URL."""

    @functools.wraps(method)
    def wrapper(self: NoteStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except httpx.TransportError as exc:
            if self.server_url is None:
                raise
            raise StoreError(
                f"lost the Chroma server at {self.server_url} ({_one_line(exc)}); is `chroma run` still up?"
            ) from None

    return cast(_Method, wrapper)


def open_chroma_client(store_dir: Path, chroma_url: str | None) -> Any:
    """A Chroma client: HTTP to `chroma_url` when given, else embedded and persistent in `store_dir`."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        parsed = urlparse(chroma_url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise StoreError(f"INTERVIEWER_CHROMA_URL={chroma_url!r} is not a URL like http://127.0.0.1:8000")
        try:
            return chromadb.HttpClient(
                host=parsed.hostname,
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=chroma_settings,
            )
        except Exception as exc:  # chromadb raises several unrelated types when the server is down
            raise StoreError(
                f"cannot reach the Chroma server at {chroma_url}: is `chroma run` up? ({_one_line(exc)})"
            ) from None
    try:
        store_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(store_dir), settings=chroma_settings)
    except Exception as exc:
        raise StoreError(f"{store_dir}: cannot open the notes store ({_one_line(exc)})") from None


class NoteStore:
    """Chunks of notes with their embeddings; one collection, one embedder.

    `server_url` is the Chroma server the client talks to (None: embedded); errors name it. With `hybrid`,
    text queries fuse the embedding ranking with a keyword (BM25) ranking (see keyword_index.py)."""

    def __init__(
        self,
        client: Any,
        embedder: Embedder,
        collection_name: str = "notes",
        server_url: str | None = None,
        hybrid: bool = True,
    ) -> None:
        from interviewer.storage.chroma_embedding import ChromaEmbedding

        self.embedder = embedder
        self.server_url = server_url
        self.hybrid = hybrid
        self._client = client
        self._keywords: tuple[int, KeywordIndex, dict[str, dict[str, Any]]] | None = None
        try:
            self._collection = client.get_or_create_collection(
                name=collection_name,
                embedding_function=ChromaEmbedding(embedder),
                configuration={"hnsw": {"space": "cosine"}},
            )
        except Exception as exc:
            where = f" on the Chroma server at {server_url}" if server_url else ""
            raise StoreError(f"cannot open the collection {collection_name!r}{where} ({_one_line(exc)})") from None

    # ----- writing ---------------------------------------------------------------------------------

    @_server_errors_named
    def indexed_files(self) -> dict[str, tuple[str, int]]:
        """Absolute file path -> (file hash, chunk count) of every file that has chunks in the store."""
        records = self._collection.get(include=["metadatas"])
        found: dict[str, tuple[str, int]] = {}
        for metadata in records["metadatas"] or []:
            location = str(metadata.get("location") or metadata["source"])
            _, count = found.get(location, ("", 0))
            found[location] = (str(metadata["file_hash"]), count + 1)
        return found

    @_server_errors_named
    def replace_file(self, location: str, chunks: Sequence[Chunk]) -> int:
        """Replace every chunk of the file at `location` with `chunks`; returns how many were added."""
        self.remove_files([location])
        self._keywords = None
        for start in range(0, len(chunks), _BATCH):
            batch = chunks[start : start + _BATCH]
            vectors = self.embedder.embed([chunk.embedding_text() for chunk in batch])
            self._collection.add(
                ids=[chunk.chunk_id for chunk in batch],
                documents=[chunk.text for chunk in batch],
                metadatas=[chunk.metadata() for chunk in batch],
                embeddings=vectors,
            )
        return len(chunks)

    @_server_errors_named
    def remove_files(self, locations: Iterable[str]) -> None:
        """Delete every chunk of the files at the given absolute paths."""
        self._keywords = None
        for location in locations:
            self._collection.delete(where={"location": location})

    # ----- reading ---------------------------------------------------------------------------------

    @_server_errors_named
    def count(self) -> int:
        """How many chunks are stored."""
        return int(self._collection.count())

    @_server_errors_named
    def chunks(self, where: dict[str, Any] | None = None) -> list[Chunk]:
        """Every chunk (optionally filtered by metadata), in source and chunk order."""
        records = self._collection.get(where=where, include=["documents", "metadatas"])
        found = [
            Chunk.from_record(i, d, m)
            for i, d, m in zip(records["ids"], records["documents"] or [], records["metadatas"] or [], strict=True)
        ]
        return sorted(found, key=lambda chunk: (chunk.source, chunk.chunk_index))

    @_server_errors_named
    def get(self, chunk_ids: Sequence[str]) -> list[Chunk]:
        """The chunks with these ids, once each, in the order asked (missing ids are left out; Chroma refuses an id
        asked twice, and a question saved with a note cited twice must still be scored)."""
        if not chunk_ids:
            return []
        unique = list(dict.fromkeys(chunk_ids))
        records = self._collection.get(ids=unique, include=["documents", "metadatas"])
        by_id = {
            i: Chunk.from_record(i, d, m)
            for i, d, m in zip(records["ids"], records["documents"] or [], records["metadatas"] or [], strict=True)
        }
        return [by_id[i] for i in unique if i in by_id]

    @_server_errors_named
    def topics(self) -> list[tuple[str, int]]:
        """Each topic with its chunk count, most chunks first, then by name."""
        records = self._collection.get(include=["metadatas"])
        counts = Counter(str(m.get("topic", "")) for m in records["metadatas"] or [])
        return sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))

    def search(self, query: str, k: int = 5, where: dict[str, Any] | None = None) -> list[SearchHit]:
        """The k chunks that best match the query, best first: by embedding, fused with keywords when hybrid."""
        vector = self.embedder.embed([query])[0]
        if not self.hybrid or k <= 0:
            return self.search_vector(vector, k=k, where=where)
        semantic = self.search_vector(vector, k=max(k, _FUSION_POOL), where=where)
        allowed = self._matching_ids(where)
        if not semantic or allowed is False:
            return semantic[:k]
        index = self._keyword_index()[1]
        keyword_ids = index.ranking(query, allowed if isinstance(allowed, set) else None, limit=_FUSION_POOL)
        fused = fuse_rankings([[hit.chunk.chunk_id for hit in semantic], keyword_ids])[:k]
        found = {hit.chunk.chunk_id: hit for hit in semantic}
        found.update(self._hits_by_id([i for i in fused if i not in found], vector))
        # Keywords choose which chunks make the k; within them, best first still means most similar, as
        # `search --json` has always promised.
        chosen = [found[i] for i in fused if i in found]
        return sorted(chosen, key=lambda hit: -hit.similarity)

    @_server_errors_named
    def _keyword_index(self) -> tuple[int, KeywordIndex, dict[str, dict[str, Any]]]:
        """The BM25 index of every chunk, rebuilt when this store wrote or the count changed."""
        total = self.count()
        if self._keywords is None or self._keywords[0] != total:
            records = self._collection.get(include=["documents", "metadatas"])
            metadatas = {i: dict(m or {}) for i, m in zip(records["ids"], records["metadatas"] or [], strict=True)}
            documents = zip(records["ids"], records["documents"] or [], strict=True)
            index = KeywordIndex.build((i, f"{metadatas[i].get('heading', '')}\n{d}") for i, d in documents)
            self._keywords = (total, index, metadatas)
        return self._keywords

    def _matching_ids(self, where: dict[str, Any] | None) -> set[str] | bool:
        """Ids whose metadata equals `where` (True: no filter; False: a filter the keyword side cannot apply)."""
        if where is None:
            return True
        if any(key.startswith("$") or isinstance(value, dict) for key, value in where.items()):
            return False
        metadatas = self._keyword_index()[2]
        return {i for i, m in metadatas.items() if all(m.get(key) == value for key, value in where.items())}

    @_server_errors_named
    def _hits_by_id(self, chunk_ids: list[str], vector: np.ndarray) -> dict[str, SearchHit]:
        """Hits for chunks found by keyword only, with their real cosine similarity to the query."""
        if not chunk_ids:
            return {}
        records = self._collection.get(ids=chunk_ids, include=["documents", "metadatas", "embeddings"])
        query = vector / (np.linalg.norm(vector) or 1.0)
        hits = {}
        for i, d, m, e in zip(
            records["ids"], records["documents"] or [], records["metadatas"] or [], records["embeddings"], strict=True
        ):
            stored = np.asarray(e, dtype=np.float32)
            similarity = float(query @ stored / (np.linalg.norm(stored) or 1.0))
            hits[i] = SearchHit(chunk=Chunk.from_record(i, d, m), similarity=round(similarity, 4))
        return hits

    @_server_errors_named
    def search_vector(self, vector: np.ndarray, k: int = 5, where: dict[str, Any] | None = None) -> list[SearchHit]:
        """The k chunks most similar to an embedding, best first."""
        total = self.count()
        if total == 0 or k <= 0:
            return []
        result = self._collection.query(
            query_embeddings=[vector.tolist()],
            n_results=min(k, total),
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        hits = []
        for i, d, m, distance in zip(
            result["ids"][0], result["documents"][0], result["metadatas"][0], result["distances"][0], strict=True
        ):
            hits.append(SearchHit(chunk=Chunk.from_record(i, d, m), similarity=round(1.0 - float(distance), 4)))
        return hits
