"""MathJax and LaTeX as found in decks and notes, rendered as text a person would say."""

from __future__ import annotations

import pytest

from interviewer.ingest.mathtext import latex_to_text, render_math


@pytest.mark.parametrize(
    ("raw", "rendered"),
    [
        (
            "[$$]\\text{Accuracy} = \\frac{\\text{Correct Predictions}}{\\text{Total Predictions}}[/$$]",
            "Accuracy = Correct Predictions / Total Predictions",
        ),
        ("Precision is \\(\\frac{TP}{TP + FP}\\).", "Precision is TP / (TP + FP)."),
        ("\\[\\sigma(z) = \\frac{1}{1 + e^{-z}}\\]", "σ(z) = 1 / (1 + e^-z)"),
        ("[$]p \\leq \\alpha[/$] means reject", "p ≤ α means reject"),
        ("[latex]\\lambda \\|w\\|_1[/latex] gives sparsity", "λ ‖w‖_1 gives sparsity"),
        ("Update: [latex]$F_m(x) = F_{m-1}(x) + \\eta \\, h_m(x)$[/latex]", "Update: F_m(x) = F_(m-1)(x) + η h_m(x)"),
        ("$$\\hat{y} = \\beta_0 + \\beta_1 x$$", "ŷ = β_0 + β_1 x"),
        ("The SE is $\\sigma / \\sqrt{n}$ here", "The SE is σ / sqrt(n) here"),
        ("\\(\\mathbb{E}[X] = \\mu\\)", "E[X] = μ"),
        ("\\(x_{i}^{2}\\) and \\(e^{x_i}\\)", "x_i^2 and e^(x_i)"),
        ("\\(L = -\\frac{1}{n}\\sum_{i=1}^{n} \\log(p_i)\\)", "L = - 1 / n Σ_(i=1)^n log(p_i)"),
        ("\\(\\text{Var}(\\bar{X}) = \\frac{\\sigma^2}{n}\\)", "Var(X̄) = σ^2 / n"),
        (
            "\\(f(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}\\)",
            "f(x) = 1 x > 0; 0 otherwise",
        ),
    ],
)
def test_render_math(raw: str, rendered: str) -> None:
    assert render_math(raw) == rendered


@pytest.mark.parametrize(
    "text",
    [
        "The plan costs $5 per user and $10 per team.",
        "Revenue grew from $1.2M to $3M.",
        "Use \\n in a Python string; C:\\path stays.",
        "No math at all.",
    ],
)
def test_text_that_is_not_math_is_unchanged(text: str) -> None:
    assert render_math(text) == text


def test_unknown_commands_keep_their_name_and_deep_nesting_is_bounded() -> None:
    assert latex_to_text("\\KL(p \\| q)") == "KL(p ‖ q)"
    assert latex_to_text("\\frac{" * 500 + "x") != ""
