"""Web app figures with the embedded defaults, in a real headless Chromium: time from page load to the first
question, time from pressing Submit to the first streamed words of the next question (median over ten
turns, and each turn's, the first one apart: a trial user waited 2.5 min there), time from the last answer to the
end of the session (its report written), and the server's peak memory.

Run alone on the machine: `.venv/bin/python -m bench.web_app [--turns 10]`."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import CORPUS, percentile
from tests.browser.harness import chromium, peak_memory_mb, serve

_QUESTION_SHOWN = """n => {
  const text = document.querySelector('#chat')?.innerText || '';
  return text.includes('Q' + n + ' ·');
}"""
_TURN_READY = "() => /Your turn|All questions answered/.test(document.querySelector('#status')?.innerText || '')"
_FINISHED = "() => /All questions answered/.test(document.querySelector('#status')?.innerText || '')"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        subprocess.run(
            [sys.executable, "-m", "interviewer", "ingest", str(CORPUS)],
            env={**os.environ, "INTERVIEWER_HOME": str(home)}, check=True, capture_output=True,
        )  # fmt: skip
        with serve(home) as server, chromium() as browser:
            page = browser.new_page()
            began = time.perf_counter()
            page.goto(server.url)
            page.locator("#questions input[type=number]").fill(str(args.turns + 1))
            page.locator("#questions input[type=number]").press("Enter")
            page.locator("#start").click()
            page.wait_for_function(_QUESTION_SHOWN, arg=1, timeout=120_000, polling="raf")
            first_question = time.perf_counter() - began
            page.wait_for_function(_TURN_READY, timeout=120_000)
            to_first_words: list[float] = []
            answer = (CORPUS / "ml" / "gradient_boosting.md").read_text(encoding="utf-8")[:1500]
            for turn in range(1, args.turns + 1):
                page.locator("#answer textarea").fill(answer)
                pressed = time.perf_counter()
                page.locator("#submit").click()
                page.wait_for_function(_QUESTION_SHOWN, arg=turn + 1, timeout=120_000, polling="raf")
                to_first_words.append(time.perf_counter() - pressed)
                page.wait_for_function(_TURN_READY, timeout=120_000)
            page.locator("#answer textarea").fill(answer)
            pressed = time.perf_counter()
            page.locator("#submit").click()
            page.wait_for_function(_FINISHED, timeout=600_000)
            to_finish = time.perf_counter() - pressed
            memory = peak_memory_mb(server.process.pid)
    print(f"page load -> first question: {first_question:.2f} s")
    print(
        f"submit -> first words of the next question over {len(to_first_words)} turns: "
        f"median {statistics.median(to_first_words):.2f} s, p95 {percentile(to_first_words, 95):.2f} s, "
        f"max {max(to_first_words):.2f} s"
    )
    print("  per turn: " + ", ".join(f"{t:.1f}" for t in to_first_words) + " s")
    print(f"last answer -> session finished: {to_finish:.2f} s")
    print(f"server peak memory: {memory:.0f} MB")


if __name__ == "__main__":
    main()
