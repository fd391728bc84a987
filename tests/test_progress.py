"""Progress: per-topic score and level over sessions, sessions per week, readiness beside performance, and the
self-contained HTML page the CLI writes."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from interviewer.cli import main
from interviewer.core.domain import Mode, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.learning.checkins import CheckInStore, make_checkin
from interviewer.learning.progress import build_progress, render_html, series_name, time_labels
from interviewer.storage.persistence import SessionRepository

MONDAY = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)  # ISO week 2025-W10


def turn(topic: str, score: float, level: int) -> Turn:
    question = Question(turn=1, text=f"About {topic}?", kind="deep-dive", topic=topic, level=level)
    return Turn(question=question, answer="an answer", score=ScoreResult.from_json({"total": score, "criteria": []}))


def when(days: float, minutes: int = 0) -> str:
    return (MONDAY + timedelta(days=days, minutes=minutes)).isoformat()


# Three sessions: "Bagging" improves and climbs; "<SQL> & joins" is asked once. Week 11 has no session.
ANSWERED = [
    ("s1", when(0), turn("Bagging", 0.2, 1)),
    ("s1", when(0, 2), turn("Bagging", 0.4, 1)),
    ("s1", when(0, 4), turn("<SQL> & joins", 0.6, 2)),
    ("s2", when(2), turn("Bagging", 0.5, 2)),
    ("s3", when(15), turn("Bagging", 0.9, 3)),
]


def test_topic_score_and_level_per_session() -> None:
    progress = build_progress(ANSWERED)
    bagging = [(r["session_id"], r["mean_score"], r["level"]) for r in progress.topics if r["topic"] == "Bagging"]
    assert bagging == [("s1", 0.3, 1), ("s2", 0.5, 2), ("s3", 0.9, 3)]
    assert [(s["session_id"], s["index"], s["answers"], s["mean_score"]) for s in progress.sessions] == [
        ("s1", 0, 3, 0.4),
        ("s2", 1, 1, 0.5),
        ("s3", 2, 1, 0.9),
    ]
    assert progress.sessions[0]["started"] == "2025-03-03T18:00:00+00:00"


def test_sessions_per_week_include_empty_weeks() -> None:
    assert build_progress(ANSWERED).weeks == [
        {"week": "2025-W10", "sessions": 2},
        {"week": "2025-W11", "sessions": 0},
        {"week": "2025-W12", "sessions": 1},
    ]


def test_checkins_sit_beside_the_session_that_followed() -> None:
    checkins = [
        make_checkin(["A", "B"], [8, 6], [5, 5], at=when(0, -30)),  # 30 minutes before s1
        make_checkin(["A"], [4], [3], at=when(5), session_id="s2"),  # named explicitly
        make_checkin(["A"], [9], [9], at=when(6)),  # no session within a day after it
    ]
    rows = build_progress(ANSWERED, checkins).readiness
    assert [(r["session_id"], r["before"], r["after"], r["session_mean_score"]) for r in rows] == [
        ("s1", 7.0, 5.0, 0.4),
        ("s2", 4.0, 3.0, 0.5),
        (None, 9.0, 9.0, None),
    ]


def test_html_is_self_contained_shows_the_trend_and_escapes_names() -> None:
    checkins = [make_checkin(["A"], [8], [5], at=when(0, -30))]
    page = render_html(build_progress(ANSWERED, checkins), generated_at=MONDAY + timedelta(days=16))
    for external in ("<script", "src=", "href=", "http", "url(", "@import"):
        assert external not in page
    assert page.count("<svg") == 6  # mean score, score by topic, level by topic, per week, anxiety, scores
    bagging_lines = re.findall(r'<polyline[^>]*points="([^"]+)"><title>Bagging</title>', page)
    assert len(bagging_lines) == 2 and all(len(points.split()) == 3 for points in bagging_lines)
    score_line = [tuple(map(float, p.split(","))) for p in bagging_lines[0].split()]
    assert score_line[0][1] > score_line[1][1] > score_line[2][1]  # higher score: higher on the page
    assert "&lt;SQL&gt; &amp; joins" in page and "<SQL>" not in page


def test_empty_history_renders_a_hint() -> None:
    page = render_html(build_progress([]), generated_at=MONDAY)
    assert "No answered questions yet" in page and "No readiness check-ins yet" in page


def save_sessions(home: Path) -> None:
    repo = SessionRepository(home / "sessions.sqlite3")
    by_session: dict[str, list[tuple[str, Turn]]] = {}
    for sid, at, answered in ANSWERED:
        by_session.setdefault(sid, []).append((at, answered))
    for turns in by_session.values():
        session_id = repo.create(SessionConfig(), datetime.fromisoformat(turns[0][0]))
        for number, (at, answered) in enumerate(turns, start=1):
            question = Question.from_dict({**answered.question.to_dict(), "turn": number})
            moment = datetime.fromisoformat(at)
            repo.save_question(session_id, question, Mode.STANDARD, moment)
            repo.save_answer(session_id, Turn(question, answered.answer, answered.score), moment)
    repo.close()
    CheckInStore(home / "sessions.sqlite3").add(make_checkin(["A"], [8], [5], at=when(0, -30)))


def test_cli_writes_the_page_and_prints_its_path(interviewer_home: Path, tmp_path: Path) -> None:
    save_sessions(interviewer_home)
    env = {"INTERVIEWER_HOME": str(interviewer_home)}
    out = io.StringIO()
    assert main(["progress"], env=env, out=out) == 0
    default = interviewer_home / "progress.html"
    assert out.getvalue().splitlines()[0] == f"{default}" and "<svg" in default.read_text(encoding="utf-8")
    assert "No confirmed answers yet" in out.getvalue()  # agreement needs confirmations, and says how to give them
    out = io.StringIO()
    assert main(["progress", "--out", str(tmp_path / "charts" / "p.html"), "--json"], env=env, out=out) == 0
    document = json.loads(out.getvalue())
    assert Path(document["html"]).is_file() and document["html"] == str(tmp_path / "charts" / "p.html")
    assert [round(s["mean_score"], 3) for s in document["sessions"]] == [0.4, 0.5, 0.9]
    assert document["readiness"][0]["session_mean_score"] == 0.4
    assert len(document["weeks"]) == 3


@pytest.mark.parametrize(("answers", "has_line"), [(3, False), (4, True), (5, True)])
def test_a_topic_line_appears_from_its_second_session(answers: int, has_line: bool) -> None:
    page = render_html(build_progress(ANSWERED[:answers]), generated_at=MONDAY)
    assert ("<title>Bagging</title></polyline>" in page) is has_line


@pytest.mark.parametrize(
    ("moments", "labels"),
    [
        ([datetime(2026, 11, 30, 9), datetime(2026, 12, 1, 9)], ["11-30", "12-01"]),
        (  # sessions on the same day all showed "12-01"
            [datetime(2026, 11, 30, 9), datetime(2026, 12, 1, 14, 26), datetime(2026, 12, 1, 14, 48)],
            ["11-30", "12-01 14:26", "12-01 14:48"],
        ),
        ([datetime(2026, 12, 1, 14, 26, 5), datetime(2026, 12, 1, 14, 26, 40)], ["12-01 14:26:05", "12-01 14:26:40"]),
        ([datetime(2026, 12, 1, 14, 26), datetime(2026, 12, 1, 14, 26)], ["12-01 14:26:00", "12-01 14:26:00 (2)"]),
        ([datetime(2025, 12, 1), datetime(2026, 12, 1)], ["2025-12-01", "2026-12-01"]),
        ([], []),
    ],
)
def test_time_labels_are_distinct_and_short(moments: list[datetime], labels: list[str]) -> None:
    assert time_labels(moments) == labels


LONG_TOPIC = "Feature engineering and target leakage in time-series forecasting pipelines"
SAME_DAY = [
    ("a", when(0), turn(LONG_TOPIC, 0.4, 2)),
    ("a", when(0, 1), turn("Gradient Boosting", 0.8, 5)),
    ("b", when(0, 30), turn("Gradient Boosting", 0.9, 5)),
    ("c", when(0, 60), turn(LONG_TOPIC, 0.6, 3)),
]


def test_same_day_sessions_get_distinct_labels_and_legends_show_full_names() -> None:
    page = render_html(build_progress(SAME_DAY), generated_at=MONDAY + timedelta(days=1))
    axis = re.findall(r'<text class="x-label"[^>]*>(.*?)</text>', page)
    first_chart = [re.sub(r"<[^>]+>", " ", label).split() for label in axis[:3]]
    assert first_chart == [["03-03", "18:00"], ["03-03", "18:30"], ["03-03", "19:00"]]
    legends = re.findall(r'<text class="legend"[^>]*>(.*?)</text>', page)
    long_legend = next(text for text in legends if "Feature" in text)
    assert long_legend.count("<tspan") == 2  # wrapped onto two lines, never cut off
    assert re.sub(r"<[^>]+>", " ", long_legend).split() == LONG_TOPIC.split()
    for match in re.finditer(r'<tspan x="(\d+)"[^>]*>([^<]*)</tspan>', page):
        x, text = int(match.group(1)), match.group(2)
        assert x + 6.2 * len(text) <= 640, text  # every legend line fits inside the chart's width


def case_turn(topic: str, score: float, level: int, stage: str) -> Turn:
    question = Question(turn=1, text="What would you clarify?", kind="case", topic=topic, level=level, stage=stage)
    return Turn(question=question, answer="an answer", score=ScoreResult.from_json({"total": score, "criteria": []}))


def test_a_case_question_filed_under_a_topic_does_not_move_that_topics_level() -> None:
    answered = [
        ("s1", when(0), turn("Gradient Boosting", 0.8, 5)),
        ("s2", when(1), case_turn("Gradient Boosting", 0.3, 1, "clarify")),  # the misfiled case question
        ("s2", when(1, 5), case_turn("Case Study: Fraud", 0.5, 2, "frame")),
    ]
    progress = build_progress(answered)
    lines = {(row["topic"], row["session_id"]): row["level"] for row in progress.topics}
    assert lines == {
        ("Gradient Boosting", "s1"): 5,
        ("Gradient Boosting (case study)", "s2"): 1,
        ("Case Study: Fraud", "s2"): 2,
    }
    assert series_name("Gradient Boosting", "deep-dive") == "Gradient Boosting"
    assert series_name("Case Study: Fraud", "case") == "Case Study: Fraud"
