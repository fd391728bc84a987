"""Question templates from prompts/questions.toml, and the pure functions that fill them from a note."""

from __future__ import annotations

import random
import re
import string
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from interviewer.core.chunks import Chunk
from interviewer.errors import BadInputError
from interviewer.resources import default_prompts_dir
from interviewer.scoring.text import STOPWORDS, content_words, tokens

__all__ = ["QuestionTemplates", "cue_for", "load_templates", "subject_of"]

# Section headings that name no subject of their own: the note's title is the subject.
_GENERIC_SECTIONS = re.compile(
    r"^(definitions?|overview|summary|intro\w*|basics|how (it|they) works?|intuition|notes?|key (points|ideas)|"
    r"interview angles|when (to|not to) use( it)?|page \d+|what it is|pitfalls?|common (mistakes|pitfalls)|"
    r"trade-?offs?|examples?|formulas?|assumptions?|diagnostics?|detection|how to detect( it)?|mechanics|"
    r"properties|interpretation|in practice|practical notes|why it matters)$",
    re.I,
)
# Words too vague to point a candidate anywhere ("start from matters, data and science").
_VAGUE_CUES = frozenset(
    content_words(
        "matters matter science data thing things use used using make makes way ways good bad often usually "
        "important key main common general simple simply example examples case cases mean means value values "
        "reduce increase change changes work works give gives need needs help helps performs perform"
    )
)
_QUESTION_LIKE = re.compile(r"^(how|why|what|which|when|where|who|should|can|does|is)\b", re.I)
_VARIABLES = {"subject", "topic", "context", "cue", "section", "twist", "business", "fact", "change"}


@dataclass(frozen=True)
class QuestionTemplates:
    """All templates, checked at load: every variable used is one the engine provides."""

    deep_dive: dict[int, tuple[str, ...]]
    case: dict[str, tuple[str, ...]]
    twists: tuple[str, ...]
    follow_up: tuple[str, ...]
    hint: tuple[str, ...]
    case_from_notes: tuple[str, ...] = ()  # the opening of a case built from a topic's notes
    twist_stages: tuple[tuple[str, ...], ...] = ()  # per generic twist, the case stages it fits (empty: any)
    # The twists of one shape of case only ("drop", "sizing"), each with the stages it fits.
    shape_twists: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(default_factory=dict)

    def twists_for(self, stage: str, shape: str = "") -> list[str]:
        """The generic twists that fit a case stage, then those of the case's shape."""
        fits = self.twist_stages or ((),) * len(self.twists)
        found = [twist for twist, stages in zip(self.twists, fits, strict=True) if not stages or stage in stages]
        return found + [twist for twist, stages in self.shape_twists.get(shape, ()) if stage in stages]

    def all_texts(self) -> list[str]:
        """Every template string (for checks)."""
        texts = [t for group in self.deep_dive.values() for t in group] + [t for g in self.case.values() for t in g]
        shaped = [twist for twists in self.shape_twists.values() for twist, _ in twists]
        return texts + list(self.twists + self.follow_up + self.hint + self.case_from_notes) + shaped


def load_templates(prompts_dir: Path | None = None) -> QuestionTemplates:
    """Read prompts/questions.toml; a template using an unknown variable is an error naming it."""
    path = (prompts_dir or default_prompts_dir()) / "questions.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        templates = QuestionTemplates(
            deep_dive={int(level): tuple(texts) for level, texts in data["deep-dive"].items()},
            case={stage: tuple(texts) for stage, texts in data["case"].items()},
            twists=tuple(data["twists"]["generic"]),
            follow_up=tuple(data["follow-up"]["templates"]),
            hint=tuple(data["hint"]["templates"]),
            case_from_notes=tuple(data["case-from-notes"]["clarify"]),
            twist_stages=tuple(tuple(stages) for stages in data["twists"].get("fits", ())),
            shape_twists={
                shape: tuple((str(entry["twist"]), tuple(entry["fits"])) for entry in entries)
                for shape, entries in data["twists"].get("shapes", {}).items()
            },
        )
        if templates.twist_stages and len(templates.twist_stages) != len(templates.twists):
            raise ValueError("[twists] fits must give the stages of every generic twist, in order")
    except (OSError, tomllib.TOMLDecodeError, KeyError, ValueError) as exc:
        raise BadInputError(f"{path}: not a usable question template file ({exc})") from None
    for text in templates.all_texts():
        used = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        if used - _VARIABLES:
            raise BadInputError(f"{path}: template uses unknown variable(s) {sorted(used - _VARIABLES)}: {text[:60]}")
    return templates


def subject_of(chunk: Chunk) -> str:
    """What a chunk is about, for a question: its section, qualified by the note's title."""
    parts = [part.strip() for part in chunk.heading.split(" > ") if part.strip()]
    title = parts[0] if parts else chunk.topic
    section = re.sub(r"\s*\([^)]*\)", "", parts[-1]).strip() if len(parts) > 1 else ""
    if not section or _GENERIC_SECTIONS.match(section) or _QUESTION_LIKE.match(section) or section.endswith("?"):
        return title
    if section.lower() in title.lower():
        return title
    return f"{section.lower() if section[:1].isupper() and not section[:2].isupper() else section} in {title}"


def cue_for(point: str, exclude: str = "", limit: int = 3) -> str:
    """Key terms of a missing point that the candidate did not use: what a follow-up asks about, without
    giving the point away."""
    seen = set(content_words(exclude)) | _VAGUE_CUES
    terms: list[str] = []
    for raw in tokens(point):
        if raw in STOPWORDS or len(raw) < 3 or raw.isdigit() or not raw[0].isalpha():
            continue
        stem = content_words(raw)
        if stem and stem[0] not in seen and raw not in terms:
            terms.append(raw)

    # Specific terms first (acronyms, hyphenated, numbers inside, long words): they say what the point is about.
    def specificity(term: str) -> tuple[bool, int]:
        return (any(ch.isdigit() or ch == "-" for ch in term) or term.upper() in point, len(term))

    chosen = sorted(terms, key=specificity, reverse=True)[:limit] if terms else ["the missing point"]
    ordered = [t for t in terms if t in chosen]
    return ", ".join(ordered[:-1]) + f" and {ordered[-1]}" if len(ordered) > 1 else (ordered or chosen)[0]


def display_topic(topic: str) -> str:
    """A topic as it reads inside a question: 'Case Study: Churn' -> 'Churn'."""
    return re.sub(r"^case( study)?\s*:\s*", "", topic, flags=re.I) or topic


def pick(options: tuple[str, ...], rng: random.Random, used: set[str], **values: str) -> str:
    """A filled template not used yet in this session (the first unused in seeded order)."""
    if "topic" in values:
        values = {**values, "topic": display_topic(values["topic"])}
    order = list(options)
    rng.shuffle(order)
    filled = [" ".join(template.format(**values).split()) for template in order]
    return next((text for text in filled if text not in used), filled[0])
