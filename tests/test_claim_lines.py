"""The score card and the transcript say, per answer sentence, whether the notes support it, contradict it (quoting
the note and its source) or say nothing about it; contradictions are shown in the card itself, not folded away."""

from __future__ import annotations

from interviewer.core.domain import Question, Turn
from interviewer.core.score import ClaimCheck, CriterionScore, ScoreResult
from interviewer.reports.claims import MAX_QUOTE_CHARS, claim_lines
from interviewer.reports.html import md_escape
from interviewer.reports.transcript import build_markdown
from interviewer.ui.cards import score_card

NOTE = {"text": "Neural nets are good at solving non-linear problems.", "source": "ml/nn.md", "heading": "Basics"}
SUPPORT = {"text": "Backpropagation computes gradients layer by layer.", "source": "ml/nn.md", "heading": "Training"}
CLAIMS = (
    ClaimCheck("Backprop computes the gradients layer by layer.", "supported", SUPPORT, "stated in your notes"),
    ClaimCheck("Neural networks are fundamentally linear models.", "contradicted", NOTE, "linear vs non-linear"),
    ClaimCheck("Transformers replaced them in 2017.", "not_in_notes", None, "yours to check"),
)
SCORE = ScoreResult(
    total=0.31,
    criteria=(CriterionScore("coverage", "Coverage", 0.3, 1.0, "few points"),),
    sources=(),
    rubric="deep-dive-2",
    relevance=0.9,
    contradictions=({"answer": CLAIMS[1].sentence, **NOTE},),
    claims=CLAIMS,
)
QUESTION = Question(
    turn=1, text="Why do neural nets need non-linear activations?", kind="deep-dive", topic="NN", level=2
)


def test_one_line_per_sentence_contradictions_first_with_the_note_quoted_and_its_source() -> None:
    assert claim_lines(SCORE, lambda text: text) == [
        "- ✗ “Neural networks are fundamentally linear models.” contradicts your notes, which say "
        "“Neural nets are good at solving non-linear problems.” (ml/nn.md › Basics)",
        "- ? “Transformers replaced them in 2017.” is not in your notes: yours to check",
        "- ✓ “Backprop computes the gradients layer by layer.” is in your notes (ml/nn.md › Training)",
    ]


def test_a_long_sentence_is_quoted_shortened_and_no_claims_give_no_lines() -> None:
    long = ClaimCheck("word " * 100, "not_in_notes")
    [line] = claim_lines(ScoreResult(0.5, (), (), "r", 1.0, claims=(long,)), lambda text: text)
    assert "…" in line and len(line) < MAX_QUOTE_CHARS + 60
    assert claim_lines(ScoreResult(0.5, (), (), "r", 1.0), lambda text: text) == []


def test_the_card_shows_the_contradiction_and_folds_the_rest() -> None:
    card, folded = score_card(Turn(QUESTION, "Neural networks are fundamentally linear models.", SCORE))
    assert "Your notes say otherwise" in str(card["content"]) and "non\\-linear problems" in str(card["content"])
    assert "yours to check" in str(folded["content"]) and "contradicts" not in str(folded["content"])


def test_the_transcript_lists_what_the_notes_say_about_each_sentence() -> None:
    markdown = build_markdown("s1", "2026-12-01T09:00:00", "deep-dive", "standard", [Turn(QUESTION, "x", SCORE)])
    section = markdown.split("**What your notes say about each sentence:**", 1)[1].split("\n\n", 2)[1]
    assert section.splitlines() == claim_lines(SCORE, md_escape)
