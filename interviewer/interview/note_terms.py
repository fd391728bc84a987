"""Which words of the notes name a concept: a term the notes use as a name, not a phrase one line happens to use.

A blind rater failed "You brought up final answer. Where could it bite ...?" and "What is the trap with
composition?": both phrases come from one note line ("final answer needs an online test", "composition change:
who's in the treated group shifts"), and out of that line they name nothing. A term is a name when it looks like
one (an acronym, a hyphenated or slashed term, one with a figure) or when the notes use it in more than one place."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["NoteTerms", "everyday", "looks_named"]

_LOOKS_NAMED = re.compile(r"[A-Z].*[A-Z]|[-/]|\d")


def looks_named(term: str) -> bool:
    """True for a term that reads as a name by its form: 'SMOTE', 'PR-AUC', 'k-means', 'trials/arm', 'top-10'; an
    everyday hyphenated word ('trade-offs', 'real-time') is not one ("You brought up trade-offs. How exactly would you
    use it ...?", a blind rater)."""
    return bool(_LOOKS_NAMED.search(term)) and not everyday(term)


def everyday(term: str) -> bool:
    """True for an everyday hyphenated word ('trade-offs', 'real-time'): it names nothing, however often used."""
    return term.strip().lower() in _EVERYDAY


_EVERYDAY = frozenset(
    "trade-off trade-offs follow-up follow-ups real-time long-term short-term end-to-end day-to-day one-off "
    "built-in well-known up-to-date so-called set-up sign-up sign-ups check-in check-ins opt-in opt-out "
    "year-over-year week-over-week month-over-month back-end front-end write-up".split()
)


class NoteTerms:
    """The notes' statements, and how often each term is used across them."""

    def __init__(self, statements: Iterable[str]) -> None:
        self._texts = tuple(dict.fromkeys(s for s in statements if s))

    def uses(self, term: str) -> int:
        """How many distinct statements use the term as a whole word (any case)."""
        pattern = re.compile(rf"(?<![\w-]){re.escape(term.strip())}(?![\w-])", re.I)
        return sum(1 for text in self._texts if pattern.search(text))

    def names(self, term: str) -> bool:
        """True for a term that reads as a name out of its sentence: it looks like one ('SMOTE', 'k-means',
        'trials/arm'), or the notes use it in two statements or more ('class weights', 'leakage')."""
        term = term.strip()
        if not term:
            return False
        return looks_named(term) or self.uses(term) >= 2
