"""Interview engine figures with the embedded defaults: levels reached by scripted candidates, and the time
from submitting an answer to seeing the next question (score included) over a 20-question session.

Run alone on the machine: `.venv/bin/python -m bench.interview [--threads 2]`."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

from bench.common import CORPUS, peak_rss_mb, percentile
from interviewer.app import App
from interviewer.core.domain import Kind, Mode, Question
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest
from interviewer.interview.live import LiveSession
from interviewer.settings import Settings


def strong(question: Question) -> str:
    return " ".join(source["text"] for source in question.sources)


def weak(question: Question) -> str:
    return "I'm not sure."


def play(session: LiveSession, answer_for: object) -> tuple[list[Question], list[float], list[float]]:
    questions, totals, latencies = [], [], []
    question = session.next_question()
    while question is not None:
        answer = answer_for(question)  # type: ignore[operator]
        start = time.perf_counter()
        result, _ = session.answer(answer)
        question_next = session.next_question()
        latencies.append(time.perf_counter() - start)
        questions.append(question)
        totals.append(result.total)
        question = question_next
    return questions, totals, latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-interview-") as folder:
        app = App(Settings.from_env({"INTERVIEWER_HOME": folder}, n_threads=args.threads))
        ingest([str(CORPUS)], app.store, 10**9)
        engine = app.interviewer
        for label, mode, answer_for in (
            ("strong, challenge", Mode.CHALLENGE, strong),
            ("strong, standard", Mode.STANDARD, strong),
            ("weak, standard", Mode.STANDARD, weak),
        ):
            questions, totals, _ = play(engine.start(SessionConfig(mode=mode, questions=6, seed=11)), answer_for)
            levels = [q.level for q in questions]
            hints = sum(q.hint for q in questions)
            print(f"{label:<18} levels {levels}  mean score {statistics.fmean(totals):.2f}  hints {hints}")
        session = engine.start(SessionConfig(kind=Kind.MIXED, mode=Mode.CHALLENGE, questions=20, seed=12))
        questions, totals, latencies = play(session, strong)
        texts = [q.text for q in questions]
        print(
            f"20-question mixed session: {len(questions)} questions, {len(set(texts))} distinct, "
            f"every one with a source: {all(q.sources for q in questions)}"
        )
        print(
            f"answer -> next question (score included): median {statistics.median(latencies):.2f} s, "
            f"p95 {percentile(latencies, 95):.2f} s, max {max(latencies):.2f} s (threads {args.threads})"
        )
        phraser = engine.phraser
        if phraser is not None:
            print(
                f"model phrasing: {phraser.accepted} accepted, rejected {phraser.rejections}, "
                f"still tried: {phraser.worth_trying}"
            )
        print(f"peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
