"""Jupyter notebooks: markdown cells keep their headings; code cells are kept as fenced code."""

from __future__ import annotations

import json

from interviewer.ingest.markdown import parse_markdown
from interviewer.ingest.sections import ParseError, Section

__all__ = ["parse_notebook"]


def parse_notebook(text: str, fallback_title: str) -> list[Section]:
    """Turn a notebook into one Markdown document (code fenced, outputs dropped) and split that."""
    import nbformat

    try:
        notebook = nbformat.reads(text, as_version=4)
    except (json.JSONDecodeError, nbformat.reader.NotJSONError) as exc:
        raise ParseError(f"not a notebook: invalid JSON ({exc.__class__.__name__})") from None
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise ParseError(f"not a valid notebook ({exc.__class__.__name__})") from None
    language = str(notebook.get("metadata", {}).get("kernelspec", {}).get("language", "python"))
    parts: list[str] = []
    for cell in notebook.get("cells", []):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if not source.strip():
            continue
        if cell.get("cell_type") == "markdown":
            parts.append(source)
        elif cell.get("cell_type") == "code":
            parts.append(f"```{language}\n{source.rstrip()}\n```")
    return parse_markdown("\n\n".join(parts), fallback_title)
