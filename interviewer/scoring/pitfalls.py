"""Note statements whose polarity is not in their words: pitfalls, and questions the note answers "no". Pure.

A bullet under "Pitfalls" ("Fitting scalers on the full dataset before splitting.") states a mistake: an
answer that recommends it says the opposite of the note while sharing all its words. A Q&A line
('"Is k-means guaranteed to find the best clustering?": no, ...') denies its own question."""

from __future__ import annotations

import re

__all__ = ["answered_question", "endorses", "is_pitfall", "warns"]

_PITFALL_HEADING = re.compile(
    r"\b(pitfalls?|mistakes?|traps?|gotchas?|anti-?patterns?|misconceptions?|myths?|avoid|don'?ts|wrong)\b",
    re.I,
)
_PITFALL_LEAD = re.compile(r"^\s*(pitfall|mistake|trap|avoid|don'?t|never|myth|misconception|wrong)\b", re.I)
# A bullet under "Pitfalls" that is advice ("Test set must keep real prevalence") or names an omission
# ("Forgetting to rescale lr when changing batch size"): recommending what it names is the right answer.
_ADVICE = re.compile(
    r"^\s*(?:forg[eo]t\w*|not|no|missing|skipp?\w*|fail\w* to|ignor\w*|neglect\w*|without|omit\w*)\b|"
    r"\b(?:must|should|always|need to|needs to|make sure|remember to)\b",
    re.I,
)
_ENDORSE = re.compile(
    r"\b(best practice|fine|safe|safer|good|correct|right choice|recommended|should|standard|the way to|"
    r"i'?d|i would|we'?d|we would|i (?:always|usually|just)|is better|works? (?:well|best)|okay|ok|helps?|"
    r"is the right|makes sense|perfectly)\b",
    re.I,
)
_WARN = re.compile(
    r"\b(avoid|never|don'?t|do not|not|no|mistakes?|pitfalls?|traps?|leaks?|leakage|wrong|bad|risk\w*|"
    r"problems?|careful|watch out|beware|instead|rather than|inflat\w*|overstat\w*|optimistic|misleading|"
    r"only on|only the|classic error|error-prone|dangerous|check\w*|look for|detect\w*|watch|catch|spot|"
    r"sources?|symptoms?|signs?|suspicious)\b",
    re.I,
)
_ANSWERED = re.compile(
    r"^\s*(?:asked\s+)?[\"“](?P<question>[^\"”]{3,200}?)\?[\"”]\s*:?\s*(?P<answer>yes|no|not really|not always|"
    r"not necessarily)\b[\s,.:;]*(?P<rest>.*)$",
    re.I | re.S,
)


def is_pitfall(text: str, heading: str = "") -> bool:
    """True when the note statement describes a mistake (its section is Pitfalls, or it says so itself); not
    when it is the advice or names an omission, whose recommendation is the right answer."""
    if _ADVICE.search(text):
        return False
    return bool(_PITFALL_HEADING.search(heading) or _PITFALL_LEAD.match(text))


def endorses(text: str, note: str = "") -> bool:
    """True when an answer clause recommends what it describes ("it's best practice to", "I'd", "is fine")
    in words of its own: the pitfall's own wording ("... even if the ranking is still good") is no praise."""
    said = {m.group(0).lower() for m in _ENDORSE.finditer(text)}
    return bool(said - {m.group(0).lower() for m in _ENDORSE.finditer(note)})


def warns(text: str) -> bool:
    """True when an answer sentence presents what it describes as a mistake ("avoid", "leaks", "never")."""
    return bool(_WARN.search(text))


def answered_question(text: str) -> tuple[str, bool, str] | None:
    """(question, whether the note answers it "no", the rest) for a Q&A line answered yes or no, else None."""
    match = _ANSWERED.match(text)
    if match is None:
        return None
    denied = match.group("answer").lower() != "yes"
    return match.group("question"), denied, match.group("rest")
