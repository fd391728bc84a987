"""Uploaded files: hostile names become one plain name inside the folder; copies never clobber or overflow."""

from __future__ import annotations

import errno
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interviewer.errors import SaveError, UploadError
from interviewer.ingest.pipeline import discover
from interviewer.ingest.uploads import MAX_NAME_BYTES, safe_upload_name, store_upload

HOSTILE_NAMES = [
    ("../../.bashrc", "upload.bashrc"),
    ("..\\..\\Windows\\win.ini", "win.ini"),
    ("/etc/passwd", "passwd"),
    ("C:\\Users\\me\\notes.md", "notes.md"),
    ("C:notes.md", "notes.md"),
    ("\\\\server\\share\\deck.apkg", "deck.apkg"),
    ("notes/../../../x.pdf", "x.pdf"),
    ("a\x00b.md", "ab.md"),
    ("line\nbreak\r.md", "line break.md"),
    ("evil\u202egpj.md", "evilgpj.md"),  # a right-to-left override that would show "evildm.jpg"
    ("zero\u200bwidth.txt", "zerowidth.txt"),
    ("CON.md", "_CON.md"),
    ("nul", "_nul"),
    ("com1.tar.gz", "_com1.tar.gz"),
    ("LPT9 .txt", "_LPT9.txt"),
    ("file.md:stream", "file.md_stream"),
    ('what?<is>"this"|*.md', "what__is__this___.md"),
    ("", "upload"),
    (".", "upload"),
    ("..", "upload"),
    ("...", "upload"),
    ("   ", "upload"),
    (".md", "upload.md"),
    ("trailing dots...", "trailing dots"),
    ("\ud800.ipynb", "upload.ipynb"),
    ("ok name.md", "ok name.md"),
    ("Résumé Notes.MD", "Résumé Notes.MD"),
]


@pytest.mark.parametrize(("name", "expected"), HOSTILE_NAMES)
def test_hostile_names_become_one_plain_name(name: str, expected: str) -> None:
    assert safe_upload_name(name) == expected


def test_overlong_names_are_cut_and_keep_their_extension() -> None:
    for name in ("x" * 1000 + ".md", "é" * 300 + ".ipynb", "字" * 200 + ".apkg"):
        safe = safe_upload_name(name)
        assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES
        assert safe.endswith(name.rsplit(".", 1)[1]) and len(safe) > 50


def assert_plain_name_inside(folder: Path, safe: str) -> None:
    """The properties the web app relies on: one visible, storable name that stays in the folder."""
    assert safe and safe not in (".", "..") and not safe.startswith(".")
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs") for ch in safe)
    assert safe == safe.strip() and not safe.endswith(".")
    assert (folder / safe).resolve().parent == folder.resolve()
    assert safe_upload_name(safe) == safe  # a stored name is already safe


_name_parts = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["..", ".", "/", "\\", "C:", "\x00", "\u202e", "CON", "nul", " ", ":", "~", "$", "*"]),
)


@settings(max_examples=300, deadline=1000, derandomize=True, database=None)
@given(parts=st.lists(_name_parts, max_size=8), extension=st.sampled_from(["", ".md", ".pdf", ".apkg", ".ipynb"]))
def test_any_name_becomes_a_plain_name_inside_the_folder(parts: list[str], extension: str) -> None:
    name = "".join(parts) + extension
    safe = safe_upload_name(name)
    assert_plain_name_inside(Path("/srv/interviewer/uploads"), safe)  # resolved on paper: nothing is created
    if extension:  # a name's own extension survives whatever comes before it
        assert safe.endswith(extension)


def upload(tmp_path: Path, content: bytes, name: str = "upload.tmp") -> Path:
    """A file as the web framework hands it over: in its own temporary folder."""
    incoming = tmp_path / "incoming"
    incoming.mkdir(exist_ok=True)
    path = incoming / name
    path.write_bytes(content)
    return path


def test_store_upload_copies_under_the_safe_name_and_ingest_finds_it(tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    stored = store_upload(upload(tmp_path, b"# Trees\n\nGini.\n"), "../../notes.md", folder)
    assert stored == folder / "notes.md" and stored.read_bytes() == b"# Trees\n\nGini.\n"
    files, skipped = discover([str(folder)])
    assert files == [str(stored)] and skipped == []  # no temporary file left behind


def test_same_name_reuses_identical_content_and_never_clobbers_different_content(tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    first = store_upload(upload(tmp_path, b"version one"), "notes.md", folder)
    again = store_upload(upload(tmp_path, b"version one"), "notes.md", folder)
    second = store_upload(upload(tmp_path, b"version two"), "notes.md", folder)
    third = store_upload(upload(tmp_path, b"version three"), "notes.md", folder)
    assert again == first == folder / "notes.md"
    assert (second.name, third.name) == ("notes-2.md", "notes-3.md")
    assert [p.read_bytes() for p in (first, second, third)] == [b"version one", b"version two", b"version three"]
    assert store_upload(upload(tmp_path, b"version two"), "notes.md", folder) == second
    assert sorted(p.name for p in folder.iterdir()) == ["notes-2.md", "notes-3.md", "notes.md"]


def test_a_link_under_the_target_name_is_not_written_through(tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    folder.mkdir()
    outside = tmp_path / "outside.md"
    outside.write_bytes(b"precious")
    os.symlink(outside, folder / "notes.md")
    stored = store_upload(upload(tmp_path, b"precious"), "notes.md", folder)
    assert stored == folder / "notes-2.md" and outside.read_bytes() == b"precious"


def test_too_large_upload_is_refused_before_copying(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    folder = tmp_path / "uploads"
    with pytest.raises(UploadError, match=r"big.pdf: too large \(210 MB, limit 20 MB\)"):
        store_upload(big, "big.pdf", folder)
    assert not folder.exists() or not any(folder.iterdir())


def test_upload_that_is_not_a_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UploadError, match="not a regular file"):
        store_upload(tmp_path, "notes.md", tmp_path / "uploads")
    with pytest.raises(UploadError, match="cannot be read"):
        store_upload(tmp_path / "gone", "notes.md", tmp_path / "uploads")


def test_full_disk_is_a_save_error_and_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "uploads"
    store_upload(upload(tmp_path, b"kept"), "notes.md", folder)
    real_fsync = os.fsync

    def full_disk(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(SaveError, match=r"notes.md was not stored .*No space left on device.*free disk space"):
        store_upload(upload(tmp_path, b"new content"), "notes.md", folder)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert [(p.name, p.read_bytes()) for p in folder.iterdir()] == [("notes.md", b"kept")]
