"""Headline totals (lib/corpus/headlines.py), breakdowns and parts that add up (or not) to wholes (lib/checks/parts.py)."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import make_corpus, typed

from lib.checks.parts import Reported, check_parts, compare
from lib.corpus.headlines import headline_figures, period_kind
from lib.show.tables import figures_table


def _figures(*rows: tuple) -> pd.DataFrame:
    """(article, metric, value, qualifier, group, own[, period_start, period_end]) tuples -> a figures table; one sentence each."""
    records = []
    for i, (article, metric, value, qualifier, group, own, *period) in enumerate(rows):
        first, last = period or (None, None)
        records.append({
            "article": article, "kind": "figure", "start": i * 10, "end": i * 10 + 2, "evidence": str(value),
            "sentence": f"{value} {group or ''}", "sentence_start": i * 10, "sentence_end": i * 10 + 9,
            "section": "body" if own else "read_more", "own": own, "fact_date": last or "2021-11-25",
            "metric": metric, "value": value, "qualifier": qualifier, "group": group, "period": None,
            "period_start": first, "period_end": last,
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
    headlines = headline_figures(figures, order="largest").set_index("metric")
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


def test_headline_latest_is_the_total_whose_period_ends_last_and_says_what_period_it_is():
    figures = _figures(
        ("a", "crossings", 28526, "exact", None, True, "2021-01-01", "2021-12-31"),  # all of 2021
        (
            "b",
            "crossings",
            20000,
            "more_than",
            None,
            True,
            "2022-01-01",
            "2022-08-13",
        ),  # 2022 so far
        ("c", "crossings", 696, "exact", None, True, "2022-08-01", "2022-08-01"),  # one day
        ("d", "crossings", 30000, "exact", None, True),  # no period: drawn at its report day
    )
    latest = headline_figures(figures).set_index("metric").loc["crossings"]
    assert (latest["value"], latest["period_kind"]) == (20000, "year to date")
    largest = headline_figures(figures, order="largest").set_index("metric").loc["crossings"]
    assert (largest["value"], largest["period_kind"]) == (30000, "unknown")
    with pytest.raises(ValueError, match="expected one of"):
        headline_figures(figures, order="biggest")


@pytest.mark.parametrize(
    ("first", "last", "kind"),
    [
        ("2021-11-24", "2021-11-24", "day"),
        ("2021-01-01", "2021-12-31", "year"),
        ("2021-01-01", "2021-11-25", "year to date"),
        ("2024-08-01", "2024-08-31", "month"),
        ("2018-01-01", "2021-11-25", "span"),
        (None, None, "unknown"),
    ],
)
def test_period_kind(first, last, kind):
    assert (
        period_kind(pd.Timestamp(first) if first else None, pd.Timestamp(last) if last else None)
        == kind
    )


def test_parts_are_checked_only_against_a_total_of_the_same_period():
    """ "Five dead" on Tuesday is not the whole of "twelve in the first four months": 3 + 4 + 3."""
    rows = [
        ("a", "deaths", 5, "exact", None, True, "2024-04-23", "2024-04-23"),
        ("a", "deaths", 12, "exact", None, True, "2024-01-01", "2024-04-30"),
        ("a", "deaths", 3, "exact", "men", True, "2024-01-01", "2024-04-30"),
        ("a", "deaths", 4, "exact", "women", True, "2024-01-01", "2024-04-30"),
        ("a", "deaths", 5, "exact", "children", True, "2024-01-01", "2024-04-30"),
    ]
    checks = check_parts(_figures(*rows))
    assert [(c.expression, c.status, c.period) for c in checks] == [
        ("3 + 4 + 5 = 12", "adds_up", "2024-01-01/2024-04-30")
    ]


def test_figures_table_is_in_words():
    table = figures_table(
        make_corpus().figures, {"a1": "UK asks France", "a2": "Crossings reach a record"}
    )
    first = table.iloc[0].to_dict()
    assert first["what"] == "dead" and first["number"] == "at least 27"
    assert first["period"] == "24 Nov 2021" and first["kind of period"] == "one day"
    assert first["from"] == "this article" and first["article"] == "UK asks France"
    last = table.iloc[-1].to_dict()
    assert (last["number"], last["period"], last["kind of period"]) == (
        "more than 25,700",
        "2021 to 29 Nov",
        "a year so far",
    )
    assert "a “Read more” headline" in set(table["from"])
    assert not any("_" in str(v) for v in table.drop(columns=["sentence"]).to_numpy().ravel())
