"""How the blind raters judged each question frame (issue 21): every rated level 4-5 and case question of the held-out
rounds kept in bench/ratings/, matched to the case frame of prompts/questions.toml that wrote it. A question is "yes"
when both raters said yes to all four criteria (English, one clear thing, answerable, final round). Prints each
round's share, then each frame with at least `--min` ratings, lowest first. This is the measurement behind removing a
frame ("the decision-maker needs a first answer in two weeks", 17 of 52 both-yes over rounds 83-103). Nothing is
timed.

`.venv/bin/python -m bench.frame_ratings [--min 4]`. Each round folder holds the list the raters saw (questions.txt)
and their ratings (ratings_a.jsonl, ratings_b.jsonl: {"id", "english", "one_clear_thing", "answerable",
"final_round", "why"}); a folder ending in "k" rated the sessions again after a candidate corrected the case readings.
The frames are those of the repository as it is now: a frame since removed matches no question and is not listed
(its questions count as "unmatched")."""

from __future__ import annotations

import argparse
import json
import re
import tomllib
from collections import defaultdict
from pathlib import Path

from bench.common import ROOT

RATINGS = ROOT / "bench" / "ratings"
CRITERIA = ("english", "one_clear_thing", "answerable", "final_round")
# A frame's longest literal stretch, at least this long, is how a question is matched to it.
MIN_LITERAL = 25


def frames() -> list[tuple[str, str]]:
    """(name, literal) for every case frame: its longest stretch between placeholders."""
    case = tomllib.loads((ROOT / "prompts" / "questions.toml").read_text())["case"]
    found = []
    for name, texts in case.items():
        for text in texts if isinstance(texts, list) else []:
            if not isinstance(text, str):
                continue
            literal = max(re.split(r"\{[a-z_]+\}", text), key=len).strip()
            if len(literal) >= MIN_LITERAL:
                found.append((name, literal))
    return found


def rated(folder: Path) -> list[tuple[str, str, bool]]:
    """(id, question text, both raters said yes to all four) for every question both raters rated."""
    questions = {
        m.group(1): m.group(2)
        for line in (folder / "questions.txt").read_text().splitlines()
        if (m := re.match(r"^([CD]\d+)\. (.*)", line))
    }
    votes = []
    for name in ("ratings_a.jsonl", "ratings_b.jsonl"):
        lines = (folder / name).read_text().splitlines()
        votes.append({row["id"]: all(row.get(c) for c in CRITERIA) for row in map(json.loads, filter(None, lines))})
    return [(i, text, votes[0][i] and votes[1][i]) for i, text in questions.items() if i in votes[0] and i in votes[1]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--min", type=int, default=4, help="list frames with at least this many ratings")
    args = parser.parse_args()
    known = frames()
    by_frame: dict[tuple[str, str], list[bool]] = defaultdict(list)
    print("== rounds (both raters yes / rated)")
    for folder in sorted(RATINGS.iterdir(), key=lambda p: (int(re.sub(r"\D", "", p.name) or 0), p.name)):
        if not (folder / "ratings_b.jsonl").exists():
            continue
        rows = rated(folder)
        deep = [ok for i, _, ok in rows if i.startswith("D")]
        case = [ok for i, _, ok in rows if i.startswith("C")]
        print(
            f"  {folder.name:10s} {sum(ok for *_, ok in rows):3d}/{len(rows):3d}  "
            f"deep {sum(deep)}/{len(deep)}  case {sum(case)}/{len(case)}"
        )
        for i, text, ok in rows:
            if not i.startswith("C"):
                continue
            hits = [(name, literal) for name, literal in known if literal in text]
            by_frame[max(hits, key=lambda h: len(h[1])) if hits else ("unmatched", "")].append(ok)
    print(f"== case frames with at least {args.min} ratings, lowest share first")
    for (name, literal), oks in sorted(by_frame.items(), key=lambda kv: sum(kv[1]) / len(kv[1])):
        if len(oks) >= args.min:
            print(f"  {sum(oks):3d}/{len(oks):3d} {sum(oks) / len(oks):.2f}  {name:26s} {literal[:80]}")


if __name__ == "__main__":
    main()
