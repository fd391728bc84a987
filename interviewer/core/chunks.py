"""A chunk of the user's notes as stored and retrieved: text plus where it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

__all__ = ["Chunk", "SearchHit", "chunk_id"]


def chunk_id(source: str, heading: str, text: str) -> str:
    """A content-hash id: the same text under the same heading in the same file keeps its id."""
    return hashlib.sha256(f"{source}\x00{heading}\x00{text}".encode()).hexdigest()[:24]


@dataclass(frozen=True)
class Chunk:
    """One retrievable piece of a note."""

    chunk_id: str
    text: str
    source: str
    heading: str
    topic: str
    chunk_index: int
    file_hash: str
    kind: str = "note"  # "note" or "case"
    stage: str = ""  # the case-study stage for case notes, else ""
    tags: str = ""
    location: str = ""  # absolute path of the file: identity for re-ingest and --prune
    question: str = ""  # the notes' own question when they pair one with an answer (Anki card, Q&A file)
    answer: str = ""  # its answer, as written in the notes (cleaned)

    def metadata(self) -> dict[str, Any]:
        """What Chroma stores beside the text (flat, scalar values only)."""
        return {
            "source": self.source,
            "heading": self.heading,
            "topic": self.topic,
            "chunk_index": self.chunk_index,
            "file_hash": self.file_hash,
            "kind": self.kind,
            "stage": self.stage,
            "tags": self.tags,
            "location": self.location,
            "question": self.question,
            "answer": self.answer,
        }

    @classmethod
    def from_record(cls, chunk_id: str, text: str, metadata: dict[str, Any]) -> Chunk:
        """Rebuild a chunk from what the store returns."""
        return cls(
            chunk_id=chunk_id,
            text=text,
            source=str(metadata.get("source", "")),
            heading=str(metadata.get("heading", "")),
            topic=str(metadata.get("topic", "")),
            chunk_index=int(metadata.get("chunk_index", 0)),
            file_hash=str(metadata.get("file_hash", "")),
            kind=str(metadata.get("kind", "note")),
            stage=str(metadata.get("stage", "")),
            tags=str(metadata.get("tags", "")),
            location=str(metadata.get("location", "")),
            question=str(metadata.get("question", "") or ""),
            answer=str(metadata.get("answer", "") or ""),
        )

    def embedding_text(self) -> str:
        """What the embedder sees: the heading, then the text; a Q&A chunk's text already starts with its
        question, so its heading is given without the question (one copy leaves room for the answer)."""
        heading = self.heading
        if self.question and self.text.startswith("Q: ") and " > " in heading:
            heading = heading.rsplit(" > ", 1)[0]
        return f"{heading}\n{self.text}"

    def citation(self) -> dict[str, str]:
        """The source reference shown beside questions and scores."""
        return {"source": self.source, "heading": self.heading, "chunk_id": self.chunk_id}


@dataclass(frozen=True)
class SearchHit:
    """A chunk with its cosine similarity to the query."""

    chunk: Chunk
    similarity: float
