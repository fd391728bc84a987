"""Key points: the statements from the notes that a full answer covers, each with its source."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from interviewer.core.chunks import Chunk
from interviewer.scoring.text import content_words, sentences

__all__ = ["KeyPoint", "extract_key_points", "prose", "select_key_points"]

_FENCE = re.compile(r"^\s*(```|~~~)")
# A line of code outside a fence (a chunk can start inside a code block): assignments, calls, imports.
# An assignment's left side is names (tuple unpacking, an optional type): "x = 1", "a, b = f()", "self.n: int = 3",
# "df['a'] = ...". Prose with an equals sign ("the effect = (after - before) - ...") has words apart, and stays.
_TARGET = r"[\w.\[\]\"']+"
_CODE_LINE = re.compile(
    rf"^\s*(from \S+ import|import \w|def \w|class \w|return\b|print\(|#|{_TARGET}(\s*,\s*{_TARGET})*"
    rf"(\s*:\s*[\w\[\], .]+?)?\s*=\s*\S)|\w\([^)]*\)\s*$"
)
# A formula in notes looks like an assignment ("Precision = TP / (TP + FP)", "n ≈ 16σ²/δ²") but is the point
# itself: a named left side and arithmetic on the right, with none of code's quotes, brackets, calls or attributes.
_FORMULA = re.compile(r"^\s*(?:[-*+]\s+)?[A-Za-z][\w\- ]{0,40}?\s*(?:\([^()]*\))?\s*[=≈]\s*(?P<rhs>[^=].*)$")
_CODE_TOKENS = re.compile(r"[\"'\[\]{}]|\w\(\)|[A-Za-z_]\.[A-Za-z_]|==|\bself\b|\b(?:np|pd|df|torch|sklearn)\b")
_ARITHMETIC = re.compile(r"[/*^+×·√Σ∑²]|\w\s*-\s*\w")
# A name "=" what it is, in words: "Trundle = marketplace for furniture assembly and small handyman jobs. Four 45-min
# video rounds; ..." is the note's prose, not code (round 97 lost the business with that line)
_PROSE_EQUALS = re.compile(
    r"^\s*[A-Z][\w&'-]*(?: [A-Z][\w&'-]*)?\s*=\s*(?:an? |the )?[a-z]+(?:[ ,-]+[A-Za-z][a-z]+){4}"
)
_MIN_CONTENT_WORDS = 3
# ... unless the answer is yes or no: then the question is the claim the note confirms or denies.
_QUOTED_QUESTION = re.compile(r'^["“][^"”]{3,200}\?["”](?!\s*:?\s*(?:yes|no|not)\b)\s*:?\s*', re.I)


@dataclass(frozen=True)
class KeyPoint:
    """One statement from the notes, with the chunk it came from."""

    text: str
    source: str
    heading: str
    chunk_id: str
    # Picked for a question by nearness alone (a story case's statement filling a stage): the notes never say it
    # belongs to what was asked, so missing it is no sure fault.
    picked: bool = False

    def citation(self) -> dict[str, str]:
        """Where the key point comes from, for evidence lists."""
        return {"text": self.text, "source": self.source, "heading": self.heading, "chunk_id": self.chunk_id}


def _is_formula(line: str) -> bool:
    match = _FORMULA.match(line)
    if match is None:
        return False
    right = match.group("rhs")
    return not _CODE_TOKENS.search(right) and bool(_ARITHMETIC.search(right))


def prose(text: str) -> str:
    """The text without code: fenced blocks and lines that look like code are dropped."""
    kept: list[str] = []
    in_fence = False
    for line in text.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence and (not _CODE_LINE.search(line) or _is_formula(line) or _PROSE_EQUALS.match(line)):
            kept.append(line)
    return "\n".join(kept)


def extract_key_points(chunks: Sequence[Chunk]) -> list[KeyPoint]:
    """Split chunks into statement-sized key points (bullets and sentences), dropping code and fragments."""
    points: list[KeyPoint] = []
    seen: set[str] = set()
    for chunk in chunks:
        for sentence in sentences(prose(chunk.text)):
            sentence = re.sub(r"^[QA]:\s*", "", sentence)
            # '"How do you choose k?": elbow, silhouette...' keeps only the answer part.
            sentence = _QUOTED_QUESTION.sub("", sentence)
            key = sentence.lower()
            # Questions (flashcard fronts, "interview angles") are prompts, not facts to cover.
            if sentence.endswith("?") or len(content_words(sentence)) < _MIN_CONTENT_WORDS or key in seen:
                continue
            seen.add(key)
            points.append(KeyPoint(sentence, chunk.source, chunk.heading, chunk.chunk_id))
    return points


def select_key_points(
    question_vector: np.ndarray,
    point_vectors: np.ndarray,
    chunk_rank: Sequence[int],
    limit: int = 6,
    window: float = 0.2,
    redundancy: float = 0.8,
) -> list[tuple[int, float]]:
    """Choose the key points a full answer must cover: the most question-relevant, preferring the
    best-ranked chunks, skipping near-duplicates of a point already chosen (notes repeat themselves,
    and one sentence must not cover three copies of the same fact); returns (index, weight) pairs,
    weights in (0, 1], best first."""
    if point_vectors.shape[0] == 0:
        return []
    relevance = point_vectors @ question_vector
    # Points from lower-ranked chunks must be clearly relevant on their own to count.
    adjusted = relevance - 0.03 * np.asarray(chunk_rank, dtype=np.float32)
    order = sorted(range(len(adjusted)), key=lambda i: (-float(adjusted[i]), i))
    best = float(adjusted[order[0]])
    chosen: list[int] = []
    for i in order:
        if len(chosen) >= limit or (float(adjusted[i]) < best - window and len(chosen) >= 3):
            break
        if all(float(point_vectors[i] @ point_vectors[j]) < redundancy for j in chosen):
            chosen.append(i)
    top = max(float(relevance[i]) for i in chosen)
    return [(i, max(0.3, float(relevance[i]) / top) if top > 0 else 1.0) for i in chosen]
