"""Notes ingestion: parse files into sections, chunk them, and index the chunks in the store."""
