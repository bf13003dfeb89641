"""lib/figures_checks.py: headline totals, breakdowns, and parts that add up (or not) to wholes."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import make_corpus, typed

from lib.checks.parts import Reported, check_parts, compare
from lib.corpus.headlines import headline_figures, metric_table


def _figures(*rows: tuple) -> pd.DataFrame:
    """(article, metric, value, qualifier, group, own) tuples -> a figures table; one sentence each."""
    records = []
    for i, (article, metric, value, qualifier, group, own) in enumerate(rows):
        records.append({
            "article": article, "kind": "figure", "start": i * 10, "end": i * 10 + 2, "evidence": str(value),
            "sentence": f"{value} {group or ''}", "sentence_start": i * 10, "sentence_end": i * 10 + 9,
            "section": "body" if own else "read_more", "own": own, "fact_date": "2021-11-25",
            "metric": metric, "value": value, "qualifier": qualifier, "group": group, "period": None,
        })  # fmt: skip
    return typed(records, "figures")


def _parts(*pairs: tuple[int, str]) -> list[Reported]:
    return [Reported(v, "exact", g, "", "", 0, 0) for v, g in pairs]


@pytest.mark.parametrize(
    ("total", "qualifier", "parts", "status"),
    [
        (27, "exact", [(17, "men"), (7, "women"), (3, "minors")], "adds_up"),
        (27, "at_least", [(17, "men"), (7, "women"), (3, "minors")], "adds_up"),
        (27, "exact", [(17, "men"), (7, "women"), (4, "minors")], "does_not_add_up"),
        (27, "at_least", [(17, "men"), (7, "women"), (4, "minors")], "consistent"),
        (27, "at_least", [(17, "men"), (7, "women")], "does_not_add_up"),
        (30, "up_to", [(17, "men"), (7, "women")], "consistent"),
        (30, "about", [(17, "men"), (11, "women")], "consistent"),
        (30, "about", [(10, "men"), (11, "women")], "does_not_add_up"),
        (27, "exact", [(20, "adults"), (7, "children"), (3, "minors")], "overlapping_groups"),
        (27, "exact", [(20, "adults"), (7, "men")], "overlapping_groups"),
        (None, "exact", [(17, "men"), (7, "women")], "no_total"),
    ],
)
def test_compare(total, qualifier, parts, status):
    reported = None if total is None else Reported(total, qualifier, None, "", "", 0, 0)
    assert compare(reported, _parts(*parts)) == status


def test_the_seed_breakdown_adds_up():
    checks = check_parts(make_corpus().figures)
    assert len(checks) == 1
    check = checks[0]
    assert (check.article, check.metric, check.status, check.ok) == (
        "a1",
        "deaths",
        "adds_up",
        True,
    )
    assert check.expression == "17 + 7 + 3 = 27"
    assert [(p.group, p.value) for p in check.parts] == [("men", 17), ("women", 7), ("minors", 3)]
    assert check.total.evidence == "At least 27"
    assert check.total.sentence.startswith("At least 27 people died")
    assert [p.evidence for p in check.parts] == ["Seventeen men", "seven women", "three minors"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a Read-more headline total is another article's: not compared
        ([("a", "deaths", 30, "exact", None, False), ("a", "deaths", 17, "exact", "men", True),
          ("a", "deaths", 13, "exact", "women", True)], [("17 + 13 = 30", "no_total")]),
        # two different totals: one check each
        ([("a", "deaths", 27, "exact", None, True), ("a", "deaths", 31, "exact", None, True),
          ("a", "deaths", 17, "exact", "men", True), ("a", "deaths", 10, "exact", "women", True)],
         [("17 + 10 = 27", "adds_up"), ("17 + 10 = 27 ≠ 31", "does_not_add_up")]),
        # a group reported twice counts once
        ([("a", "deaths", 27, "exact", None, True), ("a", "deaths", 17, "exact", "men", True),
          ("a", "deaths", 17, "exact", "men", True), ("a", "deaths", 10, "exact", "women", True)],
         [("17 + 10 = 27", "adds_up")]),
        # never across articles
        ([("a", "deaths", 27, "exact", None, True), ("a", "deaths", 17, "exact", "men", True),
          ("b", "deaths", 10, "exact", "women", True)], []),
        # one group alone is not a breakdown
        ([("a", "deaths", 27, "exact", None, True), ("a", "deaths", 3, "exact", "children", True)], []),
        # metrics apart
        ([("a", "rescued", 2, "exact", None, True), ("a", "rescued", 1, "exact", "men", True),
          ("a", "rescued", 1, "exact", "women", True), ("a", "deaths", 5, "exact", None, True)],
         [("1 + 1 = 2", "adds_up")]),
        ([("a", "deaths", 27, "more_than", None, True), ("a", "deaths", 20, "exact", "men", True),
          ("a", "deaths", 10, "exact", "women", True)], [("20 + 10 = 30 vs more than 27", "consistent")]),
    ],
)  # fmt: skip
def test_check_parts(rows, expected):
    assert [(c.expression, c.status) for c in check_parts(_figures(*rows))] == expected


def test_check_parts_come_by_article_then_metric_parts_in_text_order():
    rows = [("b", "deaths", 5, "exact", None, True), ("b", "deaths", 3, "exact", "men", True),
            ("b", "deaths", 2, "exact", "women", True), ("a", "rescued", 4, "exact", None, True),
            ("a", "rescued", 1, "exact", "women", True), ("a", "rescued", 3, "exact", "men", True),
            ("a", "deaths", 2, "exact", "men", True), ("a", "deaths", 1, "exact", "women", True)]  # fmt: skip
    figures = _figures(*rows)
    shuffled = figures.iloc[[7, 2, 5, 0, 3, 6, 1, 4]]  # the same facts, rows in another order
    for table in (figures, shuffled):
        checks = check_parts(table)
        assert [(c.article, c.metric, c.expression) for c in checks] == [
            ("a", "deaths", "2 + 1 = 3"), ("a", "rescued", "1 + 3 = 4"), ("b", "deaths", "3 + 2 = 5"),
        ]  # fmt: skip


def test_headline_ties_go_to_the_latest_report_then_the_first_in_the_text():
    figures = _figures(
        ("a", "deaths", 27, "exact", None, True), ("b", "deaths", 27, "exact", None, True),
        ("c", "deaths", 27, "exact", None, True), ("d", "deaths", 12, "exact", None, True),
    )  # fmt: skip
    figures.loc[1, "fact_date"] = pd.Timestamp("2021-11-26")  # b's the latest
    assert headline_figures(figures, metrics=("deaths",)).iloc[0]["article"] == "b"
    figures.loc[1, "fact_date"] = pd.Timestamp("2021-11-25")  # all the same day: the first
    assert headline_figures(figures, metrics=("deaths",)).iloc[0]["article"] == "a"


def test_check_parts_on_no_figures():
    assert check_parts(make_corpus().figures.iloc[0:0]) == []


def test_headline_figures_take_the_largest_own_total():
    figures = _figures(
        ("a", "deaths", 27, "at_least", None, True),
        ("b", "deaths", 31, "exact", None, True),
        ("b", "deaths", 40, "exact", None, False),  # Read more: not this article's
        ("b", "deaths", 17, "exact", "men", True),  # a part, not a total
        ("a", "crossings", 25700, "more_than", None, True),
    )
    headlines = headline_figures(figures).set_index("metric")
    assert headlines.loc["deaths", "value"] == 31 and headlines.loc["deaths", "article"] == "b"
    assert headlines.loc["deaths", "n_reports"] == 2
    assert headlines.loc["crossings", "value"] == 25700
    assert headlines.loc["crossings", "sentence"] == "25700 "


def test_headline_figures_on_the_fixture():
    headlines = headline_figures(make_corpus().figures).set_index("metric")
    assert headlines.loc["deaths", "evidence"] == "At least 27"
    assert headlines.loc["crossings", "evidence"] == "More than 25,700"


def test_headline_figures_empty():
    assert headline_figures(make_corpus().figures.iloc[0:0]).empty


def test_metric_table():
    table = metric_table(make_corpus().figures, "deaths")
    assert list(table["value"]) == [27, 27, 17, 7, 3]
    assert list(table["own"]) == [True, False, True, True, True]
