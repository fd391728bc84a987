"""The review loop on the command line (issue 20, DESIGN.md 5): `score --json` point ids and verdicts, `confirm`
(question and answer, or session and turn), the jsonl protocol's confirmation, `review` items and the terminal
review."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from interviewer.cli import main
from tests.test_mock_cli import answers, run

QUESTION = "Why does bagging reduce variance?"
ANSWER = "Bagging averages many trees trained on bootstrap samples, so their errors cancel out."


@pytest.fixture
def indexed(interviewer_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from tests.conftest import CORPUS

    code, _ = run(["ingest", str(CORPUS), "--json"], interviewer_home, monkeypatch)
    assert code == 0
    return interviewer_home


def _text(args: list[str], home: Path, monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> tuple[int, str]:
    from tests.test_mock_cli import FAKE

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    code = main(args, env={"INTERVIEWER_HOME": str(home), **FAKE}, out=out)
    return code, out.getvalue()


def test_score_json_gives_each_key_point_a_stable_id_and_the_machines_verdict(
    indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, (first,) = run(["score", "--question", QUESTION, "--answer", ANSWER, "--json"], indexed, monkeypatch)
    _, (again,) = run(["score", "--question", QUESTION, "--answer", "Something else.", "--json"], indexed, monkeypatch)
    assert first["points"] and [p["id"] for p in first["points"]] == [p["id"] for p in again["points"]]
    for point in first["points"]:
        assert point["id"].startswith("p-") and point["verdict"] in ("covered", "partly", "missed", "wrong")
        assert isinstance(point["sure"], bool) and point["text"] and point["source"]


def test_confirm_records_verdicts_and_prints_the_confirmed_score_beside_the_estimate(
    indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, (scored,) = run(["score", "--question", QUESTION, "--answer", ANSWER, "--json"], indexed, monkeypatch)
    ids = [p["id"] for p in scored["points"]]
    line = {"question": QUESTION, "answer": ANSWER, "verdicts": {pid: "covered" for pid in ids}}
    code, (result,) = run(["confirm", "--json"], indexed, monkeypatch, json.dumps(line) + "\n")
    assert code == 0
    assert result["estimate"] == scored["total"] and result["confirmed"] >= result["estimate"]
    assert result["verdicts"] == {pid: "covered" for pid in ids}
    assert all(p["sure"] and p["verdict"] == "covered" for p in result["score"]["points"])
    # The estimate is kept as it was: the same answer scores the same way.
    _, (rescored,) = run(["score", "--question", QUESTION, "--answer", ANSWER, "--json"], indexed, monkeypatch)
    assert rescored["total"] >= scored["total"]


def test_confirm_names_an_unknown_point_id_and_the_line(
    indexed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    good = {"question": QUESTION, "answer": ANSWER, "verdicts": {"p-nosuchpoint": "covered"}}
    bad_verdict = {"question": QUESTION, "answer": ANSWER, "verdicts": {"p-x": "maybe"}}
    code, _ = _text(["confirm"], indexed, monkeypatch, json.dumps(good) + "\n" + json.dumps(bad_verdict) + "\n")
    assert code == 2
    err = capsys.readouterr().err
    assert "stdin:1: unknown point id p-nosuchpoint; this answer's points are: p-" in err
    assert "stdin:2: field 'verdicts': not covered|partly|missed|wrong|off: p-x: 'maybe'" in err


def test_the_protocol_takes_a_confirmation_after_a_score_and_review_lists_due_items_most_overdue_first(
    indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = answers("I don't know")
    stdin += json.dumps({"verdicts": {"p-bad": "covered"}}) + "\n"  # an error event; the session goes on
    code, events = run(["mock", "--protocol", "jsonl", "--questions", "3", "--seed", "2"], indexed, monkeypatch, stdin)
    assert code == 0
    score = next(e for e in events if e["type"] == "score")
    first_question = events[0]["text"]
    error = next(e for e in events if e["type"] == "error")
    assert "unknown point id p-bad" in error["error"] and error["turn"] == 1
    verdicts = {p["id"]: "missed" for p in score["points"]}
    stdin = json.dumps({"verdicts": verdicts}) + "\n" + answers("fine", "no idea")
    session_id = events[-1]["session_id"]
    code, events = run(["mock", "--protocol", "jsonl", "--resume", session_id], indexed, monkeypatch, stdin)
    assert code == 0 and [e["type"] for e in events][:2] == ["question", "confirmed"]
    confirmed = events[1]
    assert confirmed["turn"] == 1 and confirmed["verdicts"] == verdicts  # after a resume: the last answered turn
    assert confirmed["estimate"] == score["total"] and 0 <= confirmed["confirmed"] <= 1
    by_turn = {"session": session_id, "turn": 2, "verdicts": {}}
    code, _ = run(["confirm", "--json"], indexed, monkeypatch, json.dumps(by_turn) + "\n")
    assert code == 2  # an empty set of verdicts is refused
    # Three weak answers: each item is due again at once, the one answered first most overdue.
    _, (review,) = run(["review", "--json"], indexed, monkeypatch)
    record = json.loads(_text(["sessions", "--json"], indexed, monkeypatch)[1])["sessions"][0]
    assert record["answered"] == 3
    asked = [first_question, *(e["text"] for e in events if e["type"] == "question")]
    assert [i["question"] for i in review["items"]] == asked  # the golden order: most overdue (answered first) first
    assert [i["graded_by"] for i in review["items"]] == ["you", "machine estimate", "machine estimate"]
    assert all(i["last_rating"] == "again" and i["missed"] for i in review["items"])


def test_the_terminal_review_asks_one_key_per_point_and_shows_both_scores(
    indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, events = run(
        ["mock", "--protocol", "jsonl", "--questions", "1", "--seed", "4"], indexed, monkeypatch, answers(ANSWER)
    )
    session_id = events[-1]["session_id"]
    points = next(e for e in events if e["type"] == "score")["points"]
    # A wrong key is asked again; the first point is "not this question's point", the others as the machine read.
    keys = "".join(["x\n", "n\n", *(["\n"] * (len(points) - 1))])
    code, out = _text(["review", "--session", session_id], indexed, monkeypatch, keys)
    assert code == 0
    assert "type c, p, m, w, n, s or q" in out
    transcript = Path(out.rsplit("Transcript with your confirmed scores: ", 1)[1].strip())
    assert "- you: – not this question's point; machine:" in transcript.read_text(encoding="utf-8")
    assert "From your notes, a full answer says:" in out
    assert "Score: confirmed by you" in out and "machine's estimate" in out
    code, again = _text(["review", "--session", session_id], indexed, monkeypatch, "q\n")
    assert "Score: confirmed by you" in again.split("From your notes")[0]  # remembered across runs


def test_confirmations_are_user_data_and_feed_agreement_and_calibration(
    indexed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, text = _text(["progress"], indexed, monkeypatch)
    assert code == 0 and "No confirmed answers yet" in text
    code, _ = _text(["calibrate", "--data", "confirmations"], indexed, monkeypatch)
    assert code == 2  # nothing confirmed: a one-line error says what to do
    _, (scored,) = run(["score", "--question", QUESTION, "--answer", ANSWER, "--json"], indexed, monkeypatch)
    machine = {p["id"]: p["verdict"] for p in scored["points"]}
    flipped = {pid: ("missed" if v == "covered" else "covered") for pid, v in machine.items()}
    line = {"question": QUESTION, "answer": ANSWER, "verdicts": flipped}
    assert run(["confirm"], indexed, monkeypatch, json.dumps(line) + "\n")[0] == 0
    _, (progress,) = run(["progress", "--json", "--out", str(tmp_path / "p.html")], indexed, monkeypatch)
    rows = {row["verdict"]: row for row in progress["agreement"]}
    assert sum(row["confirmed"] for row in rows.values()) == len(flipped)
    assert sum(row["agreed"] for row in rows.values()) == 0  # every verdict was turned round
    code, text = _text(["progress", "--out", str(tmp_path / "p.html")], indexed, monkeypatch)
    assert "you agreed 0 of" in text
    code, text = _text(["calibrate", "--data", "confirmations"], indexed, monkeypatch)
    assert code == 0 and "ordering of 1 answers" in text
    assert _text(["export-data", "--out", str(tmp_path / "data.json")], indexed, monkeypatch)[0] == 0
    document = json.loads((tmp_path / "data.json").read_text(encoding="utf-8"))
    assert {c["point_id"]: c["verdict"] for c in document["confirmations"]} == flipped
    assert all(
        c["answer"] == ANSWER and c["machine_verdict"] == machine[c["point_id"]] for c in document["confirmations"]
    )
    assert run(["delete-data", "--yes"], indexed, monkeypatch)[0] == 0
    _, (after,) = run(["progress", "--json", "--out", str(tmp_path / "p.html")], indexed, monkeypatch)
    assert all(row["confirmed"] == 0 for row in after["agreement"])


def test_the_next_session_asks_the_due_items_first_most_overdue_first(
    indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, first = run(["mock", "--protocol", "jsonl", "--questions", "3", "--seed", "5"], indexed, monkeypatch,
                      answers("I don't know", "no idea", "fine"))  # fmt: skip
    assert code == 0
    _, (review,) = run(["review", "--json"], indexed, monkeypatch)
    due = [item["question"] for item in review["items"]]
    assert due == [e["text"] for e in first if e["type"] == "question"]  # all three, in the order answered
    code, second = run(["mock", "--protocol", "jsonl", "--questions", "4", "--seed", "6"], indexed, monkeypatch,
                       answers("pass", "pass", "pass", "pass"))  # fmt: skip
    asked = [e for e in second if e["type"] == "question"]
    assert [q["text"] for q in asked[:3]] == due  # the review queue first, their own questions
    assert asked[0]["notice"] and "due for review" in asked[0]["notice"]
    assert asked[3]["text"] not in due  # then the session goes on as usual
