"""Settings: built once at start-up from defaults, the environment and command-line flags, then passed."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from interviewer.errors import SettingsError

__all__ = ["EMBEDDERS", "LLM_BACKENDS", "ExtraBuffers", "Settings", "default_home"]

LLM_BACKENDS = ("llama", "openai", "fake")


class ExtraBuffers(StrEnum):
    """INTERVIEWER_EXTRA_BUFFERS: llama.cpp's extra buffer types decided from the CPU, or forced on or off."""

    AUTO = "auto"
    ON = "on"
    OFF = "off"


EMBEDDERS = ("minilm", "fake")


def default_home(env: Mapping[str, str]) -> Path:
    """The per-user data directory used when INTERVIEWER_HOME is not set."""
    if sys.platform == "win32":
        base = Path(env.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "interviewer"


def _default_threads() -> int:
    # llama.cpp slows down 10-40x when its threads compete for cores, so never ask for more than exist.
    return max(1, min(8, os.cpu_count() or 1))


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number; set it to a number from {low} to {high}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name}={value} is out of range; set it to a number from {low} to {high}")
    return value


def _choice(env: Mapping[str, str], name: str, default: str, choices: tuple[str, ...]) -> str:
    value = env.get(name) or default
    if value not in choices:
        raise SettingsError(f"{name}={value!r} is not one of {', '.join(choices)}")
    return value


def _url(name: str, value: str | None, example: str) -> str | None:
    if not value:
        return None
    parsed = urlparse(value)
    try:
        parsed.port  # noqa: B018 -- reading it is the check: a bad port raises ValueError
    except ValueError:
        raise SettingsError(f"{name}={value!r} has a bad port; set it to a URL like {example}") from None
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise SettingsError(f"{name}={value!r} is not a URL like {example}")
    return value


def _auth(env: Mapping[str, str]) -> tuple[str, str] | None:
    raw = env.get("INTERVIEWER_AUTH")
    if not raw:
        return None
    user, sep, password = raw.partition(":")
    if not sep or not user or not password:
        raise SettingsError("INTERVIEWER_AUTH must be username:password (both non-empty)")
    return user, password


@dataclass(frozen=True)
class Settings:
    """Everything the composition root needs to build the app; immutable, passed explicitly."""

    home: Path
    model_path: Path | None = None  # None: the embedded SmolLM2-135M; a packaged model's name also works (models.md)
    chroma_url: str | None = None  # None: the embedded persistent store under home
    n_threads: int = field(default_factory=_default_threads)
    n_ctx: int = 2048
    llm_backend: str = "llama"
    embedder: str = "minilm"
    collection: str = "notes"
    max_file_mb: int = 20
    phrase_questions: bool = True  # let the model phrase questions (validated; the template stands otherwise)
    prefetch: bool = True  # let the model prepare the likely next questions while the candidate answers
    auth: tuple[str, str] | None = None  # username and password for the web app (INTERVIEWER_AUTH=user:password)
    llm_url: str | None = None  # an OpenAI-compatible server's base URL (INTERVIEWER_LLM=openai)
    llm_model: str | None = None  # the model name sent to that server; None: the server's own choice
    llm_api_key: str | None = field(default=None, repr=False)  # only for servers that ask for one
    llm_timeout: int = 120  # seconds the server may stay silent (reading a long prompt, generating)
    extra_buffers: ExtraBuffers = ExtraBuffers.AUTO  # llama.cpp's repacked/AMX buffers: auto (off on AMX CPUs), on, off

    @property
    def store_dir(self) -> Path:
        """Where the embedded Chroma store lives."""
        return self.home / "store"

    @property
    def sessions_db(self) -> Path:
        """The SQLite file holding sessions, turns and scores."""
        return self.home / "sessions.sqlite3"

    @property
    def models_dir(self) -> Path:
        """Where models that come in parts (e.g. qwen2.5-coder-1.5b) are assembled and verified."""
        return self.home / "models"

    @property
    def transcripts_dir(self) -> Path:
        """Where feedback transcripts are written."""
        return self.home / "transcripts"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from an environment mapping (default: os.environ), then apply flag overrides."""
        env = os.environ if env is None else env
        home = Path(env.get("INTERVIEWER_HOME") or default_home(env)).expanduser()
        model = env.get("INTERVIEWER_MODEL")
        llm_url = _url("INTERVIEWER_LLM_URL", env.get("INTERVIEWER_LLM_URL"), "http://127.0.0.1:8080/v1")
        # A server URL alone is enough to choose the server backend; INTERVIEWER_LLM=llama still overrides it.
        backend = _choice(env, "INTERVIEWER_LLM", "openai" if llm_url else "llama", LLM_BACKENDS)
        settings = cls(
            home=home,
            model_path=Path(model).expanduser() if model else None,
            chroma_url=env.get("INTERVIEWER_CHROMA_URL") or None,
            n_threads=_int(env, "INTERVIEWER_THREADS", _default_threads(), 1, 256),
            n_ctx=_int(env, "INTERVIEWER_CTX", 2048, 512, 131072),
            llm_backend=backend,
            embedder=_choice(env, "INTERVIEWER_EMBEDDER", "minilm", EMBEDDERS),
            max_file_mb=_int(env, "INTERVIEWER_MAX_FILE_MB", 20, 1, 4096),
            phrase_questions=_choice(env, "INTERVIEWER_PHRASE", "1", ("0", "1")) == "1",
            prefetch=_choice(env, "INTERVIEWER_PREFETCH", "1", ("0", "1")) == "1",
            auth=_auth(env),
            llm_url=llm_url,
            llm_model=env.get("INTERVIEWER_LLM_MODEL") or None,
            llm_api_key=env.get("INTERVIEWER_LLM_API_KEY") or None,
            llm_timeout=_int(env, "INTERVIEWER_LLM_TIMEOUT", 120, 1, 3600),
            extra_buffers=ExtraBuffers(
                _choice(env, "INTERVIEWER_EXTRA_BUFFERS", "auto", tuple(choice.value for choice in ExtraBuffers))
            ),
        )
        clean = {key: value for key, value in overrides.items() if value is not None}
        settings = replace(settings, **clean) if clean else settings
        if settings.llm_backend == "openai" and not settings.llm_url:
            raise SettingsError("INTERVIEWER_LLM=openai needs INTERVIEWER_LLM_URL, e.g. http://127.0.0.1:8080/v1")
        chroma_source = "--chroma-url" if clean.get("chroma_url") else "INTERVIEWER_CHROMA_URL"
        _url(chroma_source, settings.chroma_url, "http://127.0.0.1:8000")
        return settings
