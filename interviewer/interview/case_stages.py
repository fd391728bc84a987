"""Which stage of a case a statement belongs to, by the words interviewers use for the stages of any data-science
case, and a case note's statements grouped by stage. Pure string functions."""

from __future__ import annotations

import re

from interviewer.core.domain import ASIDE_PARAGRAPH, CASE_STAGES
from interviewer.interview.case_givens import is_story, practises
from interviewer.interview.statements import clean_statement
from interviewer.scoring.keypoints import prose
from interviewer.scoring.text import content_words, sentences

__all__ = ["STAGE_CUES", "lessons", "stage_of_statement", "stage_statements", "without_asides"]

# The words by which a statement shows its stage; the first stage whose words it uses most wins. These are the
# words interviewers use for the stages of any data-science case, not the words of one note.
STAGE_CUES: dict[str, re.Pattern[str]] = {
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
        r"algorithm|method|approach|train\w*|fit\w*|heuristic|rules?-based|embedding|two-tower|uplift model|"
        r"matching|propensity|diff(?:erence)?-in-diff\w*|synthetic control|instrumental)\b",
        re.I,
    ),
    "evaluation": re.compile(
        r"\b(auc|roc|pr-auc|precision|recall|f1|metrics?|evaluat\w*|offline|backtest\w*|calibrat\w*|mape|rmse|"
        r"ndcg|accuracy|validation set|holdout set|test set|time-based split|cross-validat\w*)\b",
        re.I,
    ),
    "experiment": re.compile(
        r"\b(a/b|experiment\w*|control group|treatment|randomi[sz]\w*|holdout group|pilot|rollout|canary|"
        r"significan\w*|power|sample size|test group|causal|incremental|treated|tests?|tested|testing)\b",
        re.I,
    ),
    "deployment": re.compile(
        r"\b(deploy\w*|monitor\w*|drift|retrain\w*|latency|serv(e|ing)|production|alerts?|dashboards?|batch|"
        r"real[- ]time|roll ?back|pipeline|refresh\w*|maintain\w*)\b",
        re.I,
    ),
}
_LATER = CASE_STAGES[2:]  # the stages past clarify and frame: where what a story's team did and found belongs

# Split into sentences, an aside's second half opened a case's first question ("Mock w/ R., product DS loop.).").
_ASIDE_PARAGRAPH = re.compile(ASIDE_PARAGRAPH)


def without_asides(text: str) -> str:
    """A case note's text without its bracketed asides."""
    return _ASIDE_PARAGRAPH.sub("", text)


def stage_of_statement(statement: str, stages: tuple[str, ...] = CASE_STAGES) -> str:
    """The case stage (of `stages`) a statement belongs to by its words; '' when it names none."""
    counts = {stage: len(pattern.findall(statement)) for stage, pattern in STAGE_CUES.items()}
    best = max(stages, key=lambda stage: (counts[stage], -CASE_STAGES.index(stage)))
    return best if counts[best] else ""


def stage_statements(text: str, opening: bool = True) -> dict[str, list[str]]:
    """A case note's statements grouped by stage, in the note's order. The opening (the note's first two
    sentences, which pose the problem) is left out: the case's first question quotes it as its context. In a case
    told as a story, what the team did and found is never what to clarify or how to frame the problem: from its first
    such sentence on, a statement belongs to a later stage or to none."""
    statements = [clean_statement(s) for s in sentences(prose(without_asides(text)))]
    # The note-taker's lessons are one point each ("Lessons: check the data is the same data ...; decompose by the
    # unit where the change happened; ..."): as one run-on point no answer could cover it.
    statements = [part for s in statements for part in lessons(s)]
    # A list's lead-in ("A few constraints shaped the whole thing:") states nothing an answer could cover, and the
    # note-taker's practice ("Target: 3 minutes spoken.") nothing about the case.
    statements = [
        s for s in statements if len(content_words(s)) >= 3 and not s.endswith(("?", ":")) and not practises(s)
    ]
    grouped: dict[str, list[str]] = {}
    told = False
    for index, statement in enumerate(statements):
        told = told or (index >= 2 and is_story(statement))
        stage = "" if opening and index < 2 else stage_of_statement(statement, _LATER if told else CASE_STAGES)
        if stage:
            grouped.setdefault(stage, []).append(statement)
    return grouped


_LESSONS = re.compile(
    r"^[^:;]{0,80}\b(?:lessons?|takeaways?|learnings?|what I (?:learned|learnt))\b[^:;]{0,60}:\s*", re.I
)


def lessons(statement: str) -> list[str]:
    """A note-taker's list of lessons as one sentence each, with a capital and a full stop; else the statement."""
    label = _LESSONS.match(statement)
    parts = [p.strip(" .") for p in re.split(r";\s*(?:and\s+)?", statement[label.end() :])] if label else []
    if not parts:
        return [statement]
    return [f"{p[:1].upper()}{p[1:]}." for p in parts if p]
