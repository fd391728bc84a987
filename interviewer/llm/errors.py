"""Errors of the model adapters that the rest of the app reacts to (without importing an HTTP client)."""

from __future__ import annotations

from interviewer.errors import InterviewerError

__all__ = ["ModelServerError", "ModelUnavailableError"]


class ModelServerError(InterviewerError):
    """The model server answered, but not with something we can use (refused, malformed, cut short)."""


class ModelUnavailableError(ModelServerError):
    """The model server cannot be reached (down, restarting, wrong address) even after retries."""
