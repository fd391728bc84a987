"""The difficulty trajectory of a session as a chart: a text chart for Markdown and an inline SVG line chart of
level and score per turn for HTML. Pure: turns in, text out; the SVG has no script and loads nothing."""

from __future__ import annotations

import html
from collections.abc import Sequence

from interviewer.core.domain import Level, Turn
from interviewer.reports.wording import score_percent, score_text

__all__ = ["level_name", "trajectory_svg", "trajectory_text"]

_COLUMN = 4  # characters per turn in the text chart: a marker, a turn number up to 999, a score in percent
_LEVELS = range(5, 0, -1)
_WIDTH, _HEIGHT = 640, 280
_LEFT, _RIGHT, _TOP, _BOTTOM = 86, 48, 18, 226  # the plot area inside the SVG's view box
_LEVEL_COLOUR, _SCORE_COLOUR = "#2b6cb0", "#c05621"


def level_name(level: int) -> str:
    """The ladder name of a level ("recall" .. "design"), or "level N" for a value off the ladder."""
    try:
        return Level(level).name.lower()
    except ValueError:
        return f"level {level}"


def _clamped_level(level: int) -> int:
    return min(5, max(1, level))


def trajectory_text(turns: Sequence[Turn]) -> str:
    """Levels 1-5 up the side, one column per turn (o: new question, f: follow-up), turn and score below."""
    labels = {level: f"{level} {level_name(level)}" for level in _LEVELS}
    width = max(len(label) for label in labels.values()) + 1
    lines = ["level"]
    for level in _LEVELS:
        marks = [
            ("f" if t.question.follow_up else "o") if _clamped_level(t.question.level) == level else "" for t in turns
        ]
        cells = "".join(f"{mark:>{_COLUMN - 1}} " for mark in marks)
        lines.append(f"{labels[level]:<{width}}│{cells}".rstrip())
    lines.append(" " * width + "└" + "─" * (_COLUMN * len(turns)))
    lines.append(f"{'turn':>{width}} " + "".join(f"{t.question.turn:>{_COLUMN - 1}} " for t in turns).rstrip())
    lines.append(
        f"{'score %':>{width}} " + "".join(f"{score_percent(t.total):>{_COLUMN - 1}} " for t in turns).rstrip()
    )
    lines.append("o: new question   f: follow-up")
    return "\n".join(lines)


def _x(index: int, count: int) -> float:
    if count == 1:
        return (_LEFT + _WIDTH - _RIGHT) / 2
    return _LEFT + index * (_WIDTH - _RIGHT - _LEFT) / (count - 1)


def _y_level(level: int) -> float:
    return _BOTTOM - (_clamped_level(level) - 1) / 4 * (_BOTTOM - _TOP)


def _y_score(score: float) -> float:
    return _BOTTOM - min(1.0, max(0.0, score)) * (_BOTTOM - _TOP)


def _axes(turns: Sequence[Turn]) -> list[str]:
    count = len(turns)
    parts = []
    for level in _LEVELS:  # level gridlines coincide with score quarters: level 1 is 0, level 5 is 1
        y = _y_level(level)
        parts.append(f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_WIDTH - _RIGHT}" y2="{y:.1f}" stroke="#e2e2e2"/>')
        parts.append(f'<text x="{_LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{level} {level_name(level)}</text>')
        parts.append(f'<text x="{_WIDTH - _RIGHT + 8}" y="{y + 4:.1f}">{(level - 1) / 4:.2f}</text>')
    step = max(1, -(-count // 20))  # at most about 20 turn labels, so they never overlap
    for index in range(0, count, step):
        label = turns[index].question.turn
        parts.append(f'<text x="{_x(index, count):.1f}" y="{_BOTTOM + 18}" text-anchor="middle">{label}</text>')
    parts.append(f'<text x="{(_LEFT + _WIDTH - _RIGHT) / 2}" y="{_BOTTOM + 36}" text-anchor="middle">turn</text>')
    legend_y = _BOTTOM + 50
    parts += [
        f'<circle cx="{_LEFT}" cy="{legend_y - 4}" r="4" fill="{_LEVEL_COLOUR}"/>',
        f'<text x="{_LEFT + 8}" y="{legend_y}">level</text>',
        f'<circle cx="{_LEFT + 64}" cy="{legend_y - 4}" r="4" fill="#fff" stroke="{_LEVEL_COLOUR}" stroke-width="2"/>',
        f'<text x="{_LEFT + 72}" y="{legend_y}">follow-up</text>',
        f'<rect x="{_LEFT + 150}" y="{legend_y - 8}" width="8" height="8" fill="{_SCORE_COLOUR}"/>',
        f'<text x="{_LEFT + 162}" y="{legend_y}">score (right axis, 0 to 1)</text>',
    ]
    return parts


def trajectory_svg(turns: Sequence[Turn]) -> str:
    """An inline SVG line chart of the level (left axis) and the score (right axis) of each turn."""
    count = len(turns)
    parts = [
        f'<svg viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" height="{_HEIGHT}" role="img" '
        'aria-label="Difficulty trajectory: level and score per turn" font-family="system-ui,sans-serif" '
        'font-size="12" fill="#333">',
        "<title>Difficulty trajectory: level and score per turn</title>",
        *_axes(turns),
    ]
    if not turns:
        parts.append(
            f'<text x="{(_LEFT + _WIDTH - _RIGHT) / 2}" y="{(_TOP + _BOTTOM) / 2}" text-anchor="middle">'
            "No answered questions yet.</text>"
        )
        return "\n".join([*parts, "</svg>"])
    levels = " ".join(f"{_x(i, count):.1f},{_y_level(t.question.level):.1f}" for i, t in enumerate(turns))
    scores = " ".join(f"{_x(i, count):.1f},{_y_score(t.total):.1f}" for i, t in enumerate(turns))
    parts.append(
        f'<polyline class="level-line" points="{levels}" fill="none" stroke="{_LEVEL_COLOUR}" stroke-width="2"/>'
    )
    parts.append(
        f'<polyline class="score-line" points="{scores}" fill="none" stroke="{_SCORE_COLOUR}" '
        'stroke-width="2" stroke-dasharray="5 4"/>'
    )
    for index, turn in enumerate(turns):
        question, x = turn.question, _x(index, count)
        kind = "follow-up" if question.follow_up else "new question"
        tooltip = html.escape(
            f"turn {question.turn}: {question.topic}, level {question.level} ({level_name(question.level)}), "
            f"{kind}, score {score_text(turn.total)}"
        )
        fill = "#fff" if question.follow_up else _LEVEL_COLOUR
        parts.append(
            f'<circle class="level" cx="{x:.1f}" cy="{_y_level(question.level):.1f}" r="5" fill="{fill}" '
            f'stroke="{_LEVEL_COLOUR}" stroke-width="2"><title>{tooltip}</title></circle>'
        )
        parts.append(
            f'<rect class="score" x="{x - 4:.1f}" y="{_y_score(turn.total) - 4:.1f}" width="8" height="8" '
            f'fill="{_SCORE_COLOUR}"><title>{tooltip}</title></rect>'
        )
    return "\n".join([*parts, "</svg>"])
