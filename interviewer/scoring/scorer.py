"""The scorer: finds the reference in the notes, embeds, and runs the evidence scorer (plus a judge if calibrated)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from interviewer.core.chunks import Chunk
from interviewer.core.score import ScoreResult, point_id
from interviewer.errors import BadInputError
from interviewer.scoring.contrasts import note_contrasts
from interviewer.scoring.evidence import EvidenceInput, Thresholds, score_evidence
from interviewer.scoring.judge import BLEND_WEIGHTS, Judge, blend
from interviewer.scoring.keypoints import KeyPoint, extract_key_points, select_key_points
from interviewer.scoring.learned import LearnedThresholds, PointMemory
from interviewer.scoring.rubric import Rubric
from interviewer.scoring.text import content_words, sentences
from interviewer.storage.embeddings import CachedEmbedder, Embedder, cosine_matrix
from interviewer.storage.store import NoteStore

__all__ = ["MAX_ANSWER_CHARS", "Scorer", "infer_level"]

MAX_ANSWER_CHARS = 20_000  # an answer longer than this is cut: length earns nothing, and embedding costs time
MAX_WINDOW_SENTENCES = 30  # pairs of adjacent sentences are embedded for the first ones only: time
MAX_JUDGE_WEIGHT = max(BLEND_WEIGHTS)  # the most a calibration run can give a model's judgement
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_LEVEL_CUES: tuple[tuple[int, re.Pattern[str]], ...] = (
    (5, re.compile(
        r"\b(design|trade-?offs?|would you (choose|build|structure|prefer|pick)|defend|end-to-end|architect\b|"
        r"in which cases|when would you|which would you)", re.I)),
    (4, re.compile(
        r"\b(pitfalls?|fail(s|ed|ing|ures?)?|goes? wrong|break(s|ing)?|detect(s|ing)?|diagnos\w*|mistakes?|traps?|"
        r"risks?|problems? with|potential problems?|disadvantages?|drawbacks?|limitations?|"
        r"what'?s wrong with|what is wrong with)\b", re.I)),
    (3, re.compile(r"\b(given|suppose|scenario|you have|calculate|compute|how many|\d)", re.I)),
    (2, re.compile(r"\b(why|how does|how do|explain|compare|difference|versus|vs|better than)\b", re.I)),
)  # fmt: skip
# "What is the bias-variance trade-off?" asks for a definition, whatever words its subject holds.
_DEFINITION = re.compile(r"^\s*what (is|are) (a |an |the )?[^?,;]{1,60}\?\s*$", re.I)


def infer_level(question: str) -> int:
    """Guess a free-standing question's level from its wording (1 recall .. 5 design): its most demanding
    sentence, a bare "What is X?" being recall."""
    parts = [p.strip() + "?" for p in question.split("?") if p.strip()] or [question]
    return max(_sentence_level(part) for part in parts)


def _sentence_level(sentence: str) -> int:
    analyse = _LEVEL_CUES[1][1]  # "What are the problems with ...?" asks for pitfalls, not a definition
    if _DEFINITION.match(sentence) and not analyse.search(sentence):
        return 1
    for level, pattern in _LEVEL_CUES:
        if pattern.search(sentence):
            return level
    return 1


def _unseen(candidates: Sequence[KeyPoint], points: Sequence[KeyPoint]) -> list[KeyPoint]:
    given = {p.text.lower() for p in points}
    return [c for c in candidates if c.text.lower() not in given]


def _adjacent_pairs(answer_sentences: list[str]) -> list[str]:
    """Each sentence joined with the next: a point is often stated across two (claim, then its reason)."""
    head = answer_sentences[: MAX_WINDOW_SENTENCES + 1]
    return [f"{first} {second}" for first, second in itertools.pairwise(head)]


class Scorer:
    """Scores answers against the user's notes; deterministic for the same notes, question and answer."""

    def __init__(
        self,
        embedder: Embedder,
        store: NoteStore | None,
        rubrics: dict[str, Rubric],
        thresholds: Thresholds | None = None,
        reference_chunks: int = 3,
        judge: Judge | None = None,
        judge_weight: float = 0.0,
        memory: PointMemory | None = None,
        learned_thresholds: LearnedThresholds | None = None,
    ) -> None:
        # A hand-edited calibration file must not hand the score to the model: never more than calibration gives.
        self.judge_weight = min(max(judge_weight, 0.0), MAX_JUDGE_WEIGHT)
        self.judge = judge if self.judge_weight > 0 else None
        self.embedder = embedder
        self.store = store
        self.rubrics = rubrics
        self.thresholds = thresholds or Thresholds()
        self.reference_chunks = reference_chunks
        self._cached = CachedEmbedder(embedder)  # note statements and questions recur across answers
        self.memory = memory or PointMemory()  # what this candidate confirmed: their words, their mistakes
        self.learned_thresholds = learned_thresholds or LearnedThresholds()

    def learn(self, memory: PointMemory) -> None:
        """Score from now on with what the candidate has confirmed so far."""
        self.memory = memory

    def reference_for(self, question: str) -> list[Chunk]:
        """The chunks of the notes a free-standing question is about, best first."""
        if self.store is None:
            return []
        return [hit.chunk for hit in self.store.search(question, k=self.reference_chunks)]

    def _nearest(
        self, question: str, candidates: Sequence[KeyPoint], points: Sequence[KeyPoint], fill: int
    ) -> list[KeyPoint]:
        """Up to `fill` candidates nearest the question, none a point already given, best first."""
        unseen = _unseen(candidates, points)
        if fill <= 0 or not unseen:
            return []
        vectors = self._cached.embed([c.text for c in unseen])
        question_vector = self._cached.embed([question])[0]
        chosen = select_key_points(question_vector, vectors, [0] * len(unseen), limit=fill)
        return [replace(unseen[i], picked=True) for i, _ in chosen]

    def rubric_for(self, kind: str, level: int | None, stage: str | None) -> Rubric:
        """The rubric for a question kind and level or stage."""
        key = f"case-{stage}" if kind == "case" else f"deep-dive-{level}"
        if key not in self.rubrics:
            raise BadInputError(f"no rubric {key!r} in prompts/rubrics/; use a level 1..5 or a case stage")
        return self.rubrics[key]

    def score(
        self,
        question: str,
        answer: str,
        reference: Sequence[Chunk] | None = None,
        kind: str | None = None,
        level: int | None = None,
        stage: str | None = None,
        points: Sequence[KeyPoint] | None = None,
        open_stage: bool = False,
        candidates: Sequence[KeyPoint] = (),
        fill: int = 0,
    ) -> ScoreResult:
        """Score an answer to a question; without `reference`, the notes are searched for it.

        With `points` (an interview item's points), those are the key points, all of them at equal weight, in
        order: a question is scored on exactly what it asked. With `candidates`, up to `fill` of them nearest the
        question (never by the answer) join those points: a case told as a story names few stages' words."""
        # An open case stage has nothing in the notes to be scored against (evidence.py: _open_stage_score).
        chunks = [] if open_stage else list(reference) if reference is not None else self.reference_for(question)
        if kind is None:
            case_stage = chunks[0].stage if chunks and chunks[0].kind == "case" else ""
            kind, stage = ("case", stage or case_stage) if case_stage else ("deep-dive", None)
        if kind == "case" and not stage:
            stage = "frame"
        rubric = self.rubric_for(kind, level or infer_level(question), stage)
        answer = _SURROGATES.sub("", answer)  # valid JSON can carry them; the tokenizer cannot
        answer_sentences = sentences(answer[:MAX_ANSWER_CHARS])[:200]
        reference_points = extract_key_points(chunks)
        chunk_rank = {chunk.chunk_id: rank for rank, chunk in enumerate(chunks)}
        points = [*(points or ()), *self._nearest(question, candidates, points or (), fill)]
        if points:
            # The item's points lead the reference; the chunks' other statements still reveal contradictions.
            given = {p.text.lower() for p in points}
            reference_points = [*points, *(p for p in reference_points if p.text.lower() not in given)]
        point_vectors = self._cached.embed([p.text for p in reference_points])
        question_vector = self._cached.embed([question])[0]
        answer_vectors = self.embedder.embed(answer_sentences)
        window_vectors = self.embedder.embed(_adjacent_pairs(answer_sentences))
        if points:
            chosen = [(i, 1.0) for i in range(len(points))]
        else:
            # The nearest statements to a question are often the ones it states: a case's opening givens ("The
            # setup: until January every customer got unlimited free refinements.") were sure misses of a strong
            # clarify answer (bench.case_scoring). What the question says is no point to add; it still reveals
            # contradictions.
            open_points = [i for i, p in enumerate(reference_points) if not _stated_by(question, p.text)]
            open_points = open_points or list(range(len(reference_points)))
            ranks = [chunk_rank[reference_points[i].chunk_id] for i in open_points]
            picked = select_key_points(question_vector, point_vectors[open_points], ranks)
            chosen = [(open_points[i], weight) for i, weight in picked]
        key_points: list[KeyPoint] = [reference_points[i] for i, _ in chosen]
        similarity = cosine_matrix(answer_vectors, point_vectors)
        data = EvidenceInput(
            question=question,
            answer_sentences=answer_sentences,
            key_points=key_points,
            key_weights=[weight for _, weight in chosen],
            reference_points=reference_points,
            answer_key_sim=similarity[:, [i for i, _ in chosen]],
            answer_reference_sim=similarity,
            answer_question_sim=answer_vectors @ question_vector,
            window_reference_sim=cosine_matrix(window_vectors, point_vectors),
            sources=[chunk.citation() for chunk in chunks],
            contrasts=note_contrasts(
                [*(p.text for p in reference_points), *dict.fromkeys(p.heading for p in reference_points)]
            ),
            learned=self.memory.hits(
                [point_id(p.text) for p in key_points],
                answer_sentences,
                answer_vectors,
                self._cached,
                self.learned_thresholds,
                similarity[:, [i for i, _ in chosen]],
            ),
            open_stage=open_stage,
        )
        result = score_evidence(data, rubric, self.thresholds)
        if self.judge is None or result.evasive or result.relevance < self.thresholds.gate_low:
            return result  # the gates hold whatever a model says
        grade = self.judge.grade(question, [p.text for p in key_points], answer)
        total = round(blend(result.total, grade, self.judge_weight), 3)
        blended = (
            ()
            if grade is None
            else (f"{total:.2f} with the model's grade ({grade}) at weight {self.judge_weight:.1f}",)
        )
        return replace(
            result,
            total=total,
            judge={"grade": grade, "weight": self.judge_weight},
            adjustments=(*result.adjustments, *blended),
        )


def _stated_by(question: str, statement: str) -> bool:
    """True when the question says the statement already: four in five of its content words (three at least)."""
    words = set(content_words(statement))
    return len(words) >= 3 and len(words & set(content_words(question))) >= 0.8 * len(words)
