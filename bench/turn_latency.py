"""Model latency that must not grow with the conversation, and what our llama.cpp wrapper costs.

1. One 20-question deep-dive session over corpus/ with the embedded model (or INTERVIEWER_MODEL), the model
   asked to phrase every question it may phrase (and, with --judge, to grade every answer): the time to the
   first token of each model call, by turn. Target: turn 20 at most 1.2x turn 1.
2. Generation speed on one prompt: our path (LlamaChatModel streaming, as the app calls it) against a bare
   `llama_cpp.Llama.create_chat_completion(stream=True)` on the same loaded model, alternating, median of
   --repeats. Target: ours at least 0.9 of the bare call.

Run alone on the machine: `.venv/bin/python -m bench.turn_latency [--threads 2] [--questions 20] [--judge]`."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import HumanMessage

from bench.common import CORPUS, peak_rss_mb, timed_stream
from interviewer.app import App
from interviewer.core.domain import Kind, Mode, Question
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest
from interviewer.interview.phrasing import QuestionPhraser
from interviewer.llm.llama import LlamaChatModel, to_llama_messages
from interviewer.llm.locate import resolve_model_path
from interviewer.scoring.judge import Judge
from interviewer.settings import Settings

SPEED_PROMPT = (
    "Here is a note from a data scientist's revision notes.\n\nNote: {note}\n\n"
    "Write eight different interview questions about this note, one per line, numbered."
)


@dataclass
class Call:
    """One model call: the turn and task it belongs to, time to first token, and the whole call's time."""

    turn: int
    task: str
    first_token: float | None = None
    total: float = 0.0
    decoded_prompt: int = 0  # prompt tokens llama.cpp had to decode (the rest came from its cache)


@dataclass
class TurnTimer(BaseCallbackHandler):
    """Times every streamed model call and files it under the current turn and task."""

    turn: int = 0
    task: str = ""
    calls: list[Call] = field(default_factory=list)
    _start: float = 0.0

    def on_chat_model_start(self, serialized: Any, messages: Any, **kwargs: Any) -> None:
        self._start = time.perf_counter()
        self.calls.append(Call(self.turn, self.task))

    def count_decoded(self, llama: Any) -> None:
        """Count the prompt tokens each call decodes, by wrapping the model's decode step."""
        decode = llama.eval

        def counting(tokens: Sequence[int]) -> None:
            if self.calls and self.calls[-1].first_token is None:
                self.calls[-1].decoded_prompt += len(tokens)
            decode(tokens)

        llama.eval = counting

    def on_llm_new_token(self, token: Any, **kwargs: Any) -> None:
        if self.calls and self.calls[-1].first_token is None:
            self.calls[-1].first_token = time.perf_counter() - self._start

    def on_llm_end(self, response: Any, **kwargs: Any) -> None:
        if self.calls:
            self.calls[-1].total = time.perf_counter() - self._start


class EagerPhraser(QuestionPhraser):
    """Phrases every question it is given: the embedded model would otherwise stop being asked after 6 tries."""

    def __init__(self, chat_model: Any, embedder: Any, timer: TurnTimer) -> None:
        super().__init__(chat_model, embedder)
        self.timer = timer

    @property
    def worth_trying(self) -> bool:
        return True

    def phrase(self, note: str, level: int, template: str) -> str | None:
        self.timer.task = "phrase"
        return super().phrase(note, level, template)


class TimedJudge(Judge):
    """The judge, its calls filed under their own task."""

    def __init__(self, chat_model: Any, timer: TurnTimer) -> None:
        super().__init__(chat_model)
        self.timer = timer

    def grade(self, question: str, key_points: Sequence[str], answer: str) -> float | None:
        self.timer.task = "judge"
        return super().grade(question, key_points, answer)


def strong(question: Question) -> str:
    return " ".join(source["text"] for source in question.sources)


def session_latencies(app: App, chat: LlamaChatModel, timer: TurnTimer, questions: int, judge: bool) -> None:
    engine = app.interviewer
    engine.phraser = EagerPhraser(chat, app.embedder, timer)
    if judge:
        engine.scorer.judge, engine.scorer.judge_weight = TimedJudge(chat, timer), 0.2
    session = engine.start(SessionConfig(kind=Kind.DEEP_DIVE, mode=Mode.STANDARD, questions=questions, seed=5))
    timer.turn = 1
    question = session.next_question()
    while question is not None:
        session.answer(strong(question))
        timer.turn = question.turn + 1
        question = session.next_question()
    for task in sorted({call.task for call in timer.calls}):
        calls = {c.turn: c for c in timer.calls if c.task == task and c.first_token is not None}
        by_turn = {turn: float(call.first_token or 0) for turn, call in calls.items()}
        if not by_turn:
            print(f"{task}: no call produced a token")
            continue
        print(
            f"{task}, time to first token by turn, s (prompt tokens decoded): "
            + ", ".join(f"{t}: {by_turn[t]:.3f} ({call.decoded_prompt})" for t, call in calls.items())
        )
        first, last = min(by_turn), max(by_turn)
        print(
            f"{task}: turn {first} {by_turn[first]:.3f} s, turn {last} {by_turn[last]:.3f} s, ratio "
            f"{by_turn[last] / by_turn[first]:.2f} (target <= 1.2); median {statistics.median(by_turn.values()):.3f} s "
            f"over {len(by_turn)} calls"
        )


def generation_speed(chat: LlamaChatModel, note: str, tokens: int, repeats: int) -> None:
    messages = [HumanMessage(content=SPEED_PROMPT.format(note=note))]
    llama = chat.load()

    def ours() -> Iterator[str]:
        for chunk in chat.stream(messages, max_tokens=tokens):
            yield str(chunk.content)

    def bare() -> Iterator[str]:
        stream = llama.create_chat_completion(
            messages=to_llama_messages(messages), stream=True, max_tokens=tokens, temperature=0.0, seed=0
        )
        for part in stream:
            text = part["choices"][0].get("delta", {}).get("content")
            if text:
                yield text

    rates: dict[str, list[float]] = {"ours": [], "bare": []}
    texts: dict[str, str] = {}
    for index in range(repeats * 2):
        name, run = (("ours", ours), ("bare", bare))[(index + index // 2) % 2]
        _, span, pieces, texts[name] = timed_stream(run())
        rates[name].append((pieces - 1) / span if span > 0 else 0.0)
    ours_rate, bare_rate = statistics.median(rates["ours"]), statistics.median(rates["bare"])
    print(
        f"generation speed ({len(llama.tokenize(texts['bare'].encode(), add_bos=False))} tokens, median of "
        f"{repeats}): ours {ours_rate:.1f} tokens/s, bare llama_cpp {bare_rate:.1f} tokens/s, ratio "
        f"{ours_rate / bare_rate:.2f} (target >= 0.9); same text: {texts['ours'] == texts['bare']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--tokens", type=int, default=128, help="tokens generated in the speed comparison")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--judge", action="store_true", help="also grade every answer with the model")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-turns-") as folder:
        settings = Settings.from_env({"INTERVIEWER_HOME": folder}, n_threads=args.threads)
        timer = TurnTimer()
        chat = LlamaChatModel(
            model_path=resolve_model_path(settings.model_path, settings.models_dir),
            n_threads=settings.n_threads,
            n_ctx=settings.n_ctx,
            streaming=True,
            callbacks=[timer],
        )
        start = time.perf_counter()
        timer.count_decoded(chat.load())  # loading is not a turn's cost: turn 1 starts with an empty cache
        print(f"model {chat.model_path.name} loaded in {time.perf_counter() - start:.2f} s, threads {args.threads}")
        app = App(settings, chat_model=chat)
        ingest([str(CORPUS)], app.store, 10**9)
        session_latencies(app, chat, timer, args.questions, args.judge)
        note = next(c.text for c in app.store.chunks() if len(c.text) > 400)[:700]
        chat.callbacks = None  # the speed comparison times the stream itself, on the unwrapped model
        del chat.load().eval
        generation_speed(chat, note, args.tokens, args.repeats)
        print(f"peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
