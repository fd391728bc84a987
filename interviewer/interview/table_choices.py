"""Hard questions from a note's comparison table: a row's situation, and which of the table's options to pick under it.
Notes compare methods in tables ("| method | pick when | downside |", "| need | pick |"), and no item was ever built
from them, so the hard end reused a few symptoms from the notes' prose. Each question names the options and
sets the situation, and is scored on what the table says of the option to pick and of one other option.
Pure over a chunk's text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.core.chunks import Chunk
from interviewer.interview.item import Item

__all__ = ["table_choices"]

# The column that says when to use a row's option, in a table with one option per row.
_WHEN = re.compile(r"^(?:good|best|use|pick|choose|prefer|go)(?:\s+(?:it|this))?\s*(?:when|for|if)\b|^when to\b|"
                   r"^typical\s+use$|^use\s+cases?$", re.I)  # fmt: skip
_DOWNSIDE = re.compile(
    r"^(?:downsides?|cons|breaks?\s+when|fails?\s+when|weakness(?:es)?|cost|watch out|risks?)$", re.I
)
# A table from situation to option: "| situation | pick |", "| need | pick |", "| goal / constraint | pick |".
_SITUATION = re.compile(r"^(?:situation|scenario|need|goal|goal\s*/\s*constraint|constraint|if|when|you want|setting)$",
                        re.I)  # fmt: skip
_PICK = re.compile(r"^(?:pick|choose|use|method|answer|go with|choice|do)$", re.I)
_NOT_SAID = re.compile(
    r"->|→|=>|≈|[=|∑Σ√±τμσβλ*]|\bvs\b|\betc\b|~|\s&\s|\bw/|\beither\b|\bboth\b|\bor\b|\?"
    r"|\b(?:I|me|my|we|our)\b"  # the note-taker's own ("default for me now")
    r"|:|\s\+\s",  # a cell with its own label or sum ("positive + right-skewed: claim severity, ...")
    re.I,
)
_FRAMES = (
    "{situation} Which would you pick: {options}? Why, and what would you give up?",
    "{situation} Would you go with {options}? Defend your choice against the others.",
)


@dataclass(frozen=True)
class _Row:
    option: str
    situation: str
    downside: str = ""


def _cells(line: str) -> list[str]:
    return [cell.strip().strip("*_`") for cell in line.strip().strip("|").split("|")]


def _tables(text: str) -> list[list[list[str]]]:
    """The markdown tables of a text: header row first, without the separator row."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if line.strip().startswith("|") and line.strip().endswith("|"):
            if not re.fullmatch(r"[\s|:-]+", line):
                current.append(_cells(line))
            continue
        if len(current) >= 3:
            tables.append(current)
        current = []
    return tables


def _said(cell: str, words: tuple[int, int]) -> str:
    """A cell as a question can say it, or '' for shorthand, a formula or a cell too short or too long."""
    cell = re.sub(r"\s*\((?:e\.g\.|eg|i\.e\.)[^()]*\)", "", cell).strip(" .;")
    count = len(cell.split())
    if not cell or _NOT_SAID.search(cell) or not words[0] <= count <= words[1] or re.search(r"\d\s*[x×/]\s*\d", cell):
        return ""
    return cell


def _rows(table: list[list[str]]) -> list[_Row]:
    header, body = [h.lower() for h in table[0]], table[1:]
    width = len(header)
    body = [row for row in body if len(row) == width]
    when = next((i for i, h in enumerate(header) if i and _WHEN.search(h)), None)
    if width == 2 and _SITUATION.search(header[0]) and _PICK.search(header[1]):
        return [_Row(row[1], _said(row[0], (4, 14))) for row in body]
    if when is not None:
        down = next((i for i, h in enumerate(header) if i and _DOWNSIDE.search(h)), None)
        return [
            _Row(row[0], _said(row[when], (4, 14)), _said(row[down], (2, 16)) if down is not None else "")
            for row in body
        ]
    return []


def _option(name: str) -> str:
    name = re.sub(r"\s*\([^()]*\)", "", name).strip(" .")
    hedged = re.search(r"\b(?:not|no|only|specifically|maybe|usually|then)\b|,", name, re.I)
    return name if len(name) >= 2 and len(name.split()) <= 4 and not (_NOT_SAID.search(name) or hedged) else ""


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" or {names[-1]}"


def table_choices(chunk: Chunk) -> list[Item]:
    """A choice question per table row whose situation a question can say, over options a question can name."""
    items: list[Item] = []
    for table in _tables(chunk.text):
        rows = [row for row in _rows(table) if _option(row.option)]  # a row whose option no question can name: out
        options = list(dict.fromkeys(_option(row.option) for row in rows))
        if not 2 <= len(options) <= 5:
            continue  # one option is no choice; six are a list to recite
        for index, row in enumerate(rows):
            if not row.situation:
                continue
            chosen = _option(row.option)
            other = next((r for r in rows if _option(r.option) != chosen and r.situation), None)
            points = [f"{chosen}: {row.situation}."]
            if row.downside:
                points.append(f"{chosen} costs you this: {row.downside}.")
            if other is not None:
                points.append(f"{_option(other.option)} instead when: {other.situation}.")
            if len(points) < 2:
                continue
            said = row.situation
            if said[1:2].islower():
                said = said[:1].lower() + said[1:]  # "PMs want ..." and "GPU with ..." keep their capitals
            situation = f"Your situation: {said}."
            frame = _FRAMES[index % len(_FRAMES) if len(options) > 2 else 0]  # "the others" of two options is one
            question = frame.format(situation=situation, options=_listed(options))
            items.append(
                Item(
                    question=question,
                    points=tuple(points),
                    kind="decision",
                    concept=chosen,
                    chunk_id=chunk.chunk_id,
                    source=chunk.source,
                    heading=chunk.heading,
                    topic=chunk.topic,
                    levels=(5,),
                    other=_listed([o for o in options if o != chosen]),
                    point_chunks=(chunk.chunk_id,) * len(points),
                )
            )
    return items
