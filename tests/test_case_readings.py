"""The candidate corrects how a case note is read, as in Anki the person is the judge of last resort: its kind, who
it is for, or that it is no case at all. The correction is kept per note, applies from the next question, is said
when the case opens, and can be taken back."""

from __future__ import annotations

import io
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.app.readings import case_notes, correct_reading
from interviewer.cli import main
from interviewer.core.domain import CASE_STAGES, CaseKind
from interviewer.core.readings import CaseReading
from interviewer.errors import BadInputError
from interviewer.ingest.pipeline import ingest
from interviewer.interview.case_questions import case_draft
from interviewer.interview.cases import case_facts
from interviewer.interview.templates import load_templates
from interviewer.storage.readings import ReadingStore
from interviewer.ui.handlers import AS_READ, InterviewHandlers
from interviewer.ui.readings import NOT_A_CASE, ReadingHandlers
from tests.helpers import chunks_of, ui_app

# A case whose note never names its business: the app can only say "the business".
UNNAMED = (
    "# Case: weekend supply\n\n"
    "Supply of tools on weekends is 30% below demand in our three biggest cities. Lenders list about 4,000 tools "
    "and renters book about 9,000 times a month. The head of supply asks whether we should pay lenders a £5 "
    "weekend bonus.\n\n"
    "## My attempt\n\nI started from fill rate by city.\n"
)
NOW = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
FAKE = {
    "INTERVIEWER_LLM": "fake",
    "INTERVIEWER_EMBEDDER": "fake",
    "INTERVIEWER_THREADS": "1",
    "INTERVIEWER_PHRASE": "0",
}


def test_the_newest_reading_of_a_note_counts_and_every_reading_is_kept(tmp_path: Path) -> None:
    store = ReadingStore(tmp_path / "sessions.sqlite3")
    assert store.latest() == {} and store.history() == []
    first = CaseReading("/notes/a.md", "a", NOW, kind=CaseKind.SIZING)
    second = CaseReading("/notes/a.md", "a", NOW + timedelta(minutes=1), business="Tandem Tools")
    other = CaseReading("/notes/b.md", "b", NOW, not_case=True)
    for reading in (first, second, other):
        store.add(reading)
    assert store.latest() == {"/notes/a.md": second, "/notes/b.md": other}
    assert store.history() == [first, second, other]
    store.add(CaseReading("/notes/b.md", "b", NOW + timedelta(minutes=2)))  # the app's reading put back
    assert set(store.latest()) == {"/notes/a.md"} and len(store.history()) == 4


def test_a_business_the_candidate_names_is_said_in_every_stage_and_in_the_notice() -> None:
    chunks = chunks_of("case_weekend.md", UNNAMED)
    templates = load_templates()

    def draft(stage: str, named: str) -> tuple[str, str]:
        made = case_draft(
            stage, chunks[0].topic, chunks, [], None, templates, random.Random(0), set(), stage == CASE_STAGES[0],
            None, named,
        )  # fmt: skip
        return made.text, made.notice

    assert case_facts(chunks).business == "the business"  # (the note names none: the reason to correct it)
    _, notice = draft(CASE_STAGES[0], "")
    assert "I found no name for the business in the note" in notice, notice
    text, _ = draft("method", "")
    assert "the business" in text, text
    _, notice = draft(CASE_STAGES[0], "Tandem Tools")
    assert notice.startswith("Asked for Tandem Tools, as you set it.") and "no name" not in notice, notice
    for stage in ("method", "experiment", "deployment"):
        text, _ = draft(stage, "Tandem Tools")
        assert "Tandem Tools" in text and "the business" not in text, (stage, text)
    facts = case_facts(chunks, CaseKind.CHOICE, "Tandem Tools")
    assert facts.named and facts.told and facts.kind is CaseKind.CHOICE and facts.business == "Tandem Tools"


def _app_with(tmp_path: Path, notes: dict[str, str]) -> App:
    app = ui_app(tmp_path / "home", with_notes=False)
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, text in notes.items():
        (folder / name).write_text(text, encoding="utf-8")
    ingest([str(folder)], app.store, 10**8)
    return app


TECH = (
    "# Regularisation\n\n- Lasso (L1) sets some coefficients to exactly zero, so it selects features.\n"
    "- Ridge (L2) shrinks correlated coefficients together and keeps them all.\n"
    "- Elastic net mixes both: use it when features are many and correlated.\n"
)


def test_readings_apply_from_the_next_question_and_a_note_that_is_no_case_is_asked_as_a_note(tmp_path: Path) -> None:
    app = _app_with(tmp_path, {"case_weekend.md": UNNAMED, "regularisation.md": TECH})
    [read] = case_notes(app)
    assert read.business == "the business" and read.corrected is None
    handlers = InterviewHandlers(app)
    view = handlers.start("Case study", read.topic, 4, False, seed=3)
    list(handlers.next_question(view.session_id))
    handlers.answer(view.session_id, None, "I would ask how supply is counted and what a bonus costs.")
    correct_reading(app, read.topic, NOW, business="Tandem Tools", kind=CaseKind.POLICY)
    asked = [v for v in handlers.next_question(view.session_id)][-1]
    question = handlers.session(view.session_id).pending
    assert question is not None and question.kind == "case" and "Tandem Tools" in question.text, asked
    [now_read] = case_notes(app)
    assert now_read.kind is CaseKind.POLICY and now_read.business == "Tandem Tools"
    assert "as you set it" in now_read.said()
    # No case: the note's chunks are asked as a note's, in this session from the next question and in every later one.
    correct_reading(app, read.topic, NOW, not_case=True)
    assert not [c for c in app.interviewer.chunks() if c.kind == "case"]
    assert case_notes(app)[0].corrected is not None and case_notes(app)[0].corrected.not_case
    # ... until the candidate puts the app's reading back.
    correct_reading(app, read.topic, NOW)
    assert [c for c in app.interviewer.chunks() if c.kind == "case"]
    assert case_notes(app)[0].corrected is None
    with pytest.raises(BadInputError, match="no case note has the topic"):
        correct_reading(app, "regularisation", NOW, kind=CaseKind.SIZING)
    with pytest.raises(BadInputError, match="business: give the company's name on one line"):
        correct_reading(app, read.topic, NOW, business="x" * 61)
    with pytest.raises(BadInputError, match="no kind or business"):
        correct_reading(app, read.topic, NOW, not_case=True, kind=CaseKind.SIZING)


def test_the_page_shows_the_reading_of_the_case_on_screen_and_saves_a_correction(tmp_path: Path) -> None:
    app = _app_with(tmp_path, {"case_weekend.md": UNNAMED, "regularisation.md": TECH})
    handlers = InterviewHandlers(app)
    readings = ReadingHandlers(handlers)
    deep = handlers.start("Deep dive", "regularisation", 2, False, seed=1)
    list(handlers.next_question(deep.session_id))
    with pytest.raises(BadInputError, match="no case asked yet"):
        readings.current(deep.session_id)
    topic = case_notes(app)[0].topic
    view = handlers.start("Case study", topic, 3, False, seed=1)
    list(handlers.next_question(view.session_id))
    kind, business, line, shown = readings.current(view.session_id)
    assert (kind, business, shown) == (AS_READ, "the business", topic) and " read as " in line, line
    # The app's own name left in the box is no correction; a name typed over it is.
    said = readings.save(view.session_id, AS_READ, "the business", shown)
    assert "as the app reads it" in said and case_notes(app)[0].corrected is None, said
    said = readings.save(view.session_id, CaseKind.CHOICE.described, "Tandem Tools", shown)
    assert said.startswith("Saved: ") and "a choice among options" in said and "Tandem Tools" in said, said
    kind, business, line, _ = readings.current(view.session_id)
    assert (kind, business) == (CaseKind.CHOICE.described, "Tandem Tools")
    # ... and the panel says the app's own reading beside it, so that it can be put back.
    assert "you set it as a choice among options, for Tandem Tools; the app read it as" in line, line
    # A panel left from another case never saves onto this one.
    with pytest.raises(BadInputError, match="not of the case on screen"):
        readings.save(view.session_id, CaseKind.SIZING.described, "Streamly", "another case")
    assert case_notes(app)[0].business == "Tandem Tools"
    # The app's own name typed back, with its kind, puts the app's reading back; so does the reset button.
    readings.save(view.session_id, AS_READ, "the business", shown)
    assert case_notes(app)[0].corrected is None
    readings.save(view.session_id, CaseKind.SIZING.described, "", shown)
    said = readings.reset(view.session_id)
    assert "as the app reads it again" in said and case_notes(app)[0].corrected is None, said
    said = readings.save(view.session_id, NOT_A_CASE, "", shown)
    assert "read as a note from now on" in said and readings.current(view.session_id)[0] == NOT_A_CASE
    with pytest.raises(BadInputError, match="case reading must be one of"):
        readings.save(view.session_id, "a riddle", "")
    # A session started with a kind of its own says so in the panel: it keeps that kind.
    readings.reset(view.session_id)
    chosen = handlers.start("Case study", topic, 3, False, seed=1, case_kind=CaseKind.METRIC.described)
    list(handlers.next_question(chosen.session_id))
    assert "This session was started as a metric to define" in readings.current(chosen.session_id)[2]


def test_the_command_line_lists_corrects_and_exports_readings(interviewer_home: Path, tmp_path: Path) -> None:
    note = tmp_path / "case_weekend.md"
    note.write_text(UNNAMED, encoding="utf-8")
    env = {"INTERVIEWER_HOME": str(interviewer_home), **FAKE}
    assert main(["ingest", str(note)], env=env, out=io.StringIO()) == 0

    def run(*args: str) -> tuple[int, str]:
        out = io.StringIO()
        return main(list(args), env=env, out=out), out.getvalue()

    code, listed = run("case-reading", "--json")
    [row] = json.loads(listed)["case_notes"]
    assert code == 0 and row["business"] == "the business" and row["corrected"] is None
    code, said = run("case-reading", row["topic"], "--business", "Tandem Tools", "--kind", "allocation")
    assert code == 0 and said.startswith(f"Saved: {row['topic']}, asked as a budget to split, for Tandem Tools"), said
    code, listed = run("case-reading")
    assert code == 0 and "a budget to split, for Tandem Tools (as you set it)" in listed, listed
    code, said = run("case-reading", "no such case", "--not-case")
    assert code == 2
    code, said = run("case-reading", row["topic"], "--as-read", "--kind", "sizing")
    assert code == 2
    export = tmp_path / "export.json"
    assert run("export-data", "--out", str(export))[0] == 0
    [kept] = json.loads(export.read_text())["case_readings"]
    assert kept["business"] == "Tandem Tools" and kept["kind"] == "allocation" and kept["note"] == str(note)
