"""Each note format parses into sections with the right heading paths and text."""

from __future__ import annotations

import io
import json
import sqlite3
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import zstandard

from interviewer.ingest import anki
from interviewer.ingest.anki import parse_anki_text_export, parse_apkg, strip_html
from interviewer.ingest.markdown import parse_markdown, title_from_stem
from interviewer.ingest.notebook import parse_notebook
from interviewer.ingest.pdf import parse_pdf
from interviewer.ingest.pipeline import parse_file
from interviewer.ingest.plaintext import parse_plaintext
from interviewer.ingest.sections import ParseError, Section, note_kind, stage_of_heading
from tests.notefiles import make_apkg, make_notebook, make_pdf

MB = 1024 * 1024
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


# ----- regressions: each of these crashed, hung or lost a note before its fix --------------------------


@pytest.mark.parametrize("where", ["member data", "member header"])
def test_apkg_with_a_damaged_member_is_a_parse_error(where: str) -> None:
    deck = bytearray(make_apkg(DECK))
    deck[len(deck) // 2 if where == "member data" else 0] ^= 0xFF  # a bad CRC, or a bad local header
    with pytest.raises(ParseError, match="re-export the deck from Anki"):
        parse_apkg(bytes(deck))


@pytest.mark.parametrize(
    "document",
    [
        "{}",  # nbformat: jsonschema ValidationError
        '{"nbformat": 3}',
        '{"cells": [[]], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
        '{"cells": [{"cell_type": "markdown", "source": ""}], "metadata": null, "nbformat": 1, "nbformat_minor": 0}',
        "[" * 100_000,  # json: RecursionError
    ],
)
def test_notebook_that_nbformat_cannot_read_is_a_parse_error(document: str) -> None:
    with pytest.raises(ParseError, match="open and re-save it in Jupyter"):
        parse_notebook(document, "nb")


@pytest.mark.parametrize("kernelspec", [["not", "a", "dict"], {"language": "python\n```\n# injected heading"}])
def test_notebook_kernelspec_of_the_wrong_shape_falls_back_to_python(kernelspec: object) -> None:
    notebook = json.loads(make_notebook([("markdown", "# Kept\n\nText."), ("code", "x = 1")]))
    notebook["metadata"]["kernelspec"] = kernelspec
    (section,) = parse_notebook(json.dumps(notebook), "nb")
    assert section.heading_path == ("Kept",) and section.text == "Text.\n\n```python\nx = 1\n```"


def test_anki_export_with_old_mac_line_endings_keeps_every_note() -> None:
    sections = parse_anki_text_export("#separator:tab\rWhat is SRM?\tSample ratio mismatch.\rL1?\tSparse.\r")
    assert [s.text for s in sections] == ["Q: What is SRM?\nA: Sample ratio mismatch.", "Q: L1?\nA: Sparse."]


@pytest.mark.parametrize("header", ["#deck column:²", "#deck column:0", "#deck column:-1"])
def test_anki_export_column_that_is_not_a_column_number_is_ignored(header: str) -> None:
    (section,) = parse_anki_text_export(f"#separator:tab\n{header}\nFront?\tBack.\tLast\n")
    assert section.topic == "Anki" and section.text == "Q: Front?\nA: Back.\nLast"


def test_anki_export_field_longer_than_csv_default_limit_is_kept() -> None:
    (section,) = parse_anki_text_export("#separator:tab\nFront?\t" + "long " * 40_000 + "\n")
    assert len(section.text) > 190_000


@pytest.mark.parametrize(
    ("markup", "plain"),
    [
        ("{{c1::" * 30_000, "{{c1::" * 30_000),  # unclosed clozes: minutes or hours with a lazy `.*?`
        ("{{c1::" + ":" * 100_000 + "x", "{{c1::" + ":" * 100_000 + "x"),
        ("<" * 1_000_000, "<" * 1_000_000),  # quadratic before: about 15 minutes
        ("<br" * 400_000, "<br" * 400_000),
        ("[sound:" * 300_000, "[sound:" * 300_000),
        ("{{c1::outer {{c2::inner}} end}}", "outer inner end"),
    ],
)
def test_strip_html_runs_in_linear_time_on_unclosed_markup(markup: str, plain: str) -> None:
    assert strip_html(markup) == plain


def test_apkg_note_with_invalid_utf8_keeps_the_rest_of_the_deck(tmp_path: Path) -> None:
    deck = zipfile.ZipFile(io.BytesIO(make_apkg(DECK)))
    path = tmp_path / "collection.anki2"
    path.write_bytes(deck.read("collection.anki2"))
    db = sqlite3.connect(path)
    db.execute("update notes set flds = cast(x'4672c3ff6e741f4261636b' as text) where id = 2")  # "Fr\xc3\xffnt"
    db.commit()
    db.close()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("collection.anki2", path.read_bytes())
    sections = parse_apkg(out.getvalue())
    assert [s.topic for s in sections] == ["Statistics", "ML"] and sections[1].text.startswith("Q: Fr")


def test_parsed_text_never_holds_lone_surrogates_or_control_characters() -> None:
    notebook = make_notebook([("markdown", "# T\n\nbroken \ud800 escape, bell \x07 and NUL \x00 here")])
    (section,) = parse_file("nb.ipynb", notebook.encode("utf-8", "surrogatepass"))
    assert section.text == "broken  escape, bell  and NUL  here"
    section.text.encode("utf-8")


# ----- 1. zip bombs named .apkg ---------------------------------------------------------------------


def zip_of(members: dict[str, Callable[[io.BufferedIOBase], None] | bytes]) -> bytes:
    """A zip whose members are bytes or written by a function in blocks (so a large member never sits in memory)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
            else:
                with archive.open(name, "w") as member:
                    content(member)  # type: ignore[arg-type]
    return out.getvalue()


def zeros(megabytes: int) -> Callable[[io.BufferedIOBase], None]:
    """A member writer of that many MB of zeros in 1 MB blocks: packs about 1000:1."""

    def write(member: io.BufferedIOBase) -> None:
        for _ in range(megabytes):
            member.write(bytes(MB))

    return write


def declare_size(data: bytes, size: int) -> bytes:
    """Rewrite the unpacked size the central directory declares for the (only) member."""
    entry = data.rfind(b"PK\x01\x02")
    patched = bytearray(data)
    patched[entry + 24 : entry + 28] = size.to_bytes(4, "little")
    return bytes(patched)


@pytest.fixture
def peak_memory() -> Iterator[Callable[[], int]]:
    """Python's peak allocated bytes while the test runs."""
    tracemalloc.start()
    yield lambda: tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()


def test_member_declaring_gigabytes_is_refused_without_unpacking(peak_memory: Callable[[], int]) -> None:
    bomb = declare_size(zip_of({"collection.anki2": b"SQLite format 3\x00" + bytes(4000)}), 3_000_000_000)
    with pytest.raises(ParseError, match=r"collection.anki2 inside the deck would unpack to 3,000,000,000 bytes"):
        parse_apkg(bomb)
    assert peak_memory() < 2 * MB


def test_member_packed_a_thousand_to_one_is_refused_before_reading(peak_memory: Callable[[], int]) -> None:
    bomb = zip_of({"collection.anki2": zeros(40)})
    assert len(bomb) < 100_000
    before = peak_memory()
    with pytest.raises(ParseError, match="treated as a zip bomb and not unpacked; re-export the deck from Anki"):
        parse_apkg(bomb)
    assert peak_memory() - before < 2 * MB


def test_member_that_lies_about_its_size_stops_at_the_declared_size(peak_memory: Callable[[], int]) -> None:
    liar = declare_size(zip_of({"collection.anki2": zeros(40)}), 4096)  # says 4 KB, holds 40 MB
    before = peak_memory()
    with pytest.raises(ParseError, match="cannot be unpacked"):
        parse_apkg(liar)
    assert peak_memory() - before < 4 * MB


@pytest.mark.parametrize("declares_size", [True, False])
def test_zstd_collection_bomb_is_refused(declares_size: bool, peak_memory: Callable[[], int]) -> None:
    compressor = zstandard.ZstdCompressor(write_content_size=declares_size)
    packed = io.BytesIO()
    with compressor.stream_writer(packed, size=100 * MB if declares_size else -1, closefd=False) as writer:
        for _ in range(100):
            writer.write(bytes(MB))
    bomb = zip_of({"collection.anki2": b"placeholder", "collection.anki21b": packed.getvalue()})
    before = peak_memory()
    with pytest.raises(ParseError, match=r"collection.anki21b inside the deck (would unpack|unpacks) to .* zip bomb"):
        parse_apkg(bomb)
    assert peak_memory() - before < 8 * MB  # read in 1 MB blocks, at most 16 MB written to a temporary file


def test_package_with_too_many_members_is_refused_before_listing_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(anki, "MAX_MEMBERS", 50)
    crowded = zip_of({f"{index}": b"" for index in range(60)} | {"collection.anki2": b""})
    with pytest.raises(ParseError, match="the deck holds more than 50 files: not an Anki package"):
        parse_apkg(crowded)


def test_nested_folders_and_a_zip_inside_the_zip_are_not_followed() -> None:
    deep = zip_of({"a/" * 400 + "collection.anki2": b"x"})
    with pytest.raises(ParseError, match=r"no collection\.anki2 or collection\.anki21b inside"):
        parse_apkg(deep)
    nested = zip_of({"collection.anki2": zip_of({"collection.anki2": zeros(20)})})
    with pytest.raises(ParseError, match="not a readable Anki database"):
        parse_apkg(nested)


def test_collection_whose_notes_never_end_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "collection.anki2"
    db = sqlite3.connect(path)
    db.executescript(
        "create table col (id integer primary key, decks text);"
        "create table cards (id integer primary key, nid integer, did integer);"
        "create view notes as with recursive n(id) as (select 1 union all select id + 1 from n) "
        "select id, '' as tags, 'front' || char(31) || 'back' as flds from n;"
    )
    db.close()
    with pytest.raises(ParseError, match="no notes and cards tables"):
        parse_apkg(zip_of({"collection.anki2": path.read_bytes()}))


def test_collection_whose_query_runs_too_long_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(anki, "_SQLITE_STEP_BUDGET", 0)
    deck = make_apkg([("Front?", "Back.", "DS::Stats", "t")] * 2000)
    with pytest.raises(ParseError, match="takes too long to read"):
        parse_apkg(deck)


# ----- 2. PDFs that make a parser loop --------------------------------------------------------------


def pdf_of(objects: list[bytes | str], trailer: str = "") -> bytes:
    """A PDF from numbered object bodies (1 is the catalog), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + (body.encode("latin-1") if isinstance(body, str) else body))
        out.write(b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write(b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets))
    trailer = trailer.replace("SELF", str(xref))
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def stream(data: bytes, extra: str = "") -> bytes:
    """A stream object's body."""
    return f"<< /Length {len(data)}{extra} >>\nstream\n".encode() + data + b"\nendstream"


def flate(chunks: Iterator[bytes]) -> bytes:
    """Deflate data given in blocks, without holding it all."""
    packer = zlib.compressobj(9)
    return b"".join(packer.compress(chunk) for chunk in chunks) + packer.flush()


CATALOG = "<< /Type /Catalog /Pages 2 0 R >>"
PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
HELLO = stream(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET")
FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
HOSTILE_PDFS: dict[str, Callable[[], bytes]] = {
    "page tree that contains itself": lambda: pdf_of(
        [CATALOG, "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", PAGE, HELLO, FONT]
    ),
    "two page-tree nodes that contain each other": lambda: pdf_of(
        [
            CATALOG,
            "<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
            PAGE,
            HELLO,
            FONT,
            "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
        ]
    ),
    "object that is a reference to itself": lambda: pdf_of(
        [CATALOG, PAGES, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources 6 0 R >>", HELLO, FONT, "6 0 R"]
    ),
    "stream whose length is the stream itself": lambda: pdf_of(
        [CATALOG, PAGES, PAGE, b"<< /Length 4 0 R >>\nstream\nBT ET\nendstream", FONT]
    ),
    "arrays nested 100,000 deep": lambda: pdf_of(
        [CATALOG, PAGES, "<< /Type /Page /Parent 2 0 R /X " + "[" * 100_000 + "]" * 100_000 + " >>", HELLO, FONT]
    ),
    "content stream nested 200,000 deep": lambda: pdf_of(
        [CATALOG, PAGES, PAGE, stream(b"BT /F1 12 Tf " + b"[" * 200_000 + b"]" * 200_000 + b" TJ ET"), FONT]
    ),
    "content stream that inflates to 100 MB": lambda: pdf_of(
        [CATALOG, PAGES, PAGE, stream(flate(iter([b" " * MB] * 100)), " /Filter /FlateDecode"), FONT]
    ),
}
READABLE_PDFS: dict[str, Callable[[], bytes]] = {
    "outline whose entry is its own next, previous and child": lambda: pdf_of(
        [
            "<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>",
            PAGES,
            PAGE,
            HELLO,
            FONT,
            "<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
            "<< /Title (loop) /Parent 6 0 R /Next 7 0 R /Prev 7 0 R /First 7 0 R /Last 7 0 R >>",
        ]
    ),
    "cross-reference table whose /Prev is itself": lambda: pdf_of(
        [CATALOG, PAGES, PAGE, HELLO, FONT], trailer=" /Prev SELF"
    ),
    "object stream declaring 100 million objects": lambda: pdf_of(
        [CATALOG, PAGES, PAGE, HELLO, FONT, stream(b"1 0 ", " /Type /ObjStm /N 100000000 /First 4")]
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PDFS))
def test_hostile_pdf_is_skipped_with_a_one_line_reason(name: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_pdf(HOSTILE_PDFS[name](), "fallback")
    assert "\n" not in str(caught.value) and ("PDF" in str(caught.value) or "pdf" in str(caught.value))


@pytest.mark.parametrize("name", sorted(READABLE_PDFS))
def test_pdf_with_a_loop_outside_its_pages_still_gives_its_text(name: str) -> None:
    (section,) = parse_pdf(READABLE_PDFS[name](), "fallback")
    assert section.text == "Hello" and section.heading_path == ("fallback", "page 1")


def forms_drawing_each_other(depth: int, operations: int) -> bytes:
    """One page whose form XObject draws the next form twice, `depth` levels deep: 2**depth form runs."""
    objects: list[bytes | str] = [
        CATALOG, PAGES,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /XObject << /X 6 0 R >> /Font << /F1 5 0 R >> >> >>",
        stream(b"/X Do"), FONT,
    ]  # fmt: skip
    for level in range(depth):
        calls, resources = (b" /X Do /X Do", f"/XObject << /X {7 + level} 0 R >> ") if level < depth - 1 else (b"", "")
        form = b"BT /F1 12 Tf " + b"(abc) Tj " * operations + b"ET" + calls
        objects.append(
            stream(
                zlib.compress(form),
                " /Filter /FlateDecode /Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                f"/Resources << {resources}/Font << /F1 5 0 R >> >>",
            )
        )
    return pdf_of(objects)


def test_pdf_that_keeps_the_parser_busy_is_stopped_at_the_cpu_budget() -> None:
    busy = forms_drawing_each_other(depth=12, operations=1000)  # 4 KB; about 150 s of pypdf on one page
    assert len(busy) < 5000
    with pytest.raises(ParseError, match=r"the PDF took more than 1 s to read; split it or save it as text"):
        parse_pdf(busy, "busy", cpu_seconds=1)
    (section,) = parse_pdf(forms_drawing_each_other(depth=2, operations=3), "light", cpu_seconds=5)
    assert section.text.count("abc") == 9  # the same kind of file, small: read in full
