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
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO
from urllib.request import pathname2url

from interviewer.ingest.clean import drop_media, html_to_text
from interviewer.ingest.metacards import is_metadata_deck, metadata_card_reason
from interviewer.ingest.sections import MAX_TEXT_CHARS, ParseError, Section
from interviewer.ingest.topics import anki_topics

__all__ = [
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_UNPACKED_BYTES",
    "RATIO_FREE_BYTES",
    "is_anki_text_export",
    "parse_anki_text_export",
    "parse_apkg",
    "strip_html",
]

MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # a deck's collection larger than this is treated as hostile
MAX_RATIO = 100  # unpacked / packed size above which a member is a zip bomb
RATIO_FREE_BYTES = 16 * 1024 * 1024  # members up to this size may have any ratio: too small to hurt
MAX_MEMBERS = 100_000  # files in one package (a deck's media are one file each)
_SQLITE_STEP_BUDGET = 200_000  # progress-handler calls (10,000 SQLite instructions each) per collection
_CSV_FIELD_LIMIT = 1 << 30  # characters in one field of a plain-text export
_CLOZE_DEPTH = 8  # nested clozes opened, innermost first
_FIELD_SEPARATOR = "\x1f"
# Possessive quantifiers and no overlapping alternatives: each pattern runs in linear time on any field
# (the lazy `.*?` these replace took minutes on a 30 KB field of unclosed clozes).
_CLOZE = re.compile(r"\{\{c\d+::([^{}]*+)\}\}")
_SOURCE_WRAP = re.compile(r"[ \t]*+\r?\n[ \t]*+")


def _open_cloze(match: re.Match[str]) -> str:
    return match.group(1).split("::", 1)[0]  # "{{c1::answer::hint}}" -> "answer"


def _blank_cloze(match: re.Match[str]) -> str:
    parts = match.group(1).split("::", 1)
    return f"[{parts[1]}]" if len(parts) > 1 and parts[1].strip() else "[...]"  # the hint, when there is one


def _clozes(text: str, replacement: Callable[[re.Match[str]], str]) -> str:
    for _ in range(_CLOZE_DEPTH):
        text, opened = _CLOZE.subn(replacement, text)
        if not opened:
            break
    return text


def strip_html(text: str) -> str:
    """Anki field HTML to plain text: line breaks kept, tags and media references dropped, clozes opened."""
    text = _clozes(text, _open_cloze)
    text = _SOURCE_WRAP.sub(" ", text)  # a line break in the HTML source is a space, not a break
    text = html_to_text(drop_media(text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _is_cloze(field: str) -> bool:
    return _CLOZE.search(field) is not None


def _note_section(fields: list[str], topic: str, tags: str, number: int, meta_deck: bool = False) -> Section | None:
    """One note as a section: question and answer kept apart, clozes as a question with a blank."""
    cloze = bool(fields) and _is_cloze(fields[0])
    clean = [strip_html(field) for field in fields]
    if not any(clean):
        return None
    front = clean[0] or next(field for field in clean if field)
    back = "\n".join(field for field in clean[1:] if field and field != front)
    tag_tuple = tuple(tags.split())
    reason = metadata_card_reason(front, back) or ("card of a sub-deck about the deck" if meta_deck else None)
    if reason is not None:
        return Section(heading_path=(topic, f"note-{number}"), text=front, tags=tag_tuple, skip_reason=reason)
    if cloze:
        question = strip_html(_clozes(fields[0], _blank_cloze))
        text = f"{front}\n{back}" if back else front
        return Section(heading_path=(topic, question[:80]), text=text, tags=tag_tuple, question=question, answer=text)
    text = f"Q: {front}\nA: {back}" if back else front
    return Section(
        heading_path=(topic, front[:80]),
        text=text,
        tags=tag_tuple,
        question=front if back else "",
        answer=back,
    )


def _deck_sections(notes: list[tuple[list[str], str, str]], fallback_title: str) -> list[Section]:
    """Sections of a deck's notes (fields, deck name, tags), each under its topic (see topics.py)."""
    topics = anki_topics([(deck, tags.split()) for _, deck, tags in notes], fallback_title)
    sections = []
    for number, ((fields, deck, tags), topic) in enumerate(zip(notes, topics, strict=True), start=1):
        section = _note_section(fields, topic, tags, number, is_metadata_deck(deck))
        if section is not None:
            sections.append(section)
    return sections


# ----- .apkg ------------------------------------------------------------------------------------------
# A deck is a zip from someone else: it is unpacked to a temporary file, never into memory, and rejected
# before unpacking when its declared sizes say it is a zip bomb. A member may unpack to at most MAX_RATIO
# times its packed size (real collections pack 5-10x), or RATIO_FREE_BYTES, whichever is larger.

_ENTRY_SIGNATURE = b"PK\x01\x02"  # starts every entry of a zip's central directory
_BLOCK = 1 << 20
_ZSTD_HEADER_MAX = 18  # bytes: the longest zstd frame header
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError)


def _unpack_limit(packed_bytes: int) -> int:
    return min(MAX_UNPACKED_BYTES, max(RATIO_FREE_BYTES, MAX_RATIO * packed_bytes))


def _bomb(name: str, unpacked: int, packed: int, declared: bool = True) -> ParseError:
    limit = _unpack_limit(packed)
    size = f"would unpack to {unpacked:,} bytes" if declared else f"unpacks to more than {limit:,} bytes"
    return ParseError(
        f"{name} inside the deck {size} from {packed:,} (limit {limit:,}): "
        "treated as a zip bomb and not unpacked; re-export the deck from Anki"
    )


def _open_archive(data: bytes) -> zipfile.ZipFile:
    # zipfile builds an object per entry before we can look at them: count the entries' signatures first.
    if data.count(_ENTRY_SIGNATURE) > MAX_MEMBERS:
        raise ParseError(f"the deck holds more than {MAX_MEMBERS:,} files: not an Anki package; re-export it from Anki")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise ParseError("not an Anki package: not a readable zip file; re-export the deck from Anki") from None


def _copy_capped(source: IO[bytes], target: IO[bytes], limit: int, name: str, packed: int) -> None:
    written = 0
    while block := source.read(_BLOCK):
        written += len(block)
        if written > limit:
            raise _bomb(name, written, packed, declared=False)
        try:
            target.write(block)
        except OSError as exc:  # the temporary folder, not the deck: say so
            raise _no_room(exc) from None


def _no_room(exc: OSError) -> ParseError:
    return ParseError(f"cannot unpack the deck to a temporary file ({exc.strerror or exc}); free disk space")


def _unpack_member(archive: zipfile.ZipFile, name: str, target: IO[bytes]) -> None:
    info = archive.getinfo(name)
    if info.file_size > _unpack_limit(info.compress_size):
        raise _bomb(name, info.file_size, info.compress_size)
    try:
        if name.endswith("b"):  # collection.anki21b: zstd inside the zip
            with archive.open(info) as member:
                header = member.read(_ZSTD_HEADER_MAX)
            with archive.open(info) as member:
                _unpack_zstd(header, member, target, name, info.compress_size)
        else:
            with archive.open(info) as member:
                _copy_capped(member, target, _unpack_limit(info.compress_size), name, info.compress_size)
    except _ZIP_ERRORS as exc:
        raise ParseError(f"{name} inside the deck cannot be unpacked ({exc}); re-export the deck from Anki") from None


def _unpack_zstd(header: bytes, member: IO[bytes], target: IO[bytes], name: str, packed: int) -> None:
    import zstandard

    try:
        declared = zstandard.get_frame_parameters(header).content_size
        if declared != zstandard.CONTENTSIZE_UNKNOWN and declared > _unpack_limit(packed):
            raise _bomb(name, declared, packed)
        reader = zstandard.ZstdDecompressor().stream_reader(member)
        _copy_capped(reader, target, _unpack_limit(packed), name, packed)
    except zstandard.ZstdError as exc:
        raise ParseError(f"{name} is not valid zstd data ({exc}); re-export the deck from Anki") from None


def _decks(connection: sqlite3.Connection) -> dict[int, str]:
    if _is_table(connection, "decks"):  # schema 18 (current Anki): one row per deck, path parts joined by \x1f
        return {
            int(i): str(name).replace(_FIELD_SEPARATOR, "::")
            for i, name in connection.execute("select id, name from decks")
        }
    if not _is_table(connection, "col"):
        return {}
    row = connection.execute("select decks from col").fetchone()
    decks = json.loads(row[0]) if row and row[0] else {}
    return {int(key): str(value.get("name", "Default")) for key, value in decks.items()}


def _is_table(connection: sqlite3.Connection, name: str) -> bool:
    # A view (say, a recursive one that never ends) or a virtual table is not what Anki writes: refuse it.
    row = connection.execute("select type, sql from sqlite_master where name = ?", (name,)).fetchone()
    return row is not None and row[0] == "table" and not str(row[1] or "").lstrip().lower().startswith("create virtual")


def _sections_from_collection(path: Path, fallback_title: str) -> list[Section]:
    # immutable: the file is read as it is, with no journal, lock or WAL of its own.
    connection = sqlite3.connect(f"file:{pathname2url(str(path))}?mode=ro&immutable=1", uri=True)
    budget = _StepBudget()
    connection.set_progress_handler(budget, 10_000)
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")  # one bad note must not sink the deck
    try:
        if not (_is_table(connection, "notes") and _is_table(connection, "cards")):
            raise ParseError("the deck's collection has no notes and cards tables; re-export the deck from Anki")
        decks = _decks(connection)
        deck_of_note = dict(connection.execute("select nid, min(did) from cards group by nid").fetchall())
        notes: list[tuple[list[str], str, str]] = []
        size = 0
        for note_id, tags, fields in connection.execute("select id, tags, flds from notes order by id"):
            deck = decks.get(int(deck_of_note.get(note_id, 1)), "Default")
            size += len(str(fields))
            if size > MAX_TEXT_CHARS:
                raise ParseError(f"the deck holds more than {MAX_TEXT_CHARS:,} characters of text; split it")
            notes.append((str(fields).split(_FIELD_SEPARATOR), deck, str(tags or "")))
        return _deck_sections(notes, fallback_title)
    except sqlite3.OperationalError:
        if budget.spent:
            raise ParseError("the deck's collection takes too long to read; re-export the deck from Anki") from None
        raise
    finally:
        connection.close()


class _StepBudget:
    """A SQLite progress handler that stops a query after a fixed amount of work."""

    def __init__(self) -> None:
        self.calls = 0

    @property
    def spent(self) -> bool:
        return self.calls > _SQLITE_STEP_BUDGET

    def __call__(self) -> bool:
        self.calls += 1
        return self.spent


def parse_apkg(data: bytes, fallback_title: str = "Anki") -> list[Section]:
    """Read the notes of an Anki package; prefers the current collection over the legacy placeholder.
    `fallback_title` is the topic of notes whose deck and tags name none (a deck called "Default")."""
    with _open_archive(data) as archive, tempfile.TemporaryDirectory(prefix="interviewer-apkg-") as folder:
        names = set(archive.namelist())
        member = next((n for n in ("collection.anki21b", "collection.anki21", "collection.anki2") if n in names), None)
        if member is None:
            raise ParseError("not an Anki package: no collection.anki2 or collection.anki21b inside")
        path = Path(folder) / "collection.sqlite"
        try:
            with path.open("wb") as target:
                _unpack_member(archive, member, target)
        except OSError as exc:
            raise _no_room(exc) from None
        try:
            return _sections_from_collection(path, fallback_title)
        except (
            sqlite3.Error,
            json.JSONDecodeError,
            ValueError,
            TypeError,
            AttributeError,
            OverflowError,
            RecursionError,
        ) as exc:
            raise ParseError(f"the deck's collection is not a readable Anki database ({exc})") from None


# ----- plain-text export ------------------------------------------------------------------------------

_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":"}


def is_anki_text_export(text: str) -> bool:
    """True when a .txt file starts with Anki's export headers (#separator:, #html:, ...)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip().lower()
    return first.startswith(("#separator:", "#html:", "#notetype", "#deck", "#tags", "#guid", "#columns:"))


def parse_anki_text_export(text: str, fallback_title: str = "Anki") -> list[Section]:
    """Read Anki's 'Notes in Plain Text' export: headers, then one note per line."""
    import csv

    # csv's default field limit (128 KB) refuses a note with an embedded image; the file size limit bounds it.
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    headers: dict[str, str] = {}
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
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
        value = headers.get(f"{name} column", "")
        # Columns count from 1; "0", "²" or "-1" name no column.
        return int(value) - 1 if re.fullmatch(r"[1-9][0-9]{0,8}", value) else None

    deck_column, tags_column = column("deck"), column("tags")
    special = {index for index in (deck_column, tags_column, column("notetype"), column("guid")) if index is not None}
    default_deck = headers.get("deck", "")
    notes: list[tuple[list[str], str, str]] = []
    size = 0
    reader = csv.reader(lines[body_start:], delimiter=separator, quotechar='"')
    try:
        for row in reader:
            if not row or not any(cell.strip() for cell in row):
                continue
            deck = row[deck_column] if deck_column is not None and deck_column < len(row) else default_deck
            tags = row[tags_column] if tags_column is not None and tags_column < len(row) else headers.get("tags", "")
            fields = [cell for index, cell in enumerate(row) if index not in special]
            if not is_html:  # plain text: its line breaks are real, so they become <br> like Anki's own
                fields = [html.escape(field).replace("\n", "<br>") for field in fields]
            size += sum(len(field) for field in fields)
            if size > MAX_TEXT_CHARS:
                raise ParseError(f"the Anki export holds more than {MAX_TEXT_CHARS:,} characters of text; split it")
            notes.append((fields, deck, tags))
    except csv.Error as exc:
        at = body_start + reader.line_num
        raise ParseError(f"the Anki export is malformed at line {at} ({exc}); export it from Anki again") from None
    sections = _deck_sections(notes, fallback_title)
    if not sections:
        raise ParseError("the Anki export has headers but no notes")
    return sections
