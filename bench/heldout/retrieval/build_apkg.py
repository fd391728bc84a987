"""Builds trees_boosting_metrics.apkg (legacy Anki package) with genanki.

Usage: /work/heldout/.venv/bin/python build_apkg.py
Draws roc.png (a tiny placeholder picture) in a temp dir and bundles it.
"""
import os, struct, tempfile, zlib
import genanki

HERE = os.path.dirname(os.path.abspath(__file__))

def tiny_png(path, w=64, h=64):
    # white square with a diagonal and a concave "ROC curve" drawn in black
    rows = []
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            yy = h - 1 - y
            curve = int((h - 1) * (1 - (1 - x / (w - 1)) ** 3))
            dark = (x == yy) or abs(yy - curve) <= 0
            row += bytes([0, 0, 0] if dark else [255, 255, 255])
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)

BASIC = genanki.Model(
    1607392319, "Basic (interview)",
    fields=[{"name": "Front"}, {"name": "Back"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}])
CLOZE = genanki.Model(
    1091735104, "Cloze (interview)",
    fields=[{"name": "Text"}, {"name": "Extra"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}",
                "afmt": "{{cloze:Text}}<br>{{Extra}}"}],
    model_type=genanki.Model.CLOZE)

ROOT = "ML Prep"
decks = {}
def deck(name, did):
    decks[name] = genanki.Deck(did, name)
    return decks[name]

d_root = deck(ROOT, 2059400110)
d_trees = deck(ROOT + "::Trees", 2059400111)
d_boost = deck(ROOT + "::Ensembles::Boosting", 2059400112)
d_bag = deck(ROOT + "::Ensembles::Bagging", 2059400113)
d_metrics = deck(ROOT + "::Metrics::Classification", 2059400114)

def basic(d, front, back, tags):
    d.add_note(genanki.Note(model=BASIC, fields=[front, back], tags=tags))
def cloze(d, text, extra, tags):
    d.add_note(genanki.Note(model=CLOZE, fields=[text, extra], tags=tags))

# --- intro and licence cards
basic(d_root, "<b>Read me first</b>",
"""<div>Deck for tree models, ensembles and classification
metrics. Built from my own notes while revising for ML
engineer interviews.</div>
<div>Sub-decks go from basics (Trees) to Ensembles and
Metrics. Some cards have a picture or a short audio clip.</div>""",
["meta", "intro"])
basic(d_root, "Licence and how to study",
"""<div>Licence: CC BY 4.0 &ndash; reuse freely with
credit.</div>
<div>Study tip: answer aloud before flipping; if you
hesitate, press Hard. Math is written with the old
LaTeX tags, so it needs LaTeX installed to render.</div>""",
["meta", "licence"])

# --- Trees
basic(d_trees, "Gini impurity vs entropy as a split criterion?",
"""Gini: [$]1 - \\sum_k p_k^2[/$]<br>
Entropy: [$]-\\sum_k p_k \\log_2 p_k[/$]<br>
In practice they pick nearly the same splits; Gini is a
bit cheaper because it needs no logarithm.""",
["trees", "splits"])
basic(d_trees, "How does a regression tree choose a split?",
"""For every feature and threshold it computes the drop in
squared error (variance reduction) of the two children
and keeps the best one. Leaf prediction = mean of the
targets in the leaf.""",
["trees", "regression"])
cloze(d_trees,
"""A fully grown decision tree has {{c1::low bias}} and
{{c2::high variance::bias or variance?}}; we control it with
{{c3::max_depth, min_samples_leaf or cost-complexity pruning}}.""",
"Pruning in sklearn: <code>ccp_alpha</code>", ["trees", "cloze", "bias-variance"])
basic(d_trees, "Do trees need feature scaling?",
"""No. Splits only depend on the order of the values of a
feature, so any monotonic transform (log, standardizing)
leaves the tree unchanged.""", ["trees", "preprocessing"])

# --- Bagging
basic(d_bag, "Bagging vs boosting in one sentence each?",
"""<b>Bagging</b>: train many deep trees in parallel on bootstrap
samples and average them &rarr; mainly reduces <i>variance</i>.<br>
<b>Boosting</b>: train shallow trees one after another, each
fixing the errors of the ensemble so far &rarr; mainly reduces
<i>bias</i>.""", ["ensembles", "bagging", "boosting"])
basic(d_bag, "What extra randomness does a random forest add on top of bagging?",
"""At every split only a random subset of features is
considered (max_features, e.g. [$]\\sqrt{p}[/$] for
classification). This decorrelates the trees, and averaging
decorrelated trees cuts variance much more.""",
["ensembles", "random-forest"])
cloze(d_bag,
"""Each bootstrap sample leaves out about {{c1::37%}} of the rows,
because [$$]\\left(1 - \\tfrac{1}{n}\\right)^n \\to e^{-1}[/$$]
These rows give a free validation estimate called the
{{c2::out-of-bag (OOB) error}}.""",
"", ["ensembles", "cloze"])
basic(d_bag, "Pitfall of impurity-based feature importance in random forests?",
"""It is biased toward high-cardinality features (IDs,
continuous values with many split points) and is computed on
training data. Prefer permutation importance on a held-out
set, and beware that correlated features share importance.""",
["ensembles", "interpretability", "pitfalls"])

# --- Boosting
basic(d_boost, "What does each new tree fit in gradient boosting?",
"""The negative gradient of the loss with respect to the
current predictions (pseudo-residuals). For squared error
these are just the ordinary residuals [$]y - F_{m-1}(x)[/$].<br>
Update: [latex]$F_m(x) = F_{m-1}(x) + \\eta \\, h_m(x)$[/latex]""",
["boosting", "gbm"])
cloze(d_boost,
"""Smaller learning rate (shrinkage) needs {{c1::more trees}}
but usually {{c2::generalizes better}}; tune
{{c3::n_estimators}} with early stopping on a validation set.""",
"Typical: eta 0.05&ndash;0.1, early stopping rounds 50.",
["boosting", "cloze", "tuning"])
basic(d_boost, "XGBoost vs LightGBM: how do they grow trees?",
"""XGBoost (default) grows level-wise: split every node of a
depth before going deeper.<br>
LightGBM grows leaf-wise: always split the leaf with the
largest loss reduction, which converges faster but can overfit
small data &ndash; limit num_leaves / min_data_in_leaf.<br>
Both use histogram binning of features for speed.""",
["boosting", "xgboost", "lightgbm"])
basic(d_boost, "How does XGBoost handle missing values?",
"""It learns a default direction for each split: during
training, rows with a missing value are tried in the left and
in the right child and sent where the gain is larger. No
imputation needed.""", ["boosting", "xgboost", "missing-values"])
basic(d_boost, "XGBoost objective with regularization",
"""[$$]\\mathcal{L} = \\sum_i l(y_i, \\hat{y}_i) + \\sum_k \\Omega(f_k),
\\quad \\Omega(f) = \\gamma T + \\tfrac{1}{2}\\lambda \\lVert w \\rVert^2[/$$]
T = number of leaves, w = leaf weights. gamma is the minimum
gain a split must bring to be kept.""", ["boosting", "xgboost", "math"])

# --- Metrics
basic(d_metrics, "What does ROC AUC measure?",
"""<img src="roc.png"><br>
Area under TPR vs FPR over all thresholds. Equals the
probability that a random positive gets a higher score than a
random negative. 0.5 = random ranking, 1.0 = perfect.""",
["metrics", "roc"])
basic(d_metrics, "ROC AUC or PR AUC with 0.1% positives (fraud)?",
"""PR AUC (average precision). With huge numbers of negatives
the FPR stays tiny even when there are many false positives,
so ROC AUC looks great while precision is terrible. The
baseline of PR AUC is the positive rate, not 0.5.""",
["metrics", "imbalance"])
cloze(d_metrics,
"""Precision = [$]\\frac{TP}{TP+FP}[/$] answers {{c1::of everything I flagged, how much was right}};<br>
recall = [$]\\frac{TP}{TP+FN}[/$] answers {{c2::of all the real positives, how many I caught}}.""",
"[sound:x.mp3]", ["metrics", "cloze"])
basic(d_metrics, "Worked example: 100 flagged, 80 correct, 200 real positives in total",
"""Precision = 80/100 = 0.8<br>
Recall = 80/200 = 0.4<br>
F1 = [$]2PR/(P+R)[/$] = 0.64/1.2 &asymp; 0.53 &ndash; the harmonic mean is
pulled toward the weaker of the two.""", ["metrics", "numbers"])
basic(d_metrics, "What is log loss and why does it punish confident mistakes?",
"""[$$]-\\frac{1}{N}\\sum_i \\big[y_i \\log p_i + (1-y_i)\\log(1-p_i)\\big][/$$]
A positive predicted with p = 0.01 costs -log(0.01) &asymp; 4.6,
while p = 0.4 costs only about 0.9; the cost goes to infinity as
p goes to 0.""", ["metrics", "log-loss"])

if __name__ == "__main__":
    png = os.path.join(tempfile.mkdtemp(), "roc.png")
    tiny_png(png)
    pkg = genanki.Package(list(decks.values()))
    pkg.media_files = [png]   # x.mp3 is referenced but was never added (as in many shared decks)
    out = os.path.join(HERE, "trees_boosting_metrics.apkg")
    pkg.write_to_file(out)
    print("wrote", out, sum(len(d.notes) for d in decks.values()), "notes")
