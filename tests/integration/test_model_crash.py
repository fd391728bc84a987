"""The real model process crashing for real: SIGSEGV in the middle of a generation, directly and inside a headless
`interviewer mock` session. The app lives on, the question falls back to its template, every answer is kept."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from langchain_core.messages import HumanMessage

from interviewer.llm.cpu import choose_extra_buffers, read_cpu_flags
from interviewer.llm.errors import ModelCrashedError
from interviewer.llm.locate import embedded_model_path
from interviewer.llm.supervised import SupervisedChatModel
from tests.conftest import CORPUS
from tests.model_process import ModelKiller, loaded_model_process

PROMPT = [HumanMessage(content="Write a long story about a data scientist who tunes a gradient boosting model.")]
NOTICE = "interviewer: the model stopped (SIGSEGV); questions continue from templates while it restarts"


def test_a_segfault_mid_generation_is_one_line_and_the_next_call_restarts_the_model() -> None:
    model = SupervisedChatModel(model_path=embedded_model_path(), n_threads=2)
    try:
        expected = str(model.invoke(PROMPT, max_tokens=24).content)
        first_pid = model.pid
        assert first_pid is not None and expected
        stream = model.stream(PROMPT, max_tokens=200)
        with pytest.raises(ModelCrashedError, match=r"^the model stopped \(SIGSEGV\); questions continue"):
            for index, _ in enumerate(stream):
                if index == 2:  # tokens are flowing: the child is decoding right now
                    os.kill(first_pid, signal.SIGSEGV)
        assert model.pid is None
        assert model.take_notices() == [
            "the model stopped (SIGSEGV); questions continue from templates while it restarts"
        ]
        assert str(model.invoke(PROMPT, max_tokens=24).content) == expected  # restarted, same greedy reply
        assert model.pid not in (None, first_pid)
    finally:
        model.close()


def test_the_buffer_choice_for_this_cpu_and_buffers_off_write_the_same_text() -> None:
    replies = []
    for extra_buffers in (choose_extra_buffers(read_cpu_flags()).enabled, False):
        model = SupervisedChatModel(model_path=embedded_model_path(), n_threads=2, extra_buffers=extra_buffers)
        try:
            replies.append(str(model.invoke(PROMPT, max_tokens=24).content))
            assert "CPU :" in model.system_info
        finally:
            model.close()
    assert replies[0] and replies[0] == replies[1]


def test_a_headless_session_survives_a_model_crash_and_keeps_every_answer(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "INTERVIEWER_HOME": str(home), "INTERVIEWER_THREADS": "2"}
    cli = [sys.executable, "-m", "interviewer"]
    ingested = subprocess.run([*cli, "ingest", str(CORPUS / "ml")], env=env, capture_output=True, text=True)
    assert ingested.returncode == 0, ingested.stderr
    command = [*cli, "mock", "--protocol", "jsonl", "--kind", "deep-dive", "--questions", "5", "--seed", "4"]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    ) as process:
        assert process.stdin is not None and process.stdout is not None and process.stderr is not None
        events: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [events.put(line) for line in process.stdout], daemon=True).start()  # type: ignore[union-attr]
        killer = ModelKiller(process.pid)
        seen: list[dict[str, object]] = []
        try:
            question = json.loads(events.get(timeout=300))
            assert question["type"] == "question" and loaded_model_process(process.pid) is not None
            killer.arm()  # the model has loaded: the next time it works, it is killed mid-generation
            for turn in range(1, 6):
                answer = " ".join(str(source["text"]) for source in question["sources"])  # type: ignore[union-attr]
                process.stdin.write(json.dumps({"answer": f"Answer {turn}: {answer}"}) + "\n")
                process.stdin.flush()
                score = json.loads(events.get(timeout=300))
                assert score["type"] == "score" and score["turn"] == turn
                seen.append(score)
                if turn < 5:
                    question = json.loads(events.get(timeout=300))
                    assert question["type"] == "question" and question["turn"] == turn + 1
            process.stdin.close()
            summary = json.loads(events.get(timeout=300))
        except BaseException:
            process.kill()  # else leaving the block closes stdout under the reader thread and hangs, hiding the failure
            raise
        finally:
            killer.close()
        stderr = process.stderr.read()
        assert process.wait(timeout=60) == 0
    assert killer.killed is not None, "the model never generated after the first question"
    assert stderr.count(NOTICE) == 1, stderr
    assert summary["type"] == "summary" and summary["answered"] == 5 and summary["finished"] is True
    transcript = Path(str(summary["transcript"])).read_text(encoding="utf-8")
    assert all(f"Answer {turn}:" in transcript for turn in range(1, 6))
