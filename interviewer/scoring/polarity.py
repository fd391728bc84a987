"""Polarity: does an answer clause say what a note clause says, or the opposite? Pure, deterministic.

Two clauses are compared only once they are aligned (they share most of the note clause's content keys,
with a direction word or antonym counting as its axis). Then each way of turning a claim round counts as one
flip: a negation on one side only, an antonym on the other side of its axis, a direction reversed on a
shared object ("reduces variance" / "increases variance"), a named concept swapped for its partner
("bagging" / "boosting"). An odd number of flips reverses the claim; two flips cancel ("a larger sample
does not give a wider interval" agrees with "a larger sample gives a narrower interval")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from interviewer.scoring.lexicon import Term, terms

__all__ = ["Alignment", "Stance", "align", "clauses", "flips", "reversal", "term_flips", "term_reversal"]

_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|:\s+(?=[a-z])|,?\s+(?:whereas|while|but|so|which means|therefore|because|since|hence|thus)\s+|"
    r",\s+(?:and|unlike|then|which)\s+|\s+--\s+|\s+—\s+|(?<=[}\]\"”])\s+(?-i:(?=[A-Z]))|"
    # Terse notes: "X -> Y" states a consequence, "X, not Y" a denial; each side is its own claim.
    r"\s*(?:->|=>|→)\s*|,\s+(?=not\s))\s*",
    re.I,
)
_MIN_CLAUSE_WORDS = 2


def clauses(sentence: str) -> list[str]:
    """The sentence's clauses (a contrast, a reason and its claim are separate claims); the sentence if one."""
    parts = [part.strip(" ,.") for part in _CLAUSE_BREAK.split(sentence)]
    kept = [part for part in parts if len(part.split()) >= _MIN_CLAUSE_WORDS]
    return kept or [sentence]


@dataclass(frozen=True)
class Alignment:
    """How much of a note clause an answer clause restates (0..1), and the shared keys."""

    share: float
    shared: frozenset[str]
    answer_share: float = 0.0  # the share of the answer clause's keys that the note clause has


def _keys(found: list[Term]) -> set[str]:
    return {t.key for t in found if not t.negator and t.key}


def align(answer: list[Term], note: list[Term]) -> Alignment:
    """The share of the note clause's content keys that the answer clause also has."""
    note_keys, answer_keys = _keys(note), _keys(answer)
    if not note_keys:
        return Alignment(0.0, frozenset())
    shared = note_keys & answer_keys
    return Alignment(len(shared) / len(note_keys), frozenset(shared), len(shared) / max(1, len(answer_keys)))


def _negated(found: list[Term]) -> dict[str, set[bool]]:
    """Each content key and whether a negation applies to it where it occurs: the first word term after a negator.

    Scoped to one word so that "scaling is not needed for trees" and "trees don't need scaling" agree;
    a negated direction or antonym is read as its other side instead ("not linear" is "non-linear"), and a
    named concept is never the target ("IS NOT NULL" is SQL, not a claim about a hypothesis)."""
    status: dict[str, set[bool]] = {}
    pending = False
    for t in found:
        if t.negator:
            pending = not pending  # "not without" cancels
            continue
        if not t.key or (not t.key[0].isalpha() and t.key[0] != "~"):
            continue
        if t.sign or t.side:
            pending = False
            continue
        status.setdefault(t.key, set()).add(pending)
        pending = False
    return status


def _negation_flip(answer: list[Term], note: list[Term]) -> str:
    answer_status, note_status = _negated(answer), _negated(note)
    for key in sorted(answer_status.keys() & note_status.keys()):
        said, noted = answer_status[key], note_status[key]
        if len(said) == 1 and len(noted) == 1 and said != noted:  # a word both negated and not is ambiguous
            return f"negates {key}" if True in said else f"drops the negation of {key}"
    return ""


def _signed(found: list[Term]) -> list[Term]:
    """The terms with a negated direction or antonym turned to its other side."""
    turned: list[Term] = []
    pending = False
    for t in found:
        if t.negator:
            pending = not pending
            continue
        if t.sign and pending:
            t = Term(t.key, t.position, -t.sign, t.side)
        pending = False if t.key else pending
        turned.append(t)
    return turned


def _axis_sides(found: list[Term]) -> dict[str, set[int]]:
    sides: dict[str, set[int]] = {}
    for t in found:
        if t.sign and t.key != "~direction":
            sides.setdefault(t.key, set()).add(t.sign)
    return sides


_LIGHT_VERBS = frozenset({"go", "get", "got", "becom", "becam", "mak", "turn"})


def _directions(found: list[Term]) -> dict[str, set[int]]:
    """Each object a direction word applies to, and its signs: the word before a verb like "falls"
    ("recall falls"), the word after any other direction word ("reduces variance", "a wider interval"),
    or the word before it when nothing follows ("variance is higher"). Figures are never the object."""
    plain = [
        t
        for t in found
        if not t.negator and t.key != "~direction" and not t.sign and t.key[:1].isalpha() and t.key not in _LIGHT_VERBS
    ]
    signs: dict[str, set[int]] = {}
    for t in found:
        if t.key != "~direction":
            continue
        after = [p for p in plain if 0 < p.position - t.position <= 2]
        before = [p for p in plain if 0 < t.position - p.position <= 3]
        target = before[-1] if t.intransitive and before else (after[0] if after else (before[-1] if before else None))
        if target is not None:
            key = target.side or target.key  # "recall" and "precision" are different objects
            signs.setdefault(key, set()).add(t.sign)
    return signs


def _roles(found: list[Term]) -> dict[str, dict[str, set[str]]]:
    """For each concept pair, the content keys that follow each of its sides (up to the next side)."""
    roles: dict[str, dict[str, set[str]]] = {}
    for i, t in enumerate(found):
        if not t.side:
            continue
        following: set[str] = set()
        for later in found[i + 1 : i + 5]:
            if later.key == t.key:
                break
            if not later.negator:
                following.add(later.side or (f"{later.key}{later.sign:+d}" if later.sign else later.key))
        roles.setdefault(t.key, {}).setdefault(t.side, set()).update(following)
    return roles


def _role_flips(answer: list[Term], note: list[Term]) -> list[str]:
    flips: list[str] = []
    swapped = ""
    answer_roles, note_roles = _roles(answer), _roles(note)
    # Naming the other concept reverses the claim only if the rest of the answer says what the note says.
    same_rest = len(_keys(answer) - _keys(note)) <= 1
    for pair, note_sides in note_roles.items():
        answer_sides = answer_roles.get(pair, {})
        if len(note_sides) == 1 and len(answer_sides) == 1 and set(note_sides) != set(answer_sides) and same_rest:
            (named,), (other,) = answer_sides, note_sides
            flips.append(f"says of {named} what the notes say of {other}")
        elif len(note_sides) == 2 and len(answer_sides) == 2:
            a, b = sorted(note_sides)
            straight = len(answer_sides[a] & note_sides[a]) + len(answer_sides[b] & note_sides[b])
            crossed = len(answer_sides[a] & note_sides[b]) + len(answer_sides[b] & note_sides[a])
            if crossed >= straight + 2:
                swapped = f"swapped {a} and {b}"
        elif len(note_sides) == 2 and len(answer_sides) == 1 and same_rest:
            ((named, said),) = answer_sides.items()
            other = next(side for side in note_sides if side != named)
            if len(said & note_sides[other]) >= max(2, len(said & note_sides[named]) + 1):
                flips.append(f"says of {named} what the notes say of {other}")
        elif len(note_sides) == 1 and len(answer_sides) == 2:
            ((named, noted),) = note_sides.items()
            other = next(side for side in answer_sides if side != named)
            straight, crossed = len(answer_sides[named] & noted), len(answer_sides[other] & noted)
            if crossed >= max(3, straight + 1):
                swapped = f"says of {other} what the notes say of {named}"
    # Crossing two pairs in one clause ("bagging lowers bias, boosting variance") is one swap, not two.
    return flips + ([swapped] if swapped else [])


def flips(answer_clause: str, note_clause: str) -> list[str]:
    """Every way the answer clause turns the note clause round (empty when it keeps its polarity)."""
    return term_flips(terms(answer_clause), terms(note_clause))


def term_flips(answer: list[Term], note: list[Term]) -> list[str]:
    """`flips` on clauses already split into terms."""
    found: list[str] = []
    negation = _negation_flip(answer, note)
    if negation:
        found.append(negation)
    answer, note = _signed(answer), _signed(note)
    note_axes, answer_axes = _axis_sides(note), _axis_sides(answer)
    for axis, note_signs in note_axes.items():
        answer_signs = answer_axes.get(axis, set())
        if len(note_signs) == 1 and len(answer_signs) == 1 and note_signs != answer_signs:
            found.append(f"takes the other side of {axis.replace('|', '/')}")
    note_dirs, answer_dirs = _directions(note), _directions(answer)
    for target, signs in sorted(note_dirs.items()):
        answer_signs = answer_dirs.get(target, set())
        if len(signs) == 1 and len(answer_signs) == 1 and answer_signs != signs:
            found.append(f"reverses the direction of {target}")
            break  # one reversed statement, however many of its words the direction touches
    found.extend(_role_flips(answer, note))
    return found


def reversal(answer_clause: str, note_clause: str) -> str | None:
    """Why the answer clause states the opposite of the note clause, or None when it does not."""
    found = flips(answer_clause, note_clause)
    return "; ".join(found) if len(found) % 2 == 1 else None


class Stance(Enum):
    """How an aligned answer clause stands to a note clause."""

    KEEPS = "keeps"  # states it (or a double negation of it)
    REVERSES = "reverses"  # an odd number of flips: the opposite
    DIFFERS = "differs"  # an even number of flips: another claim on the same words


def term_reversal(answer: list[Term], note: list[Term]) -> tuple[Stance, str]:
    """How the answer clause stands to the note clause, and why (the flips found)."""
    found = term_flips(answer, note)
    if not found:
        return Stance.KEEPS, ""
    if len(found) % 2 == 1:
        return Stance.REVERSES, "; ".join(found)
    if any("negat" in f for f in found):
        return Stance.KEEPS, ""
    return Stance.DIFFERS, "; ".join(found)
