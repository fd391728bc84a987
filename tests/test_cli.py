"""The CLI's --json documents and exit codes, as ../shared/DESIGN.md section 5 specifies."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from interviewer.cli import main

FAKE = {"INTERVIEWER_LLM": "fake", "INTERVIEWER_EMBEDDER": "fake", "INTERVIEWER_THREADS": "1"}


def run(args: list[str], home: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main(args, env={"INTERVIEWER_HOME": str(home), **FAKE}, out=out)
    return code, out.getvalue()


def test_ingest_json_then_topics_and_search(interviewer_home: Path, notes_dir: Path) -> None:
    code, out = run(["ingest", str(notes_dir), "--json"], interviewer_home)
    assert code == 0
    assert json.loads(out) == {"files": 3, "chunks": 4, "added": 4, "skipped": []}
    code, out = run(["topics", "--json"], interviewer_home)
    assert json.loads(out)["topics"] == [
        {"topic": "Regularization", "chunks": 2},
        {"topic": "P-values", "chunks": 1},
        {"topic": "SQL joins", "chunks": 1},
    ]
    code, out = run(["search", "LEFT JOIN keeps every row", "--k", "2", "--json"], interviewer_home)
    results = json.loads(out)["results"]
    assert code == 0 and len(results) == 2
    assert results[0]["source"] == str(notes_dir / "sql.md")
    assert set(results[0]) == {"source", "heading", "chunk_id", "text", "similarity"}
    assert results[0]["similarity"] >= results[1]["similarity"]


def test_ingest_reports_skips_in_json(interviewer_home: Path, notes_dir: Path) -> None:
    (notes_dir / "empty.md").write_text("", encoding="utf-8")
    code, out = run(["ingest", str(notes_dir), "--json"], interviewer_home)
    document = json.loads(out)
    assert code == 0
    assert document["skipped"] == [{"path": str(notes_dir / "empty.md"), "reason": "empty file"}]


def test_nothing_readable_exits_2_with_one_line(
    interviewer_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    code, _ = run(["ingest", str(tmp_path / "empty.md")], interviewer_home)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err[-1] == "interviewer: error: no notes could be read from the given paths"
    assert err[0].startswith(f"skipped {tmp_path / 'empty.md'}: empty file")


def test_bad_usage_exits_2_with_one_line(interviewer_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(["search", "x", "--k", "zero"], interviewer_home)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "--k" in err[0]


def test_bad_setting_names_the_variable(interviewer_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    code = main(["topics"], env={"INTERVIEWER_HOME": str(interviewer_home), "INTERVIEWER_THREADS": "many"}, out=out)
    assert code == 2
    assert "INTERVIEWER_THREADS='many' is not a whole number" in capsys.readouterr().err


def test_missing_model_file_names_path_and_models_md(interviewer_home: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    env = {"INTERVIEWER_HOME": str(interviewer_home), "INTERVIEWER_EMBEDDER": "fake"}
    code = main(["--model", str(tmp_path / "missing.gguf"), "doctor", "--json"], env=env, out=out)
    document = json.loads(out.getvalue())
    model = next(check for check in document["checks"] if check["name"] == "model")
    assert code == 1 and not model["ok"]
    assert str(tmp_path / "missing.gguf") in model["detail"] and "models.md" in model["detail"]


def test_doctor_passes_on_fakes(interviewer_home: Path) -> None:
    code, out = run(["doctor", "--json"], interviewer_home)
    document = json.loads(out)
    assert code == 0 and document["ok"] is True
    assert [check["name"] for check in document["checks"]] == ["model", "embedder", "store"]


def test_score_json_and_batch(
    interviewer_home: Path, notes_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["ingest", str(notes_dir)], interviewer_home)
    code, out = run(
        ["score", "--question", "What does L1 do?", "--answer", "L1 drives coefficients to zero.", "--json"],
        interviewer_home,
    )
    document = json.loads(out)
    assert code == 0 and 0 <= document["total"] <= 1
    assert {c["name"] for c in document["criteria"]} == {"coverage", "precision", "reasoning", "structure"}
    assert all({"name", "score", "weight", "evidence", "missing"} <= set(c) for c in document["criteria"])
    assert document["sources"][0]["source"].endswith(".md")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"question": "What does L1 do?", "answer": "fine"})
        + "\n"
        + "not json\n"
        + json.dumps({"question": "What is a LEFT JOIN?", "answer": "It keeps every row of the left table."})
        + "\n",
        encoding="utf-8",
    )
    code, out = run(["score", "--batch", str(batch)], interviewer_home)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and len(lines) == 3
    assert lines[0]["total"] <= 0.1 and "error" in lines[1] and lines[2]["total"] > lines[0]["total"]
    assert f"{batch}:2:" in capsys.readouterr().err


def test_score_human_output_shows_criteria_and_missing_sources(interviewer_home: Path, notes_dir: Path) -> None:
    run(["ingest", str(notes_dir)], interviewer_home)
    code, out = run(
        ["score", "--question", "What do L1 and L2 do?", "--answer", "L1 drives coefficients to zero."],
        interviewer_home,
    )
    assert code == 0 and out.startswith("Score: ")
    assert "Correctness and coverage" in out and "missing:" in out and "regularization.md" in out
