"""Errors the user can act on: each carries a one-line message naming the file or field and the fix."""

from __future__ import annotations

__all__ = [
    "BadInputError",
    "InterviewerError",
    "ModelNotFoundError",
    "SaveError",
    "SettingsError",
    "StoreError",
    "UploadError",
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


class UploadError(BadInputError):
    """An uploaded file cannot be taken: too large, not a file, or no room to store it."""


class SaveError(InterviewerError):
    """Something the user wrote (an answer, a session) could not be saved; nothing saved before it was lost.

    `unsaved` holds the text that was not saved, so a caller can keep it on screen for another try."""

    def __init__(self, message: str, unsaved: str | None = None) -> None:
        super().__init__(message)
        self.unsaved = unsaved
