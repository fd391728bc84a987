"""A note's short acronyms, spelled out as the note spells them: "linear QR" is "linear quantile regression" where the
note says "quantile regression (QR)", and "KM" is "Kaplan-Meier (KM)". Blind raters failed "what does linear QR refer
to?" (said aloud, QR is a matrix decomposition) and "KM (+ log-rank test)". Pure string functions."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["acronym_table", "spelled_out"]

_SHORT = 3  # letters: longer acronyms (SMOTE, NDCG, HNSW) are names in their own right
# "quantile regression (QR)", "Kaplan–Meier (KM)" and "QR (quantile regression)"
_LONG_FIRST = re.compile(r"((?:[A-Za-z][\w'’]*[\s–-]+){0,4}[A-Za-z][\w'’]*)\s*\(([A-Z]{2,3})\)")
_SHORT_FIRST = re.compile(r"\b([A-Z]{2,3})\s*\(([a-z][\w'’ –-]{3,50})\)")


def _initials_match(words: list[str], acronym: str) -> bool:
    return len(words) >= len(acronym) and all(
        word[:1].lower() == letter.lower() for word, letter in zip(words[-len(acronym) :], acronym, strict=True)
    )


def _expansion(long: str, acronym: str) -> str:
    """The last words of `long` that spell `acronym`, as written with their separators ("Kaplan–Meier", "quantile
    regression"); '' when they do not spell it."""
    tail = re.search(rf"(?:[^\s–-]+[\s–-]+){{{len(acronym) - 1}}}[^\s–-]+$", long.strip())
    return tail.group(0) if tail and _initials_match(re.split(r"[\s–-]+", tail.group(0)), acronym) else ""


def acronym_table(texts: Iterable[str], title: str = "") -> dict[str, str]:
    """Short acronym -> the words a note spells it out with, over the note's texts (the first spelling wins); its
    title's initials stand for its title ("QR" in a note titled "Quantile regression (+ conformal)")."""
    table: dict[str, str] = {}
    head = re.split(r"\s*[(:,/+&]|\s[-–—]\s", title.strip(), maxsplit=1)[0].strip()
    words = head.split()
    if 2 <= len(words) <= _SHORT and all(w.isalpha() for w in words):
        table["".join(w[0] for w in words).upper()] = head if any(c.isupper() for c in head[1:]) else head.lower()
    for text in texts:
        for long, acronym in _LONG_FIRST.findall(text):
            spelled = _expansion(long, acronym)
            if spelled:
                table.setdefault(acronym, spelled)
        for acronym, long in _SHORT_FIRST.findall(text):
            spelled = long.strip() if _initials_match(re.split(r"[\s–-]+", long.strip()), acronym) else ""
            if spelled and len(re.split(r"[\s–-]+", spelled)) == len(acronym):
                table.setdefault(acronym, spelled)
    return table


def spelled_out(name: str, table: dict[str, str]) -> str:
    """A concept's name with its short acronyms spelled out: 'linear QR' -> 'linear quantile regression'; a name that
    is the acronym alone keeps it in brackets ('KM' -> 'Kaplan–Meier (KM)')."""
    stripped = name.strip()
    if stripped in table:
        return f"{table[stripped]} ({stripped})"

    def expand(match: re.Match[str]) -> str:
        spelled = table.get(match.group(0), "")
        # "QAT (quant-aware training)" says it already
        return spelled if spelled and spelled.lower() not in name.lower() else match.group(0)

    return re.sub(rf"(?<![\w-])[A-Z]{{2,{_SHORT}}}(?![\w-])", expand, name)
