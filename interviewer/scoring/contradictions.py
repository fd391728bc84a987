"""Contradictions: an answer sentence that says what a note says, the wrong way round.

The "repair test": a sentence contradicts a key point when a small, meaning-reversing edit of the sentence
(swap two contrasting terms, replace a word by its antonym) makes it agree much better with the key point,
or when the two differ only in negation. Agreement is measured on ordered word pairs within a short window,
which capture *which term goes with which claim*; sentence embeddings alone cannot tell "L1 zeroes weights"
from "L2 zeroes weights". Offline, deterministic, microseconds per pair."""

from __future__ import annotations

import re

from interviewer.scoring.text import normalise_token, tokens

__all__ = [
    "CONCEPT_PAIRS",
    "CONTRAST_PAIRS",
    "contrast_pairs_in",
    "find_contradiction",
    "find_misattribution",
    "find_number_mismatch",
    "pair_agreement",
    "statement_words",
]

# Terms whose swap reverses a claim. Stems (normalise_token) on both sides. Directional words first;
# the named concepts after them (_CONCEPT_PAIRS) are also checked sentence-wide for misattribution.
_RAW_CONCEPT_PAIRS = """precision:recall bias:variance l1:l2 lasso:ridge bagging:boosting numerator:denominator fpr:tpr
    sensitivity:specificity where:having null:alternative type-i:type-ii i:ii supervised:unsupervised
    overfitting:underfitting overfit:underfit fwer:fdr bonferroni:benjamini-hochberg platt:isotonic
    inner:outer""".split()
_RAW_PAIRS = """increase:decrease higher:lower high:low more:less larger:smaller large:small always:never
    above:below before:after rise:fall raise:lower up:down overfit:underfit overfitting:underfitting
    true:false positive:negative left:right inner:outer min:max minimum:maximum first:last
    include:exclude with:without biased:unbiased wider:narrower wide:narrow faster:slower fast:slow
    stronger:weaker strong:weak grow:shrink reduce:increase independent:dependent
    correlated:uncorrelated one-sided:two-sided i:ii precision:recall bias:variance l1:l2 lasso:ridge
    bagging:boosting numerator:denominator fpr:tpr sensitivity:specificity where:having null:alternative
    reject:accept type-i:type-ii underestimate:overestimate conservative:liberal parallel:sequential
    sequential:parallel often:rarely always:rarely convex:concave sparse:dense supervised:unsupervised
    row:column rows:columns fewer:more lowest:highest worst:best worse:better easier:harder
    cheaper:expensive online:offline past:future earlier:later""".split()


def _stems(raw: list[str]) -> tuple[tuple[str, str], ...]:
    return tuple((normalise_token(a), normalise_token(b)) for a, b in (pair.split(":") for pair in raw))


CONCEPT_PAIRS = _stems(_RAW_CONCEPT_PAIRS)
CONTRAST_PAIRS = _stems(_RAW_PAIRS) + CONCEPT_PAIRS
_OPPOSITE: dict[str, set[str]] = {}
for _a, _b in CONTRAST_PAIRS:
    _OPPOSITE.setdefault(_a, set()).add(_b)
    _OPPOSITE.setdefault(_b, set()).add(_a)

_NEGATIONS = frozenset({"not", "no", "never", "cannot", "without", "none", "neither", "nor", "rarely", "seldom"})
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "is",
        "are",
        "be",
        "was",
        "were",
        "it",
        "its",
        "this",
        "that",
        "as",
        "by",
        "at",
        "and",
        "or",
        "from",
        "which",
        "can",
        "will",
    ]
)
_WINDOW = 3
_MIN_GAIN = 2
_MIN_AGREEMENT = 3


def statement_words(text: str) -> list[str]:
    """The normalised words of a statement that agreement is measured on."""
    return _words(text)


def _words(text: str) -> list[str]:
    return [normalise_token(t) for t in tokens(text) if t not in _FILLER and t.isascii()]


def _is_negation(word: str) -> bool:
    return word in _NEGATIONS or word.endswith("n't")


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    content = [w for w in words if not _is_negation(w)]
    return {(a, b) for i, a in enumerate(content) for b in content[i + 1 : i + 1 + _WINDOW] if a != b}


def pair_agreement(answer_words: list[str], key_words: list[str]) -> int:
    """How many ordered near-by word pairs the two statements share."""
    return len(_pairs(answer_words) & _pairs(key_words))


def _edits(answer: list[str], key: set[str]) -> list[tuple[list[str], str]]:
    present = set(answer)
    edits: list[tuple[list[str], str]] = []
    for a, b in CONTRAST_PAIRS:
        if a in present and b in present:
            swapped = [b if w == a else a if w == b else w for w in answer]
            edits.append((swapped, f"swapped {a} and {b}"))
    for word in present:
        for opposite in _OPPOSITE.get(word, ()):
            if opposite in key and word not in key:
                edits.append(([opposite if w == word else w for w in answer], f"{word} -> {opposite}"))
    return edits


def _negated(words: list[str]) -> set[str]:
    """Content words within two words after a negation: what the negation applies to."""
    scoped: set[str] = set()
    for i, word in enumerate(words):
        if _is_negation(word):
            scoped.update(w for w in words[i + 1 : i + 3] if not _is_negation(w))
    return scoped


def find_contradiction(answer_sentence: str, key_point: str, support: int = 0) -> str | None:
    """The edit that shows `answer_sentence` reverses `key_point`, or None when it does not.

    `support` is the best agreement the unedited sentence has with any statement of the notes: a sentence
    that some other note statement already supports is not a contradiction of this one."""
    answer, key = _words(answer_sentence), _words(key_point)
    base = max(pair_agreement(answer, key), support)
    key_pairs = len(_pairs(key)) or 1
    best_gain, best_edit = 0, None
    for edited, description in _edits(answer, set(key)):
        agreement = pair_agreement(edited, key)
        if agreement - base > best_gain and agreement >= max(_MIN_AGREEMENT, 0.25 * key_pairs):
            best_gain, best_edit = agreement - base, description
    if best_edit is not None and best_gain >= _MIN_GAIN:
        return best_edit
    # Negation: a word the key point asserts is negated in the answer (or the other way round), in
    # sentences that otherwise say the same thing.
    negated_answer, negated_key = _negated(answer), _negated(key)
    flipped = (negated_answer ^ negated_key) & set(answer) & set(key)
    key_content = {w for w in key if not _is_negation(w)}
    shared = key_content & set(answer)
    answer_content = {w for w in answer if not _is_negation(w)}
    near_copy = len(shared) >= 0.75 * len(key_content) and len(shared) >= 0.75 * len(answer_content)
    if flipped and near_copy and pair_agreement(answer, key) >= max(4, support):
        return f"negation differs on {sorted(flipped)[0]}"
    return None


# Names of one thing: a sentence mentioning either mentions that side of the contrast.
_SYNONYMS = {"lasso": "l1", "ridg": "l2"}
_VERSUS = re.compile(r"\b([A-Za-z][\w-]*)\s+(?:vs\.?|versus)\s+([A-Za-z][\w-]*)", re.I)


def contrast_pairs_in(texts: list[str]) -> set[tuple[str, str]]:
    """Concept pairs the notes themselves name ("L1 vs L2", "bagging versus boosting"), plus the built-ins."""
    found = set(CONCEPT_PAIRS)
    for text in texts:
        for a, b in _VERSUS.findall(text):
            left, right = normalise_token(a.lower()), normalise_token(b.lower())
            if left != right:
                found.add((left, right))
    return found


def _side(words: set[str], term: str) -> bool:
    return term in words or any(_SYNONYMS.get(w) == term for w in words)


def find_misattribution(answer: list[str], references: list[list[str]], pairs: set[tuple[str, str]]) -> str | None:
    """A sentence that says of one side of a contrast what the notes say only of the other side.

    For each contrast pair (a, b) of which the sentence names one side only, compare the sentence's other
    words with the note statements that name only a and those that name only b; when the claim matches the
    other side's statements clearly better, the sentence has swapped them ("ridge gives sparse weights")."""
    words = set(answer)
    for a, b in sorted(pairs):
        has_a, has_b = _side(words, a), _side(words, b)
        if has_a == has_b:
            continue
        named, other = (a, b) if has_a else (b, a)
        claim = words - {a, b} - {w for w, side in _SYNONYMS.items() if side in (a, b)} - _FILLER
        agree_named = agree_other = 0
        for reference in references:
            ref = set(reference)
            ref_named, ref_other = _side(ref, named), _side(ref, other)
            overlap = len(claim & (ref - {a, b}))
            if ref_named and not ref_other:
                agree_named = max(agree_named, overlap)
            elif ref_other and not ref_named:
                agree_other = max(agree_other, overlap)
        if agree_other >= 3 and agree_other >= agree_named + 2:
            return f"says of {named} what the notes say of {other}"
    return None


_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?%?")


def find_number_mismatch(answer_sentence: str, key_point: str, question: str) -> str | None:
    """The answer gives a different figure than the note for the same statement: the note's own numbers
    (those not already in the question) are all absent from the answer, which states other numbers."""
    given = set(_NUMBER.findall(question))
    # Single digits in notes are mostly formula constants or examples ("2PR", "NOT IN (1, NULL)").
    key_numbers = {n for n in _NUMBER.findall(key_point) if len(n) > 1} - given
    answer_numbers = set(_NUMBER.findall(answer_sentence)) - given
    if key_numbers and answer_numbers and not key_numbers & answer_numbers:
        return f"states {', '.join(sorted(answer_numbers))} where the notes say {', '.join(sorted(key_numbers))}"
    return None
