"""Prompt, question-frame and rubric files. They live at the repository's top level (prompts/) and ship inside
the package as interviewer.prompts; code finds them with `interviewer.resources.prompts_dir()`."""
