"""The candidate closes the loop on a case's reading: its opening says what the app read the case as (unsure where
no words of the note told it), and a kind the candidate gives is what every stage asks, kept with the session."""

from __future__ import annotations

import io
import json
import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interviewer.cli import main
from interviewer.core.domain import CASE_STAGES, CaseKind
from interviewer.core.session import SessionConfig
from interviewer.errors import BadInputError
from interviewer.interview.case_questions import case_draft
from interviewer.interview.cases import case_facts
from interviewer.interview.templates import load_templates
from interviewer.storage.persistence import SessionRepository
from interviewer.ui.handlers import AS_READ, InterviewHandlers
from tests.helpers import chunks_of, ui_app

# A business problem told with no words for what it asks: no question, no "should", no model to build.
UNTOLD = (
    "# Case: Ferncliff Books\n\n"
    "Ferncliff Books sells second-hand textbooks online to about 40,000 students a term. Shipping costs rose 18% "
    "this year while the average order stayed at £23. The founder, Priya Lal, has the data team's attention for "
    "a month.\n\n"
    "## Notes\n\nI started from margin per order, then returns.\n"
)
# The same business asked plainly.
TOLD = UNTOLD.replace(
    "has the data team's attention for a month.", "asks whether Ferncliff should raise its shipping fee to £3.99."
)
FAKE = {
    "INTERVIEWER_LLM": "fake",
    "INTERVIEWER_EMBEDDER": "fake",
    "INTERVIEWER_THREADS": "1",
    "INTERVIEWER_PHRASE": "0",
}


def opening(text: str, kind: CaseKind | None = None) -> tuple[str, str]:
    """The opening question of the case a note poses, and its notice."""
    chunks = chunks_of("case_ferncliff.md", text)
    draft = case_draft(
        CASE_STAGES[0], chunks[0].topic, chunks, [], None, load_templates(), random.Random(0), set(), True, kind
    )
    return draft.text, draft.notice


def test_the_opening_says_what_it_read_the_case_as_and_asks_to_check_where_no_words_told_it() -> None:
    untold = case_facts(chunks_of("case_ferncliff.md", UNTOLD))
    told = case_facts(chunks_of("case_ferncliff.md", TOLD))
    assert untold.guessed and not told.guessed, (untold, told)
    _, notice = opening(UNTOLD)
    assert notice.startswith("I could not tell from the note what this case asks") and "please check" in notice
    assert untold.kind.described in notice
    _, notice = opening(TOLD)
    assert notice == (
        f"I read this case as {told.kind.described}. If I misread it, correct the case's reading: it applies from the"
        " next question."
    ), notice
    assert told.kind is CaseKind.CHANGE


def test_a_kind_the_candidate_gives_is_what_every_stage_asks() -> None:
    chunks = chunks_of("case_ferncliff.md", UNTOLD)
    sized = case_facts(chunks, CaseKind.SIZING)
    assert sized.shape == "sizing" and sized.told and not sized.guessed and sized.decision
    operating = case_facts(chunks, CaseKind.OPERATING)
    assert operating.operating and operating.kind is CaseKind.OPERATING and not operating.decision
    _, notice = opening(UNTOLD, CaseKind.SIZING)
    assert notice == "Asked as a number to size, as you set it."

    def stages(kind: CaseKind | None) -> list[str]:
        templates = load_templates()
        return [
            case_draft(stage, chunks[0].topic, chunks, [], None, templates, random.Random(1), set(), False, kind).text
            for stage in ("method", "evaluation")
        ]

    as_read, as_sized = stages(None), stages(CaseKind.SIZING)
    assert as_read != as_sized
    # The stage questions are the sizing kind's own, said of the business.
    sizing = [t for key in ("sizing-method", "sizing-evaluation") for t in load_templates().case[key]]
    assert all(any(t == frame.format(business="Ferncliff Books") for frame in sizing) for t in as_sized), as_sized


def test_the_command_line_asks_the_kind_given_and_the_session_keeps_it(
    interviewer_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = tmp_path / "case_ferncliff.md"
    note.write_text(UNTOLD, encoding="utf-8")
    env = {"INTERVIEWER_HOME": str(interviewer_home), **FAKE}
    assert main(["ingest", str(note)], env=env, out=io.StringIO()) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"answer": "I would ask about the margin."}) + "\n"))
    out = io.StringIO()
    args = ["mock", "--protocol", "jsonl", "--kind", "case", "--case-kind", "sizing", "--questions", "3"]
    assert main(args, env=env, out=out) == 0
    events = [json.loads(line) for line in out.getvalue().splitlines() if line.startswith("{")]
    assert events[0]["notice"].startswith("Asked as a number to size"), events[0]
    assert "Ferncliff Books" in events[2]["text"] and events[2]["stage"] != CASE_STAGES[0]
    repo = SessionRepository(interviewer_home / "sessions.sqlite3")
    assert repo.load(events[-1]["session_id"]).config.case_kind is CaseKind.SIZING
    repo.close()


def test_a_sessions_file_from_before_case_kinds_gains_the_column_and_keeps_its_sessions(tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite3"
    repo = SessionRepository(path)
    kept = repo.create(SessionConfig(questions=3), datetime(2026, 1, 5, tzinfo=UTC))
    repo.close()
    db = sqlite3.connect(path)
    db.execute("alter table sessions drop column case_kind")
    db.commit()
    db.close()
    repo = SessionRepository(path)
    assert repo.load(kept).config.case_kind is None
    told = repo.create(SessionConfig(questions=3, case_kind=CaseKind.POLICY), datetime(2026, 1, 6, tzinfo=UTC))
    assert repo.load(told).config.case_kind is CaseKind.POLICY
    repo.close()


def test_the_page_starts_a_case_of_the_kind_picked_and_names_a_bad_pick(tmp_path: Path) -> None:
    handlers = InterviewHandlers(ui_app(tmp_path))
    view = handlers.start("Case study", "Chosen for me", 3, False, seed=1, case_kind=CaseKind.CHOICE.described)
    assert handlers._session(view.session_id).state.config.case_kind is CaseKind.CHOICE
    view = handlers.start("Case study", "Chosen for me", 3, False, seed=1, case_kind=AS_READ)
    assert handlers._session(view.session_id).state.config.case_kind is None
    with pytest.raises(BadInputError, match="case kind must be one of"):
        handlers.start("Case study", "Chosen for me", 3, False, case_kind="a riddle")
