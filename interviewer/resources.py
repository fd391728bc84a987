"""Files the package ships: prompt templates, question frames and rubrics (the repository's top-level prompts/,
installed as interviewer.prompts). A prompt declares its variables, and a missing one is an error that names it."""

from __future__ import annotations

import importlib.resources
from pathlib import Path
from typing import Any

from langchain_core.prompts import PromptTemplate

from interviewer.errors import BadInputError

__all__ = ["default_prompts_dir", "load_prompt", "render"]


def default_prompts_dir() -> Path:
    """The folder of prompt, question-frame and rubric files, wherever the package is installed."""
    return Path(str(importlib.resources.files("interviewer.prompts")))


def load_prompt(name: str, prompts_dir: Path | None = None) -> PromptTemplate:
    """The template in prompts/NAME.txt (f-string syntax: {variable}, literal braces doubled)."""
    path = (prompts_dir or default_prompts_dir()) / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BadInputError(f"{path}: prompt file missing or unreadable ({exc.strerror})") from None
    return PromptTemplate.from_template(text)


def render(template: PromptTemplate, **values: Any) -> str:
    """Fill a template; a variable it declares but was not given is an error that names it."""
    missing = sorted(set(template.input_variables) - set(values))
    if missing:
        raise BadInputError(f"prompt needs {', '.join(missing)}; the caller did not provide it")
    return template.format(**{key: values[key] for key in template.input_variables})
