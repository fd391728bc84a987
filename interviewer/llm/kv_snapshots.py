"""Keep each prompt family's llama.cpp cache when families take turns in one context.

llama.cpp reuses the cached tokens that a new prompt shares with the previous one, so a prompt whose fixed
instructions come first costs only its new material. Two families in turn (the question phraser and the
judge) would each evict the other's prefix on every turn; this module saves the context's cache (sequence 0)
under its family before another family's prompt runs, and puts the new family's saved cache back, so each
family keeps its prefix. A family is the prompt's first `key_chars` characters: prompts that differ there share
no prefix anyway. With one family (the default app) nothing is ever saved or restored."""

from __future__ import annotations

import ctypes
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["CacheSwitcher", "Snapshot"]

_SEQUENCE = 0  # llama-cpp-python's high-level API decodes every prompt as sequence 0


@dataclass(frozen=True)
class Snapshot:
    """A copy of one context's cache: the token ids it holds and llama.cpp's state of their sequence."""

    tokens: np.ndarray
    state: Any  # a ctypes uint8 array from llama_state_seq_get_data
    size: int


class CacheSwitcher:
    """Saves and restores the cache of one `llama_cpp.Llama` per prompt family (at most `max_saved` kept)."""

    def __init__(self, max_saved: int = 3, key_chars: int = 64) -> None:
        self.max_saved = max_saved
        self.key_chars = key_chars
        self.live: str | None = None
        self.saved: OrderedDict[str, Snapshot] = OrderedDict()
        self.restored = 0

    def prepare(self, llama: Any, prompt: str) -> None:
        """Before `prompt` runs on `llama`: if it belongs to another family than the cached one, swap caches."""
        family = prompt[: self.key_chars]
        if family == self.live:
            return
        if self.live is not None and llama.n_tokens > 0 and self.max_saved > 0:
            snapshot = save_snapshot(llama)
            if snapshot is not None:
                self.saved[self.live] = snapshot
                self.saved.move_to_end(self.live)
                while len(self.saved) > self.max_saved:
                    self.saved.popitem(last=False)
        waiting = self.saved.pop(family, None)
        if waiting is not None and restore_snapshot(llama, waiting):
            self.restored += 1
        self.live = family


def save_snapshot(llama: Any) -> Snapshot | None:
    """Copy the cache of sequence 0 and the tokens it holds; None when llama.cpp cannot copy it."""
    import llama_cpp

    context = llama._ctx.ctx
    size = int(llama_cpp.llama_state_seq_get_size(context, _SEQUENCE))
    if size <= 0:
        return None
    state = (ctypes.c_uint8 * size)()
    written = int(llama_cpp.llama_state_seq_get_data(context, state, size, _SEQUENCE))
    if written <= 0:
        return None
    return Snapshot(tokens=np.array(llama.input_ids[: llama.n_tokens], copy=True), state=state, size=written)


def restore_snapshot(llama: Any, snapshot: Snapshot) -> bool:
    """Put a saved cache back; on failure the context starts empty (correct, only slower)."""
    import llama_cpp

    count = len(snapshot.tokens)
    if llama_cpp.llama_state_seq_set_data(llama._ctx.ctx, snapshot.state, snapshot.size, _SEQUENCE) == 0:
        llama.reset()
        return False
    llama.input_ids[:count] = snapshot.tokens
    llama.n_tokens = count
    # The logits in memory belong to the other family's last token: make llama.cpp decode before sampling.
    llama._requires_eval = True
    return True
