"""The statement pool: every statement of a chunk as a one-point item of its kind, asked at no level. Questions
that combine notes are built from it (combined.py): a statement whose subject is no clean term, which gives no
item of its own, can still explain a symptom. Pure."""

from __future__ import annotations

import re

from interviewer.core.chunks import Chunk
from interviewer.interview.items import (
    Item,
    ItemSource,
    contrast_sides,
    qa_concept,
    qa_pairs,
    statements_of,
)
from interviewer.interview.statements import condition_of, lead_term, parallel_contrast, statement_kind, usable_concept

__all__ = ["statement_items"]

_CLOZE = re.compile(r"\{\{c\d+::")

_VERSUS_HEADING = re.compile(r"^(.{2,40}?)\s+(?:vs\.?|versus)\s+(.{2,40})$", re.I)


def statement_items(chunk: Chunk) -> list[Item]:
    """Every statement of a chunk as a one-point item of its kind; a heading that names two options ('Boosting vs
    bagging') adds the pair, with a statement about each."""
    if chunk.kind == "case" or _CLOZE.search(chunk.text):
        return []
    base = ItemSource(chunk_id=chunk.chunk_id, source=chunk.source, heading=chunk.heading, topic=chunk.topic)
    section = chunk.heading.split(" > ")[-1] if " > " in chunk.heading else ""
    pairs = qa_pairs(chunk)
    if pairs:
        return [
            Item(question, (point,), "qa", qa_concept(question), levels=(), **base)
            for question, answer in pairs
            for point in statements_of(answer)
        ]
    out = []
    for statement in statements_of(chunk.text):
        kind = statement_kind(statement, section) or "statement"
        concept = usable_concept(lead_term(statement))
        sides = contrast_sides(condition_of(statement)[1], concept) if concept else ""
        other = parallel_contrast(statement) or sides
        out.append(Item(statement, (statement,), kind, concept, levels=(), other=other, **base))
    for part in chunk.heading.split(" > "):
        versus = _VERSUS_HEADING.match(part.strip())
        if not versus:
            continue
        # A title-case heading ('Bayesian vs Frequentist Inference') names the options in lower case after the
        # first word; acronyms keep their capitals.
        a, b = (_untitled(side.strip(" .:")) for side in versus.groups())
        about = [
            next((i.points[0] for i in out if re.search(rf"(?<![\w-]){re.escape(side)}", i.points[0], re.I)), "")
            for side in (a, b)
        ]
        if all(about) and about[0] != about[1]:
            out.append(Item(part, tuple(about), "contrast", a, levels=(), other=b, **base))
    return out


def _untitled(name: str) -> str:
    words = name.split()
    return " ".join([words[0], *(w if w.isupper() or any(c.isdigit() for c in w) else w.lower() for w in words[1:])])
