"""The pure core: interview domain values, the difficulty policy and the session state machine.

Nothing here touches the model, the disk or the UI; clock and randomness come in as arguments."""
