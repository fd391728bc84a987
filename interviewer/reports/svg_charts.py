"""Small inline SVG charts (lines and bars) for self-contained HTML: no scripts, no external resources. Pure:
numbers in, SVG text out; every label is escaped."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["PALETTE", "Series", "bar_chart", "count_ticks", "line_chart"]

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
_WIDTH, _HEIGHT = 640, 260
_LEFT, _RIGHT, _TOP, _BOTTOM = 48, 16, 28, 44
_LEGEND_COLUMNS = 2
_LEGEND_COLUMN_WIDTH = (_WIDTH - _LEFT - _RIGHT) // _LEGEND_COLUMNS
_LEGEND_CHARS = 42  # what fits in a legend column at 11 px (about 6.2 px a character); longer names wrap
_LINE = 14  # px between lines of text
_MOST_TICKS = 5  # intervals on a count axis: more labels crowd a 200 px axis


@dataclass(frozen=True)
class Series:
    """One line: a value (or None for a gap) per x position."""

    name: str
    values: tuple[float | None, ...]
    dashed: bool = False


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _frame(
    title: str, y_min: float, y_max: float, y_ticks: Sequence[float], x_labels: Sequence[str], height: int = _HEIGHT
) -> list[str]:
    plot_w, plot_h = _WIDTH - _LEFT - _RIGHT, _HEIGHT - _TOP - _BOTTOM
    parts = [  # inline SVG in HTML needs no namespace declaration
        f'<svg role="img" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" height="{height}" '
        'font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<text x="{_LEFT}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    for tick in y_ticks:
        y = _TOP + plot_h * (1 - (tick - y_min) / ((y_max - y_min) or 1))
        parts.append(
            f'<line x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{escape(_fmt(tick))}</text>'
        )
    step = max(1, -(-len(x_labels) // 12))  # at most about a dozen labels on the axis
    for index, label in enumerate(x_labels):
        if index % step == 0 or index == len(x_labels) - 1:
            parts.append(_axis_label(_x(index, len(x_labels)), label))
    return parts


def _axis_label(x: float, label: str) -> str:
    """A label under the axis; "date time" goes on two lines, so a dozen of them never overlap."""
    lines = label.split(" ", 1)
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if number == 0 else _LINE}">{escape(line)}</tspan>'
        for number, line in enumerate(lines)
    )
    return f'<text class="x-label" y="{_HEIGHT - _BOTTOM + 16}" text-anchor="middle" fill="#555">{spans}</text>'


def _legend(series: Sequence[Series], top: float) -> tuple[list[str], float]:
    """Every series' full name beside its colour, two columns, long names wrapped; the parts and their height."""
    parts: list[str] = []
    y = top
    for first in range(0, len(series), _LEGEND_COLUMNS):
        row = series[first : first + _LEGEND_COLUMNS]
        wrapped = [textwrap.wrap(line.name, _LEGEND_CHARS, break_on_hyphens=False) or [""] for line in row]
        for column, lines in enumerate(wrapped):
            x = _LEFT + column * _LEGEND_COLUMN_WIDTH
            colour = PALETTE[(first + column) % len(PALETTE)]
            spans = "".join(
                f'<tspan x="{x + 14}" dy="{0 if number == 0 else _LINE}">{escape(text)}</tspan>'
                for number, text in enumerate(lines)
            )
            parts.append(
                f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour}"/>'
                f'<text class="legend" y="{y}">{spans}</text>'
            )
        y += _LINE * max(len(lines) for lines in wrapped) + 4
    return parts, y - top


def _x(index: int, count: int) -> float:
    plot_w = _WIDTH - _LEFT - _RIGHT
    return _LEFT + plot_w * ((index + 0.5) / max(count, 1))


def _y(value: float, y_min: float, y_max: float) -> float:
    plot_h = _HEIGHT - _TOP - _BOTTOM
    clamped = min(max(value, y_min), y_max)
    return _TOP + plot_h * (1 - (clamped - y_min) / ((y_max - y_min) or 1))


def line_chart(
    title: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    y_min: float,
    y_max: float,
    y_ticks: Sequence[float],
) -> str:
    """A line chart: a polyline per series through its values (a topic's line joins the sessions that asked
    it), a dot per value, and a legend under the axis."""
    legend_top = _HEIGHT + 6  # under the axis labels, which may take two lines
    legend, legend_height = _legend(series, legend_top)
    parts = _frame(title, y_min, y_max, y_ticks, x_labels, round(legend_top + legend_height))
    for number, line in enumerate(series):
        colour = PALETTE[number % len(PALETTE)]
        shown = [(i, v) for i, v in enumerate(line.values) if v is not None]
        points = [(_x(i, len(x_labels)), _y(v, y_min, y_max)) for i, v in shown]
        name = escape(line.name)
        if len(points) > 1:
            dash = ' stroke-dasharray="5 4"' if line.dashed else ""
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash} points="{coords}">'
                f"<title>{name}</title></polyline>"
            )
        for (x, y), (index, value) in zip(points, shown, strict=True):
            where = escape(x_labels[index]) if index < len(x_labels) else ""
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                f"<title>{name}, {where}: {_fmt(value)}</title></circle>"
            )
    parts += legend
    parts.append("</svg>")
    return "".join(parts)


def count_ticks(largest: float, most: int = _MOST_TICKS) -> list[float]:
    """Evenly spaced whole-number ticks from 0 for counts up to `largest`, with room above the tallest bar for
    its value: a step of 1, 2 or 5 times a power of ten, at most `most` intervals (0 1 2 3, never 0 2 3)."""
    wanted = max(largest, 1.0) * 1.25  # headroom for the value written above the tallest bar
    power = 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if math.ceil(wanted / step) <= most:
                return [float(tick) for tick in range(0, math.ceil(wanted / step) * step + 1, step)]
        power *= 10


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float]) -> str:
    """A bar chart with one bar per label (counts), its value written above it."""
    ticks = count_ticks(max(values, default=0.0))
    top = ticks[-1]
    parts = _frame(title, 0.0, top, ticks, labels)
    plot_w = _WIDTH - _LEFT - _RIGHT
    bar_w = max(2.0, plot_w / max(len(labels), 1) * 0.6)
    for index, value in enumerate(values):
        x, y = _x(index, len(labels)), _y(value, 0.0, top)
        base = _y(0.0, 0.0, top)
        parts.append(
            f'<rect x="{x - bar_w / 2:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{base - y:.1f}" '
            f'fill="{PALETTE[0]}"><title>{escape(labels[index])}: {_fmt(value)}</title></rect>'
        )
        if value:
            parts.append(f'<text x="{x:.1f}" y="{y - 4:.1f}" text-anchor="middle">{_fmt(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)
