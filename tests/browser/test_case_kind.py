"""A case says what it read its note as, and the candidate who finds it misread picks the case's kind and starts
again: checked in a real headless browser on a case note of the corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.harness import LONG, Server, serve, start_interview, wait_for_turn
from tests.conftest import CORPUS

CASE_NOTE = CORPUS / "cases" / "churn_prediction.md"
OTHER_CASE = CORPUS / "cases" / "fraud_detection.md"


@pytest.fixture(scope="module")
def with_case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """An app whose data directory holds two case notes."""
    home = tmp_path_factory.mktemp("case-kind-home")
    environment = {**os.environ, "INTERVIEWER_HOME": str(home)}
    subprocess.run(
        [sys.executable, "-m", "interviewer", "ingest", str(CASE_NOTE), str(OTHER_CASE)], env=environment, check=True
    )
    with serve(home, env={"INTERVIEWER_THREADS": "2"}) as running:
        yield running


def test_a_case_says_what_it_read_and_asks_the_kind_the_candidate_picks(
    with_case: Server, browser: Any, shots: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(with_case.url)
    start_interview(page, questions=3, challenge=False, kind="Case study")
    wait_for_turn(page)
    page.wait_for_function("() => /I read this case as|could not tell from the note/.test(document.body.innerText)",
                           timeout=LONG)  # fmt: skip
    assert "--case-kind" not in page.locator("body").inner_text()  # the command line's wording has no place here
    # Misread, the candidate picks the kind in the setup panel and starts again.
    page.locator("#case-kind input").click()
    page.get_by_role("option", name="a number to size").click()
    start_interview(page, questions=3, challenge=False, kind="Case study")
    page.wait_for_function("() => /Asked as a number to size, as you set it/.test(document.body.innerText)",
                           timeout=LONG)  # fmt: skip
    wait_for_turn(page)
    page.screenshot(path=shots / "case-kind-picked.png", full_page=True)
    page.locator("#answer textarea").fill("I would ask how churn is defined and what the retention budget is.")
    page.locator("#submit").click()
    page.wait_for_function("() => /Q2 ·[^]*\\?/.test(document.querySelector('#chat')?.innerText || '')", timeout=LONG)
    # The next stage is asked as a number to size ("What number does ... need from you", "into an estimate you can
    # defend"), never as the churn model the note's stages build.
    asked = page.locator("#chat").inner_text().split("Q2 ·", 1)[1]
    assert ("number" in asked or "estimate" in asked) and "model" not in asked.lower(), asked


def test_the_candidate_corrects_the_reading_of_the_case_on_screen_and_the_next_question_follows_it(
    with_case: Server, browser: Any, shots: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(with_case.url)
    pick_topic(page, "churn prediction")
    start_interview(page, questions=3, challenge=False, kind="Case study")
    wait_for_turn(page)
    # The panel says what the case on screen was read as, with the business the questions name.
    page.get_by_role("button", name="Correct the case's reading").click()
    page.wait_for_function("() => /read as .*, for /.test(document.querySelector('#reading-line')?.innerText || '')",
                           timeout=LONG)  # fmt: skip
    business = page.locator("#reading-business textarea, #reading-business input").first
    assert business.input_value() == "the subscription streaming service"
    business.fill("Streamly")
    page.locator("#reading-kind input").click()
    page.get_by_role("option", name="a number to size").click()
    page.locator("#save-reading").click()
    page.wait_for_function("() => /Saved: .*a number to size, for Streamly/.test(document.body.innerText)",
                           timeout=LONG)  # fmt: skip
    page.screenshot(path=shots / "case-reading-saved.png", full_page=True)
    page.locator("#answer textarea").fill("I would ask how a subscriber is counted and over which months.")
    page.locator("#submit").click()
    page.wait_for_function("() => /Q2 ·[^]*\\?/.test(document.querySelector('#chat')?.innerText || '')", timeout=LONG)
    asked = page.locator("#chat").inner_text().split("Q2 ·", 1)[1]
    # From the next question the case is the candidate's: their name for the business, asked as a number to size.
    assert "Streamly" in asked and "model" not in asked.lower(), asked
    # Another case starts: the panel now shows its reading, never the name typed for the last one.
    pick_topic(page, "payment fraud")
    start_interview(page, questions=3, challenge=False, kind="Case study")
    wait_for_turn(page)
    page.wait_for_function(
        "() => /Payment Fraud Detection.*read as/.test(document.querySelector('#reading-line')?.innerText || '')",
        timeout=LONG,
    )
    assert business.input_value() == "the online payment platform"
    page.screenshot(path=shots / "case-reading-next-case.png", full_page=True)


def pick_topic(page: Any, topic: str) -> None:
    """Type a topic into the topic box (the menu matches typed text)."""
    page.get_by_role("tab", name="Interview").click()
    page.wait_for_function("() => (document.querySelector('#topic input')?.value || '') !== ''")
    box = page.locator("#topic input")
    box.click()
    box.fill(topic)  # typed, not picked: Start matches it to a topic
