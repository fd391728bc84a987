"""Builders for note files the tests need: PDFs, Anki packages in both layouts, notebooks."""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import zstandard


def make_pdf(lines: list[str], title: str | None = None) -> bytes:
    """A minimal valid one-page PDF whose text layer holds the given lines."""
    text_ops = (
        "BT /F1 12 Tf 72 720 Td 14 TL "
        + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*" for line in lines
        )
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text_ops)} >>\nstream\n{text_ops}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if title:
        objects.append(f"<< /Title ({title}) >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    info = f" /Info {len(objects)} 0 R" if title else ""
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _legacy_collection(notes: list[tuple[str, str, str, str]]) -> bytes:
    """A legacy (schema 11) collection: decks as JSON in `col`, notes and cards tables."""
    decks: dict[str, dict[str, object]] = {"1": {"id": 1, "name": "Default"}}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        db = sqlite3.connect(path)
        db.executescript(
            "create table col (id integer primary key, decks text);"
            "create table notes (id integer primary key, guid text, mid integer, tags text, flds text);"
            "create table cards (id integer primary key, nid integer, did integer);"
        )
        for index, (front, back, deck, tags) in enumerate(notes, start=1):
            deck_id = next((int(k) for k, v in decks.items() if v["name"] == deck), None)
            if deck_id is None:
                deck_id = 1000 + len(decks)
                decks[str(deck_id)] = {"id": deck_id, "name": deck}
            db.execute(
                "insert into notes values (?, ?, 1, ?, ?)", (index, f"g{index}", f" {tags} ", f"{front}\x1f{back}")
            )
            db.execute("insert into cards values (?, ?, ?)", (index, index, deck_id))
        db.execute("insert into col values (1, ?)", (json.dumps(decks),))
        db.commit()
        db.close()
        return path.read_bytes()


def _current_collection(notes: list[tuple[str, str, str, str]]) -> bytes:
    """A schema-18 collection: a `decks` table whose names join path parts with \\x1f."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki21"
        db = sqlite3.connect(path)
        db.executescript(
            "create table col (id integer primary key);"
            "create table decks (id integer primary key, name text);"
            "create table notes (id integer primary key, guid text, mid integer, tags text, flds text);"
            "create table cards (id integer primary key, nid integer, did integer);"
        )
        names: dict[str, int] = {}
        for index, (front, back, deck, tags) in enumerate(notes, start=1):
            deck_id = names.setdefault(deck, 2000 + len(names))
            db.execute("insert or ignore into decks values (?, ?)", (deck_id, deck.replace("::", "\x1f")))
            db.execute(
                "insert into notes values (?, ?, 1, ?, ?)", (index, f"g{index}", f" {tags} ", f"{front}\x1f{back}")
            )
            db.execute("insert into cards values (?, ?, ?)", (index, index, deck_id))
        db.commit()
        db.close()
        return path.read_bytes()


def make_apkg(notes: list[tuple[str, str, str, str]], layout: str = "legacy") -> bytes:
    """An .apkg with (front, back, deck, tags) notes: 'legacy' (collection.anki2) or 'current'
    (zstd collection.anki21b beside a legacy collection.anki2 that holds only a placeholder note)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        if layout == "legacy":
            archive.writestr("collection.anki2", _legacy_collection(notes))
        else:
            placeholder = [
                (
                    "Please update to the latest Anki version, then import the .colpkg/.apkg file again.",
                    "",
                    "Default",
                    "",
                )
            ]
            archive.writestr("collection.anki2", _legacy_collection(placeholder))
            archive.writestr("collection.anki21b", zstandard.ZstdCompressor().compress(_current_collection(notes)))
        archive.writestr("media", "{}")
    return out.getvalue()


def make_notebook(cells: list[tuple[str, str]]) -> str:
    """A notebook (nbformat 4) from (cell_type, source) pairs."""
    return json.dumps(
        {
            "cells": [
                {"cell_type": kind, "id": f"c{i}", "metadata": {}, "source": source}
                | ({"outputs": [], "execution_count": None} if kind == "code" else {})
                for i, (kind, source) in enumerate(cells)
            ],
            "metadata": {"kernelspec": {"language": "python", "name": "python3", "display_name": "Python 3"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )
