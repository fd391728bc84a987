"""The number a sizing case asks for, as a clause a stage question can name: "How many should Harlowby Tax Help hire
this year?" -> "how many Harlowby Tax Help should hire this year". Without it the stages asked to "estimate the number
for Harlowby Tax Help", a number of nothing to both blind raters (round 102). Pure string functions."""

from __future__ import annotations

import re

__all__ = ["asked_quantity", "with_quantity_named"]

# Asked indirectly: "She wants to know how big the problem is and whether we should crack down on it."
_INDIRECT = re.compile(
    r"\b(?:wants?|wanted|needs?|needed|asks?|asked|asking)(?: (?:me|us|you|them))?(?: to (?:know|find out|work out))? "
    r"(?P<q>how (?:many|much|big|large|long|often)\b[^.?;:\"“”]{3,90}?)(?=,? (?:and|or|but) |[.?;:\"“”]|$)",
    re.I,
)
_MODALS = "should|will|would|can|could|must|shall"
# Asked directly: "How many temporary advisers should we hire?", "How many do we need for the peak?"
_DIRECT = re.compile(
    rf"(?:^|[\"“:]\s*|[.?!]\s+)(?:How|(?<=: )how) (?P<how>many|much)"
    rf"(?P<thing>(?: (?!(?:{_MODALS}|do|does)\b)[a-z][\w-]*){{0,3}}) (?P<aux>{_MODALS}|do|does) "
    r"(?P<who>we|they|you|I|the (?:(?:new|whole|current|local|main|existing|central|proposed|planned) )?[a-z][\w-]*|"
    r"[A-Z][\w&'’.-]*(?: (?:[A-Z&][\w&'’.-]*|of))*) (?P<rest>[a-z][^?\"“”]{1,80})\?"
)
# Asked of what happens: "How many replacement tyres are bought in the UK each year?"
_PASSIVE = re.compile(
    r"(?:^|[\"“:]\s*|[.?!]\s+)(?:How|(?<=: )how) (?P<how>many|much)(?P<thing>(?: [a-z][\w-]*){1,3}?) "
    r"(?P<be>are|is|were|was|get|gets) (?P<rest>[a-z][^?,\"“”]{2,70})[?,]"
)
# "How big is the problem?" -> "how big the problem is"
_HOW_BIG = re.compile(
    r"(?:^|[\"“:]\s*|[.?!]\s+)How (?P<how>big|large|much) (?P<be>is|are) (?P<what>[a-z][^?\"“”]{2,60})\?"
)
_PRONOUNS = ("we", "they", "you", "i")
# Words a stage question cannot say out of the prompt's voice, or that point back ("how much extra volume that means")
_UNSAID = re.compile(
    r"\b(?:I|me|my|our|us|you|your|that|these|those)\b"
    r"|\bthis\b(?! (?:year|month|week|quarter|season|summer|winter|spring|autumn|christmas|weekend)\b)",
    re.I,
)
_ADVERBS = "actually|really|realistically|roughly|even|still|ideally|now"


def _third_person(verb: str) -> str:
    """A verb as said of one business: "need" -> "needs", "have" -> "has", "carry" -> "carries"."""
    if verb == "have":
        return "has"
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        return f"{verb}es"
    if re.search(r"[^aeiou]y$", verb):
        return f"{verb[:-1]}ies"
    return f"{verb}s"


def asked_quantity(text: str, business: str) -> str:
    """What number the case's own words ask for, as a clause ("how many Harlowby Tax Help should hire this year"), or ''
    when they ask for none in a shape read here. "We" and "they" are the business."""
    indirect = _INDIRECT.search(text)
    if indirect:
        clause = indirect.group("q").strip(" ,")
        # (said of the business, not of the speaker: "how many we need" -> "how many Kerbside needs")
        clause = re.sub(r"\b(?:we|they)\b (\w+)", lambda m: f"{business} {_said_of_one(m.group(1))}", clause)
        clause = re.sub(r"\bit\b(?= (?:needs|has|should|will|can|must|could|would)\b)", business, clause)
        return clause if 3 <= len(clause.split()) <= 16 and not _UNSAID.search(clause) else ""
    direct = _DIRECT.search(text)
    if direct:
        who = direct.group("who")
        subject = business if who.lower() in _PRONOUNS else who
        # (one question at a time: "how many coach-days should Brightwater commit to, and what will it cost?")
        rest = direct.group("rest").split(",")[0].strip()
        if _UNSAID.search(rest):
            return ""
        if direct.group("aux") in ("do", "does"):
            adverb = re.match(rf"(?:{_ADVERBS}) ", rest)  # ("how many do we actually need")
            lead, rest = (adverb.group(0), rest[adverb.end() :]) if adverb else ("", rest)
            verb, _, tail = rest.partition(" ")
            one = subject == business or direct.group("aux") == "does"
            rest = lead + (f"{_third_person(verb)} {tail}".strip() if one else rest)
            clause = f"how {direct.group('how')}{direct.group('thing')} {subject} {rest}"
        else:
            clause = f"how {direct.group('how')}{direct.group('thing')} {subject} {direct.group('aux')} {rest}"
        return clause if len(clause.split()) <= 18 and not _UNSAID.search(direct.group("thing")) else ""
    passive = _PASSIVE.search(text)
    if passive and not _UNSAID.search(passive.group(0)):
        return (
            f"how {passive.group('how')}{passive.group('thing')} {passive.group('be')} {passive.group('rest').strip()}"
        )
    how_big = _HOW_BIG.search(text)
    if how_big and not _UNSAID.search(how_big.group("what")):
        return f"how {how_big.group('how')} {how_big.group('what')} {how_big.group('be')}"
    return ""


def _said_of_one(verb: str) -> str:
    """A verb after "we" said of the business instead: modals stay, "need" -> "needs", "are" -> "is"."""
    if re.fullmatch(_MODALS, verb):
        return verb
    return {"are": "is", "were": "was"}.get(verb, _third_person(verb))  # ("have" -> "has" is _third_person's)


def with_quantity_named(text: str, business: str, quantity: str) -> str:
    """A sizing stage question that names the number it means: "estimate the number for Harlowby Tax Help" ->
    "estimate how many Harlowby Tax Help should hire this year"; unchanged when `quantity` is ''."""
    if not quantity:
        return text
    at = re.escape(business)
    text = re.sub(rf"\bthe decision at {at}\b", f"the question of {quantity}", text)
    text = re.sub(rf"\b(estimate) the number for {at}\b", rf"\1 {quantity}", text)
    # ("How wrong could your estimate of how big the problem is be" ends on two verbs)
    text = re.sub(
        rf"^How wrong could your number for {at} be,",
        f"Once you have an estimate of {quantity}, how wrong could it be,",
        text,
    )
    return re.sub(rf"\byour (?:number|estimate) for {at}\b", f"your estimate of {quantity}", text)
