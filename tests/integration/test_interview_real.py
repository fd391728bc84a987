"""A whole headless session over corpus/ with the real embedded model, killed with SIGKILL mid-session
and resumed in a new process without losing an answered turn."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPUS


def _cli(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INTERVIEWER_HOME": str(home), "INTERVIEWER_THREADS": "2"}
    return subprocess.run(
        [sys.executable, "-m", "interviewer", *args], input=stdin, capture_output=True, text=True, env=env, timeout=600
    )


def test_headless_session_killed_and_resumed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    ingested = _cli(home, "ingest", str(CORPUS / "ml"), str(CORPUS / "cases"), "--json")
    assert ingested.returncode == 0, ingested.stderr
    env = {**os.environ, "INTERVIEWER_HOME": str(home), "INTERVIEWER_THREADS": "2"}
    command = [sys.executable, "-m", "interviewer", "mock", "--protocol", "jsonl", "--kind", "mixed"]
    with subprocess.Popen(
        [*command, "--questions", "4", "--seed", "9"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    ) as process:  # fmt: skip
        assert process.stdin is not None and process.stdout is not None
        first = json.loads(process.stdout.readline())
        assert first["type"] == "question" and first["sources"]
        answer = " ".join(source["text"] for source in first["sources"])
        process.stdin.write(json.dumps({"answer": answer}) + "\n")
        process.stdin.flush()
        score = json.loads(process.stdout.readline())
        second = json.loads(process.stdout.readline())
        assert score["type"] == "score" and score["total"] >= 0.5 and second["type"] == "question"
        process.kill()  # SIGKILL: no clean-up runs
        process.wait(timeout=30)

    listed = json.loads(_cli(home, "sessions", "--json").stdout)["sessions"]
    assert len(listed) == 1 and listed[0]["answered"] == 1 and listed[0]["finished"] is False
    session_id = listed[0]["id"]

    stdin = "".join(json.dumps({"answer": text}) + "\n" for text in ("I'm not sure", "fine", "no idea"))
    resumed = _cli(home, "mock", "--protocol", "jsonl", "--resume", session_id, stdin=stdin)
    assert resumed.returncode == 0, resumed.stderr
    events = [json.loads(line) for line in resumed.stdout.splitlines()]
    assert events[0]["type"] == "question" and events[0]["turn"] == 2 and events[0]["text"] == second["text"]
    summary = events[-1]
    assert summary["type"] == "summary" and summary["answered"] == 4 and summary["finished"] is True
    assert all(e["total"] <= 0.1 for e in events if e["type"] == "score")
    transcript = Path(summary["transcript"]).read_text(encoding="utf-8")
    assert first["text"] in transcript and second["text"] in transcript
