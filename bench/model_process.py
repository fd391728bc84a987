"""What running the model safely costs: llama.cpp's extra buffer types on and off, and the supervised child process
against a bare llama.cpp call in this process.

1. Generation speed (tokens/s, median of --repeats, alternating) of a bare `llama_cpp.Llama` stream loaded with
   and without extra buffer types. On a CPU with AMX, "on" crashes (that is the bug), so it is measured only
   where this CPU's automatic choice is "on" or when --force-on is given.
2. The app's path (SupervisedChatModel: JSON lines to a child process) against the bare call, same prompt, same
   text expected. Target: at least 0.95 of the bare call with the choice made for this CPU.
3. The first call's cost (start the child, load the model, reply) and the time to first token after that.

Run alone on the machine: `.venv/bin/python -m bench.model_process [--threads 2] [--tokens 128] [--repeats 5]`."""

from __future__ import annotations

import argparse
import functools
import statistics
import time
from collections.abc import Callable, Iterator

from langchain_core.messages import HumanMessage

from bench.common import CORPUS, timed_stream
from interviewer.llm.cpu import choose_extra_buffers, read_cpu_flags
from interviewer.llm.llama import LlamaChatModel, llama_system_info
from interviewer.llm.locate import resolve_model_path
from interviewer.llm.supervised import SupervisedChatModel
from interviewer.settings import Settings

PROMPT = (
    "Here is a note from a data scientist's revision notes.\n\nNote: {note}\n\n"
    "Write eight different interview questions about this note, one per line, numbered."
)


def bare_stream(model: LlamaChatModel, messages: list[dict[str, str]], tokens: int) -> Iterator[str]:
    """A plain llama-cpp-python stream on the model's loaded Llama, without our wrapper."""
    for part in model.load().create_chat_completion(
        messages=messages, stream=True, max_tokens=tokens, temperature=0.0, seed=0
    ):
        text = part["choices"][0].get("delta", {}).get("content")
        if text:
            yield text


def compare(runs: dict[str, Callable[[], Iterator[str]]], repeats: int) -> tuple[dict[str, float], dict[str, str]]:
    """Median tokens/s of each run, alternating between them, and the text each wrote."""
    rates: dict[str, list[float]] = {name: [] for name in runs}
    texts: dict[str, str] = {}
    names = list(runs)
    for index in range(repeats * len(names)):
        name = names[(index + index // len(names)) % len(names)]
        _, span, pieces, texts[name] = timed_stream(runs[name]())
        rates[name].append((pieces - 1) / span if span > 0 else 0.0)
    return {name: statistics.median(values) for name, values in rates.items()}, texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--force-on", action="store_true", help="measure extra buffers on even on an AMX CPU")
    args = parser.parse_args()
    settings = Settings.from_env(n_threads=args.threads)
    path = resolve_model_path(settings.model_path, settings.models_dir)
    choice = choose_extra_buffers(read_cpu_flags(), settings.extra_buffers)
    print(f"model {path.name}, threads {args.threads}; extra buffer types {choice.reason}")
    note = (CORPUS / "ml" / "regularization_l1_l2.md").read_text(encoding="utf-8")[:700]
    messages = [{"role": "user", "content": PROMPT.format(note=note)}]

    settings_to_measure = [True, False] if choice.enabled or args.force_on else [False]
    models = {
        on: LlamaChatModel(model_path=path, n_threads=args.threads, extra_buffers=on) for on in settings_to_measure
    }
    for model in models.values():
        model.load()
    print(f"llama.cpp: {llama_system_info()}")
    rates, texts = compare(
        {
            f"buffers {'on' if on else 'off'}": functools.partial(bare_stream, m, messages, args.tokens)
            for on, m in models.items()
        },
        args.repeats,
    )
    for name, rate in rates.items():
        print(f"bare llama_cpp, {name}: {rate:.1f} tokens/s")
    if len(rates) == 2:
        print(
            f"buffers off / on: {rates['buffers off'] / rates['buffers on']:.2f}; "
            f"same text: {texts['buffers off'] == texts['buffers on']}"
        )

    chosen = models.get(choice.enabled) or LlamaChatModel(model_path=path, n_threads=args.threads, extra_buffers=False)
    for model in models.values():
        if model is not chosen:
            model.close()
    supervised = SupervisedChatModel(model_path=path, n_threads=args.threads, extra_buffers=choice.enabled)
    start = time.perf_counter()
    supervised.invoke([HumanMessage(content="Say one word.")], max_tokens=4)
    print(f"first call through the model process (start, load, reply): {time.perf_counter() - start:.2f} s")
    first_tokens = [
        timed_stream(supervised.complete([{"role": "user", "content": "Say one word."}], {"max_tokens": 4}))[0]
        for _ in range(args.repeats)
    ]
    print(f"time to first token afterwards (short prompt, cached): median {statistics.median(first_tokens):.3f} s")
    rates, texts = compare(
        {
            "ours": lambda: supervised.complete(messages, {"max_tokens": args.tokens, "temperature": 0.0, "seed": 0}),
            "bare": lambda: bare_stream(chosen, messages, args.tokens),
        },
        args.repeats,
    )
    print(
        f"generation: ours (model process) {rates['ours']:.1f} tokens/s, bare llama_cpp {rates['bare']:.1f} tokens/s, "
        f"ratio {rates['ours'] / rates['bare']:.2f} (target >= 0.95); same text: {texts['ours'] == texts['bare']}"
    )
    supervised.close()
    chosen.close()


if __name__ == "__main__":
    main()
