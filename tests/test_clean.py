"""The cleaning pass, one concern per table: each row is a realistic piece of a note and what must be left."""

from __future__ import annotations

import time

import pytest

from interviewer.ingest.clean import (
    clean_inline,
    clean_text,
    drop_emoji,
    drop_emphasis_markers,
    drop_link_lists,
    drop_media,
    html_to_text,
    rejoin_wrapped_lines,
)


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ('Residuals vs fitted. <img src="img/residuals.png" width="400"/>', "Residuals vs fitted. "),
        ("Bias and variance ![tradeoff](images/bv.png) trade off.", "Bias and variance  trade off."),
        ("Sigmoid curve[sound:sigmoid.mp3]", "Sigmoid curve"),
        ('<IMG SRC="paste-1a2b.jpg">The ROC curve', "The ROC curve"),
        ("A [link](https://example.org) stays for the link step.",) * 2,
    ],
)
def test_drop_media(raw: str, cleaned: str) -> None:
    assert drop_media(raw) == cleaned


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("Regression is supervised.<br/>It predicts numbers.", "Regression is supervised.\nIt predicts numbers."),
        (
            "<div>Precision = TP / (TP + FP)</div><div>Recall = TP / (TP + FN)</div>",
            "\nPrecision = TP / (TP + FP)\n\nRecall = TP / (TP + FN)\n",
        ),
        ("p &lt; 0.05 &amp;&amp; n&nbsp;&gt;&nbsp;30", "p < 0.05 && n > 30"),
        ("<b>L1</b> (<i>lasso</i>) gives sparse weights", "L1 (lasso) gives sparse weights"),
        ("x<sup>2</sup> + y<sub>i</sub>", "x^2 + y_i"),
        ("the model is good if a < b and c > d", "the model is good if a < b and c > d"),
        ("<!-- a comment -->Kept text", "Kept text"),
        ("<details><summary>Why?</summary>Because.</details>", "\n\nWhy?\nBecause.\n"),
    ],
)
def test_html_to_text(raw: str, cleaned: str) -> None:
    assert html_to_text(raw) == cleaned


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("What is regression? 👶", "What is regression?"),
        ("Why does L1 give sparse solutions? ⭐️", "Why does L1 give sparse solutions?"),
        ("🚀 Gradient boosting 🔥 in practice", " Gradient boosting in practice"),
        ("Keep symbols: α ≤ 0.05, x → ∞, σ² and ✓ goes", "Keep symbols: α ≤ 0.05, x → ∞, σ² and goes"),
        ("Flags 🇫🇷 and skin tones 👍🏽 and joiners 👩‍💻 go", "Flags and skin tones and joiners go"),
        ("plain ascii stays", "plain ascii stays"),
    ],
)
def test_drop_emoji(raw: str, cleaned: str) -> None:
    assert drop_emoji(raw) == cleaned


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        (
            "**Table of contents**\n\n* [Supervised learning](#supervised-learning)\n"
            "* [Text classification](#text-classification)\n  * [Metrics](#metrics)\n\nFirst real line.",
            "\n\nFirst real line.",
        ),
        ("## Contents\n1. [Intro](#intro)\n2. [Trees](#trees)\nBody.", "Body."),
        ("- [Paper](https://arxiv.org/abs/1234) 🔗\n- https://example.org/blog", ""),
        ("See [the docs](https://scikit-learn.org/stable/) for details.", "See the docs for details."),
        ("Wikipedia: <https://en.wikipedia.org/wiki/Lasso_(statistics)>", "Wikipedia: "),
        ("[1]: https://example.org/ref\nBody.", "Body."),
        ("- Bagging reduces variance ([source](https://x.org))", "- Bagging reduces variance (source)"),
    ],
)
def test_drop_link_lists(raw: str, cleaned: str) -> None:
    assert drop_link_lists(raw) == cleaned


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("**What is bagging?**", "What is bagging?"),
        ("**What is bagging? **", "What is bagging?"),
        ("__Note__: x*y and a_b_c stay", "Note: x*y and a_b_c stay"),
        ("an unclosed ** stays", "an unclosed ** stays"),
    ],
)
def test_drop_emphasis_markers(raw: str, cleaned: str) -> None:
    assert drop_emphasis_markers(raw) == cleaned


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        (
            "Given a classification problem with N possible solutions, a one-vs.-all\n"
            "solution consists of N separate binary classifiers.",
            "Given a classification problem with N possible solutions, a one-vs.-all "
            "solution consists of N separate binary classifiers.",
        ),
        (
            "In binary classification, accuracy has\nthe following definition:",
            "In binary classification, accuracy has the following definition:",
        ),
        ("constant error variance\n(homoscedasticity) matters", "constant error variance (homoscedasticity) matters"),
        ("Precision = TP / (TP + FP)\nRecall = TP / (TP + FN)", "Precision = TP / (TP + FP)\nRecall = TP / (TP + FN)"),
        ("Type I: reject a true H0.\nType II: keep a false H0.",) * 2,
        ("Two kinds:\n- bias\n- variance", "Two kinds:\n- bias\n- variance"),
        ("Ends the paragraph.\n\nnext paragraph", "Ends the paragraph.\n\nnext paragraph"),
        ("| a | b |\n| c | d |", "| a | b |\n| c | d |"),
        ("Q: What is AUC?\nA: the probability that", "Q: What is AUC?\nA: the probability that"),
        ("It depends on the\nLearning rate and the depth.", "It depends on the Learning rate and the depth."),
        (
            "The head of revenue said it made £95k in its first\n60 days and wants it in every tier.",
            "The head of revenue said it made £95k in its first 60 days and wants it in every tier.",
        ),
        (
            "Things to remember about the sample size before\n3 Pitfalls",
            "Things to remember about the sample size before\n3 Pitfalls",
        ),
    ],
)
def test_rejoin_wrapped_lines(raw: str, cleaned: str) -> None:
    assert rejoin_wrapped_lines(raw) == cleaned


def test_clean_text_runs_every_step_and_leaves_code_alone() -> None:
    raw = (
        "**Table of contents**\n\n* [Metrics](#metrics)\n\n"
        "**What is accuracy? 👶**\n\n"
        "[$$]\\text{Accuracy} = \\frac{\\text{Correct Predictions}}{\\text{Total Predictions}}[/$$] <br/>\n"
        '<img src="acc.png"/>\n'
        "In binary classification, accuracy has\nthe form \\(\\frac{TP + TN}{N}\\) &amp; more.\n\n"
        '```python\nhtml = "<br/>"  # $not math$ 👶\n```\n'
    )
    assert clean_text(raw) == (
        "What is accuracy?\n\n"
        "Accuracy = Correct Predictions / Total Predictions\n\n"
        "In binary classification, accuracy has the form (TP + TN) / N & more.\n\n"
        '```python\nhtml = "<br/>"  # $not math$ 👶\n```'
    )


def test_clean_inline_gives_one_line() -> None:
    assert clean_inline("**Gradient boosting** 🚀<br>in <i>practice</i>") == "Gradient boosting in practice"


@pytest.mark.parametrize(
    "hostile",
    ["**a " * 20_000, "<a " * 20_000, "<!--" * 20_000, "[x](" * 20_000, "a\n" * 20_000, "\\(" * 20_000],
)
def test_cleaning_is_fast_on_hostile_text(hostile: str) -> None:
    start = time.process_time()
    clean_text(hostile)
    assert time.process_time() - start < 2.0


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        (
            "The interpretation is problematic [Manuca, Radu & Savit, Robert. (1996). Stationarity and nonstationarity "
            "in time series analysis. Physica D: Nonlinear Phenomena. 99. 134-161. 10.1016/S0167-2789(96)00139-X. ].",
            "The interpretation is problematic.",
        ),
        ("Bagging reduces variance[3] and bias stays.", "Bagging reduces variance and bias stays."),
        ("Use [ridge (L2)] here.", "Use [ridge (L2)] here."),  # a bracket without a year is the note's own text
        ("As in [Smith (2010)](http://x.org/p).", "As in Smith (2010)."),  # a link keeps its words
    ],
)
def test_literature_references_are_sources_not_statements(text: str, cleaned: str) -> None:
    assert clean_text(text) == cleaned
