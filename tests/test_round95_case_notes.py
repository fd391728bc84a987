"""Round 95's misreadings, on notes of my own in the same shapes: a debrief of a whole loop whose case round comes
third and whose prompt names the client who asks, a prep-book prompt that opens on the case's number and ends on the
question its director asks, a mock's set-up read out unquoted with its question put afterwards in character and an
"Answer:" line after it, a story whose business sentence ends "when I was there" and whose ask comes later, and a
cheat sheet's capitalised label taken up as if the candidate had named a method."""

from __future__ import annotations

import random
from pathlib import Path

from interviewer.core.domain import Kind, Question
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import build_chunks, ingest, read_sections
from interviewer.interview.asking import load_frames
from interviewer.interview.case_change import case_change
from interviewer.interview.cases import case_facts
from interviewer.interview.items import build_items
from interviewer.interview.listening import labels_only, take_up
from interviewer.interview.templates import load_templates
from tests.helpers import case_score, chunks_of, make_app, play_scored

LOOP = (
    "Debrief: Quillon final loop, four rounds, written on the train home\n\n"
    "Overall fine. The case round was the shaky one.\n\n"
    "**R1 SQL (45 min, Dev).** Latest order per customer with a window function. Used ROW_NUMBER, fine.\n\n"
    "**R2 stats (45 min).** Sample size for a conversion test, then a CI for a ratio.\n\n"
    "**R3 case (60 min, Ama Boateng).** Quillon sells booking software to letting agents. Prompt, roughly:\n\n"
    '"One of our clients, Birchwood Lettings, wants to know how many viewing staff to hire for September. '
    "Here is last year's data. What would you tell them?\"\n\n"
    "She shared: 11 staff, 2,400 viewings last September, most on Saturdays.\n\n"
    "I started with monthly totals, which was the wrong grain.\n"
)

BOOK = (
    "Prep book: *Estimation Drills* (3rd ed.), case 7.2, timed at 10 minutes\n\n"
    "> **7.2 Quayside Cycles.** Quayside Cycles runs 60 bike-hire docks in a city of 900,000 people. The operations "
    'lead, Tomas Reyes, wants to add e-bikes to every dock. He asks you: "How many e-bike hires would the city '
    'take in a year, and how many could we get?"\n\n'
    "**My attempt**\n\n- Adults about 700k.\n- Cycle at least monthly: 20%.\n"
)

MOCK = (
    "# Mock with Sol: the grocery-app one\n\n"
    "Sol wrote this case herself. About 30 minutes, written up the same night.\n\n"
    "**Setup she read out:** Basketful is an app that delivers groceries from local shops. Shoppers order and a "
    "courier picks the order up. About 9,000 orders a week across 3 towns. The headline metric is on-time "
    "delivery: share of orders delivered inside the promised hour. It was 91% in May and 76% for the last two "
    "weeks of June.\n\n"
    "Then, in character as Priya, the head of growth:\n\n"
    '> "We think couriers are leaving for a rival app. Do we need to raise the courier fee from £4 to £5 '
    'before it gets worse?"\n\n'
    "I asked what decision hung on it. Answer: the rise costs about £9k a week and she wanted a yes or no by "
    "Monday.\n\n"
    "Then I split lateness by town.\n"
)

STORY = (
    "# Behavioural story: the coupon-stacking work at Marlowe Kitchens\n\n"
    "*(For: a time I pushed back on a stakeholder. Keep it to 3 minutes spoken.)*\n\n"
    "Marlowe Kitchens sells kitchenware online, about £24m a year when I was there. I was the only analyst in the "
    "trading team. About 6% of orders stacked two or more codes. Finance put the margin lost at about £700k a "
    "year.\n\n"
    "Ruth Okafor, head of trading, came to me in March with a very specific ask. She'd seen a forum thread about "
    "stacking and wanted a model to find the stackers and block their accounts.\n\n"
    "I built the score anyway, because it was worth knowing what it would find.\n"
)

SHEET = (
    "CDC CHEAT SHEET\n\n"
    "OPS RISK: a replication slot keeps the write-ahead log until the consumer acks, so a dead connector fills the "
    "disk.\n"
    "DELIVERY: assume at-least-once delivery, so every load must be idempotent.\n"
)


def test_a_loops_case_round_is_the_case_and_the_client_who_asks_is_its_business() -> None:
    facts = case_facts(chunks_of("debrief_quillon.md", LOOP))
    assert facts.business == "Birchwood Lettings", facts
    assert facts.opening.startswith("One of our clients, Birchwood Lettings, wants to know"), facts.opening
    assert "ROW_NUMBER" not in facts.opening and "R1" not in facts.opening


def test_a_books_case_number_is_never_said_and_its_directors_question_is() -> None:
    facts = case_facts(chunks_of("prepbook_quayside.md", BOOK))
    assert facts.business == "Quayside Cycles" and facts.shape == "sizing", facts
    assert facts.opening.startswith("Quayside Cycles runs 60 bike-hire docks"), facts.opening
    assert facts.opening.endswith('He asks you: "How many e-bike hires would the city take in a year, and how many '
                                  'could we get?"'), facts.opening  # fmt: skip


def test_a_set_up_read_out_unquoted_is_the_opening_with_the_question_its_speaker_put_after_it() -> None:
    facts = case_facts(chunks_of("mock_basketful.md", MOCK))
    assert facts.business == "Basketful", facts
    assert facts.opening.startswith("Basketful is an app that delivers groceries"), facts.opening
    assert "It was 91% in May and 76% for the last two weeks of June." in facts.opening
    assert facts.opening.endswith(
        'Priya, the head of growth, asks: "We think couriers are leaving for a rival app. Do we need to raise the '
        'courier fee from £4 to £5 before it gets worse?"'
    ), facts.opening
    assert "Answer" not in facts.opening and "£9k" not in facts.opening
    assert facts.change == "raising the courier fee from £4 to £5", facts


def test_a_question_asked_with_do_we_need_to_names_the_change_without_its_reason() -> None:
    asked = "Do we need to raise the service charge we pay drivers from £3 to £4 because costs went up?"
    assert case_change([asked], "Basketful").phrase == "raising the service charge from £3 to £4"


def test_a_storys_business_and_what_was_asked_of_the_note_taker_open_it() -> None:
    facts = case_facts(chunks_of("story_marlowe.md", STORY))
    assert facts.opening.startswith("Marlowe Kitchens sells kitchenware online, about £24m a year."), facts.opening
    assert "when I was there" not in facts.opening
    assert facts.opening.endswith(
        "Ruth Okafor, head of trading, came to me in March with a very specific ask. She'd seen a forum thread about "
        "stacking and wanted a model to find the stackers and block their accounts."
    ), facts.opening


def test_a_cheat_sheets_capitalised_label_is_no_method_the_candidate_named() -> None:
    sections, _ = read_sections("03_cdc.txt", SHEET.encode())
    items = [i for c in build_chunks("03_cdc.txt", "/03_cdc.txt", "h", sections) for i in build_items(c)]
    points = [p for i in items for p in i.points]
    assert labels_only("OPS RISK", points) and not labels_only("CDC", points)
    answer = "I would watch OPS RISK here, and make every load idempotent."
    taken = take_up(
        answer, items, "Courier lateness", set(), load_frames(), random.Random(0), set(), load_templates(), "Basketful"
    )
    assert taken is None or taken.term != "OPS RISK", taken


def test_a_sizing_cases_push_asks_for_the_number_never_the_evaluation_stages_question(interviewer_home: Path) -> None:
    notes = interviewer_home.parent / "notes"
    notes.mkdir(parents=True)
    (notes / "prepbook_quayside.md").write_text(BOOK, encoding="utf-8")
    app = make_app(interviewer_home)
    ingest([str(notes)], app.store, 10**8)

    def missing_at_method(question: Question) -> ScoreResult:
        # the method answer misses a point with no term of its own; every other answer is complete
        if question.stage == "method" and not question.follow_up:
            return case_score(0.5, ({"text": "It depends on the share of the market.", "chunk_id": ""},))
        return case_score(1.0)

    config = SessionConfig(kind=Kind.CASE, questions=9, seed=1, topic="Estimation Drills")
    asked = play_scored(app, config, "I would start from adults who cycle and how often they hire.", missing_at_method)
    pushes = [q.text for q in asked if q.follow_up and q.stage == "method"]
    templates = load_templates().case
    assert pushes and all(
        text.startswith(tuple(t.split("{business}")[0] for t in templates["push-open-sizing"])) for text in pushes
    ), pushes
    evaluation = " ".join(q.text for q in asked if q.stage == "evaluation" and not q.follow_up)
    assert evaluation and not any(
        " ".join(words) in evaluation
        for text in pushes
        for words in zip(*(text.split()[i:] for i in range(4)), strict=False)
    ), (pushes, evaluation)
