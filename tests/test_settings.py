"""Settings come from the environment and flags, are checked, and name the variable when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.errors import SettingsError
from interviewer.settings import Settings, default_home


def test_environment_values_are_read() -> None:
    settings = Settings.from_env(
        {
            "INTERVIEWER_HOME": "/data/iv",
            "INTERVIEWER_MODEL": "/models/qwen.gguf",
            "INTERVIEWER_CHROMA_URL": "http://127.0.0.1:8000",
            "INTERVIEWER_THREADS": "3",
        }
    )
    assert settings.home == Path("/data/iv")
    assert settings.model_path == Path("/models/qwen.gguf")
    assert settings.chroma_url == "http://127.0.0.1:8000"
    assert settings.n_threads == 3
    assert settings.store_dir == Path("/data/iv/store")


def test_web_app_credentials_are_split_once() -> None:
    settings = Settings.from_env({"INTERVIEWER_HOME": "/h", "INTERVIEWER_AUTH": "alice:pa:ss"})
    assert settings.auth == ("alice", "pa:ss")
    assert Settings.from_env({"INTERVIEWER_HOME": "/h"}).auth is None


def test_flags_override_environment_and_none_means_unset() -> None:
    settings = Settings.from_env({"INTERVIEWER_HOME": "/h", "INTERVIEWER_THREADS": "3"}, n_threads=1, chroma_url=None)
    assert (settings.n_threads, settings.chroma_url) == (1, None)


def test_default_home_is_per_user() -> None:
    assert Settings.from_env({"XDG_DATA_HOME": "/x"}).home in {
        Path("/x/interviewer"),
        default_home({"XDG_DATA_HOME": "/x"}),
    }


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"INTERVIEWER_THREADS": "0"}, "INTERVIEWER_THREADS=0 is out of range"),
        ({"INTERVIEWER_THREADS": "two"}, "INTERVIEWER_THREADS='two' is not a whole number"),
        ({"INTERVIEWER_LLM": "gpt"}, "INTERVIEWER_LLM='gpt' is not one of llama, fake"),
        ({"INTERVIEWER_AUTH": "alice"}, "INTERVIEWER_AUTH must be username:password"),
    ],
)
def test_bad_values_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env({"INTERVIEWER_HOME": "/h", **env})
