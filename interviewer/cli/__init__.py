"""The command line: `interviewer ...` (each command translates arguments into the application's use cases)."""

from interviewer.cli.main import main

__all__ = ["main"]
