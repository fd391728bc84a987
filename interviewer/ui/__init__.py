"""The web app: plain handler functions (handlers, notes, cards) and a thin Gradio layout over them."""

import os

# Gradio reports usage to its servers unless told not to; nothing may leave this machine.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
