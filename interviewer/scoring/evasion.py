"""Evasive answers: ones that only say "I don't know", ask for the question again, or deflect. Pure.

An answer is evasive when, once its evasion phrases, filler and the words it echoes from the question are
taken out, almost nothing about the subject is left. Hedged answers that go on to state something ("I'm
not sure, but L1 zeroes weights") keep their substance and are not evasive."""

from __future__ import annotations

import re

from interviewer.scoring.text import content_words, normalise_token

__all__ = ["EVASION_PHRASES", "is_evasive", "states_something", "substance"]

# Phrases that carry no claim about the subject: not knowing, asking again, deflecting, filler.
EVASION_PHRASES = re.compile(
    r"\b("
    r"i\s*(?:do\s*not|don'?t|dunno)(?:\s+\w+)?\s+(?:know|remember|recall|understand|get)|"
    r"no (?:idea|clue)|not (?:sure|familiar|certain)|(?:can'?t|cannot) (?:say|remember|recall|tell)|"
    r"drawing a blank|forgot|forget|pass|skip|next( question)?|move on|come back to|"
    r"(?:repeat|rephrase|say it again|didn'?t catch|clarify) ?(?:the question|that|it)?|what do you mean|"
    r"what you(?:'re| are)? (?:mean|asking)|understand what|give me a hint|"
    r"(?:look|looking) (?:it|that|this)? ?up|google|chatgpt|stack ?overflow|documentation|"
    r"(?:another|other|the) team|tooling|not my (?:area|field|job)|expertise|never (?:come|came) across|"
    r"never (?:had|needed) to|it(?:'s)? depends|depends on|varies|case by case|from case to case|"
    r"great question|good (?:question|point)|matter of taste|complicated|no single|single right answer|"
    r"rather not|prefer to|instead|something else|been a while|beyond what|my (?:course|project experience)|"
    r"use case|business context|many ways|lots of considerations|to be honest|honestly|afraid|sorry"
    r")\b",
    re.I,
)
# Words left over by those phrases or by small talk; they say nothing about the subject.
_FILLER = frozenset(
    normalise_token(word)
    for word in """think important many factors consider depends depend depending context good great question
    questions interesting hard say general generally know sure idea look google skip next pass move fine ok
    okay yes no maybe probably perhaps stuff various different case cases situation matter matters answer
    honestly believe feel guess definitely certainly lots considerations aspects approach approaches use used
    using need needs would could usual usually same any other always work job please hmm um uh right now
    time first later end part ask asking exactly detail details really while since ago ever studied study
    point taste team practice automatically tooling course project experience topic area field expertise
    that's it's i've i'd i'm can't don't didn't isn't wasn't won't ways way want let's talk tell say again
    catch understand mean meant see just whatever everyone somebody someone someday something come came""".split()
)
_BLANK = re.compile(r"_{3,}")
_MIN_SUBSTANCE = 4  # distinct subject words an answer that hedges or deflects needs to say something
_MIN_TERSE = 2  # ... and one without any evasion phrase ("Because PCA is linear." answers a why-question)
_MIN_SENTENCE = 2  # subject words one sentence needs to state anything ("Labels are always tricky in fraud.": 1)


def substance(answer: str, question: str = "") -> list[str]:
    """The answer's distinct subject words: not evasion phrases, filler, or words echoed from the question."""
    echoed = set(content_words(question))
    stripped = EVASION_PHRASES.sub(" ", answer.replace("’", "'"))
    kept: list[str] = []
    for word in content_words(stripped):
        # A figure is substance when the question does not already hold it: "0" fills "ELSE ___".
        if word not in _FILLER and word not in echoed and word not in kept:
            kept.append(word)
    return kept


def is_evasive(answer: str, question: str = "") -> bool:
    """True when the answer only says it does not know, asks for the question again, or deflects."""
    found = len(substance(answer, question))
    if EVASION_PHRASES.search(answer):
        return found < _MIN_SUBSTANCE
    # A question with a blank asks for one value: the value alone answers it.
    return found < (1 if _BLANK.search(question) else _MIN_TERSE)


def states_something(sentence: str, question: str = "") -> bool:
    """False for a sentence that only echoes the question's words around filler or a deflection ("Random
    forests do better, it depends on the dataset"): it cannot state a point, however close its topic is."""
    needed = _MIN_SENTENCE + 1 if EVASION_PHRASES.search(sentence) else _MIN_SENTENCE
    return len(substance(sentence, question)) >= needed
