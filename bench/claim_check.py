"""Can the model check one claim against the notes? A per-sentence probe, before any of it reaches a score.

For each answer sentence of the first N questions of a set (bench/tune/scoring by default), the two note
statements closest to it (MiniLM) and the sentence go to the model (INTERVIEWER_MODEL, default the embedded
one), which must say whether the notes state the same thing, the opposite, or something else. Prints, per
answer label, the share of each verdict: a checker worth wiring in says "opposite" for wrong answers' sentences
and rarely for strong and paraphrased ones. Greedy decoding, so a run repeats.
Run alone on the machine: `.venv/bin/python -m bench.claim_check [--set DIR] [--questions 8]`."""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

from bench.common import ROOT
from interviewer.app import App
from interviewer.ingest.pipeline import ingest
from interviewer.scoring.keypoints import extract_key_points
from interviewer.scoring.text import sentences
from interviewer.settings import Settings

LABELS = ("strong", "paraphrase", "partial", "wrong_swapped", "fluent_wrong")
SYSTEM = (
    "You compare a claim with notes. First decide if the notes talk about the same thing as the claim. Reply with "
    "one word: SAME if the claim says what the notes say (wording may differ), OPPOSITE if the claim states the "
    "reverse of the notes, OTHER if the notes do not cover the claim."
)
VERDICTS = {"SAME": "same", "OPPOSITE": "opposite", "OTHER": "other"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", type=Path, default=ROOT / "bench" / "tune" / "scoring")
    parser.add_argument("--questions", type=int, default=8)
    args = parser.parse_args()
    rows = [json.loads(line) for line in (args.set / "answers.jsonl").read_text(encoding="utf-8").splitlines() if line]
    chosen = sorted({r["qid"] for r in rows})[: args.questions]
    notes = [str(p) for p in sorted(args.set.iterdir()) if p.suffix in (".md", ".txt")]
    verdicts: Counter[tuple[str, str]] = Counter()
    seconds: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-claims-") as home:
        model = {"INTERVIEWER_MODEL": os.environ["INTERVIEWER_MODEL"]} if os.environ.get("INTERVIEWER_MODEL") else {}
        app = App(Settings.from_env({"INTERVIEWER_HOME": home, **model}, n_threads=2))
        ingest(notes, app.store, 10**9)
        for row in rows:
            if row["qid"] not in chosen or row["label"] not in LABELS:
                continue
            statements = [p.text for p in extract_key_points(app.scorer.reference_for(row["question"]))]
            vectors = app.embedder.embed(statements)
            for sentence in sentences(row["answer"]):
                closest = np.argsort(-(vectors @ app.embedder.embed([sentence])[0]))[:2]
                notes_text = "\n".join(f"- {statements[i]}" for i in closest)
                prompt = f"Notes:\n{notes_text}\n\nClaim: {sentence}\n\nOne word (SAME, OPPOSITE or OTHER):"
                start = time.perf_counter()
                reply = app.chat_model.invoke([("system", SYSTEM), ("human", prompt)], max_tokens=3, temperature=0)
                seconds.append(time.perf_counter() - start)
                word = str(reply.content).strip().upper().split(" ")[0].strip(".,") if reply.content else ""
                verdicts[(row["label"], VERDICTS.get(word, "unreadable"))] += 1
        print(f"model {app.model_path.name}: {len(seconds)} claims, median {np.median(seconds):.2f} s per claim")
        app.close()
    for label in LABELS:
        total = sum(n for (lab, _), n in verdicts.items() if lab == label)
        shares = ", ".join(f"{v} {verdicts[(label, v)] / total:.2f}" for v in (*VERDICTS.values(), "unreadable"))
        print(f"{label} ({total} sentences): {shares}")


if __name__ == "__main__":
    main()
