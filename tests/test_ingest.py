"""Ingestion into a real Chroma with the fake embedder: idempotent, replaces, prunes, skips. Each test that
uses the store runs on the embedded store (temp folder) and on a Chroma server (`chroma run`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.ingest.pipeline import discover, ingest
from tests.notefiles import make_apkg, make_pdf

LIMIT = 25_000_000


@pytest.fixture
def fake_app(app_on_each_store: App) -> App:
    """This module's app: on the embedded store, then on a Chroma server."""
    return app_on_each_store


def test_ingest_is_idempotent_and_counts(fake_app: App, notes_dir: Path) -> None:
    first = ingest([str(notes_dir)], fake_app.store, LIMIT)
    assert (first.files, first.added, first.skipped) == (3, first.chunks, [])
    assert first.chunks == fake_app.store.count() == 4
    second = ingest([str(notes_dir)], fake_app.store, LIMIT)
    assert (second.files, second.chunks, second.added, second.unchanged) == (3, 4, 0, 3)
    assert fake_app.store.count() == 4


def test_same_file_given_two_ways_is_one_file(fake_app: App, notes_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest([str(notes_dir / "sql.md")], fake_app.store, LIMIT)
    monkeypatch.chdir(notes_dir)
    again = ingest(["./sql.md"], fake_app.store, LIMIT)
    assert again.added == 0 and fake_app.store.count() == 1


def test_changed_file_replaces_its_chunks(fake_app: App, notes_dir: Path) -> None:
    ingest([str(notes_dir)], fake_app.store, LIMIT)
    (notes_dir / "sql.md").write_text("# SQL joins\n\nAn INNER JOIN keeps matching rows only.\n", encoding="utf-8")
    report = ingest([str(notes_dir)], fake_app.store, LIMIT)
    assert (report.added, report.unchanged) == (1, 2)
    texts = [chunk.text for chunk in fake_app.store.chunks({"topic": "SQL joins"})]
    assert texts == ["An INNER JOIN keeps matching rows only."]


def test_prune_removes_chunks_of_deleted_files_only(fake_app: App, notes_dir: Path) -> None:
    ingest([str(notes_dir)], fake_app.store, LIMIT)
    (notes_dir / "pvalues.txt").unlink()
    without_prune = ingest([str(notes_dir)], fake_app.store, LIMIT)
    assert without_prune.removed == 0 and fake_app.store.count() == 4
    pruned = ingest([str(notes_dir)], fake_app.store, LIMIT, prune=True)
    assert pruned.removed == 1
    assert {chunk.source for chunk in fake_app.store.chunks()} == {
        str(notes_dir / "regularization.md"),
        str(notes_dir / "sql.md"),
    }


def test_chunks_carry_source_heading_index_and_hash_id(fake_app: App, notes_dir: Path) -> None:
    ingest([str(notes_dir / "regularization.md")], fake_app.store, LIMIT)
    chunks = fake_app.store.chunks()
    assert [(c.heading, c.chunk_index) for c in chunks] == [("Regularization > L1", 0), ("Regularization > L2", 1)]
    assert chunks[0].source == str(notes_dir / "regularization.md")
    assert len(chunks[0].chunk_id) == 24 and chunks[0].chunk_id != chunks[1].chunk_id


def test_every_format_ingests(fake_app: App, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(make_pdf(["Bootstrap resamples with replacement."]))
    (folder / "deck.apkg").write_bytes(make_apkg([("Front?", "Back.", "DS::Stats", "t")], layout="current"))
    (folder / "cards.txt").write_text("#separator:tab\n#html:false\nQ1\tA1\n", encoding="utf-8")
    report = ingest([str(folder)], fake_app.store, LIMIT)
    assert (report.files, report.skipped) == (3, [])
    # An export without a deck name takes its topic from the file name, not "Anki".
    assert {topic for topic, _ in fake_app.store.topics()} == {"A", "Stats", "Cards"}


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file of each kind of bad input; return name -> expected reason fragment."""
    folder.mkdir()
    (folder / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "truncated.pdf").write_bytes(make_pdf(["text"])[:80])
    (folder / "notadeck.apkg").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    (folder / "latin1.txt").write_bytes("Caf\xe9 notes about p-values".encode("latin-1"))
    (folder / "empty.md").write_bytes(b"")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    os.symlink(folder / "loop_b.md", folder / "loop_a.md")
    os.symlink(folder / "loop_a.md", folder / "loop_b.md")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    return {
        "binary.md": "binary",
        "truncated.pdf": "PDF",
        "notadeck.apkg": "Anki package",
        "latin1.txt": "UTF-8",
        "empty.md": "empty",
        "huge.txt": "too large",
        "loop_a.md": "unreadable",
        "loop_b.md": "unreadable",
        "picture.png": "unsupported",
    }


def test_bad_inputs_are_each_reported_and_good_files_kept(fake_app: App, notes_dir: Path, tmp_path: Path) -> None:
    expected = _bad_inputs(notes_dir / "bad")
    report = ingest([str(notes_dir)], fake_app.store, LIMIT)
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert set(reasons) == set(expected)
    for name, fragment in expected.items():
        assert fragment in reasons[name], (name, reasons[name])
    assert report.files == 3 and fake_app.store.count() == 4


def test_folder_link_loop_is_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "n"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "x.md").write_text("# X\n\ntext\n", encoding="utf-8")
    os.symlink(folder, folder / "sub" / "back")
    files, skipped = discover([str(folder)])
    assert [Path(f).name for f in files] == ["x.md"] and skipped == []


def test_missing_path_is_reported(tmp_path: Path) -> None:
    files, skipped = discover([str(tmp_path / "nope")])
    assert files == [] and skipped[0].reason == "not found"


def test_a_folders_readme_is_skipped_with_a_reason_and_indexed_when_named(tmp_path: Path) -> None:
    from interviewer.ingest.pipeline import discover

    (tmp_path / "README.md").write_text("# My notes\nWhat this folder holds.\n", encoding="utf-8")
    (tmp_path / "lasso.md").write_text("# Lasso\nLasso sets some coefficients to zero.\n", encoding="utf-8")
    files, skipped = discover([str(tmp_path)])
    assert [Path(f).name for f in files] == ["lasso.md"]
    assert [(Path(s.path).name, s.reason) for s in skipped] == [
        ("README.md", "a folder's README, not a note; give its path on its own to index it")
    ]
    assert discover([str(tmp_path / "README.md")])[0] == [str(tmp_path / "README.md")]
