"""A mistake the notes' author tells of their own work, retold as a teammate's scene (asked at level 3: asking.py).

Candidates write down what went wrong for them ("Mistake I made: I borrowed an ICC of 0.01 from a paper about a
different outcome, the real value was nearer 0.08 ..."). What they did is a scene a demanding interviewer puts to
someone else: "A teammate borrowed an ICC of 0.01 from a paper about a different outcome. What is wrong with that,
and what would you have done instead?" The scene stops where the story turns to what followed (the sentence after
it, a comma clause, an arrow): that is the answer, never part of the question."""

from __future__ import annotations

import re

from interviewer.interview.statements import balanced, clean_statement

__all__ = ["starts_bullet", "story_points", "told_mistake", "under_story_heading"]

# "Mistake I made:", "A mistake I made early on:", "Mistake I made in a mock:", "Mistake I made (retail project,
# 2022):", "My mistake:", "The leakage trap, and the mistake I actually made:". The label ends at its colon.
_LABEL = re.compile(
    r"^[^:]{0,40}?\b(?:mistakes?|errors?)\s+I\s+(?:\w+ly\s+|once\s+)?(?:made|shipped|keep making)\b[^:]{0,60}?:\s*"
    r"|^my\s+(?:biggest\s+|own\s+)?(?:mistake|error)[^:]{0,40}?:\s*",
    re.I,
)
# A heading that titles what follows as the author's own mistake ("MISTAKE I MADE", "## Mistake I made").
# (or after the note's subject: "Spark skew & joins: mistakes I've actually made", round 90)
_HEADING = re.compile(
    r"^(?:[^:]{1,60}:\s+)?(?:(?:a|one|the|some)\s+)?(?:mistake|error)s?\s+I(?:'ve|\s+have)?\s+(?:\w+ly\s+|once\s+)?"
    r"made\b|^my\s+mistakes?\b",
    re.I,
)
# Where it happened, before the subject: "in a Kaggle-style take-home I reported ...", "On a take-home, I ...".
_WHERE = re.compile(
    r"^(?:(?:in|on|at|during)\s+(?:a|an|the|my)\b|after|before|when|while)[^,.:;]{0,40}?,?\s+(?=(?:I|we)\b)", re.I
)
# ... or after it, which the teammate's scene does not keep: "optimised margin on unit cost in a practice case".
_WHERE_AFTER = re.compile(
    r"\s+(?:in|on|during)\s+(?:a|an|the|my)\s+(?:\w+[- ])?(?:mock|take-home|interview|practice case|case study|"
    r"design round|competition|kaggle\S*)\b.*$",
    re.I,
)
_SUBJECT = re.compile(r"^(?:I|we)\s+(?:once\s+)?", re.I)
_ADVERB = r"(?:(?:only|just|first|once|also|then|accidentally|naively|initially|originally|\w+ly)\s+)?"
# A past-tense verb that starts what was done; "-ed" words that are no past tense are left out.
_IRREGULAR = (
    "built|bought|chose|did|drew|fed|fit|forgot|found|gave|got|grew|hid|kept|left|let|lost|made|meant|put|ran|read|"
    "said|sent|set|shipped|split|spent|took|thought|told|threw|went|wrote|led|ate|held|sold|dropped|picked|began"
)
# ("needed IPS or at least a randomised slice" under a "Mistake I made" heading is the fix, not the act)
_NOT_PAST = frozenset("needed need feed speed seed proceed succeed exceed embed shed bed red bleed breed".split())
# ... nor a verb that is a term's first word: "Left join on a key that was 38% null." (a SQL join, round 90)
_TERM_NOT_ACT = re.compile(
    r"^(?:left|right|read|set|split|spent)\s+(?:join|outer|anti|semi|replica|only|point|half)\b", re.I
)
_PAST = re.compile(rf"^{_ADVERB}(?P<verb>[a-z]+ed|{_IRREGULAR})\b", re.I)
# Where the scene ends and what followed begins: a sentence's end, an arrow, a dash, a semicolon; a comma only once
# the scene has a few words ("picked a forecast by RMSE, the ops team judged it on MAPE" keeps its second clause).
_THEN = re.compile(
    r"(?<=[^\s.])\.(?=\s|$)|\s*(?:→|->|=>)\s*|;\s|\s[—–]\s|\s--\s|:\s|\?\s|!\s"
    r"|\s+and\s+(?:got|was\s+told|realised|realized|found|saw)\b"  # ('said "..." and got "1% of what?"')
)
_COMMA = re.compile(r",\s")
_PRONOUNS = (
    (r"\bI was\b", "they were"),
    (r"\bI am\b|\bI'm\b", "they are"),
    (r"\bI'd\b", "they had"),
    (r"\bI've\b", "they have"),
    (r"\bI'll\b", "they will"),
    (r"\b(?:I|we)\b", "they"),
    (r"\b(?:my|our)\b", "their"),
    (r"\b(?:me|us)\b", "them"),
    (r"\bmyself\b|\bourselves\b", "themselves"),
)
# "A teammate switched units mid-analysis" is shorthand, and "A teammate estimated seasonal factors on 2019-2021
# data." a one-line answer: both raters failed scenes of six words or fewer (rounds 54-55).
SCENE_MIN_WORDS = 7
SCENE_MAX_WORDS = 40


def told_mistake(statement: str, heading: str = "") -> str:
    """What the author did, said of a teammate in the past tense ("borrowed an ICC of 0.01 from a paper about a
    different outcome"), or '' when the statement tells no mistake of their own with a verb to retell. `heading`:
    the section the statement stands under; under "Mistake I made" a statement needs no label of its own."""
    text = clean_statement(statement).strip()
    label = _LABEL.match(text)
    if label:
        text = text[label.end() :]
    elif under_story_heading(heading):
        text = re.sub(r"^[A-Z][\w -]{0,30}:\s+", "", text)  # ("Mock interview: picked the threshold ...")
    elif re.match(r"^I\s+once\s+", text):
        pass
    else:
        return ""
    # (where it happened may hold a bracket: "On the ticket-routing project (see my note 05) I reported ...")
    lead = re.match(r"^((?:in|on|at|during)\s+(?:a|an|the|my)\b[^:;]{0,120}?),?\s+(?=(?:I|we)\b)", text, re.I)
    if lead and _WHERE.match(re.sub(r"\s*\([^()]*\)", "", lead.group(1)) + " I"):
        text = text[lead.end() :]
    text = _WHERE.sub("", text.strip(" *_,:")).strip()
    text = _SUBJECT.sub("", text)
    if not text or (text[0].isupper() and not re.match(r"^[A-Z][a-z]+ed\b", text)):
        return ""  # "Sales are not demand." names no act; "Evaluated without ..." does
    verb = _PAST.match(text) if not _TERM_NOT_ACT.match(text) else None
    # (what they said, quoted out of its scene, asks about words nobody has context for: 'A teammate said "just add the
    # scores".', both raters, round 55)
    if verb is None or verb.group("verb").lower() in _NOT_PAST or verb.group("verb").lower() in ("said", "told"):
        return ""
    scene = _retold(_WHERE_AFTER.sub("", _cut(text)))
    scene = balanced(scene).strip(" .,:;")
    words = scene.split()
    if not SCENE_MIN_WORDS <= len(words) <= SCENE_MAX_WORDS or ('"' in scene and scene.count('"') % 2):
        return ""
    return scene[0].lower() + scene[1:]


def _cut(text: str) -> str:
    """The scene: the story up to where what followed begins (at its first comma, outside brackets and quotes)."""
    end = _THEN.search(text)
    scene = text[: end.start()] if end else text
    depth, quoted = 0, False
    for at, char in enumerate(scene):
        depth += (char == "(") - (char == ")")
        quoted = quoted != (char in '"“”')
        if char == "," and scene[at + 1 : at + 2] == " " and depth == 0 and not quoted:
            return scene[:at]
    return scene


def _retold(scene: str) -> str:
    """The scene said of a teammate: the author's pronouns become theirs, never inside a quote."""
    parts = re.split(r'("[^"]*"|“[^”]*”)', scene)
    for index in range(0, len(parts), 2):
        for pattern, said in _PRONOUNS:
            parts[index] = re.sub(pattern, said, parts[index])
    return "".join(parts)


def under_story_heading(heading: str) -> bool:
    """True for a section titled as the author's own mistake."""
    return bool(_HEADING.match(heading.split(" > ")[-1].strip(" #*")))


def story_points(statement: str, statements: list[str], text: str) -> tuple[str, ...]:
    """What a told mistake's question is scored on: the story and up to two sentences after it in the same paragraph
    or bullet (what followed, and the lesson), which the question never says."""
    points = [statement]
    plain = _MARKS.sub("", text)  # the statements are read without emphasis marks; the chunk's text has them
    at = plain.find(_MARKS.sub("", statement)[:40])
    index = statements.index(statement) if statement in statements else -1
    for following in statements[index + 1 : index + 3] if index >= 0 and at >= 0 else []:
        found = plain.find(_MARKS.sub("", following)[:40], at)
        between = plain[at:found] if found >= 0 else "\n\n"
        if "\n\n" in between or re.search(r"\n\s*(?:[-+•]|\d+[.)]|#)", between):
            break
        points.append(following)
        at = found
    return tuple(points)


_MARKS = re.compile(r"\*\*|__|`|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")


def starts_bullet(statement: str, text: str) -> bool:
    """True when the statement opens a bullet of `text` (each bullet under "Mistakes I made" tells one)."""
    plain = _MARKS.sub("", text)
    head = re.escape(_MARKS.sub("", statement)[:30])
    return re.search(rf"(?m)^\s*(?:[-*+•]|\d+[.)])\s+{head}", plain) is not None
