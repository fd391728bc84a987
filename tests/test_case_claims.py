"""Round 60's case notes, read as a candidate wrote them: a real interview's question at a named business, its
prompt quoted on its own after the figures shown (a claim to check: "Do you believe them?"), a change asked after
by its bare name ("whether twin-stream worked"), and a list of whom to target that the title asks about."""

from __future__ import annotations

from interviewer.ingest.pipeline import read_sections
from interviewer.ingest.sections import note_kind
from interviewer.interview.case_givens import spoken
from interviewer.interview.case_opening import moved_metric
from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of, stage_drafts

GIFT_SHOP = (
    "Real final-round question at Petalpost (online gift shop), written up on the bus, Fri 12 April\n\n"
    "Half an hour in, Dominic (senior analyst) shared his screen:\n\n"
    "- weekly checkout conversion (orders / unique visitors): 3.1% for 16 weeks\n"
    "- week of Mon 4 March: 3.8%, and 3.7–3.9% every week since\n"
    "- orders that week: 22,400, vs 21,900 the week before\n\n"
    '"Marketing says the new banner lifted conversion 22%. Do you believe them?"\n\n'
    "I started with the ratio. Orders rose only 2%, so the denominator must have shrunk: about 15% fewer visitors. "
    "Dominic said sessions in the analytics tool were up. The visitor count had moved to a new pipeline that "
    "deduplicated users across days.\n\n"
    "Lesson: split a ratio before believing a story about it.\n"
)


def test_a_real_interview_question_at_a_named_business_is_a_case() -> None:
    sections, _ = read_sections("notes/gift.md", GIFT_SHOP.encode())
    assert note_kind("notes/gift.md", sections) == "case"
    quiz = (
        "Interview questions at Google, collected from forums\n\nQ: What is PCA?\nA: A projection.\n\nQ: Why?\nA: X.\n"
    )
    sections, _ = read_sections("notes/quiz.md", quiz.encode())
    assert note_kind("notes/quiz.md", sections) == "note"  # a collection of questions is no case


def test_the_prompt_quoted_on_its_own_is_the_ask_and_ends_the_opening() -> None:
    facts = case_facts(chunks_of("gift.md", GIFT_SHOP))
    assert facts.business == "Petalpost"
    assert facts.opening.endswith("Do you believe them?"), facts.opening
    assert "Orders rose only 2%" not in facts.opening  # the candidate's answer after it
    assert facts.shape == "drop"  # a metric that moved, with a claim about why: explain it


def test_a_claim_that_something_lifted_the_metric_is_a_rise_and_a_range_is_no_fall() -> None:
    assert moved_metric("Marketing says the new banner lifted conversion 22%. Do you believe them?") == (
        "conversion",
        "rise",
    )
    assert moved_metric("Week of Mon 4 March: 3.8%, and 3.7–3.9% every week since.")[1] != "drop"
    drafts = stage_drafts(chunks_of("gift.md", GIFT_SHOP), ("frame", "data"), 2)
    assert any("rise in conversion" in text for text in drafts) and not any("drop" in text for text in drafts), drafts


def test_a_quoted_question_keeps_its_question_mark() -> None:
    assert spoken('"Do you believe them?"') == "Do you believe them?"
    assert spoken('"The banner went live on Tuesday"') == "The banner went live on Tuesday."


def test_a_change_asked_after_by_its_bare_name_is_a_change_made() -> None:
    note = (
        "Mock case: library opening hours (Sam as interviewer, 3 May)\n\n"
        "Sam built this from her old job. Wexbridge Council runs 14 branch libraries with about 310,000 visits a "
        "year. In January 2024 it moved 6 branches to self-service evenings, staffed by nobody after 5pm. The aim was "
        "to open longer for the same cost. A year on, the head of libraries wants to know whether self-service "
        "worked and whether to extend it to the other 8 branches.\n\n"
        "I started by asking what worked meant. Visits in the self-service branches rose 9%.\n"
    )
    facts = case_facts(chunks_of("libraries.md", note))
    assert facts.shape == "change" and facts.made, (facts.shape, facts.made)


def test_a_list_the_title_asks_about_names_the_people_the_opening_counts() -> None:
    note = (
        "Corwen Gas: who gets the early-service discount (story from my last job)\n\n"
        "Corwen Gas services boilers in Wales: about 40,000 customers on a service plan, 30 engineers, four "
        "patches. In autumn demand ran about 1,200 jobs over capacity, so jobs slipped into January.\n\n"
        "The plan was 3,000 letters offering £10 off for a spring visit. Acceptance was 15% in a random test.\n"
    )
    drafts = stage_drafts(chunks_of("corwen.md", note), ("frame", "data", "method", "experiment"), 3)
    assert not any("candidate" in text for text in drafts), drafts
    assert any("each customer" in text or "which customers" in text for text in drafts), drafts
