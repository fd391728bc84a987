"""Honest scoring: evidence from the user's notes carries the score; an LLM judge only adds what it has proven."""
