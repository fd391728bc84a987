"""Ingest files and folders: discover, check, parse, chunk and index; report every skipped file."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from interviewer.core.chunks import Chunk, chunk_id
from interviewer.errors import InterviewerError, StoreError
from interviewer.ingest.anki import is_anki_text_export, parse_anki_text_export, parse_apkg
from interviewer.ingest.clean import clean_inline, clean_text
from interviewer.ingest.markdown import parse_markdown, title_from_stem
from interviewer.ingest.notebook import parse_notebook
from interviewer.ingest.pdf import parse_pdf
from interviewer.ingest.plaintext import parse_plaintext
from interviewer.ingest.qa import split_questions
from interviewer.ingest.sections import ParseError, Section, note_kind, stage_of_heading
from interviewer.ingest.topics import markdown_topics, readable_title
from interviewer.storage.store import NoteStore

__all__ = [
    "SUPPORTED_SUFFIXES",
    "IngestReport",
    "Skipped",
    "build_chunks",
    "clean_section",
    "discover",
    "ingest",
    "parse_file",
    "read_sections",
    "storable",
    "topic_summary",
]

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".pdf", ".ipynb", ".apkg")
_TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".ipynb")
_QA_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".ipynb")  # where a question line starts a Q&A pair
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
    skipped: list[Skipped] = field(default_factory=list)  # files, and parts of files that are not knowledge
    topics: dict[str, list[str]] = field(default_factory=dict)  # file as given -> its topics, for changed files

    def to_json(self) -> dict[str, object]:
        """The `ingest --json` document."""
        return {
            "files": self.files,
            "chunks": self.chunks,
            "added": self.added,
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
        }


def topic_summary(topics: list[str], shown: int = 4) -> str:
    """A file's topics on one line: 'topic' or 'A, B, C, D and 7 more topics'."""
    if len(topics) <= 1:
        return f"topic {topics[0]}" if topics else "no topic"
    head = ", ".join(topics[:shown])
    more = len(topics) - shown
    return f"topics {head}" + (f" and {more} more" if more > 0 else "")


_README = re.compile(r"readme(?:\.(?:md|markdown|txt))?", re.I)
_README_SKIPPED = "a folder's README, not a note; give its path on its own to index it"


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
                    if _README.fullmatch(name):
                        # A folder's README says what the folder holds; it is no note (a trial user's notes got a
                        # topic "hard70: interview-prep study notes"). Named on its own, it is indexed.
                        skipped.append(Skipped(os.path.normpath(candidate), _README_SKIPPED))
                    elif candidate.lower().endswith(SUPPORTED_SUFFIXES):
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
    return replace(
        section,
        heading_path=heading,
        text=_UNSTORABLE.sub("", section.text),
        tags=tags,
        question=_UNSTORABLE.sub("", section.question),
        answer=_UNSTORABLE.sub("", section.answer),
        topic_name=_UNSTORABLE.sub("", section.topic_name),
    )


def clean_section(section: Section) -> Section:
    """The section's text, headings and question/answer through the cleaning pass (clean.py)."""
    heading = tuple(clean_inline(name) or name for name in section.heading_path)
    if section.question:
        question, answer = clean_inline(section.question), clean_text(section.answer)
        text = clean_text(section.text) if not section.text.startswith("Q: ") else f"Q: {question}\nA: {answer}"
        return replace(section, heading_path=heading, text=text, question=question, answer=answer)
    return replace(section, heading_path=heading, text=clean_text(section.text))


def read_sections(path: str, data: bytes) -> tuple[list[Section], list[Skipped]]:
    """The knowledge sections of a file (parsed, split at questions, cleaned, with topics), and the parts
    recognised as not knowledge (a deck's licence card), each as a Skipped line `path#where`."""
    sections: list[Section] = []
    skipped: list[Skipped] = []
    suffix = Path(path).suffix.lower()
    fallback = title_from_stem(Path(path).stem)
    for parsed in _parse_by_type(path, data):
        if parsed.skip_reason:
            where = parsed.heading_path[-1] if parsed.heading_path else ""
            skipped.append(Skipped(f"{path}#{where}", f"{parsed.skip_reason}: not indexed"))
            continue
        pieces = split_questions(parsed) if suffix in _QA_SUFFIXES else [parsed]
        for piece in pieces:
            cleaned = storable(clean_section(piece))
            if not cleaned.text.strip():
                continue
            topic = readable_title(cleaned.topic, fallback)
            sections.append(replace(cleaned, topic_name=topic) if topic != cleaned.topic else cleaned)
    if suffix in (".md", ".markdown", ".ipynb"):
        sections = markdown_topics(sections)
    return sections, skipped


def parse_file(path: str, data: bytes) -> list[Section]:
    """Parse a file's bytes by its type; raise ParseError when it cannot be read as that type. The sections'
    text holds no control characters (but tabs and line breaks), always encodes as UTF-8, and is never blank."""
    return read_sections(path, data)[0]


def _parse_by_type(path: str, data: bytes) -> list[Section]:
    suffix = Path(path).suffix.lower()
    title = title_from_stem(Path(path).stem)
    if suffix == ".apkg":
        return parse_apkg(data, title)
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
        return parse_anki_text_export(text, title)
    return parse_plaintext(text, title)


def _split(text: str, size: int = _CHUNK_CHARS) -> list[str]:
    if len(text) <= size:
        return [text]
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=size, chunk_overlap=min(_CHUNK_OVERLAP, size // 4))
    return [piece for piece in splitter.split_text(text) if piece.strip()]


def _pieces(section: Section) -> list[str]:
    """The chunk texts of a section; a long Q&A pair is split in its answer and every piece starts with
    the question, so no chunk begins mid-answer."""
    if not section.question or len(section.text) <= _CHUNK_CHARS or not section.text.startswith("Q: "):
        return _split(section.text)
    head = f"Q: {section.question}\nA: "
    room = max(_CHUNK_CHARS - len(head), _CHUNK_CHARS // 2)
    return [head + piece for piece in _split(section.answer, room)]


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
        for piece in _pieces(section):
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
                    question=section.question,
                    answer=section.answer,
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
            sections, not_knowledge = read_sections(path, data)
            report.skipped.extend(not_knowledge)
            if not sections:
                raise ParseError("only parts that are not knowledge" if not_knowledge else "no text found")
        except ParseError as exc:
            report.skipped.append(Skipped(path, str(exc)))
            continue
        chunks = build_chunks(path, location, file_hash, sections)
        report.topics[path] = list(dict.fromkeys(chunk.topic for chunk in chunks))
        report.added += _write(store, path, location, chunks)
        report.files += 1
        report.chunks += len(chunks)
    if prune:
        gone = [location for location in indexed if not os.path.exists(location)]
        store.remove_files(gone)
        report.removed = len(gone)
    return report
