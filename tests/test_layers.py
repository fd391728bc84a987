"""Imports point down only: the layers contract in pyproject.toml holds for the package, and the same check
fails on a package whose lower layer imports a higher one (so a green run means something)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(folder: Path, env_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(env_path)}
    return subprocess.run([str(LINT_IMPORTS)], cwd=folder, env=env, capture_output=True, text=True, timeout=300)


def test_the_package_keeps_its_layers() -> None:
    result = lint_imports(ROOT, ROOT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    package = tmp_path / "layered"
    for layer in ("high", "low"):
        (package / layer).mkdir(parents=True)
        (package / layer / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "low" / "thing.py").write_text("from layered.high import __name__ as above\n")  # low reaches up
    (tmp_path / ".importlinter").write_text(
        "[importlinter]\nroot_package = layered\n\n[importlinter:contract:layers]\nname = layers\n"
        "type = layers\nlayers =\n    layered.high\n    layered.low\n"
    )
    result = lint_imports(tmp_path, tmp_path)
    assert result.returncode == 1 and "layered.low.thing -> layered.high" in result.stdout
