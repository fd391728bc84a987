"""Which llama.cpp buffer types to use on this CPU: a pure decision, from the CPU's flags and the user's setting.

llama.cpp's "extra buffer types" hold repacked weights for faster CPU kernels, and on Intel CPUs with AMX the AMX
kernels too. With llama-cpp-python 0.3.36 built natively, every decode on an AMX CPU segfaults inside
`ggml_backend_amx_mul_mat` (measured 2026-12-01 on a Sapphire Rapids Xeon); loading the model without extra buffer
types avoids it. Elsewhere the repacked weights are kept, so a CPU without AMX loses no speed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from interviewer.settings import ExtraBuffers

__all__ = ["AMX_FLAGS", "BufferChoice", "choose_extra_buffers", "cpu_flags", "read_cpu_flags"]

AMX_FLAGS = frozenset({"amx_int8", "amx_tile", "amx_bf16", "amx_fp16", "amx_complex"})


@dataclass(frozen=True)
class BufferChoice:
    """Whether the model loads with llama.cpp's extra buffer types, and why (shown by `interviewer doctor`)."""

    enabled: bool
    reason: str


def cpu_flags(cpuinfo: str) -> frozenset[str]:
    """The feature flags of /proc/cpuinfo's text (x86 "flags", ARM "Features"); empty when it has none."""
    flags: set[str] = set()
    for line in cpuinfo.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() in ("flags", "features"):
            flags.update(value.split())
    return frozenset(flags)


def read_cpu_flags(path: Path = Path("/proc/cpuinfo")) -> frozenset[str]:
    """This machine's CPU flags; empty where /proc/cpuinfo does not exist (macOS, Windows)."""
    try:
        return cpu_flags(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return frozenset()


def choose_extra_buffers(flags: Iterable[str], setting: ExtraBuffers = ExtraBuffers.AUTO) -> BufferChoice:
    """Extra buffer types on, unless the CPU has AMX (llama.cpp's AMX path crashes) or the user says otherwise."""
    amx = sorted(AMX_FLAGS.intersection(flags))
    if setting is ExtraBuffers.ON:
        warning = f" (this CPU has {', '.join(amx)}: llama.cpp's AMX path may crash)" if amx else ""
        return BufferChoice(True, f"on, forced by INTERVIEWER_EXTRA_BUFFERS=on{warning}")
    if setting is ExtraBuffers.OFF:
        return BufferChoice(False, "off, forced by INTERVIEWER_EXTRA_BUFFERS=off")
    if amx:
        return BufferChoice(False, f"off: this CPU has {', '.join(amx)}, and llama.cpp's AMX path crashes")
    return BufferChoice(True, "on: no AMX on this CPU, so llama.cpp's repacked weights are safe and faster")
