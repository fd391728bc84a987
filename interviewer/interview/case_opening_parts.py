"""What a case's opening says past its first sentences, and in whose voice: the candidate's role at the business, what
the business does, what was asked of the note-taker, the options a choice is between, the problem a story names and
the question a split, choice, policy or sizing asks; a prompt in the business's voice said with its name. Pure string
functions over the case's set-up."""

from __future__ import annotations

import re

from interviewer.interview.case_givens import is_story, writes
from interviewer.interview.case_prompt import bare_ask
from interviewer.scoring.text import sentences

__all__ = ["SPEAKER_ASKS", "as_the_business", "completed_opening", "in_voice_of", "ours_as", "referent_told"]

# What a business does, after its name: "Tallyfold is ...", "Dovecote Occasionwear sells ..."
_WHAT_IT_IS = (
    r"(?: [A-Z][\w&'-]+)* (?:is|was|sells|sold|runs|ran|makes|made|operates|operated|offers|provides) [a-z0-9£$€]"
)
# What someone wanted made, told in a story: "... and wanted a model to find the wardrobers", "asked me for a forecast"
_WANTED_MADE = re.compile(
    r"\b(?:wanted|asked (?:me |us )?for|asked (?:me|us) to build)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:model|list|forecast|score|scorecard|dashboard|tool|classifier|ranking|estimate|plan)\b"
)
# Who asks a question, before it: 'He asks you: "How many ...?"' (the quotes go with the lead-in)
# (or someone by their role, unquoted: "The ops director asks: how much new stock should we order this year?", 101)
SPEAKER_ASKS = re.compile(
    r"^(?:(?:He|She|They|[A-Z][a-z]+)\s+(?:asks|asked)(?:\s+(?:you|us|me))?\s*:\s*[\"“]"
    r"|(?:The|Our|Their|His|Her) [a-z][\w-]*(?: [a-z][\w-]*){0,3}\s+(?:asks|asked)(?:\s+(?:you|us|me))?\s*:\s*[\"“]?)"
)
# The sentence that casts the candidate at the business: "You're a data scientist at Brassmoor Light Rail."
_CAST_AS = re.compile(r"(?:^|[\"“]|:\s)(You(?:'re| are) (?:a|an|the) [^.\"“”]{0,60}\bat\b[^.\"“”]*\.)")
# The question an opening ends on, its last sentence
_ENDING_ASK = re.compile(r"(?:^|(?<=[.!]\s))[^.!?]*\?[\"”]?\s*$")
# The problem a story names as the business's: "The business problem was first-month drop-off."
_PROBLEM_NAMED = re.compile(
    r"^The (?:business |real |core |actual |underlying |main )?(?:problem|challenge|issue) (?:was|is)\b(?=[^.?]{8,})",
    re.I,
)
# The sentence that says what a choice is between: "Three options are on the table.", "two shortlisted vendors"
_OPTIONS_TOLD = re.compile(
    r"\b(?:two|three|four|five|\d)\s+(?:[\w-]+\s+)?(?:options|alternatives|choices|candidates|sites|vendors|suppliers|"
    r"bids|proposals|designs|locations|carriers|plans)\b",
    re.I,
)
# The note-taker's label before the question they quote: 'The question in the book is literally: "'
# (never the app's own "The question:", which keeps a prompt's voice in its quotes)
_QUESTION_LABEL = re.compile(r"(?:^|(?<=[.!?]\s))The (?:question|prompt|ask|task)\s[^.:\"“”]{3,40}:\s*[\"“]", re.I)
# Someone the opening introduces, whom a "she" or "he" may refer to ("The manager, Helen Okafor, is deciding ...").
_PERSON_TOLD = re.compile(
    r"\b(?:manager|director|owner|head|founder|boss|ceo|cfo|coo|cto|md|lead|chair|president|partner|analyst|"
    r"officer)\b|\b[A-Z][a-z]+ [A-Z][a-z]+,",
    re.I,
)


# An option as a note lists it: "(A) keep daily delivery as is.", "B) move everyone ...", "Option 2: ..."
_OPTION_LABEL = re.compile(r"^(?:\(?[A-Da-d1-4]\)|[A-D][.:]|Option [A-D1-4][.:)]?)\s+")


def listed_options(statements: list[str]) -> str:
    """The options a note lists under a lead-in that ends on a colon, said as one sentence ("... which of three things
    to do: (A) keep daily delivery as is, (B) move everyone to alternate days, or (C) ..."); '' when it lists none."""
    for at, lead in enumerate(statements):
        items = []
        for item in statements[at + 1 : at + 6]:
            if not _OPTION_LABEL.match(item):
                break
            items.append(item.rstrip(" .;,"))
        if lead.endswith(":") and 2 <= len(items) <= 4 and len(" ".join(items).split()) <= 60:
            listed = ", ".join(items[:-1]) + f", or {items[-1]}" if len(items) > 2 else f"{items[0]} or {items[1]}"
            return f"{lead} {listed}."
    return ""


def completed_opening(
    said: str,
    *,
    shape: str,
    business: str,
    staged: list[tuple[str, str]],
    raw_setup: list[str],
    prompt_questions: tuple[str, ...],
    ask: str,
    attempt: int,
) -> str:
    """The opening `said` with what its first sentences left out: the options of a choice, the question of a split, a
    choice, a policy or a sizing, the candidate's role, what the business does, what was asked of the note-taker and
    the problem a story names. `staged`: the set-up's sentences and stages; `raw_setup`: its first sentences as
    written; `ask`: the question someone put; `attempt`: where the note-taker's attempt starts."""
    if shape == "choice" and not _OPTIONS_TOLD.search(said):
        # A choice says which options there are before it asks for one: "Hadley Freight charges £38 per drop ...
        # Which option should Settle & Sprawl choose?" named one of three (round 91).
        options = next((s for s, _ in staged[:20] if _OPTIONS_TOLD.search(s) and not writes(s)), "")
        # ... or lists them under a lead-in: "... had asked which of three things to do:" then "(A) keep daily delivery
        # as is.", "(B) ...", "(C) ..." (round 103 opened on the figures alone, and asked "What would you tell Pat?")
        options = options or listed_options([s for s, _ in staged[:20]])
        question_at = _ENDING_ASK.search(said)
        if options and question_at and options not in said:
            # ... where the note says it: before the first option it opens on, else before the question
            order = [t for t, _ in staged[:20]]
            parts = sentences(said)
            # (a listed choice is where its lead-in is)
            where = next((i for i, t in enumerate(order) if options.startswith(t)), len(order))
            later = next((i for i, p in enumerate(parts) if p in order and order.index(p) > where), None)
            cut = later if later is not None else len(parts) - 1
            said = " ".join([*parts[:cut], options, *parts[cut:]])
    # A split, a choice or a policy is asked in the opening, where its prompt asks it past the opening's sentences: "How
    # should Pellworth allocate the 90 days?" ended a long printed prompt (round 93 opened on its figures alone).
    # (or the question someone put, quoted: 'her words were close to: *"... What should it be, where should it apply,
    # ...?"*', round 106)
    prompt_ask = next(iter(prompt_questions), "") or (ask if ask.rstrip('"”').endswith("?") else "")
    if shape in ("allocation", "choice", "policy") and "?" not in said and prompt_ask and prompt_ask not in said:
        said = f"{said} {prompt_ask}"
    # ... as does the number a sizing case asks for, put after a sentence that says what someone wants ("The operations
    # lead wants to add e-bikes to every dock. He asks you: "How many e-bike hires ...?"")
    number_asked = re.match(r"how (?:many|much)\b", SPEAKER_ASKS.sub("", ask), re.I)
    if (
        shape == "sizing"
        and "?" not in said
        and number_asked
        and ask.rstrip('"”').endswith("?")
        and ask[:40] not in said
    ):
        said = f"{said} {ask}"
    # ... and says who the candidate is where the prompt casts them at the business and nothing else names it ("You're a
    # data scientist at Brassmoor Light Rail. Two lines, 38 stops, ..." lost its first sentence, round 93)
    # (the sentence may hold the label before it: 'He read the prompt off his phone more or less like this: "You're a
    # data scientist at Brassmoor Light Rail.')
    found_cast = (_CAST_AS.search(t) for t, _ in staged[:6])
    cast = next((m.group(1) for m in found_cast if m and business in m.group(1)), "")
    if cast and business not in said and cast not in said:
        said = f"{cast} {said}"
    # ... or says what the business is, where a story's opening skipped the sentence that does for its "when I was
    # there" ("Tallyfold is accounting software for small businesses, about 41,000 paying businesses when I was there,
    # ..." then "The bank-feed screen pulls in ... our matching model", round 93)
    # ("Dovecote Occasionwear sells formal and occasion dresses online, about £31m a year when I was there.", 95)
    what = next((t for t, _ in staged[:8] if re.match(rf"{re.escape(business)}{_WHAT_IT_IS}", t)), "")
    # ... or in brackets where the story starts: "At Mobilo (the physio exercise app, NHS trusts + a couple of private
    # insurers as customers) I'd been there about eight months when ..." (round 96 named no more than "Mobilo")
    at_named = (re.match(rf"At {re.escape(business)} \((?:the|a|an) ([^()]{{5,120}})\)", t) for t, _ in staged[:8])
    bracketed = next((m.group(1) for m in at_named if m), "")
    if bracketed and not what:
        article = "an" if bracketed[:1].lower() in "aeiou" else "a"
        what = f"{business} is {article} {bracketed}."
    said_what = business in said and (not bracketed or re.search(rf"\b{re.escape(business)}{_WHAT_IT_IS}", said))
    if what and not business.startswith("the ") and not said_what:
        what = re.sub(r",?\s+(?:when|while) (?:I|we) (?:was|were) (?:there|at [\w&'-]+)", "", what)
        said = f"{what} {said}"
    # A story says what was asked of the note-taker, where no sentence of its opening does: "She'd seen a list of
    # "serial returners" circulating and wanted a model to find the wardrobers and block them from returning." came
    # tenth, after the figures (round 95 opened on "On dresses over £150 the return rate was 41%." alone).
    wanted_at = next(
        (i for i, (t, _) in enumerate(staged[:14]) if i < attempt and _WANTED_MADE.search(t) and not writes(t)), -1
    )
    if wanted_at > 0 and "?" not in said and not re.search(r"\b(?:wants?|wanted|asked|asks)\b", said):
        told_ask = staged[wanted_at][0]
        before = staged[wanted_at - 1][0]
        # (its "She" is whoever the sentence before names: "Helen Achterberg, head of ecommerce ops, came to me ...")
        if re.match(r"(?:She|He|They)\b", told_ask) and re.match(r"[A-Z][a-z]+ [A-Z][a-z]+,", before):
            told_ask = f"{before} {told_ask}"
        said = f"{said} {told_ask}" if told_ask[:40] not in said else said
    # A story says the problem it was about, where it names one past the opening's sentences: "The business problem
    # was first-month drop-off." came fifth, after the set-up's figures (round 91 opened on the figures alone).
    problem = next((s for s in raw_setup if _PROBLEM_NAMED.match(s) and not writes(s)), "")
    if problem and problem[:40] not in said:
        end_ask = _ENDING_ASK.search(said)
        said = (
            f"{said[: end_ask.start()].strip()} {problem} {said[end_ask.start() :]}" if end_ask else f"{said} {problem}"
        )
        said = said.strip()
    return _without_question_label(said)


def _without_question_label(said: str) -> str:
    """The book's question said as the question, without the note-taker's label and its quotes: 'The question in the
    book is literally: "Design the pilot. What will you be able to conclude after 10 weeks?' (round 96, its closing
    quote lost with the sentence's end) -> 'Design the pilot. What will you ...?'."""
    label = _QUESTION_LABEL.search(said)
    if label is None:
        return said
    rest = said[label.end() :]
    closing = re.search(r"[\"”]", rest)
    if closing and not re.search(r"[\"“]", rest[: closing.start()]):
        rest = rest[: closing.start()] + rest[closing.end() :]
    return f"{said[: label.start()]}{rest[:1].upper()}{rest[1:]}".strip()


def in_voice_of(prompt: str, owner: str) -> str:
    """A prompt in the business's voice said as the business's: "Our weekly return rate ..." -> "Pitch & Peak's weekly
    return rate ..." (`owner` is the possessive)."""
    return re.sub(r"^Our\b", owner[:1].upper() + owner[1:], re.sub(r"\bour\b", owner, prompt))


def as_the_business(said: str, business: str, quoted: bool) -> str:
    """An opening whose pronouns are the business's, said with its name: a "she" no sentence introduces, and, unless the
    opening is a prompt `quoted` whole (it keeps its speaker's voice), the note-taker's "We had", "us" and "how many
    drivers we need". A business without a name of its own ("the payments company") is left as it is."""
    if business.startswith("the "):
        return said
    if not _PERSON_TOLD.search(said):
        # A "she" no sentence of the opening introduces is whoever decides for the business ("It owns 30 boards. How
        # many boards should she buy?" without "The manager, Helen Okafor, is deciding ...", round 78)
        said = re.sub(r"\b(should|would|will|can|must|does|did) (?:she|he)\b", rf"\1 {business}", said)
    if not quoted:
        # ("We had 410 active planner accounts: ...", the note-taker's employer, round 78)
        # ("We also leased and maintained espresso machines ...", round 79)
        said = re.sub(
            r"(^|[.!?]\s+)We ((?:also )?(?:had|have|[a-z]{3,}ed|ran|sold|made|kept|gave|took)\b)",
            lambda m: f"{m.group(1)}{business} {'has' if m.group(2) == 'have' else m.group(2)}",
            said,
        )
    if not quoted and business in said:
        # The note-taker's "us" in a story of where they worked is the business ("Roughly 180,000 people a month got a
        # full set of quotes from us", round 75); a prompt quoted whole keeps its speaker's voice.
        said = re.sub(r"\b(from|with|to|for|by) us\b", rf"\1 {business}", said)
        # ("where a review cost us about £4.50", "and we knew some were wrong": a story's opening, round 86)
        said = re.sub(r"\b(cost|costs|gave|told|sent|paid|owed|charged) us\b", rf"\1 {business}", said)
        said = re.sub(r"(?<=[,;] )(and |but |so )?we (knew|saw|had|ran|found|[a-z]{3,}ed)\b", rf"\1{business} \2", said)
        # ... as is the "we" of what the business asks ("trustees want to know how many drivers we need", round 76)
        said = re.sub(
            r"\b(how (?:many|much)(?: [\w-]+){1,4}?) we (need|want|have)\b",
            lambda m: (
                f"{m.group(1)} {business} {m.group(2)}s" if m.group(2) != "have" else f"{m.group(1)} {business} has"
            ),
            said,
        )
        said = ours_as(said, business)
    return said


def ours_as(said: str, business: str) -> str:
    """The note-taker's "our" in a story of where they worked, said as the business's: "a box full of our prepaid SIMs"
    in a story about Gannet Mobile (both raters, round 103) is "a box full of Gannet Mobile's prepaid SIMs"."""
    owner = f"{business}'" if business.endswith("s") else f"{business}'s"
    return re.sub(r"(?<![\"“])\bour\b(?= [a-z])", owner, said)


def referent_told(said: str, ask: str, after: list[str]) -> str:
    """An opening whose question asks about "them" before the case says what they are ('The question: "Can we
    find them faster than they can buy new SIMs?"', round 103) with the sentences that tell it put before the question:
    up to two of those the note gives right after it, none of them the note-taker's own."""
    put = bare_ask(ask) if ask else ""
    if not put or put not in said or not re.search(r"\b(?:them|they)\b", put):
        return said
    before = said[: said.index(put)]
    if len(sentences(before)) > 2:
        return said
    told = [s for s in after if not writes(s) and not is_story(s) and s not in said and not s.startswith(('"', "“"))]
    if not told:
        return said
    at = said.rfind("The question:", 0, said.index(put))
    at = at if at >= 0 else said.index(put)
    return f"{said[:at]}{' '.join(told[:2])} {said[at:]}".replace("  ", " ")
