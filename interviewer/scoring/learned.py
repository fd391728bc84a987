"""What the scorer learned from one candidate's confirmations: per key point, the sentences they confirmed as
covering it (accepted phrasings) and the ones they marked wrong (known misconceptions).

A later answer sentence close to an accepted phrasing (embedding similarity at or above `accept`, measured by
`bench.review_loop` on the tuning set) covers that point, and only that point. Guards keep a wrong answer from
gaining: the sentence must not turn the phrasing round (polarity.py), and must be closer to the phrasing than to
any misconception of the point. A sentence close to a misconception is flagged as the candidate's own earlier
mistake, with the date they marked it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from interviewer.core.review import Confirmation, Verdict
from interviewer.scoring.polarity import flips
from interviewer.storage.embeddings import CachedEmbedder, cosine_matrix

__all__ = ["LearnedHit", "LearnedThresholds", "PointMemory"]


@dataclass(frozen=True)
class LearnedThresholds:
    """Similarity bands for learned sentences (MiniLM); set by `bench.review_loop` on the tuning set."""

    accept: float = 0.60  # a sentence this close to an accepted phrasing states the point
    margin: float = 0.03  # ... and closer to it, by this much, than to any misconception of the point
    resembles: float = 0.65  # a sentence this close to a marked mistake, and closer to it than to the note and the
    # accepted phrasings by `margin`, may repeat it: unsure, asked first ("looks like what you marked wrong")
    # (0.55 until session 16: the band 0.55-0.65 caught 1 repeated mistake for 5 correct answers flagged on the tuning
    # set, and 2 for 5 on the held-out one; a trial user's correct sentences were flagged after an honest mark)
    repeats: float = 0.9  # this close, it says the marked mistake again: a certain flag


@dataclass(frozen=True)
class _Phrase:
    sentence: str
    wrong: bool
    on: str  # the date it was confirmed, YYYY-MM-DD


@dataclass(frozen=True)
class LearnedHit:
    """Answer sentence `sentence` matches a learned phrase of key point `key`: an accepted phrasing, or a marked
    mistake (`wrong`), said again for certain (`sure`) or only resembled."""

    sentence: int
    key: int
    wrong: bool
    on: str
    phrase: str
    similarity: float
    sure: bool = True


class PointMemory:
    """The learned phrases of every point this candidate confirmed, by point id (newest verdict per sentence)."""

    def __init__(self, confirmations: Iterable[Confirmation] = ()) -> None:
        latest: dict[tuple[str, str], _Phrase] = {}
        for c in sorted(confirmations, key=lambda c: c.at):
            if not c.sentence.strip() or c.verdict not in (Verdict.COVERED, Verdict.WRONG):
                if c.sentence.strip():
                    latest.pop((c.point_id, c.sentence), None)  # a later "missed"/"partly" withdraws it
                continue
            latest[(c.point_id, c.sentence)] = _Phrase(c.sentence, c.verdict is Verdict.WRONG, f"{c.at:%Y-%m-%d}")
        self._by_point: defaultdict[str, list[_Phrase]] = defaultdict(list)
        for (pid, _), phrase in latest.items():
            self._by_point[pid].append(phrase)

    def __len__(self) -> int:
        return sum(len(phrases) for phrases in self._by_point.values())

    def knows(self, point_id: str) -> bool:
        """Whether anything was learned for this point."""
        return bool(self._by_point.get(point_id))

    def hits(
        self,
        point_ids: Sequence[str],
        answer_sentences: Sequence[str],
        answer_vectors: np.ndarray,
        embedder: CachedEmbedder,
        limits: LearnedThresholds | None = None,
        point_similarity: np.ndarray | None = None,
    ) -> list[LearnedHit]:
        """Which answer sentences state a key point in the candidate's own confirmed words, or repeat a mistake
        they marked; at most one hit per sentence and point. `point_similarity` (sentences x key points) is each
        sentence's similarity to the note's own wording of the point."""
        t = limits or LearnedThresholds()
        found: list[LearnedHit] = []
        if not len(answer_sentences):
            return found
        for key, pid in enumerate(point_ids):
            phrases = self._by_point.get(pid, [])
            if not phrases:
                continue
            similarity = cosine_matrix(answer_vectors, embedder.embed([p.sentence for p in phrases]))
            accepted = [j for j, p in enumerate(phrases) if not p.wrong]
            mistaken = [j for j, p in enumerate(phrases) if p.wrong]
            for i, sentence in enumerate(answer_sentences):
                row = similarity[i]
                best_ok = max(accepted, key=lambda j: row[j], default=-1)
                best_wrong = max(mistaken, key=lambda j: row[j], default=-1)
                ok = float(row[best_ok]) if best_ok >= 0 else -1.0
                bad = float(row[best_wrong]) if best_wrong >= 0 else -1.0
                note = float(point_similarity[i, key]) if point_similarity is not None else -1.0
                if bad >= t.repeats or (bad >= t.resembles and bad >= max(ok, note) + t.margin):
                    p = phrases[best_wrong]
                    found.append(LearnedHit(i, key, True, p.on, p.sentence, bad, sure=bad >= t.repeats))
                elif ok >= t.accept and ok >= bad + t.margin and not flips(sentence, phrases[best_ok].sentence):
                    p = phrases[best_ok]
                    found.append(LearnedHit(i, key, False, p.on, p.sentence, ok))
        return found
