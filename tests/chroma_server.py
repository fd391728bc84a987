"""A real Chroma server (`chroma run`) for the tests: started once per test session on a free loopback port,
and an app fixture that runs a test module on the embedded store and on that server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from interviewer.app import App
from interviewer.settings import Settings
from interviewer.storage.embeddings import FakeEmbedder
from interviewer.storage.store import open_chroma_client

if TYPE_CHECKING:  # tests.conftest imports this module's fixtures: no import back at run time
    from interviewer.llm.fake import RecordingChatModel

__all__ = [
    "ChromaServer",
    "app_on_each_store",
    "chroma_server",
    "free_port",
    "on_loopback_server",
    "wait_until_serving",
]

STARTUP_SECONDS = 60
# The variant of a test that talks to a local server: it may connect to 127.0.0.1 and nowhere else.
on_loopback_server = [pytest.mark.integration, pytest.mark.allow_hosts(["127.0.0.1"])]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_serving(process: subprocess.Popen[bytes], url: str, seconds: float) -> bool:
    """Poll a local server's URL until it answers 200 (True), its process exits or time runs out (False)."""
    deadline = time.monotonic() + seconds
    with httpx.Client(trust_env=False, timeout=2) as client:
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if client.get(url).status_code == 200:
                    return True
            except httpx.TransportError:
                pass
            time.sleep(0.1)
    return False


@dataclass
class ChromaServer:
    """A `chroma run` process on a temp folder and a loopback port."""

    path: Path
    port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The URL to give INTERVIEWER_CHROMA_URL or --chroma-url."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start the server and wait for its heartbeat; fail with the end of its log if it does not come up."""
        command = [str(Path(sys.executable).with_name("chroma")), "run", "--path", str(self.path)]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        if wait_until_serving(self.process, f"{self.url}/api/v2/heartbeat", STARTUP_SECONDS):
            return
        self.stop()
        tail = self.log.read_text(encoding="utf-8", errors="replace")[-2000:]
        pytest.fail(f"`chroma run` did not come up on {self.url} within {STARTUP_SECONDS} s:\n{tail}")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL if it lingers)."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    """One `chroma run` for the whole test session (tests keep apart by using their own collections)."""
    folder = tmp_path_factory.mktemp("chroma-server")
    server = ChromaServer(path=folder / "data", port=free_port(), log=folder / "chroma.log")
    server.start()
    yield server
    _close_client_connections(server.port)
    server.stop()


def _close_client_connections(port: int) -> None:
    """Close the pooled connections of chromadb's shared HTTP client for this port (chromadb never does,
    so they would be reported as unclosed sockets when the interpreter exits)."""
    from chromadb.api import ServerAPI
    from chromadb.api.shared_system_client import SharedSystemClient

    for system in list(SharedSystemClient._identifier_to_system.values()):
        if system.settings.chroma_server_http_port == port:
            session = getattr(system.instance(ServerAPI), "_session", None)  # type: ignore[type-abstract]
            if session is not None:
                session.close()


@pytest.fixture(params=["embedded", pytest.param("chroma-server", marks=on_loopback_server)])
def app_on_each_store(
    request: pytest.FixtureRequest, fake_settings: Settings, fake_model: RecordingChatModel
) -> Iterator[App]:
    """The fake app on the embedded store, then on the Chroma server (in a collection of its own)."""
    if request.param == "embedded":
        yield App(fake_settings, chat_model=fake_model, embedder=FakeEmbedder())
        return
    server: ChromaServer = request.getfixturevalue("chroma_server")
    collection = f"test-{uuid.uuid4().hex[:12]}"
    settings = replace(fake_settings, chroma_url=server.url, collection=collection)
    yield App(settings, chat_model=fake_model, embedder=FakeEmbedder())
    open_chroma_client(settings.store_dir, server.url).delete_collection(collection)
