"""Does embedding similarity tell which of the statements a symptom's words found really bear on its question?
(issue 21: a regular expression finds 'leak' in 'treatment leaks into the covariate', which explains no gap
between offline and production scores.)

`.venv/bin/python -m bench.combined_relevance dump --notes DIR ... --out PAIRS.jsonl` writes every (question,
statement) pair the repertoire's words find, for a blind helper to label `{"id": ..., "relevant": true|false}`.
`.venv/bin/python -m bench.combined_relevance score --pairs PAIRS.jsonl --labels LABELS.jsonl` prints, per
threshold, how many relevant and irrelevant statements the embedding gate keeps. Uses the offline MiniLM."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np

from bench.hard_questions import build
from interviewer.interview.combined import _PROPERTIES, _statements, load_repertoire


def dump(notes: list[Path], out: Path) -> None:
    repertoire = load_repertoire()
    with tempfile.TemporaryDirectory(prefix="bench-relevance-") as folder:
        app = build(Path(folder), notes)
        app.interviewer.chunks()  # reads the notes and builds their items
        bank = app.interviewer.bank
        pool = [i for items in bank._statements.values() for i in items]
        single = [i for items in bank._by_chunk.values() for i in items]
        statements = _statements(single + pool, _PROPERTIES)
    rows = []
    for symptom in repertoire.symptoms:
        for statement, item in statements:
            if symptom.answers(statement):
                rows.append({"symptom": symptom.name, "question": symptom.asks[0], "statement": statement,
                             "source": Path(item.source).name})  # fmt: skip
    with out.open("w", encoding="utf-8") as handle:
        for index, row in enumerate(rows):
            handle.write(json.dumps({"id": f"{out.stem}-{index}", **row}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pairs from {len({r['symptom'] for r in rows})} symptoms -> {out}")


def score(pairs: Path, labels: Path) -> None:
    from interviewer.storage.embeddings import MiniLMEmbedder, cosine_matrix

    rows = [json.loads(line) for line in pairs.read_text(encoding="utf-8").splitlines() if line.strip()]
    truth = {}
    for line in labels.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label = json.loads(line)
            truth[label["id"]] = bool(label["relevant"])
    rows = [r for r in rows if r["id"] in truth]
    embedder = MiniLMEmbedder()

    def similarity(question: str, statement: str) -> float:
        vectors = embedder.embed([question, statement])
        return float(cosine_matrix(vectors[:1], vectors[1:])[0, 0])

    sims = np.array([similarity(r["question"], r["statement"]) for r in rows])
    relevant = np.array([truth[r["id"]] for r in rows])
    print(f"{len(rows)} labelled pairs, {relevant.sum()} relevant ({relevant.mean():.2f} precision of the words alone)")
    for threshold in (0.0, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40):
        kept = sims >= threshold
        precision = relevant[kept].mean() if kept.any() else float("nan")
        print(
            f"  threshold {threshold:.2f}: keeps {kept.sum():3d}; relevant kept"
            f" {relevant[kept].sum():3d}/{relevant.sum()}"
            f" (recall {relevant[kept].sum() / max(1, relevant.sum()):.2f}); irrelevant kept"
            f" {(~relevant)[kept].sum():3d}/{(~relevant).sum()}; precision {precision:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--notes", nargs="+", type=Path, required=True)
    d.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("--pairs", type=Path, required=True)
    s.add_argument("--labels", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.notes, args.out)
    else:
        score(args.pairs, args.labels)


if __name__ == "__main__":
    main()
