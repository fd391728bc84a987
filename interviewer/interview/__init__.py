"""The interview engine: turns plans from the core into grounded questions, scores answers, saves turns."""
