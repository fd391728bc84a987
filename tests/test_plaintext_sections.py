"""Plain-text notes mark their sections as people type them: a line underlined with dashes or equals signs, or a
short line in capitals after a blank line. Every fresh round's `.txt` note (rounds 60-70) was read as one section,
its headings left inside the text, and a typed-up note gave the hard end nothing to ask."""

from __future__ import annotations

from interviewer.ingest.plaintext import parse_plaintext

TYPED = """COST MATRICES AND DECISIONS
===========================
(typed up from paper notes)


WHY BOTHER
----------
Accuracy treats a false positive and a false negative as equally bad. They almost never are.


THE DECISION RULE
-----------------
Act when the expected cost of acting is lower than the expected cost of waiting.

CLASS WEIGHTS VS THRESHOLD MOVING
Two ways to reach the same decision.

Totals for the quarter were flat.
---
A rule under a sentence is a separator, not a heading.
"""


def test_underlined_and_capital_lines_start_sections_and_a_rule_under_a_sentence_does_not() -> None:
    sections = parse_plaintext(TYPED, "fallback")
    paths = [s.heading_path for s in sections]
    assert paths[0] == ("COST MATRICES AND DECISIONS",)
    assert [p[-1] for p in paths[1:]] == ["WHY BOTHER", "THE DECISION RULE", "CLASS WEIGHTS VS THRESHOLD MOVING"]
    assert all("---" not in s.text.split("\n")[0] and "WHY BOTHER" not in s.text for s in sections)
    last = sections[-1].text
    assert "Totals for the quarter were flat." in last and "A rule under a sentence" in last, last


def test_a_formula_or_a_table_row_in_capitals_is_no_heading() -> None:
    sections = parse_plaintext("NOTES\n\nSome text.\n\nC00 = 0, C01 = 90\nmore text\n", "fallback")
    assert len(sections) == 1 and "C00 = 0" in sections[0].text
