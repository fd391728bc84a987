"""The extra-buffer decision: off on CPUs with AMX (llama.cpp's AMX path segfaults), else on, or as the user says."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.errors import SettingsError
from interviewer.llm.cpu import choose_extra_buffers, cpu_flags, read_cpu_flags
from interviewer.settings import ExtraBuffers, Settings

# Trimmed /proc/cpuinfo of real machine classes (two processors each, as on a 2-core VM).
SAPPHIRE_RAPIDS = """processor\t: 0
vendor_id\t: GenuineIntel
model name\t: Intel(R) Xeon(R) Platinum 8488C
flags\t\t: fpu vme de pse tsc msr avx avx2 fma avx512f avx512bw avx512_vnni amx_bf16 avx512_fp16 amx_tile amx_int8
bogomips\t: 4800.00

processor\t: 1
flags\t\t: fpu vme de pse tsc msr avx avx2 fma avx512f avx512bw avx512_vnni amx_bf16 avx512_fp16 amx_tile amx_int8
"""
ICE_LAKE = """processor\t: 0
model name\t: Intel(R) Xeon(R) Platinum 8375C
flags\t\t: fpu vme de pse tsc msr avx avx2 fma avx512f avx512bw avx512_vnni
"""
EPYC = """processor\t: 0
model name\t: AMD EPYC 7R13 Processor
flags\t\t: fpu vme de pse tsc msr avx avx2 fma sha_ni
"""
GRAVITON = """processor\t: 0
BogoMIPS\t: 243.75
Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm sve
CPU implementer\t: 0x41
"""


@pytest.mark.parametrize(
    ("cpuinfo", "setting", "enabled", "reason_has"),
    [
        (SAPPHIRE_RAPIDS, ExtraBuffers.AUTO, False, "amx_bf16, amx_int8, amx_tile"),
        (ICE_LAKE, ExtraBuffers.AUTO, True, "no AMX"),
        (EPYC, ExtraBuffers.AUTO, True, "no AMX"),
        (GRAVITON, ExtraBuffers.AUTO, True, "no AMX"),
        ("", ExtraBuffers.AUTO, True, "no AMX"),  # no /proc/cpuinfo (macOS): llama.cpp's own default
        (SAPPHIRE_RAPIDS, ExtraBuffers.ON, True, "may crash"),
        (EPYC, ExtraBuffers.ON, True, "forced"),
        (EPYC, ExtraBuffers.OFF, False, "forced"),
        (SAPPHIRE_RAPIDS, ExtraBuffers.OFF, False, "forced"),
    ],
)
def test_extra_buffers_are_off_only_where_amx_would_crash_or_the_user_says(
    cpuinfo: str, setting: ExtraBuffers, enabled: bool, reason_has: str
) -> None:
    choice = choose_extra_buffers(cpu_flags(cpuinfo), setting)
    assert choice.enabled is enabled
    assert reason_has in choice.reason


def test_forcing_them_on_an_amx_cpu_warns_and_not_elsewhere() -> None:
    assert "may crash" not in choose_extra_buffers(cpu_flags(EPYC), ExtraBuffers.ON).reason


def test_flags_are_read_from_x86_and_arm_lines_only() -> None:
    assert {"amx_int8", "avx2"} <= cpu_flags(SAPPHIRE_RAPIDS)
    assert "GenuineIntel" not in cpu_flags(SAPPHIRE_RAPIDS)
    assert {"asimd", "sve"} <= cpu_flags(GRAVITON)
    assert "0x41" not in cpu_flags(GRAVITON)


def test_a_missing_cpuinfo_file_reads_as_no_flags(tmp_path: Path) -> None:
    assert read_cpu_flags(tmp_path / "absent") == frozenset()
    present = tmp_path / "cpuinfo"
    present.write_text(ICE_LAKE, encoding="utf-8")
    assert "avx512f" in read_cpu_flags(present)


def test_the_setting_comes_from_the_environment_and_is_checked() -> None:
    assert Settings.from_env({"INTERVIEWER_HOME": "/h"}).extra_buffers is ExtraBuffers.AUTO
    assert Settings.from_env({"INTERVIEWER_HOME": "/h", "INTERVIEWER_EXTRA_BUFFERS": "off"}).extra_buffers is (
        ExtraBuffers.OFF
    )
    with pytest.raises(SettingsError, match="INTERVIEWER_EXTRA_BUFFERS='yes' is not one of auto, on, off"):
        Settings.from_env({"INTERVIEWER_HOME": "/h", "INTERVIEWER_EXTRA_BUFFERS": "yes"})


def test_loading_without_extra_buffers_changes_the_model_parameters_only_inside_the_block() -> None:
    import llama_cpp.llama as llama_module

    from interviewer.llm.llama import extra_buffer_types

    library = llama_module.llama_cpp  # what Llama.__init__ reads its model parameters from
    assert library.llama_model_default_params().use_extra_bufts is True
    with extra_buffer_types(False):
        assert library.llama_model_default_params().use_extra_bufts is False
    assert library.llama_model_default_params().use_extra_bufts is True
    with extra_buffer_types(True):
        assert library.llama_model_default_params().use_extra_bufts is True
