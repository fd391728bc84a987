"""How often the model's phrasing of a question is accepted, with the questions side by side.

Items are drawn from the notes (corpus/ by default) across levels and topics, in a fixed order; each item's own
question (what the interview would ask without a model) is given to the phraser with the item's points, exactly as
the engine does. Prints the acceptance rate, the rejection reasons, the time per phrasing, and each accepted
question next to the template it replaced.

Run alone on the machine: `.venv/bin/python -m bench.phrasing [--model qwen2.5-coder-1.5b] [--items 16]`."""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.common import CORPUS
from interviewer.app import App
from interviewer.ingest.pipeline import ingest
from interviewer.interview.asking import question_for
from interviewer.interview.phrasing import QuestionPhraser, forget_verdicts
from interviewer.llm.locate import resolve_model_path
from interviewer.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=None, help="a GGUF path or a packaged model name (default: embedded)")
    parser.add_argument("--items", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--notes", type=Path, default=CORPUS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-phrasing-") as folder:
        env = {"INTERVIEWER_HOME": folder}
        if args.model:  # a packaged model's verified file lives in the user's data directory: reuse it
            env["INTERVIEWER_MODEL"] = str(resolve_model_path(Path(args.model), Settings.from_env().models_dir))
        app = App(Settings.from_env(env, n_threads=args.threads))
        ingest([str(args.notes)], app.store, 10**9)
        engine = app.interviewer
        engine.bank.refresh(engine.chunks())
        rng = random.Random(7)
        items = [item for item in engine.bank.items if item.kind not in ("qa", "cloze", "case-stage")]
        rng.shuffle(items)
        family = QuestionPhraser(app.chat_model, app.embedder).family
        print(f"model {app.model_path.name} (prompt family: {family}), {len(items)} items, {args.items} asked")
        pairs, seconds, reasons = [], [], Counter[str]()
        for index, item in enumerate(items[: args.items]):
            level = sorted(item.levels)[index % len(item.levels)]
            template = question_for(item, level, engine.frames, rng, set())
            forget_verdicts()  # every item is asked: the bench measures the model, not when the app gives up on it
            phraser = QuestionPhraser(app.chat_model, app.embedder)
            start = time.perf_counter()
            phrased = phraser.phrase(" ".join(item.points), level, template)
            seconds.append(time.perf_counter() - start)
            reasons.update(phraser.rejections)
            pairs.append((level, template, phrased))
        accepted = [pair for pair in pairs if pair[2] is not None]
        print(
            f"accepted {len(accepted)}/{len(pairs)} = {len(accepted) / max(1, len(pairs)):.2f}; rejections "
            f"{dict(reasons)}; seconds per phrasing: median {statistics.median(seconds):.2f}, "
            f"max {max(seconds):.2f}"
        )
        for level, template, phrased in accepted:
            print(f"\nlevel {level}\n  template: {template}\n  model:    {phrased}")


if __name__ == "__main__":
    main()
