"""Who a case is for, in its own words: the name the note gives its business ("Kerbside runs ...", "Zipway
(ride-hailing, about 40 cities) wants ..."), else the organisation its opening names ("the grocery chain"), else a
name its title gives ("... at Vetlio?"), else "the business". Pure string functions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from interviewer.core.domain import MADE_UP, ORGANISATIONS
from interviewer.interview.case_givens import with_article, without_made_up, writes

__all__ = ["business_of", "introduced", "names_company", "plausible_name", "without_label"]

# ("ex-marketplace DS" in the note-taker's preface names no business: round 38 called Loomwell "the marketplace")
# ("locker bank = 60 compartments" is a piece of kit, not a bank: round 44's libraries became "the locker bank")
_BUSINESS = re.compile(
    # (never "in service": "2,400 scooters in service" named round 69's scooter operator "the scooters in service")
    rf"(?<![\w-])((?:[A-Za-z-]+\s+){{0,3}}?(?<!locker )(?<!food )(?<!blood )(?<!data )(?<!power )(?<!question )(?<!in )"
    rf"(?:{'|'.join(ORGANISATIONS)}))\b(?!-)",
    re.I,
)
_LEADING = re.compile(r"^(a|an|the|our|your|we|you|run|runs|own|owns|at|for|is|are|work)\s+", re.I)


# The name a note gives its business at its start, in any of the shapes notes use: "Kerbside runs ...", "Parsley
# (recipe app, invented) has ...", "Riverside Valley Health (made up): 3 hospitals", "Northgate Fulfilment: 6 sites".
# ("Westmarch Fire and Rescue Service", round 67: an "and" between capitalised words is part of the name)
_NAME = r"[A-Z][\w&'.-]+(?: (?:[A-Z][\w&'.-]+|&|of|and(?= [A-Z])))*?"
_NAMED_SHAPES = re.compile(
    rf"^(?P<name>{_NAME})\s*(?P<aside>\([^()]{{0,160}}\))?\s*"
    # (a verb after a space only: "Copperline Document Solutions leased" named "Copperline Document Solut", round 61)
    # ("Hollin Valley Buses run about 140 routes": a plural name takes a plural verb, round 73)
    # ("Wrenfold Gyms ran 40 gyms": a story tells it in the past; only after a name of two words, never "Ana ran a
    # 40-minute mock")
    r"(?P<how>=|:|,|(?<=\s)(?:runs|operates|sells|ships|owns|offers|serves|has|had|ran|sold|is an?|is the|was an?|"
    r"run|operate|sell|own|offer|serve|have|"
    # ("Cobble & Tuft collects, cleans and returns rugs": a list of its verbs, round 100)
    r"[a-z]{3,}s|[a-z]{3,}ed))(?:\s|,(?= [a-z]{3,}s\b))"
)
# The verbs above name a business with a name of one word ("Kerbside runs"); any other verb only after a name of two
# words or more ("Greywater Textiles spins and dyes wool yarn"): "Churn rises" names no business.
# ("SunHarbour installs residential rooftop solar")
_LISTED_VERBS = frozenset(
    "= : , runs operates sells ships owns offers serves has had supplies provides processes delivers insures lends "
    "manufactures employs distributes installs hosts rents leases builds makes publishes collects connects matches "
    "charges repairs cleans trains books handles lists hires run operate sell own offer serve have".split()
)
_PLURAL_VERBS = frozenset("run operate sell own offer serve have".split())  # after a plural name only
# Words that start a note's line without naming anything: a heading's label ("Constraint:", "Case study:").
_NOT_A_NAME = re.compile(
    r"^(?:the|a|an|this|that|it|our|we|you|they|i|my|constraints?|case|study|problem|background|context|setup|set-up|"
    r"situation|summary|overview|notes?|goal|question|result|results|outcome|data|method|approach|recommendation|"
    r"twist|update|power|tl;dr|edit|first|then|later|fix|"
    # a list's labels for the periods compared ("- before: 6,100 trial starts a month")
    r"before|after|baseline|control|treatment|today|yesterday|"
    # the note-taker's own labels ("Target: 3 minutes spoken." named round 44's vet clinics "Target")
    r"target|time|timing|timed|length|duration|deadline|budget|date|level|difficulty|source|score|status|tags?|"
    # a role or a body of the business, never its name ("The CEO has a board meeting Friday", round 58)
    r"ceo|cfo|coo|cto|cpo|cmo|vp|board|management|leadership|"
    # the note-taker's verdict on how it went ("Went OK, not great." named round 81's tanning salons "Went OK")
    r"went|felt|seemed|overall|honestly|ok|okay|not|mostly|pretty|"
    # ("At Harbourline Seafoods, a wholesale fish supplier ..., we had" named it "At Harbourline Seafoods", round 82)
    r"at|in|for|from|with|by)$",
    re.I,
)


_COMMON_NOUNS = frozenset(
    "service company bank trust council agency authority board group club network foundation society office".split()
)


def _named(statement: str, strict: bool = False) -> str:
    """The business a statement names at its start, or ''. A bare 'Name:' or 'Name,' counts only for a name of two
    words or more, or one the note calls made up (a one-word label such as 'Constraint:' names nothing); `strict`:
    only with a verb of _LISTED_VERBS or 'is'."""
    # ("The Brackwater Herald is a regional news publisher ...": a name may keep its article)
    match = _NAMED_SHAPES.match(re.sub(r"^(?:the|The)\s+(?=[A-Z])", "", statement))
    if not match:
        return ""
    name = match.group("name").strip()
    # ("Eastbrook University's admissions office has"; never "St Aldhelm's is a 540-bed acute hospital", whose name
    # ends on its "'s", round 68)
    own = " " in name and not re.match(r"(?:is|was|has|runs|operates)\b", match.group("how"))
    name = re.sub(r"['’]s$", "", name) if own else name
    if any(_NOT_A_NAME.match(word) for word in name.split()[:1]) or _NOT_A_NAME.match(name.split()[-1]):
        return ""
    how = match.group("how")
    if " " not in name and _TEAM.fullmatch(name):
        return ""  # a team alone is no business ("Ops had run a three-week pilot" named round 104's retailer "Ops")
    if how in _PLURAL_VERBS and not name.endswith("s"):
        return ""  # ("Analysts run ..." names nobody; "Hollin Valley Buses run ..." names the business)
    listed = how in _LISTED_VERBS or how.startswith(("is ", "was "))
    if strict and not listed:
        return ""
    aside = match.group("aside") or ""
    # "Zipway (ride-hailing, about 40 cities) wants ...": a name the note describes in brackets is its business
    if not listed and len(name.split()) < 2 and not aside:
        return ""
    if re.match(r"^(?:the|The)\s", statement) and name.lower() in _COMMON_NOUNS:
        name = f"the {name}"  # ("the Service" from here: a common noun as a name keeps its article, round 58)
    loose = how in (":", ",")
    figure = re.match(r"\s*[~≈€$£]?\d", statement[match.end() :])  # "Acme: 3 shops, 40k orders a day"
    # "Rydo, a ride-hailing app, launched ...": a name the sentence describes in passing
    apposition = how == "," and re.match(r"(?:an?|the)\s[^,]{3,60},\s", statement[match.end() :])
    # "SingAlong: karaoke app, about 3.2M MAU": a name the line says is a kind of organisation (round 67)
    kind = how == ":" and _COLON_KIND.match(statement)
    if loose and len(name.split()) < 2 and not (without_made_up(aside) != aside or figure or apposition or kind):
        return ""
    return name


# A business the title names after 'at', 'for' or 'of' ("What is an active clinic at Vetlio?").
# (in quotes too: 'the conversion drop at "Wayfarer Cover"', round 53)
_TITLE_NAME = re.compile(
    r"\b(?:at|for|of)\s+[\"“']?([A-Z][\w&'-]+(?:\s+[A-Z][\w&'-]+){0,2})"
    # ... or who a title's question asks about: "how many battery swappers does Voltra need in Bristol?" (round 69)
    r"|\b(?:does|do|should|can|will|would|must)\s+([A-Z][\w&'-]+(?:\s+[A-Z][\w&'-]+){0,2})\s+(?:need|have|hire|buy|"
    r"build|open|staff|roster|get|add|keep|run|launch|charge|use|order|book)\b"
)


# ... or names after a dash, with the date it happened ('Past-job story for "..." — Larkfield Veterinary Partners, Sept
# 2023'): a name of two words or more.
_TITLE_AFTER_DASH = re.compile(r"\s[—–-]\s+([A-Z][\w&'-]+(?:\s+(?:[A-Z][\w&'-]+|&|of)){1,3})\s*(?:,|\(|$)")


# ... or before a colon at its start ("Westmoor Airport: sizing a new Alicante route", round 47).
_TITLE_LEAD = re.compile(r"^([A-Z][\w&'-]+(?:\s+(?:[A-Z][\w&'-]+|&|of)){1,3})\s*[:—–]\s")
# ... or in its brackets, before a date ("The download cliff: a story from my last job (Tidepool Audio, Sept 2023)").
_TITLE_BRACKETED = re.compile(r"\(\s*([A-Z][\w&'-]+(?:\s+(?:[A-Z][\w&'-]+|&|of)){1,3})\s*,")
# ... or in quotes in its brackets, as the name it goes by ('Past-job story: who gets a reminder call? (outpatient
# DNAs, "Northfield General")', round 54).
_TITLE_QUOTED = re.compile(r"\([^()]*?[\"“]([A-Z][\w&'-]+(?:\s+(?:[A-Z][\w&'-]+|&|of)){1,3})[\"”][^()]*\)")


def without_label(statement: str, then: str = "[A-Z]") -> str:
    """A sentence without a short label before what `then` matches ("Setup as given: Loomwell is ...", 'The prompt,
    copied: "Glide Express Car Wash runs ...'), and without the quote mark a quoted set-up opens with."""
    # ("Copied the prompt more or less word for word: Spokewise runs ...", round 62)
    stripped = re.sub(rf"^[A-Z][\w' ,-]{{0,60}}:\s+[\"“]?(?={then})", "", statement)
    if stripped != statement and stripped.count('"') % 2 == 1:
        # ('The setup he read out: "Cipher & Key" runs 14 escape-room sites': the quotes were the name's, round 70)
        stripped = re.sub(rf'^({_NAME})["”](?=\s)', r"\1", stripped, count=1)
    return stripped


# A name the sentence gives as the business's: 'The company is "TreadDirect", an online tyre retailer.', or where the
# note-taker worked: "At FixPoint (38 phone-repair shops, mostly Midlands) I was the only analyst" (round 70).
_GIVEN_NAME = re.compile(
    rf"^(?:the\s+)?(?:company|business|client|firm|brand|retailer|operator|chain|start-?up|employer|trust|council|"
    # ('The company, "Fermata", sells online piano lessons', round 74)
    rf"charity|bank|hospital|school|university|insurer|provider)"
    rf"(?:\s*,|\s+(?:is|was|is called|was called|in question is|here is))\s+"
    rf"(?:[\"“'](?P<quoted>[A-Z][^\"“”']{{1,60}})[\"”']|(?P<name>{_NAME})(?=[,.;:\s(]|$))"
    # ("At Fernhill Flowers Wholesale I was the only analyst", round 78)
    rf"|^at\s+(?P<where>{_NAME})\s*(?:\(|,|(?=\s+(?:I|we)\s+(?:was|were|worked|ran|led|joined)\b))",
    re.I,
)
# ... or told as what it is, then its name: 'The case: one of their clients, an online yarn shop called The Woolly
# Crate, saw its cart-abandonment rate drop ...' (round 78 named the interviewer's firm from the title)
_CALLED_KIND = re.compile(
    rf"\b(?:a|an)\s+(?:[\w'-]+\s+){{0,4}}?(?:{'|'.join(ORGANISATIONS)}|business|store|site)\s+"
    # ('a made-up online furniture retailer he called Brackenfold', round 106 said "the business")
    rf"(?:(?:he|she|they|we|I)\s+)?(?:called|named)\s+"
    rf"(?P<called>(?:The\s+)?[A-Z][\w&'.-]+(?: (?:[A-Z][\w&'.-]+|&|of|and(?= [A-Z])))*)"
)


# ... or the one the note-taker worked for, with what it does: "I was doing two days a week of analytics for
# Thistledown Farm Shop, which runs a weekly veg box delivery scheme ..." (round 74)
_WHICH_RUNS = re.compile(
    rf"\b(?:at|for)\s+(?P<name>{_NAME}),\s+which\s+(?P<rest>(?:runs|operates|sells|makes|delivers|owns|has)\b[^.;]{{8,200}})"
)


def _given_name(statement: str) -> str:
    called = _CALLED_KIND.search(statement)
    if called:
        name = called.group("called")
        # (a sentence's full stop is no part of the name: "... he called Brackenfold."; "Quire & Co." keeps its own)
        return name if re.search(r"\b(?:Co|Ltd|Inc|Bros|St)\.$", name) else name.rstrip(".")
    match = _GIVEN_NAME.match(statement)
    which = _WHICH_RUNS.search(statement) if not match else None
    if which:
        return "" if _NOT_A_NAME.match(which.group("name").split()[0]) else which.group("name")
    if not match:
        return ""
    name = match.group("quoted") or match.group("name") or match.group("where")
    return "" if _NOT_A_NAME.match(name.split()[0]) else name


# The business a prompt's label names in quotes: 'Tom played a head of digital at the "Northgate Museum of Science and
# Industry" and opened with: "..."' (round 75 called it "the business" in all 8 turns).
_QUOTED_AT = re.compile(r"\b(?:at|for|of)\s+(?P<the>the\s+)?[\"“](?P<name>[A-Z][^\"“”]{1,60}?)[\"”]")


def business_of(staged: list[tuple[str, str]], title: str = "", first_line: str = "", label: str = "") -> str:
    """Who the case is for: the name the note gives it ("Kerbside runs ..."), the organisation its opening names,
    the name a quoted prompt's `label` gives in quotes, or a name its title (or the `first_line` of a note without a
    heading) gives."""
    # The note-taker's preface ("Did this one timed from the case book.") comes before the business, never is it.
    # ("Tuesday study group, Tom as interviewer. A 'good news' metric move ... Stillwater is a meditation app")
    # (a real interview's preface takes more lines: "The real thing, not a mock. No offer, but ... Interviewers: Helen
    # (head of analytics) and Sunil. 50 minutes, whiteboard." before "The question: Ridgeway has 160 branches.")
    setup = [s for s, at in staged[:8] if not writes(s)][:6]
    # (a title made from a file name writes every word in lower case: "Mock signwise interpreter fill rate" is no
    # sign that "Signwise" is a common word, round 96)
    slug = title[1:] == title[1:].lower() and len(title.split()) >= 2
    text = " ".join(["" if slug else title, first_line, *(s for s, _ in staged)])
    if titled := _title_word_name(title, " ".join(s for s, _ in staged)):
        return titled
    for index, statement in enumerate(setup):
        # ("Setup as given: Loomwell is a mid-size online womenswear retailer ...": the label goes first)
        # Past the first four, only a listed verb names it ("Courier GPS logs after dispatch leak the outcome").
        strict = index >= 4
        named = _named(statement, strict) or _named(without_label(statement), strict)
        # ("The prompt, copied word for word: Quire & Co." with "runs 11 bookshops" cut off at its "Co.", round 59)
        alone = re.match(r"^[^:]{0,80}:\s+(?P<name>[A-Z][\w&'-]+(?: (?:[A-Z][\w&'.-]+|&|of))+)$", statement)
        named = named or (alone.group("name") if alone and not strict else "")
        named = named or _given_name(statement)
        client = _CLIENT_ASKS.search(statement)
        named = named or (client.group("name") or client.group("brief") if client else "")
        # (or said as the case begins, in a mock told as dialogue: "Ade: Ok so, Signwise." then "Two-sided
        # marketplace for BSL interpreters.", round 96)
        spoken_name = _SPOKEN_NAME.match(statement)
        named = named or (spoken_name.group("name") if spoken_name and not strict else "")
        # (and an "X of Y" name the note writes with its article: "The University of Eastmoor runs ...", round 81)
        article = re.match(rf"The {re.escape(named)}(?:, (?:a|an) | has \d)", statement) or (
            re.match(r"[A-Z][\w'-]+ of [A-Z]", named) and re.search(rf"\bThe {re.escape(named)}\b", statement)
        )
        if named and article:
            named = f"the {named}"  # the article is the name's ("The Woolly Crate, an online yarn shop, saw", round 78)
        if named and plausible_name(named, text) and not _person(named, text):
            # The case is for whoever faces the decision: "LockBay operates 3,200 parcel lockers. Swiftline, a large
            # parcel carrier, is considering co-funding 400 ... Swiftline's operations director asks: how much would
            # this save us?" is Swiftline's number (both blind raters, round 54).
            asker = next((found for s in setup[index:] if (found := _asker(s))), "")
            return asker if asker and asker != named else named
    quoted_at = _QUOTED_AT.search(label)
    if quoted_at and not _NOT_A_NAME.match(quoted_at.group("name").split()[0]):
        return f"{'the ' if quoted_at.group('the') else ''}{quoted_at.group('name')}"
    for statement, _ in staged[:8]:  # ... or where the note-taker says they worked ("At FixPoint (38 ...) I was")
        given = _given_name(statement)
        if given and plausible_name(given, text) and not _person(given, text):
            return given
    # A proper name of two words or more after a dash in the title ("Mock #4 — sizing lockers for Calderbridge City
    # Libraries") names the business before a kind of organisation a list line mentions ("locker bank = 60 ...").
    lines = (title, first_line[:200])
    for titled in _title_names(lines, _TITLE_AFTER_DASH, _TITLE_NAME, _TITLE_LEAD, _TITLE_BRACKETED, _TITLE_QUOTED):
        # (a name of one word too, when the note keeps using it: "What is an "active clinic" at Vetlio?" was "Chains")
        several = len(titled.split()) >= 2 or len(re.findall(rf"\b{re.escape(titled)}\b", text)) >= 3
        if several and not _NOT_A_NAME.match(titled.split()[-1]) and plausible_name(titled, text):
            return titled
    for statement, _ in [(s, at) for s, at in staged[:5] if not writes(s)][:3]:
        match = _BUSINESS.search(statement)
        if match:
            name = match.group(1).strip()
            # (its words after any that join it to others: "spin classes with our app" is "the app", never "the
            # classes with our app")
            name = re.split(r"\s(?:with|our|your|their|its|his|her|to|from|by|on|in|at|for|and|via)\s", name)[-1]
            while _LEADING.match(name):
                name = _LEADING.sub("", name, count=1)
            # A proper name is said as it is ("Northfield University's admissions office" was "the northfield
            # University", round 47).
            proper = re.match(r"((?:[A-Z][\w&-]*\s+)+[A-Z][\w&-]*)(?:'s)?$", name)
            if proper and not _NOT_A_NAME.match(proper.group(1).split()[0]):
                return proper.group(1)
            if name:
                return f"the {name[:1].lower()}{name[1:]}"
    titled = next((t for t in _title_names(lines, _TITLE_NAME, _TITLE_AFTER_DASH) if plausible_name(t, text)), "")
    return titled or _recurring_name(staged, title) or _said_to_be(staged[:15], text) or "the business"


def _title_word_name(title: str, text: str) -> str:
    """The proper name a title made from a file name gives in lower case ("Mock pricing hearthbox", "Story brindle
    repeat decline") and the note always writes capitalised, twice or where it says what it is, never as a person's: its
    spelling, with the rest of its name ("Brindle & Co"). Round 83 called three of four such cases "the business"
    or "the online electronics marketplace". '' when the title is not all lower case past its first word."""
    words = title.split()
    if not re.fullmatch(r"[A-Z][a-z0-9]*(?: [a-z0-9]+)+", title):
        return ""  # a title the note wrote itself names its business in its own spelling, read elsewhere
    for word in words[1:]:
        if len(word) < 4 or not word.isalpha():
            continue
        spelt = word[:1].upper() + word[1:]
        found = [m.group(0) for m in re.finditer(rf"(?<![\w&'-]){spelt}(?:'s)?(?: (?:&|[A-Z][\w'-]*))*", text)]
        # (once is enough where the note introduces it: "Her prompt: Hearthbox is a meal-kit subscription ...")
        # (or by what it is, after a comma: "You're the analyst at Brindle Home, an online furniture retailer.")
        introduced = re.search(rf"(?<![\w&'-]){spelt}(?: (?:&|[A-Z][\w'-]*))*(?:,? (?:is|was)|,) (?:an?|the)\b", text)
        # (or in the note's first line, which says where it comes from: "Debrief: Ostrander Fresh, final loop, round 3
        # of 5 (...)." before a prompt in the business's "we", round 90)
        # (never its first word, "Behavioural answer draft: ...", nor past its first sentence)
        # (and where a name starts, never inside one: "Harborline Ferries runs ...")
        line = re.split(r"\n|(?<=[.?!])\s", text.lstrip())[0][:120]
        at = re.search(rf"(?<=\S )(?<![\w&'-]){spelt}\b", line)
        first_line = at is not None and not re.search(r"[A-Z][\w&'-]*\s$", line[: at.start()])
        if not found or (len(found) < 2 and not introduced and not first_line):
            continue
        if re.search(rf"(?<![\w-]){word}(?![\w-])", text):
            continue
        # Its shortest form, or the company's full name where the note gives it ("Brindle & Co" over "Brindle's")
        forms = [re.sub(r"'s$", "", form) for form in found]
        name = max((f for f in forms if f.endswith((" Co", " Ltd", " Inc"))), key=len, default=min(forms, key=len))
        if not _person(name, text) and not _NOT_A_NAME.match(name):
            return f"the {name}" if re.search(rf"\bThe {re.escape(name)}\b", text) else name
    return ""


_KINDS = "|".join(ORGANISATIONS)
_PERSON_VERBS = r"said|says|asked|asks|played|playing|agreed|nodded|replied|pushed|smiled|laughed|interrupted|ran this"


def _person(name: str, text: str) -> bool:
    """True for a name the note shows is a person's: "Tom nodded", "Tom (ex-colleague, now ...) runs mocks"."""
    return bool(
        re.search(rf"\b{re.escape(name)}\s+(?:{_PERSON_VERBS})\b", text)
        or re.search(rf"\b{re.escape(name)}\s*\((?:ex-|former |a friend|colleague|ex colleague)", text, re.I)
        # ("Dana Okafor, VP of Member Experience, wanted to push a nudge", round 64)
        or re.search(
            # ("Callum Reyes, Commercial Director. No slides, he just talked.": words before the role, round 101)
            rf"\b{re.escape(name)},\s+(?:the\s+|our\s+|their\s+)?(?:[A-Z][\w&-]*\s+){{0,2}}"
            r"(?:vp|svp|evp|head|director|chief|ceo|cfo|coo|cto|cmo|"
            r"manager|lead|founder|owner|md)\b",
            text,
            re.I,
        )
    )


def _said_to_be(staged: list[tuple[str, str]], text: str) -> str:
    """A name some sentence says is an organisation, wherever it stands, quotes and all ('... and said: "Gambitly is
    an online chess platform."'); '' when none does."""
    for statement, _ in staged:
        for found in re.finditer(
            rf"(?<![\w&'-])({_NAME}) (?:is|was) (?:an?|the) (?:[\w-]+ ){{0,4}}?(?:{_KINDS})\b", statement
        ):
            name = found.group(1)
            if plausible_name(name, text) and not _person(name, text) and not _NOT_A_NAME.match(name.split()[0]):
                return name
    return ""


_SEQUENCE = re.compile(r"(?:next|finally|second|third|meanwhile|afterwards|also|still|now|so|lastly)$", re.I)


def plausible_name(name: str, text: str) -> bool:
    """False for a name the note itself shows is none: cut from a longer word ("Copperline Document Solut" of
    "Solutions", round 61), or one word the note also writes in lower case, a common word that only opened a
    sentence ("Next, the boring causes", round 61; "Analysts" of a book's title, round 59)."""
    if name.startswith("the "):
        return True
    if re.search(r"\s(?:of|&)$", name):
        return False  # "Share of appointments booked ...": a name ends on a name, not on "of"
    if not re.search(rf"(?<![\w&-]){re.escape(name)}(?![\w&-])", text):
        return False
    if _WHEN.match(name):
        return False  # a time told as a label ("Last January: 61,000 chats.", round 102 named the case by it)
    if _SEQUENCE.match(name):
        return False  # a story's sequence word ("Next, the boring causes: ...", round 61); "Nimbus Now" is a name
    lower = name.lower()
    # (a web address is no common word: "bloomline.co.uk")
    common = re.search(rf"(?<![\w&.-]){re.escape(lower)}(?![\w&-]|\.\w)", text)
    return " " in name or name == lower or not common


_MONTHS_DAYS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|"
    "wednesday|thursday|friday|saturday|sunday"
)
_WHEN = re.compile(
    rf"^(?:(?:last|next|this|every|each|early|late|mid|since|until|by)\s+(?:{_MONTHS_DAYS}|year|month|week|quarter|"
    rf"season|spring|summer|autumn|winter)|(?:{_MONTHS_DAYS})(?:\s+\d{{4}})?)$",
    re.I,
)
# Words capitalised mid-sentence that name no business: months, days, and the note-taker's acronyms.
_NOT_BUSINESS = re.compile(
    rf"(?:{_MONTHS_DAYS}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mock|story|case|"
    r"practice|question|notes?|debrief|part|round|[A-Z]{2,6}s?)$"
)


def _recurring_name(staged: list[tuple[str, str]], title: str) -> str:
    """The proper name the title and the note keep using for the business ("Mock case: Tallybook cut its free trial
    from 30 to 14 days" and "On 4 March 2024 Tallybook shortened ..."), when no sentence introduces it in a shape
    _named reads; '' when none recurs. A person ("Priya said ...") is never it."""
    text = " ".join(s for s, _ in staged)
    # (the title's capitalised words, wherever they stand: "mock #4 — Gambitly daily games jump", round 62)
    candidates = re.findall(r"(?<![\w&'’-])([A-Z][a-z][\w&-]+)\b", title)
    for name in dict.fromkeys(candidates):
        if _NOT_A_NAME.match(name) or _TEAM.match(name) or _NOT_BUSINESS.match(name.lower()) or name.isupper():
            continue
        if not plausible_name(name, f"{title} {text}"):
            continue
        person = re.search(
            rf"\b{re.escape(name)}\s+(?:said|asked|played|agreed|wanted|pushed|gave|told|nodded|replied|ran)\b", text
        )
        if person or not re.search(rf"\b{re.escape(name)}\b", title):
            continue
        if len(re.findall(rf"\b{re.escape(name)}\b", text)) >= 2:
            return name
    return ""


_ASKER = re.compile(
    rf"(?:^|[.;:]\s+)(?:the\s+)?(?P<name>{_NAME})(?:['’]s\s+(?:[\w-]+\s+){{0,3}}?(?:director|head|manager|ceo|cfo|coo|"
    r"vp|team|board|lead|owner|founders?|boss)\b|,\s+[^,]{3,60},)?\s+"
    r"(?:asks|asked|is considering|considers|wants to know|needs to decide|must decide|is deciding|has asked|"
    r"is weighing)\b"
)

# A business named on its own as a dialogue's interviewer begins: "Ade: Ok so, Signwise."
_SPOKEN_NAME = re.compile(
    r"^(?:[A-Z][a-z]+(?:/[A-Z][a-z]+)?:\s+)?(?i:ok(?:ay)?|so|right|alright)\b[,\s]+(?:(?i:so)\b[,\s]+)?"
    r"(?P<name>[A-Z][\w&'-]+(?: [A-Z][\w&'-]+)?)\.?$"
)
# ... or a client of the business that asks: "One of our customers, Oakhurst Removals, wants to know how many crews to
# line up" is Oakhurst's number, not that of the software firm that speaks (round 95)
_CLIENT_ASKS = re.compile(
    rf"\b(?:one of )?(?:our|their|its) (?:customers|clients|members|partners|merchants|retailers|sellers),?\s+"
    rf"(?P<name>{_NAME}),\s+(?:asks|asked|wants|needs|is considering|has asked)\b"
    # (or introduced with its figures: "a one-page brief about one of their customers, Kettleby Dairies: 9,400
    # households, 31 rounds", round 103 said "the business")
    r"|\b(?:about|for|on) (?:one of )?(?:our|their|its) "
    rf"(?:customers|clients|members|partners|merchants|retailers),?\s+"
    rf"(?P<brief>{_NAME})\s*[:(]"
)


def _asker(statement: str) -> str:
    """The business a sentence says faces the decision or asks the question ("Swiftline's operations director asks:
    ..."), or ''."""
    found = _ASKER.search(statement) or _CLIENT_ASKS.search(statement)
    name = found.group("name") if found else ""
    # ("Leadership wants to know whether it worked.": a part of the business, not another one)
    return "" if not name or _TEAM.match(name.split()[0]) or _NOT_A_NAME.match(name.split()[0]) else name


_TEAM = re.compile(
    r"(?:leadership|management|finance|marketing|ops|operations|product|sales|engineering|legal|procurement|board|"
    r"executives?|directors?|the|our|their|his|her|she|he|they|we|everyone|nobody|someone|somebody|head|ceo|cfo|coo|"
    r"cto|vp|manager|founders?|stakeholders?|investors?|trading|growth|strategy|support|hr|it|data)$",
    re.I,
)


def _title_names(lines: tuple[str, ...], *patterns: re.Pattern[str]) -> Iterator[str]:
    """For each line that one of `patterns` finds a name in, the name the first of them finds."""
    for line in lines:
        titled = next((match for pattern in patterns if (match := pattern.search(line))), None)
        if titled:
            yield next(group for group in titled.groups() if group)


# The business introduced in passing by the note-taker's line about the mock: "Mock with Lena, playing the head of
# strategy at Oakhurst & Vale, a UK online furniture retailer doing about £180M a year." Dropped as the note-taker's
# story, it took the business with it: the case opened on "A lot of what they sell is flat-pack" and named its
# business "the launch an assembly service" (round 35).
_INTRODUCED = re.compile(
    # (a decimal point ends nothing: "whose mobile app has about 1.9m monthly active users", round 61)
    # ('He played the head of operations at "Fringe Benefits", a chain of 36 hair salons.', round 66)
    # ("... played the head of digital at the Severn Valley Echo, a regional paper whose puzzle app ...", round 72)
    # ("You've joined Tallyfold, a B2B invoicing tool for small agencies.", round 88)
    rf"\b(?:at|for|with|of|from|joined|At)\s+(?P<the>the\s+)?(?P<q>[\"“'])?(?P<name>{_NAME})(?(q)[\"”']),\s+"
    # (a colon before its figures ends it too: "my previous job at Corkline, a wine subscription club: roughly 38,400
    # active members ...", round 66)
    # (nor runs on into the note-taker's part: "At Sprocket & Spoke Distribution, a bike-parts wholesaler in West
    # Yorkshire with about 1,180 active bike-shop accounts, I was the only analyst", round 77)
    r"(?P<what>(?:a|an|the)\s+(?:[^.;:!?]|\.(?=\d)){8,200}?)\s*(?:[.;:!?](?!\d)|,\s+(?:I|we|my)\b|"
    # ("from Tessera Direct, the online tile shop where I was one of two analysts", round 81)
    r"\s+(?:where|at which)\s+(?:I|we)\b|"
    # ("At Fennick, the consumer lending start-up I joined as the second data scientist, every ...", round 84)
    r"\s+(?:I|we)\s+(?:joined|worked (?:at|for|in))\b|$)"
)


# ... or named after what it is: "She played the Head of Clinical Ops at a made-up company, Aligna, which sells clear
# aligners on subscription", "the COO of a made-up chain, Cruxwell Climbing: 8 indoor gyms, about 31,000 members"
# (round 45 named both "the business" and opened one on the candidate's own working); "at a made-up regional title,
# the Wessex Courier." names it with nothing after.
_NAMED_AFTER_KIND = re.compile(
    rf"\b(?:at|for|of|with|from)\s+(?:a|an)\s+(?:(?:{MADE_UP})\s+)?(?P<kind>[a-z][\w-]*(?:\s+[a-z][\w-]*)?),\s+"
    rf"(?:the\s+)?(?P<name>{_NAME})"
    rf"(?:,\s+(?:which|that|who)\s+(?P<what>[^.;!?]{{8,200}}?)|:\s+(?P<figures>\d[^.;!?]{{6,200}}?)"
    # ("..., the Harbourside Playhouse in Kelsby (620-seat main house plus a 120-seat studio).", round 59)
    r"|(?P<plain>)(?:\s+in\s+[A-Z][\w-]+)?(?:\s*\([^()]{0,120}\))?)"
    r"\s*(?:[.;!?]|$)"
)


# ... or under the name the note-taker gives it: "at a university I'll call Northfield", "at a mid-sized NHS trust
# ("Northfield General" in interviews)" (round 55).
_CALLED = re.compile(
    rf"\b(?:at|for|with|of|from)\s+(?P<kind>(?:a|an)\s+[\w-]+(?:\s+[\w-]+){{0,3}}?)\s+"
    rf"(?:(?:I'll|I will|I'd|we'll|let's|I)\s+call(?:ed)?(?:\s+it)?\s+[\"“']?(?P<name>{_NAME})[\"”']?"
    rf"|\([\"“'](?P<quoted>{_NAME})[\"”']\s+in\s+(?:interviews|this write-?up|these notes)\))"
)


# ... or under the name it was given for the case: 'He'd adapted it from a real client, anonymised as "Dalesway
# Rounds", which runs 64 early-morning newspaper delivery rounds ...' (round 65 called it "the business").
_ANONYMISED = re.compile(
    rf"\b(?:anonymi[sz]ed|renamed|disguised|called|known here|referred to)\s+as\s+[\"“']?(?P<name>{_NAME})[\"”']?,?\s+"
    r"(?:which|that|who)\s+(?P<what>[^.;!?]{8,200}?)\s*(?:[.;!?]|$)"
)


# ... or told as what the company was: "The company was Fivesy, an app for booking five-a-side pitches ..." (round 58)
_COMPANY_WAS = re.compile(
    # (in quotes too: 'The company is "TreadDirect", an online tyre retailer.', round 70)
    rf"^(?i:the|our|my) (?:company|client|business|startup|firm|employer|trust|charity|council) (?:was|is) "
    rf"[\"“]?(?P<name>{_NAME})[\"”]?,\s+"
    r"(?P<what>(?:a|an)\s+[^.;!?]{8,200}?)\s*(?:[.;!?]|$)"
)


# ... or named after the word for it: "The made-up company, Northgate Motor Group, has 23 used-car forecourts" (round
# 59 called it "the made-up company" eight times).
_KIND_THEN_NAME = re.compile(
    rf"^(?i:the|our|my) (?:(?:{MADE_UP}) )?(?:company|business|client|retailer|chain|firm|group|app|brand),\s+"
    rf"(?P<name>{_NAME}),\s+(?P<rest>[a-z].+)$"
)


# ... or as a label's name, then its kind: "SingAlong: karaoke app, about 3.2M MAU, mostly Android." (round 67)
_COLON_KIND = re.compile(
    rf"^(?P<name>[A-Z][\w&'-]+(?: [A-Z][\w&'-]+){{0,2}}):\s+(?:an?\s+)?(?P<kind>(?:[a-z][\w-]*\s+){{0,2}}(?:{_KINDS}))"
    r"(?P<rest>(?:,|\s+(?:with|in|for|that|which)\b)(?:[^.;!?]|\.(?=\d))*)?[.;!?]?$"
)


# ('The company, "Fermata", sells online piano lessons by subscription ...', round 74)
_COMPANY_COMMA = re.compile(
    r"^(?i:the) (?:company|client|business|startup|firm|employer|brand),\s+"
    r"[\"“]?(?P<name>[A-Z][^\"“”,]{1,50}?)[\"”]?,\s+"
    r"(?P<rest>[a-z][^.;!?]{8,200})[.;!?]?$"
)


def names_company(statement: str) -> bool:
    """True for a sentence that tells which company the case is about ("The company was Fivesy, an app ...")."""
    return any(
        pattern.search(statement)
        for pattern in (_COMPANY_WAS, _COMPANY_COMMA, _KIND_THEN_NAME, _ANONYMISED, _COLON_KIND)
    )


def introduced(statement: str) -> str:
    """The sentence a case opens with for a business a line introduces in passing ("... at Quillmoor Hotels, a
    mid-scale chain with about 140 properties." -> "Quillmoor Hotels is a mid-scale chain with about 140
    properties."), or ''. A bracket the line's cut left open is left out ("Tern is a bird-sighting log app (you log
    species, count, location." where a ';' ended the sentence inside it, round 71)."""
    said = _introduced(statement)
    # (never a month or a day: "from the first week of March, a new daily word game" introduced "March", round 72)
    if said and _NOT_BUSINESS.match(said.split()[0].lower()):
        return ""
    if said.count("(") > said.count(")"):
        said = re.sub(r"\s*\([^()]*$", "", said).rstrip(" ,;:") + "."
    return said


# Where the note-taker worked, with its scale in brackets: "At FixPoint (38 phone-repair shops, mostly Midlands) I was
# the only analyst ..." (round 70 opened on "the refurb side of the business" and never said whose).
_AT_NAME = re.compile(rf"^At\s+(?P<name>{_NAME})\s*\((?P<what>(?:\d|an?\s)[^()]{{3,120}})\)")


# ... or where they joined: "Ostinato was the music-streaming start-up I joined in 2022: about 180k paying subscribers
# at $9.99 a month." (round 72)
_JOINED = re.compile(
    rf"^(?P<name>{_NAME})\s+(?:was|is)\s+(?:the|a|an)\s+(?P<kind>[\w -]{{3,40}}?)\s+I\s+(?:joined|worked (?:at|for))"
    r"(?:\s+in\s+\d{4})?\s*[:,]\s*(?P<what>[^:;]{5,160}?)\.?$"
)


# ... or inside the role the interviewer played: 'played "Head of Patient Services at St Brannoc's Hospice", a charity
# hospice in rural North Devon.' (round 76 called it "the business")
_PLAYED_AT = re.compile(
    rf"\bplay(?:ed|ing|s)\s+(?:the\s+|a\s+|an\s+)?[\"“][^\"“”]{{2,60}}?\s+(?:at|for|of)\s+(?:the\s+)?"
    rf"(?P<name>{_NAME})[\"”],?\s+(?P<what>(?:a|an)\s+[^.;:!?]{{3,160}}?)\s*(?:[.;:!?]|$)"
)


# ... or as the note-taker's last job: "Loftline was my last job — B2B SaaS for independent gyms and studios, class
# scheduling and payments." (round 105 opened on it in the note-taker's words)
_MY_JOB = re.compile(
    rf"^(?P<name>{_NAME})\s+was\s+my\s+(?:last|previous|old|first|second)\s+(?:job|employer|company)\s*[—–:-]\s*"
    r"(?P<what>[^.;]{5,200}?)\.?$"
)


def _introduced(statement: str) -> str:
    mine = _MY_JOB.match(statement)
    if mine:
        what = mine.group("what").strip(" ,")
        what = what if re.match(r"(?:an?|the)\s", what) else with_article(what)
        return f"{mine.group('name')} is {what}."
    played = _PLAYED_AT.search(statement)
    if played and not _NOT_A_NAME.match(played.group("name").split()[0]):
        return f"{played.group('name')} is {played.group('what').rstrip(' ,')}."
    comma = _COMPANY_COMMA.match(statement)
    if comma:
        return f"{comma.group('name')} {comma.group('rest').rstrip(' ,')}."
    which = _WHICH_RUNS.search(statement)
    if which and not _NOT_A_NAME.match(which.group("name").split()[0]):
        return f"{which.group('name')} {which.group('rest').rstrip(' ,')}."
    joined = _JOINED.match(statement)
    if joined:
        return f"{joined.group('name')} is {with_article(joined.group('kind'))} with {joined.group('what')}."
    at = _AT_NAME.match(statement)
    if at:
        what = at.group("what").strip(" ,")
        verb = "is" if re.match(r"an?\s", what) else "has"
        return f"{at.group('name')} {verb} {what}."
    was = _COMPANY_WAS.match(statement)
    if was:
        return f"{was.group('name')} is {was.group('what').rstrip(' ,')}."
    labelled = _COLON_KIND.match(statement)
    if labelled and not _NOT_A_NAME.match(labelled.group("name").split()[0]):
        return f"{labelled.group('name')} is {with_article(labelled.group('kind'))}{labelled.group('rest') or ''}."
    kind_then_name = _KIND_THEN_NAME.match(statement)
    if kind_then_name:
        return f"{kind_then_name.group('name')} {kind_then_name.group('rest')}"
    match = _INTRODUCED.search(statement)
    if match and not _NOT_A_NAME.match(match.group("name").split()[0]):
        the = "The " if match.group("the") else ""
        what = match.group("what").rstrip(" ,")
        if re.match(r"the \w", what):
            what = with_article(what[4:])  # "is an online tile shop", never "is the online tile shop where I was"
        # The sentence's own news after the aside is kept: "At Brindle & Co, the online pet-supplies retailer where I
        # worked ..., the number the board watched most closely was the 60-day repeat rate: ..." (round 83 opened on
        # the retailer alone, then "It had been around 41%")
        aside_end = statement.find(", ", match.end())
        news = statement[aside_end + 2 :] if aside_end > 0 else ""
        if len(news.split()) >= 6 and news[:1].islower() and re.search(r"\b(?:is|was|were|had|has)\b", news):
            return f"{the}{match.group('name')} is {what}. {news[:1].upper()}{news[1:].rstrip(' .')}."
        return f"{the}{match.group('name')} is {what}."
    alias = _ANONYMISED.search(statement)
    if alias and not _NOT_A_NAME.match(alias.group("name").split()[0]):
        return f"{alias.group('name')} {alias.group('what').rstrip(' ,')}."
    called = _CALLED.search(statement)
    if called:
        name = (called.group("name") or called.group("quoted")).rstrip(".")
        return f"{name} is {called.group('kind')}."
    after = _NAMED_AFTER_KIND.search(statement)
    if not after or _NOT_A_NAME.match(after.group("name").split()[0]):
        return ""
    if after.group("what"):
        return f"{after.group('name')} {after.group('what').rstrip(' ,')}."
    if after.group("plain") is not None:
        # ("playing head of digital at a made-up regional title, the Wessex Courier.": the name ends the sentence,
        # and the kind is all the line says of it, round 54)
        return f"{after.group('name').rstrip('.')} is a {after.group('kind')}."
    return f"{after.group('name')} is a {after.group('kind')} with {after.group('figures').rstrip(' ,')}."
