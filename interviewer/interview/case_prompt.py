"""Who put a case's question and where the note-taker's own answer starts: the names of whoever played the
interviewer, the question as it was put and by whom, the prompt that casts the candidate at a business, and the
sections and lines that answer rather than pose (an attempt, a model answer, the lessons). Pure string functions."""

from __future__ import annotations

import re

from interviewer.core.chunks import Chunk

__all__ = [
    "ANSWER_HEADING",
    "ATTEMPT",
    "CASE_HEADING",
    "CAST_AT",
    "FIRST_PERSON_PAST",
    "PUT_BY",
    "YOU_ARE",
    "attempt_labelled",
    "bare_ask",
    "interviewers",
    "put_by_whom",
    "said_in",
]


FIRST_PERSON_PAST = re.compile(
    r"^(?:then |next |so |first,? )?I (?:[a-z]{3,}ed|put|set|did|made|took|went|thought|got|began|wrote|ran|chose|"
    r"kept|split|spent)\b"
)
ATTEMPT = re.compile(
    r"^(?:my|our) (?:own )?(?:attempt|answer|approach|solution|go at it|working|write-?up)\b|^here'?s (?:my|what I)\b|"
    r"^what I (?:said|did|answered|wrote)\b",
    re.I,
)


def interviewers(text: str) -> list[str]:
    """The names of whoever played the interviewer in a practice case's title or preface."""
    # ("Practice mock with Priya", "Mock w/ R.", "practised this with Tom"; never "ads with Meta and TikTok")
    found = re.findall(
        r"\b(?i:mock|practi[sc]e[ds]?|did this|ran this)\b[^.;]{0,30}?\b(?:with|w/)\s+([A-Z][^\W\d_]{2,})\b"
        r"(?!\s+[A-Z])",  # ("Mock with Tomás")
        text,
    )
    # ("— ran by Priya, 3 Nov")
    found += re.findall(r"\b(?:ran|run|played|interviewed) by\s+([A-Z][^\W\d_]{2,})\b", text)
    # ("Tom Adeyemi (ex-colleague, now consulting) played the Director of Library Services", round 44)
    found += re.findall(
        # ("Tom from the Thursday study group played the interviewer", round 61 named its bank "Next")
        r"\b([A-Z][^\W\d_]{2,})(?:\s+[A-Z][\w'-]+)?(?:\s*\([^()]{0,60}\))?(?:\s+from\s+[^,.;()]{3,40}?)?\s+"
        r"(?:played|playing|was playing|as the interviewer|ran (?:this|it|the mock)|(?:offered|agreed) to play)\b"
        # "Dan is a strategy consultant who climbs at my wall, and he offered to play the COO" (round 45)
        r"|\b([A-Z][a-z]{2,}) is an? [^.;]{0,80}\b(?:offered|agreed) to play\b",
        text,
    )
    # ("The case round was with Sam, a principal data scientist, who played the Head of Trading", round 53)
    found += re.findall(r"\b([A-Z][^\W\d_]{2,}),\s+[^,.;]{3,60},\s+who\s+(?:played|was playing|ran)\b", text)
    # ("Debrief: PartsPilot final round, analytics case (interviewer: Ines, staff DS)", round 55)
    found += re.findall(r"\((?i:interviewers?|interviewed by|played by)\s*[:=-]?\s*([A-Z][^\W\d_]{2,})\b", text)
    # ("mock #4 — Gambitly daily games jump (Tom as Head of Product)", round 62 named the case "Tom")
    found += re.findall(
        r"\(([A-Z][^\W\d_]{2,}) (?:as|playing) (?:the |a |an )?(?i:head|director|vp|ceo|coo|cfo|cto|cpo|pm|manager|"
        r"lead|interviewer|founder|owner)\b",
        text,
    )
    # ("Interviewer: Ines Duarte, senior DS." on its own line, round 67 named the case "Ines Duarte")
    found += re.findall(
        r"(?:^|[.;!?]\s+)(?i:interviewer|interviewed by|played by)\s*[:=-]\s*([A-Z][^\W\d_]{2,})\b", text
    )
    names = [name for group in found for name in ([group] if isinstance(group, str) else group) if name]
    return sorted({re.escape(name) for name in names})


# A prompt that casts the candidate: "You're the analyst at Chatterbridge, a language-exchange app where ..." (round
# 65 called it "the language-exchange app"); its business is said as the case's own sentence.
# ("You've joined Tallyfold, a B2B invoicing tool for small agencies.", round 88)
CAST_AT = re.compile(
    r"\b(?:at|for|joined)\s+((?:[A-Z][\w&'-]+)(?:\s+(?:[A-Z][\w&'-]+|&))*)(?=[.,;:]|\s+(?:and|where|which)\b|$)"
)
YOU_ARE = re.compile(
    r"(?:^|[\"“])(?:you're|you are|imagine you(?:'re| are)|you've (?:just )?joined|you (?:have )?(?:just )?joined)\b",
    re.I,
)


def bare_ask(ask: str) -> str:
    """A question as it was put, without the label and quotes read with it: 'The question: "Do we ...?"'."""
    return re.sub(r"^The question:\s*", "", ask).strip('"“” ')


def put_by_whom(put_by: re.Match[str]) -> str:
    """Who put the question, as the opening says it before the quote: "Rhiannon, the head of ops, asks:", "The Head
    of Supply asks:"."""
    return f"{put_by.group('who')}, asks:" if put_by.group("who") else f"The {put_by.group('role')} asks:"


def attempt_labelled(ordered: list[Chunk], staged: list[tuple[str, str]], start: int) -> int:
    """Where the note-taker's attempt starts, after a line that labels it on its own ("**My attempt**", too short to
    be a sentence of the case): the first of `staged` (from `start`) that the note writes after that line; else
    len(staged). Round 96 asked "Randomly pick 8 of 38 to get vans, other 30 are control." as a given."""
    # (a heading may label it: "## My attempt (as written, tidied slightly)", round 98 led a stage with its "99.4%
    # only captures the first.")
    text = "\n".join(f"{chunk.heading.split(' > ')[-1]}\n{chunk.text}" for chunk in ordered)
    label = re.search(r"^\W*(?:my|our) (?:own )?(?:attempt|answer|approach|working)\b[^\n.]{0,40}$", text, re.I | re.M)
    if label is None:
        return len(staged)
    for index, (statement, _) in enumerate(staged):
        at = text.find(statement[:30])
        if index >= start and at > label.end():
            return index
    return len(staged)


def said_in(statement: str, text: str) -> bool:
    """True when a statement, as read, comes from `text` (words only): its start or its end, since reading may reword
    either ("The book's line:" is said "The book says:")."""
    words = re.sub(r"[^\w]+", " ", statement).strip()
    return len(words) >= 20 and (words[:40].strip() in text or words[-40:].strip() in text)


# A section heading that says what follows is answered, not posed: the attempt, a model answer, the lessons
ANSWER_HEADING = re.compile(
    r"\b(?:(?:my|our) (?:own )?(?:attempt|answer|approach|working)|model answer|(?:the )?(?:book|author)['’]s answer|"
    r"solution|where I went wrong|what (?:I|we) (?:did|got) wrong|lessons?|takeaways?|things to steal|"
    r"what I'?d do differently|feedback|post-?mortem|retro(?:spective)?)\b",
    re.I,
)
# A section heading that says the case starts there: "the case, as best I remember it", "The case prompt"
CASE_HEADING = re.compile(r"^(?:the |my )?case\b(?! stud)|\bthe case\b|\bcase (?:prompt|set-?up|question)\b", re.I)
# Who put the question that follows, on the line that ends before it: "Then, in character as Rhiannon, the head of
# ops:", "In character as the CFO:"
PUT_BY = re.compile(
    r"\b(?:as|from|by)\s+(?P<who>(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?, (?:the|their|its|our) [\w -]{2,40}?|"
    r"the (?:head|director|VP|manager|CEO|CFO|COO|owner|founder)\b[\w -]{0,30}?))\s*:$"
    # ('Then she put on her "Head of Supply" voice:', round 97)
    r"|\bput on (?:her|his|their) [\"“]?(?P<role>[A-Z][\w -]{2,30}?)[\"”]? voice\s*:$"
)
