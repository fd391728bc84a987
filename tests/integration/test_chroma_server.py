"""The CLI on a real Chroma server (`chroma run`): ingest, topics and search round trip through it, nothing is
written to the embedded store, and a server that goes down is one line naming its URL until it is back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chroma_server import ChromaServer, free_port, on_loopback_server

pytestmark = on_loopback_server


def _cli(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "INTERVIEWER_HOME": str(home), "INTERVIEWER_THREADS": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "interviewer", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[ChromaServer]:
    """A Chroma server this test may stop and restart."""
    server = ChromaServer(path=tmp_path / "chroma", port=free_port(), log=tmp_path / "chroma.log")
    server.start()
    yield server
    server.stop()


def test_ingest_topics_search_round_trip_on_the_server(
    chroma_server: ChromaServer, notes_dir: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    ingested = _cli(home, "--chroma-url", chroma_server.url, "ingest", str(notes_dir), "--json")
    assert ingested.returncode == 0, ingested.stderr
    assert json.loads(ingested.stdout) == {"files": 3, "chunks": 4, "added": 4, "skipped": []}

    # The same server through the environment variable, from a new process: the notes are there.
    topics = _cli(home, "topics", "--json", INTERVIEWER_CHROMA_URL=chroma_server.url)
    assert topics.returncode == 0, topics.stderr
    assert {t["topic"]: t["chunks"] for t in json.loads(topics.stdout)["topics"]} == {
        "Regularization": 2,
        "P-values": 1,
        "SQL joins": 1,
    }
    found = _cli(home, "search", "which join keeps every row of the left table", "--k", "1", "--json",
                 INTERVIEWER_CHROMA_URL=chroma_server.url)  # fmt: skip
    assert found.returncode == 0, found.stderr
    assert [r["source"] for r in json.loads(found.stdout)["results"]] == [str(notes_dir / "sql.md")]

    again = _cli(home, "--chroma-url", chroma_server.url, "ingest", str(notes_dir), "--json")
    assert json.loads(again.stdout)["added"] == 0
    assert not (home / "store").exists()  # the embedded store was never opened


def test_a_server_that_goes_down_is_one_line_until_it_is_back(own_server: ChromaServer, notes_dir: Path) -> None:
    home = notes_dir.parent / "home"
    assert _cli(home, "--chroma-url", own_server.url, "ingest", str(notes_dir)).returncode == 0
    own_server.stop()

    down = _cli(home, "--chroma-url", own_server.url, "search", "LEFT JOIN", "--json")
    assert down.returncode == 2 and down.stdout == ""
    assert down.stderr.splitlines() == [down.stderr.strip()]
    assert down.stderr.startswith(f"interviewer: error: cannot reach the Chroma server at {own_server.url}: ")

    own_server.start()  # same folder, same port: the notes survived the restart
    back = _cli(home, "--chroma-url", own_server.url, "topics", "--json")
    assert back.returncode == 0, back.stderr
    assert len(json.loads(back.stdout)["topics"]) == 3
