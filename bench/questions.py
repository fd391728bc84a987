"""Question figures: do deep-dive questions use the notes' content beyond their headings, and how many question
frames remain once the notes' words are masked; plus sample questions, one per level and case stage.

Runs on the fake embedder and no model (question text only; nothing is timed):
`.venv/bin/python -m bench.questions [--notes DIR ...]` (default: corpus/, the held-out notes in
bench/heldout/scoring/ and the tune notes in bench/tune/scoring/). Works on older checkouts too (it uses only
`Interviewer.realise`)."""

from __future__ import annotations

import argparse
import re
import tempfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from bench.common import CORPUS, ROOT
from interviewer.app import App
from interviewer.core.domain import CASE_STAGES, Kind, Mode, Question
from interviewer.core.session import Plan, SessionConfig, SessionState
from interviewer.ingest.pipeline import ingest
from interviewer.scoring.text import content_words, sentences, tokens
from interviewer.settings import Settings
from interviewer.storage.embeddings import FakeEmbedder

HELDOUT = ROOT / "bench" / "heldout" / "scoring"
TUNE = ROOT / "bench" / "tune" / "scoring"


def deep_dive_questions(app: App, seed: int) -> list[Question]:
    """One new question per topic and level, each planned as the session would plan it."""
    engine = app.interviewer
    engine.start(SessionConfig(questions=1))  # reads the notes (and builds items, where there are any)
    topics = sorted({c.topic for c in engine.chunks() if c.kind != "case"})
    asked: list[Question] = []
    for topic in topics:
        state = SessionState(config=SessionConfig(topic=topic, questions=5, seed=seed), mode=Mode.STANDARD)
        for level in range(1, 6):
            asked.append(engine.realise(Plan(1, "deep-dive", level, topic, root_turn=1), state))
    return asked


def half_answer(question: Question) -> str:
    """A middling candidate: the first sentence of each source, so follow-ups happen."""
    return " ".join(sentences(source.get("text", ""))[:1][0] for source in question.sources[:1] if source.get("text"))


def case_questions(app: App, seed: int) -> list[Question]:
    """An 8-question case session answered by a middling candidate in challenge mode (twists appear)."""
    session = app.interviewer.start(SessionConfig(kind=Kind.CASE, mode=Mode.CHALLENGE, questions=8, seed=seed))
    asked = []
    while (question := session.next_question()) is not None:
        session.answer(half_answer(question) or "I would start with a baseline.")
        asked.append(question)
    return asked


def note_words(app: App) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per source file: the content words of its body, and those of its headings, topic and file name."""
    body: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for chunk in app.interviewer.chunks():
        body[chunk.source] |= set(content_words(chunk.text))
        parts = chunk.heading.split(" > ")
        # A flashcard's front or a Q&A heading is the note's own question (its content), not a section title.
        if len(parts) > 1 and (parts[-1].endswith("?") or chunk.text.startswith(f"Q: {parts[-1][:40]}")):
            parts = parts[:-1]
        heading = " ".join(parts)
        names[chunk.source] |= set(content_words(f"{heading} {chunk.topic} {Path(chunk.source).stem}"))
        names[chunk.source] |= set(content_words(Path(chunk.source).stem.replace("_", " ")))
    return body, names


def frame_of(text: str, words: set[str], keep: set[str]) -> str:
    """The question with every word of its note masked ('_'), except the frames' own words; runs of masks collapsed."""
    masked = [
        "_" if (stem := content_words(token)) and stem[0] in words and stem[0] not in keep else token
        for token in tokens(text)
    ]
    return re.sub(r"(_ )+_|_( _)+", "_", " ".join(masked))


def figures(label: str, app: App, seed: int) -> tuple[list[Question], list[Question]]:
    """Print one corpus's figures; return its deep-dive and case questions for the samples."""
    deep = deep_dive_questions(app, seed)
    body, names = note_words(app)
    texts = [q.text.split(" Hint: ")[0] for q in deep]
    # Words every topic's questions share are the frames' words, not the notes' (e.g. 'example', 'data').
    topics_of_word: dict[str, set[str]] = defaultdict(set)
    for question, text in zip(deep, texts, strict=True):
        for word in set(content_words(text)):
            topics_of_word[word].add(question.topic)
    frame_words = {word for word, topics in topics_of_word.items() if len(topics) >= 3}
    # A frame's words are those the questions of many topics (a fifth of them, at least two) share; every other
    # word of the note is masked, so a template with different subjects pasted in counts once.
    many = max(2, len({q.topic for q in deep}) // 5)
    shared_words = {word for word, topics in topics_of_word.items() if len(topics) >= many}
    uses = 0
    frames: dict[str, set[str]] = defaultdict(set)
    for question, text in zip(deep, texts, strict=True):
        source = question.sources[0]["source"] if question.sources else ""
        own = (
            (body[source] | set(content_words(" ".join(getattr(question, "points", ()))))) - names[source] - frame_words
        )
        uses += bool(set(content_words(text)) & own)
        frames[frame_of(text, body[source] | names[source], shared_words)].add(question.topic)
    shared = sorted(((len(t), f) for f, t in frames.items() if len(t) > 1), reverse=True)
    print(f"{label}: {len(deep)} deep-dive questions over {len({q.topic for q in deep})} topics")
    print(f"  use the note's content beyond its headings: {uses}/{len(deep)} = {uses / max(1, len(deep)):.2f}")
    print(
        f"  distinct frames once the note's words are masked: {len(frames)}; used by >1 topic: {len(shared)}; "
        f"most topics sharing one frame: {shared[0][0] if shared else 1}"
    )
    for count, frame in shared[:5]:
        print(f"    {count:3d} topics: {frame[:110]}")
    bank = getattr(app.interviewer, "bank", None)  # absent before interview items existed
    if bank is not None:
        kinds: dict[str, int] = defaultdict(int)
        for item in bank.items:
            kinds[item.kind] += 1
        print(f"  items by kind: {dict(sorted(kinds.items()))}")
        levels = [len(bank.levels_of(topic)) for topic in sorted({q.topic for q in deep})]
        print(f"  topics whose notes support all 5 levels natively: {sum(n == 5 for n in levels)}/{len(levels)}")
    cases = case_questions(app, seed) if any(c.kind == "case" for c in app.interviewer.chunks()) else []
    if cases:
        stages = [f"{q.stage}{'+f' if q.follow_up else ''}" for q in cases]
        print(f"  case, 8 questions: stages {' '.join(stages)}")
    return deep, cases


def build(home: Path, notes: list[Path]) -> App:
    settings = Settings.from_env({"INTERVIEWER_HOME": str(home)}, llm_backend="fake", embedder="fake", n_threads=1)
    # No model phrasing: the figures are about the questions the notes give, not a fake model's canned reply.
    app = App(replace(settings, phrase_questions=False), embedder=FakeEmbedder())
    ingest([str(path) for path in notes], app.store, 10**8)
    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", nargs="*", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sets = {"corpus": [CORPUS]}
    for name, folder in (("held-out", HELDOUT), ("tune", TUNE)):
        if folder.is_dir():
            sets[name] = [folder]
    if args.notes:
        sets = {"notes": args.notes}
    samples: dict[str, str] = {}
    for label, notes in sets.items():
        with tempfile.TemporaryDirectory(prefix="bench-questions-") as home:
            deep, cases = figures(label, build(Path(home), notes), args.seed)
        for question in deep:
            samples.setdefault(f"{label} level {question.level}", f"[{question.topic}] {question.text}")
        for question in cases:
            if not question.follow_up:
                samples.setdefault(f"{label} case {question.stage}", f"[{question.topic}] {question.text}")
    print("samples:")
    wanted = [f"level {n}" for n in range(1, 6)] + [f"case {stage}" for stage in CASE_STAGES]
    for name in wanted:
        key = next((k for k in samples if k.endswith(name) and k.startswith("held-out")), None)
        key = key or next((k for k in samples if k.endswith(name)), None)
        if key:
            print(f"  {key}: {samples[key]}")


if __name__ == "__main__":
    main()
