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
        ({"INTERVIEWER_LLM": "gpt"}, "INTERVIEWER_LLM='gpt' is not one of llama, openai, fake"),
        ({"INTERVIEWER_AUTH": "alice"}, "INTERVIEWER_AUTH must be username:password"),
        (
            {"INTERVIEWER_LLM": "openai"},
            "INTERVIEWER_LLM=openai needs INTERVIEWER_LLM_URL, e.g. http://127.0.0.1:8080/v1",
        ),
        ({"INTERVIEWER_LLM_URL": "127.0.0.1:8080/v1"}, "INTERVIEWER_LLM_URL='127.0.0.1:8080/v1' is not a URL like"),
        (
            {"INTERVIEWER_LLM_URL": "http://127.0.0.1:80a/v1"},
            "INTERVIEWER_LLM_URL='http://127.0.0.1:80a/v1' has a bad port",
        ),
        ({"INTERVIEWER_LLM_TIMEOUT": "0"}, "INTERVIEWER_LLM_TIMEOUT=0 is out of range"),
        ({"INTERVIEWER_CHROMA_URL": "localhost:8000"}, "INTERVIEWER_CHROMA_URL='localhost:8000' is not a URL like"),
    ],
)
def test_bad_values_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env({"INTERVIEWER_HOME": "/h", **env})


def test_a_model_server_is_chosen_by_its_url_and_its_key_is_never_shown() -> None:
    env = {
        "INTERVIEWER_HOME": "/h",
        "INTERVIEWER_LLM_URL": "http://127.0.0.1:8080/v1",
        "INTERVIEWER_LLM_API_KEY": "sk-1",
    }
    settings = Settings.from_env({**env, "INTERVIEWER_LLM_MODEL": "qwen", "INTERVIEWER_LLM_TIMEOUT": "30"})
    assert (settings.llm_backend, settings.llm_url, settings.llm_model) == (
        "openai",
        env["INTERVIEWER_LLM_URL"],
        "qwen",
    )
    assert (settings.llm_api_key, settings.llm_timeout) == ("sk-1", 30)
    assert "sk-1" not in repr(settings)
    assert Settings.from_env({**env, "INTERVIEWER_LLM": "llama"}).llm_backend == "llama"
    defaults = Settings.from_env({"INTERVIEWER_HOME": "/h"})
    assert (defaults.llm_backend, defaults.llm_url, defaults.llm_model, defaults.llm_timeout) == (
        "llama",
        None,
        None,
        120,
    )


def test_a_bad_chroma_url_flag_names_the_flag() -> None:
    with pytest.raises(SettingsError) as error:
        Settings.from_env({"INTERVIEWER_HOME": "/h"}, chroma_url="ftp://x")
    assert str(error.value) == "--chroma-url='ftp://x' is not a URL like http://127.0.0.1:8000"
