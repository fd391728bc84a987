"""Anki decks as published: MathJax, clozes, hard-wrapped HTML, media, and cards about the deck itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.ingest.metacards import is_metadata_deck, metadata_card_reason
from interviewer.ingest.pipeline import ingest, read_sections
from tests.notefiles import make_apkg

DECK = "Interview Flashcards (Acme Decks)::Metrics"
PUBLISHED = [
    (
        "Introduction",
        "Welcome! This deck collects the metrics questions I was asked in interviews.<br>"
        "Suggestions and pull requests are welcome.",
        DECK,
        "meta",
    ),
    (
        "Accuracy",
        "[$$]\\text{Accuracy} = \\frac{\\text{Correct Predictions}}{\\text{Total Predictions}}[/$$]",
        DECK,
        "metrics accuracy",
    ),
    (
        "One-vs.-all",
        "<div>Given a classification problem with N possible solutions, a one-vs.-all\n"
        'solution consists of N separate binary classifiers.</div><img src="ova.png">',
        DECK,
        "metrics multiclass",
    ),
    (
        "{{c1::L1}} regularization drives some weights to {{c2::exactly zero::how far?}}.",
        "Lasso.",
        DECK,
        "regularization",
    ),
    (
        "Licence",
        "CC BY-SA 4.0. To see this work in full go to the original page.",
        DECK,
        "meta",
    ),
    ("What is recall? 👶", "\\(\\frac{TP}{TP + FN}\\)&nbsp;[sound:recall.mp3]", DECK, "metrics"),
]


@pytest.mark.parametrize(
    ("front", "back", "reason"),
    [
        ("Introduction", "This deck covers the ML glossary.", "introduction card"),
        ("Licence", "CC BY-SA 4.0", "licence card"),
        ("License & credits", "Made by A. Person.", "licence card"),
        ("Changelog v2.1", "Fixed typos in 12 cards.", "changelog card"),
        ("How to use this deck", "Study 20 new cards a day.", "how to use this deck card"),
        ("Read me first", "Cards go from easy to hard.", "how to use this deck card"),
        ("Licence and how to study", "CC BY 4.0; answer aloud first.", "licence card"),
        ("Google ML terms", "To see this work in full go to the original glossary.", "introduction card"),
        ("About", "Report errors on the issue tracker; this deck is free.", "introduction card"),
        ("What does a Creative Commons licence allow?", "Sharing with attribution.", None),
        ("Feature attribution", "SHAP splits a prediction among the features.", None),
        ("Introduction to bagging", "Bagging averages models fit on bootstrap samples.", None),
        ("Gradient descent update", "w := w - lr * grad.", None),
        ("What is the probability of drawing an ace from the deck?", "4/52.", None),
    ],
)
def test_metadata_card_reason(front: str, back: str, reason: str | None) -> None:
    assert metadata_card_reason(front, back) == reason


def test_published_deck_is_cleaned_and_its_cards_about_the_deck_are_skipped() -> None:
    sections, skipped = read_sections("acme.apkg", make_apkg(PUBLISHED, layout="legacy"))
    assert [(s.path, s.reason) for s in skipped] == [
        ("acme.apkg#note-1", "introduction card: not indexed"),
        ("acme.apkg#note-5", "licence card: not indexed"),
    ]
    by_question = {s.question: s for s in sections}
    assert by_question["Accuracy"].answer == "Accuracy = Correct Predictions / Total Predictions"
    assert by_question["One-vs.-all"].answer == (
        "Given a classification problem with N possible solutions, a one-vs.-all "
        "solution consists of N separate binary classifiers."
    )
    assert by_question["What is recall?"].answer == "TP / (TP + FN)"
    cloze = by_question["[...] regularization drives some weights to [how far?]."]
    assert cloze.text == "L1 regularization drives some weights to exactly zero.\nLasso."
    assert {s.topic for s in sections} == {"Metrics"}


def test_question_and_answer_are_stored_and_read_back(fake_app: App, tmp_path: Path) -> None:
    deck = tmp_path / "acme.apkg"
    deck.write_bytes(make_apkg(PUBLISHED, layout="current"))
    before = deck.read_bytes()
    report = ingest([str(deck)], fake_app.store, 25_000_000)
    assert [s.path for s in report.skipped] == [f"{deck}#note-1", f"{deck}#note-5"]
    assert report.topics == {str(deck): ["Metrics"]}
    stored = {c.question: c.answer for c in fake_app.store.chunks()}
    assert stored["Accuracy"] == "Accuracy = Correct Predictions / Total Predictions"
    assert len(stored) == 4
    assert deck.read_bytes() == before  # nothing the user ingests is changed on disk


def test_text_export_cards_are_cleaned_too() -> None:
    export = (
        "#separator:tab\n#html:true\n#deck column:3\n"
        "Precision?\t\\(\\frac{TP}{TP+FP}\\) ⭐️\tML::Metrics\n"
        "How to use this deck\tOne card a day.\tML::Metrics\n"
    )
    sections, skipped = read_sections("flash.txt", export.encode())
    assert [(s.question, s.answer) for s in sections] == [("Precision?", "TP / (TP+FP)")]
    assert [s.path for s in skipped] == ["flash.txt#note-2"]


@pytest.mark.parametrize(
    ("deck", "meta"),
    [("Trees Deck::Meta", True), ("Trees Deck::00 About", True), ("Meta", False), ("Trees Deck::Metrics", False)],
)
def test_is_metadata_deck(deck: str, meta: bool) -> None:
    assert is_metadata_deck(deck) is meta


def test_cards_of_a_meta_sub_deck_are_skipped() -> None:
    notes = [
        ("Deck map", "Trees first, then ensembles.", "Trees::Meta", ""),
        ("Gini?", "Impurity.", "Trees::Splits", ""),
    ]
    sections, skipped = read_sections("trees.apkg", make_apkg(notes))
    assert [s.question for s in sections] == ["Gini?"]
    reasons = [(s.path, s.reason) for s in skipped]
    assert reasons == [("trees.apkg#note-1", "card of a sub-deck about the deck: not indexed")]
