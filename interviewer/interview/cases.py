"""Case studies read from their content: which stage each statement of a case note belongs to (for notes
written as prose, without stage headings), and the case's own facts (its business, numbers and constraint)
that its stage questions name. Pure string functions over chunks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.core.chunks import Chunk
from interviewer.core.domain import CASE_STAGES, ORGANISATIONS
from interviewer.interview.statements import balanced, clean_statement, is_instruction
from interviewer.scoring.keypoints import prose
from interviewer.scoring.text import content_words, sentences

__all__ = ["CaseFacts", "case_facts", "stage_of_statement", "stage_statements"]

# The words by which a statement shows its stage; the first stage whose words it uses most wins. These are the
# words interviewers use for the stages of any data-science case, not the words of one note.
_STAGE_CUES: dict[str, re.Pattern[str]] = {
    "clarify": re.compile(
        r"\b(goal|wants?|asks?|budget|capacity|stakeholders?|business|constraints?|requirements?|scope|clarify|"
        r"assume|today|currently|costs? (us|the business)|decision|agree on)\b",
        re.I,
    ),
    "frame": re.compile(
        r"\b(frame|framing|target|labels?|predict(ing)? (whether|which|who|the)|classification|regression|ranking "
        r"problem|unit|window|horizon|define|definition|success metric|outcome)\b",
        re.I,
    ),
    "data": re.compile(
        r"\b(data|features?|logs?|tables?|signals?|history|records?|sources?|leak\w*|snapshots?|join\w*|missing|"
        r"point-in-time|events?|columns?)\b",
        re.I,
    ),
    "method": re.compile(
        r"\b(models?|baseline|gradient[- ]boost\w*|logistic|regression|random forest|xgboost|lightgbm|neural|"
        r"algorithm|method|approach|train\w*|fit\w*|heuristic|rules?-based|embedding|two-tower|uplift model)\b",
        re.I,
    ),
    "evaluation": re.compile(
        r"\b(auc|roc|pr-auc|precision|recall|f1|metrics?|evaluat\w*|offline|backtest\w*|calibrat\w*|mape|rmse|"
        r"ndcg|accuracy|validation set|holdout set|time-based split|cross-validat\w*)\b",
        re.I,
    ),
    "experiment": re.compile(
        r"\b(a/b|experiment\w*|control group|treatment|randomi[sz]\w*|holdout group|pilot|rollout|canary|"
        r"significan\w*|power|sample size|test group|causal|incremental)\b",
        re.I,
    ),
    "deployment": re.compile(
        r"\b(deploy\w*|monitor\w*|drift|retrain\w*|latency|serv(e|ing)|production|alerts?|dashboards?|batch|"
        r"real[- ]time|roll ?back|pipeline|refresh\w*|maintain\w*)\b",
        re.I,
    ),
}
_NUMBER = re.compile(r"\d")
_CONSTRAINT = re.compile(
    r"\b(only|at most|at least|within|budget|limit\w*|must|cannot|can't|no more than|deadline|regulat\w*|"
    r"explain\w*|latency|capacity|per (day|week|month))\b",
    re.I,
)
_BUSINESS = re.compile(rf"\b((?:[A-Za-z-]+\s+){{0,3}}?(?:{'|'.join(ORGANISATIONS)}))\b", re.I)
_LEADING = re.compile(r"^(a|an|the|our|your|we|you|run|runs|own|owns|at|for|is|are|work)\s+", re.I)


def stage_of_statement(statement: str) -> str:
    """The case stage a statement belongs to by its words; '' when it names none."""
    counts = {stage: len(pattern.findall(statement)) for stage, pattern in _STAGE_CUES.items()}
    best = max(CASE_STAGES, key=lambda stage: (counts[stage], -CASE_STAGES.index(stage)))
    return best if counts[best] else ""


def stage_statements(text: str, opening: bool = True) -> dict[str, list[str]]:
    """A case note's statements grouped by stage, in the note's order. The opening (the note's first two
    sentences, which pose the problem) is left out: the case's first question quotes it as its context."""
    statements = [clean_statement(s) for s in sentences(prose(text))]
    statements = [s for s in statements if len(content_words(s)) >= 3 and not s.endswith("?")]
    grouped: dict[str, list[str]] = {}
    for index, statement in enumerate(statements):
        stage = "" if opening and index < 2 else stage_of_statement(statement)
        if stage:
            grouped.setdefault(stage, []).append(statement)
    return grouped


@dataclass(frozen=True)
class CaseFacts:
    """What a case is about, in its own words: the business, and the statements that give a number or a
    constraint, each with the stage it belongs to ('' for the opening that poses the problem)."""

    business: str  # "the subscription streaming service"; "the business" when the note names none
    facts: tuple[tuple[str, str], ...]  # (statement, stage), in note order

    def fact_for(self, stage: str, avoid: set[str], answer: tuple[str, ...] = ()) -> str:
        """The fact a stage question recalls: from the opening or an earlier stage (never a later stage's answer),
        not quoted yet, preferring one whose words belong to this stage."""
        order = CASE_STAGES.index(stage) if stage in CASE_STAGES else 0
        cue = _STAGE_CUES.get(stage)
        # The problem's own facts (opening, clarify) suit any stage; an earlier stage's fact only one it speaks to.
        fresh = [
            fact
            for fact, at in self.facts
            if fact not in avoid
            and fact.rstrip(" .;:,") not in avoid
            and (
                at in ("", "clarify")
                or (at in CASE_STAGES and CASE_STAGES.index(at) < order and cue is not None and cue.search(fact))
            )
        ]
        # A fact that shares two words with the stage's own answer would give it away.
        answer_words = set(content_words(" ".join(answer))) - set(content_words(self.business))
        fresh = [fact for fact in fresh if len(set(content_words(fact)) & answer_words) < 2]
        if not fresh:
            return ""
        return max(fresh, key=lambda fact: (bool(cue and cue.search(fact)), -fresh.index(fact)))


def _given(statement: str) -> str:
    """The fact an instruction gives as its example: 'Ask for the budget, e.g. offers can go to at most 5% of users'
    -> 'Offers can go to at most 5% of users.'; '' when it gives none."""
    match = re.search(r"\b(?:e\.g\.|for example|for instance),?\s+(.{12,})$", statement, re.I)
    if not match or len(match.group(1).split()) < 4 or not _NUMBER.search(match.group(1)):
        return ""
    given = match.group(1).strip().rstrip(".")
    return f"{given[:1].upper()}{given[1:]}."


# A fact is a given of the case. A sentence that draws a conclusion ("Running out therefore loses €1.40 ..., so the
# cost-minimising quantity is the 78th percentile") or works one out ("3-point effect -> 3,000 customers kept") is
# the candidate's job: quoted in a question it gives the answer away (a blind rater's complaint).
_CONCLUDES = re.compile(r"\b(therefore|thus|hence|which means)\b|->|=>|≈|→", re.I)


def _is_fact(statement: str) -> bool:
    if not statement[:1].isupper() and not statement[:1].isdigit():
        return False  # a fragment cut from a line ("suppose the offer cuts it to 27% ...")
    if _CONCLUDES.search(statement):
        return False
    if statement.rstrip().endswith(":"):
        return False  # "A rough calculation, per 100,000 customers:" introduces a list; it states nothing
    if balanced(statement) != statement.strip():
        return False  # a piece cut out of a bracket: "The 90th percentile for safety stock)."
    return bool(_NUMBER.search(statement) or _CONSTRAINT.search(statement)) and not (
        is_instruction(statement) or re.match(r"^(ask|twist)\b", statement, re.I)
    )


def case_facts(chunks: list[Chunk]) -> CaseFacts:
    """The business and the facts of a case, read from its chunks (in note order; twists are not facts)."""
    ordered = sorted(chunks, key=lambda c: c.chunk_index)
    staged: list[tuple[str, str]] = []
    for chunk in ordered:
        if re.search(r"twist|curveball", chunk.heading.split(" > ")[-1], re.I):
            continue
        for index, raw in enumerate(sentences(prose(chunk.text))):
            statement = clean_statement(raw)
            if len(content_words(statement)) < 3 or statement.endswith("?"):
                continue
            opening = chunk.chunk_index == 0 and index < 2  # the sentences that pose the problem
            stage = "" if opening else (chunk.stage or stage_of_statement(statement))
            staged.append((statement, stage))
    business = "the business"
    for statement, _ in staged[:3]:
        match = _BUSINESS.search(statement)
        if match:
            name = match.group(1).strip()
            while _LEADING.match(name):
                name = _LEADING.sub("", name, count=1)
            business = f"the {name[:1].lower()}{name[1:]}" if name else business
            break
    # In a case told as a story (no stage headings) its later paragraphs are what happened next: only the first
    # part of the note sets up the problem, so only its facts may be recalled in any stage.
    # Past its set-up, every statement of a story is what happened next, whatever stage its words name ("The first
    # model used yesterday's sales and showed a WAPE of 14%" must not open the evaluation question).
    story = not any(c.stage for c in ordered)
    setup = max(2, (len(staged) * 2) // 5)
    staged = [(s, at if not story or i < setup else "told") for i, (s, at) in enumerate(staged)]
    found = [(s, at) if _is_fact(s) else (_given(s), at) for s, at in staged]
    facts = tuple(dict.fromkeys((s, at) for s, at in found if s and _is_fact(s)))
    return CaseFacts(business, facts)
