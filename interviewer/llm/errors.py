"""Errors of the model adapters that the rest of the app reacts to (without importing an HTTP client or llama.cpp)."""

from __future__ import annotations

from interviewer.errors import InterviewerError

__all__ = ["ModelCrashedError", "ModelServerError", "ModelUnavailableError"]


class ModelServerError(InterviewerError):
    """The model server answered, but not with something we can use (refused, malformed, cut short)."""


class ModelUnavailableError(ModelServerError):
    """The model server cannot be reached (down, restarting, wrong address) even after retries."""


class ModelCrashedError(ModelUnavailableError):
    """The local model's process stopped (a native crash, a kill); it starts again on the next call."""
