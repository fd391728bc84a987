"""Round 71's case notes: a past-job story whose title names the business with an '&' in brackets, a copied prompt
with the book's timing after its closing quote, a business introduced with a bracket a ';' cuts, the metric shown on
a screenshot, and a change the opening's question asks about but never tells. Every note is made up for the test."""

from __future__ import annotations

import random

from interviewer.interview.case_questions import case_draft
from interviewer.interview.cases import case_facts
from interviewer.interview.templates import load_templates
from tests.helpers import chunks_of, stage_drafts

ROASTER = (
    "# Past job story: which bakeries get a rep visit (Hobb & Lark Flour, 2021)\n\n"
    'My "time my analysis changed a decision" story.\n\n'
    "Hobb & Lark: Leeds flour miller, about 900 bakery accounts across the North, 40 products. Four reps at about 10 "
    "visits a week each: about 520 visits a quarter for 900 accounts. When I joined, reps visited every account whose "
    "orders fell more than 20% month on month.\n\n"
    "I suspected regression to the mean and held back a random quarter of the flagged list.\n"
)

CHARGERS = (
    "# Practice case — cycle hangars for a council (from a prep book, case 9)\n\n"
    'Copied prompt: "Ashby District Council owns 30 streets of terraced housing with no front gardens. It has a £400k '
    "grant to install secure cycle hangars by April 2026. The head of transport asks you: how many should we "
    'install, and on which streets?" 20 minutes, pen and paper; data on request.\n\n'
    "My attempt. Ashby has about 9,000 households on those streets and, say, 0.6 bikes each.\n"
)

BIRDS = (
    'Mock #2 — "Why did WAU fall off a cliff?" (moth app) — Lena, Slack huddle, 4 Dec\n\n'
    "Lena played a product director at Dusk, a moth-recording app (you log species, count, trap; there's a season "
    "list, and a widget for quick logging). He opened with a screenshot: weekly active users 21,400 in the week of "
    '4 September, 15,100 in the week of 18 September. Minus 29% in two weeks. "The CEO has seen it. Go."\n\n'
    "I asked about seasonality first. She gave me last year: the same two weeks fell 5%.\n"
)

TRAMPOLINE = (
    "# Mock case: did the trampoline-park season ticket work? (Omar, 9 Jan)\n\n"
    "Omar ran this over Zoom, about 35 min.\n\n"
    "Her setup: Springfield Jump is a chain of 9 trampoline parks across Kent. A walk-in jump costs £12 per child. "
    "On 1 April 2024 they launched a season ticket at £99 per child, unlimited jumps except Sunday mornings, first at "
    "5 parks, then at the other 4 from 1 October. The MD's claim: \"It worked — jumps at the ticket parks are up 18% "
    'April–September versus last year." Her question was simply whether I agreed.\n\n'
    "I started by asking who bought the ticket.\n"
)


def test_a_past_job_story_titled_with_its_business_in_brackets_is_a_case_of_whom_to_visit() -> None:
    chunks = chunks_of("roaster.md", ROASTER)
    assert chunks and all(chunk.kind == "case" for chunk in chunks)
    facts = case_facts(chunks)
    assert facts.business == "Hobb & Lark" and facts.targets, facts


def test_a_copied_prompt_is_the_opening_and_its_how_many_makes_a_sizing_case() -> None:
    facts = case_facts(chunks_of("hangars.md", CHARGERS))
    assert facts.shape == "sizing", facts.shape
    assert facts.opening.endswith("how many should we install, and on which streets?"), facts.opening
    assert "pen and paper" not in facts.opening and "0.6 bikes" not in facts.opening, facts.opening
    drafts = stage_drafts(chunks_of("hangars.md", CHARGERS), ("method", "experiment", "deployment"), 2)
    assert not any(word in text for text in drafts for word in ("randomise", "the change", "roll the change")), drafts


def test_a_cut_bracket_is_left_out_and_the_screenshot_gives_the_metric_that_moved() -> None:
    facts = case_facts(chunks_of("moths.md", BIRDS))
    assert facts.opening.startswith("Dusk is a moth-recording app."), facts.opening
    assert "Weekly active users 21,400" in facts.opening and "Minus 29%" in facts.opening, facts.opening
    assert "fell 5%" not in facts.opening and "(" not in facts.opening, facts.opening


def test_an_opening_that_asks_whether_a_change_worked_tells_the_change_and_asks_one_thing_after() -> None:
    chunks = chunks_of("jump.md", TRAMPOLINE)
    facts = case_facts(chunks)
    assert "they launched a season ticket at £99" in facts.opening, facts.opening
    assert 'The MD says: "It worked' in facts.opening and "claim:" not in facts.opening, facts.opening
    for seed in range(4):
        text = case_draft(
            "clarify", chunks[0].topic, chunks, [], None, load_templates(), random.Random(seed), set(), True
        )
        assert "Where do you start?" not in text.text, text.text


def test_figures_then_minus_a_share_name_the_drop_in_the_metric() -> None:
    drafts = stage_drafts(chunks_of("moths.md", BIRDS), ("frame", "evaluation"), 2)
    assert all("drop" in text and "movement" not in text for text in drafts), drafts
    assert any("the drop in weekly active users at Dusk" in text for text in drafts), drafts
