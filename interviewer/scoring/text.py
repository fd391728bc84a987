"""Text utilities for scoring: sentences, content words, bigrams and evasive answers. Pure functions."""

from __future__ import annotations

import itertools
import re

__all__ = [
    "STOPWORDS",
    "bigrams",
    "content_words",
    "counted",
    "is_evasive",
    "normalise_token",
    "not_in_notes_step",
    "sentences",
    "tokens",
]

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just me more most my myself
    nor of off on once only or other our ours out over own same she should so some such than that the
    their theirs them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours i'd i'm i've i'll it's
    that's there's you'd let's one two us may might must shall get got like well really quite basically
    actually thing things way lot lots kind sort""".split()
)
# Words that fill an answer without saying anything about the subject.
_GENERIC_WORDS = """think important many factors consider depends depend depending context good great question questions
    interesting hard say general generally know sure idea look google skip next pass move fine ok okay yes no
    maybe probably perhaps stuff various different case cases situation matter matters answer honestly believe
    feel guess definitely certainly lots considerations aspects approach approaches use used using need needs
    would could"""
_EVASIONS = re.compile(
    r"\b(i\s*(do\s*not|don'?t|dunno)\s*know|no idea|not sure|pass|skip|next( question)?|move on|it depends|"
    r"look (it|that) up|google it|can'?t (say|remember|recall)|don'?t remember|no comment|fine|ok(ay)?|whatever)\b",
    re.I,
)
# ... also after a quote that ends a sentence ('The slide said: "Up 18%." R. asked ...')
# (a quote may close inside emphasis: '*"... is £2m believable?"* You're helping Callum answer.', round 103)
_SENTENCE_END = re.compile(
    r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'])|(?<=[.!?][\"”’])\s+(?=[A-Z])"
    r"|(?<=[.!?][\"”’][*_])\s+(?=[A-Z])|(?<=[.!?][\"”’][*_][*_])\s+(?=[A-Z])|\n+"
)
# ("Li et al. 2019"; a book's "ch. 7 (...)" was cut into "7 (...), case 3." and asked as a given, round 96)
_ABBREVIATION = re.compile(r"\b(e\.g|i\.e|vs|etc|cf|approx|incl|resp|fig|eq|et al|ch|chap|pp|vol)\.", re.I)
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_TOKEN = re.compile(r"[a-z0-9]+(?:[-'/.][a-z0-9]+)*|[=<>^%+*/]")


def sentences(text: str) -> list[str]:
    """Split prose or bullet lists into sentences (bullets count as sentences); drops empty pieces."""
    pieces: list[str] = []
    for line in text.replace("\r", "\n").split("\n"):
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        protected = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", "\x00"), line)
        pieces.extend(
            part.replace("\x00", ".").strip() for part in _SENTENCE_END.split(protected) if part and part.strip()
        )
    return [piece for piece in pieces if re.search(r"[A-Za-z0-9]", piece)]


def normalise_token(token: str) -> str:
    """Crude, deterministic stemming so 'rises', 'rising', 'rise' and 'rised' all compare equal."""
    for suffix in ("ingly", "edly", "ing", "ies", "ied", "es", "ed", "ly", "s"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3 and not token.endswith("ss"):
            token = token[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return token[:-1] if len(token) > 3 and token.endswith("e") else token


_GENERIC_STEMS = frozenset(normalise_token(word) for word in _GENERIC_WORDS.split())


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (keeping things like 'l1', 'a/b', 'f1', '0.05', 'p-value')."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


def content_words(text: str) -> list[str]:
    """Normalised tokens that carry meaning: no stopwords, no punctuation."""
    return [normalise_token(t) for t in tokens(text) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]


def bigrams(words: list[str]) -> set[tuple[str, str]]:
    """Adjacent pairs of content words: they capture which term goes with which claim."""
    return set(itertools.pairwise(words))


def is_evasive(answer: str) -> bool:
    """True for empty answers, evasions ('fine', "I don't know", 'next') and content-free filler."""
    words = content_words(answer)
    substantive = [word for word in words if word not in _GENERIC_STEMS]
    if len(substantive) < 3:
        return True
    return bool(_EVASIONS.search(answer)) and len(substantive) < 6


def counted(number: int, noun: str) -> str:
    """'1 answer', '3 answers': a count with its noun, for messages."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def not_in_notes_step(factor: float, unbacked: int, on_topic: int) -> str:
    """The score step for claims the notes do not back: 'x0.80: 1 of 1 sentence on the question is not in your
    notes (yours to check)'."""
    verb = "is" if unbacked == 1 else "are"
    said = f"{unbacked} of {counted(on_topic, 'sentence')} on the question {verb} not in your notes"
    return f"x{factor:.2f}: {said} (yours to check)"
