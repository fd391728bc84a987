"""A small note and answers to one question about it, shared by the scoring and hostile-input tests."""

NOTE = """# Bagging and boosting

## Bagging
- Bagging trains many trees in parallel on bootstrap samples and averages their predictions.
- Averaging many high-variance trees lowers variance while bias stays about the same.
- Random forests add feature subsampling at each split to decorrelate the trees.

## Boosting
- Boosting trains shallow trees sequentially, each one fitting the residual errors of the ensemble so far.
- Boosting mainly lowers bias, and it can overfit if you add too many rounds.
- A small learning rate with more rounds usually generalises better; use early stopping on a validation set.
"""
QUESTION = "How do bagging and boosting differ, and what does each one reduce?"
STRONG = (
    "Bagging trains many deep trees in parallel on bootstrap samples and averages them, so it mainly lowers "
    "variance while bias stays about the same; random forests also subsample features to decorrelate the trees. "
    "Boosting instead trains shallow trees sequentially, each fitting the residual errors so far, so it mainly "
    "lowers bias, but it can overfit with too many rounds, which is why we use a small learning rate "
    "and early stopping."
)
PARTIAL = "Bagging averages trees trained in parallel on bootstrap samples, which lowers the variance."
WRONG = (
    "Bagging trains shallow trees sequentially, each fitting the residual errors so far, so it mainly lowers bias. "
    "Boosting trains many trees in parallel on bootstrap samples and averages them, which lowers variance."
)
OFF_TOPIC = "A LEFT JOIN keeps every row from the left table and fills unmatched columns with NULL values."
