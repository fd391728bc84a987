"""Follow-ups that listen: a term the candidate used in a case answer that another note covers becomes the next
question ("You mentioned PR-AUC. ..."), asked from that note's own item and scored on its points. Pure."""

from __future__ import annotations

import random
import re

from interviewer.interview.asking import QuestionFrames, question_for
from interviewer.interview.combined import COMBINED_KINDS, as_written, fits_frame
from interviewer.interview.items import Item

__all__ = ["TakeUp", "take_up"]

# What a follow-up on the candidate's own words asks best: a pitfall or a trade-off of what they chose.
_KIND_ORDER = {"pitfall": 0, "trade-off": 1, "contrast": 1, "mechanism": 2, "rule": 2, "qa": 2, "definition": 3}
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)*)(?![\w-])")
_HYPHENATED = re.compile(r"(?<![\w-])([a-z]+(?:-[a-z]+)+)(?![\w-])", re.I)
# Acronyms every answer uses without naming a method.
_PLAIN = frozenset({"I", "OK", "US", "UK", "EU", "ID", "IDS", "AND", "OR", "NOT", "THE", "A"})


class TakeUp:
    """A follow-up on a term of the answer: the term, the item of another note that covers it, and the text."""

    def __init__(self, term: str, item: Item, text: str) -> None:
        self.term = term
        self.item = item
        self.text = text


def _mentions(text: str, term: str) -> bool:
    flags = 0 if term.isupper() else re.I
    return bool(re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, flags))


def _terms(answer: str, names: set[str]) -> list[str]:
    """The terms of an answer that can be asked about: acronyms, hyphenated terms and the notes' concept names,
    most specific (longest) first."""
    found = {m.group(1) for m in _ACRONYM.finditer(answer) if m.group(1) not in _PLAIN}
    # A hyphenated word is a term only when the notes name something by it ('PR-AUC' yes, 'held-out' no).
    known = {name.lower() for name in names}
    found |= {m.group(1) for m in _HYPHENATED.finditer(answer) if m.group(1).lower() in known}
    found |= {name for name in names if len(name.split()) >= 2 and _mentions(answer, name)}
    return sorted(found, key=lambda term: (-len(term), term))


def take_up(
    answer: str,
    items: list[Item],
    case_topic: str,
    asked_points: set[str],
    frames: QuestionFrames,
    rng: random.Random,
    used: set[str],
) -> TakeUp | None:
    """The follow-up on the most specific term of the answer that another note covers, or None."""
    pool = [
        i
        for i in items
        if i.topic != case_topic
        and i.kind in _KIND_ORDER
        and i.kind not in COMBINED_KINDS
        and i.points
        and not (set(i.points) & asked_points)
    ]
    # A single ordinary word ('goal', 'budget') is no method the candidate named; a term of two words, an acronym
    # or a hyphenated term is.
    names = {i.concept for i in pool if fits_frame(i.concept) and (len(i.concept.split()) >= 2 or "-" in i.concept)}
    for term in _terms(answer, names):
        covering = [i for i in pool if any(_mentions(p, term) for p in i.points) or i.concept.lower() == term.lower()]
        covering.sort(key=lambda i: (i.concept.lower() != term.lower(), _KIND_ORDER[i.kind], len(i.points) < 2))
        for item in covering[:6]:
            asked = question_for(item, item.levels[0] if item.levels else 2, frames, rng, used)
            if not asked or asked in used:
                continue
            said = term if term.isupper() else as_written(term, [(p, i) for i in pool for p in i.points])
            opener = rng.choice(frames.took_up).format(term=said)
            return TakeUp(term, item, f"{opener} {asked}")
    return None
