"""Items that need two facts, for levels 4 and 5: a diagnosis (a symptom, and the notes' statements that explain
it, across notes), a consequence chain (a change, and the statements that say what follows and what to do) and a
decision under a constraint (two options the notes contrast, and the statements about either that the constraint
touches). Symptoms and constraints are an interviewer's repertoire
(prompts/combined.toml); the points are always the notes' own statements, each from its own chunk. Pure."""

from __future__ import annotations

import itertools
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from interviewer.errors import BadInputError
from interviewer.interview.items import Item
from interviewer.interview.statements import is_verb, lower_first, usable_concept
from interviewer.resources import default_prompts_dir
from interviewer.scoring.text import STOPWORDS, content_words

__all__ = ["COMBINED_KINDS", "Repertoire", "as_written", "combined_items", "fits_frame", "load_repertoire"]

COMBINED_KINDS = ("diagnosis", "decision", "consequence")
MAX_POINTS = 4
MIN_WORDS = 4  # content words a statement needs to be a point of a combined item
CONSEQUENCE_LEVEL = 3  # blind raters: "what happens to precision and recall if ..." is textbook at level 4
# The kinds of statement that can explain a symptom (what goes wrong, and why), and those that can carry an
# option's property.
_EXPLAINING = ("pitfall", "mechanism", "qa")
_PROPERTIES = ("pitfall", "mechanism", "trade-off", "contrast", "qa", "rule", "statement", "definition")
_NOT_A_NAME = re.compile(
    r"^(always|never|often|usually|do|don't|not|use|ask|avoid|choose|pick|prefer|evaluate|fit|train|split|check|"
    r"compute|make|keep|set|try|evaluate|estimate|my|our|your|their|its|this|that|these|those|each|every|some|any|more|less|"
    r"larger|smaller|higher|lower|high|low|stronger|weaker|bigger|faster|slower|simpler|deeper|shallower|wider|"
    r"narrower|longer|shorter|fewer|greater|exact|other|another|the first|a|an|common|main|key|typical|usual|"
    r"general|big|good|bad|first|second|last|next|same|different|new|old|simple|important|unlike|whereas|while|"
    r"compared|both|either|neither)\b",
    re.I,
)


# Endings of ordinary English words (a name like Bonferroni, Platt or Holm has none of them).
_COMMON_WORD = re.compile(r"(al|ing|tion|sion|ive|ed|ity|ness|ic|ous|ary|ment|ance|ence)$")
_EMPHASIS = frozenset("inside outside before after always never only must not once every each first".split())
_GENERIC = frozenset("model models method methods approach approaches data feature features metric metrics".split())
# Words that qualify a method and name none alone.
_BARE_MODIFIERS = frozenset(
    "online offline upstream downstream static dynamic manual automatic implicit explicit absolute relative global "
    "local top-down bottom-up middle-out early late soft hard better worse random greedy full partial naive".split()
)
_DANGLING = frozenset(
    "every each all any some alongside per than versus vs via across over under between among within without "
    "through into onto towards toward".split()
)


@dataclass(frozen=True)
class Cue:
    """A symptom or a constraint: its name, the words by which a statement answers it, and how it is asked."""

    name: str
    cues: re.Pattern[str]
    asks: tuple[str, ...]
    designed: bool = True  # a process can prevent it: at level 5 it is also asked as a design question
    needs: re.Pattern[str] | None = None  # words a statement must also use (what the symptom is about)
    evidence: int = 1  # distinct words of the symptom its statements must use together (some cues are polysemous)
    level: int = 4  # the level a diagnosis is asked at (a classic with one answer: 3)
    unless: re.Pattern[str] | None = None  # words of a statement about something else that shares the cues
    core: re.Pattern[str] | None = None  # what one of the statements, at least, must name (the symptom's own subject)

    def answers(self, statement: str, least: int = 1) -> bool:
        """True when a statement names at least `least` of the cues, and what the symptom needs."""
        # A cue said to be absent names nothing: "... on crowded data, no retraining" is no retrained model.
        named = {
            m.group(0).lower()
            for m in self.cues.finditer(statement)
            if not re.search(r"\b(?:no|not|without|never)\s+$", statement[: m.start()], re.I)
        }
        if len(named) < least or (self.unless is not None and self.unless.search(statement)):
            return False
        # What the symptom is about is said in other words than its cue: "a single trending chain also gets flagged"
        # (MCMC) and "extrapolation beyond training length" (RoPE) each met both with one word, and were asked as
        # the causes of forecasts running low as a business grows (both blind raters, round 35: not in the notes).
        rest = self.cues.sub(lambda m: " " * len(m.group(0)), statement)
        return self.needs is None or bool(self.needs.search(rest))


@dataclass(frozen=True)
class Repertoire:
    """The symptoms and constraints of prompts/combined.toml."""

    symptoms: tuple[Cue, ...]
    constraints: tuple[Cue, ...]
    consequences: tuple[Cue, ...] = ()  # a change, and the statements that say what follows and what to do
    design: tuple[str, ...] = ()  # turn a diagnosis into a design question (level 5); {situation} is the symptom
    metric_choice: tuple[str, ...] = ()  # a choice between two metrics: what each tells, not which to "ship"


def load_repertoire(prompts_dir: Path | None = None) -> Repertoire:
    """Read prompts/combined.toml; a broken file is an error naming it."""
    path = (prompts_dir or default_prompts_dir()) / "combined.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))

        def cues(key: str, level: int = 4) -> tuple[Cue, ...]:
            return tuple(
                Cue(
                    str(entry["name"]),
                    re.compile(rf"\b(?:{entry['cues']})", re.I),
                    tuple(entry["asks"]),
                    bool(entry.get("design", True)),
                    re.compile(rf"\b(?:{entry['needs']})", re.I) if entry.get("needs") else None,
                    int(entry.get("evidence", 1)),
                    int(entry.get("level", level)),
                    re.compile(rf"\b(?:{entry['unless']})", re.I) if entry.get("unless") else None,
                    re.compile(rf"\b(?:{entry['core']})", re.I) if entry.get("core") else None,
                )
                for entry in data[key]
            )

        design = tuple(str(ask) for ask in data.get("design", {}).get("asks", ()))
        for ask in design:
            ask.format(situation="")  # a variable other than {situation} is an error, named below
        metric_choice = tuple(str(ask) for ask in data.get("metric-choice", {}).get("asks", ()))
        for ask in metric_choice:
            ask.format(a="", b="")
        consequences = cues("consequence") if "consequence" in data else ()
        return Repertoire(cues("symptom"), cues("constraint", level=5), consequences, design, metric_choice)
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, IndexError, re.error) as exc:
        raise BadInputError(f"{path}: not a usable file of hard questions ({exc}); restore it") from None


def fits_frame(name: str) -> bool:
    """True for a name that reads as the option of a question ('ridge', 'class weights', 'k-means'): a short
    noun phrase, never a clause, an instruction or a comparative ('always standardize', 'larger lambda')."""
    name = name.strip()
    if not name or name != usable_concept(name) or len(name.split()) > 4 or _NOT_A_NAME.match(name):
        return False
    words = name.split()
    if any(not re.search(r"\w", word) for word in words):
        return False  # 'precompute +': a note's shorthand cut at its symbol (a trial user's follow-up, session 14)
    if len(words) >= 2 and words[0].lower().endswith("ing") and words[0][:1].isupper():
        return False  # 'Adding polynomial terms': an action, not an option's name
    if any(word.isdigit() for word in words):
        return False  # 'Under-cost 3': a figure of a sentence, not an option
    if words[-1].lower() in STOPWORDS or words[-1].lower() in _DANGLING:
        return False  # 'CI alongside every': cut mid-phrase
    if len(words) == 1 and words[0].lower() in _GENERIC:
        return False  # 'model', 'data': no option anyone chooses between
    if name.lower() in _BARE_MODIFIERS:
        return False  # "offline or online?", "top-down": which evaluation, which forecast? (a blind rater)
    if len(words) == 1 and words[0].islower() and re.search(r"(?:ian|ist|istic|ical)$", words[0]):
        return False  # 'bayesian or frequentist?': adjectives, with nothing said of what they qualify (a rater)
    if any(len(w) >= 4 and w.isupper() and w.lower() in _EMPHASIS for w in words):
        return False  # 'vectorizer INSIDE CV': the note's emphasis inside a rule, not a name
    if any(is_verb(word) for word in words):
        return False  # 'lambda controls the strength', 'evaluate with ...': a clause or an instruction
    clause = r"is|are|gives|means|when|if|but|and so|how|what|why|which|where|who|whether|vs\.?|versus"
    return not re.search(rf"[:;,()\[\]\"]|(?<![\w-])({clause})(?![\w-])", name, re.I)


_CONTINUES = frozenset("from and or but which either neither so then also as because since while whereas".split())


def _whole(point: str) -> bool:
    """False for a piece of an answer that continues a sentence ('from the business cost of ...')."""
    first = point.split(" ", 1)[0].lower() if point else ""
    return bool(first) and first not in _CONTINUES


_FILE_POINTER = re.compile(r"^cross-?refs?\b|\b[\w-]+\.(?:md|txt|ipynb|pdf|apkg)\b", re.I)


def _shouted(point: str) -> bool:
    """True for a plain-text note's heading ('LEAKAGE THROUGH FEATURES (the mistake I made)'): it names a part of the
    note, and says nothing a candidate could be scored on."""
    letters = [c for c in point if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def _statements(items: list[Item], kinds: tuple[str, ...]) -> list[tuple[str, Item]]:
    """Every whole statement of these kinds, once, with the item it comes from (case notes are not among them; a
    piece of an answer that starts mid-sentence is not a statement)."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.kind not in kinds:
            continue
        for point in item.points:
            # A pointer ('NOT probability calibration (03).') or a bare label says too little to be scored on.
            # Nor a line that only points to another file ('Cross-ref: the same agreement stats apply to ... in
            # 04_fairness_hiring_selfquiz.md.'): it says where a point is, not the point.
            if (
                _whole(point)
                and point not in seen
                and len(content_words(point)) >= MIN_WORDS
                and not _FILE_POINTER.search(point)
                and not _shouted(point)
            ):
                seen.add(point)
                out.append((point, item))
    return out


def _words(statement: str, cue: Cue) -> set[str]:
    """The distinct words of a symptom a statement uses: its cues, and what it needs outside them."""
    spans = [m.span() for m in cue.cues.finditer(statement)]
    found = {m.group(0).lower() for m in cue.cues.finditer(statement)}
    if cue.needs is not None:
        found |= {
            m.group(0).lower()
            for m in cue.needs.finditer(statement)
            if not any(start <= m.start() < end for start, end in spans)
        }
    return found


def _hits(statement: str, cue: Cue) -> int:
    return len(_words(statement, cue))


def _spread(found: list[tuple[str, Item]], first_topic: str, cue: Cue) -> list[tuple[str, Item]]:
    """Up to MAX_POINTS statements: two of the topic's own first, then one per other note, those that say most
    about the symptom and share most words with the topic's own first: the answer must connect notes."""
    own = [f for f in found if f[1].topic == first_topic][:2]
    chosen, notes = list(own), {f[1].source for f in own}
    own_words = set(content_words(" ".join(s for s, _ in own)))

    def strength(entry: tuple[str, Item]) -> tuple[int, int]:
        return (_hits(entry[0], cue), len(set(content_words(entry[0])) & own_words))

    for statement, item in sorted(found, key=strength, reverse=True):
        if len(chosen) >= MAX_POINTS:
            break
        if item.topic != first_topic and item.source not in notes:
            chosen.append((statement, item))
            notes.add(item.source)
    return chosen


def _combined(
    kind: str, question: str, concept: str, chosen: list[tuple[str, Item]], level: int, base: Item | None = None
) -> Item:
    first = base or chosen[0][1]  # the item belongs to the topic it was built for, whatever its points' order
    return replace(
        first,
        question=question,
        points=tuple(s for s, _ in chosen),
        point_chunks=tuple(i.chunk_id for _, i in chosen),
        kind=kind,
        concept=concept,
        levels=(level,),
        other="",
        detail="",
        stage="",
    )


def _diagnoses(
    statements: list[tuple[str, Item]],
    symptom: Cue,
    design: tuple[str, ...],
    kind: str = "diagnosis",
    turn: int = 0,
) -> list[Item]:
    # A consequence is a chain: a statement belongs to it only when it names two of its links (a definition of
    # the false positive rate says nothing about testing more metrics).
    least = 2 if kind == "consequence" else 1
    found = [(s, i) for s, i in statements if symptom.answers(s, least)]
    items = []
    for index, topic in enumerate(dict.fromkeys(i.topic for _, i in found)):
        chosen = _spread(found, topic, symptom)
        # Together the statements must use enough of the symptom's words: two glossary lines that each say
        # 'quantile' once do not explain why a forecast runs short.
        used = set().union(*(_words(s, symptom) for s, _ in chosen)) if chosen else set()
        # ... and enough of its own cues, not only of what it is about: "training fills NaN with median" and "softmax
        # saturates" met 'nan', 'saturat', 'train' and 'gradient', and built "Your network's training loss turns into
        # NaN" on notes that never say why a loss diverges (both blind raters, round 83, and likewise a calendar
        # question on 'same weekday' and 'like-for-like' alone)
        cued = [{m.group(0).lower() for m in symptom.cues.finditer(s)} for s, _ in chosen]
        cued_enough = len(set().union(*cued)) >= symptom.evidence or any(len(words) >= 2 for words in cued)
        core = symptom.core is None or any(symptom.core.search(s) for s, _ in chosen)
        if len(chosen) >= 2 and len(used) >= symptom.evidence and cued_enough and core:
            # The points that say most about the symptom come first: a follow-up asks the first one missed, and a
            # point that only brushes the symptom ('units matter' under a forecast running short) is no gap to probe.
            base = chosen[0][1]
            chosen = sorted(chosen, key=lambda entry: -_hits(entry[0], symptom))
            question = symptom.asks[index % len(symptom.asks)]
            # A consequence ("you lower the threshold: what happens?") applies what the notes say: level 3.
            level = CONSEQUENCE_LEVEL if kind == "consequence" else symptom.level
            item = _combined(kind, question, symptom.name, chosen, level, base)
            if design and symptom.designed and level == 4:  # also a design question: prevent what explains it
                # (the whole scene before the question: "A support team ran at about 85% occupancy with acceptable
                # waits." alone named no problem; "Call volume rose 10%, and the average wait more than tripled." is
                # the symptom, both raters in round 99)
                told = re.split(r"(?<=[.?!])\s+", question)
                situation = " ".join(itertools.takewhile(lambda said: not said.endswith("?"), told)) or told[0]
                # The design wordings take turns across symptoms: a session of hard questions does not end every
                # one with the same sentence.
                ask = design[(turn + index) % len(design)]
                item = replace(item, levels=(4, 5), detail=ask.format(situation=situation))
            items.append(item)
    return items


def _mentions(statement: str, name: str) -> bool:
    return bool(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", statement, re.I))


def as_written(name: str, statements: list[tuple[str, Item]]) -> str:
    """A name as the notes write it mid-sentence: 'boosting' when they do, 'Bonferroni' when it is a name; a name a
    heading shouts ('GINI', 'ENTROPY' of "GINI VS ENTROPY") as the notes' sentences write it ('Gini', 'entropy')."""
    if name.isupper() and len(name) > 3 and name.isalpha():  # ('PR-AUC', 'F1' are written so)
        shouted = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I)
        found = next((m.group(0) for s, _ in statements for m in shouted.finditer(s) if not m.group(0).isupper()), "")
        # (an acronym the notes never write otherwise stays: 'MAPE', 'NDCG')
        name = found or (name.capitalize() if len(name) > 5 and name.isalpha() else name)
    lower = lower_first(name)
    if lower == name:
        return name
    if _COMMON_WORD.search(lower.split(" ", 1)[0]):
        return lower  # 'Temporal leakage', 'Gradient boosting': an ordinary word, not a person's name
    first = lower.split(" ", 1)[0]
    # The notes write the word in lower case somewhere: it is a common word, capitalised only to start a line.
    written = re.compile(rf"(?<![\w-]){re.escape(first)}(?![\w-])")
    return lower if any(written.search(s) for s, _ in statements) else name


def _decisions(statements: list[tuple[str, Item]], pairs: list[Item], constraint: Cue) -> list[Item]:
    items = []
    for pair in pairs:
        a, b = pair.concept, pair.other
        touched = [(s, i) for s, i in statements if s not in pair.points and constraint.cues.search(s)]
        about_a = [t for t in touched if _mentions(t[0], a)]
        about_b = [t for t in touched if _mentions(t[0], b)]
        # The constraint must touch what the notes say of the options: of both, or of one when the statement that
        # contrasts them speaks to it too.
        pair_touched = any(constraint.cues.search(p) for p in pair.points)
        # (Two statements that say what each option does are enough when the constraint speaks to them.)
        if not ((about_a and about_b) or (pair_touched and (about_a or about_b or len(pair.points) >= 2))):
            continue
        own = [(p, pair) for p in pair.points[:2]]

        source = pair.source
        about_a.sort(key=lambda entry: entry[1].source == source)  # statements of other notes first
        about_b.sort(key=lambda entry: entry[1].source == source)
        chosen = (own + about_a[:1] + about_b[:1])[:MAX_POINTS]
        ask = constraint.asks[sum(map(ord, a + b)) % len(constraint.asks)]  # pairs spread over the wordings
        question = ask.format(a=as_written(a, statements), b=as_written(b, statements))
        items.append(_combined("decision", question, f"{a} or {b}", chosen, constraint.level))
    return items


def combined_items(items: list[Item], repertoire: Repertoire) -> list[Item]:
    """The diagnosis and decision items the notes can answer, each with at least two statements.

    The statements are found by words, and about 60% of those found bear on the question (labelled pairs, tune and
    held-out alike). Sentence embeddings did not tell them apart well enough to filter them (precision 0.58 -> 0.65
    at the cost of 41% of the relevant ones on held-out pairs; bench/combined_relevance.py)."""
    # Terse notes state most causes plainly ('MAPE ... pushes forecasts low'), not as a pitfall or a mechanism: every
    # statement can explain a symptom, those that read as a pitfall or a mechanism first.
    statements = _statements(items, _PROPERTIES)
    explaining = sorted(statements, key=lambda entry: entry[1].kind not in _EXPLAINING)
    out: list[Item] = []
    for symptom in repertoire.symptoms:
        # (the design wordings take turns over the symptoms that have design questions, whatever the file's order)
        turn = sum(1 for item in out if item.detail)
        out += _diagnoses(explaining, symptom, repertoire.design, turn=turn)
    for change in repertoire.consequences:
        out += _diagnoses(statements, change, (), kind="consequence")
    named = [i for i in items if i.other and fits_frame(i.concept) and fits_frame(i.other)]
    distinct = {
        (p.concept.lower(), p.other.lower()): p
        for p in named
        if p.concept.lower() not in p.other.lower() and p.other.lower() not in p.concept.lower()
    }
    # Both sides must be things the notes make statements about (an option), not a word inside a sentence ('false
    # negatives' in 'the cost of false positives vs false negatives').
    subjects = {i.concept.lower() for i in items if i.concept}

    def is_subject(name: str) -> bool:
        lower = name.lower()
        if any(subject == lower or subject.startswith(lower + " ") for subject in subjects):
            return True
        # A statement that starts with the name is about it ('PR-AUC reacts strongly to false positives').
        return any(re.match(rf"{re.escape(lower)}(?![\w-])", s.lower()) for s, _ in statements)

    # Two things are options only when the notes set them side by side: in one statement or heading ('ROC-AUC vs
    # PR-AUC'). Two trade-offs that merely follow each other in a list ('silhouette favours convex clusters',
    # 'marketing can act on 4-6 segments') are no choice anyone makes.
    texts = [s for s, _ in statements] + [h for i in items for h in i.heading.split(" > ")]

    def side_by_side(pair: Item) -> bool:
        return any(_mentions(t, pair.concept) and _mentions(t, pair.other) for t in texts)

    pairs = [p for p in distinct.values() if is_subject(p.concept) and is_subject(p.other) and side_by_side(p)]
    metrics = [p for p in pairs if _METRIC.fullmatch(p.concept.strip()) and _METRIC.fullmatch(p.other.strip())]
    if repertoire.metric_choice:
        out += _metric_choices(statements, metrics, repertoire.metric_choice)

    # Effects the notes name are no options: "Novelty vs primacy" sets two effects side by side, and "Would you choose
    # novelty or primacy?" under a latency budget made no sense to either blind rater (round 54).
    def phenomenon(name: str) -> bool:
        return any(re.search(rf"(?<![\w-]){re.escape(name)}\s+{_PHENOMENA}", t, re.I) for t in texts)

    options = [p for p in pairs if p not in metrics and not (phenomenon(p.concept) or phenomenon(p.other))]
    for constraint in repertoire.constraints:
        out += _decisions(statements, options, constraint)
    return out


# What names a thing that happens, not an option anyone picks ("novelty effect", "selection bias").
_PHENOMENA = r"(?:effects?|bias|paradox|phenomenon|aversion|fatigue|drift|shift)\b"


# The names of evaluation metrics: two of them are not options to 'ship' or to pick under a latency budget, but two
# views of one model, and the question is when they disagree.
_METRIC = re.compile(
    r"(?:(?:roc|pr|precision-recall)[- ]?auc|au ?(?:roc|pr)|auc|roc|precision|recall|fpr|tpr|fnr|tnr|f1(?: score)?|"
    r"f-?beta|accuracy|specificity|sensitivity|(?:s|w)?mape|wape|mase|rmsse|rmse|mse|mae|r2|r-squared|log[- ]?loss|"
    r"cross-entropy|brier(?: score)?|ece|ndcg(?:@\d+)?|map(?:@\d+)?|mrr|hit rate|recall@\d+|precision@\d+|ctr|lift|"
    r"(?:false|true) (?:positive|negative) rate|pinball loss|coverage|calibration error)",
    re.I,
)


def _metric_choices(statements: list[tuple[str, Item]], pairs: list[Item], asks: tuple[str, ...]) -> list[Item]:
    """Two metrics the notes contrast: when do they tell different stories about one model, and which to report.
    Scored on the contrast and on what the notes say of either."""
    items = []
    for pair in pairs:
        a, b = pair.concept, pair.other
        about = [(s, i) for s, i in statements if s not in pair.points and (_mentions(s, a) or _mentions(s, b))]
        about.sort(key=lambda entry: entry[1].source == pair.source)  # statements of other notes first
        chosen = ([(p, pair) for p in pair.points[:2]] + about)[:MAX_POINTS]
        if len(chosen) < 2:
            continue
        ask = asks[sum(map(ord, a + b)) % len(asks)]
        question = ask.format(a=as_written(a, statements), b=as_written(b, statements))
        items.append(_combined("decision", question, f"{a} or {b}", chosen, 5))
    return items
