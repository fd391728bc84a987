"""No network at run time: a whole session on the embedded defaults inside a network namespace that has
only loopback (Linux `unshare -n`, as root in CI), so any attempt to reach another host fails."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

NO_NETWORK = ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "offline"]


def _can_unshare() -> bool:
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return False
    return subprocess.run([*NO_NETWORK, "true"], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(not _can_unshare(), reason="needs `unshare -n` (root on Linux), as in CI")


def offline(args: list[str], home: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INTERVIEWER_HOME": str(home), "INTERVIEWER_THREADS": "2"}
    return subprocess.run(
        [*NO_NETWORK, sys.executable, "-m", "interviewer", *args], env=env, input=stdin, capture_output=True,
        text=True, timeout=600,
    )  # fmt: skip


def test_the_namespace_really_has_no_network() -> None:
    probe = "import socket; socket.create_connection(('1.1.1.1', 443), timeout=3)"
    done = subprocess.run([*NO_NETWORK, sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode != 0 and "unreachable" in done.stderr.lower()


def test_a_whole_session_runs_with_only_loopback(tmp_path: Path) -> None:
    home = tmp_path / "home"
    ingested = offline(["ingest", str(CORPUS / "ml"), "--json"], home)
    assert ingested.returncode == 0, ingested.stderr
    assert json.loads(ingested.stdout)["files"] >= 5
    assert offline(["doctor"], home).returncode == 0
    answers = "".join(
        json.dumps({"answer": text}) + "\n"
        for text in ("Each tree fits the residual errors of the ensemble so far.", "fine", "Regularise it.")
    )
    session = offline(["mock", "--protocol", "jsonl", "--questions", "3", "--mode", "challenge"], home, answers)
    assert session.returncode == 0, session.stderr
    events = [json.loads(line) for line in session.stdout.splitlines()]
    assert [e["type"] for e in events] == ["question", "score"] * 3 + ["summary"]
    summary = events[-1]
    report = offline(["report", summary["session_id"], "--format", "html"], home)
    assert report.returncode == 0 and "<svg" in report.stdout
    assert Path(summary["transcript"]).exists()
