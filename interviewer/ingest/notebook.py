"""Jupyter notebooks: markdown cells keep their headings; code cells are kept as fenced code."""

from __future__ import annotations

import re
import warnings
from dataclasses import replace
from typing import Any

from interviewer.ingest.markdown import parse_markdown
from interviewer.ingest.sections import ParseError, Section

__all__ = ["parse_notebook"]

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def _read(text: str) -> Any:
    import nbformat

    try:
        # nbformat warns about harmless gaps (a cell without an id) on every notebook older than 4.5.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return nbformat.reads(text, as_version=4)
    except nbformat.reader.NotJSONError:
        raise ParseError("not a notebook: invalid JSON; open and re-save it in Jupyter") from None
    except RecursionError:
        raise ParseError("not a notebook: JSON nested too deeply; open and re-save it in Jupyter") from None
    except Exception as exc:  # nbformat raises JSON, schema-validation and version-conversion errors of many types
        raise ParseError(f"not a valid notebook ({exc.__class__.__name__}); open and re-save it in Jupyter") from None


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    if isinstance(source, list):
        return "".join(part for part in source if isinstance(part, str))
    return source if isinstance(source, str) else ""


def parse_notebook(text: str, fallback_title: str) -> list[Section]:
    """Turn a notebook into one Markdown document (code fenced, outputs dropped) and split that."""
    notebook = _read(text)
    # nbformat only logs a notebook that fails validation, so every field is checked before it is used.
    if not isinstance(notebook, dict):
        raise ParseError("not a valid notebook (not a JSON object); open and re-save it in Jupyter")
    metadata = notebook.get("metadata")
    kernelspec = metadata.get("kernelspec") if isinstance(metadata, dict) else None
    language = kernelspec.get("language") if isinstance(kernelspec, dict) else None
    # The language names the code fence: a value with spaces or backticks would break the fence.
    language = language if isinstance(language, str) and re.fullmatch(r"[\w+#.-]{1,30}", language) else "python"
    cells = notebook.get("cells")
    parts: list[str] = []
    for cell in cells if isinstance(cells, list) else []:
        if not isinstance(cell, dict):
            continue
        source = _source(cell)
        if not source.strip():
            continue
        if cell.get("cell_type") == "markdown":
            parts.append(source)
        elif cell.get("cell_type") == "code":
            parts.append(f"```{language}\n{source.rstrip()}\n```")
    sections = parse_markdown("\n\n".join(parts), fallback_title)
    first = _first_heading(parts)
    # A notebook's topic is its first heading, whatever its level (many start at "##").
    return [replace(section, topic_name=first) for section in sections] if first else sections


def _first_heading(markdown_parts: list[str]) -> str:
    for part in markdown_parts:
        if part.startswith("```"):
            continue
        for line in part.split("\n"):
            match = _HEADING.match(line)
            if match and match.group(2).strip():
                return match.group(2).strip()
    return ""
