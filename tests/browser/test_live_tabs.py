"""Issue 22, items 2, 3 and 4 in a real headless browser: History and Progress show sessions saved after the page
loaded (in the terminal, say) as soon as their tab is opened; the session chosen in History stays chosen while
its transcript is open; text typed into the topic box is matched to a topic, or nothing starts and the page
says why."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from interviewer.core.domain import Mode, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.storage.persistence import SessionRepository
from tests.browser.harness import LONG, NOTE, Server, serve, wait_for_turn
from tests.browser.test_page_fixes import seed_history
from tests.conftest import CORPUS

SOON = 20_000  # ms: a tab shows its data at once; a reload is not what made it appear


@dataclass
class Seeded:
    server: Server
    home: Path


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """The gradient boosting note and the SQL notes, three past sessions, and the app serving them."""
    home = tmp_path_factory.mktemp("live-tabs-home")
    environment = {**os.environ, "INTERVIEWER_HOME": str(home)}
    subprocess.run(
        [sys.executable, "-m", "interviewer", "ingest", str(NOTE), str(CORPUS / "sql")], env=environment, check=True
    )
    seed_history(home)
    with serve(home, env={"INTERVIEWER_THREADS": "2"}) as running:
        yield Seeded(running, home)


def save_terminal_session(home: Path, topic: str) -> str:
    """A finished one-answer session written to the data directory by another process, as `interviewer mock`
    in a terminal does while the page is open; its id."""
    repo = SessionRepository(home / "sessions.sqlite3")
    started = datetime.now(UTC) - timedelta(minutes=5)
    session_id = repo.create(SessionConfig(questions=1, topic=topic), started)
    question = Question(turn=1, text=f"What is {topic}?", kind="deep-dive", topic=topic, level=1)
    repo.save_question(session_id, question, Mode.STANDARD, started)
    turn = Turn(question, "an answer", ScoreResult.from_json({"total": 0.55, "criteria": []}))
    repo.save_answer(session_id, turn, started + timedelta(minutes=1))
    repo.finish(session_id, None)
    repo.close()
    return session_id


def open_tab(page: Any, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def sessions_counted(page: Any) -> int:
    match = re.search(r"(\d+) sessions, as of", page.locator("#progress-charts").inner_text())
    assert match is not None, "the progress charts say how many sessions they show"
    return int(match.group(1))


def test_history_and_progress_show_a_session_saved_after_the_page_loaded(
    seeded: Seeded, browser: Any, shots: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(seeded.server.url)
    open_tab(page, "Progress")
    page.wait_for_function("() => /sessions, as of/.test(document.querySelector('#progress-charts')?.innerText)")
    before = sessions_counted(page)
    open_tab(page, "History")
    page.wait_for_function("() => (document.querySelector('#history')?.innerText || '').includes('deep')")
    topic = "Terminal Window Functions"
    session_id = save_terminal_session(seeded.home, topic)
    open_tab(page, "Interview")
    open_tab(page, "Progress")  # no reload, no Refresh button: opening the tab shows the data as it is now
    page.wait_for_function(
        "topic => (document.querySelector('#progress-charts')?.innerText || '').includes(topic)", arg=topic,
        timeout=SOON,
    )  # fmt: skip
    page.screenshot(path=shots / "progress-after-terminal-session.png", full_page=True)
    assert sessions_counted(page) == before + 1
    open_tab(page, "History")
    page.wait_for_function(
        "id => (document.querySelector('#history')?.innerText || '').includes(id)", arg=session_id, timeout=SOON
    )
    page.screenshot(path=shots / "history-after-terminal-session.png", full_page=True)
    assert session_id in page.locator("#history").inner_text()


def test_the_session_chosen_in_history_stays_chosen_while_its_transcript_is_shown(
    seeded: Seeded, browser: Any, shots: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(seeded.server.url)
    open_tab(page, "History")
    page.wait_for_function("() => (document.querySelector('#history')?.innerText || '').includes('deep')")
    ids = [row["id"] for row in SessionRepository(seeded.home / "sessions.sqlite3").list()]
    newest, oldest = ids[0], ids[-1]
    picked = page.locator("#picked input")
    page.wait_for_function("id => document.querySelector('#picked input')?.value === id", arg=newest)
    picked.click()
    page.get_by_role("option", name=oldest, exact=True).click()
    page.locator("#open-report").click()
    page.wait_for_function(
        "id => (document.querySelector('#history-report')?.innerText || '').includes('Interview feedback: ' + id)",
        arg=oldest, timeout=LONG,
    )  # fmt: skip
    page.wait_for_timeout(1500)  # the History table refreshes with the same click; let it finish
    page.screenshot(path=shots / "history-older-session.png", full_page=True)
    assert picked.input_value() == oldest  # it snapped back to the newest id
    assert f"Interview feedback: {oldest}" in page.locator("#history-report").inner_text()


def test_typed_topic_text_is_matched_to_a_topic_or_nothing_starts(seeded: Seeded, browser: Any, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(seeded.server.url)
    open_tab(page, "Interview")
    box = page.locator("#topic input")
    page.wait_for_function("() => (document.querySelector('#topic input')?.value || '').startsWith('Chosen for me')")
    box.click()
    box.fill("gradient boo")  # typed, not picked from the list, then left
    page.locator("#kind").get_by_label("Deep dive").check()
    page.locator("#start").click()
    assert "Your turn" in wait_for_turn(page)
    page.screenshot(path=shots / "typed-topic-started.png", full_page=True)
    assert "Q1 · Gradient Boosting" in page.locator("#chat").inner_text()
    assert box.input_value() == "Gradient Boosting"  # the box says which topic the text was matched to
    page.locator("#end").click()  # ended before any answer: nothing kept
    page.wait_for_function("() => /ended before any answer/.test(document.querySelector('#status')?.innerText)")

    box.click()
    box.fill("quantum entanglement")
    page.locator("#kind").get_by_label("Deep dive").check()
    page.locator("#start").click()
    page.wait_for_function("() => /no topic matches/.test(document.body.innerText)", timeout=LONG)
    page.screenshot(path=shots / "typed-topic-unmatched.png", full_page=True)
    assert "no topic matches “quantum entanglement”: pick one from the list" in page.locator("body").inner_text()
    assert "Q1 ·" not in page.locator("#chat").inner_text() and "started" not in page.locator("#status").inner_text()
