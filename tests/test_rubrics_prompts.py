"""Rubric and prompt files: every rubric is well formed; every prompt variable is provided by its caller."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.errors import BadInputError
from interviewer.resources import default_prompts_dir, load_prompt, render
from interviewer.scoring.rubric import SIGNALS, load_rubric, load_rubrics

# Each prompt file and the variables its caller passes (checked against the file's declared variables).
PROMPT_CALLERS = {
    "judge": {"question", "reference", "answer"},
    "phrase_question": {"note", "level_name"},
    "phrase_question_system": set(),
    "phrase_question_user": {"note", "level_name", "plain_question"},
}


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


@pytest.mark.parametrize("name", sorted(PROMPT_CALLERS))
def test_prompt_variables_are_exactly_what_the_caller_provides(name: str) -> None:
    template = load_prompt(name)
    assert set(template.input_variables) == PROMPT_CALLERS[name]


@pytest.mark.parametrize("name", sorted(name for name, variables in PROMPT_CALLERS.items() if variables))
def test_fixed_text_comes_first_so_llama_cpp_can_reuse_it(name: str) -> None:
    # llama.cpp keeps the longest common prefix of consecutive prompts in its cache: instructions and examples
    # go first, and what changes every turn (retrieved notes, questions, answers) after them.
    template = load_prompt(name)
    values = {turn: {v: f"<{v} on turn {turn}>" for v in template.input_variables} for turn in (1, 2)}
    first, second = (render(template, **values[turn]) for turn in (1, 2))
    shared = next(index for index, (a, b) in enumerate(zip(first, second, strict=False)) if a != b)
    fixed_after_first_change = len(first) - shared - sum(len(value) for value in values[1].values())
    assert fixed_after_first_change <= 100 and shared >= 3 * fixed_after_first_change


def test_every_prompt_file_has_a_known_caller() -> None:
    files = {path.stem for path in default_prompts_dir().glob("*.txt")}
    assert files == set(PROMPT_CALLERS)


def test_a_missing_variable_is_an_error_that_names_it() -> None:
    with pytest.raises(BadInputError, match="prompt needs answer"):
        render(load_prompt("judge"), question="q", reference="r")
