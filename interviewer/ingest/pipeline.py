"""Ingest files and folders: discover, check, parse, chunk and index; report every skipped file."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from interviewer.chunks import Chunk, chunk_id
from interviewer.errors import InterviewerError, StoreError
from interviewer.ingest.anki import is_anki_text_export, parse_anki_text_export, parse_apkg
from interviewer.ingest.markdown import parse_markdown, title_from_stem
from interviewer.ingest.notebook import parse_notebook
from interviewer.ingest.pdf import parse_pdf
from interviewer.ingest.plaintext import parse_plaintext
from interviewer.ingest.sections import ParseError, Section, note_kind, stage_of_heading
from interviewer.store import NoteStore

__all__ = [
    "SUPPORTED_SUFFIXES",
    "IngestReport",
    "Skipped",
    "build_chunks",
    "discover",
    "ingest",
    "parse_file",
    "storable",
]

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".pdf", ".ipynb", ".apkg")
_TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".ipynb")
_CHUNK_CHARS = 1200
_CHUNK_OVERLAP = 150

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Skipped:
    """A file that was not indexed, and why."""

    path: str
    reason: str


@dataclass
class IngestReport:
    """What one ingest run did."""

    files: int = 0  # files read successfully (changed or not)
    chunks: int = 0  # chunks those files hold
    added: int = 0  # chunks written by this run
    unchanged: int = 0  # files already indexed with the same content
    removed: int = 0  # files pruned because they no longer exist
    skipped: list[Skipped] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """The `ingest --json` document."""
        return {
            "files": self.files,
            "chunks": self.chunks,
            "added": self.added,
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
        }


def discover(paths: Iterable[str]) -> tuple[list[str], list[Skipped]]:
    """Expand the given files and folders into file paths (as given, joined), following folder links once."""
    files: list[str] = []
    skipped: list[Skipped] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            seen: set[str] = set()
            for folder, dirnames, filenames in os.walk(path, followlinks=True):
                real = os.path.realpath(folder)
                if real in seen:  # a folder link that loops back: walk it once
                    dirnames[:] = []
                    continue
                seen.add(real)
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith("."):
                        continue
                    candidate = os.path.join(folder, name)
                    if candidate.lower().endswith(SUPPORTED_SUFFIXES):
                        files.append(os.path.normpath(candidate))
                    else:
                        skipped.append(
                            Skipped(
                                os.path.normpath(candidate),
                                f"unsupported file type; use one of {', '.join(SUPPORTED_SUFFIXES)}",
                            )
                        )
        elif path.is_file() or path.is_symlink():
            files.append(os.path.normpath(given))
        else:
            skipped.append(Skipped(given, "not found"))
    return files, skipped


def _decode_text(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise ParseError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ParseError("not UTF-8 text; re-save it as UTF-8") from None


# Lone surrogates (from JSON escapes or broken PDF fonts) cannot be stored or embedded; control characters
# other than tab, newline and carriage return only garble the text.
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def storable(section: Section) -> Section:
    """The section with control characters (but tabs and line breaks) and lone surrogates removed."""
    heading = tuple(_UNSTORABLE.sub("", name) for name in section.heading_path)
    tags = tuple(_UNSTORABLE.sub("", tag) for tag in section.tags)
    return Section(heading_path=heading, text=_UNSTORABLE.sub("", section.text), tags=tags)


def parse_file(path: str, data: bytes) -> list[Section]:
    """Parse a file's bytes by its type; raise ParseError when it cannot be read as that type. The sections'
    text holds no control characters (but tabs and line breaks), always encodes as UTF-8, and is never blank."""
    sections = (storable(section) for section in _parse_by_type(path, data))
    return [section for section in sections if section.text.strip()]


def _parse_by_type(path: str, data: bytes) -> list[Section]:
    suffix = Path(path).suffix.lower()
    title = title_from_stem(Path(path).stem)
    if suffix == ".apkg":
        return parse_apkg(data)
    if suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise ParseError("not a PDF file")
        return parse_pdf(data, title)
    if suffix not in _TEXT_SUFFIXES:
        raise ParseError(f"unsupported file type; use one of {', '.join(SUPPORTED_SUFFIXES)}")
    text = _decode_text(data)
    if suffix == ".ipynb":
        return parse_notebook(text, title)
    if suffix in (".md", ".markdown"):
        return parse_markdown(text, title)
    if is_anki_text_export(text):
        return parse_anki_text_export(text)
    return parse_plaintext(text, title)


def _split(text: str) -> list[str]:
    if len(text) <= _CHUNK_CHARS:
        return [text]
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=_CHUNK_CHARS, chunk_overlap=_CHUNK_OVERLAP)
    return [piece for piece in splitter.split_text(text) if piece.strip()]


def build_chunks(source: str, location: str, file_hash: str, sections: list[Section]) -> list[Chunk]:
    """Chunk a file's sections; ids are content hashes, made unique within the file."""
    kind = note_kind(source, sections)
    chunks: list[Chunk] = []
    used: set[str] = set()
    for section in sections:
        heading = " > ".join(section.heading_path)
        stage = (
            (stage_of_heading(section.heading_path[-1]) or "")
            if kind == "case" and len(section.heading_path) > 1
            else ""
        )
        for piece in _split(section.text):
            identifier = chunk_id(source, heading, piece)
            suffix = 2
            while identifier in used:
                identifier = f"{chunk_id(source, heading, piece)[:20]}-{suffix:03d}"
                suffix += 1
            used.add(identifier)
            chunks.append(
                Chunk(
                    chunk_id=identifier,
                    text=piece,
                    source=source,
                    heading=heading,
                    topic=section.topic,
                    chunk_index=len(chunks),
                    file_hash=file_hash,
                    kind=kind,
                    stage=stage,
                    tags=" ".join(section.tags),
                    location=location,
                )
            )
    return chunks


def _too_large(size: int, max_bytes: int) -> ParseError:
    return ParseError(f"too large ({size / 1e6:.0f} MB, limit {max_bytes / 1e6:.0f} MB; raise INTERVIEWER_MAX_FILE_MB)")


def _read_checked(path: str, max_bytes: int) -> bytes:
    try:
        info = os.stat(path)
        # A pipe or a device would block the read or never end: only regular files are notes.
        if not stat.S_ISREG(info.st_mode):
            raise ParseError("not a regular file (a pipe, device or socket); copy the notes into a file")
        if info.st_size > max_bytes:
            raise _too_large(info.st_size, max_bytes)
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ParseError(f"unreadable ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # the file grew after it was measured
        raise _too_large(len(data), max_bytes)
    if not data.strip():
        raise ParseError("empty file")
    return data


def _write(store: NoteStore, path: str, location: str, chunks: list[Chunk]) -> int:
    try:
        return store.replace_file(location, chunks)
    except InterviewerError:
        raise
    except Exception as exc:  # Chroma wraps a full disk or a damaged database in several unrelated types
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise StoreError(
            f"{path}: could not write to the notes store ({reason}); files before it are indexed and your notes "
            "are untouched: free disk space, then run ingest again"
        ) from None


def ingest(
    paths: Iterable[str],
    store: NoteStore,
    max_bytes: int,
    prune: bool = False,
    progress: Progress | None = None,
) -> IngestReport:
    """Index the given files and folders; unchanged files add nothing, changed files replace their chunks."""
    files, skipped = discover(paths)
    report = IngestReport(skipped=skipped)
    indexed = store.indexed_files()
    for done, path in enumerate(files, start=1):
        if progress is not None:
            progress(done, len(files), path)
        location = os.path.abspath(path)
        try:
            data = _read_checked(path, max_bytes)
            file_hash = hashlib.sha256(data).hexdigest()
            known_hash, known_chunks = indexed.get(location, ("", 0))
            if known_hash == file_hash:
                report.files += 1
                report.unchanged += 1
                report.chunks += known_chunks
                continue
            sections = parse_file(path, data)
            if not sections:
                raise ParseError("no text found")
        except ParseError as exc:
            report.skipped.append(Skipped(path, str(exc)))
            continue
        chunks = build_chunks(path, location, file_hash, sections)
        report.added += _write(store, path, location, chunks)
        report.files += 1
        report.chunks += len(chunks)
    if prune:
        gone = [location for location in indexed if not os.path.exists(location)]
        store.remove_files(gone)
        report.removed = len(gone)
    return report
