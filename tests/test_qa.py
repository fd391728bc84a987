"""Q&A notes: a chunk starts at a question and holds its answer; question and answer are kept apart."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from interviewer.ingest.pipeline import build_chunks, read_sections
from interviewer.ingest.qa import question_of_line, split_questions
from interviewer.ingest.sections import Section

REALISTIC_QA = Path(__file__).parent / "data" / "realistic" / "ml_interview_questions.md"


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("**What is regression? 👶**", ("What is regression?", "")),
        (
            "- **Why does L1 give sparse solutions?** Its penalty has a corner.",
            ("Why does L1 give sparse solutions?", "Its penalty has a corner."),
        ),
        ("**1. What is bagging? ⭐️**", ("What is bagging?", "")),
        ("Q: Explain the bias-variance trade-off.", ("Explain the bias-variance trade-off.", "")),
        ("Question 3: What is a p-value?", ("What is a p-value?", "")),
        ("<details><summary>How does k-fold CV work?</summary>", ("How does k-fold CV work?", "")),
        ("**Walk me through the k-means algorithm.**", ("Walk me through the k-means algorithm.", "")),
        ("**Q:** Why does naive target encoding leak?", ("Why does naive target encoding leak?", "")),
        ("**Q.** Walk me through smoothing.", ("Walk me through smoothing.", "")),
        ("**A:** the row's own label is inside its encoding.", None),
        ("**Important:** always scale features.", None),
        ("**List of metrics**", None),
        ("Why? Because the penalty has a corner.", None),
        ("**Note**", None),
    ],
)
def test_question_of_line(line: str, found: tuple[str, str] | None) -> None:
    assert question_of_line(line) == found


def test_split_questions_keeps_intro_and_pairs() -> None:
    section = Section(
        ("Interview prep", "Trees"),
        "Notes on trees.\n\n**How does a tree split?**\n\nBy impurity decrease.\n\n"
        "**What is pruning?**\nCutting back branches.\n```python\n# **Not a question?**\n```\n\n"
        "**Why do forests sample features?**\n",
    )
    parts = split_questions(section)
    assert [(p.question, p.answer) for p in parts] == [
        ("", ""),
        ("How does a tree split?", "By impurity decrease."),
        ("What is pruning?", "Cutting back branches.\n```python\n# **Not a question?**\n```"),
        ("", ""),
    ]
    assert parts[0].text == "Notes on trees."
    assert parts[1].heading_path == ("Interview prep", "Trees", "How does a tree split?")
    assert parts[3].text == "Why do forests sample features?"  # unanswered: kept as text, not a pair


def test_a_heading_that_asks_is_the_question_of_its_section() -> None:
    (part,) = split_questions(Section(("Stats", "What is a p-value? 👶"), "A: The chance of data this extreme."))
    assert (part.question, part.answer) == ("What is a p-value?", "The chance of data this extreme.")


def test_a_long_answer_is_split_but_every_chunk_starts_at_its_question() -> None:
    answer = " ".join(f"Sentence {i} explains one more detail of gradient boosting." for i in range(60))
    text = f"Intro.\n\n**How does gradient boosting work?**\n\n{answer}\n"
    sections, _ = read_sections("boosting.md", f"# Boosting\n\n{text}".encode())
    chunks = build_chunks("boosting.md", "/abs/boosting.md", "hash", sections)
    pairs = [c for c in chunks if c.question]
    assert len(pairs) >= 3
    assert all(c.text.startswith("Q: How does gradient boosting work?\nA: ") for c in pairs)
    assert all(len(c.text) <= 1200 for c in pairs)
    assert {c.answer for c in pairs} == {answer}


def test_realistic_qa_file_chunks_are_question_answer_pairs_without_decoration() -> None:
    sections, _ = read_sections(str(REALISTIC_QA), REALISTIC_QA.read_bytes())
    chunks = build_chunks(str(REALISTIC_QA), str(REALISTIC_QA), "hash", sections)
    pairs = [c for c in chunks if c.question]
    assert len(pairs) == 17 and len(chunks) == 18  # every question, plus the introduction
    assert all(c.text.startswith(f"Q: {c.question}\nA: ") for c in pairs)
    everything = "\n".join(c.text + c.heading for c in chunks)
    for debris in ("](#", "<br", "<img", "👶", "⭐", "🚀", "**", "\\frac", "[$$]", "Table of contents"):
        assert debris not in everything
    accuracy = next(c for c in pairs if c.question == "What is the accuracy of a classifier?")
    assert accuracy.answer == "Accuracy = Correct Predictions / Total Predictions"
    wrapped = next(c for c in pairs if c.question == "What is linear regression?")
    assert "plus an intercept" in wrapped.answer and "\n" not in wrapped.answer


@pytest.mark.parametrize("hostile", ["<summary>" * 20_000, "**a" * 20_000, "Q: " * 20_000, "**x?**\n" * 20_000])
def test_splitting_is_fast_on_hostile_text(hostile: str) -> None:
    start = time.process_time()
    split_questions(Section(("T", "S"), hostile))
    assert time.process_time() - start < 2.0
