"""Topics per format: what an interviewer would call the subject, never a file name or a deck's brand."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.ingest.pipeline import read_sections
from interviewer.ingest.sections import Section
from interviewer.ingest.topics import anki_topics, markdown_topics, readable_title
from tests.notefiles import make_apkg, make_notebook, make_pdf

REALISTIC_QA = Path(__file__).parent / "data" / "realistic" / "ml_interview_questions.md"


@pytest.mark.parametrize(
    ("notes", "topics"),
    [
        # A sub-deck names the topic below the top deck, whatever the tags say.
        ([("DS Interview::Statistics", ["stats"]), ("DS Interview::ML::Trees", ["ml"])], ["Statistics", "ML > Trees"]),
        # One flat publisher deck: the tag shared by some notes (not the one on every note) is the topic.
        (
            [("Machine Learning Glossary (Acme Decks)", ["glossary", "metrics"])] * 3
            + [("Machine Learning Glossary (Acme Decks)", ["glossary", "fairness"])] * 3
            + [("Machine Learning Glossary (Acme Decks)", ["glossary"])],
            ["Metrics"] * 3 + ["Fairness"] * 3 + ["Machine Learning Glossary"],
        ),
        # Hierarchical tags read below their root; Anki's own marker tags are never topics.
        (
            [("Default", ["ML::model_evaluation", "leech"])] * 2 + [("Default", ["marked"])],
            ["Model evaluation", "Model evaluation", "My deck file"],
        ),
        # A deck called "Default" (or "Anki") with no tags says nothing: the file's title is the topic.
        ([("Default", []), ("Anki", [])], ["My deck file", "My deck file"]),
    ],
)
def test_anki_topics(notes: list[tuple[str, list[str]]], topics: list[str]) -> None:
    assert anki_topics(notes, "My deck file") == topics


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Microsoft PowerPoint - week3_regularization.pptx", "Week3 regularization"),
        ("gradient_boosting.ipynb", "Gradient boosting"),
        ("Untitled", "Fallback"),
        ("PowerPoint Presentation", "Fallback"),
        ("Feature Stores 🚀", "Feature Stores"),
        ("Bias-variance trade-off", "Bias-variance trade-off"),
    ],
)
def test_readable_title(name: str, title: str) -> None:
    assert readable_title(name, "Fallback") == title


def test_a_normal_note_keeps_its_title_as_topic() -> None:
    sections = [Section(("Regularization", name), "text") for name in ("L1", "L2", "Elastic net", "Pitfalls")]
    assert {s.topic for s in markdown_topics(sections)} == {"Regularization"}


def test_a_file_of_many_subjects_takes_its_second_level_sections_as_topics() -> None:
    names = [f"Subject {i}" for i in range(11)]
    sections = [Section(("Big file",), "intro")] + [Section(("Big file", name), "text") for name in names]
    assert [s.topic for s in markdown_topics(sections)] == ["Big file", *names]


def test_realistic_qa_file_gets_a_topic_per_section() -> None:
    sections, skipped = read_sections(str(REALISTIC_QA), REALISTIC_QA.read_bytes())
    assert skipped == []
    assert list(dict.fromkeys(s.topic for s in sections)) == [
        "Machine learning interview questions",
        "Regression",
        "Validation",
        "Classification",
        "Regularization",
        "Trees and ensembles",
    ]


def test_notebook_topic_is_its_first_heading_at_any_level() -> None:
    cells = [("markdown", "## K-means clustering\n\nLloyd's algorithm."), ("markdown", "### Elbow\n\nInertia.")]
    notebook = make_notebook(cells)
    sections, _ = read_sections("kmeans_v2.ipynb", notebook.encode())
    assert {s.topic for s in sections} == {"K-means clustering"}


def test_pdf_topic_is_its_title_without_office_prefix_or_extension() -> None:
    pdf = make_pdf(["Ridge shrinks weights."], title="Microsoft PowerPoint - week3_regularization.pptx")
    sections, _ = read_sections("slides.pdf", pdf)
    assert [s.topic for s in sections] == ["Week3 regularization"]


def test_anki_package_topics_are_tags_of_a_flat_publisher_deck_not_its_name() -> None:
    deck_name = "ML Glossary (Acme Decks)"
    notes = [
        ("What is AUC?", "The chance a positive outranks a negative.", deck_name, "glossary metrics"),
        ("What is log loss?", "Mean negative log-likelihood of the labels.", deck_name, "glossary metrics"),
        ("What is a feature?", "An input variable of a model.", deck_name, "glossary"),
    ]
    sections, _ = read_sections("acme_glossary.apkg", make_apkg(notes, layout="current"))
    assert [s.topic for s in sections] == ["Metrics", "Metrics", "ML Glossary"]


def test_pdf_without_a_title_takes_its_title_slide_and_drops_page_numbers() -> None:
    pdf = make_pdf(["Models in Production", "Monitoring, drift and retraining", "1"])
    sections, _ = read_sections("ml_monitoring_slides.pdf", pdf)
    assert [s.topic for s in sections] == ["Models in Production"]
    assert sections[0].text == "Models in Production\nMonitoring, drift and retraining"
