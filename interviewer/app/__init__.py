"""The application layer: the composition root (`App`) and the use cases the CLI and the web app share."""

from interviewer.app.container import App

__all__ = ["App"]
