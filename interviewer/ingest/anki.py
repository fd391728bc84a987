"""Anki decks: `.apkg` packages (legacy `collection.anki2` and current zstd `collection.anki21b`) and
Anki's plain-text export. Each note becomes one section; its deck is the topic and its tags are kept."""

from __future__ import annotations

import html
import io
import json
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from interviewer.ingest.sections import ParseError, Section

__all__ = ["MAX_UNPACKED_BYTES", "is_anki_text_export", "parse_anki_text_export", "parse_apkg", "strip_html"]

MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # a deck's collection larger than this is treated as hostile
_FIELD_SEPARATOR = "\x1f"
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.S)
_BREAKS = re.compile(r"<\s*/?\s*(br|div|p|li|h\d)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_SOUND = re.compile(r"\[sound:[^\]]*\]")


def strip_html(text: str) -> str:
    """Anki field HTML to plain text: line breaks kept, tags and media references dropped, clozes opened."""
    text = _CLOZE.sub(r"\1", text)
    text = _BREAKS.sub("\n", text)
    text = _TAG.sub("", text)
    text = _SOUND.sub("", text)
    text = html.unescape(text).replace("\xa0", " ")
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _deck_topic(deck: str) -> tuple[str, ...]:
    parts = tuple(part.strip() for part in deck.split("::") if part.strip())
    return parts or ("Anki",)


def _note_section(fields: list[str], deck: str, tags: str) -> Section | None:
    clean = [strip_html(field) for field in fields]
    clean = [field for field in clean if field]
    if not clean:
        return None
    front, back = clean[0], "\n".join(clean[1:])
    text = f"Q: {front}\nA: {back}" if back else front
    deck_path = _deck_topic(deck)
    # Topic is the deck's last component: "DS Interview::Statistics" -> "Statistics".
    return Section(heading_path=(deck_path[-1], front[:80]), text=text, tags=tuple(tags.split()))


# ----- .apkg ------------------------------------------------------------------------------------------


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_UNPACKED_BYTES:
        raise ParseError(f"{name} inside the deck unpacks to {info.file_size} bytes, over the limit")
    with archive.open(info) as handle:
        data = handle.read(MAX_UNPACKED_BYTES + 1)
    if len(data) > MAX_UNPACKED_BYTES:
        raise ParseError(f"{name} inside the deck unpacks past the size limit")
    return data


def _zstd_decompress(data: bytes) -> bytes:
    import zstandard

    try:
        reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data))
        out = reader.read(MAX_UNPACKED_BYTES + 1)
    except zstandard.ZstdError as exc:
        raise ParseError(f"collection.anki21b is not valid zstd data ({exc})") from None
    if len(out) > MAX_UNPACKED_BYTES:
        raise ParseError("collection.anki21b unpacks past the size limit")
    return out


def _decks(connection: sqlite3.Connection) -> dict[int, str]:
    tables = {row[0] for row in connection.execute("select name from sqlite_master where type='table'")}
    if "decks" in tables:  # schema 18 (current Anki): one row per deck, path parts joined by \x1f
        return {
            int(i): str(name).replace(_FIELD_SEPARATOR, "::")
            for i, name in connection.execute("select id, name from decks")
        }
    row = connection.execute("select decks from col").fetchone()
    decks = json.loads(row[0]) if row and row[0] else {}
    return {int(key): str(value.get("name", "Default")) for key, value in decks.items()}


def _sections_from_collection(path: Path) -> list[Section]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        decks = _decks(connection)
        deck_of_note = dict(connection.execute("select nid, min(did) from cards group by nid").fetchall())
        sections = []
        for note_id, tags, fields in connection.execute("select id, tags, flds from notes order by id"):
            deck = decks.get(int(deck_of_note.get(note_id, 1)), "Default")
            section = _note_section(str(fields).split(_FIELD_SEPARATOR), deck, str(tags or ""))
            if section is not None:
                sections.append(section)
        return sections
    finally:
        connection.close()


def parse_apkg(data: bytes) -> list[Section]:
    """Read the notes of an Anki package; prefers the current collection over the legacy placeholder."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ParseError("not an Anki package: not a zip file") from None
    with archive:
        names = set(archive.namelist())
        if "collection.anki21b" in names:
            collection = _zstd_decompress(_read_member(archive, "collection.anki21b"))
        elif "collection.anki21" in names:
            collection = _read_member(archive, "collection.anki21")
        elif "collection.anki2" in names:
            collection = _read_member(archive, "collection.anki2")
        else:
            raise ParseError("not an Anki package: no collection.anki2 or collection.anki21b inside")
    with tempfile.TemporaryDirectory(prefix="interviewer-apkg-") as folder:
        path = Path(folder) / "collection.sqlite"
        path.write_bytes(collection)
        try:
            return _sections_from_collection(path)
        except (sqlite3.DatabaseError, json.JSONDecodeError, ValueError, TypeError, AttributeError) as exc:
            raise ParseError(f"the deck's collection is not a readable Anki database ({exc})") from None


# ----- plain-text export ------------------------------------------------------------------------------

_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":"}


def is_anki_text_export(text: str) -> bool:
    """True when a .txt file starts with Anki's export headers (#separator:, #html:, ...)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip().lower()
    return first.startswith(("#separator:", "#html:", "#notetype", "#deck", "#tags", "#guid", "#columns:"))


def parse_anki_text_export(text: str) -> list[Section]:
    """Read Anki's 'Notes in Plain Text' export: headers, then one note per line."""
    import csv

    headers: dict[str, str] = {}
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    body_start = 0
    for body_start, line in enumerate(lines):  # noqa: B007 - the index is used after the loop
        if not line.startswith("#") or ":" not in line:
            break
        key, value = line[1:].split(":", 1)
        headers[key.strip().lower()] = value.strip()
    else:
        body_start = len(lines)
    separator = _SEPARATORS.get(headers.get("separator", "tab").lower(), headers.get("separator", "\t")[:1] or "\t")
    is_html = headers.get("html", "false").lower() == "true"

    def column(name: str) -> int | None:
        value = headers.get(f"{name} column")
        return int(value) - 1 if value and value.isdigit() else None

    deck_column, tags_column = column("deck"), column("tags")
    special = {index for index in (deck_column, tags_column, column("notetype"), column("guid")) if index is not None}
    default_deck = headers.get("deck", "Anki")
    sections = []
    for row in csv.reader(lines[body_start:], delimiter=separator, quotechar='"'):
        if not row or not any(cell.strip() for cell in row):
            continue
        deck = row[deck_column] if deck_column is not None and deck_column < len(row) else default_deck
        tags = row[tags_column] if tags_column is not None and tags_column < len(row) else headers.get("tags", "")
        fields = [cell for index, cell in enumerate(row) if index not in special]
        if not is_html:
            fields = [html.escape(field) for field in fields]
        section = _note_section(fields, deck, tags)
        if section is not None:
            sections.append(section)
    if not sections:
        raise ParseError("the Anki export has headers but no notes")
    return sections
