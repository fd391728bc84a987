"""Progress across sessions: mean score per session, per-topic score and level over time, sessions per ISO
week, and readiness check-ins beside the score of the session that followed. Aggregation is pure (plain rows a
web app can plot); rendering writes one self-contained HTML file with inline SVG (no scripts, no links).
Dates are UTC."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

from interviewer.core.domain import Turn
from interviewer.core.review import Agreement, Verdict, verdict_text
from interviewer.core.session_modes import mode_history_text
from interviewer.learning.checkins import CheckIn
from interviewer.learning.review import to_utc
from interviewer.reports.svg_charts import PALETTE, Series, bar_chart, line_chart

__all__ = [
    "AGREEMENT_INTRO",
    "LINK_WINDOW",
    "Progress",
    "build_progress",
    "default_progress_path",
    "render_agreement",
    "render_charts",
    "render_html",
    "series_name",
    "time_labels",
    "write_html",
]

LINK_WINDOW = timedelta(hours=24)  # a check-in without a session id belongs to the next session within this
_CHART_TOPICS = len(PALETTE)  # more lines than colours would be unreadable; the table lists every topic


@dataclass(frozen=True)
class Progress:
    """Rows to plot, oldest first: sessions, topic points (one per topic per session), weeks, check-ins."""

    sessions: list[dict[str, Any]] = field(default_factory=list)
    topics: list[dict[str, Any]] = field(default_factory=list)
    weeks: list[dict[str, Any]] = field(default_factory=list)
    readiness: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The rows as one JSON document (what `interviewer progress --json` prints)."""
        return {"sessions": self.sessions, "topics": self.topics, "weeks": self.weeks, "readiness": self.readiness}


def _iso_week(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def _weeks(starts: Sequence[datetime]) -> list[dict[str, Any]]:
    """Sessions per ISO week from the first week to the last, empty weeks included (a gap is part of the trend)."""
    if not starts:
        return []
    counts: dict[str, int] = defaultdict(int)
    for start in starts:
        counts[_iso_week(start)] += 1
    monday = min(starts).date() - timedelta(days=min(starts).weekday())
    last = max(starts).date()
    rows = []
    while monday <= last:
        week = _iso_week(datetime.combine(monday, datetime.min.time()))
        rows.append({"week": week, "sessions": counts.get(week, 0)})
        monday += timedelta(days=7)
    return rows


def time_labels(moments: Sequence[datetime]) -> list[str]:
    """Distinct, short axis labels: "12-01" for a day with one entry, "12-01 14:26" where a day has several
    (seconds where a minute has several), the year when the entries span more than one year."""
    day = "%Y-%m-%d" if len({m.year for m in moments}) > 1 else "%m-%d"
    formats = [day] * len(moments)
    for finer in (f"{day} %H:%M", f"{day} %H:%M:%S"):
        labels = [f"{m:{f}}" for m, f in zip(moments, formats, strict=True)]
        formats = [finer if labels.count(label) > 1 else f for label, f in zip(labels, formats, strict=True)]
    seen: dict[str, int] = defaultdict(int)
    distinct = []
    for moment, f in zip(moments, formats, strict=True):  # the same second twice: number them, never merge
        label = f"{moment:{f}}"
        seen[label] += 1
        distinct.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return distinct


def series_name(topic: str, kind: str) -> str:
    """The name of a topic's line: case-study questions get their own line, so a case question filed under a
    deep-dive topic never moves that topic's level (case stages are not the recall … design ladder)."""
    if kind != "case" or "case" in topic.lower():
        return topic
    return f"{topic} (case study)"


def _readiness(checkins: Iterable[CheckIn], sessions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {s["session_id"]: s for s in sessions}
    rows = []
    for checkin in sorted(checkins, key=lambda c: to_utc(c.at)):
        at = to_utc(checkin.at)
        session = by_id.get(checkin.session_id or "")
        if session is None and checkin.session_id is None:
            session = next(
                (s for s in sessions if at <= to_utc(s["started"]) <= at + LINK_WINDOW),
                None,
            )
        rows.append(
            {
                "at": at.isoformat(timespec="seconds"),
                "session_id": session["session_id"] if session else checkin.session_id,
                "before": checkin.before_mean,
                "after": checkin.after_mean,
                "session_mean_score": session["mean_score"] if session else None,
            }
        )
    return rows


def build_progress(
    answered: Iterable[tuple[str, str, Turn]],
    checkins: Iterable[CheckIn] = (),
    session_modes: Mapping[str, Sequence[str]] | None = None,
) -> Progress:
    """Aggregate answered turns (session id, answered_at, turn) and check-ins into rows to plot; a topic row
    holds only that topic's questions of one kind (see `series_name`). `session_modes` gives each session's
    modes as `SessionRepository.list()` does."""
    by_session: dict[str, list[tuple[datetime, Turn]]] = defaultdict(list)
    for session_id, at, turn in answered:
        by_session[session_id].append((to_utc(at), turn))
    ordered = sorted(by_session.items(), key=lambda item: (min(at for at, _ in item[1]), item[0]))
    sessions: list[dict[str, Any]] = []
    topics: list[dict[str, Any]] = []
    for index, (session_id, turns) in enumerate(ordered):
        started = min(at for at, _ in turns)
        scores = [turn.total for _, turn in turns]
        sessions.append(
            {
                "session_id": session_id,
                "index": index,
                "started": started.isoformat(timespec="seconds"),
                "answers": len(turns),
                "mean_score": round(sum(scores) / len(scores), 3),
                "modes": list((session_modes or {}).get(session_id, [])),
            }
        )
        per_topic: dict[str, list[Turn]] = defaultdict(list)
        for _, turn in sorted(turns, key=lambda item: item[0]):
            per_topic[series_name(turn.question.topic, turn.question.kind)].append(turn)
        for topic, topic_turns in sorted(per_topic.items()):
            topics.append(
                {
                    "topic": topic,
                    "session_id": session_id,
                    "index": index,
                    "started": started.isoformat(timespec="seconds"),
                    "answers": len(topic_turns),
                    "mean_score": round(sum(t.total for t in topic_turns) / len(topic_turns), 3),
                    "level": max(t.question.level for t in topic_turns),  # the highest level reached
                }
            )
    starts = [to_utc(s["started"]) for s in sessions]
    return Progress(sessions, topics, _weeks(starts), _readiness(checkins, sessions))


def _topic_table(progress: Progress) -> str:
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in progress.topics:
        by_topic[row["topic"]].append(row)
    lines = ["<table><tr><th>topic</th><th>sessions</th><th>first score</th><th>latest score</th>"
             "<th>change</th><th>latest level</th></tr>"]  # fmt: skip
    for topic, rows in sorted(by_topic.items(), key=lambda item: (item[1][-1]["mean_score"], item[0])):
        change = rows[-1]["mean_score"] - rows[0]["mean_score"]
        lines.append(
            f"<tr><td>{escape(topic)}</td><td>{len(rows)}</td><td>{rows[0]['mean_score']:.2f}</td>"
            f"<td>{rows[-1]['mean_score']:.2f}</td><td>{change:+.2f}</td><td>{rows[-1]['level']}</td></tr>"
        )
    lines.append("</table>")
    return "".join(lines)


def _sessions_table(progress: Progress, labels: list[str]) -> str:
    lines = ["<table><tr><th>session</th><th>started (UTC)</th><th>mode</th><th>answers</th><th>mean score</th></tr>"]
    for label, row in zip(labels, progress.sessions, strict=True):
        modes = mode_history_text(row["modes"]) if row.get("modes") else "n/a"
        lines.append(
            f"<tr><td>{escape(label)}</td><td>{escape(row['started'][:16].replace('T', ' '))}</td>"
            f"<td>{escape(modes)}</td><td>{row['answers']}</td><td>{row['mean_score']:.2f}</td></tr>"
        )
    lines.append("</table>")
    return "".join(lines)


def _topic_charts(progress: Progress, labels: list[str]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for row in progress.topics:
        counts[row["topic"]] += 1
    shown = sorted(counts, key=lambda t: (-counts[t], t))[:_CHART_TOPICS]
    scores: dict[str, list[float | None]] = {t: [None] * len(labels) for t in shown}
    levels: dict[str, list[float | None]] = {t: [None] * len(labels) for t in shown}
    for row in progress.topics:
        if row["topic"] in scores:
            scores[row["topic"]][row["index"]] = row["mean_score"]
            levels[row["topic"]][row["index"]] = row["level"]
    score_lines = [Series(t, tuple(scores[t])) for t in shown]
    level_lines = [Series(t, tuple(levels[t])) for t in shown]
    return line_chart("Score by topic", labels, score_lines, 0.0, 1.0, (0.0, 0.25, 0.5, 0.75, 1.0)) + line_chart(
        "Level by topic (1 recall … 5 design)", labels, level_lines, 1.0, 5.0, (1, 2, 3, 4, 5)
    )


def _readiness_charts(progress: Progress) -> str:
    if not progress.readiness:
        return (
            "<p>No readiness check-ins yet: use the check-in above the interview in the web app, or run "
            "<code>interviewer checkin</code>, before a session.</p>"
        )
    labels = time_labels([to_utc(row["at"]) for row in progress.readiness])
    anxiety = [
        Series("before the pause", tuple(row["before"] for row in progress.readiness)),
        Series("after the pause", tuple(row["after"] for row in progress.readiness), dashed=True),
    ]
    performance = [Series("session score", tuple(row["session_mean_score"] for row in progress.readiness))]
    return line_chart("Anxiety per check-in (1 calm … 10)", labels, anxiety, 1.0, 10.0, (1, 4, 7, 10)) + line_chart(
        "Score of the session that followed", labels, performance, 0.0, 1.0, (0.0, 0.5, 1.0)
    )


AGREEMENT_INTRO = (
    "This is the scorer's accuracy for you: for each reading the machine gave a key point of your answers, how "
    "often you confirmed it, over your recent confirmations."
)
_READING = {verdict.value: verdict_text(verdict.value) for verdict in Verdict} | {"unsure": "? unsure, please check"}


def render_agreement(rows: Sequence[Agreement]) -> str:
    """Machine-vs-candidate agreement per machine reading (covered, partly, missed, wrong, unsure), as HTML."""
    head = f"<h2>How often the machine agreed with you</h2><p>{escape(AGREEMENT_INTRO, quote=False)}</p>"
    if not any(row.confirmed for row in rows):
        return head + "<p>No confirmations yet: review your answers after a session to see it.</p>"
    lines = ["<table><tr><th>machine's reading</th><th>points you confirmed</th><th>you agreed</th>"
             "<th>agreement</th></tr>"]  # fmt: skip
    for row in rows:
        rate = row.rate
        shown = f"{rate:.0%}" if rate is not None else "–"
        lines.append(
            f"<tr><td>{escape(_READING.get(row.verdict, row.verdict))}</td><td>{row.confirmed}</td>"
            f"<td>{row.agreed}</td><td>{shown}</td></tr>"
        )
    lines.append("</table>")
    return head + "".join(lines)


_STYLE = (
    "body{font-family:sans-serif;margin:2em auto;max-width:700px;color:#222}"
    "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
    "svg{display:block;margin:1em 0}"
)


def render_charts(progress: Progress, generated_at: datetime, agreement: Sequence[Agreement] | None = None) -> str:
    """The charts and tables of the progress page, as an HTML fragment (the web app embeds it); with
    `agreement`, the machine-vs-candidate agreement per verdict after the session tables."""
    body = [f"<h1>Interview progress</h1><p>{len(progress.sessions)} sessions, as of "
            f"{to_utc(generated_at):%Y-%m-%d %H:%M} UTC.</p>"]  # fmt: skip
    if not progress.sessions:
        body.append("<p>No answered questions yet: start with <code>interviewer mock</code>.</p>")
    else:
        labels = time_labels([to_utc(row["started"]) for row in progress.sessions])
        means = [Series("mean score", tuple(row["mean_score"] for row in progress.sessions))]
        body.append(line_chart("Mean score per session", labels, means, 0.0, 1.0, (0.0, 0.25, 0.5, 0.75, 1.0)))
        body.append(_topic_charts(progress, labels))
        body.append("<h2>Topics, weakest latest score first</h2>" + _topic_table(progress))
        body.append("<h2>Sessions, oldest first</h2>" + _sessions_table(progress, labels))
        weeks = progress.weeks
        body.append(
            bar_chart("Sessions per week", [w["week"][5:] for w in weeks], [float(w["sessions"]) for w in weeks])
        )
    if agreement is not None:
        body.append(render_agreement(agreement))
    body.append("<h2>Readiness</h2>" + _readiness_charts(progress))
    return "".join(body)


def render_html(progress: Progress, generated_at: datetime, agreement: Sequence[Agreement] | None = None) -> str:
    """The progress page: self-contained HTML, charts as inline SVG (and the agreement table, when given)."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Interview progress</title>'
        f"<style>{_STYLE}</style></head><body>{render_charts(progress, generated_at, agreement)}</body></html>\n"
    )


def default_progress_path(home: Path) -> Path:
    """Where `interviewer progress` writes its page unless told otherwise."""
    return home / "progress.html"


def write_html(
    progress: Progress, path: Path, generated_at: datetime, agreement: Sequence[Agreement] | None = None
) -> Path:
    """Write the progress page to `path` (atomically); returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_html(progress, generated_at, agreement), encoding="utf-8")
    tmp.replace(path)
    return path
