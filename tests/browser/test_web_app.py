"""End to end in a real headless browser: upload a note, run a three-question interview with "challenge me"
on, read the score cards, end the session, download the transcript, reload and find the session again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tests.browser.harness import (
    LONG,
    NOTE,
    Server,
    free_port,
    serve,
    settled_chat_text,
    start_interview,
    wait_for_turn,
)


def foreign_requests(page: Any, base: str) -> list[str]:
    """Collect every request the page makes to a host other than the app's."""
    host = urlparse(base).hostname
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if urlparse(request.url).hostname != host else None)
    return seen


def test_upload_interview_feedback_download_and_history(server: Server, browser: Any, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    outside = foreign_requests(page, server.url)
    page.goto(server.url)
    page.get_by_role("tab", name="Your notes").click()
    page.locator("#uploads input[type=file]").set_input_files(str(NOTE))
    page.locator("#add-notes").click()
    page.wait_for_function(
        "() => /files read/.test(document.querySelector('#notes-result')?.innerText || '')", timeout=LONG
    )
    assert "1 files read" in page.locator("#notes-result").inner_text()
    assert "Gradient Boosting" in page.locator("#topics").inner_text()
    page.screenshot(path=shots / "1-notes.png", full_page=True)

    start_interview(page, questions=3, challenge=True)
    answer = NOTE.read_text(encoding="utf-8")
    for turn in (1, 2, 3):
        wait_for_turn(page)
        assert f"Q{turn} ·" in page.locator("#chat").inner_text()
        page.screenshot(path=shots / f"2-question-{turn}.png", full_page=True)
        page.locator("#answer textarea").fill(answer)
        page.locator("#submit").click()
        page.wait_for_function(
            f"() => (document.querySelector('#chat')?.innerText.match(/Score \\d\\.\\d\\d/g) || []).length >= {turn}",
            timeout=LONG,
        )
    status = wait_for_turn(page)
    assert "All questions answered" in status
    chat = page.locator("#chat").inner_text()
    assert chat.count("Score ") >= 3 and "Challenge me: on" in page.locator("#level").inner_text()
    page.locator("#chat").get_by_text("Evidence and", exact=False).first.click()  # fold open the evidence
    page.screenshot(path=shots / "3-score-cards.png", full_page=True)

    page.locator("#end").click()
    page.wait_for_function(
        "() => /Interview feedback/.test(document.querySelector('#feedback')?.innerText || '')", timeout=LONG
    )
    links = page.locator("#files a")
    page.wait_for_function("() => document.querySelectorAll('#files a').length >= 2", timeout=LONG)
    downloaded = {}
    for index in range(2):
        with page.expect_download() as info:
            links.nth(index).click()
        download = info.value
        downloaded[Path(download.suggested_filename).suffix] = Path(download.path()).read_text(encoding="utf-8")
    page.screenshot(path=shots / "4-feedback.png", full_page=True)
    assert set(downloaded) == {".md", ".html"}
    assert downloaded[".md"].startswith("# Interview feedback") and downloaded[".md"].count("**Question:**") == 3
    assert "<svg" in downloaded[".html"] and "Gradient Boosting" in downloaded[".html"]

    session_id = downloaded[".md"].splitlines()[0].rsplit(" ", 1)[-1]
    page.reload()
    page.wait_for_function(
        "() => (document.querySelector('#chat')?.innerText.match(/Score /g) || []).length >= 3", timeout=LONG
    )  # this browser's session came back with the page
    page.get_by_role("tab", name="History").click()
    page.wait_for_function(
        f"() => (document.querySelector('#history')?.innerText || '').includes('{session_id}')", timeout=LONG
    )
    page.screenshot(path=shots / "5-history.png", full_page=True)
    page.get_by_role("tab", name="Progress").click()
    page.locator("#refresh-progress").click()
    page.wait_for_function("() => document.querySelectorAll('#progress-charts svg').length >= 2", timeout=LONG)
    assert "Gradient Boosting" in page.locator("#progress-charts").inner_text()
    page.screenshot(path=shots / "6-progress.png", full_page=True)
    assert outside == []  # nothing the page loads comes from anywhere but this machine


def test_two_browsers_do_not_see_each_others_questions(server: Server, browser: Any, shots: Path) -> None:
    first = browser.new_context().new_page()
    second = browser.new_context().new_page()
    for page in (first, second):
        page.goto(server.url)
    if "Gradient Boosting" not in first.locator("#topic").inner_text():
        first.get_by_role("tab", name="Your notes").click()
        first.locator("#uploads input[type=file]").set_input_files(str(NOTE))
        first.locator("#add-notes").click()
        first.wait_for_function(
            "() => /files read/.test(document.querySelector('#notes-result')?.innerText || '')", timeout=LONG
        )
    start_interview(first, questions=2, challenge=False)
    start_interview(second, questions=2, challenge=True)
    wait_for_turn(first)
    wait_for_turn(second)
    first.locator("#answer textarea").fill(NOTE.read_text(encoding="utf-8"))
    first.locator("#submit").click()
    first.wait_for_function("() => /Score \\d/.test(document.querySelector('#chat')?.innerText || '')", timeout=LONG)
    wait_for_turn(first)
    first.screenshot(path=shots / "browser-1.png", full_page=True)
    second.screenshot(path=shots / "browser-2.png", full_page=True)
    one, two = first.locator("#chat").inner_text(), second.locator("#chat").inner_text()
    assert "Q2 ·" in one and "Score " in one
    assert "Q2 ·" not in two and "Score " not in two  # the other browser's answer never reached this one
    assert "Challenge me: on" in second.locator("#level").inner_text()
    assert "Challenge me: on" not in first.locator("#level").inner_text()


def test_a_reload_after_a_server_restart_brings_the_session_back(browser: Any, shots: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    environment = {**os.environ, "INTERVIEWER_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "interviewer", "ingest", str(NOTE)], env=environment, check=True)
    port = free_port()  # the same address after the restart: the browser keeps the session id per address
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    with serve(home, port=port) as server:
        page.goto(server.url)
        start_interview(page, questions=3, challenge=False)
        wait_for_turn(page)
        page.locator("#answer textarea").fill(NOTE.read_text(encoding="utf-8"))
        page.locator("#submit").click()
        page.wait_for_function("() => /Q2 ·/.test(document.querySelector('#chat')?.innerText || '')", timeout=LONG)
        wait_for_turn(page)
        before = settled_chat_text(page)
        unsent = "Half an answer, not sent yet: shrinkage slows learning so each tree"
        page.locator("#answer textarea").press_sequentially(unsent)
        page.wait_for_timeout(1500)  # the draft reaches this browser's storage as it is typed
    with serve(home, port=port) as server:
        page.reload()
        page.wait_for_function("() => /Q2 ·/.test(document.querySelector('#chat')?.innerText || '')", timeout=LONG)
        page.screenshot(path=shots / "after-restart.png", full_page=True)
        assert settled_chat_text(page) == before
        assert page.locator("#answer textarea").input_value() == unsent  # what was typed came back with the page
        page.locator("#answer textarea").fill("Shrinkage: a small learning rate with more trees generalises better.")
        page.locator("#submit").click()
        page.wait_for_function("() => /Q3 ·/.test(document.querySelector('#chat')?.innerText || '')", timeout=LONG)
