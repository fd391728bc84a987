"""Follow-ups that listen: a term the candidate used in a case answer that another note covers becomes the next
question, asked in the case's terms ("You brought up temporal leakage. Where could it bite in the work for the bakery
chain, and how would you catch it ...?") and scored on that note's points, citing it. Pure."""

from __future__ import annotations

import random
import re

from interviewer.interview.asking import QuestionFrames
from interviewer.interview.combined import COMBINED_KINDS, as_written, fits_frame
from interviewer.interview.items import Item
from interviewer.interview.note_terms import NoteTerms, everyday, looks_named
from interviewer.interview.readable import term_fits
from interviewer.interview.statements import lower_first
from interviewer.interview.templates import QuestionTemplates
from interviewer.scoring.text import content_words

__all__ = ["TakeUp", "labels_only", "near_notes", "take_up"]

# What a follow-up on the candidate's own words asks best: a pitfall or a trade-off of what they chose.
_KIND_ORDER = {"pitfall": 0, "trade-off": 1, "contrast": 1, "mechanism": 2, "rule": 2, "qa": 2, "definition": 3}
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)*)(?![\w-])")
_HYPHENATED = re.compile(r"(?<![\w-])([a-z]+(?:-[a-z]+)+)(?![\w-])", re.I)
# Acronyms every answer uses without naming a method.
# ... nor a role: "Let me pick up on PM, which you mentioned" took up the product manager (both raters, round 37).
_PLAIN = frozenset(
    {"I", "OK", "US", "UK", "EU", "ID", "IDS", "AND", "OR", "NOT", "THE", "A", "PM", "PMS", "CEO", "CFO", "CTO", "COO",
     "CMO", "VP", "VPS", "HR", "DS", "MLE", "SWE", "EM", "TL"}
)  # fmt: skip


class TakeUp:
    """A follow-up on a term of the answer: the term, the item of another note that covers it, and the text."""

    def __init__(self, term: str, item: Item, text: str) -> None:
        self.term = term
        self.item = item
        self.text = text


def _mentions(text: str, term: str) -> bool:
    flags = 0 if term.isupper() else re.I
    return bool(re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, flags))


def _terms(answer: str, names: set[str]) -> list[str]:
    """The terms of an answer that can be asked about: acronyms, hyphenated terms and the notes' concept names,
    most specific (longest) first."""
    found = {m.group(1) for m in _ACRONYM.finditer(answer) if m.group(1) not in _PLAIN}
    # A hyphenated word is a term only when the notes name something by it ('PR-AUC' yes, 'held-out' no).
    known = {name.lower() for name in names}
    found |= {m.group(1) for m in _HYPHENATED.finditer(answer) if m.group(1).lower() in known}
    found |= {name for name in names if _mentions(answer, name)}
    # A term the answer turns down is none it brought ("Don't do manual 2SLS (OLS of D on Z, ...). I would use UCB
    # here." was taken up as "You mentioned OLS. Why does it suit ...?", both raters, round 86); one it proposes
    # ("I would use UCB") comes first.
    clauses = {term: _clauses_with(answer, term) for term in found}  # each term's mentions, read once
    found = {term for term in found if not _turned_down(clauses[term])}
    return sorted(found, key=lambda term: (not _proposed(clauses[term]), -len(term), term))


_TURNED_DOWN = re.compile(
    r"(?:^\s*(?:don't|do not|never|avoid|no)\b|\b(?:not|don't|never|avoid|instead of|rather than|without)\b)", re.I
)
_PROPOSED = re.compile(r"\b(?:I|we)(?:'d| would| will| could)? (?:use|try|start with|go with|fit|run|apply)\b", re.I)


def labels_only(term: str, points: list[str]) -> bool:
    """True when the notes use a term in capitals only as a line's label ("OPS RISK: a Postgres replication slot
    keeps WAL ...", "DELIVERY: assume at-least-once"): a sheet's heading for what follows, no method a candidate names
    (round 95 took up "OPS RISK" in a referee-app case and a removals case, both raters failing both)."""
    if not term.isupper() or len(term) < 5:
        return False
    used = [p for p in points if _mentions(p, term)]
    return bool(used) and all(re.match(rf"\s*{re.escape(term)}\s*:", p) for p in used)


def _clauses_with(answer: str, term: str) -> list[str]:
    """What comes before each mention of `term` in its clause; the whole sentence before it when the sentence opens
    by turning something down ("Don't do manual 2SLS (OLS of D on Z ...)")."""
    before = []
    for sentence in re.split(r"(?<=[.!?])\s+", answer):
        refuses = re.match(r"\s*(?:don't|do not|never|avoid)\b", sentence, re.I) is not None
        for match in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])", sentence, re.I):
            head = sentence[: match.start()]
            before.append(head if refuses else re.split(r"[,;:(]", head)[-1])
    return before


def _turned_down(clauses: list[str]) -> bool:
    """True when every mention of a term is in a clause that turns it down ("Don't do ...", "rather than X")."""
    return bool(clauses) and all(_TURNED_DOWN.search(clause) for clause in clauses)


def _proposed(clauses: list[str]) -> bool:
    """True when a mention of a term follows "I would use", "we could try" in its clause."""
    return any(_PROPOSED.search(clause) for clause in clauses)


# A name cut after a preposition ('forecasts at SKU' of "forecasts at SKU × store × day") is a fragment of a line.
_CUT_AT_PREPOSITION = re.compile(r"\s(?:at|per|by|for|with|on|to|from)\s+\S+$", re.I)
# A name that is only a modifier ('out-of-fold', 'in-batch') or opens with a plain qualifier ('naive version'); a
# modifier with its noun ('in-batch negatives', 'out-of-time validation') names a method.
# ('cross-validation', 'post-stratification' and 'Naive Bayes' are names too).
_MODIFIER = re.compile(
    r"^(?:(?:out|in|on|off|up|down|over|under|cross|non|pre|post)-[\w-]+(?<!tion|sion|ment|ness)(?<!ity|ing|ics)$"
    r"|(?:naive|simple|basic|plain|first|second|other|same)[- ](?:version|approach|model|baseline|method|way|one|"
    r"solution|pass|attempt|try)s?$)",
    re.I,
)


# Words by which a term names a failure, not a method: "temporal leakage" can bite, "monotone constraints" cannot
# ("How could monotone constraints show up in this case ... rule it out?" reads as nonsense).
_FAILURE = re.compile(
    r"(?<![\w-])(leak\w*|bias(es|ed)?|drift\w*|overfit\w*|skew\w*|shift\w*|peek\w*|confound\w*|\w*collinear\w*|"
    r"imbalance\w*|censor\w*|traps?|spillovers?|contaminat\w*|mismatch\w*|fatigue|decay\w*|cannibali\w*|"
    r"survivorship|paradox|inflat\w*|staleness|stale|outliers?|noise|noisy|errors?|failures?|violat\w*|"
    r"feedback loops?|gaming|gamed|goodhart\w*|delays?|delayed)(?![\w-])",
    re.I,
)


def _case_question(
    term: str, item: Item, templates: QuestionTemplates, business: str, used: set[str], explaining: bool = False
) -> tuple[str, ...]:
    """The questions that tie a term to the case, those whose words no earlier question used first: a failure the
    term names is asked where it could bite in this case, a method why it suits this case and what it costs."""
    # In a case that explains a movement, whatever the candidate names is a cause to check, never a method they chose
    # ("You brought up ML model swaps. Why does it suit Shortlistr here?" of the swap that caused the drop, round 51).
    # (a term that names a failure is one whatever kind its statement is: "You brought up label delay. How exactly
    # would you use it ...?" asked a defined trap as a method, both raters, round 55)
    # (and a term the notes give as a pitfall is one: "filter-style cascade", the notes' name for a recall ceiling, was
    # asked "Why does it suit Gannet Mobile here?", round 103)
    failure = explaining or bool(_FAILURE.search(term)) or item.kind == "pitfall"
    # (a term said in the plural is "they": "online/offline parity tests", never "neural nets ... does it")
    plural = term.endswith("s") and not term.endswith(("ss", "us", "is", "as")) and not term.isupper()
    kind = "take-up-pitfall" if failure else "take-up-method"
    options = templates.case.get(f"{kind}-plural", templates.case[kind]) if plural else templates.case[kind]
    filled = [" ".join(option.format(business=business).split()) for option in options]
    fresh = [text for text in filled if not any(text in earlier for earlier in used)]
    return tuple(fresh or filled)


def _named_mid_sentence(word: str, statements: list[str]) -> bool:
    """True when the notes write a capitalised word with its capital after another word ('with a Qini curve')."""
    if not word[:1].isupper():
        return False
    pattern = re.compile(rf"(?<=[a-z0-9,;(] ){re.escape(word)}(?![\w-])")
    return any(pattern.search(statement) for statement in statements)


NEAR_NOTES = 3  # the other notes that share most words with a case: those whose methods it may take up


def near_notes(items: list[Item], case_topic: str) -> set[str]:
    """The NEAR_NOTES notes, other than the case's, whose statements share most words with the case's."""
    case_words = {w for i in items if i.topic == case_topic for p in i.points for w in content_words(p)}
    words: dict[str, set[str]] = {}
    for item in items:
        if item.topic != case_topic:
            words.setdefault(item.source, set()).update(w for p in item.points for w in content_words(p))
    return set(sorted(words, key=lambda source: -len(words[source] & case_words))[:NEAR_NOTES])


def take_up(
    answer: str,
    items: list[Item],
    case_topic: str,
    asked_points: set[str],
    frames: QuestionFrames,
    rng: random.Random,
    used: set[str],
    templates: QuestionTemplates,
    business: str,
    terms: NoteTerms | None = None,
    explaining: bool = False,
    given: str = "",
) -> TakeUp | None:
    """The follow-up on the most specific term of the answer that another note covers, asked in the case's terms
    (`business`), or None. Another case's items are never taken up: they are its stages, not a method. `terms`:
    how the notes use their terms (default: counted over the items' points). `explaining`: the case explains a metric
    that moved. `given`: what the case itself says (its opening): a term of it is the case's premise, not a method the
    candidate brought ("You brought up ETA" in a case about ETA-based promises, both raters, round 56)."""
    pool = [
        i
        for i in items
        if i.topic != case_topic
        and i.kind in _KIND_ORDER
        and i.kind not in COMBINED_KINDS
        and i.points
        and not (set(i.points) & asked_points)
    ]
    # A single ordinary word ('goal', 'budget') is no method the candidate named; a term of two words, an acronym
    # (also of mixed case) or a hyphenated term is.
    names = {
        i.concept
        for i in pool
        if fits_frame(i.concept)
        and term_fits(i.concept)  # never 'multiple metrics / segments', 'TTL too long'
        and (len(i.concept.split()) >= 2 or "-" in i.concept or re.search(r"[A-Z].*[A-Z]", i.concept))
        and not everyday(i.concept)
    }  # ('BCa', 'mSPRT', 'XGBoost': a name by its capitals; never 'trade-offs', however often the notes say it)
    # A name that starts as a modifier ('naive version', 'out-of-fold', 'in-batch') names no method: blind raters
    # read "Let me pick up on naive version" as a fragment.
    names = {name for name in names if not _MODIFIER.match(name) and not _CUT_AT_PREPOSITION.search(name)}
    # A phrase only one note line uses ('final answer needs an online test') is no concept the notes name: the
    # candidate who says it names nothing to take up.
    terms = terms or NoteTerms(point for item in items for point in item.points)
    near = near_notes(items, case_topic)
    for term in (t for t in _terms(answer, names) if terms.names(t)):
        if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", f"{case_topic} {business} {given}", re.I):
            continue  # the case's own subject ("EV chargers in its motels") is no method the candidate brought
        covering = [i for i in pool if any(_mentions(p, term) for p in i.points) or i.concept.lower() == term.lower()]
        if labels_only(term, [p for i in covering for p in i.points]):
            continue
        # Only a method from a note near the case: "You brought up SimCLR. How exactly would you use it for Halyard
        # Coffee?" in a kiosk-sizing case was off-topic to every blind rater (rounds 32-33), whoever said it.
        covering = [i for i in covering if i.source in near]
        covering.sort(key=lambda i: (i.concept.lower() != term.lower(), _KIND_ORDER[i.kind], len(i.points) < 2))
        if not covering:
            continue
        said = term if term.isupper() else as_written(term, [(p, i) for i in pool for p in i.points])
        # "Sampled-metrics trap", a heading's capital, reads "sampled-metrics trap"; "Qini curve" keeps the capital
        # the notes give it mid-sentence (a blind rater failed "You mentioned qini curve").
        if not _named_mid_sentence(said.split(" ", 1)[0], [p for i in items for p in i.points]):
            said = lower_first(said)
        # A plain phrase of the candidate's is quoted ('You mentioned “feedback loop”.'): bare, it reads as a noun
        # missing its article; a name ('BCa', 'Qini curve', 'PR-AUC') is said as it is.
        # (a hyphen alone makes no name of a phrase: 'You mentioned filter-style cascade.' missed its article to a
        # blind rater, round 103)
        phrase = " " in said and said == said.lower() and not re.search(r"[\d/]", said)
        quoted = said if (looks_named(said) and not phrase) or said[:1].isupper() else f"“{said}”"
        opener = rng.choice(frames.took_up).format(term=quoted)
        text = f"{opener} {rng.choice(_case_question(term, covering[0], templates, business, used, explaining))}"
        if text not in used:
            return TakeUp(term, covering[0], text)
    return None
