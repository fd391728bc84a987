"""Cards about a deck rather than about the subject: introduction, licence, changelog, instructions.

Published decks carry such cards; indexed, they become interview questions ("To see this work in full go
to ..." as a missed point). A card is one of them when its front is only the name of such a role
("Licence", "Changelog v2", "How to use this deck"), or when its text talks about the deck itself ("this
deck", "see this work in full"). A front that asks a question about the subject is never one of them."""

from __future__ import annotations

import re

__all__ = ["is_metadata_deck", "metadata_card_reason"]

_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("licence", r"licen[cs]es?|licensing|copyright|creative commons|cc[ -]by(?:[ -]\w+)*|terms of use"),
    ("changelog", r"change ?log|changes|version history|release notes|what'?s new|updates"),
    (
        "how to use this deck",
        r"how to (?:use|study)(?: this deck| these cards| with this deck)?|study tips?|instructions|getting started|"
        r"read ?me(?: first)?|usage",
    ),
    ("introduction", r"introduction|intro|about(?: this deck)?|welcome|preface|credits|acknowledg\w*|disclaimer"),
)
_ANY_ROLE = "|".join(words for _, words in _ROLE_WORDS)
# The front is the role's name and nothing else, maybe joined with another role (or one more word) or
# followed by a version: "Licence", "Licence & credits", "Licence and how to study", "Changelog v2".
_FRONT_IS_ROLE = tuple(
    (role, re.compile(rf"^\W*(?:{words})(?:\s*(?:and|&|/)\s*(?:{_ANY_ROLE}|\w+))?(?:\s+v?\d[\d.]*)?\W*$", re.I))
    for role, words in _ROLE_WORDS
)
# A sub-deck for such cards: "My Deck::00 Meta", "My Deck::About".
_META_DECK = re.compile(r"^\W*(?:\d+\W*)?(?:meta|about|info|read ?me|introduction|intro)\W*$", re.I)
_ROLE_ANYWHERE = tuple((role, re.compile(rf"\b(?:{words})\b", re.I)) for role, words in _ROLE_WORDS)
_ABOUT_THE_DECK = re.compile(
    r"\b(?:this (?:deck|collection of cards|set of cards)|these cards|see this work in full|"
    r"(?:full|original) (?:work|version|deck) (?:is )?(?:at|on|here)|patreon|ko-fi|buy me a coffee|"
    r"report (?:an )?(?:error|issue|typo)s?)\b",
    re.I,
)


def metadata_card_reason(front: str, back: str) -> str | None:
    """'licence card', 'introduction card', ... when the card is about the deck, else None."""
    front_line = " ".join(front.split())
    if front_line.endswith("?") and not _ABOUT_THE_DECK.search(front_line):
        return None  # a question about the subject, even one that mentions licences or updates
    for role, pattern in _FRONT_IS_ROLE:
        if pattern.match(front_line):
            return f"{role} card"
    whole = f"{front_line}\n{back}"
    if not _ABOUT_THE_DECK.search(whole):
        return None
    role = next((role for role, pattern in _ROLE_ANYWHERE if pattern.search(whole)), "introduction")
    return f"{role} card"


def is_metadata_deck(deck: str) -> bool:
    """True for a sub-deck that holds cards about the deck ("Deck::Meta", "Deck::00 About")."""
    return any(_META_DECK.match(part) for part in deck.split("::")[1:])
