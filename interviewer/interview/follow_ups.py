"""What an interviewer says after an answer: a follow-up about one missing point, built from the point's own
statement; a hint that points to the idea a point rests on; a twist that changes the situation. Pure once the frames
are loaded."""

from __future__ import annotations

import random
import re

from interviewer.core.chunks import Chunk
from interviewer.interview.asking import QuestionFrames, fill_frame, hard_end_levels, question_for
from interviewer.interview.combined import fits_frame
from interviewer.interview.items import Item, build_items
from interviewer.interview.statements import clean_statement, lead_term, lower_first, statement_kind, usable_concept
from interviewer.scoring.text import STOPWORDS, content_words, tokens

__all__ = ["follow_up_text", "hint_text", "idea_of", "twist_situation", "twist_text"]

# Words a hint must never point to: they name no idea ("Hint: think about around").
_VAGUE = frozenset(
    content_words(
        "value values thing way use used make data model models result results around about between within "
        "without across against during through toward towards usually often always never really actually also"
    )
)


def idea_of(point: str, exclude: str) -> str:
    """One idea of a point the candidate has not used: its most specific term (a hint names one, never a list)."""
    seen = set(content_words(exclude)) | _VAGUE
    best = ""
    for raw in tokens(point):
        if raw in STOPWORDS or len(raw) < 3 or not raw[0].isalpha():
            continue
        stem = content_words(raw)
        if stem and stem[0] not in seen and len(raw) > len(best):
            best = raw
    return best


def hint_text(item: Item, question: str, frames: QuestionFrames) -> str:
    """A hint that points to the idea the first point rests on."""
    term = idea_of(item.points[0], question) if item.points else ""
    if not term:
        return ""
    return fill_frame(frames.hints, random.Random(item.key), set(), term=term)


def _phrase_of(word: str, statement: str) -> str:
    """A word a follow-up asks about, with the words that qualify it in the statement and an article when it is
    one thing ('an explicit missing indicator'); '' for a bare singular word ("Where would indicator come into your
    answer?" read as garbled to a trial user, session 14)."""
    if not word:
        return ""
    found = re.search(rf"((?:\b[a-z][a-z-]+\s+){{0,2}}){re.escape(word)}\b", statement, re.I)
    lead = [w for w in (found.group(1).split() if found else []) if w.lower() not in STOPWORDS]
    lead = lead[-2:] if lead and all(w.islower() for w in lead) else []
    phrase = " ".join([*lead, word])
    if word.endswith("s") or word.isupper():
        return phrase  # a plural or an acronym needs no article ("segments", "TTL")
    if not lead:
        return ""
    return f"{'an' if phrase[0].lower() in 'aeiou' else 'a'} {phrase}"


def follow_up_text(
    point: dict[str, str], answer: str, frames: QuestionFrames, rng: random.Random, used: set[str]
) -> str:
    """A natural question about one missing point, built from the point's own statement; '' when the point names
    nothing to ask about (never "What about that?", and never the question put again word for word: a trial user
    read "Take the question again and add what is missing: ..." as the app not listening)."""
    statement = clean_statement(point.get("text", ""))
    chunk = Chunk(point.get("chunk_id", ""), statement, point.get("source", ""), point.get("heading", ""), "", 0, "")
    section = point.get("heading", "").split(" > ")[-1]
    kind = statement_kind(statement, section)
    items = [i for i in build_items(chunk) if i.points and i.points[0] == statement and i.kind == kind]
    opener = fill_frame(frames.openers, rng, used)
    if items and items[0].kind not in ("definition", "qa", "cloze"):
        item = items[0]
        asked = question_for(item, hard_end_levels(item).levels[0], frames, rng, used)
        if asked:
            return f"{opener} {asked}"
    concept = usable_concept(lead_term(statement))
    # A concept the answer already names is not asked about ("Where does regularization come in?" right after "add
    # strong regularization" read to a trial user as not listening): the point's own term the answer did not use is.
    said = set(content_words(answer))
    named = bool(concept) and set(content_words(concept)) <= said
    concept = concept if fits_frame(concept) and not named else _phrase_of(idea_of(statement, answer), statement)
    if not concept:
        return ""
    return fill_frame(frames.about, rng, used, concept=lower_first(concept))


def twist_situation(sentence: str) -> str:
    """The situation a twist sets, without its label or its solution: 'Twist: offline AUC is 0.97: suspect leakage'
    -> 'offline AUC is 0.97'."""
    situation = re.sub(r"^(now a )?twist:\s*", "", clean_statement(sentence), flags=re.I)
    return lower_first(re.split(r": |; | - | — ", situation, maxsplit=1)[0].strip(" ."))


def twist_text(sentence: str, frames: QuestionFrames, rng: random.Random, condition: bool = False) -> str:
    """A twist as a situation only ('Suppose offline AUC is 0.97. What now?'); as a condition said before a stage's
    question ('Suppose offline AUC is 0.97.') when `condition`. Never labelled "Twist:": no interviewer says it (a
    blind rater failed six questions on that word alone)."""
    situation = twist_situation(sentence)
    return fill_frame(frames.twist_constraints if condition else frames.twists, rng, set(), situation=situation)
