"""The case-reading panel under the chat: what the case on screen was read as, and one menu, one box and one button
to correct it. Refreshed with every question, so that it always shows the case on screen."""

from __future__ import annotations

from typing import Any

import gradio as gr

from interviewer.errors import InterviewerError
from interviewer.ui.handlers import AS_READ
from interviewer.ui.readings import READING_KINDS, ReadingHandlers

__all__ = ["case_reading_panel"]


def case_reading_panel(readings: ReadingHandlers, current: gr.State, status: gr.Markdown) -> None:
    """Build the panel where it is called, and wire it to the tab's session (`current`) and status line."""
    # A case opens by saying what it read its note as; a misreading is corrected here.
    with gr.Accordion("Correct the case's reading", open=False, elem_id="case-reading"):
        reading_line = gr.Markdown(elem_id="reading-line")
        with gr.Row():
            reading_kind = gr.Dropdown(READING_KINDS, value=AS_READ, label="What the case asks", elem_id="reading-kind")
            reading_business = gr.Textbox(label="Who the case is for", max_lines=1, elem_id="reading-business")
        with gr.Row():
            save_reading = gr.Button("Save reading", elem_id="save-reading")
            reset_reading = gr.Button("Put back the app's reading", elem_id="reset-reading")
        reading_topic = gr.State("")  # the case the panel shows, so it never saves onto another

    def show_reading(state: dict[str, Any]) -> tuple[Any, ...]:
        try:
            kind_, business_, line, topic_ = readings.current(state.get("id"))
        except InterviewerError as exc:  # no case on screen: said in the panel, its fields emptied, no warning
            return AS_READ, "", str(exc)[:1].upper() + str(exc)[1:] + ".", ""
        return kind_, business_, line, topic_

    def run_save_reading(state: dict[str, Any], kind_: str, business_: str, shown: str) -> tuple[Any, ...]:
        try:
            said = readings.save(state.get("id"), kind_, business_, shown)
        except InterviewerError as exc:  # a one-line notice; the panel is refreshed for the case on screen
            gr.Warning(str(exc))
            return (str(exc), *show_reading(state))
        return (said, *show_reading(state))

    def run_reset_reading(state: dict[str, Any]) -> tuple[Any, ...]:
        try:
            said = readings.reset(state.get("id"))
        except InterviewerError as exc:
            gr.Warning(str(exc))
            return (str(exc), *show_reading(state))
        return (said, *show_reading(state))

    panel = [reading_kind, reading_business, reading_line, reading_topic]
    # Every new question refreshes the panel: one left from another case had saved its business onto this one.
    # (not again when it is opened: a refresh still on its way overwrote a name typed at once, in the browser test)
    current.change(show_reading, [current], panel, queue=False)
    save_reading.click(
        run_save_reading, [current, reading_kind, reading_business, reading_topic], [status, *panel], queue=False
    )
    reset_reading.click(run_reset_reading, [current], [status, *panel], queue=False)
