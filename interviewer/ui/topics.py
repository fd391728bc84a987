"""The topic menu and what a candidate types into it, as pure functions.

Topics that differ only in case ("Gradient Boosting" in one file, "Gradient boosting" in another) are one entry,
spelled as most of their chunks spell it; choosing it asks from both, because a session's topic filter matches
topic names without regard to case. Text typed into the box without picking from the list is matched to an
entry (whole name, else the start of a name, else a part of one, all ignoring case); text that matches nothing,
or several entries, is a one-line error that says what to do, and no session starts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from interviewer.errors import BadInputError

__all__ = ["match_topic", "merged_topics"]

_LISTED = 4  # entries named in the message when typed text matches several


def merged_topics(topics: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """Topics with their chunk counts, those that differ only in case merged under the spelling with the most
    chunks (ties: the first in alphabetical order); most chunks first, then by name, as the store lists them."""
    spellings: dict[str, Counter[str]] = {}
    for topic, count in topics:
        spellings.setdefault(topic.casefold(), Counter())[topic] += count
    merged = [
        (min(counts, key=lambda spelling: (-counts[spelling], spelling)), sum(counts.values()))
        for counts in spellings.values()
    ]
    return sorted(merged, key=lambda item: (-item[1], item[0].lower()))


def match_topic(typed: str, choices: Sequence[str]) -> str | None:
    """The menu entry that typed text names, or None for an empty box; BadInputError when it names none or
    several."""
    text = " ".join(typed.split())
    if not text:
        return None
    wanted = text.casefold()
    for matches in (
        [choice for choice in choices if choice.casefold() == wanted],
        [choice for choice in choices if choice.casefold().startswith(wanted)],
        [choice for choice in choices if wanted in choice.casefold()],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            named = ", ".join(f"“{choice}”" for choice in matches[:_LISTED])
            more = f" and {len(matches) - _LISTED} more" if len(matches) > _LISTED else ""
            raise BadInputError(f"topic “{text}” matches {len(matches)} topics ({named}{more}): pick one from the list")
    raise BadInputError(
        f"no topic matches “{text}”: pick one from the list, or clear the box to let the interviewer choose"
    )
