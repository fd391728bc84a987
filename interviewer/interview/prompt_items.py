"""The interview prompts a note records in the words they were asked: 'Typical prompt: "10B ad events/day, ... Design
it."', 'Came up in the recsys loop ("you have logs from the current ranker, how do you estimate the new one's CTR
before an A/B?")'. A question an interviewer really put is the hard question a final round asks, and one the
note-taker prepared for: it is asked as the note wrote it, at level 4 (level 5 when it asks for a design), and scored
on the note's own answer to it. Pure: statements in, items out."""

from __future__ import annotations

import re
from dataclasses import replace

from interviewer.core.chunks import Chunk
from interviewer.interview.card_items import poses_situation
from interviewer.interview.item import MAX_POINTS, Item
from interviewer.scoring.text import content_words

__all__ = ["quotes_a_prompt", "recorded_prompts"]

# What says that a quote is a question someone put: "Typical prompt:", "interviewer asked", "came up ... (".
_CUE = re.compile(
    r"\b(?:prompts?|asked|asks|question|c[oa]me up|comes up|coming up|interviewers?|framing|ends with|they want(?:ed)?|"
    r"the ask)\b[^.!?\n]{0,60}$",
    re.I,
)
_CUE_AFTER = re.compile(r"\s*(?:came up|comes up|keeps coming up|was asked|got asked|is asked|gets asked)\b", re.I)
_QUOTED = re.compile(r"[\"“]([^\"”\n]{30,320})[\"”]")
# A quote that asks: a question, or a task put to the candidate ("Design it.", "Estimate the ...").
_TASK = re.compile(
    r"(?:^|[.!?]\s+)(?:design|build|estimate|size|propose|sketch|walk me through|explain|how would you|how do you|"
    r"what would you|what do you|which)\b",
    re.I,
)
_DESIGN = re.compile(r"\b(?:design|build|architect\w*|system|pipeline|set up|infrastructure)\b", re.I)
# The section that holds the note's own answer: "How I'd use it", "Design answer outline", "What I said".
_ANSWER_SECTION = re.compile(r"\b(?:answer|outline|how I'?d|what I (?:said|say)|my approach|approach|my take)\b", re.I)
# A problem told before what is asked: "Your A/A test is failing way too often, why?"
# Told in six words or more: "P99 TTFT is bad, what do you do?" and "You've trained a better model, how do you get it to
# prod?" read as too bare for a final round's hard question to both blind raters of round 34; they are asked at level 3.
_SCENE = re.compile(r"^(?P<told>[^?]{15,}?)(?:,|\s[—–-])\s*(?:what|why|how|which|where)\b", re.I)
SCENE_WORDS = 6
# The note-taker speaking ("Mock mistake: I said ..."): what they got wrong is no point of the answer.
# ... and a sentence that leans on the one before it ("That's exactly the symptom.") says nothing on its own.
_OWN_VOICE = re.compile(r"(?-i:\bI\b)|\b(?:my|me)\b|^(?:mock|that|this|it|these|those|so)\b|^that's", re.I)
MIN_WORDS = 8  # a quote shorter than this is a phrase, not a question ("is it significant?")
# A section's lead says something in words: not a formula ("Centre = mean; σ̂ = MR̄ / 1.128") or a worked figure
# ("Designed 50/50, observed 50,410 vs 49,210 users.").
_PROSE = re.compile(r"(?:[A-Za-z]{3,}\W+){5}")
_FORMULA = re.compile(r"[=≈±·^Σ∑√⌈⌉]|\bsqrt\(|\d\s*/\s*\d")


def _asks(quote: str) -> bool:
    # An interviewer says "you": "what would I have known at 9am?" is the note-taker's own rule of thumb.
    if re.search(r"\bI\b", quote):
        return False
    return len(quote.split()) >= MIN_WORDS and (quote.rstrip().endswith("?") or bool(_TASK.search(quote)))


def _prompts_in(chunk: Chunk) -> list[str]:
    """The questions the chunk's text records as put by an interviewer, as written."""
    found = []
    for match in _QUOTED.finditer(chunk.text):
        before = chunk.text[max(0, match.start() - 90) : match.start()]
        quote = " ".join(match.group(1).split()).strip()
        # 'Asked "Why ...?": the subquery ...' is a question and its answer on one line: a Q&A item has it already.
        answered = re.match(r"\s*[:=]|\s*[-–—]>|\s*→", chunk.text[match.end() : match.end() + 4])
        # ... or after it: '"How would you monitor this model in production?" came up twice in my last loop'
        after = _CUE_AFTER.match(chunk.text[match.end() : match.end() + 40])
        if (_CUE.search(before) or after) and _asks(quote) and not answered:
            found.append(quote)
    return found


def quotes_a_prompt(statement: str, prompts: list[str]) -> bool:
    """True when a statement holds one of the prompts: it is the question, not a fact to ask about."""
    return any(prompt[:40] in " ".join(statement.split()) for prompt in prompts)


def _as_asked(quote: str) -> str:
    # "and how would you explain ...?", "great, the new onboarding lifted ...": the turn before it is not here
    quote = re.sub(r"^(?:and|so|but|ok|okay|great|right|sure|fine|cool)\b[,\s]*", "", quote, flags=re.I)
    # A note's shorthand for two versions of the prompt is said as either: "3x over the latency budget / too big for
    # the phone" is "..., or too big for the phone" (both raters, round 87); "precision/recall" stays as written.
    quote = re.sub(r"(?<=[a-z]) / (?=[a-z])", ", or ", quote)
    text = quote[:1].upper() + quote[1:]
    return text if text.endswith(("?", ".")) else f"{text}?"


def recorded_prompts(chunks: list[Chunk], statements: list[Item]) -> list[Item]:
    """An item per prompt the notes record (never in a case study, whose prompt opens its case): its points are the
    statements of the note's answer section when it has one, else the note's statements that share most words with
    the prompt; a prompt the note does not answer (fewer than two points) is not asked."""
    items = []
    seen: set[str] = set()  # a prompt two overlapping chunks both hold is one item
    for chunk in chunks:
        if chunk.kind == "case":
            continue
        for prompt in _prompts_in(chunk):
            if prompt.lower() in seen:
                continue
            own = [
                s for s in statements
                if s.source == chunk.source and not quotes_a_prompt(s.points[0], [prompt])
                and not _OWN_VOICE.search(s.points[0])
            ]  # fmt: skip
            answer = [s for s in own if _ANSWER_SECTION.search(s.heading.split(" > ")[-1])]
            words = set(content_words(prompt))
            shared = sorted(own, key=lambda s: -len(words & set(content_words(s.points[0]))))
            # Statements that share two words with the prompt answer it; else, for a prompt the whole note answers,
            # the lead of each section; else any statement that shares a word.
            close = [s for s in shared if len(words & set(content_words(s.points[0]))) >= 2]
            points = (
                answer
                or (close if len(close) >= 2 else [])
                or _section_leads(chunk, own)
                or [s for s in shared if words & set(content_words(s.points[0]))]
            )
            if len(points) < 2:
                continue
            # A design asked for is level 5; a situation to work in (figures, a problem told first) level 4; a
            # question with neither ("How would you smooth a noisy daily KPI?") applies what the note says: level 3.
            told = _SCENE.search(prompt)
            scene = poses_situation(prompt) or bool(told and len(told.group("told").split()) >= SCENE_WORDS)
            level = 5 if _DESIGN.search(prompt) else 4 if scene else 3
            first = points[0]
            items.append(
                replace(
                    first, question=_as_asked(prompt), points=tuple(s.points[0] for s in points[:MAX_POINTS]),
                    point_chunks=tuple(s.chunk_id for s in points[:MAX_POINTS]), kind="qa", concept=prompt,
                    levels=(level,), other="", detail="", stage="", chunk_id=chunk.chunk_id, heading=chunk.heading,
                )
            )  # fmt: skip
        seen.update(prompt.lower() for prompt in _prompts_in(chunk))
    return items


def _section_leads(chunk: Chunk, own: list[Item]) -> list[Item]:
    """A prompt the note records before its first section ('Comes up constantly: "how would you find weird
    transactions with no labels?"') is what the whole note answers: its points are the first statement of each
    section, not the statements that share a word with it ("Cheap: linear time, ~100 trees, no distances.", round
    69, scored a strong answer 0.05). [] when the prompt stands inside a section, or the note has none."""
    if " > " in chunk.heading:
        return []
    leads: dict[str, Item] = {}
    for statement in own:
        if (
            " > " in statement.heading
            and _PROSE.search(statement.points[0])
            and not _FORMULA.search(statement.points[0])
        ):
            leads.setdefault(statement.heading, statement)
    return list(leads.values()) if len(leads) >= 2 else []
