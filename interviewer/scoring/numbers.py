"""Numbers in claims: a range that contains the note's figure agrees with it; a clearly different one does not."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quantity", "number_conflict", "quantities", "states_figure"]

_NUMBER = r"(?:\d+(?:[.,]\d+)?|\.\d+)"  # "0.05", "14,400", and a note's ".05"
# A figure ends before a Latin letter or digit ("l1", "f1" are names), not before a Greek one ("16σ²").
_QUANTITY = re.compile(
    rf"(?<![\w.^-])(?:(?P<between>between)\s+)?(?P<first>{_NUMBER})\s*(?P<unit>%|percent)?"
    rf"(?:\s*(?P<sep>-|–|to|and)\s*(?P<second>{_NUMBER})\s*(?P<unit2>%|percent)?)?(?![A-Za-z0-9_.])",
    re.I,
)
_CLOSE = 0.1  # figures within 10% of each other are the same figure, rounded


@dataclass(frozen=True)
class Quantity:
    """A figure or a range of figures; percentages also read as fractions ("5%" is 0.05)."""

    low: float
    high: float
    percent: bool
    text: str
    unit: str = ""  # what the figure counts: the word after it ("144 users"), else the word before ("alpha 0.05")

    def values(self) -> list[tuple[float, float]]:
        """The range as written and, for a percentage, as a fraction."""
        spans = [(self.low, self.high)]
        if self.percent:
            spans.append((self.low / 100, self.high / 100))
        return spans


def _value(text: str) -> float:
    return float(text.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", text) else text.replace(",", "."))


def quantities(text: str) -> list[Quantity]:
    """The figures and ranges a text states ("3-5%", "between 3 and 5", "0.05", "14,400")."""
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        first, unit, second, unit2 = match.group("first", "unit", "second", "unit2")
        if second and match.group("sep").lower() == "and" and not match.group("between"):
            # "alpha 0.05 and 80% power": two figures, not a range
            ends = {"first": match.end("unit") if unit else match.end("first"), "second": match.end()}
            for name, percent in (("first", unit), ("second", unit2)):
                value = _value(match.group(name))
                end = ends[name]
                found.append(
                    Quantity(
                        value,
                        value,
                        bool(percent),
                        match.group(name) + (percent or ""),
                        _unit(text, match.start(name), end),
                    )
                )
            continue
        low = _value(first)
        high = _value(second) if second else low
        found.append(
            Quantity(
                min(low, high),
                max(low, high),
                bool(unit or unit2),
                match.group(0).strip(),
                _unit(text, match.start(), match.end()),
            )
        )
    return found


_WORD = re.compile(r"[A-Za-z][A-Za-z_-]+")
_FILLER = frozenset("of the a an per in on at to for is are was about roughly around and or with by".split())


_SKIP_AFTER = frozenset("of the a an per".split())  # "5% of the users": the unit is still ahead


def _unit(text: str, start: int, end: int) -> str:
    """The word after the figure ("144 users"), unless a clause word follows ("alpha 0.05 and power 0.8"):
    then the word before it. A figure glued to a symbol ("16σ²") is a formula's coefficient: no unit."""
    if end < len(text) and not text[end].isspace() and text[end] not in ".,;:)!?\"'":
        return ""
    after = [w.lower() for w in re.findall(r"\S+", text[end:])[:3]]
    for word in after:
        found = _WORD.fullmatch(word.strip(".,;:()"))
        if found and found.group(0).lower() in _SKIP_AFTER:
            continue
        if found and found.group(0).lower() not in _FILLER:
            return found.group(0).lower().rstrip("s")
        break
    before = re.findall(r"[A-Za-z][A-Za-z_-]+", text[:start])
    words = [w.lower() for w in before if w.lower() not in _FILLER]
    return words[-1].rstrip("s") if words else ""


def _agrees(answer: Quantity, note: Quantity) -> bool:
    for a_low, a_high in answer.values():
        for n_low, n_high in note.values():
            slack = _CLOSE * max(abs(n_low), abs(n_high), 1e-9)
            if a_low - slack <= n_high and n_low <= a_high + slack:
                return True
    return False


def _counts(quantity: Quantity) -> bool:
    # Single digits in notes are mostly formula constants, list numbers or examples ("2PR", "step 1").
    return quantity.percent or quantity.high >= 10 or quantity.low != int(quantity.low)


def number_conflict(answer: str, note: str, question: str = "") -> str | None:
    """Why the answer's figures contradict the note's for the same statement, or None when they agree.

    Figures already in the question are left out (both sides repeat them); a range containing the note's
    figure, or the same figure within rounding, agrees."""
    given = {q.text for q in quantities(question)}
    all_note_figures = [q for q in quantities(note) if q.text not in given]
    note_figures = [q for q in all_note_figures if _counts(q)]
    answer_figures = [q for q in quantities(answer) if q.text not in given]
    if not note_figures or not answer_figures:
        return None
    # Figures that count the same thing ("144 users" and "14,400 users") must agree, whatever else agrees.
    for answer_figure in answer_figures:
        same_unit = [n for n in all_note_figures if answer_figure.unit and n.unit == answer_figure.unit]
        counted = [n for n in same_unit if _counts(n)]  # "1 hour" beside "24 hours" agrees with the 1
        if counted and not any(_agrees(answer_figure, n) for n in same_unit):
            noted = ", ".join(n.text for n in counted)
            return f"states {answer_figure.text} {answer_figure.unit} where the notes say {noted}"
    if any(_agrees(a, n) for a in answer_figures for n in note_figures):
        return None
    said = ", ".join(q.text for q in answer_figures)
    noted = ", ".join(q.text for q in note_figures)
    return f"states {said} where the notes say {noted}"


def states_figure(answer: str, note: str, question: str = "") -> bool:
    """True when the answer gives the note's own figure (or a range holding it) that the question did not give:
    "90-95%" for a note's "90–95%" is the point of a rule of thumb, whatever the words around it."""
    given = {q.text for q in quantities(question)}
    wanted = [q for q in quantities(note) if q.text not in given and _counts(q)]
    said = [q for q in quantities(answer) if q.text not in given]
    return any(_agrees(a, n) for a in said for n in wanted)
