"""What a new candidate tripped over in the page (issue 16), checked in a real headless browser: ending a session
before any answer, long answers in the feedback panel, the progress charts' labels and legends, and one mode
history in History."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from interviewer.core.domain import Mode, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.storage.persistence import SessionRepository
from tests.browser.harness import LONG, NOTE, Server, serve, start_interview, wait_for_turn

LONG_TOPIC = "Feature engineering and target leakage in time-series forecasting pipelines"
# One unbroken line, far wider than the panel: the code block it sat in did not wrap and cut it off.
LONG_ANSWER = "Shrinkage <b>&amp;</b> subsampling: " + " ".join(f"tree{n}_learns_the_residual" for n in range(60))


def seed_history(home: Path) -> None:
    """Three sessions on one day (one switched to challenge mode), one on a topic with a long name."""
    repo = SessionRepository(home / "sessions.sqlite3")
    day = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0) - timedelta(days=1)
    plan = [(0, LONG_TOPIC, (Mode.STANDARD,)), (35, "Gradient Boosting", (Mode.STANDARD, Mode.CHALLENGE)),
            (90, LONG_TOPIC, (Mode.STANDARD,))]  # fmt: skip
    for minutes, topic, modes in plan:
        started = day + timedelta(minutes=minutes)
        session_id = repo.create(SessionConfig(questions=len(modes)), started)
        for number, mode in enumerate(modes, 1):
            question = Question(turn=number, text=f"About {topic}?", kind="deep-dive", topic=topic, level=2)
            repo.save_question(session_id, question, mode, started + timedelta(minutes=number))
            turn = Turn(question, "an answer", ScoreResult.from_json({"total": 0.3 + 0.2 * number, "criteria": []}))
            repo.save_answer(session_id, turn, started + timedelta(minutes=number, seconds=30))
        repo.finish(session_id, None)
    repo.close()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """An app whose data directory already holds the gradient boosting note and three past sessions."""
    home = tmp_path_factory.mktemp("seeded-home")
    environment = {**os.environ, "INTERVIEWER_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "interviewer", "ingest", str(NOTE)], env=environment, check=True)
    seed_history(home)
    with serve(home, env={"INTERVIEWER_THREADS": "2"}) as running:
        yield running


# Gradio's loading overlay, which sits in History while opening the tab refreshes it (issue 22): "processing |
# 0.1/0.0s", "queue: 1/1 | 0.1/0.1s", "0.1s". It is not the sessions list, and a read may land while it shows.
_OVERLAY = re.compile(r"^(processing|queue:).*|^[\d.]+(/[\d.]+)?s$")


def history_text(page: Any) -> str:
    """History's sessions as the page lists them, without the loading overlay's lines."""
    page.get_by_role("tab", name="History").click()
    page.wait_for_function("() => (document.querySelector('#history')?.innerText || '').includes('deep')", timeout=LONG)
    text = str(page.locator("#history").inner_text())
    return "\n".join(line for line in text.splitlines() if not _OVERLAY.match(line.strip()))


def test_ending_before_any_answer_ends_cleanly_and_keeps_nothing(seeded: Server, browser: Any, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(seeded.url)
    before = history_text(page)
    start_interview(page, questions=3, challenge=False)
    assert "Your turn" in wait_for_turn(page)
    page.locator("#end").click()
    page.wait_for_function(
        "() => /ended before any answer/.test(document.querySelector('#status')?.innerText || '')", timeout=LONG
    )
    page.screenshot(path=shots / "ended-empty.png", full_page=True)
    assert "Your turn" not in page.locator("#status").inner_text()
    assert page.locator("#submit").is_disabled() and "Q1 ·" not in page.locator("#chat").inner_text()
    after = history_text(page)
    assert after == before and "unfinished" not in after  # no empty "unfinished" session was left behind
    page.reload()  # nothing comes back: there is no session to resume
    assert history_text(page) == before
    page.get_by_role("tab", name="Interview").click()
    assert "Q1 ·" not in page.locator("#chat").inner_text() and "Your turn" not in page.locator("#status").inner_text()


def test_long_answers_wrap_in_the_feedback_panel(seeded: Server, browser: Any, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(seeded.url)
    start_interview(page, questions=1, challenge=False)
    wait_for_turn(page)
    page.locator("#answer textarea").fill(LONG_ANSWER)
    page.locator("#submit").click()
    page.wait_for_function("() => /Score \\d/.test(document.querySelector('#chat')?.innerText || '')", timeout=LONG)
    assert "All questions answered" in wait_for_turn(page)
    page.locator("#end").click()
    page.wait_for_function(
        "() => /Interview feedback/.test(document.querySelector('#feedback')?.innerText || '')", timeout=LONG
    )
    page.locator("#feedback").scroll_into_view_if_needed()
    page.screenshot(path=shots / "feedback-long-answer.png", full_page=True)
    blocks = page.evaluate(
        """() => [...document.querySelectorAll('#feedback pre')].map(pre => {
            const panel = document.querySelector('#feedback').getBoundingClientRect();
            const box = pre.getBoundingClientRect();
            return {text: pre.innerText, cut: pre.scrollWidth - pre.clientWidth, right: box.right - panel.right};
        })"""
    )
    answer = next(block for block in blocks if "tree59_learns_the_residual" in block["text"])
    assert answer["cut"] <= 1 and answer["right"] <= 1  # nothing hidden past the panel's edge
    assert " ".join(answer["text"].split()) == LONG_ANSWER  # the whole answer, its markup shown as text
    assert page.locator("#feedback b").count() == 0
    assert "Session finished" in page.locator("#status").inner_text()


def test_progress_labels_are_distinct_legends_whole_and_history_shows_the_mode_switch(
    seeded: Server, browser: Any, shots: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(seeded.url)
    assert "standard → challenge" in history_text(page)  # History said "standard" for a switched session
    page.get_by_role("tab", name="Progress").click()
    page.locator("#refresh-progress").click()
    page.wait_for_function("() => document.querySelectorAll('#progress-charts svg').length >= 2", timeout=LONG)
    page.screenshot(path=shots / "progress.png", full_page=True)
    chart = page.evaluate(
        """() => {
            const svg = document.querySelector('#progress-charts svg');
            const width = svg.getBoundingClientRect().right;
            const labels = [...svg.querySelectorAll('text.x-label')].map(t => t.textContent);
            const legends = [...document.querySelectorAll('#progress-charts text.legend')].map(t => ({
                text: t.textContent,
                overflow: t.getBoundingClientRect().right - t.ownerSVGElement.getBoundingClientRect().right,
            }));
            return {labels, legends, width};
        }"""
    )
    seeded_labels = chart["labels"][:3]  # the three sessions of one day, then today's if a test above ran
    assert len(set(seeded_labels)) == 3 and all(":" in label for label in seeded_labels)
    long_names = [legend for legend in chart["legends"] if legend["text"].startswith("Feature")]
    assert long_names and all(legend["text"].replace(" ", "") == LONG_TOPIC.replace(" ", "") for legend in long_names)
    assert all(legend["overflow"] <= 1 for legend in chart["legends"])  # every name inside the chart
    assert "standard → challenge" in page.locator("#progress-charts").inner_text()
    assert "not yet implemented" not in "".join(seeded.output)  # the server log's column_limits warning is gone


def test_a_mistake_is_a_notice_and_the_page_stays_usable(seeded: Server, browser: Any, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(seeded.url)
    start_interview(page, questions=2, challenge=False, kind="Case study")  # the notes hold no case study
    # Issue 21: a case still runs, built from a topic's notes, and the page says so.
    page.wait_for_function("() => /hold no case study, so this case is built/.test(document.body.innerText)",
                           timeout=LONG)  # fmt: skip
    page.screenshot(path=shots / "case-without-case-notes.png", full_page=True)
    assert "--kind" not in page.locator("body").inner_text()  # the command line's wording has no place here
    assert page.get_by_text("Error", exact=True).count() == 0  # no red badge on every panel
    start_interview(page, questions=2, challenge=False)
    wait_for_turn(page)
    page.locator("#submit").click()  # nothing typed
    page.wait_for_function("() => /Type an answer first/.test(document.body.innerText)", timeout=LONG)
    assert page.get_by_text("Error", exact=True).count() == 0
    # The notice shows before the button is given back: wait for it (on a busy machine the check raced it).
    page.wait_for_function(
        "() => { const b = document.querySelector('#submit'); return b !== null && !b.disabled; }", timeout=LONG
    )
    assert "Q1 ·" in page.locator("#chat").inner_text()
