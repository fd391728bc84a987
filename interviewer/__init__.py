"""interviewer: a local mock interviewer that asks from your own notes and scores honestly."""

__version__ = "0.1.0"
