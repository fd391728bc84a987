"""PDF notes with pypdf: one section per page under the document title, read in a worker process.

pypdf's own limits (pypdf 7.1.1: decompressed stream sizes, page-tree depth, parsing work per content stream,
form invocations per page) stop most hostile files quickly, but not the time a page takes: measured here, a
4 KB PDF whose form XObjects each draw the next one twice kept a core busy for 150 s on its one page. So the
reading runs in a child process (`python -m interviewer.ingest.pdf`) with a CPU-time and a memory limit,
and is killed when it passes them. A plain subprocess, not multiprocessing: the child imports only pypdf
and this module, never the caller's main module, and inherits none of its threads."""

from __future__ import annotations

import io
import json
import logging
import re
import signal
import subprocess
import sys
from pathlib import Path

from interviewer.ingest.sections import MAX_TEXT_CHARS, ParseError, Section

__all__ = ["CPU_SECONDS", "MAX_PAGES", "MEMORY_BYTES", "parse_pdf", "read_pdf_pages"]

MAX_PAGES = 2000
CPU_SECONDS = 120  # of CPU per PDF; a long text-heavy book takes a few seconds
MEMORY_BYTES = 2 * 1024**3  # address space of the worker
_WALL_FACTOR = 4  # wall-clock backstop: the worker may wait for a busy machine, but not forever
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder holding the `interviewer` package
# Exit statuses of a worker stopped by its CPU limit (SIGXCPU, then SIGKILL) or by the wall-clock backstop.
_STOPPED = {-getattr(signal, name) for name in ("SIGXCPU", "SIGKILL") if hasattr(signal, name)}


def _read_pages(data: bytes) -> tuple[str | None, list[tuple[int, str]]]:
    """The document title (or None) and the text of each page with text, read in this process."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly about harmless quirks
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ParseError("the PDF is encrypted; save an unlocked copy")
        metadata = reader.metadata
        title = str(metadata.title).strip() if metadata is not None and metadata.title else None
        pages, size = [], 0
        for number, page in enumerate(reader.pages[:MAX_PAGES], start=1):
            text = (page.extract_text() or "").strip()
            size += len(text)
            if size > MAX_TEXT_CHARS:
                raise ParseError(f"the PDF holds more than {MAX_TEXT_CHARS:,} characters of text; split it")
            if text:
                pages.append((number, text))
    except (ParseError, MemoryError):
        raise
    except Exception as exc:  # pypdf raises dozens of unrelated types on malformed input; all mean the same here
        raise ParseError(f"not a readable PDF ({type(exc).__name__}); re-save or re-export it") from None
    return title or None, pages


_PAGE_NUMBER_LINE = re.compile(r"\n\s*(?:\d{1,4}|page \d{1,4}(?: of \d{1,4})?|\d{1,4}\s*/\s*\d{1,4})\s*$", re.I)


def _without_page_number(text: str) -> str:
    """A slide's or page's text without the page number printed on its last line."""
    return _PAGE_NUMBER_LINE.sub("", text).strip() or text


def _title_line(pages: list[tuple[int, str]]) -> str | None:
    """The first line of the first page when it reads as a title (a slide deck's title slide)."""
    if not pages:
        return None
    first = pages[0][1].strip().split("\n", 1)[0].strip()
    words = first.split()
    looks_like_title = 2 <= len(words) <= 10 and len(first) <= 80 and not first.endswith((".", ",", ":", ";"))
    return first if looks_like_title and re.search(r"[A-Za-z]{3}", first) else None


def _sections(title: str | None, pages: list[tuple[int, str]], fallback_title: str) -> list[Section]:
    # A document title in the metadata wins (topics.py cleans "Microsoft PowerPoint - x.pptx"); without it
    # the title slide's first line says more than the file name.
    name = title or _title_line(pages) or fallback_title
    return [Section(heading_path=(name, f"page {number}"), text=_without_page_number(text)) for number, text in pages]


def read_pdf_pages(data: bytes, fallback_title: str) -> list[Section]:
    """Extract the text of each page in this process, without a time budget (tests and trusted files)."""
    return _sections(*_read_pages(data), fallback_title)


def _limit_resources(cpu_seconds: int, memory_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: only the parent's wall-clock timeout applies
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # the CPU limit's signal would otherwise dump core
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def _worker_main(argv: list[str]) -> None:
    """The child: PDF bytes on stdin, limits in argv; one JSON document on stdout."""
    cpu_seconds, memory_bytes = int(argv[0]), int(argv[1])
    _limit_resources(cpu_seconds, memory_bytes)
    try:
        title, pages = _read_pages(sys.stdin.buffer.read())
        outcome: dict[str, object] = {"title": title, "pages": pages}
    except ParseError as exc:
        outcome = {"error": str(exc)}
    except MemoryError:
        outcome = {"error": f"the PDF needs more than {memory_bytes // 1024**2:,} MB of memory to read; split it"}
    sys.stdout.write(json.dumps(outcome))


def parse_pdf(data: bytes, fallback_title: str, cpu_seconds: int = CPU_SECONDS) -> list[Section]:
    """Extract the text of each page in a worker process with a CPU and memory budget; raise ParseError when
    the file is not a readable PDF or reading it passes the budget."""
    too_slow = ParseError(f"the PDF took more than {cpu_seconds} s to read; split it or save it as text")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "interviewer.ingest.pdf", str(cpu_seconds), str(MEMORY_BYTES)],
            input=data,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # a hostile file can make a parser warn without end
            cwd=_PACKAGE_ROOT,  # `-m` imports from the working folder: this package, not a stray copy
            timeout=cpu_seconds * _WALL_FACTOR + 10,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise too_slow from None
    except OSError as exc:
        raise ParseError(f"cannot start the PDF reader ({exc.strerror or exc}); check free memory") from None
    if done.returncode in _STOPPED:
        raise too_slow
    try:
        outcome = json.loads(done.stdout)
    except ValueError:
        stopped = f"the PDF reader stopped (exit code {done.returncode}); re-save or re-export the PDF"
        raise ParseError(stopped) from None
    if "error" in outcome:
        raise ParseError(str(outcome["error"]))
    return _sections(outcome["title"], [(int(n), str(text)) for n, text in outcome["pages"]], fallback_title)


if __name__ == "__main__":
    _worker_main(sys.argv[1:])
