"""Fuzzing the note parsers: any input ends in sections that can be stored, or a ParseError; never a crash.

Bounded by example counts (derandomized, no example database), so the file runs in well under a minute;
set FUZZ_EXAMPLES to run more examples locally."""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Callable

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviewer.ingest.anki import parse_anki_text_export, parse_apkg, strip_html
from interviewer.ingest.markdown import parse_markdown
from interviewer.ingest.pdf import read_pdf_pages
from interviewer.ingest.pipeline import parse_file, storable
from interviewer.ingest.sections import ParseError, Section
from tests.notefiles import make_apkg, make_notebook, make_pdf

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))


def fuzz(examples: int = EXAMPLES, deadline_ms: int = 5000) -> Callable[..., object]:
    """Hypothesis settings for these tests: a fixed number of examples and a generous per-example deadline."""
    return settings(
        max_examples=examples,
        deadline=deadline_ms,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def assert_storable(sections: list[Section]) -> None:
    """What the store needs: text that encodes as UTF-8, a non-empty heading path, no NUL."""
    for section in sections:
        assert section.heading_path
        for text in (section.text, *section.heading_path, *section.tags):
            text.encode("utf-8")
            assert "\x00" not in text


def assert_parses_or_skips(parse: Callable[[], list[Section]]) -> None:
    """Run a parser: its sections can be stored, or it raised a ParseError whose reason is one short line."""
    try:
        sections = parse()
    except ParseError as exc:
        assert str(exc) and "\n" not in str(exc) and len(str(exc)) < 400
        return
    assert_storable(sections)


def parse_or_skip(path: str, data: bytes) -> None:
    """`assert_parses_or_skips` on `parse_file`, the pipeline's entry point."""
    assert_parses_or_skips(lambda: parse_file(path, data))


# ----- seeds and mutations --------------------------------------------------------------------------

SEEDS = {
    ".md": b"# Trees\n\n## Splits\n\n- Gini impurity.\n\n```python\nx = 1\n```\n\nDepth\n-----\n\nDeeper.\n",
    ".txt": b"Central Limit Theorem\n\nThe mean of many draws is roughly normal.\n\nPitfalls:\nHeavy tails.\n",
    ".ipynb": make_notebook([("markdown", "# K-means\n\nLloyd."), ("code", "km.fit(X)")]).encode(),
    ".pdf": make_pdf(["Bootstrap resamples with replacement."], title="Resampling"),
    ".apkg": make_apkg([("What is a <b>p-value</b>?", "{{c1::P(data|H0)::hint}}", "DS::Stats", "t")]),
    "anki.txt": b"#separator:tab\n#html:true\n#deck column:3\nWhat is SRM?\tSample ratio <i>mismatch</i>\tDS::AB\n",
}
_mutation = st.tuples(
    st.floats(min_value=0, max_value=1), st.sampled_from(["flip", "cut", "insert", "repeat"]), st.binary(max_size=64)
)


def mutate(seed: bytes, mutations: list[tuple[float, str, bytes]]) -> bytes:
    """Apply byte-level mutations at relative positions: overwrite, truncate, insert, or repeat a slice."""
    data = bytearray(seed)
    for where, kind, chunk in mutations:
        at = int(where * len(data))
        if kind == "flip":
            data[at : at + len(chunk)] = chunk
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = chunk
        else:
            data[at:at] = bytes(data[at : at + 32]) * (1 + len(chunk) % 40)
    return bytes(data)


@pytest.mark.parametrize("suffix", [".md", ".txt", ".ipynb", ".apkg", "anki.txt"])
@fuzz()
@given(mutations=st.lists(_mutation, min_size=1, max_size=6))
def test_mutated_files_parse_or_are_skipped(suffix: str, mutations: list[tuple[float, str, bytes]]) -> None:
    parse_or_skip(f"note{suffix}", mutate(SEEDS[suffix], mutations))


@fuzz(examples=max(10, EXAMPLES // 4))  # each example starts the PDF worker process
@given(mutations=st.lists(_mutation, min_size=1, max_size=6))
def test_mutated_pdfs_parse_or_are_skipped_through_the_worker(mutations: list[tuple[float, str, bytes]]) -> None:
    parse_or_skip("note.pdf", mutate(SEEDS[".pdf"], mutations))


@fuzz()
@given(mutations=st.lists(_mutation, min_size=1, max_size=8))
def test_mutated_pdfs_in_process_raise_only_parse_errors(mutations: list[tuple[float, str, bytes]]) -> None:
    data = mutate(SEEDS[".pdf"], mutations)
    # The worker's own reader, many more examples than the worker allows: what pypdf raises must become a
    # ParseError. (Its raw text may hold NULs; `parse_file` cleans them, as the tests above check.)
    assert_parses_or_skips(lambda: [storable(section) for section in read_pdf_pages(data, "x")])


@pytest.mark.parametrize("suffix", [".md", ".markdown", ".txt", ".ipynb", ".apkg", ".pdf", ".png"])
@fuzz(examples=max(10, EXAMPLES // 3))
@given(data=st.binary(max_size=3000))
def test_random_bytes_parse_or_are_skipped(suffix: str, data: bytes) -> None:
    parse_or_skip(f"note{suffix}", data)


# ----- structured input -----------------------------------------------------------------------------

_md_line = st.one_of(
    st.sampled_from(["", "#", "# ", "## Heading", "###### deep", "####### seven", "```", "~~~", "---", "===", "- a"]),
    st.sampled_from(["title: T", "Text line.", "   ", "\t", "# trailing ##", "<b>", "\r", "\x00", "\ud800"]),
    st.text(max_size=40),
)


@fuzz()
@given(lines=st.lists(_md_line, max_size=40), title=st.text(max_size=20))
def test_markdown_structure_keeps_every_word_of_text(lines: list[str], title: str) -> None:
    text = "\n".join(lines)
    sections = parse_markdown(text, title or "T")
    for section in sections:
        assert section.heading_path and section.text == section.text.strip() and section.text
    actual = text.replace("\r\n", "\n").replace("\r", "\n")
    if not any(line.lstrip().startswith(("#", "```", "~~~", "-", "=")) for line in actual.split("\n")):
        # No heading, fence or rule: the whole note is one section and nothing is dropped, but for a plain first
        # line set apart by a blank line, which is the note's title.
        kept = [s.text for s in sections]
        first, _, rest = actual.strip().partition("\n")
        if sections and sections[0].heading_path[0] == first.strip() != (title or "T"):
            assert kept == [rest.strip()]
        else:
            assert kept == ([actual.strip()] if actual.strip() else [])


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_cell = st.fixed_dictionaries(
    {"cell_type": st.sampled_from(["markdown", "code", "raw", 5]), "source": st.one_of(_json, st.text())},
    optional={"metadata": _json, "id": _json, "outputs": _json, "execution_count": _json},
)


@fuzz()
@given(
    cells=st.one_of(st.lists(st.one_of(_cell, _json), max_size=5), _json),
    metadata=_json,
    version=st.sampled_from([4, 3, 2, 1, 5, "4", None]),
    minor=st.sampled_from([0, 4, 5, -1, None]),
)
def test_structured_notebooks_parse_or_raise_parse_errors(
    cells: object, metadata: object, version: object, minor: object
) -> None:
    document = {"cells": cells, "metadata": metadata, "nbformat": version, "nbformat_minor": minor}
    parse_or_skip("nb.ipynb", json.dumps(document).encode())


_header = st.tuples(
    st.sampled_from(["separator", "html", "deck", "tags", "deck column", "tags column", "notetype column", "guid"]),
    st.one_of(st.sampled_from(["tab", "comma", "pipe", '"', "true", "0", "1", "3", "²", "-1", "9" * 12]), st.text()),
)


@fuzz()
@given(
    headers=st.lists(_header, min_size=1, max_size=5),
    rows=st.lists(st.lists(st.text(alphabet='ab\t,;|" <>{}:c1\r\n', max_size=12), max_size=5), max_size=6),
)
def test_structured_anki_exports_parse_or_raise_parse_errors(
    headers: list[tuple[str, str]], rows: list[list[str]]
) -> None:
    head = "".join(f"#{key}:{' '.join(value.splitlines())}\n" for key, value in headers)
    text = head + "\n".join("\t".join(row) for row in rows)
    assert_parses_or_skips(lambda: [storable(section) for section in parse_anki_text_export(text)])


@fuzz()
@given(text=st.text(alphabet="<>{}[]:/c1sound br\n&;amp", max_size=400))
def test_strip_html_on_markup_soup_returns_plain_lines(text: str) -> None:
    assert all(line == line.strip() and line for line in strip_html(text).splitlines())


_member = st.tuples(
    st.sampled_from(["collection.anki2", "collection.anki21", "collection.anki21b", "media", "a/collection.anki2"]),
    st.one_of(
        st.binary(max_size=200),
        st.just(b"SQLite format 3\x00" + bytes(84)),
        st.binary(max_size=200).map(lambda raw: zstandard.ZstdCompressor().compress(raw)),
    ),
    st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]),
)


@fuzz()
@given(members=st.lists(_member, max_size=4))
def test_random_zip_packages_parse_or_raise_parse_errors(members: list[tuple[str, bytes, int]]) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, (content, method) in {name: (content, method) for name, content, method in members}.items():
            archive.writestr(name, content, compress_type=method)
    assert_parses_or_skips(lambda: [storable(section) for section in parse_apkg(out.getvalue())])
