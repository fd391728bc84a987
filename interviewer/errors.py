"""Errors the user can act on: each carries a one-line message naming the file or field and the fix."""

from __future__ import annotations

__all__ = [
    "BadInputError",
    "InterviewerError",
    "ModelNotFoundError",
    "SettingsError",
    "StoreError",
]


class InterviewerError(Exception):
    """Base class: the message is shown to the user as one line, and the CLI exits with code 2."""


class SettingsError(InterviewerError):
    """A setting (environment variable or flag) has a value we cannot use."""


class ModelNotFoundError(InterviewerError):
    """The GGUF model file is missing or unreadable."""


class BadInputError(InterviewerError):
    """A file or argument the user gave cannot be used."""


class StoreError(InterviewerError):
    """The vector store cannot be opened or reached."""
