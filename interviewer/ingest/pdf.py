"""PDF notes with pypdf: one section per page under the document title."""

from __future__ import annotations

import io
import logging

from interviewer.ingest.sections import ParseError, Section

__all__ = ["parse_pdf"]

MAX_PAGES = 2000


def parse_pdf(data: bytes, fallback_title: str) -> list[Section]:
    """Extract the text of each page; raise ParseError when the file is not a readable PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly about harmless quirks
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ParseError("the PDF is encrypted; save an unlocked copy")
        title = fallback_title
        metadata = reader.metadata
        if metadata is not None and metadata.title and str(metadata.title).strip():
            title = str(metadata.title).strip()
        sections = []
        for number, page in enumerate(reader.pages[:MAX_PAGES], start=1):
            text = (page.extract_text() or "").strip()
            if text:
                sections.append(Section(heading_path=(title, f"page {number}"), text=text))
    except ParseError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise ParseError(f"not a readable PDF ({type(exc).__name__})") from None
    return sections
