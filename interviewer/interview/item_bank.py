"""The items of the indexed notes, built from the store's chunks when a session starts and cached by chunk id
(ids are content hashes: a changed note gets new ids, so its items are rebuilt; an unchanged one is not)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace

from interviewer.core.chunks import Chunk
from interviewer.interview.acronyms import acronym_table, spelled_out
from interviewer.interview.asking import askable, frames_by_name, hard_end_levels
from interviewer.interview.combined import Repertoire, combined_items, load_repertoire
from interviewer.interview.items import Item, build_items
from interviewer.interview.note_terms import NoteTerms, looks_named
from interviewer.interview.prompt_items import quotes_a_prompt, recorded_prompts
from interviewer.interview.readable import term_fits
from interviewer.interview.statement_pool import statement_items

__all__ = ["ItemBank"]

log = logging.getLogger(__name__)


class ItemBank:
    """Items per chunk id (and those that combine notes), and the look-ups the engine needs: by topic, level, kind."""

    def __init__(self, repertoire: Repertoire | None = None) -> None:
        self.repertoire = repertoire or load_repertoire()
        self._by_chunk: dict[str, tuple[Item, ...]] = {}
        self._statements: dict[str, tuple[Item, ...]] = {}  # every statement of a chunk, for combined items
        self.items: list[Item] = []
        self._alone: frozenset[Item] = frozenset()  # the notes' own items a question asks alone (of self.items)
        self.skipped: list[str] = []  # one line per chunk whose items could not be built
        self.terms = NoteTerms(())  # how the notes use their terms, over every statement

    def refresh(self, chunks: Iterable[Chunk]) -> None:
        """Build the items of chunks not seen before; forget chunks no longer in the notes."""
        cache: dict[str, tuple[Item, ...]] = {}
        statements: dict[str, tuple[Item, ...]] = {}
        chunks_seen = list(chunks)
        for chunk in chunks_seen:
            if chunk.chunk_id in self._by_chunk:
                cache[chunk.chunk_id] = self._by_chunk[chunk.chunk_id]
                statements[chunk.chunk_id] = self._statements.get(chunk.chunk_id, ())
                continue
            try:
                cache[chunk.chunk_id] = tuple(build_items(chunk))
                statements[chunk.chunk_id] = tuple(statement_items(chunk))
            except (ValueError, KeyError, IndexError, AttributeError, TypeError, RecursionError) as exc:
                # A broken note must not stop the interview: its chunk gives no items, said once.
                line = f"{chunk.source} > {chunk.heading}: no interview items ({type(exc).__name__}); check the note"
                log.warning(line)
                self.skipped.append(line)
                cache[chunk.chunk_id] = ()
                statements[chunk.chunk_id] = ()
        unchanged = cache.keys() == self._by_chunk.keys() and bool(self.items)
        if not unchanged:
            # A note's short acronyms are said as the note spells them out ("linear QR" -> "linear quantile
            # regression"); spelling twice changes nothing, so cached items pass through unchanged.
            texts: dict[str, list[str]] = {}
            titles: dict[str, str] = {}
            for chunk in chunks_seen:
                texts.setdefault(chunk.source, []).append(chunk.text)
                titles.setdefault(chunk.source, chunk.topic)
            tables = {source: acronym_table(found, titles[source]) for source, found in texts.items()}
            cache = {cid: tuple(_spelled(i, tables.get(i.source, {})) for i in items) for cid, items in cache.items()}
        self._by_chunk, self._statements = cache, statements
        if unchanged:
            return  # the same notes: the same items, and combining them again would take a while
        single = [item for items in cache.values() for item in items]
        # Questions that need two facts are built over all the notes at once, from every statement: they connect
        # statements of different notes (the notes' own items stay as they are).
        pool = [item for items in statements.values() for item in items]
        # A question that names a concept asks it only where the notes use it as a name: "What is the trap with
        # composition?" from one line ("composition change: who is in the treated group shifts") names nothing.
        self.terms = NoteTerms(point for item in single + pool for point in item.points)
        single = [item for item in single if not (frames_by_name(item) and not self._names(item))]
        # The questions an interviewer put, as the notes record them: asked as written, and never also quoted as a
        # fact to define ("Typical prompt: 10B ad events/day ..." was a level-1 definition). One the notes' own Q&A
        # asks already is not asked twice.
        asked = {item.question[:40].lower() for item in single if item.kind == "qa"}
        prompts = [i for i in recorded_prompts(chunks_seen, pool) if i.question[:40].lower() not in asked]
        said = [prompt.concept for prompt in prompts]
        single = [item for item in single if not any(quotes_a_prompt(point, said) for point in item.points)]
        single = prompts + single
        pool = [item for item in pool if not quotes_a_prompt(item.points[0], said)]
        # Every statement feeds the questions that combine notes; only an item some frame asks is asked alone.
        asked_alone = [item for item in single if askable(item)]
        self._alone = frozenset(asked_alone)  # (as the chunk's items are cached: for_chunk)
        alone = [hard_end_levels(item) for item in asked_alone]
        # A choice between two options names two options: "multi-label treated as multi-class or symptom" named a
        # note's label as the second (my own interview on fresh notes).
        combined = [i for i in combined_items(single + pool, self.repertoire) if not _names_no_option(i)]
        self.items = alone + combined

    def _names(self, item: Item) -> bool:
        """True when the concept a question would name stands on its own: a name the notes use; for "What is the
        trap with {concept}?" also more than one plain word ('dupes', 'oob', 'pitfalls' name no trap of their own)."""
        if not self.terms.names(item.concept):
            return False
        return item.kind != "pitfall" or len(item.concept.split()) >= 2 or looks_named(item.concept)

    def for_chunk(self, chunk_id: str) -> tuple[Item, ...]:
        """The items of one chunk that a question asks alone: a learned item's harder variant is one of them, never
        an item the bank refuses (a blank-the-number rule, a label asked as a concept)."""
        return tuple(item for item in self._by_chunk.get(chunk_id, ()) if item in self._alone)

    def for_topic(self, topic: str, case: bool = False) -> list[Item]:
        """A topic's items: case-stage items for a case study, every other kind for a deep dive."""
        return [item for item in self.items if item.topic == topic and (item.kind == "case-stage") == case]

    def levels_of(self, topic: str) -> set[int]:
        """The levels a topic's notes can support with an item of their own shape."""
        return {level for item in self.for_topic(topic) for level in item.levels}


def _spelled(item: Item, table: dict[str, str]) -> Item:
    """A definition or a contrast with its note's short acronyms spelled out in the names it says."""
    if not table or item.kind not in ("definition", "contrast"):
        return item
    return replace(item, concept=spelled_out(item.concept, table), other=spelled_out(item.other, table))


def _names_no_option(item: Item) -> bool:
    """True for a choice whose options ("A or B") are not both names a question can say."""
    return item.kind == "decision" and not all(term_fits(side) for side in item.concept.split(" or ", 1))
