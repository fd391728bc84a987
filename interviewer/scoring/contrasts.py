"""Contrasts the notes teach: "A vs B", "unlike A, B", "A, whereas B", "A rather than B", "difference between
A and B". Pure.

The lexicon knows the contrasts every data-science course teaches (bias / variance, L1 / L2); a candidate's
own notes teach others (encoder / decoder, treatment / control, RANK / DENSE_RANK). Each such pair found in
the notes an answer is scored against becomes a named pair for that answer, so an answer that says of one
side what the notes say of the other is caught on notes nobody wrote a rule for."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from interviewer.scoring.text import STOPWORDS, normalise_token, tokens

__all__ = ["NO_CONTRASTS", "Contrasts", "note_contrasts"]

MAX_PAIRS = 40  # a long reference teaches many; past this the pairs would be more noise than rule
_SIDE_WORDS = 3  # a side is named in at most this many words ("gradient boosted trees")
# Words that name a kind of thing, not which one: "Platt scaling vs isotonic regression" contrasts Platt
# and isotonic, and "regression" must not become a side.
_GENERIC = frozenset(
    normalise_token(w)
    for w in """model models method methods approach approaches regression scaling learning algorithm algorithms
    technique techniques test tests split splits set sets group groups error errors rate rates score scores value
    values data function functions metric metrics loss type types version versions option options strategy
    case cases mode modes way ways based style kind form layer layers step steps term terms one ones other
    using use used""".split()
)
_CUT = re.compile(r"[.;:,()\[\]?!\"]|\s[-–—]\s")
_VS = re.compile(r"\b(?:vs\.?|versus)\s", re.I)
_ARTICLE = r"(?:the\s+|a\s+|an\s+)?"
_UNLIKE = re.compile(rf"\bunlike\s+([^,;:.]{{2,60}}),\s*{_ARTICLE}([^,;:.]{{2,60}})", re.I)
_WHEREAS = re.compile(rf"^{_ARTICLE}([^,;:]{{2,60}}?),?\s+whereas\s+{_ARTICLE}([^,;:.]{{2,60}})", re.I)
_RATHER = re.compile(rf"\b([\w-]+)\s+(?:rather than|instead of)\s+{_ARTICLE}([\w-]+)", re.I)
_BETWEEN = re.compile(r"\bdifference between\s+(?:the\s+)?([^,;:.?]{2,60}?)\s+and\s+(?:the\s+)?([^,;:.?]{2,60})", re.I)


@dataclass(frozen=True)
class Contrasts:
    """Named pairs from the notes, each side one or two words ("gradient boosting" / "random forest")."""

    pairs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()

    @cached_property
    def sides(self) -> dict[str, tuple[str, str]]:
        """Each side word's stem and its (pair key, side name); a word keeps the first pair it names."""
        found: dict[str, tuple[str, str]] = {}
        for left, right in self.pairs:
            key = f"{' '.join(left)}|{' '.join(right)}"
            for side in (left, right):
                for word in side:
                    found.setdefault(normalise_token(word), (key, " ".join(side)))
        return found

    def side_of(self, word: str) -> tuple[str, str] | None:
        """The (pair key, side name) a word names, or None."""
        return self.sides.get(normalise_token(word)) if self.pairs else None


NO_CONTRASTS = Contrasts()


def _words(phrase: str) -> list[str]:
    return [w for w in tokens(phrase) if w not in STOPWORDS and w[:1].isalpha()]


def _distinct(side: list[str], other: list[str]) -> list[str]:
    """The side's words that name it: not shared with the other side, not a generic kind word."""
    shared = {normalise_token(w) for w in other}
    return [w for w in side if normalise_token(w) not in shared and normalise_token(w) not in _GENERIC and len(w) > 1]


def _pair_of(left_phrase: str, right_phrase: str, left_last: bool) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The pair two phrases name: each side's first and last distinct word (one when it has one)."""
    left, right = _words(left_phrase), _words(right_phrase)
    left = left[-_SIDE_WORDS:] if left_last else left[:_SIDE_WORDS]
    right = right[:_SIDE_WORDS]
    a, b = _distinct(left, right), _distinct(right, left)
    if not a or not b:
        return []
    return [(tuple(dict.fromkeys([a[0], a[-1]])), tuple(dict.fromkeys([b[0], b[-1]])))]


def _vs_pairs(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    found: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for segment in _CUT.split(re.sub(r"\b(vs)\.", r"\1", text, flags=re.I)):
        match = _VS.search(segment)
        if match:
            found += _pair_of(segment[: match.start()], segment[match.end() :], left_last=True)
    return found


def note_contrasts(texts: Iterable[str]) -> Contrasts:
    """Every contrast the texts name, in order of appearance, each pair once (either way round)."""
    found: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for text in texts:
        found += _vs_pairs(text)
        found += [p for m in _BETWEEN.finditer(text) for p in _pair_of(m.group(1), m.group(2), left_last=False)]
        for match in [*_UNLIKE.finditer(text), *_WHEREAS.finditer(text)]:
            # The subjects are the sides: "bagging reduces variance, whereas boosting ..." names bagging, boosting.
            found += [((a[0],), (b[0],)) for a, b in _pair_of(match.group(1), match.group(2), left_last=False)]
        found += [p for m in _RATHER.finditer(text) for p in _pair_of(m.group(1), m.group(2), left_last=True)]
    unique: dict[frozenset[str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for left, right in found:
        left, right = tuple(w.lower() for w in left), tuple(w.lower() for w in right)
        stems = frozenset(normalise_token(w) for w in (*left, *right))
        unique.setdefault(stems, (left, right))
    return Contrasts(tuple(unique.values())[:MAX_PAIRS])
