"""Case-study questions: each stage asked with the case's own facts (its business, numbers and constraint) and
scored on the stage's statements; a stage the case note says nothing about takes its method from another note;
notes with no case at all still give a case, built from one topic's notes. Pure over chunks and items."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from interviewer.core.chunks import Chunk
from interviewer.core.domain import CASE_STAGES, CaseKind, Question
from interviewer.core.session import SessionConfig, planned_case_stages
from interviewer.interview.asking import QuestionFrames
from interviewer.interview.case_opening import leans_back, moved_metric
from interviewer.interview.case_quantity import asked_quantity, with_quantity_named
from interviewer.interview.case_shape import counted_thing
from interviewer.interview.cases import CaseFacts, case_facts, stage_of_statement, without_made_up
from interviewer.interview.choosing import item_key
from interviewer.interview.combined import COMBINED_KINDS
from interviewer.interview.follow_ups import twist_situation, twist_text
from interviewer.interview.items import Item
from interviewer.interview.statements import has_verb
from interviewer.interview.templates import QuestionTemplates, display_topic, pick
from interviewer.scoring.text import content_words, sentences

__all__ = [
    "CaseDraft",
    "case_draft",
    "from_other_note",
    "lead_sentence",
    "points_of",
    "reading_notice",
    "stage_notice",
    "topic_stage_items",
    "twist_for",
]

MAX_CASE_POINTS = 5
# The kinds of knowledge a stage of a case built from a topic's notes asks for, when no statement names the stage.
_STAGE_KINDS: dict[str, tuple[str, ...]] = {
    "clarify": ("definition", "qa", "rule"),
    "frame": ("definition", "contrast", "qa"),
    "data": ("pitfall", "procedure", "rule"),
    "method": ("trade-off", "contrast", "mechanism", "procedure"),
    "evaluation": ("rule", "pitfall", "contrast"),
    "experiment": ("procedure", "rule", "pitfall"),
    "deployment": ("pitfall", "trade-off", "rule"),
}


@dataclass(frozen=True)
class CaseDraft:
    """A case question before it becomes a Question: its text, the items it is scored on, and what to say once."""

    text: str
    items: tuple[Item, ...]  # the stage's own item first, then any item of another note it borrows a method from
    notice: str = ""
    twistable: bool = True  # False when the question already asks what to do if the obvious way is closed
    lead: str = ""  # the case's fact that opens the question, if any (a twist goes between it and the question)

    def with_twist(self, twist: str) -> str:
        """The question with a condition to answer under, said before what it asks ("Suppose legal tells you ...
        Walk me through ..."): tacked on after it, a blind rater read "Answer it assuming ..." as a template's
        instruction. The question's own setting comes first ("The model is trained. Suppose the first results look
        much better ... How do you decide ...?"): before it, the results came before the model (a blind rater)."""
        ask = self.text[len(self.lead) :].strip() if self.lead and self.text.startswith(self.lead) else self.text
        parts = re.split(r"(?<=[.?])\s+(?=[A-Z])", ask)
        asked = next((i for i, part in enumerate(parts) if part.endswith("?")), 0)
        setting, rest = " ".join(parts[:asked]), " ".join(parts[asked:])
        if twist and setting.startswith(("Suppose", "Say ")):
            # "Suppose you have an estimate. On top of that, ...": "And the first results look ..." read as a splice
            twist = re.sub(r"^(?:Suppose|Now assume)\s+", "On top of that, ", twist)
        return " ".join(part for part in (self.lead, setting, twist, rest) if part)


def _points_sources(items: tuple[Item, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The stage's own points, leaving room for two of the note it borrows a method from."""
    points: list[str] = []
    origins: list[str] = []
    room = [MAX_CASE_POINTS - 2 * (len(items) - 1), 2] if len(items) > 1 else [MAX_CASE_POINTS]
    for item, limit in zip(items, room, strict=False):
        for point in [p for p in item.points if p not in points][:limit]:
            points.append(point)
            origins.append(item.chunk_id)
    return tuple(points), tuple(origins)


def topic_stage_items(items: list[Item], stage: str, used: set[tuple[str, str, str]]) -> list[Item]:
    """A topic's deep-dive items that suit a case stage: those whose statement names the stage, else the kinds of
    knowledge the stage asks for."""
    fresh = [i for i in items if item_key(i) not in used and i.points]
    named = [i for i in fresh if stage_of_statement(i.points[0]) == stage]
    if stage in ("clarify", "frame"):
        # A definition says nothing about clarifying or framing a business problem: with no statement that does, the
        # stage is open (scored on how it is approached; a browser trial scored a sound clarify answer 0.04 on
        # "A time series is a set of observations ordered in time").
        return named
    return named or [i for i in fresh if i.kind in _STAGE_KINDS[stage]]


def from_other_note(items: list[Item], case_text: str, stage: str, case_topic: str) -> Item | None:
    """The item of another note that brings the method a stage needs: its statement names the stage, and it
    shares the most words with the case (a churn case's experiment stage takes the A/B-testing note's point)."""
    case_words = set(content_words(case_text))
    pool = [i for i in items if i.topic != case_topic and i.kind not in ("case-stage", *COMBINED_KINDS) and i.points]
    staged = [i for i in pool if stage_of_statement(" ".join(i.points)) == stage]

    def overlap(item: Item) -> int:
        return len(set(content_words(" ".join(item.points))) & case_words)

    def named_by_case(item: Item) -> bool:
        # The case must name what the other note is about: its concept, or two words of its topic. Two shared
        # words alone let a glossary card on max pooling serve a marketplace's data stage (a trial user's case).
        concept = item.concept.strip().lower()
        if concept and len(concept) >= 3 and re.search(rf"(?<![\w-]){re.escape(concept)}(?![\w-])", case_text, re.I):
            return True
        return len(set(content_words(item.topic)) & case_words) >= 2

    staged = [i for i in staged if named_by_case(i)]
    best = max(staged, key=lambda i: (overlap(i), -staged.index(i)), default=None)
    return best if best is not None and overlap(best) >= 2 else None


def case_draft(
    stage: str,
    topic: str,
    case_chunks: list[Chunk],
    stage_items: list[Item],
    other: Item | None,
    templates: QuestionTemplates,
    rng: random.Random,
    used_texts: set[str],
    opening: bool,
    kind: CaseKind | None = None,
    named_as: str = "",
) -> CaseDraft:
    """The question of one stage of a case: the case's fact that matters here, then the stage's question in the
    case's words, asked as the `kind` the candidate says the case is, if they say one. A case built from a topic's
    notes (no case note) says so when it opens."""
    facts = case_facts(case_chunks, kind, named_as) if case_chunks else CaseFacts("the team", ())
    items = tuple(stage_items[:1]) + ((other,) if other is not None else ())
    notice = ""
    frames = _stage_frames(templates, facts)
    if opening:
        if case_chunks:
            context = facts.opening or without_made_up(" ".join(sentences(case_chunks[0].text)[:2]))
            # An opening that ends with its question is followed by one ask, not "before you build anything" (a
            # decision's too: "Did the soft-play annual pass work? Where do you start? Tell me ...", round 71).
            asked = context.endswith("?")
            options = templates.case.get("clarify-asked", frames["clarify"]) if asked else frames["clarify"]
            text = pick(options, rng, used_texts, topic=topic, context=context, business="", fact="", change="")
        else:
            text = pick(
                templates.case_from_notes, rng, used_texts, topic=topic, business="", fact="", context="", change=""
            )
            notice = (
                f"Your notes on {display_topic(topic)} hold no case study, so this case is built from them; "
                "pick a case topic, or add a note that poses a business problem, for a case of your own."
            )
            context = ""
        if case_chunks:
            notice = reading_notice(facts)
        # The opening's own givens are no point an answer can add: "missed: Halvard Hotels runs a 220-room business
        # hotel ..." followed a clarify answer to a question that had just said it (my own trial interview).
        items = tuple(left for item in items if (left := _without_said(item, f"{context} {text}")) is not None)
        return CaseDraft(text, items, notice)
    asked_points = {p for i in stage_items for p in i.points}
    # A fact of this stage or a later one would give its answer away (a story's later facts are 'told', never said).
    before = {
        fact
        for fact, at in facts.facts
        if at == "told" or (at in CASE_STAGES and CASE_STAGES.index(at) >= CASE_STAGES.index(stage))
    }
    said = " ".join(used_texts)
    fact = facts.fact_for(stage, asked_points | before | _said(used_texts), answer=tuple(asked_points), said=said)
    business = facts.business if case_chunks else "the product team"  # the team the opening names
    # A model's live test that no note says how to run is asked open: is a randomised test possible here at all?
    # (a list to act on has its own test: against a random pick)
    open_test = stage == "experiment" and case_chunks and not items and not facts.decision and not facts.targets
    open_test = open_test and not facts.operating  # (a threshold is trialled as a threshold: given-experiment)
    options = _unused_frames(templates.case["experiment-open"] if open_test else frames[stage], used_texts)
    change = facts.change or ("the change" if facts.made else "")  # ("whether it worked" names none, round 47)
    text = pick(options, rng, used_texts, topic=topic, context="", business=business, fact="", change=change)
    text = text[:1].upper() + text[1:]  # "{business} has gone ahead ..." with a business named "the online retailer"
    if business.endswith("."):
        text = text.replace(f"{business}.", business)  # ("at Piecemeal Puzzle Co..", round 76)
    if facts.shape == "drop":
        text = _movement_named(text, *moved_metric(facts.opening))
    if facts.shape == "allocation" and (unit := _split_across(f"{facts.opening} {facts.setup}")):
        # The options are what the budget is split across, as the case names them ("across our 14 UK cities"): "each
        # option" read as a template's word to a blind rater where the case means each city (round 94).
        singular = re.sub(r"ies$", "y", unit) if unit.endswith("ies") else unit.removesuffix("s")
        text = re.sub(r"\bin each place it could go\b", f"in each {singular}", text)
        text = re.sub(r"\b(each|an?|the) option\b", lambda m: f"{_article(m.group(1), singular)} {singular}", text)
        text = re.sub(r"\boptions\b", unit, text)
    quantity = asked_quantity(f"{facts.opening} {facts.setup}", business) if facts.shape == "sizing" else ""
    text = with_quantity_named(text, business, quantity)
    if facts.shape == "sizing" and not quantity and (counted := counted_thing(f"{facts.opening} {topic}")):
        text = re.sub(r"\b(the|your) number for\b", rf"\1 number of {counted} for", text)
    if facts.targets:
        text = _candidates_named(text, facts.opening, topic, facts.setup)
        text = _action_named(text, f"{topic} {facts.opening}")
    # (the set-up may name it: "The UK does not have it, for customs reasons.", round 50)
    kept = _kept_part(f"{facts.opening} {facts.setup}") if facts.pilot else ""
    if kept:
        # The part the pilot left alone, as the case names it ("the other 26 sites"): "the part that kept things as
        # they were" left both blind raters asking which part (round 48).
        text = text.replace("the part that kept things as they were", kept).replace("from the rest", f"from {kept}")
    # Only a sentence leads in: a verbless line of the note ("Roughly 420k active repeat patients.", "Steady at about
    # 62% for a year.") read as pasted text beside the question (blind raters, rounds 24-25).
    # Nor one that points back ("The difference is about £2,800 ...": a blind rater, round 38, asked "between what?").
    lead = lead_sentence(fact)
    # A point the case's opening or this question states is no point an answer can add: "The CEO says it was a huge
    # success because no-shows in the pilot salons fell ..." was a key point of the experiment stage, and the
    # transcript listed it as "a full answer from your notes" (a trial user).
    said_already = " ".join([facts.opening, lead])
    items = tuple(left for item in items if (left := _without_said(item, said_already)) is not None)
    return CaseDraft(f"{lead} {text}".strip(), items, notice, twistable=not open_test, lead=lead)


# The shapes of case with stage questions of their own (questions.toml: "drop-frame", "allocation-method", ...): none
# has results to doubt or a launch to slide, so no twist says either.
_OWN_FRAMES = ("drop", "sizing", "choice", "allocation", "policy", "metric")


def _split_across(text: str) -> str:
    """What a budget is split across, as the case says it ("across our 14 UK cities" -> "cities"); '' when unsaid."""
    found = re.search(r"\bacross (?:our |the |its |their |all )?(?:\d[\d,]* )?(?:[A-Z]{2,} )?([a-z]{4,}s)\b", text)
    return found.group(1) if found and found.group(1) not in ("days", "weeks", "months", "years") else ""


def _article(word: str, noun: str) -> str:
    """'each' and 'the' stay; 'a' or 'an' fits the noun that follows."""
    return word if word in ("each", "the") else ("an" if noun[:1] in "aeiou" else "a")


def _without_said(item: Item, said: str) -> Item | None:
    """The item without the points `said` states already (None when none is left), each point's stray quote
    mark dropped ('Go back to the goal they told you in minute one."' was cut from a longer quote)."""
    told = set(content_words(said))
    points = []
    for point in item.points:
        words = set(content_words(point))
        if point.rstrip(" .") in said or (words and len(words & told) >= 0.8 * len(words)):
            continue
        if (point.count('"') + point.count("“") + point.count("”")) % 2:
            point = point.replace('"', "").replace("“", "").replace("”", "")
        points.append(point)
    return replace(item, points=tuple(points)) if points else None


def lead_sentence(fact: str) -> str:
    """The fact as the sentence that leads a stage question, or '' when it cannot stand alone there."""
    # Nor one the candidate tells in their own voice ("In late 2022 we had about 41,000 active subscriptions."): no
    # interviewer says "we had" of the candidate's old job (both raters, round 56).
    # (at the start of a sentence too: "We had roughly 41,000 active free teams ..." led a question, round 68)
    voiced = re.search(r"\b(?:[Ww]e|[Oo]ur|us|I|[Mm]y|me)\b", fact)
    # ... nor one that leans on a person or thing said before it ("She had 2.5 coordinator FTEs for it"), nor a note to
    # self with no subject ("Must fit in four minutes."): both raters, round 65
    voiced = voiced or re.match(
        r"(?:she|he|they|it|this|that|these|those|must|should|needs?|has to|have to)\b", fact, re.I
    )
    # ... nor the candidate's own checklist asked as questions ("Is it real or a measurement artifact, is it internal or
    # external, ...") or verdict ("Year on year is better: March–May 2023 averaged ..."): each gave the turn's answer
    # away (both raters, round 69)
    voiced = voiced or re.match(r"(?:is|are|was|were|does|did|can|could|would|what|how|why|which)\b", fact, re.I)
    voiced = voiced or re.match(
        r"^[^:]{0,40}\b(?:is|are|was|looks?) (?:better|worse|wrong|right|best|misleading)\b[^:]*:", fact
    )
    return f"{fact.rstrip(' .;:,')}." if fact and has_verb(fact) and not leans_back(fact) and not voiced else ""


def _stage_frames(templates: QuestionTemplates, facts: CaseFacts) -> dict[str, tuple[str, ...]]:
    """The stage questions for this case: a case that asks for a decision (a price, an offer) is asked in its own
    terms, never about a model it does not have; any other case in a model's terms."""
    if not facts.decision:
        if facts.operating:  # a model given, its threshold asked: the early stages ask about the operating point
            return {stage: templates.case.get(f"given-{stage}", templates.case[stage]) for stage in CASE_STAGES}
        if facts.targets:  # a list to act on is used and watched, never "retrained or rolled back" (round 43)
            return {stage: templates.case.get(f"target-{stage}", templates.case[stage]) for stage in CASE_STAGES}
        return templates.case
    # A drop or a sizing case takes its own stage questions where it has them, else a decision's; a change the note
    # names is asked by its name, after the fact when it is live already.
    prefixes = [f"{facts.shape}-", "decision-"] if facts.shape in _OWN_FRAMES else ["decision-"]
    if facts.change or facts.made:
        prefixes = ["made-", "change-", "decision-"] if facts.made else ["change-", "decision-"]
        prefixes = ["pilot-", *prefixes] if facts.pilot else prefixes
    # (a pilot the rest got later has nothing left to extend: "How would Fringe Benefits extend the £10 deposit beyond
    # where it was made" after all 36 salons had charged it since May, round 66; nor is "only part" of it left as a
    # comparison today: "Only part of Kestrel got the block-booking discount" after its launch everywhere, round 76)
    return {
        stage: next(
            (
                templates.case[p + stage]
                for p in prefixes
                if p + stage in templates.case
                and not (p == "pilot-" and stage in ("experiment", "deployment") and facts.everywhere)
            ),
            templates.case[stage],
        )
        for stage in CASE_STAGES
    }


def _unused_frames(options: tuple[str, ...], used_texts: set[str]) -> tuple[str, ...]:
    """The stage frames not asked yet in this session, whatever business they named: a second case in a session
    asks its stages in other words (all of them when every frame was used)."""

    def used(frame: str) -> bool:
        parts = [part.strip() for part in re.split(r"\{\w+\}", frame) if len(part.strip()) > 12]
        return bool(parts) and any(all(part in text for part in parts) for text in used_texts)

    return tuple(frame for frame in options if not used(frame)) or options


def _said(used_texts: set[str]) -> set[str]:
    """Facts already quoted in an earlier question of the session (each fact is recalled once)."""
    return {s.rstrip(" .;:,") for text in used_texts for s in re.split(r"(?<=\.)\s+", text)}


def _action_named(text: str, said: str) -> str:
    """A targeting question that names what the chosen get ("how much an adoption review changes the outcome"), never
    "how much acting changes the outcome" (a blind rater, round 57), where the case says what they get."""
    got = re.search(
        r"\b(?:who|whom|which\s+[\w,-]+(?:\s+[\w-]+)?)\s+gets?\s+(an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\b",
        said,
        re.I,
    )
    # (up to the thing given when the words name one: "a home fire safety visit", never "a home fire", round 67)
    given = re.match(rf"(?:[a-z][\w-]*\s+){{0,3}}{_GIVEN}\b", got.group(2), re.I) if got else None
    thing = given.group(0) if given else " ".join(got.group(2).split()[:2]) if got else ""
    if got and thing.split()[-1] not in ("list", "most", "best"):
        verb = "change" if given and thing.endswith("s") else "changes"  # ("the payroll health checks change")
        return text.replace("how much acting changes", f"how much {got.group(1).lower()} {thing} {verb}")
    # ... or what is done to them: "which of Greenbarrow Gardens' lapsed clients should they visit?" is "how much a
    # visit changes the outcome" (both raters, round 63)
    done = re.search(r"\b(?:who|whom|which)\b[^?.]{0,100}?\bshould\s+(?:they|we|it|she|he)\s+(\w+)\b", said, re.I)
    act = _ACTS.get(done.group(1).lower(), "") if done else ""
    return text.replace("how much acting changes", f"how much {act} changes") if act else text


# What a list's chosen are given, as a targeting case names it ("a home fire safety visit", "a retention offer").
_GIVEN = (
    r"(?:visits?|calls?|checks?|offers?|reviews?|vouchers?|letters?|upgrades?|nudges?|discounts?|inspections?|"
    r"conversations?|reminders?|sensors?|audits?|assessments?|appointments?)"
)


_ACTS = {
    "visit": "a visit",
    "call": "a call",
    "ring": "a call",
    "phone": "a call",
    "contact": "contact",
    "email": "an email",
    "text": "a text",
    "target": "targeting",
    "invite": "an invitation",
    "audit": "an audit",
    "review": "a review",
}


_PEOPLE = (
    "customers|members|patients|households|donors|subscribers|users|students|clients|residents|families|tenants|"
    "policyholders|players|cardholders|parents|alumni|volunteers|"
    # ... or whatever else a case counts to pick from ("41,000 active free teams": "each person" to both raters,
    # round 68)
    "teams|accounts|companies|workspaces|organisations|organizations|homes|practices|venues|schools|merchants|sellers|"
    "adopters|applicants|borrowers|owners|guests|visitors|learners|buyers|renters|people|shoppers|quotes|leads"
)


_COUNTED = re.compile(rf"\d[\d,.]*k?\s+(?:[a-z-]+\s+){{0,2}}({_PEOPLE})\b")  # "41,000 active free teams"


def _candidates_named(text: str, opening: str, title: str = "", setup: str = "") -> str:
    """A targeting question that calls the candidates what the case calls them ("each home", "the branches"), never
    "each candidate" where the case asks which homes get a survey (a blind rater, round 53), nor "which candidates
    belong on the list" where the title asks who gets an offer (both raters, round 60)."""
    asked = re.search(
        r"\b(?i:which|whom|what)\s+(?:\d[\d,]*\s+)?(?:[a-z-]+\s+)?([a-z]{3,}s)\s+(?:should|get|to|would)\b", opening
    )
    asks_who = re.search(r"\b(?i:who|whom)\s+(?:should|to|we|gets?|would|will|is|are|must)\b", f"{opening} {title}")
    if not asked and asks_who:
        # ... and the people the opening counts ("about 62,000 customers on an annual service plan"), else the set-up
        asked = _COUNTED.search(opening) or _COUNTED.search(setup)
        # ... or whom the set-up names at all ("so about a third of adopters": "each one on the list" and "the
        # candidates" to both raters, round 69)
        asked = asked or re.search(rf"\b({_PEOPLE})\b", setup)
    # ... or whom the opening counts when it asks no "who" ("Roughly 180,000 people a month got a full set of quotes
    # ... the brief was: pick the top 30% most likely to buy": "which candidates belong on the list", round 75)
    asked = asked or _COUNTED.search(opening)
    if not asked:
        # ("Who gets a reminder call?" names no unit: the people it asks about, round 54)
        if asks_who:
            text = text.replace("each candidate", "each person").replace("which candidates", "which people")
            return text.replace("the candidates", "the people")
        return text.replace(" for each candidate on the list", " for each one on the list").replace(
            " for each candidate", ""
        )
    plural = asked.group(1)
    single = plural[:-2] if re.search(r"(?:ch|sh|x|ss)es$", plural) else plural[:-1]
    single = f"{plural[:-3]}y" if plural.endswith("ies") else single  # ("each company", never "each companie")
    single = "person" if plural == "people" else single
    text = text.replace("each candidate", f"each {single}").replace("which candidates", f"which {plural}")
    return text.replace("the candidates", f"the {plural}")


def _movement_named(text: str, metric: str, direction: str) -> str:
    """A drop question that says what moved and which way, as the case does ("the drop in recall booking rate at
    BrightArch"), never "the movement in the metric at Trellisly" (both blind raters, round 52); unchanged when the
    case never says which way it went."""
    if not direction:
        return text
    named = f"the {direction} in {metric}" if metric else f"the {direction}"
    text = text.replace("the movement in the metric", named)
    text = re.sub(r"\bthe movement at\b", f"{named} at", text)
    text = text.replace("explain the movement", f"explain {named}").replace(
        "the whole movement", f"the whole {direction}"
    )
    text = text.replace("a movement like this", f"a {direction} like this")
    text = text.replace("a candidate explanation for ", f"a candidate explanation for {named} at ")
    moved = "fall" if direction == "drop" else "rise"
    text = re.sub(r"\bthe metric at (.+?) move\b", lambda m: f"the {metric or 'metric'} at {m.group(1)} {moved}", text)
    return text.replace("the movement", f"the {direction}")


_LEFT_WITHOUT = re.compile(
    r"\b(?P<the>[Tt]he )?(?P<name>[A-Z][\w-]+(?: [A-Z][\w-]+)?) (?:does not|doesn't|did not|didn't) (?:have|get) "
    r"(?:it|the \w+)\b"
)


def _kept_part(opening: str) -> str:
    """The part of the business a pilot left as it was, as the opening names it ("left the other 26 at £180" -> "the
    other 26 sites", "while Manchester and Bristol stayed at £1.50" -> "Manchester and Bristol"), or ''."""
    others = re.search(r"\b(?:left|kept) the other (\d[\d,]*)(?: ([a-z]+s))?\b", opening)
    if others:
        unit = others.group(2)
        if not unit or unit in ("at", "as"):
            units = re.search(rf"\b(\d[\d,]*) ([a-z]+s)\b(?=[^.]*\b{others.group(1)}\b)", opening)
            unit = units.group(2) if units else ""
        return f"the other {others.group(1)} {unit}".strip() if unit else ""
    stayed = re.search(
        r"\b(?:while|but|and) ((?:[A-Z][\w-]+)(?:(?:, | and )[A-Z][\w-]+)*) (?:stayed|remained|kept)\b", opening
    )
    if stayed:
        return stayed.group(1)
    # "The UK does not have it, for customs reasons."
    without = _LEFT_WITHOUT.search(opening)
    if without:
        return f"{'the ' if without.group('the') else ''}{without.group('name')}"
    return ""


def points_of(draft: CaseDraft) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The points a case question is scored on, and the chunk each comes from."""
    return _points_sources(draft.items)


# Twists a case that decides a price or a policy cannot take: a model's, and a slide "after launch" (asked of a
# decision still to be taken, "The results are in. How would they decide ...?", a blind rater read a contradiction).
_ASSUMES_MODEL = re.compile(r"\b(models?|features?|after launch)\b", re.I)


def twist_for(
    case_chunks: list[Chunk],
    templates: QuestionTemplates,
    frames: QuestionFrames,
    rng: random.Random,
    asked: str,
    condition: bool = True,
    stage: str = "",
    kind: CaseKind | None = None,
) -> str:
    """A situation the candidate must react to (never its solution), not yet used in this case: the case note's
    own twists, else the generic ones that fit the stage (and the kind of case); '' when none fits or every one
    was used."""
    notes = [c for c in case_chunks if re.search(r"twist|curveball", c.heading, re.I)]
    facts = case_facts(case_chunks, kind) if case_chunks else None
    shape = facts.shape if facts is not None else ""
    generic = templates.twists_for(stage, shape) if stage else list(templates.twists)
    if facts is not None and facts.decision:
        generic = [twist for twist in generic if not _ASSUMES_MODEL.search(twist)]
    if facts is not None and facts.targets:
        # ... nor does a list to call: "three months after launch" fell after an eight-week campaign had ended; nor
        # "legal bans your strongest feature" when whom to call comes from a pilot's segments (round 44).
        generic = [twist for twist in generic if not re.search(r"\blaunch\b|strongest feature", twist)]
    if facts is not None and facts.shape in _OWN_FRAMES:
        # A drop to explain or a number to size has no results to doubt and no launch to slide after (a blind rater:
        # "results look much better than anyone expected" contradicts a case whose metric fell).
        generic = [twist for twist in generic if not re.search(r"\b(results|launch)\b", twist)]
    options = [s for c in notes for s in sentences(c.text)] or generic
    # A stage's twist is a condition to answer under (one question, not two); on its own it is a question.
    lowered = asked.lower()
    fresh = [option for option in options if twist_situation(option).lower() not in lowered]
    if not fresh:
        return ""  # a twist is said once in a case; when all are used, none
    return twist_text(rng.choice(fresh), frames, rng, condition)


def reading_notice(facts: CaseFacts) -> str:
    """What the app read the case as, so that the candidate can correct a misreading before answering: said always,
    since a reading can be wrong where its words seemed plain, and said as unsure where no words told the kind, or
    named no business."""
    said = facts.kind.described
    whom = f", for {facts.business}" if facts.named else ""
    fix = "If I misread it, correct the case's reading: it applies from the next question."
    # ("the business" in every turn read as a template left unfilled to blind raters: the candidate can name it)
    unnamed = (
        "I found no name for the business in the note: give it one in the case's reading."
        if (facts.business == "the business" and not facts.named)
        else ""
    )
    if facts.told:
        told = f"Asked as {said}{whom}, as you set it."
    elif facts.named:
        told = f"Asked for {facts.business}, as you set it. I read this case as {said}. {fix}"
    elif facts.guessed:
        told = f"I could not tell from the note what this case asks, so I read it as {said}: please check. {fix}"
    else:
        told = f"I read this case as {said}. {fix}"
    return f"{told} {unnamed}".strip()


def stage_notice(config: SessionConfig, turn: int, asked: list[Question]) -> str:
    """When the questions left cannot hold every stage, the case's opening says which stages it covers."""
    planned = planned_case_stages(config, turn, sum(1 for q in asked if not q.follow_up))
    if len(planned) >= len(CASE_STAGES):
        return ""
    left_out = [stage for stage in CASE_STAGES if stage not in planned]
    count = f"{len(planned)} question{'s' if len(planned) > 1 else ''}"
    verb = "is" if len(left_out) == 1 else "are"
    return f"This case has {count}, so it covers {_listed(planned)}; {_listed(left_out)} {verb} left out."


def _listed(names: list[str] | tuple[str, ...]) -> str:
    """'a, b and c'."""
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
