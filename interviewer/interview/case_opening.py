"""A case's opening: the situation as the case poses it, read from its set-up sentences (what the business is, what
went wrong, what is asked), said in full sentences with nothing the note-taker said to themself. Pure."""

from __future__ import annotations

import itertools
import re

from interviewer.interview.case_givens import concludes, has_pointer, is_cut, writes
from interviewer.interview.statements import has_verb, is_instruction
from interviewer.scoring.text import content_words

__all__ = ["moved_metric", "opening_text", "title_question"]

_ADVICE = re.compile(r"^(ask|check|clarify|confirm|find out|agree)\b", re.I)

_GOAL = re.compile(
    # ("... the council is moving to an opt-in subscription at £48 a year": a change under way is what a sizing case
    # sizes; without it the opening stopped at the borough's households and trucks, round 36)
    r"\b(wants?|wanted|asks?|asked|goal|needs? to|decide\w*|decisions? hangs?|whether|aims?|task is|hopes? to|"
    r"hoped to|plans? to|planning to|is moving to|are moving to|is switching to|will switch to|is about to)\b",
    re.I,
)


# A symptom the case is about ("revenue per thousand impressions had dropped 6%"): a case that opens on its set-up and
# states no goal poses its problem this way (a blind rater: "the opening only says the feed card was redesigned").
_CHANGE_WORDS = (
    # ("weak matches were dropped", "matches dropped below a cut-off": a filter, round 51)
    r"(?<!were )(?<!was )(?<!are )(?<!been )dropped(?! (?:below|under) (?:a|an|the|its) (?:cut-?off|threshold))|"
    r"drops|fell|fallen|declined|declining|rose|risen|jumped|spiked|doubled|halved|tripled|noticed|worsened|"
    r"plummet\w*|surged|stalled|slipped|slid|too (?:many|few|high|low|slow)|since then|"
    r"went (?:up |down )?from|(?:up|down) from|increased|decreased|climbed|crept up|grew|shrank|rising|falling|"
    r"came in at|(?:up|down) \d[\d.,]*\s?%"  # "it came in at 3.4%" (after "had sat around 2.1%"), "sites up 18%"
    r"|minus \d[\d.,]*\s?%"  # "Minus 27% in two weeks." (round 71 opened on last year's "fell 6%" instead)
    # "the dashboard showed 353k top-ups, −14%": a signed change, which round 37's opening left out
    r"|[−–+]\d[\d.,]*\s?%"
    # "then went to 1.25 Ml/d from one day to the next, a 39% jump" (round 40: the opening never said the jump)
    # (never a share a change reached: "It went to 100% of web traffic")
    r"|went to [£$€]?\d[\d.,]*(?:\s?%|\s?[A-Za-z/]+)?(?![\d.,%])(?!\s+of\b)"
    r"|an? \d[\d.,]*\s?% (?:jump|drop|rise|fall|increase|decrease|spike|dip)"
    r"|(?:showed|hit|read) [£$€]?\d[\d.,]*\s?%"  # "It had sat around 82% ... On a Tuesday it showed 64%" (round 41)
)
_PROBLEM = re.compile(
    rf"(?<![\w-])({_CHANGE_WORDS}|complained|complaining|complaint|missed|failing|failed)(?![\w-])", re.I
)
# A change ("went from 2.0% to 2.6%") says more than a word for one ("Each complaint costs about £30").
_CHANGED = re.compile(rf"(?<![\w-])({_CHANGE_WORDS})(?![\w-])", re.I)


def _unsaid(statement: str) -> bool:
    """A set-up sentence the opening never says: a list's lead-in, a pointer, the note's advice ("Ask what churn
    means"), a fragment, or the note-taker speaking."""
    # A sentence wholly in brackets is an aside ("(adapted from a prompt a friend got ...)").
    advice = is_instruction(statement) or _ADVICE.match(statement) or statement[:1].islower() or statement[:1] == "("
    cut = statement.endswith(":") or is_cut(statement)
    # Whoever played the interviewer is the mock's story ("The interviewer asked what the highest-risk group looked
    # like, and the data showed ...", round 36), never the case's.
    mock = re.search(r"\binterviewer\b", statement, re.I)
    # What the interviewer tells only when asked ("If you ask: of the 2,400, the office's yield model puts ...").
    on_request = re.match(r"if (?:you|they|the candidate) asks?\b|if asked\b", statement, re.I)
    # Another person's rival idea ("Someone else wanted to cluster subscribers ...") is the story, not the case's goal.
    rival = re.match(r"(?:someone|somebody) else\b|others (?:wanted|suggested|proposed|argued)\b", statement, re.I)
    # ... nor the candidate's team at work ("When we talked through disagreements it was obvious why: ...", round 57)
    rival = rival or re.match(r"(?:when|as|after|once|before|while) we\s+\w+", statement, re.I)
    # ... nor what the mock's interviewer said or asked ('Eventually he said "you haven't asked about the
    # denominator"' handed over the case's insight in its opening; "Her question was a row between two people: ...")
    rival = rival or re.search(r"\b(?:he|she) (?:said|asked|told|pointed|replied|added|hinted)\b", statement, re.I)
    rival = rival or re.match(r"(?:her|his) (?:question|answer|point|reply|hint)\b", statement, re.I)
    # ... nor how the mock's interviewer played it ("He only gave data when asked.", round 61)
    rival = rival or re.match(r"(?i:he|she)\s+(?:only\s+|just\s+|never\s+|kept\s+|would\s+|wouldn't\s+)?\w+", statement)
    # ... nor a label naming the business, which the next sentence names anyway ('The trust is "Eastwold NHS Trust".',
    # round 73)
    label = re.fullmatch(r"The \w+ (?:is|was) [\"“][^\"“”]{2,60}[\"”]\.?", statement)
    # ... nor the reply to the candidate's clarifying question ("Answer: the fee rise costs roughly £35k a month and
    # she wanted a yes/no by Friday.", round 95 opened on it)
    reply = re.match(r"(?:answer|reply|response|a)\s*:", statement, re.I)
    # ... nor a case book's number and name on their own ("4.6 Tock & Key.", round 95)
    numbered = re.fullmatch(
        r"(?:case\s+)?\d+(?:\.\d+)*[.:)]?\s+[A-Z][\w&'’.-]*(?:\s+(?:[A-Z&][\w&'’.-]*|of|and))*\.?", statement
    )
    # ... nor the note's shorthand ("Unfilled jobs = owner scrambles for an agency, leaves a 1-star."): read as pasted
    # notes to both raters (round 101); a sum keeps its "=" ("40 × 3 = 120"), and an arrow may tell the problem
    shorthand = re.search(r"[A-Za-z]\s+=\s+[A-Za-z]", statement)
    return bool(
        cut or has_pointer(statement) or advice or writes(statement) or mock or on_request or rival or label or reply
        or numbered or shorthand
    )  # fmt: skip


# A sentence that leans on the one before it: "Since then activation is about 34%" on the event it follows ("On 14 May
# they shipped a new flow"; "Six weeks later revenue is up 38%" on the paywall shipped before it), "On the back of
# that they want £1.2M" on the claim it answers (blind raters failed openings that said the second without the first).
_LEANS_BACK = re.compile(
    r"^(?:since then|after that|afterwards|as a result|in response|on the back of (?:that|this|it)|"
    r"off the back of (?:that|this|it)|because of (?:that|this)|based on (?:that|this)|given (?:that|this)[,.]|"
    r"that's why|this is why|so\b|with that\b|then\b|"
    # ("In other words, the old policy was spending almost its entire budget on the one group where the offer did
    # nothing." led round 66's frame question with its answer)
    r"in other words|that is,|put differently|which means|hence\b|thus\b|therefore\b)",
    re.I,
)
_LATER = re.compile(
    r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+"
    r"(?:days?|weeks?|months?|quarters?|years?)\s+(?:later|on|after)\b",
    re.I,
)
# A change made, told as an event: "On March 1 they started charging", "In May they shipped a new sign-up page".
_EVENT = re.compile(
    r"\b(?:started|began|launched|introduced|shipped|rolled out|switched|changed|replaced|added|removed|raised|cut|"
    r"scrapped|abolished|waived|piloted|trialled|trialed|"
    # ("they moved to timed-entry tickets", "they moved it to timed entry")
    r"lowered|redesigned|turned on|turned off|made|"
    r"moved (?:(?:it|them|(?:every|each|all(?: the)?) [a-z]+) )?(?:to|from))\b"
    # "From 1 February 2024 refinements stay free only if ...": a rule from a date on (round 45's opening lost it)
    r"|^(?:from|since|starting|as of) (?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.I,
)
_ACTS_ON_IT = re.compile(
    r"\b(?:roll|scale|expand|extend|ship|launch|keep|kill|stop|cut|drop|replace|copy) (?:it|this|that|them)\b", re.I
)
_IT_MOVED = re.compile(
    r"^(?:[A-Z][\w ,'-]{0,60}?\s)?(?:it|they)\s+(?:has |have |had )?(?:dropped|fell|rose|went|slid|jumped|came in)\b",
    re.I,
)
_PRONOUN_START = re.compile(r"(?:it|this|that|they|these|those)\b", re.I)
# ... or a comparison with what came before: "The difference is about £2,800 on an average claim" (between what?)
_COMPARED_BACK = re.compile(r"(?:the|that|this) (?:difference|gap|rest|remainder|latter|former|same)\b", re.I)


def leans_back(statement: str) -> bool:
    """True when a sentence points back to the one before it, so that alone it says nothing."""
    return bool(
        _PRONOUN_START.match(statement)
        or _LEANS_BACK.match(statement)
        or _COMPARED_BACK.match(statement)
        or _REFERS_BACK.search(statement)
    )


# ... anywhere in it: "One holdout can't separate the two." (both blind raters asked "which two?", round 54)
_REFERS_BACK = re.compile(
    r"\b(?:the two|these two|those two|both of them|the latter|the former|either of them)\b", re.I
)


# ... or picks from a set the sentence before it counted ("Which of those 41,000 get the 9,000 conversations?")
_OF_THOSE = re.compile(r"\b(?:of|from|among)\s+(?:those|these|them)\b|\b(?:those|these|which)\s+\d", re.I)


def _leaned_on(statement: str, sequences: list[list[str]], chosen: list[str]) -> list[str]:
    """The sentences `statement` leans on, in note order, up to two: the one before it, and the one before that when
    the first leans back too ("It went to 100% of traffic"). None when it leans on nothing or what it leans on is
    already said or cannot be said."""
    # ... or acts on something the sentence before it named ("Six months on, the regional VP wants to roll it out")
    # ... or says what "it" did without naming it ("Over the last two weeks it dropped to 51%")
    if not (
        _LEANS_BACK.match(statement)
        or _LATER.match(statement)
        or _ACTS_ON_IT.search(statement)
        or _IT_MOVED.match(statement)
        or _OF_THOSE.search(statement)
    ):
        return []
    sequence = next((seq for seq in sequences if statement in seq), [])
    at = sequence.index(statement) if sequence else 0
    counted = re.search(r"\b(?:those|these|which)\s+(\d[\d,.]*\w*)", statement, re.I)
    if not sequence and counted:
        # A question is no sentence of the set-up: the set it picks from is the sentence that counts it ("The
        # database had 118,000 alumni, of whom about 41,000 had a usable phone number.")
        said = [s for seq in sequences for s in seq if counted.group(1) in s and s not in chosen and not _unsaid(s)]
        return said[:1]
    if _LATER.match(statement):
        # "Six weeks later ..." is after the change itself, which may be a sentence or two back ("On March 1 they
        # started charging a $39 fee. Mattresses were excluded. Six weeks later ..."): from the change on.
        told = _from_change(sequence, at, chosen, reach=3)
        if told:
            return told
    events: list[str] = []
    while at > 0 and len(events) < 2 and sequence[at - 1] not in chosen and not _unsaid(sequence[at - 1]):
        at -= 1
        events.insert(0, sequence[at])
        leans = _PRONOUN_START.match(sequence[at]) or _LEANS_BACK.match(sequence[at]) or not has_verb(sequence[at])
        if not leans:
            break  # the event itself, not a sentence that leans on it ("Steady at 62% for a year." leans too)
    return events


def _from_change(sequence: list[str], at: int, chosen: list[str], reach: int) -> list[str]:
    """The sentences from the nearest change made (_EVENT) within `reach` sentences before `sequence[at]` up to it,
    in note order; nothing when there is none or one of them is said already or cannot be said."""
    back = sequence[max(0, at - reach) : at]
    event = next((i for i in range(len(back) - 1, -1, -1) if _EVENT.search(back[i])), None)
    told = back[event:] if event is not None else []
    return told if told and not any(s in chosen or _unsaid(s) for s in told) else []


_DO_IT = re.compile(r"\b(?:do|approve|accept|back|go ahead with|sign off on) (?:it|this|that)\?", re.I)
_BY_THEN = re.compile(r"\b(?:by then|by that (?:time|date|point)|until then|at that point)\b", re.I)
_NEW_FIGURE = re.compile(
    r"\b(?:it|this|that)\s+(?:was|is|fell to|dropped to|rose to|jumped to|came in at)\s+(?:about\s+)?\d[\d.,]*"
    # (a count too: "DAU came in at 1.97M." then "Last Friday it was 2.62M.", round 64)
    r"\s?(?:%|[kKmM]\b|million\b|bn\b)?"
)


def _figures_pair(statements: list[str]) -> list[str]:
    """Two sentences in a row that give a rate and then its new figure, as moved_metric reads them; [] if none."""
    for before, after in itertools.pairwise(statements):
        was = _RATE_WAS.search(before) and _RATE_NOW.search(after)
        if was and not _unsaid(before) and not _unsaid(after) and moved_metric(f"{before} {after}")[0]:
            return [before, after]
    return []


_RATE_WAS = re.compile(r"\b(?:averaged|was|were|sat at|stood at|had been|ran at)\s+(?:about\s+)?\d[\d.,]*\s?%")
_RATE_NOW = re.compile(
    r"\b(?:it|this|that)\s+(?:was|is|fell to|dropped to|rose to|came in at)\s+(?:about\s+)?\d[\d.,]*\s?%"
)


def opening_text(
    setup: list[str],
    title: str,
    before_story: list[str] | None = None,
    early: list[str] | None = None,
    ask: str = "",
) -> str:
    """The situation as the case poses it: its first two set-up sentences (a third when it states the goal the first
    two leave out, or the first sentence before its story does), then the title's question when the title asks one
    ("Should Stallwise cut the fee ...?"). The rest of the set-up is left for the stage questions to recall."""
    chosen: list[str] = []
    for statement in setup:
        if _unsaid(statement):
            continue
        if concludes(statement):
            break  # what the candidate should conclude ("So the real question is ..."): the opening ends before it
        room = 3 if len(chosen) == 2 and (not _GOAL.search(" ".join(chosen)) and _GOAL.search(statement)) else 2
        if len(chosen) >= room:
            break
        chosen.append(statement)
    # A rate's new figure told in the next sentence ("... was 96.7% all of last week." then "Yesterday, ... it was
    # 92.2%"): without it the opening never says what moved (round 61 asked it in the clarifying question instead).
    after = setup.index(chosen[-1]) + 1 if chosen and chosen[-1] in setup else len(setup)
    then = setup[after] if after < len(setup) else ""
    if then and not _unsaid(then) and re.search(r"\d", chosen[-1]) and _NEW_FIGURE.search(then):
        chosen.append(then)
    if len(chosen) >= 2 and not _GOAL.search(" ".join(chosen)):
        # The ask comes a few sentences on ("The COO asked for a plan ..."): without it the case never says what it
        # is about (a blind rater). It joins the opening; the sentences between are left for the stages. With no
        # goal said anywhere, the symptom the case is about does.
        # (the sentences after those said, past any preface in the note-taker's voice)
        later = [s for s in (before_story or setup)[:10] if s not in chosen and not _unsaid(s) and not concludes(s)][:6]
        told = [s for s in (early or [])[:10] if s not in chosen and not _unsaid(s) and not concludes(s)][:6]
        # The goal, told as what someone said ("Ops says supply went up 9%, and wants to roll it out") if need be.
        goal = next((s for s in later if _GOAL.search(s)), "") or next((s for s in told if _GOAL.search(s)), "")
        goal = goal or ask  # else the question someone put ("The question: how many crews should they have ...?")
        # A goal alone ("The decision on the table was whether to retrain ...") still needs the symptom it answers,
        # told before it even when told as what happened ("precision had slid to about 21%").
        told = told[: told.index(goal)] if goal in told else (told if goal else later)
        # With no goal either, the symptom may be told as what happened ("NAD returns went from 3.1% to 4.4%").
        symptoms = told if goal else [*told, *(s for s in (early or [])[:10] if s not in chosen and not _unsaid(s))]
        # (the first change the note tells, in its own order: "On Wednesday the dashboard showed 2.55%, a 23% drop"
        # before the candidate's "Standard checklist first: ... the drop similar on web (−22%)", round 51)
        order = early or []
        found = sorted(
            (s for s in symptoms if _PROBLEM.search(s)),
            key=lambda s: (not _CHANGED.search(s), order.index(s) if s in order else len(order)),
        )
        problem = "" if _PROBLEM.search(" ".join([*chosen, goal])) else next(iter(found), "")
        # ... or a rate told as one figure, then another ("Over the ten sends before 7 March the open rate averaged
        # 41%." then "On the 7 March send it was 29.4%, then 28.8% ...": round 80 opened without the drop it explains)
        pair = [] if problem or moved_metric(" ".join([*chosen, goal]))[1] else _figures_pair(symptoms)
        parts = [part for part in (*pair, problem, goal) if part]
        for part in parts[:]:
            events = _leaned_on(part, [early or [], before_story or setup], chosen)
            # ... and so does a goal that asks about "it" ("The director wants to know whether it worked"): the
            # change it means is said before it (round 43 opened on "Until February anyone could walk in." alone).
            refers = part == goal and re.search(r"\b(?:whether|if|did) it\b|^(?:was|is) it\?", part, re.I)
            proposed = part == goal == ask and bool(_DO_IT.search(part))
            if not events and (part == problem or refers or proposed):
                # The change a symptom follows ("In early March they scrapped the fee at 9 sites" before "Online
                # tickets at pilot sites up 18%"): without it the symptom's "pilot sites" refer to nothing (a rater).
                sequence = early or []
                at = sequence.index(part) if part in sequence else 0
                events = _from_change(sequence, at, chosen, reach=2 if refers else 1)
                if proposed and part not in sequence and sequence:
                    # ... and a question put after the proposal it asks about ("The proposal on her desk: £45/month
                    # but 100% counts. "Should we do it?"", round 101 opened on "Should Stavewood do it?" without it)
                    last = sequence[-1]
                    events = [last] if last not in chosen and not _unsaid(last) else []
                if refers and part not in sequence and not events:
                    # A question asked at the end of a quoted prompt ("... Did it work?") follows the change the prompt
                    # told (round 67 asked "Did it work?" after "Until this spring every lane cost £30 an hour")
                    events = [s for s in sequence[:8] if s not in chosen and not _unsaid(s) and _EVENT.search(s)][:1]
            parts[parts.index(part) : parts.index(part)] = [e for e in events if e not in parts]
        chosen += [part for part in parts if part not in chosen]
    # A sentence that says "by then" needs the one that says when ("It has 6,800 subscribers and plans for 10,000 by
    # next June." before "The ops director asks how many swap cabinets it needs by then.", round 63)
    for sentence in list(chosen):
        told = next((lst for lst in (setup, before_story or [], early or []) if sentence in lst), [])
        where = told.index(sentence) if told else 0
        before = told[where - 1] if where > 0 else ""
        if _BY_THEN.search(sentence) and before and before not in chosen and not _unsaid(before):
            chosen.insert(chosen.index(sentence), before)
    if ask and len(chosen) < 2 and ask not in chosen:
        chosen.append(ask)  # 'The prompt: "Our completion rate dropped from 71% to 63% ... What happened?"'
    # A question someone put in the set-up has asked it already, unless the title asks it in more words: "The
    # question: whom should we target?" says less than 'who gets the "redirect to a locker" offer?'.
    asked = title_question(title)
    if ask and ask in chosen:
        if asked and len(ask.split()) < 8 and len(asked.split()) > len(ask.split()):
            chosen.remove(ask)
        else:
            asked = ""
    # ... nor when the opening has asked it in its own words ("... wants to know who should get it." before "Who gets
    # the comeback gift?" stacked two questions, both blind raters, round 41).
    if not asked or asked in chosen or _asked_already(asked, " ".join(chosen)):
        return " ".join(chosen)
    # The sentence that says what the title asks about, when the opening has not ("... send some recipients an offer
    # to redirect the parcel to a nearby locker ...", before "Who gets the 'redirect to a locker' offer?", round 35).
    asked_words = set(content_words(asked))
    if len(asked_words - set(content_words(" ".join(chosen)))) >= 2:
        about = next(
            (
                s
                for s in (before_story or setup)[:8]
                if s not in chosen
                and not _unsaid(s)
                and not concludes(s)
                and len(asked_words & set(content_words(s))) >= 2
            ),
            "",
        )
        chosen += [about] if about else []
    return " ".join([*chosen, asked])


_ASKS_AS_SENTENCE = re.compile(
    r"^(?:should|shall|can|could|would|will|is|are|was|were|do|does|did|has|have|what|why|how|which|who|where|when|"
    r"whether)\b",
    re.I,
)
_CASE_LABEL = re.compile(r"^(?:(?:practice|mock|interview)\s+)?case(?:\s+study)?(?:\s+\d+)?\s*[:–—-]\s*", re.I)


def _asked_already(question: str, said: str) -> bool:
    """True when `said` asks `question` in its own words: the same kind of question ('who should get it' for "Who
    gets the comeback gift?", 'whether it worked' for "Did it work?") about the same things."""
    who = re.match(r"(?:who|whom|which)\b", question, re.I)
    # ("How many battery-swap cabinets?" after "The ops director asks how many swap cabinets it needs": the number of
    # the same things, asked already; both raters, round 63)
    count = re.match(r"how (?:many|much)\b", question, re.I)
    said_words = {_stem(w) for w in content_words(said)}
    head = [_stem(w) for w in content_words(question)][-1:]
    if count and re.search(r"\bhow (?:many|much)\b", said, re.I) and head and head[0] in said_words:
        return True
    # ("How many battery retrofits?" after "The COO must decide ... whether to ... launch a battery retrofit offer":
    # a number the decision needs, asked already; both raters, round 50)
    kind = r"\b(?:who|whom|which)\b" if who else r"\b(?:whether|if|decide\w*)\b"
    wanted = {_stem(w) for w in content_words(question)} - {"get", "got", "many", "much"}  # ("get" is a stop word)
    # (one word of a longer question may be said otherwise: "which firms should be on next year's visit list" asks
    # "Which broker firms get BDM visits?", round 52)
    unsaid = wanted - {_stem(w) for w in content_words(said)}
    return bool(re.search(kind, said, re.I)) and (not unsaid or (len(unsaid) == 1 and len(wanted) >= 4))


def _stem(word: str) -> str:
    """A word without its plural 's' ('retrofits' and 'retrofit' are one word here)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def title_question(title: str) -> str:
    """The question a case's title asks as a sentence, or ''. The title's label is the note's, not the interviewer's
    ("Case: Who should get the discount?", a blind rater); its question after the name ("LockerLoop — did cutting the
    pickup window work?") or after a sentence ('"Meridian pays 40,000 claims a day. How would you decide ...?"') asks
    it; "Ship the checkout at X?" reads as a pasted heading (a blind rater)."""
    title = re.sub(r"\s*\([^()]*\)$", "", title.strip())  # "... offer? (take-home practice + debrief)"
    parts = re.split(r"\s[—–-]\s|:\s|(?<=[.!])\s+", _CASE_LABEL.sub("", title.strip().strip("\"“”'")))
    title = parts[-1].strip().strip("\"“”'")
    if not (title.endswith("?") and _ASKS_AS_SENTENCE.match(title)):
        return ""
    # "How would you use data to fix that?" keeps the sentence it points back to ("Kestrel loses ... to no-shows.")
    if len(parts) > 1 and re.search(r"\b(?:that|this|it|them)\?$", title) and parts[-2].rstrip().endswith("."):
        return f"{parts[-2].strip()} {title[:1].upper()}{title[1:]}"
    return title[:1].upper() + title[1:]


# What a case that explains a movement says moved ("the recall booking rate ... dropped to 27%"): a noun phrase ending
# in a metric's head word, and which way it went.
_METRIC_HEAD = (
    r"(?:rate|conversion|availability|downloads|bookings|consumption|ratio|revenue|orders|sales|CTR|retention|churn|"
    r"usage|sign-?ups|activation|NPS|throughput|margin|GMV|AOV|installs|visits|sessions|clicks|applications|renewals|"
    r"utili[sz]ation|session length|session duration|watch time|dwell time|"
    # (counts that move too: "New listings went from about 5,300 a day to 3,500", round 68 asked "the movement")
    r"listings|registrations|submissions|uploads|searches|trips|deliveries|downloads|views|plays|streams|"
    r"subscriptions|cancellations|complaints|order value|basket value|basket size)"
)
_METRIC = re.compile(rf"(?<![\w'’-])(?P<phrase>(?:[a-z][\w-]*\s+){{0,4}}?{_METRIC_HEAD})(?![\w-])")
_FLAT_THEN = re.compile(
    r"\b(?:flat|steady|stable|constant) (?:at|around) (?:about\s+)?[£$€]?(?P<was>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?[–-]\s?\d[\d,]*(?:\.\d+)?)?"
    r"(?:[^.;]|\.(?=\d)){0,80}?\bthen\b"
    r"(?:[^.;]|\.(?=\d)){0,60}?\b(?:it's|it is|it was|to|at)\s+(?:about\s+)?[£$€]?(?P<now>\d[\d,]*(?:\.\d+)?)"
)
# ("Rate: 2.10% → 5.89%", round 79 asked "the drop in rate" of a jump)
_ARROW = re.compile(r"(?<![\w.])[£$€]?(\d[\d,]*(?:\.\d+)?)\s?%?\s*(?:→|->|⟶)\s*[£$€]?(\d[\d,]*(?:\.\d+)?)")
_WENT_DOWN = re.compile(
    # (a minus sign, never a range's dash: "3.4–3.6% every week since" rose, round 60)
    r"\b(?:fell|falls?|fallen|dropped|drops?|down|declined|slid|slipped|plunged|halved|dip)\b|(?<![\d.%])\s?[−–]\d",
    re.I,
)
_WENT_UP = re.compile(r"\b(?:rose|risen|jumped|spiked|up|doubled|increased|climbed|grew|then)\b|\+\d", re.I)
# Words that end what comes before a metric's name: "the weekly business review showed trial conversion".
_NOT_METRIC_WORD = re.compile(
    r"(?:is|was|were|are|had|has|been|the|a|an|and|of|per|on|in|at|for|with|that|which|who|its|our|their|steady|"
    r"everyone|dashboard|review|report|pack|week|day|month|deck|slide|chart|showed|shows|\w+ed)"
)


# A rate that was one figure and is now another, with no word for which way ("had sat at 31% for months and came in
# at 28%", "was 12.4% ... it's been 11.2%"): the figures say it.
_WAS_THEN = re.compile(
    r"\b(?:sat at|was|were|had been|stood at|ran at|running at|averaged|averaging)\s+(?:about |around |roughly |~)?"
    r"(\d+(?:\.\d+)?)\s?%[^%]{3,120}?\b(?:came in at|is now|now at|it's been|it has been|has been|dropped to|fell to|"
    r"rose to|to|at)\s+(?:about |around |roughly |~)?(\d+(?:\.\d+)?)\s?%"
)


def _metric_name(match: re.Match[str]) -> str:
    """A metric's name without the words before it that name no metric ("the weekly business review showed trial
    conversion" -> "trial conversion")."""
    words = match.group("phrase").split()
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if _NOT_METRIC_WORD.fullmatch(w.lower())), default=0)
    return " ".join(words[cut:])


# Words before "was" that name no metric ("it was", "that was", "there was")
_NOT_A_METRIC = frozenset("it that this there which who what he she they we i and but so".split())
_SUFFIX_SCALE = {"": 1.0, "k": 1e3, "m": 1e6}  # "£41k", "£1.2m"


def moved_metric(opening: str) -> tuple[str, str]:
    """What moved in a case's opening and which way, ('recall booking rate', 'drop'); ('', 'drop') when it never names
    the metric; ('', '') when nothing moved. Blind raters failed "the movement in the metric at Trellisly" where the
    case names it ("the drop in payer conversion", round 52)."""
    sentences = re.split(r"(?<=[.!?])\s+", opening)
    # A rate given in one sentence and its new figure in the next ("Login success rate on the app was 96.7% all of
    # last week. Yesterday, Thursday 14 November, it was 92.2% ...": round 61 asked "the movement in the metric").
    for before, after in itertools.pairwise(sentences):
        was = re.search(
            # ("Pitch & Peak's weekly return rate has been steady around 7.8% all year." then "The week starting 9
            # June it's 12.4%.": "the movement in the metric" to a trial of my own, round 82's notes)
            r"\b(?:was|were|sat at|stood at|had been|ran at|averaged|(?:has|have|had) been (?:steady|flat|stable) "
            r"(?:at|around))\s+(?:about\s+)?(\d+(?:\.\d+)?)\s?%",
            before,
        )
        now = re.search(
            r"\b(?:it|this|that)(?:\s+(?:was|is|fell to|dropped to|rose to|came in at)|['’]s)\s+(?:about\s+)?"
            r"(\d+(?:\.\d+)?)\s?%",
            after,
        )
        # (a metric that opens its sentence keeps its first word: "Login success rate ...")
        metric = next(_METRIC.finditer(before[:1].lower() + before[1:]), None) if was and now else None
        if was and now and metric and float(was.group(1)) != float(now.group(1)):
            return _metric_name(metric), "drop" if float(now.group(1)) < float(was.group(1)) else "rise"
    # ... or the new figure first and the old one after it ("On Friday 14 February, DAU came in at 1.97M." then "Last
    # Friday it was 2.62M.": round 64 asked "the movement in the metric")
    for before, after in itertools.pairwise(sentences):
        came = re.search(
            rf"\b(?P<metric>{_METRIC_HEAD}|DAU|WAU|MAU|[a-z]+ users)\s+(?:came in at|was|hit)\s+(?:about\s+)?"
            r"(?P<now>\d[\d.,]*)",
            before,
        )
        earlier = re.search(
            r"^(?:last|the previous|a week ago|previously|the week before)\b[^.]{0,40}?\bit was\s+(?:about\s+)?"
            r"(?P<then>\d[\d.,]*)",
            after,
            re.I,
        )
        if came and earlier:
            current, previous = (
                float(g.rstrip(".").replace(",", "")) for g in (came.group("now"), earlier.group("then"))
            )
            if current != previous:
                return came.group("metric"), "drop" if current < previous else "rise"
    for sentence in sentences:
        # ... or flat at one figure, then another ("Average session length flat at 11–12 min from July to September,
        # then from Tuesday 1 October it's 17.6 min", round 67 asked "the movement in the metric")
        flat = _FLAT_THEN.search(sentence)
        metric = next(_METRIC.finditer(sentence[: flat.start()].lower()), None) if flat else None
        if flat and metric:
            before, after = (float(flat.group(g).replace(",", "")) for g in ("was", "now"))
            if before != after:
                return _metric_name(metric), "drop" if after < before else "rise"
    for before, after in itertools.pairwise(sentences):
        # The figures, then which way in a word: "Weekly active users 84,200 in the week of 2 October, 61,500 in the
        # week of 16 October." then "Minus 27% in two weeks." (round 71)
        way = re.match(r"(?:minus|down|plus|up)\s+\d", after, re.I)
        named = re.search(rf"(?i:daily|weekly|monthly) active users|\b(?:DAU|WAU|MAU)\b|{_METRIC.pattern}", before)
        if way and named:
            name = named.group(0)
            return name[:1].lower() + name[1:], "drop" if way.group(0)[0].lower() in "md" else "rise"
    for before, after in itertools.pairwise(sentences):
        # ... or an amount then, and what it is now, in the next sentence ("Three months ago wait pay was about £41k a
        # month." then "Last month it was £108k.": round 92 asked about the orders that "grew 12%" beside it)
        then = re.search(
            r"\b([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:was|were|ran at|averaged)\s+(?:about\s+|around\s+|roughly\s+)?"
            r"[£$€]?(\d[\d,]*(?:\.\d+)?)\s?([kKmM]?)\b",
            before,
        )
        now = re.match(
            r"(?:last|this|the (?:latest|most recent|past)|now|yesterday|in)\b[^.]{0,40}?\b(?:it|they)\s+"
            r"(?:was|were|is|are|came in at|hit)\s+(?:about\s+|around\s+)?[£$€]?(\d[\d,]*(?:\.\d+)?)\s?([kKmM]?)\b",
            after,
            re.I,
        )
        if then and now and then.group(1).split()[0] not in _NOT_A_METRIC:
            old_value = float(then.group(2).replace(",", "")) * _SUFFIX_SCALE[then.group(3).lower()]
            new_value = float(now.group(1).replace(",", "")) * _SUFFIX_SCALE[now.group(2).lower()]
            if old_value != new_value:
                return then.group(1), "drop" if new_value < old_value else "rise"
    for at, sentence in enumerate(sentences):
        # A claim that something lifted it ("Marketing says the carousel lifted conversion 25%.", round 60 asked "the
        # drop in site conversion" of a jump)
        lifted = re.search(
            r"\b(?:lifted|boosted|raised)\s+(?:the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:by\s+)?\d", sentence
        )
        if lifted:
            return lifted.group(1), "rise"
        # ("went from a steady 8.1% to 12.5%", round 66 asked "the movement at Zoomly")
        went = re.search(
            r"\bfrom\s+(?:[a-z]+\s+){0,2}?[£$€]?(\d[\d,]*(?:\.\d+)?)\s?%?(?:\s+(?:a|per|each)\s+[a-z]+)?\s+to\s+"
            r"(?:[a-z]+\s+){0,2}?[£$€]?"
            r"(\d[\d,]*(?:\.\d+)?)",
            sentence,
        )
        went = went or _WAS_THEN.search(sentence) or _ARROW.search(sentence)
        down, up = _WENT_DOWN.search(sentence), _WENT_UP.search(sentence)
        if not (went or down or (up and _CHANGED.search(sentence))):
            continue
        # ("Returns went from 3.1% to 4.4%": the figures say which way)
        figures = [float(g.replace(",", "")) for g in went.groups()] if went else []
        direction = ("drop" if figures[1] < figures[0] else "rise") if figures else "drop" if down else "rise"
        for text in (sentence, *reversed(sentences[:at])):
            # (a metric that opens its sentence keeps its first word: "Conversion on ... went from 3.8% to 6.2%",
            # round 75 asked "the rise")
            for match in _METRIC.finditer(text[:1].lower() + text[1:]):
                return _metric_name(match), direction
        return "", direction
    return "", ""
