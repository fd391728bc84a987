"""Whether a note's words can be read out in a question: a statement as it stands (one sentence, no shorthand),
a concept's name. Blind raters failed questions that pasted a note's shorthand into a frame ("AIC
comparison works. α→0 recovers Poisson. Why does that happen?") or named a label as a concept ("In a sentence or two,
what does labels refer to?")."""

from __future__ import annotations

import re

from interviewer.interview.combined import fits_frame
from interviewer.interview.statements import has_verb
from interviewer.scoring.text import STOPWORDS, content_words

__all__ = ["asks_clearly", "reads_as_prose", "subject_of", "term_fits", "topic_context"]

# Note shorthand that no interviewer reads out: arrows, "≠", "w/", "x = y" lines, "~" for "about", a blank after "~".
_SHORTHAND = re.compile(r"->|→|=>|⇒|≠|≈|∝|±|√|∑|Σ|\bw/|(?<=[\s(])[+=](?=\s)|~|\s&\s|\bvs\b\.?|\betc\b|\bcf\b")
_TWO_SENTENCES = re.compile(r"\w[.!?]\s+\S")


def reads_as_prose(text: str) -> bool:
    """True for a statement an interviewer could read out as it stands: one sentence, no shorthand, no word shouted
    for emphasis. A blind rater failed "AIC comparison works. α→0 recovers Poisson. Why does that
    happen?" and a cloze on "7-day rolling avg = ROWS BETWEEN ___ PRECEDING ..." as notes pasted into a frame."""
    text = " ".join(text.split()).strip()
    if not text or _SHORTHAND.search(text) or _TWO_SENTENCES.search(text.rstrip(".!?")):
        return False
    words = text.split()
    shouted = [
        w
        for w in words
        if len(w) >= 2 and w.isalpha() and w.isupper() and (w.lower() in STOPWORDS or w.lower() in _EMPHATIC)
    ]
    return not shouted and len(words) <= 35


_COMPARATIVES = frozenset(
    "older newer larger smaller bigger faster slower higher lower better worse cheaper earlier later longer shorter "
    "fewer more less".split()
)
_PLACES = frozenset("UK US USA EU EEA APAC EMEA LATAM NA NYC".split())
_LABEL_NOUNS = frozenset(
    "idea ideas goal goals problem problems fix fixes format formats question questions rule rules thumb angle note "
    "notes view takeaway takeaways summary example examples tip tips reminder reminders point points option options "
    "step steps issue issues thing things stuff part parts bits version plan gist intuition trick tricks lesson "
    "lessons basics overview recap checklist model guide template templates remember gotcha gotchas aside todo "
    "version default defaults python pandas sklearn spark level levels one-liner one-liners tldr cheatsheet pitch "
    "soundbite mechanism mechanisms pitfall pitfalls definition definitions case cases symptom symptoms cause causes "
    "result results form forms self approach approaches feedback answer answers story stories bit name-drop name-drops "
    "namedrop mention mentions".split()
)
# A name ends in a noun: "synthetic", "global temporal" and "easier to stop" are pieces of a line (a blind rater:
# "what does synthetic refer to" could be synthetic control or synthetic DiD). Nouns with an adjective's ending pass.
_ADJECTIVE_END = re.compile(r"(?:ic|al|ive|ous|ful|less|able|ible)$")
_NOUNS_LIKE_ADJECTIVES = frozenset(
    "metric heuristic statistic logic topic clinic interval signal residual survival trial retrieval removal arrival "
    "potential objective incentive alternative derivative positive negative total proposal approval individual "
    "manual capital journal material terminal portal principal tutorial rival variable table appraisal rental "
    "referral denial dismissal renewal "
    "withdrawal reversal disposal perceptive representative executive detective relative collective initiative "
    "narrative directive generative discriminative adjective explosive native cable".split()
)
_PLAIN_VERBS = frozenset(
    "want need use get make see know think say try keep go give take put set run check look find show tell".split()
)
_PREPOSITIONS = frozenset("to in on at by for with from into onto".split())
_COMPARATIVE_START = re.compile(
    r"(?:easier|harder|cheaper|faster|slower|better|worse|simpler|safer|riskier|bigger|smaller|higher|lower|more|less)\b",
    re.I,
)
_EMPHATIC = frozenset("no not never always only must all none any don't".split())


def term_fits(name: str) -> bool:
    """A concept a definition or a contrast can name: a name that reads as one ('quasi-Poisson', 'cosine',
    'learning_rate (eta)', 'min_child_weight / min_data_in_leaf'), never a plain plural word ('What does labels
    refer to?'), a line's shorthand ('ads ≠ generic ranking') or a name with its qualifier ('AUC alone')."""
    name = re.sub(r"\s*\((?!\+)[^()]{1,30}\)$", "", name.strip())  # its other name in brackets
    parts = name.split(" / ")
    return bool(name) and len(parts) <= 2 and all(_one_term_fits(part.strip()) for part in parts)


def _one_term_fits(name: str) -> bool:
    words = name.split()
    if not fits_frame(name) or _SHORTHAND.search(name) or "=" in name or not name[:1].isalnum():
        return False
    if re.search(r"[\u0370-\u03ff\u2200-\u22ff]", name) and len(words) >= 2:
        return False  # "ACF of Δy": a formula's symbol in a name, not a method anyone proposes (both raters, round 61)
    if len(name) < 2 or re.search(r"\s[—–-]\s|\s(?:and|or)\s", name):
        return False  # "τ" alone; "ATT — matching", "pointwise and pairwise": a line's pieces, not one name
    if re.search(r"\b(?:is|are|was|were|exists?|prefers?|has|have|does|do|can|will|would|should)\b", name, re.I):
        return False  # "robust PCA variants exist", "prefers whichever answer": a clause, not a name
    if len(words) >= 2 and re.fullmatch(r"[A-Za-z]", words[-1]):
        return False  # "nonconformity score s", "stride S": a formula's symbol after its name
    if re.fullmatch(r"[A-Za-z][a-z]*s to [a-z]+", name):
        return False  # "metrics to quote", "steps to take": a to-do list's label ("learning to rank" is a name)
    if re.search(r"['’]s$", name):
        return False  # "B&K's": an owner cut from the thing it owns ("B&K's step 1")
    if len(words) == 1 and name.lower() in _PLAIN_VERBS:
        return False  # "what does want refer to?": a verb cut from its line
    if len(words) == 1 and (name.lower() in _COMPARATIVES or name.upper() in _PLACES):
        return False  # "what older is", "what does UK refer to?" (round 43): a comparison or a place, no concept
    if re.match(r"\d+(?:st|nd|rd|th)\b|plain\b", name, re.I):
        return False  # "2nd line", "plain accuracy": a note's ordinal or qualifier opens no name
    if words[-1].lower() in _LABEL_NOUNS:
        return False  # "real goal: ...", "fixes: ...", "core idea: ...": a note's label for a list, not a concept
    last = words[-1].lower().split("-")[-1]
    if last.isalpha() and _ADJECTIVE_END.search(last) and last not in _NOUNS_LIKE_ADJECTIVES:
        return False  # "synthetic", "global temporal", "class-conditional": an adjective with its noun cut off
    if re.fullmatch(r"[a-z]{3,}ed", last) and last not in ("seed", "speed", "feed", "need", "embed", "breed"):
        return False  # "statistically principled": a participle, not a name
    if re.match(r"[a-z]{3,}ly\b", words[0].lower()) and words[0].lower() not in ("early", "family", "anomaly"):
        return False  # "statistically ...": an adverb opens no name
    if len(words) >= 2 and re.fullmatch(r"[a-z]{3,}ed", words[0]) and words[1].lower() in _PREPOSITIONS:
        return False  # "applied to Kestrelford": a participle's phrase, not a name
    if _COMPARATIVE_START.match(name):
        return False  # "easier to stop": half of a comparison, not a name
    if words[-1].lower() in ("alone", "only", "itself", "too", "again", "here", "there", "fewer", "more", "less"):
        return False
    if any(w.lower() in ("too", "very", "quite") for w in words):
        return False  # "TTL too long": a setting's value, not a name
    if re.match(
        r"(?:one|two|three|few|several|many|multiple|small|quick|rough|big|large|almost|nearly|most|every|some|such|"
        r"other)\b",
        name,
        re.I,
    ) or re.search(r"-ish\b", name):
        return False  # "two sources", "quick answer template": a count or a size, not a name
    middle = ("in", "on", "at", "by", "from", "with", "across", "over", "for", "per")
    if len(words) >= 3 and any(w.lower() in middle for w in words[1:-1]):
        return False  # "age in yrs", "anomalies isolated in fewer": a piece of a sentence, not a name
    shouted = [w for w in words if w.isalpha() and w.isupper()]
    if any(w.lower() in STOPWORDS or w.lower() in _EMPHATIC for w in shouted) or (
        len(words) > 1 and len(shouted) == len(words) and any(len(w) >= 5 for w in shouted)
    ):
        return False  # 'NO SCALING': the note's emphasis, not a name
    if re.match(
        # ("an answer", "a within a layer", "my numbers": an article or the note-taker's own word opens no name)
        r"(?:per|include|includes|including|no|non|without|with|for|by|via|beyond|NB|PS|TODO|remember|reason|why|note|"
        r"see|mock|my|our|an?\s(?!priori|posteriori)|"
        r"because|hence|thus|so)\b",
        name,
        re.I,
    ):  # ("Reason CatBoost is strong on ...": the start of a sentence, not a name)
        return False  # "per feature", "include adversarial/edge", "no-ML": a qualifier or an instruction
    single = len(words) == 1 and words[0][1:].islower() and words[0].isalpha()
    return not (single and re.search(r"[^su]s$", words[0]))


def topic_context(topic: str, name: str, points: tuple[str, ...]) -> str:
    """What a question about `name` says of its note's subject so that its referent is clear ("standard blocking"
    -> "standard blocking in entity resolution"; blind raters failed 23 of 33 easy questions for a referent the
    question never gave): `subject_of` the topic, or '' for a name that names itself (capitals, a hyphen, a figure:
    "PR-AUC", "post-stratification") or that holds the subject already."""
    if not re.fullmatch(r"[a-z]+(?: [a-z]+){0,3}", name.strip()):
        return ""
    subject = subject_of(topic, points)
    return "" if set(content_words(subject)) & set(content_words(name)) else subject


def subject_of(topic: str, points: tuple[str, ...]) -> str:
    """A note's subject as a question says it: the topic's first part ("Entity resolution / record linkage" ->
    "entity resolution"), as the notes write it; '' for a topic that is long, a file's name or a list of subjects
    (raters failed "in k-NN + distance metrics", "PR-AUC in classification Metrics", "post-stratification in CUPED")."""
    head = re.split(r"\s+/\s+|,\s|:\s|\s[-–—+]\s|\s\(|\s+(?:and|&)\s+|\s+vs\.?\s+", topic.strip(), maxsplit=1)[0]
    head = head.strip(" .?")
    if head != topic.strip().strip(" .?") and re.search(r"\s(?:and|&)\s+other\b|\s\+\s", topic):
        return ""  # "CUPED and other variance reduction": the first part is one subject of several
    words = head.split()
    junk = r"\d|\?|\b(?:notes?|week|lecture|chapter|self-quiz|quiz|case|interpretation|basics|overview|primer|recap)\b"
    if not words or len(words) > 4 or re.search(junk, head, re.I):
        return ""
    said = " ".join(points)

    def spoken(word: str) -> str:  # a name the notes always capitalise keeps its capital ("Gaussian"), a word not
        always = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", said) and not re.search(
            rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", said
        )
        keep = word.isupper() or "'" in word or any(c.isupper() for c in word[1:]) or bool(always)
        return word if keep else word.lower()

    return " ".join(spoken(word) for word in words)


def asks_clearly(question: str) -> bool:
    """False for a note's own question that a heading or shorthand stands in for: "Detecting interference (how would
    you know?)?", "MRR and NDCG vs MAP — which one?", "When would you pick which?" (blind raters, round 27)."""
    text = " ".join(question.split())
    if re.search(r"\bwhich(?: one)?\s*\?$", text, re.I):
        return False  # which of what?
    if re.search(r"\s[-–—]\s(?:\w+\s?){1,3}\?$", text):
        return False  # "Permutation test on a raw difference in means - problem?": the note's shorthand for a question
    if text[:1].islower() or re.match(r"(?:same|ditto|and|also)\b", text, re.I):
        return False  # "does Gold tier increase ...?", "Same thing but ...": a line that leans on the one before
    if re.search(r"(?<![\w-])n(?![\w-])", text):
        return False  # "cut required n", "n per arm?": the note's shorthand for a sample size
    first = re.sub(r"^[^\w]+", "", text).split(" ", 1)[0].lower()
    if re.fullmatch(r"[a-z]{3,}ing", first) and "(" in text:
        return False  # a heading with its question in brackets
    return not re.search(r"\svs\.?\s", text) or has_verb(re.sub(r"\svs\.?\s.*$", "", text))
