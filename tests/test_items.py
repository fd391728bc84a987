"""Interview items from note chunks: each shape of note gives the items a human interviewer would draw from it.

The notes below are written for these tests, in the shapes ingest gives chunks (an Anki card is 'Q: front\\nA: back'
under a heading that is its front; a Markdown section keeps its heading path)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from interviewer.core.chunks import Chunk, chunk_id
from interviewer.interview.asking import load_frames, question_for
from interviewer.interview.card_items import qa_items, statements_of
from interviewer.interview.item import ItemSource
from interviewer.interview.items import ITEM_KINDS, Item, build_items, qa_of
from interviewer.interview.statements import balanced


def chunk(text: str, heading: str = "Shrinkage > Notes", kind: str = "note", stage: str = "") -> Chunk:
    topic = heading.split(" > ")[0]
    return Chunk(
        f"id-{abs(hash((text, heading))) % 10**8}", text, "notes/shrinkage.md", heading, topic, 0, "h", kind, stage
    )


def only(items: list[Item], kind: str) -> Item:
    matching = [item for item in items if item.kind == kind]
    assert len(matching) == 1, [(i.kind, i.question) for i in items]
    return matching[0]


# (text, heading, kind, concept, other or condition fragment, a point fragment)
PROSE = [
    (
        "- Ridge keeps every coefficient non-zero, whereas lasso sets some of them exactly to zero.",
        "Shrinkage > Comparison", "contrast", "Ridge", "lasso", "exactly to zero",
    ),
    (
        "- Random forests average many deep trees vs gradient boosting which adds shallow trees in sequence.",
        "Ensembles > Overview", "contrast", "Random forests", "gradient boosting", "average many deep trees",
    ),
    (
        "- Bagging lowers variance; boosting lowers bias.",
        "Ensembles > Overview", "contrast", "Bagging", "boosting", "lowers variance",
    ),
    (
        "- Lasso has no closed-form solution because the absolute value is not differentiable at zero.",
        "Shrinkage > Mechanics", "mechanism", "Lasso", "Lasso has no closed-form solution", "not differentiable",
    ),
    (
        "- The L1 ball has corners on the axes, so the optimum often lands where a coefficient is zero.",
        "Shrinkage > Mechanics", "mechanism", "L1 ball", "optimum often lands", "corners on the axes",
    ),
    (
        "- A population stability index above 0.25 is a common alarm level for feature drift.",
        "Monitoring > Drift", "rule", "population stability index", "0.25", "above 0.25",
    ),
    (
        "- Standardise the features first; otherwise the penalty punishes small-unit features harder.",
        "Shrinkage > Pitfalls", "pitfall", "features", "", "small-unit features",
    ),
    (
        "- Choosing the penalty strength on the test set leaks information into the estimate of error.",
        "Shrinkage > Practice", "pitfall", "Choosing the penalty strength on the test set", "", "leaks information",
    ),
    (
        "- Elastic net is a penalty that mixes the absolute and squared penalties with a weight alpha.",
        "Shrinkage > Definition", "definition", "Elastic net", "", "mixes the absolute",
    ),
    (
        "- Weight decay: the name neural-network libraries give to the squared penalty.",
        "Shrinkage > Vocabulary", "definition", "Weight decay", "", "neural-network libraries",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "heading", "kind", "concept", "other", "point"), PROSE)
def test_prose_statements_give_items_of_their_kind(
    text: str, heading: str, kind: str, concept: str, other: str, point: str
) -> None:
    item = only(build_items(chunk(text, heading)), kind)
    assert item.concept.lower() == concept.lower()
    assert other.lower() in f"{item.other} {item.detail}".lower()
    assert any(point in p for p in item.points)
    # The concept is the note's own term, never a section or note title pasted in.
    assert item.concept not in heading.split(" > ")
    assert item.kind in ITEM_KINDS and item.levels


def test_numbered_steps_give_one_procedure_whose_points_are_the_steps() -> None:
    text = (
        "1. Sort the rows by event time.\n2. Split off the last four weeks as the validation window.\n"
        "3. Fit on the earlier weeks and score the validation window.\n4. Refit on all weeks before deploying.\n"
    )
    item = only(build_items(chunk(text, "Forecasting > Backtesting")), "procedure")
    assert item.levels == (3,)
    assert item.points[0].startswith("Split off the last four weeks")  # the first step is given, the rest asked
    assert "sort the rows by event time" in item.question.lower()


def test_use_when_bullets_give_one_trade_off_with_the_notes_own_constraint() -> None:
    text = (
        "- Use ridge when many weak features each carry a little signal.\n"
        "- Use lasso when only a handful of features matter and you want a sparse model.\n"
        "- Use elastic net when features are correlated and you still want sparsity.\n"
    )
    item = only(build_items(chunk(text, "Shrinkage > Choosing")), "trade-off")
    assert item.other == "ridge, lasso or elastic net"
    # The constraint asked about is the most specific one the notes give (a compound condition, the longest).
    assert item.detail == "only a handful of features matter and you want a sparse model"
    # Applying the notes' own rule to the condition they name is level 3: the condition hands over the answer ("Suppose
    # the norm actually means something: dot product or cosine?", both raters, round 51).
    assert len(item.points) == 3 and item.levels == (3,)


ANKI = (
    "Q: Why does the lasso give sparse models?\nA: Its penalty has a corner at zero.\n"
    "So the optimum often sits at zero."
)


@pytest.mark.parametrize(
    ("text", "heading", "questions", "first_point"),
    [
        (ANKI, "ML Deck > Why does the lasso give sparse models?", ["Why does the lasso give sparse models?"],
         "Its penalty has a corner at zero."),
        ("Bagging reduces variance by averaging models fitted on bootstrap samples.",
         "Interview Q&A > What does bagging reduce?", ["What does bagging reduce?"],
         "Bagging reduces variance by averaging models fitted on bootstrap samples."),
        ("**Can L1 be used for feature selection?**\nYes: it zeroes out the coefficients of weak features.\n\n"
         "**Does ridge select features?**\nNo, ridge keeps every feature with a smaller weight.",
         "Interview Q&A > Regularization", ["Can L1 be used for feature selection?", "Does ridge select features?"],
         "Yes: it zeroes out the coefficients of weak features."),
        ('- "Which penalty gives sparse models?": the L1 penalty, because of its corner at zero.',
         "Shrinkage > Interview angles", ["Which penalty gives sparse models?"],
         "the L1 penalty, because of its corner at zero."),
    ],
)  # fmt: skip
def test_the_notes_own_questions_become_items_verbatim(
    text: str, heading: str, questions: list[str], first_point: str
) -> None:
    items = build_items(chunk(text, heading))
    assert [item.question for item in items] == questions
    assert all(item.kind == "qa" for item in items)
    assert items[0].points[0] == first_point


def test_a_cloze_deletion_becomes_a_fill_in_question_with_its_hint() -> None:
    text = "The {{c1::L1::penalty name}} penalty can set coefficients exactly to zero."
    item = only(build_items(chunk(text, "ML Deck > The L1 penalty")), "cloze")
    assert item.question == "Fill in the blank (penalty name): The ____ penalty can set coefficients exactly to zero."
    assert item.points == ("The L1 penalty can set coefficients exactly to zero.",)
    assert item.concept == "L1" and item.levels == (1,)


def test_qa_of_reads_cards_and_question_headings_only() -> None:
    assert qa_of(chunk(ANKI, "ML Deck > Why does the lasso give sparse models?")) == (
        "Why does the lasso give sparse models?",
        "Its penalty has a corner at zero.\nSo the optimum often sits at zero.",
    )
    assert qa_of(chunk("- Ridge shrinks coefficients towards zero.", "Shrinkage > Mechanics")) is None


def test_qa_of_prefers_the_question_and_answer_that_ingest_stored() -> None:
    stored = replace(
        chunk("When is precision the metric to watch? False positives are expensive.", "Metrics > Precision"),
        question="When is precision the metric to watch?",
        answer="When false positives are expensive.",
    )
    assert qa_of(stored) == ("When is precision the metric to watch?", "When false positives are expensive.")
    assert only(build_items(stored), "qa").question == "When is precision the metric to watch?"


def test_a_case_stage_section_is_one_case_item_with_its_bullets_as_points() -> None:
    text = "- Split by time: train on older months, test on the latest.\n- Report PR-AUC because positives are rare."
    item = only(
        build_items(chunk(text, "Case Study: Churn > Evaluation", kind="case", stage="evaluation")), "case-stage"
    )
    assert item.stage == "evaluation" and len(item.points) == 2


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "```python\nmodel.fit(X, y)\n```", "<img src='x.png'> <br/>", "{{c1::}}", "- it is.", "Q: \nA: "],
)
def test_a_broken_or_empty_chunk_gives_no_items(text: str) -> None:
    assert [item for item in build_items(chunk(text)) if item.points and all(p.strip() for p in item.points)] == []


def test_items_are_deterministic() -> None:
    text = "\n".join(row[0] for row in PROSE)
    assert build_items(chunk(text, "Shrinkage > Mixed")) == build_items(chunk(text, "Shrinkage > Mixed"))


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [("depend on the distance between tokens)", "depend on the distance between tokens"),
     ("network effects (marketplaces", "network effects"), ("NTILE(n) buckets", "NTILE(n) buckets")],
)  # fmt: skip
def test_fragments_cut_from_a_sentence_lose_unmatched_brackets(fragment: str, expected: str) -> None:
    assert balanced(fragment) == expected


def test_two_trade_off_statements_become_one_choice_under_the_notes_condition() -> None:
    text = (
        "- Lasso gives a sparse, readable model but can be unstable with correlated features.\n"
        "- Ridge gives stable coefficients but keeps every feature in the model.\n"
    )
    item = only(build_items(chunk(text, "Shrinkage > Trade-offs")), "trade-off")
    assert (item.concept, item.other, item.detail) == ("Lasso", "Ridge", "with correlated features")
    # A choice to explain (level 3): the hard end decides under an interviewer's constraint (combined.py), since blind
    # raters passed 2 of 10 of these asked at level 5 ("Would you choose underage or overage?", rounds 44-52).
    assert len(item.points) == 2 and item.levels == (3,)


def test_two_reasons_to_use_one_thing_are_no_rivals_to_choose_between() -> None:
    # Round 37: "Domain knowledge or adverse action reasons?" paired two reasons to use monotone constraints.
    text = (
        "- Domain knowledge is real and stable: distance raises the ETA of every delivery.\n"
        "- Regulatory explainability: adverse action reasons make sense to the customer.\n"
    )
    pairs = [i for i in build_items(chunk(text, "Monotone constraints > When to use")) if i.other]
    assert not pairs


@pytest.mark.parametrize(
    ("statement", "blanked"),
    [
        ("Each metric needs p < 0.005 at 10 metrics.", "Each metric needs p < 0.005 at ___ metrics."),
        ("Keep 3.5% of users aside.", "Keep ___ of users aside."),
        ("Use k = 5 or 10 folds.", "Use k = 5 or ___ folds."),
        ("Reject hypotheses 1..k of the sorted list.", ""),  # a range's bound is not a rule's number
        ("Version 1.x of the API is old.", ""),
    ],
)
def test_the_rule_number_blanked_is_a_number_not_part_of_a_range_or_a_name(statement: str, blanked: str) -> None:
    from interviewer.interview.statements import blank_number

    assert blank_number(statement) == blanked


@pytest.mark.parametrize(
    ("front", "question"),
    [
        ("Label smoothing", "Label smoothing: what is it, and why does it matter?"),
        ("LayerNorm vs BatchNorm", "How do LayerNorm and BatchNorm differ?"),
        ("Weight decay vs L2", "How do weight decay and L2 differ?"),
        ("Pitfall: dropout rate too high", "What goes wrong here, and how would you avoid it: dropout rate too high?"),
        ("Inverted dropout - why scale by 1/(1-p)", "Inverted dropout - why scale by 1/(1-p)?"),
        ("Which test when?", "Which test when?"),
    ],
)
def test_a_card_front_that_is_not_a_question_is_asked_as_one(front: str, question: str) -> None:
    (item,) = build_items(chunk(f"Q: {front}\nA: The answer the card gives on its back.", f"Deck > {front}"))
    assert item.kind == "qa" and item.question == question
    assert item.points == ("The answer the card gives on its back.",)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("- one-hot high-card categoricals -> sparse, slow splits", "one-hot high-card categoricals"),
        (
            "- comparing optimizers at one lr each = unfair; tune lr per optimizer",
            "comparing optimizers at one lr each",
        ),
    ],
)
def test_a_terse_notes_arrow_or_equals_ends_what_the_statement_is_about(text: str, concept: str) -> None:
    items = build_items(chunk(text, "Trees > Pitfalls"))
    assert any(item.concept == concept for item in items), [(i.kind, i.concept) for i in items]
    frames = load_frames()
    asked = [question_for(item, level, frames, random.Random(1), set()) for item in items for level in item.levels]
    assert asked and all("->" not in text and " = " not in text for text in asked), asked


def test_since_as_time_is_not_a_reason() -> None:
    items = build_items(chunk("- churn gap: more than 30 days since the last event", "SQL > LAG and LEAD"))
    assert not any(item.kind == "mechanism" for item in items)
    reasoned = build_items(chunk("- Trees need no scaling since splits only compare values within one feature"))
    assert any(item.kind == "mechanism" for item in reasoned)


def test_an_anki_cloze_with_blanks_is_a_fill_in_asked_at_recall_only() -> None:
    text = "LayerNorm normalizes over the features; BatchNorm normalizes over the batch."
    section = Chunk("id-cloze", text, "deck.txt", "Deck > [...] normalizes over the [...]", "Deck", 0, "h", "note", "")
    items = build_items(
        replace(section, text=f"Q: [...] normalizes over the [...]; [...] normalizes over the batch.\nA: {text}")
    )
    (item,) = items
    assert item.kind == "cloze" and item.levels == (1,)
    assert item.question == "Fill in the blanks: [...] normalizes over the [...]; [...] normalizes over the batch."


def test_unlike_names_the_other_side_of_a_contrast() -> None:
    items = build_items(chunk("- Unlike GROUP BY, a window function keeps every row", "SQL > Window functions"))
    contrast = only(items, "contrast")
    assert (contrast.concept, contrast.other) == ("window function", "GROUP BY")


def test_an_instruction_under_pitfalls_is_a_step_someone_skips_and_never_a_hard_question_alone() -> None:
    (item,) = [
        i
        for i in build_items(
            chunk("- center the data first, otherwise the first component points at the mean", "PCA > Pitfalls")
        )
        if i.kind == "pitfall"
    ]
    text = question_for(item, 3, load_frames(), random.Random(0), set())
    assert "center the data first" in text.lower() and "skip" in text.lower(), text
    # At level 4 a quoted rule hands over its remedy and sets no scene (blind raters, round 26): not asked alone.
    assert question_for(item, 4, load_frames(), random.Random(0), set()) == ""


def test_a_claim_about_the_first_one_needs_its_sentence_and_is_not_asked() -> None:
    text = "The first one captures the most variance, because the axes are ordered by eigenvalue."
    assert not any(item.kind == "mechanism" for item in build_items(chunk(text, "PCA > What it does")))


def test_a_lone_amount_word_is_no_concept_to_ask_about() -> None:
    items = build_items(
        chunk("- Total cost about the same as one big head, at the cost of more memory.", "Attention > Heads")
    )
    assert not any(item.concept.lower() == "total" for item in items), [(i.kind, i.concept) for i in items]


def test_a_card_question_never_names_its_deck() -> None:
    """Issue 22: 'one-hot encoding (Google Machine Learning Glossary): what is it, and why does it matter?'."""
    chunk = Chunk(
        "c9",
        "Q: one-hot encoding (Google Machine Learning Glossary)\nA: Represents a category as a vector with one 1.",
        "decks/glossary.apkg",
        "Google Machine Learning Glossary > one-hot encoding (Google Machine Learning Glossary)",
        "Google Machine Learning Glossary",
        0,
        "h",
        question="one-hot encoding (Google Machine Learning Glossary)",
        answer="Represents a category as a vector with one 1.",
    )
    assert [item.question for item in build_items(chunk)] == ["one-hot encoding: what is it, and why does it matter?"]
    labelled = replace(chunk, question="Glossary: what does one-hot encoding produce?", topic="Glossary")
    assert [item.question for item in build_items(labelled)] == ["What does one-hot encoding produce?"]


@pytest.mark.parametrize(
    ("question", "answer", "highest"),
    [
        # A glossary card: its answer holds a trade-off, but its own question is recall; never a level-5 question.
        ("lasso", "Lasso gives sparsity at the cost of instability when features are correlated.", 1),
        (
            "Why does lasso select features?",
            "Lasso gives sparsity at the cost of instability when features are correlated.",
            2,
        ),
        # A trade-off or a pitfall with no situation to weigh it in is a textbook question: level 3 at most.
        (
            "In which cases is PR-AUC better than ROC-AUC?",
            "When positives are rare, PR-AUC shows the precision cost.",
            3,
        ),
        ("What are the disadvantages of bag of words?", "It loses word order, and the vocabulary grows large.", 3),
        # The same kinds of question, set in a situation, serve the hard end.
        (
            "You have 1% positives and two fraud models: when would you choose PR-AUC over ROC-AUC to compare them?",
            "When positives are rare, PR-AUC shows the precision cost.",
            5,
        ),
        (
            "You have 2 million short texts as bag-of-words features: would you prefer gradient boosting or logistic "
            "regression?",
            "Logistic regression copes with the sparse, wide matrix; boosting struggles with it.",
            5,
        ),
        # A topic is not a situation: 'when doing text classification' names no data, figure or scene.
        (
            "Would you prefer gradient boosting or logistic regression when doing text classification with bag of "
            "words?",
            "Logistic regression copes with the sparse, wide matrix; boosting struggles with it.",
            3,
        ),
    ],
)
def test_a_cards_own_question_serves_the_level_its_wording_asks(question: str, answer: str, highest: int) -> None:
    card = replace(chunk(f"{question} {answer}", "Glossary > Card"), question=question, answer=answer)
    assert max(only(build_items(card), "qa").levels) == highest


def test_a_to_do_line_is_the_note_takers_and_never_a_question() -> None:
    text = (
        "- Platt scaling fits a logistic curve to the classifier's scores.\n"
        "- TODO: redo the calibration example with a GBM on 2k rows."
    )
    chunk = Chunk(chunk_id("n.md", "Calibration", text), text, "n.md", "Calibration", "Calibration", 0, "h")
    assert all("TODO" not in point for item in build_items(chunk) for point in item.points)
    assert [s[:14] for s in statements_of(text)] == ["Platt scaling "]  # the fact stays, the to-do goes


def test_a_card_heading_with_a_question_mark_is_asked_as_a_question_without_its_pointer() -> None:
    # "Fairness in churn targeting (03)?" was asked word for word, at level 4: the pointer read as a figure.
    base = ItemSource(chunk_id="c1", source="fairness.md", heading="Fairness", topic="Fairness Q&A")
    items = qa_items([("Fairness in churn targeting (03)?", "Check disparate impact of who gets the offer.")], base)
    assert items[0].question == "What matters most about fairness in churn targeting, and why?"
    assert max(items[0].levels) <= 3


def test_a_bare_question_of_a_few_words_is_no_hard_question_whatever_it_asks_to_build() -> None:
    # Round 40: "How would you build assignment?" was asked at level 5 and read as note shorthand to both raters.
    text = '"How would you build assignment?" / "300 tests at once, how do they not collide?" - marketplace onsite.\n'
    qa = [i for i in build_items(chunk(text, "Experimentation platform")) if i.kind == "qa"]
    assert qa and all(max(i.levels) <= 3 for i in qa)


def test_a_card_that_asks_with_a_bare_label_is_a_calculation_not_a_hard_question() -> None:
    # Round 48: "600 men apply and 120 advance; 400 women apply and 40 advance. AIR?" was asked as a level 4-5 deep
    # dive; both raters called it trivial arithmetic ending in an unexplained acronym.
    base = ItemSource(chunk_id="c1", source="fairness.md", heading="Fairness", topic="Fairness quiz")
    answer = "20% against 10%: 0.10/0.20 = 0.5, under 0.8. Small groups can fail it by chance, so add an exact test."
    items = qa_items([("600 men apply and 120 advance; 400 women apply and 40 advance. AIR?", answer)], base)
    assert items and max(items[0].levels) <= 3
    asked = qa_items([("600 men apply and 120 advance. Why can a ratio this low be a risk in hiring?", answer)], base)
    assert max(asked[0].levels) >= 4  # a card that asks in words keeps its level
