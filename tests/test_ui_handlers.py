"""The web app's handlers, called directly on the fake backends (no browser, no Gradio server)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.app.sessions import weakest_topics
from interviewer.errors import BadInputError
from interviewer.reports.html import md_escape
from interviewer.ui.handlers import CHOSEN_FOR_ME, WEAKEST_FIRST, InterviewHandlers, SessionView
from interviewer.ui.notes import ingest_notes
from tests.conftest import CORPUS
from tests.helpers import ask, strong, ui_app


@pytest.fixture
def app(interviewer_home: Path) -> App:
    return ui_app(interviewer_home)


def start_and_answer_strongly(app: App, handlers: InterviewHandlers, kind: str, questions: int, seed: int) -> str:
    """Start a session, show its first question and answer it from its own sources; the session id."""
    session_id = handlers.start(kind, CHOSEN_FOR_ME, questions, challenge=False, seed=seed).session_id
    ask(handlers, session_id)
    question = app.repo.load(session_id or "").pending
    assert session_id is not None and question is not None
    handlers.answer(session_id, 1, strong(question))
    return session_id


def texts(view: SessionView) -> list[str]:
    return [m["content"] for m in view.chat]


def test_a_question_streams_in_and_waits_for_the_answer(app: App) -> None:
    handlers = InterviewHandlers(app)
    started = handlers.start("Deep dive", CHOSEN_FOR_ME, 3, challenge=False, seed=1)
    assert started.session_id and started.chat == [] and started.turn is None
    steps = ask(handlers, started.session_id)
    question = app.repo.load(started.session_id).pending
    assert question is not None
    shown = [step.chat[-1]["content"] for step in steps if step.chat]
    assert "Preparing the next question" in shown[0]
    streamed = [text for text in shown[1:] if question.text.split(" ")[0] in text]
    assert len(streamed) >= 2 and all(len(a) < len(b) for a, b in itertools.pairwise(streamed))
    final = steps[-1]
    assert final.turn == 1 and question.text in final.chat[-1]["content"]
    assert Path(question.sources[0]["source"]).name in final.chat[-1]["content"] and final.status.startswith(
        "Your turn"
    )
    assert final.ready and not any(step.ready for step in steps[:-1])  # Submit only once the question is whole


def test_an_answer_gets_a_score_card_and_a_second_submit_is_ignored(app: App) -> None:
    handlers = InterviewHandlers(app)
    session_id = handlers.start("Deep dive", CHOSEN_FOR_ME, 3, challenge=False, seed=2).session_id
    ask(handlers, session_id)
    question = app.repo.load(session_id or "").pending
    assert question is not None
    view = handlers.answer(session_id, 1, strong(question))
    card = [m for m in view.chat if m["content"].startswith("**Score ")]
    saved = app.repo.load(session_id or "").turns[0].score
    assert len(card) == 1 and f"**Score {saved.total:.2f}**" in card[0]["content"]
    rows = [line for line in card[0]["content"].splitlines() if line.startswith("| ") and "criterion" not in line]
    assert len(rows) == len(saved.criteria)
    assert all(f"{c.score:.2f}" in row for c, row in zip(saved.criteria, rows, strict=True))
    folded = [m for m in view.chat if m.get("metadata")]
    assert folded and "✓" in folded[0]["content"]
    again = handlers.answer(session_id, 1, "a second click on the same answer")
    assert again.status == "That answer was already submitted."
    assert len(app.repo.load(session_id or "").turns) == 1


def test_the_last_answer_says_it_was_the_last_question_and_no_next_one_is_coming(app: App) -> None:
    # A trial user read "the next question is already above" after the last answer and looked for it.
    handlers = InterviewHandlers(app)
    session_id = handlers.start("Deep dive", CHOSEN_FOR_ME, 1, challenge=False, seed=2).session_id
    ask(handlers, session_id)
    question = app.repo.load(session_id or "").pending
    assert question is not None
    view = handlers.answer(session_id, 1, strong(question))
    assert view.finished and view.status.endswith("That was the last question."), view.status
    assert "Next question" not in view.status


def test_challenge_me_can_be_flipped_mid_session(app: App) -> None:
    handlers = InterviewHandlers(app)
    session_id = start_and_answer_strongly(app, handlers, "Deep dive", 4, seed=3)
    view = handlers.set_challenge(session_id, True)
    assert view is not None and view.challenge and "Challenge me: on" in view.level
    ask(handlers, session_id)
    assert app.repo.load(session_id or "").mode.value == "challenge"
    # History showed "standard" for this session while its transcript said "mode: challenge".
    assert handlers.history()[0][4] == "standard → challenge"
    assert "mode: standard → challenge" in handlers.end(session_id).markdown


def test_two_browsers_never_see_each_others_questions(app: App) -> None:
    handlers = InterviewHandlers(app)
    first = handlers.start("Deep dive", "Gradient Boosting", 2, challenge=False, seed=4).session_id
    second = handlers.start("Case study", CHOSEN_FOR_ME, 2, challenge=True, seed=5).session_id
    one, two = ask(handlers, first)[-1], ask(handlers, second)[-1]
    assert one.session_id != two.session_id
    assert not set(texts(one)) & set(texts(two))
    assert "Gradient Boosting" in texts(one)[-1] and "stage: clarify" in texts(two)[-1]


def test_a_reload_after_a_server_restart_restores_the_chat(interviewer_home: Path, app: App) -> None:
    handlers = InterviewHandlers(app)
    session_id = start_and_answer_strongly(app, handlers, "Mixed", 3, seed=6)
    before = ask(handlers, session_id)[-1]
    restarted = InterviewHandlers(ui_app(interviewer_home, with_notes=False))  # nothing in memory survives
    after = restarted.restore(session_id)
    assert after is not None and after.chat == before.chat and after.turn == 2 and after.ready
    assert restarted.restore("no-such-session") is None and restarted.restore(None) is None


def test_end_writes_the_transcript_files_and_history_lists_the_session(app: App) -> None:
    handlers = InterviewHandlers(app)
    session_id = start_and_answer_strongly(app, handlers, "Deep dive", 1, seed=7)
    question = app.repo.load(session_id).turns[0].question
    assert ask(handlers, session_id)[-1].finished
    feedback = handlers.end(session_id)
    assert feedback.files.markdown.exists() and feedback.files.html.exists()
    assert md_escape(question.text) in feedback.markdown and feedback.chart.startswith("<svg")
    assert app.repo.load(session_id).finished
    row = handlers.history()[0]
    assert row[0] == session_id and row[4] == "standard" and row[5] == "1" and row[8] == "finished"
    assert row[3] == question.topic  # the topic it asked from, at a glance
    assert feedback.status == "Session finished: your feedback is below."
    assert handlers.open_report(session_id).markdown == feedback.markdown
    with pytest.raises(BadInputError, match="that session is finished: open its report"):
        handlers.resume(session_id)  # History's Resume on a finished session has nothing to go on with


def test_ending_before_any_answer_leaves_nothing_behind(app: App) -> None:
    handlers = InterviewHandlers(app)
    session_id = handlers.start("Deep dive", CHOSEN_FOR_ME, 3, challenge=False, seed=10).session_id
    assert ask(handlers, session_id)[-1].status.startswith("Your turn")
    feedback = handlers.end(session_id)
    assert feedback.discarded and feedback.markdown == "" and "Your turn" not in feedback.status
    assert feedback.status.startswith("Session ended before any answer")
    assert handlers.history() == [] and app.repo.list() == []  # no "unfinished" session with nothing in it
    assert handlers.restore(session_id) is None  # a reload finds nothing to resume
    assert not app.settings.transcripts_dir.exists() or not any(app.settings.transcripts_dir.iterdir())


def test_ending_mid_session_keeps_it_resumable_and_says_so(app: App) -> None:
    handlers = InterviewHandlers(app)
    session_id = start_and_answer_strongly(app, handlers, "Deep dive", 3, seed=11)
    ask(handlers, session_id)
    feedback = handlers.end(session_id)
    assert not feedback.discarded and feedback.files is not None and feedback.files.markdown.exists()
    assert "Your turn" not in feedback.status and "resume it later from History" in feedback.status
    assert handlers.history()[0][8] == "unfinished" and app.repo.load(session_id).turns
    resumed = handlers.resume(session_id)
    assert resumed is not None and resumed.session_id == session_id


def test_weakest_topics_first_starts_on_the_topic_answered_worst(app: App) -> None:
    handlers = InterviewHandlers(app)
    session_id = handlers.start("Deep dive", "Gradient Boosting", 1, challenge=False, seed=8).session_id
    ask(handlers, session_id)
    handlers.answer(session_id, 1, "fine")
    assert weakest_topics(app) == ["Gradient Boosting"]
    again = handlers.start("Deep dive", WEAKEST_FIRST, 2, challenge=False, seed=9).session_id
    ask(handlers, again)
    pending = app.repo.load(again or "").pending
    assert pending is not None and pending.topic == "Gradient Boosting"


def test_bad_choices_are_one_line_errors(app: App) -> None:
    handlers = InterviewHandlers(app)
    with pytest.raises(BadInputError, match="interview kind"):
        handlers.start("Quiz", CHOSEN_FOR_ME, 3, challenge=False)
    with pytest.raises(BadInputError, match="between 1 and 50"):
        handlers.start("Deep dive", CHOSEN_FOR_ME, 0, challenge=False)
    with pytest.raises(BadInputError, match="press Start"):
        handlers.answer(None, None, "an answer")


def test_starting_without_notes_says_where_to_add_them(interviewer_home: Path) -> None:
    with pytest.raises(BadInputError, match="under “Your notes”"):
        InterviewHandlers(ui_app(interviewer_home, with_notes=False)).start(
            "Deep dive", CHOSEN_FOR_ME, 3, challenge=False
        )


def test_uploaded_and_folder_notes_are_indexed_and_bad_files_reported(interviewer_home: Path, tmp_path: Path) -> None:
    app = ui_app(interviewer_home, with_notes=False)
    upload = tmp_path / "browser-tmp" / "bayes.md"
    upload.parent.mkdir()
    upload.write_text("# Bayes Theorem\n\n## Definition\n\nPosterior is prior times likelihood. It is normalised.\n")
    broken = tmp_path / "browser-tmp" / "broken.pdf"
    broken.write_bytes(b"not a pdf at all")
    result = ingest_notes(app, [str(upload), str(broken)], str(CORPUS / "ml"))
    topics = [row[0] for row in result.topics]
    assert "Bayes Theorem" in topics and "Gradient Boosting" in topics
    assert len(result.skipped) == 1 and "broken.pdf" in result.skipped[0]
    kept = list((interviewer_home / "uploads").iterdir())
    assert [p.name for p in kept if p.suffix == ".md"] == ["bayes.md"]
    with pytest.raises(BadInputError, match="no such folder"):
        ingest_notes(app, None, str(tmp_path / "missing"))
    with pytest.raises(BadInputError, match="choose files"):
        ingest_notes(app, [], "")


_BUILD = """
import json, sys, warnings
from interviewer.app import App
from interviewer.app.sessions import weakest_topics
from interviewer.reports.html import md_escape
from interviewer.settings import Settings
from interviewer.ui.layout import build_ui
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    demo = build_ui(App(Settings.from_env(llm_backend="fake", embedder="fake", n_threads=1)), secret="test")
table = next(b for b in demo.blocks.values() if getattr(b, "elem_id", None) == "checkin-table")
said = [str(w.message) for w in caught if w.category is not ResourceWarning]  # Gradio's own event loops
print(json.dumps({"ids": sorted(b.elem_id for b in demo.blocks.values() if getattr(b, "elem_id", None)),
                  "running": demo.is_running, "warnings": said,
                  "checkin_columns": list(table.get_config()["col_count"])}))
"""


def test_the_page_builds_without_launching_anything(interviewer_home: Path) -> None:
    # In a child process: Gradio leaves asyncio loops of its own behind, which pytest would report as ours.
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _BUILD], capture_output=True, text=True, timeout=120, check=True)
    page = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"chat", "answer", "submit", "challenge", "level", "start", "end", "uploads", "history"} <= set(page["ids"])
    assert page["running"] is False
    # Gradio warned "The `column_limits` parameter is not yet implemented." in the server log on every start.
    assert page["warnings"] == [] and "not yet implemented" not in done.stderr
    assert page["checkin_columns"] == [3, "fixed"]  # the check-in table still offers no column to add


def test_opening_an_unknown_session_is_a_one_line_error(app: App) -> None:
    handlers = InterviewHandlers(app)
    with pytest.raises(BadInputError, match="no session 'nope'"):
        handlers.open_report("nope")
    with pytest.raises(BadInputError, match="choose a session"):
        handlers.open_report("")


def test_with_no_notes_the_interview_tab_says_how_to_begin(interviewer_home: Path) -> None:
    """A trial user found the Interview tab silent before any note was added."""
    empty = ui_app(interviewer_home, with_notes=False)
    hint = InterviewHandlers(empty).welcome()
    assert "No notes yet" in hint and "Your notes" in hint
    ingest_notes(empty, None, str(CORPUS / "ml"))
    assert InterviewHandlers(empty).welcome() == ""
