"""A keyword score (BM25) over the stored chunks, and reciprocal-rank fusion with the embedding ranking.

The embedder (MiniLM, 256 tokens) misses rare exact words a query shares with one chunk ("MAPE", "ALS",
"population stability index"); BM25 finds them. Fusing ranks, not scores, needs no calibration between
the two scales."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = ["KeywordIndex", "fuse_rankings", "keywords"]

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_STOPWORDS = frozenset(
    "a an and are as at be by can do does for from has have how i in is it its of on or than that the their "
    "then there these this to vs was we what when where which while who why will with would you your".split()
)
_K1 = 1.2
_B = 0.75
_RRF_K = 60  # the usual constant of reciprocal-rank fusion: later ranks still count, but little


def _stem(word: str) -> str:
    """A light English stem so 'weights' meets 'weight' and 'splitting' meets 'split'."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


def keywords(text: str) -> list[str]:
    """The stemmed, lower-case words of a text without stop words; hyphenated words also count by part."""
    words: list[str] = []
    for match in _WORD.finditer(text.lower()):
        word = match.group(0)
        parts = re.split(r"[-']", word)
        for token in [word, *parts] if len(parts) > 1 else [word]:
            if token not in _STOPWORDS and (len(token) > 1 or token.isdigit()):
                words.append(_stem(token))
    return words


@dataclass
class KeywordIndex:
    """BM25 over a fixed set of documents (chunk id -> text)."""

    ids: list[str] = field(default_factory=list)
    _terms: list[Counter[str]] = field(default_factory=list)
    _lengths: list[int] = field(default_factory=list)
    _document_frequency: Counter[str] = field(default_factory=Counter)

    @classmethod
    def build(cls, documents: Iterable[tuple[str, str]]) -> KeywordIndex:
        """An index of (id, text) pairs."""
        index = cls()
        for identifier, text in documents:
            terms = Counter(keywords(text))
            index.ids.append(identifier)
            index._terms.append(terms)
            index._lengths.append(sum(terms.values()))
            index._document_frequency.update(terms.keys())
        return index

    def ranking(self, query: str, allowed: set[str] | None = None, limit: int = 50) -> list[str]:
        """Ids of the documents that share a keyword with the query, best BM25 score first."""
        if not self.ids:
            return []
        count = len(self.ids)
        average = sum(self._lengths) / count or 1.0
        weights = {
            term: math.log(1 + (count - self._document_frequency[term] + 0.5) / (self._document_frequency[term] + 0.5))
            for term in set(keywords(query))
            if self._document_frequency[term]
        }
        scored: list[tuple[float, int]] = []
        for position, terms in enumerate(self._terms):
            if allowed is not None and self.ids[position] not in allowed:
                continue
            norm = _K1 * (1 - _B + _B * self._lengths[position] / average)
            score = sum(w * terms[t] * (_K1 + 1) / (terms[t] + norm) for t, w in weights.items() if terms[t])
            if score > 0:
                scored.append((score, position))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [self.ids[position] for _, position in scored[:limit]]


def fuse_rankings(rankings: Sequence[Sequence[str]]) -> list[str]:
    """Reciprocal-rank fusion: ids ordered by the sum of 1 / (60 + rank) over the rankings they appear in."""
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for ranking in rankings:
        for rank, identifier in enumerate(ranking, start=1):
            scores[identifier] = scores.get(identifier, 0.0) + 1.0 / (_RRF_K + rank)
            first_seen.setdefault(identifier, len(first_seen))
    return sorted(scores, key=lambda identifier: (-scores[identifier], first_seen[identifier]))
