"""Submit -> next question shown, for a scripted candidate who takes --think seconds to write each answer, with and
without preparing the likely next questions while they write (INTERVIEWER_PREFETCH).

The candidate alternates strong and weak answers (so the level moves both ways); the time measured is from
submitting an answer to having the next question (scoring, saving and realising included), as in the app. The
model's phrasing verdict is reset for each run, so both runs give the model the same chances.

Run alone on the machine:
`.venv/bin/python -m bench.prefetch [--model qwen2.5-coder-1.5b] [--questions 8] [--think 30]`."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.common import CORPUS, peak_rss_mb, percentile
from interviewer.app import App
from interviewer.core.domain import Kind, Mode, Question
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest
from interviewer.interview.phrasing import forget_verdicts
from interviewer.llm.locate import resolve_model_path
from interviewer.settings import Settings


def answer_for(question: Question, turn: int) -> str:
    """Strong on odd turns (the text of the question's sources), weak on even ones."""
    return " ".join(source["text"] for source in question.sources) if turn % 2 else "I think it depends on the data."


def run(app: App, questions: int, think: float) -> tuple[list[float], int]:
    """Latencies, and how many phrasings were ready when needed."""
    forget_verdicts()
    session = app.interviewer.start(
        SessionConfig(kind=Kind.DEEP_DIVE, mode=Mode.STANDARD, questions=questions, seed=21)
    )
    latencies = []
    question = session.next_question()
    turn = 1
    while question is not None:
        time.sleep(think)  # the candidate writes; the model may prepare meanwhile
        start = time.perf_counter()
        session.answer(answer_for(question, turn))
        question = session.next_question()
        latencies.append(time.perf_counter() - start)
        turn += 1
    phraser = app.interviewer.phraser
    return latencies[:-1], phraser.memo.hits if phraser is not None else 0  # the last one ends the session


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=None, help="a GGUF path or a packaged model name (default: embedded)")
    parser.add_argument("--questions", type=int, default=8)
    parser.add_argument("--think", type=float, default=30.0, help="seconds the candidate takes per answer")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    model = str(resolve_model_path(Path(args.model), Settings.from_env().models_dir)) if args.model else None
    for prefetch in (False, True):
        with tempfile.TemporaryDirectory(prefix="bench-prefetch-") as folder:
            env = {"INTERVIEWER_HOME": folder, **({"INTERVIEWER_MODEL": model} if model else {})}
            app = App(replace(Settings.from_env(env, n_threads=args.threads), prefetch=prefetch))
            ingest([str(CORPUS)], app.store, 10**9)
            app.chat_model.invoke("Hi", max_tokens=1)  # loaded before the session, as `serve` warms up
            latencies, ready = run(app, args.questions, args.think)
            phraser = app.interviewer.phraser
            median, p95 = statistics.median(latencies), percentile(latencies, 95)
            print(
                f"prefetch {'on ' if prefetch else 'off'}: submit -> next question median {median:.2f} s, "
                f"p95 {p95:.2f} s, max {max(latencies):.2f} s over {len(latencies)} answers ({args.think:g} s to "
                f"write each); phrasings ready when needed: {ready}; accepted {phraser.accepted if phraser else 0}"
            )
            close = getattr(app.chat_model, "close", None)
            if close is not None:
                close()
    name = Path(model).name if model else "embedded SmolLM2-135M"
    print(f"model {name}; peak memory of this process {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
