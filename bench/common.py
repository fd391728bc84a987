"""Helpers shared by the benchmark scripts: a temp home, peak memory, percentiles, a replicated corpus."""

from __future__ import annotations

import resource
import shutil
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def timed_stream(stream: Iterator[str]) -> tuple[float, float, int, str]:
    """Time to the first piece, seconds from the first piece to the last, pieces, and text of a token stream."""
    start = time.perf_counter()
    first = last = 0.0
    pieces: list[str] = []
    for piece in stream:
        last = time.perf_counter() - start
        if not pieces:
            first = last
        pieces.append(piece)
    return first, last - first, len(pieces), "".join(pieces)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(sorted(values), n=100, method="inclusive")[int(q) - 1]


def replicate_corpus(target: Path, copies: int) -> None:
    """Copy the Markdown and text notes of corpus/ `copies` times, each copy's text made distinct."""
    if target.exists():
        shutil.rmtree(target)
    for copy in range(copies):
        for note in sorted(CORPUS.rglob("*")):
            if note.suffix not in (".md", ".txt") or note.name.startswith("ds_flashcards"):
                continue
            out = target / f"copy{copy:03d}" / note.relative_to(CORPUS)
            out.parent.mkdir(parents=True, exist_ok=True)
            text = note.read_text(encoding="utf-8")
            out.write_text(text.replace("\n- ", f"\n- (v{copy}) ", 3), encoding="utf-8")
