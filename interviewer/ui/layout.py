"""The Gradio page: components and events only. Every event calls a plain function of `handlers` or `notes`
and translates its result into component updates; importing this module launches nothing."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import gradio as gr

from interviewer.app import App
from interviewer.app.sessions import DEFAULT_QUESTIONS, MAX_QUESTIONS, MIN_QUESTIONS
from interviewer.errors import BadInputError, InterviewerError
from interviewer.ui import learning, review
from interviewer.ui.handlers import (
    AS_READ,
    CASE_KINDS,
    CHOSEN_FOR_ME,
    HISTORY_HEADERS,
    KINDS,
    Feedback,
    InterviewHandlers,
    SessionView,
)
from interviewer.ui.notes import ingest_notes, topic_rows
from interviewer.ui.reading_panel import case_reading_panel
from interviewer.ui.readings import ReadingHandlers

__all__ = ["CSS", "build_ui"]

NOTE_TYPES = [".md", ".markdown", ".txt", ".pdf", ".ipynb", ".apkg"]
_KEEP = gr.skip()  # "leave this component as it is"
MODEL_QUEUE = "interview"  # events that may run the model share one queue, so the page shows a position
REVIEW_QUEUE = "review"  # confirmations are saved one at a time, in the order they were clicked
PRACTICE_LABEL = "Practice: confirm each answer's points right after it"
CSS = """
#chat .message { font-size: 1rem; line-height: 1.5; }
#level { min-height: 2.2rem; }
#status { color: var(--body-text-color-subdued); min-height: 1.5rem; }
.review-answer { margin: 1rem 0; padding: .25rem .5rem; }
.review-scores { font-size: 1.05rem; }
.review-point { border-top: 1px solid var(--border-color-primary); align-items: center; }
/* Answers sit in code blocks in the transcript: wrap them, or a long answer is cut at the panel's edge. */
#feedback pre, #feedback pre code, #history-report pre, #history-report pre code {
  white-space: pre-wrap !important; overflow-wrap: anywhere; word-break: break-word;
}
"""


def _guard(function: Callable[..., Any]) -> Callable[..., Any]:
    """Our one-line errors as a notice in the page; the page stays as it was (no red 'Error' on every panel)."""

    def call(*args: Any) -> Any:
        try:
            return function(*args)
        except InterviewerError as exc:
            gr.Warning(str(exc))
            return gr.skip()

    call.__name__ = function.__name__
    return call


def _stream_guard(function: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    def call(*args: Any) -> Iterator[Any]:
        try:
            yield from function(*args)
        except InterviewerError as exc:
            gr.Warning(str(exc))
            yield gr.skip()

    call.__name__ = function.__name__
    return call


def build_ui(app: App, secret: str, stream_delay: float = 0.02) -> gr.Blocks:
    """The whole web app over one App; `secret` encrypts the session id each browser keeps."""
    handlers = InterviewHandlers(app, stream_delay=stream_delay)
    readings = ReadingHandlers(handlers)

    def show(view: SessionView, answer: Any = _KEEP, can_submit: bool | None = None) -> tuple[Any, ...]:
        ready = view.ready if can_submit is None else can_submit
        state = {"id": view.session_id, "turn": view.turn}
        return (
            state,
            {"id": view.session_id},
            view.chat,
            view.level,
            view.status,
            answer,
            gr.Button(interactive=ready),
            gr.Checkbox(value=view.challenge),
        )

    def review_list(target: gr.State, extras: Sequence[tuple[Any, Callable[[review.Confirmed], Any]]]) -> None:
        """The review of the answers `target` names ({"id", "turn", "shown"}; turn None: every answer), drawn
        again whenever it changes: per key point its reading and one radio (one click confirms and saves it).
        `extras`: more components each click updates, with what to show in them."""

        def confirmer(session_id: str, turn: int, point_id: str) -> Callable[[str], tuple[Any, ...]]:
            def confirm_point(verdict: str) -> tuple[Any, ...]:
                done = review.confirm_point(app, session_id, turn, point_id, verdict)
                shown = (done.answer.point(point_id).markdown, done.answer.scores)
                return (*shown, *(show_extra(done) for _, show_extra in extras))

            return confirm_point

        @gr.render(inputs=[target])
        def show_review(chosen: dict[str, Any] | None) -> None:
            chosen = chosen or {}
            if not chosen.get("id"):
                return
            try:
                practising = chosen.get("turn") is not None
                answers = review.review_answers(app, chosen["id"], chosen.get("turn"), show_answer=not practising)
            except InterviewerError as exc:
                gr.Markdown(str(exc))
                return
            practice_help = review.PRACTICE_LAST_HELP if chosen.get("last") else review.PRACTICE_HELP
            gr.Markdown(practice_help if practising else review.REVIEW_HELP)
            for item in answers:
                with gr.Group(elem_classes=["review-answer"]):
                    gr.Markdown(item.intro, padding=True)
                    scores = gr.Markdown(item.scores, elem_classes=["review-scores"], padding=True)
                    for point in item.points:
                        with gr.Row(elem_classes=["review-point"]):
                            text = gr.Markdown(point.markdown, scale=3, padding=True)
                            # (one component per point: without its own key, the next answer's first point showed
                            # the verdict given to the answer before, and clicking it saved nothing; a trial user)
                            pick = gr.Radio(
                                review.VERDICT_CHOICES, value=point.mine, label="Your verdict", show_label=False,
                                scale=2, elem_classes=["review-verdict"],
                                key=f"verdict-{item.session_id}-{item.turn}-{point.id}",
                            )  # fmt: skip
                        pick.input(
                            _guard(confirmer(item.session_id, item.turn, point.id)), [pick],
                            [text, scores, *(component for component, _ in extras)],
                            concurrency_id=REVIEW_QUEUE, concurrency_limit=1, show_progress="minimal",
                        )  # fmt: skip

    def transcript_text(done: review.Confirmed) -> str:
        return done.files.markdown.read_text(encoding="utf-8")

    def transcript_files(done: review.Confirmed) -> list[str]:
        return [str(done.files.markdown), str(done.files.html)]

    with gr.Blocks(title="interviewer", fill_width=False) as demo:
        current = gr.State({"id": None, "turn": None})  # this browser tab's session
        review_target = gr.State({})  # the session reviewed after "End session · feedback"
        practice_target = gr.State({})  # the answer just scored, when practice is on
        history_target = gr.State({})  # the past session reviewed from History
        remembered = gr.BrowserState({"id": None}, storage_key="interviewer-session", secret=secret)
        # The answer being typed, kept in this browser per session and question: a reload (or a server restart)
        # must not lose what the candidate wrote before pressing Submit.
        draft = gr.BrowserState({"id": None, "turn": None, "text": ""}, storage_key="interviewer-draft", secret=secret)
        gr.Markdown("## interviewer · mock interviews from your own notes\nEverything runs on this machine.")
        with gr.Tabs() as tabs:
            with gr.Tab("Interview", id="interview"):
                with gr.Accordion("Readiness check-in (optional, before you start)", open=False, elem_id="checkin"):
                    gr.Markdown(
                        "Walk through the steps of the interview day. Rate your anxiety for each from 1 (calm) to "
                        "10 (panic), take the calming pause, then rate each step again. Edit the steps freely."
                    )
                    # Three fixed columns: Gradio 6's `column_limits` only warns "not yet implemented" on every
                    # start; its table still reads a (count, "fixed") column count and offers no column to add.
                    checkin_table = gr.Dataframe(
                        headers=["step of the interview day", "before (1-10)", "after (1-10)"],
                        datatype=["str", "number", "number"], column_count=(3, "fixed"),  # type: ignore[arg-type]
                        interactive=True, type="array", elem_id="checkin-table",
                    )  # fmt: skip
                    with gr.Row():
                        pause = gr.Button("Calming pause", elem_id="pause")
                        save_check = gr.Button("Save check-in", elem_id="save-checkin")
                    checkin_note = gr.Markdown(elem_id="checkin-note")
                with gr.Row():
                    with gr.Column(scale=1, min_width=260):
                        kind = gr.Radio(list(KINDS), value="Deep dive", label="Interview kind", elem_id="kind")
                        # Typed text stays in the box (not silently replaced by the last pick): Start matches it
                        # to a topic, or says that nothing matched.
                        topic = gr.Dropdown(
                            [CHOSEN_FOR_ME], value=CHOSEN_FOR_ME, label="Topic", elem_id="topic",
                            allow_custom_value=True,
                        )  # fmt: skip
                        questions = gr.Slider(
                            MIN_QUESTIONS,
                            MAX_QUESTIONS,
                            value=DEFAULT_QUESTIONS,
                            step=1,
                            label="Questions",
                            elem_id="questions",
                        )
                        case_kind = gr.Dropdown(
                            list(CASE_KINDS), value=AS_READ, label="Case kind", elem_id="case-kind",
                            info="What this session's cases ask. A case says what it read when it opens; correct it "
                            "under the chat.",
                        )  # fmt: skip
                        challenge = gr.Checkbox(label="Challenge me", elem_id="challenge")
                        practice = gr.Checkbox(label=PRACTICE_LABEL, elem_id="practice")
                        level = gr.Markdown(elem_id="level")
                        start = gr.Button("Start interview", variant="primary", elem_id="start")
                        end = gr.Button("End session · feedback", elem_id="end")
                    with gr.Column(scale=3):
                        chat = gr.Chatbot(
                            label="Interview", height=540, elem_id="chat", feedback_options=None,
                            group_consecutive_messages=False,
                        )  # fmt: skip
                        status = gr.Markdown(elem_id="status")
                        case_reading_panel(readings, current, status)
                        with gr.Column(elem_id="practice-review"):
                            review_list(practice_target, [(chat, lambda done: handlers.chat(done.answer.session_id))])
                        answer = gr.Textbox(
                            lines=6, max_lines=24, label="Your answer", elem_id="answer",
                            placeholder="Answer as you would out loud: structure first, then detail.",
                        )  # fmt: skip
                        submit = gr.Button("Submit answer", variant="primary", elem_id="submit", interactive=False)
                with gr.Column(visible=False, elem_id="feedback-box") as feedback_box:
                    feedback_files = gr.File(label="Download the transcript", file_count="multiple", elem_id="files")
                    feedback = gr.Markdown(render=False, elem_id="feedback")
                    with gr.Accordion("Review your answers: confirm each key point", open=True, elem_id="review"):
                        review_list(review_target, [(feedback, transcript_text), (feedback_files, transcript_files)])
                    feedback_chart = gr.HTML(elem_id="feedback-chart")
                    feedback.render()
            with gr.Tab("Your notes", id="notes"):
                uploads = gr.File(
                    file_count="multiple",
                    file_types=NOTE_TYPES,
                    type="filepath",
                    label="Upload notes",
                    elem_id="uploads",
                )
                folder = gr.Textbox(label="…or the path of a notes folder on this machine", elem_id="folder")
                add_notes = gr.Button("Add to my notes", variant="primary", elem_id="add-notes")
                notes_result = gr.Markdown(elem_id="notes-result")
                topics_table = gr.Dataframe(headers=["topic", "chunks"], interactive=False, elem_id="topics")
            with gr.Tab("History", id="history") as history_tab:
                # Long topics wrap: the mean and state columns stay on screen at 1280 px (a trial user had to scroll).
                history = gr.Dataframe(
                    headers=HISTORY_HEADERS, interactive=False, elem_id="history", wrap=True,
                    column_widths=["15%", "11%", "8%", "22%", "8%", "7%", "10%", "11%", "8%"],
                )  # fmt: skip
                with gr.Row():
                    picked = gr.Dropdown([], label="Session", elem_id="picked", scale=3)
                    open_report = gr.Button("Open transcript", elem_id="open-report", scale=1)
                    review_past = gr.Button("Review answers", elem_id="review-history", scale=1)
                    resume = gr.Button("Resume", elem_id="resume", scale=1)
                history_files = gr.File(label="Download", file_count="multiple", elem_id="history-files")
                history_report = gr.Markdown(render=False, elem_id="history-report")
                with gr.Column(elem_id="history-review"):
                    review_list(
                        history_target,
                        [(history_report, transcript_text), (history_files, transcript_files),
                         (history, lambda _: handlers.history())],
                    )  # fmt: skip
                history_report.render()

            with gr.Tab("Progress", id="progress") as progress_tab:
                refresh_progress = gr.Button("Refresh charts", elem_id="refresh-progress")
                progress_charts = gr.HTML(elem_id="progress-charts")
                with gr.Row():
                    anki_choice = gr.Dropdown(
                        [learning.ALL_SESSIONS], value=learning.ALL_SESSIONS, label="Missed points from"
                    )
                    anki = gr.Button("Export to Anki (.apkg)", elem_id="export-anki")
                    export = gr.Button("Export all my data (JSON)", elem_id="export-data")
                data_files = gr.File(label="Download", file_count="multiple", elem_id="data-files")
                data_note = gr.Markdown(elem_id="data-note")
                with gr.Accordion("Delete my data", open=False):
                    confirm = gr.Textbox(
                        label='Type "delete" to remove your sessions, scores, transcripts and check-ins'
                    )
                    delete = gr.Button("Delete", variant="stop", elem_id="delete-data")

        session_outputs = [current, remembered, chat, level, status, answer, submit, challenge]

        # ----- interview ---------------------------------------------------------------------------
        def run_start(
            kind_: str, topic_: str, count: float, challenge_: bool, case_kind_: str
        ) -> Iterator[tuple[Any, ...]]:
            chosen = handlers.match_topic(topic_)  # typed text is matched to a topic, or nothing starts
            view = handlers.start(kind_, chosen, int(count), challenge_, case_kind=case_kind_)
            yield (*show(view, answer=""), gr.Column(visible=False), gr.Dropdown(value=chosen), {}, {})
            for step in handlers.next_question(view.session_id):
                yield (*show(step), gr.skip(), gr.skip(), gr.skip(), gr.skip())

        def run_answer(state: dict[str, Any], text: str, practising: bool) -> Iterator[tuple[Any, ...]]:
            if not text.strip():
                raise BadInputError("Type an answer first (or write 'skip' to move on).")
            waiting = (*[gr.skip()] * 4, "Scoring your answer…", gr.skip(), gr.Button(interactive=False))
            yield (*waiting, gr.skip(), gr.skip())
            try:
                view = handlers.answer(state.get("id"), state.get("turn"), text)
            except InterviewerError as exc:  # the answer box keeps the text; the button comes back
                gr.Warning(str(exc))
                yield (*[gr.skip()] * 4, str(exc), gr.skip(), gr.Button(interactive=True), gr.skip(), gr.skip())
                return
            # Practice: the points of the answer just scored, to confirm under the chat; off, nothing interrupts.
            answered = {
                "id": view.session_id, "turn": state.get("turn"), "shown": time.time_ns(), "last": view.finished,
            }  # fmt: skip
            yield (*show(view, answer=""), answered if practising and state.get("turn") else {})
            for step in handlers.next_question(view.session_id):
                yield (*show(step), gr.skip())

        def run_end(state: dict[str, Any]) -> tuple[Any, ...]:
            result: Feedback = handlers.end(state.get("id"))
            if result.files is None:  # ended before any answer: the session is gone, so is its question
                cleared: tuple[Any, ...] = ({"id": None, "turn": None}, {"id": None}, [], "", result.status, "")
                return (*cleared, gr.Button(interactive=False), gr.Column(visible=False), None, "", "", {}, {})
            files = [str(result.files.markdown), str(result.files.html)]
            kept = (*[gr.skip()] * 4, result.status, gr.skip(), gr.skip())
            reviewed = {"id": state.get("id"), "turn": None, "shown": time.time_ns()}
            return (*kept, gr.Column(visible=True), files, result.chart, result.markdown, reviewed, {})

        def run_challenge(state: dict[str, Any], on: bool) -> tuple[Any, ...]:
            view = handlers.set_challenge(state.get("id"), on)
            return (gr.skip(), gr.skip()) if view is None else (view.level, view.status)

        start.click(
            _stream_guard(run_start), [kind, topic, questions, challenge, case_kind],
            [*session_outputs, feedback_box, topic, review_target, practice_target],
            concurrency_id=MODEL_QUEUE, concurrency_limit=2,
        )  # fmt: skip
        submit.click(
            _stream_guard(run_answer), [current, answer, practice], [*session_outputs, practice_target],
            concurrency_id=MODEL_QUEUE, concurrency_limit=2, trigger_mode="once",
        )  # fmt: skip
        end.click(
            _guard(run_end), [current],
            [*session_outputs[:-1], feedback_box, feedback_files, feedback_chart, feedback, review_target,
             practice_target],
        )  # fmt: skip
        challenge.input(_guard(run_challenge), [current, challenge], [level, status], queue=False)

        def keep_draft(state: dict[str, Any], text: str) -> dict[str, Any]:
            return {"id": state.get("id"), "turn": state.get("turn"), "text": text}

        answer.input(
            keep_draft, [current, answer], [draft], queue=False, trigger_mode="always_last", show_progress="hidden"
        )

        # ----- notes ---------------------------------------------------------------------------------
        def run_ingest(
            files: list[str] | None,
            path: str,
            state: dict[str, Any],
            progress: gr.Progress = gr.Progress(),  # noqa: B008 (Gradio's idiom)
        ) -> tuple[Any, ...]:
            def report(done: int, total: int, name: str) -> None:
                progress((done, total), desc=f"Reading {name.rsplit('/', 1)[-1]}", unit="files")

            result = ingest_notes(app, files, path, progress=report)
            text = result.summary + "".join(f"\n- skipped {line}" for line in result.skipped)
            # With no interview on screen, the status line no longer says there are no notes (it says how to begin)
            begin = gr.skip() if (state or {}).get("id") else handlers.welcome() or "Notes added: press Start."
            return text, result.topics, gr.Dropdown(choices=handlers.topic_choices()), None, begin

        add_notes.click(
            _guard(run_ingest), [uploads, folder, current], [notes_result, topics_table, topic, uploads, status]
        )

        # ----- history -------------------------------------------------------------------------------
        def run_history(chosen: str | None = None) -> tuple[Any, ...]:
            """The sessions as saved now; the session chosen stays chosen (the newest when none is, or it is gone)."""
            rows = handlers.history()
            ids = [row[0] for row in rows]
            return rows, gr.Dropdown(choices=ids, value=chosen if chosen in ids else (ids[0] if ids else None))

        def run_open(session_id: str) -> tuple[Any, ...]:
            result = handlers.open_report(session_id)
            files = [str(result.files.markdown), str(result.files.html)] if result.files else None
            return files, result.markdown

        def run_resume(session_id: str) -> Iterator[tuple[Any, ...]]:
            view = handlers.resume(session_id)
            if view is None:
                raise BadInputError("Choose a saved session first.")
            yield (*show(view, can_submit=False), gr.Tabs(selected="interview"))
            for step in handlers.next_question(view.session_id):
                yield (*show(step), gr.skip())

        def run_review_past(session_id: str | None) -> dict[str, Any]:
            if not session_id:
                raise BadInputError("Choose a saved session first.")
            return {"id": session_id, "turn": None, "shown": time.time_ns()}

        open_report.click(_guard(run_open), [picked], [history_files, history_report])
        review_past.click(_guard(run_review_past), [picked], [history_target])
        resume.click(
            _stream_guard(run_resume),
            [picked],
            [*session_outputs, tabs],
            concurrency_id=MODEL_QUEUE,
            concurrency_limit=2,
        )

        # ----- progress and the learning loop ----------------------------------------------------------
        def run_progress(chosen: str | None = None) -> tuple[Any, ...]:
            """The charts as the saved sessions are now; the sessions to export from stay as chosen."""
            choices = [learning.ALL_SESSIONS, *(row[0] for row in handlers.history())]
            menu = gr.Dropdown(choices=choices, value=chosen if chosen in choices else learning.ALL_SESSIONS)
            return learning.progress_fragment(app), menu

        def run_anki(choice: str) -> tuple[Any, ...]:
            path, note = learning.export_anki(app, choice)
            return [str(path)], note

        def run_export() -> tuple[Any, ...]:
            path = learning.export_data(app)
            return [str(path)], f"Exported to {path.name}."

        def run_delete(text: str) -> tuple[Any, ...]:
            note = learning.delete_data(app, text)
            handlers.forget_all()
            return note, "", learning.progress_fragment(app)

        refresh_progress.click(_guard(run_progress), [anki_choice], [progress_charts, anki_choice])
        # Opening a tab shows the data as it is now: sessions finished since the page loaded, in this browser
        # or in the terminal, are in History and Progress without a reload.
        progress_tab.select(_guard(run_progress), [anki_choice], [progress_charts, anki_choice])
        history_tab.select(_guard(run_history), [picked], [history, picked])
        anki.click(_guard(run_anki), [anki_choice], [data_files, data_note])
        export.click(_guard(run_export), [], [data_files, data_note])
        delete.click(_guard(run_delete), [confirm], [data_note, confirm, progress_charts])
        pause.click(lambda: learning.CALMING_PAUSE, [], [checkin_note], queue=False)
        save_check.click(
            _guard(lambda rows: learning.save_checkin(app, rows)), [checkin_table], [checkin_note],
        )  # fmt: skip

        # ----- page load: restore this browser's session -----------------------------------------------------
        def run_load(saved: dict[str, Any] | None, typed: dict[str, Any] | None) -> tuple[Any, ...]:
            view = handlers.restore((saved or {}).get("id"))
            rows, pick = run_history()
            menu = gr.Dropdown(choices=handlers.topic_choices(), value=CHOSEN_FOR_ME)
            typed = typed or {}
            unsent = (
                typed.get("text")
                if view and typed.get("id") == view.session_id and typed.get("turn") == view.turn
                else None
            )
            session = show(view, answer=unsent or _KEEP) if view else (gr.skip(),) * len(session_outputs)
            if view is None and (hint := handlers.welcome()):
                session = (*session[:4], hint, *session[5:])  # the status line says how to begin
            charts, anki_menu = run_progress()
            return (*session, rows, pick, menu, topic_rows(app), charts, anki_menu, learning.checkin_rows(app))

        demo.load(
            _guard(run_load), [remembered, draft],
            [*session_outputs, history, picked, topic, topics_table, progress_charts, anki_choice, checkin_table],
        )  # fmt: skip
        for refresh in (end.click, open_report.click):  # the session chosen stays chosen (it snapped to the newest)
            refresh(run_history, [picked], [history, picked])
    return demo
