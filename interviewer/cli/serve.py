"""`interviewer serve`: the web app."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from interviewer.app import App

__all__ = ["add_serve_command"]


def cmd_serve(app: App, args: argparse.Namespace, out: TextIO) -> int:
    from interviewer.ui.serve import launch

    demo = launch(app, args.host, args.port, share=args.share)
    out.write(f"interviewer: serving on {demo.local_url} (Ctrl-C stops the server)\n")
    out.flush()
    demo.block_thread()
    return 0


def add_serve_command(commands: Any) -> None:
    """Register `serve` on the CLI's subparsers."""
    serve = commands.add_parser("serve", help="the web app (binds to 127.0.0.1 unless told otherwise)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=7860)
    serve.add_argument("--share", action="store_true", help="ask Gradio for a public link (off unless you ask)")
    serve.set_defaults(handler=cmd_serve)
