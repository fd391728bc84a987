"""Question-and-answer notes: a question line (bold, a heading, `Q:`, a <summary>) and the text after it,
up to the next question, become one section with `question` and `answer` set.

So a chunk of a Q&A file starts at its question and holds its answer, never a half of two answers."""

from __future__ import annotations

import re
from dataclasses import replace

from interviewer.ingest.clean import drop_emoji
from interviewer.ingest.sections import Section

__all__ = ["question_of_line", "split_questions"]

_FENCE = re.compile(r"^\s*(```|~~~)")
# A whole line in bold (optionally a list item), a `Q:` / `Question 3:` line, or an HTML <summary>.
_BOLD_LINE = re.compile(r"^\s*(?:[-*+]\s+)?(\*\*|__)(?P<q>.+?)\1\s*(?P<rest>.*)$")
_LABELLED = re.compile(r"^\s*Q(?:uestion)?\s*\d*\s*[:.)]\s*(?P<q>.+)$", re.I)
_SUMMARY = re.compile(r"<summary>\s*(?P<q>[^<>\n]{1,300}?)\s*</summary>\s*(?P<rest>.*)$", re.I)  # bounded: linear
_LABEL_ONLY = re.compile(r"^\s*Q(?:uestion)?\s*\d*\s*[:.)]?\s*$", re.I)
_ANSWER_LABEL = re.compile(r"^\s*(?:\*\*|__)?A(?:nswer)?\s*[:.]\s*(?:\*\*|__)?\s*", re.I)
_QUESTION_END = re.compile(r"\?[\s*_)\]]*$")
# Interviewers also ask in the imperative: "Walk me through k-means.", "Explain bagging."
_PROMPT_START = re.compile(
    r"^(?:walk (?:me|us) through|explain|describe|compare|contrast|define|derive|name|list|give|outline|"
    r"tell (?:me|us)|talk (?:me|us) through|sketch|design|estimate|implement|write)\b(?!\s+of\b)",
    re.I,
)
_MAX_PROMPT_CHARS = 200


def _as_question(candidate: str, labelled: bool = False) -> str | None:
    """The question a line asks, cleaned, or None: it ends in '?', or is a short prompt or a labelled line."""
    text = " ".join(drop_emoji(candidate).split()).strip(" *_")
    text = re.sub(r"^(?:Q(?:uestion)?\s*\d*\s*[:.)]|\d{1,3}[.)])\s*", "", text, flags=re.I)
    if len(text) < 8:
        return None
    if _QUESTION_END.search(text):
        return text
    prompt = len(text) <= _MAX_PROMPT_CHARS and (labelled or _PROMPT_START.match(text))
    return text if prompt else None


def question_of_line(line: str) -> tuple[str, str] | None:
    """(question, answer text on the same line) when the line asks a question, else None."""
    for pattern in (_BOLD_LINE, _SUMMARY):
        match = pattern.match(line) if pattern is _BOLD_LINE else pattern.search(line)
        if match:
            question = _as_question(match.group("q"))
            if question:
                return question, match.group("rest").strip()
            if pattern is _BOLD_LINE and _LABEL_ONLY.match(match.group("q")):
                # "**Q:** Why does naive target encoding leak?": the bold is only the label, the question follows.
                question = _as_question(match.group("rest"), labelled=True)
                if question and len(question) <= 300:
                    return question, ""
    match = _LABELLED.match(line)
    if match and not line.lstrip().startswith(("-", "*")):
        question = _as_question(match.group("q"), labelled=True)
        if question and len(question) <= 300:
            return question, ""
    return None


def _answer(lines: list[str]) -> str:
    text = "\n".join(lines).strip()
    return _ANSWER_LABEL.sub("", text, count=1).strip()


def split_questions(section: Section) -> list[Section]:
    """The section split at its question lines; a section under a heading that asks gets that question."""
    if section.question:
        return [section]
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    in_fence = False
    for line in section.text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        found = None if in_fence else question_of_line(line)
        if found:
            blocks.append((found[0], [found[1]] if found[1] else []))
        else:
            blocks[-1][1].append(line)
    last = section.heading_path[-1] if len(section.heading_path) > 1 else ""
    heading_question = _as_question(last) if _QUESTION_END.search(drop_emoji(last).strip()) else None
    sections: list[Section] = []
    for asked, lines in blocks:
        answer = _answer(lines)
        if asked is None:
            if heading_question and answer:
                sections.append(replace(section, text=answer, question=heading_question, answer=answer))
            elif answer:
                sections.append(replace(section, text=answer))
        elif not answer:  # a question the notes do not answer is not a Q&A pair; its words are kept as text
            sections.append(replace(section, text=asked))
        else:
            sections.append(
                replace(
                    section,
                    heading_path=(*section.heading_path, asked[:80]),
                    text=f"Q: {asked}\nA: {answer}",
                    question=asked,
                    answer=answer,
                )
            )
    return sections
