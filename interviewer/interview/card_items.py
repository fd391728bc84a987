"""Items from the notes' own questions: flashcards, Q&A files and cloze notes. Their question is asked word for
word at the level its wording asks (never above level 3 when it sets no situation); their answer's statements are
the points. Pure."""

from __future__ import annotations

import re

from interviewer.core.chunks import Chunk
from interviewer.interview.card_fronts import as_question, without_source_label
from interviewer.interview.case_givens import without_pointers
from interviewer.interview.item import KIND_LEVELS, MAX_POINTS, Item, ItemSource
from interviewer.interview.statements import clean_statement, statement_kind
from interviewer.scoring.keypoints import prose
from interviewer.scoring.scorer import infer_level
from interviewer.scoring.text import content_words, sentences

__all__ = [
    "CLOZE",
    "SITUATION_FREE_LEVEL",
    "cloze_items",
    "poses_situation",
    "qa_concept",
    "qa_items",
    "qa_of",
    "qa_pairs",
    "statements_of",
]

_QA_TEXT = re.compile(r"^Q:\s*(.+?)\nA:\s*(.+)$", re.S)
_BOLD_QUESTION = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s+)?(?:\*\*|__)(.{3,300}?\?)\s*(?:\*\*|__)\s*:?\s*(.*)$")
_QUOTED_QUESTION = re.compile(r"^\s*(?:[-*+]\s+)?[\"“](.{3,200}?\?)[\"”]\s*:?\s*(.*)$")
_ABOUT_THE_QUESTION = re.compile(
    # (the interview it came up in, not what the question is: '"We have £X ..., how many?" is really three questions:')
    r"(?:came up|comes up|coming up|keeps coming|kept coming|(?:was|is|got|gets) asked|tripped|caught)\b"
)
CLOZE = re.compile(r"\{\{c\d+::([^{}]*?)(?:::([^{}]*))?\}\}")
_BLANK = re.compile(r"\[(?:\.{2,3}|…)\]")  # a cloze blank as ingest writes it


def qa_pairs(chunk: Chunk) -> list[tuple[str, str]]:
    """Every (question, answer) a chunk holds: an Anki card, a heading ending in '?', or bold or quoted question
    lines each followed by their answer (a Q&A file)."""
    pairs: list[tuple[str, str]] = []
    question, answer = "", list[str]()
    for line in chunk.text.splitlines():
        match = _BOLD_QUESTION.match(line) or _QUOTED_QUESTION.match(line)
        # ('"How would you monitor this model in production?" came up twice in my last loop': the sentence goes on
        # about the question, which no line answers, round 69)
        if match and _ABOUT_THE_QUESTION.match(match.group(2)) and not _BOLD_QUESTION.match(line):
            match = None
        if match:
            if question and answer:
                pairs.append((question, "\n".join(answer)))
            question, answer = clean_statement(match.group(1)), [match.group(2)] if match.group(2).strip() else []
        elif question and line.strip():
            answer.append(line)
    if question and answer:
        pairs.append((question, "\n".join(answer)))
    if pairs:
        return pairs
    single = qa_of(chunk)
    return [single] if single else []


def qa_of(chunk: Chunk) -> tuple[str, str] | None:
    """The chunk's own question and answer, when it is a flashcard or a Q&A section; else None.

    Ingest stores them as the chunk's `question` and `answer`; chunks indexed before it did are read from the
    shapes ingest gave then (an Anki note as 'Q: front\\nA: back', a section whose heading ends in '?')."""
    if chunk.question and chunk.answer:
        return clean_statement(chunk.question), chunk.answer.strip()
    match = _QA_TEXT.match(chunk.text.strip())
    if match:
        return clean_statement(match.group(1)), match.group(2).strip()
    last = chunk.heading.split(" > ")[-1].strip()
    if last.endswith("?") and len(chunk.text.split()) >= 3:
        return clean_statement(last), chunk.text.strip()
    return None


def statements_of(text: str) -> list[str]:
    """The statements of a note's text worth asking about (not the note-taker talking about themselves)."""
    # First-person lines ("I want to state it precisely") are the note-taker talking, not facts to ask about; so
    # is a to-do ("TODO: redo the calibration example with a GBM").
    cleaned = (clean_statement(s) for s in sentences(prose(text)))
    return [
        s
        for s in cleaned
        if len(content_words(s)) >= 3 and not _NOTE_TAKER.match(s) and not _TABLE_ROW.search(s) and not _ASIDE.match(s)
    ]


# A table's row or rule ("| zero/few-shot LLM | 0-20 | 500 ms+ |", "-----|------") states nothing a point can check:
# in my own interview one scored a sound answer on imbalanced evaluation 0.03 as its "key points".
_TABLE_ROW = re.compile(r"\|[^|]*\||-{4,}|={4,}")
# A sentence wholly in brackets is the note-taker's aside ("(Bellman coined it for DP grids.)"): as a key point it was
# marked "missed" for certain and probed by a follow-up ("Where does bellman come into your answer?").
_ASIDE = re.compile(r"^\((?:[^()]|\([^()]*\))*\)\.?$")


_NOTE_TAKER = re.compile(
    r"^(?:(?:I|I'm|I've|we|my)\b|(?:TODO|FIXME|XXX|to-?do|note to self)\b"
    # ... and a pointer to other notes ("See also: regularised logistic for the hazard model (05), and scaling for
    # k-means (03)." was a trial user's missed key point)
    r"|(?:see also|see my|cf\.?|related|links?|cross-?refs?)\b\s*:?)",
    re.I,
)


def cloze_items(chunk: Chunk, base: ItemSource) -> list[Item]:
    items = []
    for match in CLOZE.finditer(chunk.text):
        answer, hint = match.group(1).strip(), (match.group(2) or "").strip()
        sentence = CLOZE.sub(lambda m: m.group(1), chunk.text[: match.start()]) + "\x00"
        sentence += CLOZE.sub(lambda m: m.group(1), chunk.text[match.end() :])
        # The blank goes in after cleaning: Markdown cleaning would read underscores as emphasis.
        sentence = clean_statement(sentence.split("\nA:")[0].removeprefix("Q:")).replace("\x00", "____")
        full = clean_statement(CLOZE.sub(lambda m: m.group(1), chunk.text).split("\nA:")[0].removeprefix("Q:"))
        question = f"Fill in the blank{f' ({hint})' if hint else ''}: {sentence}"
        items.append(Item(question, (full,), "cloze", answer, levels=(1,), detail=sentence, **base))
    return items


def qa_items(pairs: list[tuple[str, str]], base: ItemSource) -> list[Item]:
    items = []
    # The deck or file a card comes from is never part of its question.
    file_name = re.sub(r"[_\-.]+", " ", base["source"].replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0])
    names = (base["topic"], file_name)
    for question, answer in pairs:
        # A pointer to another note ('(03)') is the note-taker's; it also read as a figure that poses a situation.
        question = without_pointers(without_source_label(question, names))
        points = tuple(statements_of(answer)) or ((clean_statement(answer),) if clean_statement(answer) else ())
        if not points:
            continue
        if _BLANK.search(question):
            # An Anki cloze note: its front came with blanks; it is a fill-in, asked at recall only.
            asked = f"Fill in the blank{'s' if len(_BLANK.findall(question)) > 1 else ''}: {question}"
            items.append(Item(asked, points[:1], "cloze", qa_concept(question), levels=(1,), **base))
            continue
        concept = qa_concept(question)
        # A "What is X?" card is recall, a "Why ..." card is explain. Its own question is asked word for word, so it
        # serves the level its wording asks, or one above when its answer holds that kind of statement: a glossary
        # card is never a level-5 question ("equality: what is it, and why does it matter?" was asked at 5).
        asked_level = infer_level(question)
        harder = {KIND_LEVELS[k][0] for k in map(statement_kind, points) if k}
        if len(_asking_sentence(question).split()) < ASK_WORDS:
            # "600 men apply and 120 advance; 400 women apply and 40 advance. AIR?" asks for a figure by its label:
            # a calculation, never a level-4 question whatever its answer warns (both raters, round 48).
            harder = set()
        levels = sorted({asked_level} | {level for level in harder if level <= asked_level + 1})
        # ... nor does a bare one of a few words ("How would you build assignment?", asked at level 5 in round 40;
        # a quiz's number, "Q1.", is no figure).
        said = as_question(question)
        if not poses_situation(question) or (len(said.split()) < SITUATION_WORDS and not re.search(r"\d", said)):
            # "When would you choose K-means and when DBScan?" asks a trade-off, but with no situation to weigh it
            # in it is a textbook question: the hard end (4-5) is for questions that pose one (blind raters: "recall
            # question copied from the notes, not a final-round question").
            levels = sorted({min(level, SITUATION_FREE_LEVEL) for level in levels})
        elif _ASKS_CONCLUSION.search(said) and _DENIED.match(prose(answer).lstrip("*_ ")):
            # A situation with a conclusion someone wants to draw, which the answer denies ("The A/B shows no
            # significant difference in conversion (p = 0.41). Can we say it's "no worse"?" - "No. ..."): where the
            # reasoning goes wrong, a pitfalls question. Only level 3 came of it, and the hard end of a set whose
            # notes no combined question fits ran dry (round 90: levels [3, 4, 3, 3, 2, 2, 1, 1]).
            levels = sorted({*levels, 4})
        items.append(Item(as_question(question), points[:MAX_POINTS], "qa", concept, levels=tuple(levels), **base))
    return items


# A yes-or-no question about a conclusion to draw or an action to take ("Can we say it's no worse?", "Should we ship
# it?", "Is the model ready?"), and an answer that opens by denying it.
_ASKS_CONCLUSION = re.compile(
    r"\b(?:can|could|may|should|shall|do|does|did|is|are|was|were|would)\s+(?:we|I|you|they|it|this|that|the)\b"
    r"[^?]*\?\s*$",
    re.I,
)
_DENIED = re.compile(r"(?:no|not (?:necessarily|yet|quite|really|always|on its own|by itself)|nope)\b", re.I)


SITUATION_FREE_LEVEL = 3
ASK_WORDS = 3  # a question whose asking sentence is shorter ("AIR?", "Why?") asks by a label


def _asking_sentence(question: str) -> str:
    """The question's last sentence, the one that asks ('AIR?' of '600 men apply and 120 advance. AIR?')."""
    sentences = [s for s in re.split(r"(?<=[.;:!?])\s+", question.strip()) if s]
    return sentences[-1] if sentences else question


SITUATION_WORDS = 8  # a situation takes more words than this to tell
# What makes a question pose a situation: a figure with its unit ('1% positives', '50k levels'; not 'weights set to
# 0'), a scenario ('suppose', 'given', 'you have'), or data it is asked about ('on a large dataset'). 'When doing text
# classification with embeddings' is a topic, not a situation: blind raters called it textbook.
_SITUATION = re.compile(
    r"\d+(?:[.,]\d+)?\s?(?:%|k\b|m\b|ms\b)|\b\d{2,}|\b(suppose|imagine|given|scenario|your (team|company|model|data|"
    r"manager|client)|a (company|client|team|colleague|stakeholder)|you (have|are|need|want|work|build|notice|see|"
    r"find)|in production|on (a|an) \w+ (dataset|problem|task|data))\b",
    re.I,
)


def poses_situation(question: str) -> bool:
    """True for a question that sets a scene to reason in, not only a term to explain: a figure, a scenario, or
    a setting of its own (a long question is not one by its length: 'Are there any differences between continuous
    and discrete variables when it comes to feature importance of gradient boosting models?')."""
    return bool(_SITUATION.search(question))


def qa_concept(question: str) -> str:
    """What a card's question is about: its words after the question word."""
    text = re.sub(
        r"^(what|why|how|when|which|who|can|does|do|is|are|should|would)\b( (is|are|does|do|can|would))?\s+",
        "",
        question.rstrip("?"),
        flags=re.I,
    )
    return " ".join(text.split()[:6])
