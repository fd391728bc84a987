"""`interviewer serve` while its model process is killed with SIGSEGV in the middle of a generation: the page says
so in one line, the question comes from its template, the session goes on, other pages keep working, and every
answer is saved."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.browser.harness import LONG, NOTE, serve, start_interview, wait_for_turn
from tests.model_process import ModelKiller, loaded_model_process

QUESTIONS = 4


def test_the_web_app_survives_a_model_crash_mid_generation(browser: Any, shots: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    environment = {**os.environ, "INTERVIEWER_HOME": str(home), "INTERVIEWER_THREADS": "2"}
    subprocess.run([sys.executable, "-m", "interviewer", "ingest", str(NOTE)], env=environment, check=True)
    with serve(home, env={"INTERVIEWER_THREADS": "2"}) as server:
        killer = ModelKiller(server.process.pid)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(server.url)
            start_interview(page, questions=QUESTIONS, challenge=False)
            wait_for_turn(page)
            assert loaded_model_process(server.process.pid) is not None  # warmed up at start: the model has loaded
            killer.arm()
            statuses = []
            for turn in range(1, QUESTIONS + 1):
                page.locator("#answer textarea").fill(f"Answer {turn}: " + NOTE.read_text(encoding="utf-8")[:600])
                page.locator("#submit").click()
                page.wait_for_function(
                    f"() => (document.querySelector('#chat')?.innerText.match(/Score \\d/g) || []).length >= {turn}",
                    timeout=LONG,
                )
                statuses.append(wait_for_turn(page))
            page.screenshot(path=shots / "after-crash.png", full_page=True)
        finally:
            killer.close()
        assert killer.killed is not None, "the model never generated after the first question"
        notice = "The model stopped (SIGSEGV); questions continue from templates while it restarts."
        assert sum(notice in status for status in statuses) == 1, statuses
        assert "All questions answered" in statuses[-1]
        assert server.process.poll() is None  # the web server lives on
        other = browser.new_context().new_page()  # and serves every page
        other.goto(server.url)
        other.get_by_role("tab", name="History").click()
        other.wait_for_function(
            "() => /finished|unfinished/.test(document.querySelector('#history')?.innerText || '')", timeout=LONG
        )
    listed = subprocess.run(
        [sys.executable, "-m", "interviewer", "sessions", "--json"], env=environment, capture_output=True, text=True
    )
    sessions = json.loads(listed.stdout)["sessions"]
    assert [s["answered"] for s in sessions] == [QUESTIONS]
