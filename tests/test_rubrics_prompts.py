"""Rubric and prompt files: every rubric is well formed; every prompt variable is provided by its caller."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from interviewer.errors import BadInputError
from interviewer.interview.phrasing import QuestionPhraser
from interviewer.llm.fake import RecordingChatModel
from interviewer.resources import default_prompts_dir, load_prompt, render
from interviewer.scoring.judge import Judge
from interviewer.scoring.rubric import SIGNALS, load_rubric, load_rubrics
from interviewer.storage.embeddings import FakeEmbedder
from tests.conftest import ROOT


def prompts_loaded_in_code() -> set[str]:
    """The prompt names the package's code loads: every `load_prompt("name")` call, found by reading the code."""
    names = set()
    for path in (ROOT / "interviewer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = getattr(node.func, "id", getattr(node.func, "attr", "")) if isinstance(node, ast.Call) else ""
            first = node.args[0] if called == "load_prompt" and node.args else None  # type: ignore[attr-defined]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
    return names


PROMPT_FILES = sorted(path.stem for path in default_prompts_dir().glob("*.txt"))


def test_every_rubric_loads_and_covers_levels_and_stages() -> None:
    rubrics = load_rubrics()
    expected = {f"deep-dive-{level}" for level in range(1, 6)} | {
        f"case-{stage}" for stage in ("clarify", "frame", "data", "method", "evaluation", "experiment", "deployment")
    }
    assert set(rubrics) == expected
    for rubric in rubrics.values():
        assert abs(sum(c.weight for c in rubric.criteria) - 1) < 1e-9
        assert {c.name for c in rubric.criteria} <= set(SIGNALS)
        assert all(len(c.descriptors) >= 2 for c in rubric.criteria)


def test_a_broken_rubric_names_the_file_and_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('kind = "deep-dive"\nlevel = 9\n[[criteria]]\nname = "vibes"\nweight = 2\n', encoding="utf-8")
    with pytest.raises(BadInputError) as error:
        load_rubric(bad)
    message = str(error.value)
    assert message.startswith(str(bad))
    for fragment in ("level must be 1..5", "name must be one of", "weight must be a number", "descriptors"):
        assert fragment in message


def test_the_real_callers_fill_every_variable_of_their_prompts() -> None:
    """The judge and both phrasing families render their prompts through `render`, which fails on a variable it
    was not given; the rendered text keeps no placeholder."""
    model = RecordingChatModel(default_reply='{"score": 4, "reason": "ok"}')
    assert Judge(model).grade("Why L1?", ["L1 sets weights to zero."], "It zeroes weights.") == 0.75
    prompts = [str(message.content) for message in model.history[-1]]

    class InstructModel(RecordingChatModel):
        prompt_family: str = "chat"

    for chat_model in (RecordingChatModel(), InstructModel()):
        phraser = QuestionPhraser(chat_model, FakeEmbedder())
        messages = phraser.messages("L1 sets weights to zero.", 2, "Why does L1 zero weights?")
        prompts += [str(message.content) for message in messages]
    assert len(prompts) == 4
    assert not any(re.search(r"\{[a-z_]+\}", prompt) for prompt in prompts)


@pytest.mark.parametrize("name", [name for name in PROMPT_FILES if load_prompt(name).input_variables])
def test_fixed_text_comes_first_so_llama_cpp_can_reuse_it(name: str) -> None:
    # llama.cpp keeps the longest common prefix of consecutive prompts in its cache: instructions and examples
    # go first, and what changes every turn (retrieved notes, questions, answers) after them.
    template = load_prompt(name)
    values = {turn: {v: f"<{v} on turn {turn}>" for v in template.input_variables} for turn in (1, 2)}
    first, second = (render(template, **values[turn]) for turn in (1, 2))
    shared = next(index for index, (a, b) in enumerate(zip(first, second, strict=False)) if a != b)
    fixed_after_first_change = len(first) - shared - sum(len(value) for value in values[1].values())
    assert fixed_after_first_change <= 100 and shared >= 3 * fixed_after_first_change


def test_every_prompt_file_is_loaded_by_the_code_and_every_loaded_prompt_exists() -> None:
    assert set(PROMPT_FILES) == prompts_loaded_in_code()


def test_a_missing_variable_is_an_error_that_names_it() -> None:
    with pytest.raises(BadInputError, match="prompt needs answer"):
        render(load_prompt("judge"), question="q", reference="r")
