"""Chat model adapters: llama.cpp on a local GGUF file, or an OpenAI-compatible server."""

__all__: list[str] = []
