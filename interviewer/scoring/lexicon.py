"""Word classes the claim matcher reads: lemmas, negators, directions, antonym axes and named contrasts. Pure.

Every answer and note word becomes a `Term`: the key two statements are aligned on (so "reduces variance" and
"raises variance" share the key of the direction word and of "variance") and the side it takes on an axis
(+1 / -1 for directions and antonyms, a side name for concept pairs), which polarity compares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.scoring.contrasts import NO_CONTRASTS, Contrasts
from interviewer.scoring.text import STOPWORDS, normalise_token, tokens

__all__ = ["CONCEPT_PAIRS", "INTRANSITIVE", "NEGATORS", "Term", "lemma", "terms"]

NEGATORS = frozenset(
    "not no never cannot can't don't doesn't didn't isn't aren't wasn't weren't won't wouldn't shouldn't "
    "couldn't hasn't haven't without fails unable".split()
)
_INTERJECTION = re.compile(r"\b(?:no|not)\s*[,.;:!?]", re.I)  # "No, it means ..." negates nothing after it
# Negators that belong to fixed phrases which do not negate the claim ("not only", "no matter").
_NOT_NEGATING_NEXT = {"not": {"only", "just", "necessarily"}, "no": {"matter", "longer"}}

# Change and comparison words: one axis, the sign says which way.
_UP = """increase increases increased increasing raise raises raised rise rises rising rose grow grows grew growing
    higher high more larger large bigger big greater wider wide faster fast stronger strong inflate inflates
    inflated longer long heavier most maximum max highest largest widen widens up upward upwards above
    exceeds exceed maximize maximizes maximise maximises maximizing maximising >""".split()
_DOWN = """decrease decreases decreased decreasing reduce reduces reduced reducing lower lowers lowered lowering low
    drop drops dropped fall falls fell falling shrink shrinks shrank smaller small less fewer narrower narrow
    slower slow weaker weak cut cuts shorter short lighter least minimum min lowest smallest narrows
    down downward downwards below minimize minimizes minimise minimises minimizing minimising <""".split()
_DIRECTION = {w: 1 for w in _UP} | {w: -1 for w in _DOWN}
# Verbs whose subject is what moves ("recall falls"); the other direction words apply to what follows them.
INTRANSITIVE = frozenset(
    """rise rises rising rose fall falls fell falling drop drops dropped grow grows grew growing shrink shrinks
    shrank up upward upwards down downward downwards""".split()
)
_PREFIX_DIRECTION = (("over", 1), ("under", -1))
_PREFIX_EXCEPTIONS = frozenset(
    {
        "overall",
        "overview",
        "overlap",
        "overlaps",
        "understand",
        "understanding",
        "underlying",
        "underneath",
        "understood",
        "overhead",
    }
)

# Properties with two sides: a statement that takes the other side reverses the claim.
_ANTONYMS = """linear:nonlinear sparse:dense supervised:unsupervised biased:unbiased parallel:sequential
    convex:concave before:after independent:dependent correlated:uncorrelated online:offline
    deterministic:stochastic always:sometimes every:some better:worse improve:hurt helps:hurts
    overfit:underfit overfitting:underfitting overfits:underfits parametric:nonparametric
    stationary:nonstationary balanced:imbalanced include:exclude inside:outside same:different
    positive:negative positives:negatives local:global similar:dissimilar""".split()
_ANTONYM_SIDE: dict[str, tuple[str, int]] = {}
for _pair in _ANTONYMS:
    _a, _b = _pair.split(":")
    _ANTONYM_SIDE[_a] = (f"{_a}|{_b}", 1)
    _ANTONYM_SIDE[_b] = (f"{_a}|{_b}", -1)
_ANTONYM_SIDE["similar"] = _ANTONYM_SIDE["same"]  # "similar densities" / "different densities"

# Named concepts taught as a contrast: saying of one what holds for the other swaps their roles.
_RAW_CONCEPTS = """precision:recall bias:variance l1:l2 lasso:ridge bagging:boosting numerator:denominator fpr:tpr
    sensitivity:specificity null:alternative type-i:type-ii fwer:fdr platt:isotonic where:having
    bonferroni:benjamini-hochberg row:column rows:columns inner:outer train:test training:test""".split()
CONCEPT_PAIRS: tuple[tuple[str, str], ...] = tuple((pair.split(":")[0], pair.split(":")[1]) for pair in _RAW_CONCEPTS)
_CONCEPT_SIDE: dict[str, tuple[str, str]] = {}
for _a, _b in CONCEPT_PAIRS:
    _CONCEPT_SIDE[normalise_token(_a)] = (f"{_a}|{_b}", _a)
    _CONCEPT_SIDE[normalise_token(_b)] = (f"{_a}|{_b}", _b)
_CONCEPT_SIDE["lasso"] = ("l1|l2", "l1")
_CONCEPT_SIDE["ridg"] = ("l1|l2", "l2")

_SQL = re.compile(
    r"\b(?:sql|select|group by|aggregat\w*|clauses?|query|queries|rows?|joins?|filters?|filtering)\b", re.I
)

# Words for the same thing in data-science notes (stems on the left, the shared key on the right).
_SYNONYMS = {
    "network": "net",
    "nn": "net",
    "neural": "net",
    "ml": "machin",
    "observation": "sampl",
    "example": "sampl",
    "record": "sampl",
    "datapoint": "sampl",
    "feature": "featur",
    "variable": "featur",
    "column": "featur",
    "predictor": "featur",
    "input": "featur",
    "attribut": "featur",
    "choos": "pick",
    "select": "pick",
    "chos": "pick",
    "set": "set",
    "split": "set",
    "fold": "set",
    "holdout": "valid",
    "validation": "valid",
    "dev": "valid",
    "check": "check",
    "verify": "check",
    "inspect": "check",
    "assess": "check",
    "evaluat": "check",
    "tune": "tun",
    "optimis": "tun",
    "optimiz": "tun",
    "error": "error",
    "mistak": "error",
    "loss": "error",
    "information": "inform",
    "informativ": "inform",
    "missingnes": "miss",
    "missing": "miss",
    "absent": "miss",
    "imput": "fill",
    "replac": "fill",
    "impute": "fill",
    "big": "larg",
    "huge": "larg",
    "tiny": "small",
    "using": "us",
    "utilis": "us",
    "employ": "us",
    "apply": "us",
    "appli": "us",
    "calibration": "calibrat",
    "calibrated": "calibrat",
    "probabiliti": "probability",
    "prob": "probability",
    "chanc": "probability",
    "accurat": "accuracy",
    "predictiv": "predict",
    "prediction": "predict",
    "forecast": "predict",
    "estimat": "estimat",
    "estimation": "estimat",
    "model": "model",
    "estimator": "model",
    "classifier": "model",
}
_DERIVATIONAL = ("ation", "ness", "ment", "ity", "ive", "al")


@dataclass(frozen=True)
class Term:
    """One content word of a statement: the key statements align on, and the side it takes (if any)."""

    key: str
    position: int
    sign: int = 0  # +1 / -1 on a direction or antonym axis, 0 otherwise
    side: str = ""  # the named concept of a contrast pair, "" otherwise
    negator: bool = False
    intransitive: bool = False  # a direction word that applies to the word before it


def lemma(word: str) -> str:
    """A crude, deterministic lemma: stemmed, derivational suffixes off, data-science synonyms merged."""
    stem = normalise_token(word.replace("non-", "non"))
    if stem in _SYNONYMS:
        return _SYNONYMS[stem]
    for suffix in _DERIVATIONAL:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
            stem = stem[: -len(suffix)]
            break
    return _SYNONYMS.get(stem, stem)


def _term(word: str, position: int, contrasts: Contrasts) -> Term | None:
    plain = word.replace("non-", "non").replace("-", "") if word.startswith(("non-", "un-")) else word
    if word in NEGATORS or word.endswith("n't"):
        return Term("", position, negator=True)
    if plain.endswith("ly") and plain[:-2] in _ANTONYM_SIDE:
        plain = plain[:-2]  # "sequentially", "linearly"
    if plain in _ANTONYM_SIDE:
        key, sign = _ANTONYM_SIDE[plain]
        return Term(key, position, sign=sign)
    if word in ("h0", "h1"):
        return Term("null|alternative", position, side="null" if word == "h0" else "alternative")
    if word in _DIRECTION:
        return Term("~direction", position, sign=_DIRECTION[word], intransitive=word in INTRANSITIVE)
    noted = contrasts.side_of(word) if word not in STOPWORDS else None
    if noted is not None:  # a contrast this candidate's notes teach: ROWS / RANGE, not the lexicon's rows / columns
        return Term(noted[0], position, side=noted[1])
    stem = normalise_token(word)
    if stem in _CONCEPT_SIDE:
        key, side = _CONCEPT_SIDE[stem]
        return Term(key, position, side=side)
    for prefix, sign in _PREFIX_DIRECTION:
        rest = word[len(prefix) :].lstrip("-")
        if word.startswith(prefix) and len(rest) >= 3 and word not in _PREFIX_EXCEPTIONS:
            return Term(lemma(rest), position, sign=sign)  # "overestimates": estimate, upwards
    if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
        return None
    return Term(lemma(word), position)


def _compound(word: str, position: int, contrasts: Contrasts) -> list[Term]:
    """A word's terms: one, or two for a compound whose first part turns the second ("low-cardinality" is
    lower cardinality, "non-convex" is not convex, "high-variance" is more variance)."""
    term = _term(word, position, contrasts)
    first, _, rest = word.partition("-")
    plain = term is not None and not (term.sign or term.side or term.negator)
    if not rest or not plain or "-" in rest or len(rest) < 3 or not (first in _DIRECTION or first == "non"):
        return [term] if term is not None else []
    head = Term("", position, negator=True) if first == "non" else _term(first, position, contrasts)
    tail = _term(rest, position, contrasts)
    return [t for t in (head, tail) if t is not None]


def terms(text: str, contrasts: Contrasts = NO_CONTRASTS) -> list[Term]:
    """The content words of a statement, in order, with negators kept as markers; `contrasts` are the named
    pairs of the notes the statement is compared with."""
    words = tokens(_INTERJECTION.sub(" ", text))
    # SQL's WHERE / HAVING are two sides only in a statement about SQL: in prose both are common words ("Having asked
    # when it launched ..." was said to name "having where the notes name where", a trial user's review).
    sql = bool(_SQL.search(text))
    found: list[Term] = []
    for position, word in enumerate(words):
        if word in ("where", "having") and not sql:
            continue
        following = words[position + 1] if position + 1 < len(words) else ""
        previous = words[position - 1] if position else ""
        conditional = word == "not" and previous in ("if", "or", "whether")  # "if not, ...", "whether or not"
        if following in _NOT_NEGATING_NEXT.get(word, ()) or (position == 0 and word == "without") or conditional:
            continue  # "not only ..."; "Without scaling, ..." opens a condition, it negates nothing
        found.extend(_compound(word, position, contrasts))
    return found
