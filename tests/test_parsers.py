"""Each note format parses into sections with the right heading paths and text."""

from __future__ import annotations

import pytest

from interviewer.ingest.anki import parse_anki_text_export, parse_apkg, strip_html
from interviewer.ingest.markdown import parse_markdown, title_from_stem
from interviewer.ingest.notebook import parse_notebook
from interviewer.ingest.pdf import parse_pdf
from interviewer.ingest.plaintext import parse_plaintext
from interviewer.ingest.sections import ParseError, Section, note_kind, stage_of_heading
from tests.notefiles import make_apkg, make_notebook, make_pdf

DECK = [
    ("What is a <b>p-value</b>?", "P(data this extreme | H0)<br>Not P(H0).", "DS::Statistics", "stats p-value"),
    ("L1 or L2 for sparsity?", "L1 (lasso) sets weights to exactly zero.", "DS::ML", "ml"),
]


def test_markdown_heading_paths_and_code_fences() -> None:
    text = (
        "Intro before any heading.\n\n# Trees\n\nTop text.\n\n## Splits\n\n- Gini impurity.\n\n"
        "```python\n# not a heading\nx = 1\n```\n\n### Depth\n\nDeeper.\n\n## Forests\n\nBagging.\n"
    )
    sections = parse_markdown(text, "Fallback")
    assert [s.heading_path for s in sections] == [
        ("Fallback",),
        ("Trees",),
        ("Trees", "Splits"),
        ("Trees", "Splits", "Depth"),
        ("Trees", "Forests"),
    ]
    assert "# not a heading" in sections[2].text
    assert sections[4].topic == "Trees"


def test_markdown_front_matter_title_and_setext_headings() -> None:
    text = "---\ntitle: Metrics\n---\n\nPrecision\n---------\n\nTP / (TP + FP).\n"
    sections = parse_markdown(text, "Fallback")
    assert sections == [Section(heading_path=("Metrics", "Precision"), text="TP / (TP + FP).")]


def test_title_from_stem() -> None:
    assert title_from_stem("ab_test-pitfalls") == "Ab test pitfalls"


def test_plaintext_title_and_colon_subheadings() -> None:
    text = (
        "Central Limit Theorem\n\nThe mean of many draws is roughly normal.\n\nPitfalls:\nHeavy tails slow it down.\n"
    )
    sections = parse_plaintext(text, "clt")
    assert [s.heading_path for s in sections] == [
        ("Central Limit Theorem",),
        ("Central Limit Theorem", "Pitfalls"),
    ]
    assert sections[1].text == "Heavy tails slow it down."


def test_notebook_keeps_markdown_headings_and_fences_code() -> None:
    notebook = make_notebook(
        [("markdown", "# K-means\n\nLloyd's algorithm."), ("code", "km.fit(X)"), ("markdown", "## Elbow\n\nInertia.")]
    )
    sections = parse_notebook(notebook, "nb")
    assert sections[0].heading_path == ("K-means",)
    assert "```python\nkm.fit(X)\n```" in sections[0].text
    assert sections[1].heading_path == ("K-means", "Elbow")


def test_notebook_invalid_json_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="invalid JSON"):
        parse_notebook("{not json", "nb")


def test_pdf_text_per_page_under_its_title() -> None:
    sections = parse_pdf(make_pdf(["Bootstrap resamples with replacement."], title="Resampling"), "fallback")
    assert sections[0].heading_path == ("Resampling", "page 1")
    assert "Bootstrap resamples with replacement." in sections[0].text


def test_truncated_pdf_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_pdf(make_pdf(["text"])[:60], "x")


@pytest.mark.parametrize("layout", ["legacy", "current"])
def test_apkg_both_layouts_read_the_real_notes(layout: str) -> None:
    sections = parse_apkg(make_apkg(DECK, layout=layout))
    assert [s.topic for s in sections] == ["Statistics", "ML"]
    assert sections[0].text == "Q: What is a p-value?\nA: P(data this extreme | H0)\nNot P(H0)."
    assert sections[0].tags == ("stats", "p-value")
    assert all("Please update" not in s.text for s in sections)


def test_zip_that_is_not_a_deck_is_a_parse_error() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(ParseError, match="no collection"):
        parse_apkg(buffer.getvalue())


def test_anki_text_export_columns_html_and_tags() -> None:
    text = (
        "#separator:tab\n#html:true\n#deck column:3\n#tags column:4\n"
        "What is SRM?\tSample ratio <i>mismatch</i>: the split differs from the design.\tDS::Experiments\tab srm\n"
    )
    (section,) = parse_anki_text_export(text)
    assert section.heading_path == ("Experiments", "What is SRM?")
    assert section.text == "Q: What is SRM?\nA: Sample ratio mismatch: the split differs from the design."
    assert section.tags == ("ab", "srm")


def test_strip_html_opens_clozes_and_drops_media() -> None:
    assert (
        strip_html("{{c1::Lasso::penalty}} zeroes weights[sound:a.mp3]&nbsp;<div>ok</div>")
        == "Lasso zeroes weights\nok"
    )


@pytest.mark.parametrize(
    ("heading", "stage"),
    [
        ("Clarify", "clarify"),
        ("Frame", "frame"),
        ("Data and features", "data"),
        ("Method", "method"),
        ("Evaluation", "evaluation"),
        ("Experiment", "experiment"),
        ("Deployment and monitoring", "deployment"),
        ("Twists", None),
    ],
)
def test_case_stage_headings(heading: str, stage: str | None) -> None:
    assert stage_of_heading(heading) == stage


def test_note_kind_detects_case_studies_by_folder_or_stages() -> None:
    stages = [Section(("Churn", name), "x") for name in ("Clarify", "Frame", "Method", "Evaluation")]
    assert note_kind("notes/churn.md", stages) == "case"
    assert note_kind("corpus/cases/x.md", []) == "case"
    assert note_kind("notes/trees.md", [Section(("Trees", "Splits"), "x")]) == "note"
