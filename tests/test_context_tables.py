"""The official context in words and tables: windows of months, summaries, who counts what, the checks table."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from lib.checks.common import CHECK_COLUMNS
from lib.record.reference import load_reference
from lib.show.tables import (
    CHECK_TABLE_COLUMNS,
    STATUS_LEGEND,
    arrivals_table,
    checks_table,
    counting_scopes,
    deaths_summary,
    deaths_table,
    differences,
    markers_sentence,
    monthly_arrivals_summary,
    months_in_window,
    scopes_sentence,
    source_links,
    status_summary,
    timeline_window,
    yearly_arrivals_summary,
)


@pytest.fixture(scope="module")
def reference():
    return load_reference(today=date(2026, 11, 30))


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@pytest.mark.parametrize(
    ("first", "last", "months"),
    [
        ("2021-11-24", "2021-11-29", ["2021-11"]),
        ("2021-10-31", "2021-12-01", ["2021-10", "2021-11", "2021-12"]),
        ("2026-06-15", None, ["2026-06", "2026-07"]),  # the series' last whole month is July 2026
        (None, "2018-02-01", ["2018-01", "2018-02"]),  # and its first January 2018
        ("2030-01-01", "2030-12-31", []),
    ],
)
def test_months_in_window(reference, first, last, months):
    shown = months_in_window(reference.arrivals_by_month, _day(first), _day(last))
    assert shown["month"].tolist() == months


def test_an_open_window_holds_every_month(reference):
    assert len(months_in_window(reference.arrivals_by_month, None, None)) == 103  # 2018-01 to 2026-07


@pytest.mark.parametrize(
    ("dates", "date_from", "date_to", "window"),
    [
        (["2021-11-24", "2021-11-29"], None, None, ("2021-11-24", "2021-11-29")),
        (["2021-11-24", "2021-11-29"], "2021-10-01", None, ("2021-10-01", "2021-11-29")),
        (["2021-11-24", "2021-11-29"], None, "2021-12-31", ("2021-11-24", "2021-12-31")),
        ([], None, None, (None, None)),
        ([], "2022-01-01", "2022-03-31", ("2022-01-01", "2022-03-31")),
    ],
)
def test_timeline_window_is_the_filter_else_the_facts(dates, date_from, date_to, window):
    fact_dates = pd.Series(pd.to_datetime(dates), dtype="datetime64[ns]")
    found = timeline_window(fact_dates, _day(date_from), _day(date_to))
    assert found == (_day(window[0]), _day(window[1]))


def test_yearly_summary_names_every_year_and_its_status(reference):
    text = yearly_arrivals_summary(reference.arrivals_by_year)
    for words in ("299 in 2018 (final)", "8,466 in 2020 (final)", "41,472 in 2025 (provisional)",
                  "Highest: 45,774 in 2022"):  # fmt: skip
        assert words in text


@pytest.mark.parametrize(
    ("months", "words"),
    [
        (["2021-11"], "Home Office monthly arrivals, Nov 2021 (provisional): 6,971 people."),
        (["2021-10", "2021-11"], "lowest 2,701 in Oct 2021, highest 6,971 in Nov 2021"),
        (None, "28,526 in 2021, 45,755 in 2022, 29,437 in 2023"),
        (["2021-10", "2021-11"], "9,672 in 2021 (2 months)"),
    ],
)
def test_monthly_summary(reference, months, words):
    rows = reference.arrivals_by_month
    if months:
        rows = rows[rows["month"].isin(months)]
    assert words in monthly_arrivals_summary(rows)


def test_counting_scopes_name_what_each_body_counts(reference):
    scopes = counting_scopes(reference.deaths_by_year).set_index("body")
    assert scopes.loc["French maritime prefecture", "scope"] == "French SAR zone"
    assert scopes.loc["French maritime prefecture", "other scopes"] == ["Channel at sea"]
    assert scopes.loc["IOM Missing Migrants Project", "scope"] == "UK route, all causes"
    assert scopes.loc["UK Home Office", "years"] == "2020–2024"
    sentence = scopes_sentence(reference.deaths_by_year)
    assert sentence.startswith("All counts are minimums")
    assert "UK Home Office: Deaths known to HO" in sentence


def test_deaths_summary_gives_each_years_range(reference):
    text = deaths_summary(reference.deaths_by_year)
    assert "each a minimum" in text
    assert "2019: 50 (1 body)" in text and "2024: 13 to 87 (5 bodies)" in text


def test_tables_keep_status_and_source(reference):
    years = arrivals_table(reference.arrivals_by_year, period="year")
    assert list(years.columns) == ["year", "people", "boats", "status", "source", "note"]
    assert years.set_index("year").loc[2025, "status"] == "provisional"
    months = arrivals_table(reference.arrivals_by_month, period="month")
    assert list(months.columns) == ["month", "people", "boats", "status", "source"]
    deaths = deaths_table(reference.deaths_by_year)
    assert {"dead (at least)", "scope", "partial year", "source"} <= set(deaths.columns)
    assert deaths["source"].str.startswith("http").all()


def test_markers_sentence_names_the_article():
    markers = pd.DataFrame([{"article": "a2", "figure": "more than 25,700 crossings, 2021",
                             "evidence": "More than 25,700", "x": 2021, "y": 25700}])  # fmt: skip
    text = markers_sentence(markers, {"a2": "Crossings reach a record"})
    assert text == (
        "Article figures marked (diamonds): more than 25,700 crossings, 2021 "
        "(“More than 25,700”, Crossings reach a record)."
    )
    assert markers_sentence(markers.iloc[0:0]) == ""


def test_markers_sentence_counts_reports_and_names_the_first_few():
    markers = pd.DataFrame(
        [{"article": f"a{i}", "figure": f"{i} crossings, 2021", "evidence": f"{i}", "x": 2021,
          "y": i, "reports": 1 + (i == 0) * 4} for i in range(5)]
    )  # fmt: skip
    text = markers_sentence(markers, most=2)
    assert text == (
        "Article figures marked (diamonds): 0 crossings, 2021 (“0”, a0, and 4 more "
        "report(s) of it); 1 crossings, 2021 (“1”, a1); and 3 more (the checks below list every "
        "figure)."
    )


def test_differences_say_plainly_where_sources_count_differently(reference):
    lines = differences(reference)
    assert lines[0].startswith("Deaths: every count is a minimum") and "2024: 13 to 87" in lines[0]
    assert any("±3%" in line and "provisional" in line for line in lines)
    assert (
        "The monthly figures for 2022 add up to 45,755; the published total for 2022 is 45,774."
        in lines
    )
    assert any("first reported as 31 dead" in line and "revised to 27" in line for line in lines)


def _checks(*rows: dict) -> pd.DataFrame:
    base = {"article": "a2", "kind": "claim", "evidence": "three times", "sentence": "s", "start": 0,
            "end": 5, "status": "consistent", "arithmetic": "3 × 8,466", "reference_source": "",
            "note": ""}  # fmt: skip
    return pd.DataFrame([{**base, **r} for r in rows], columns=list(CHECK_COLUMNS))


def test_checks_table_links_sources_and_names_articles():
    checks = _checks(
        {"reference_source": "https://a.example/x; https://b.example/y; https://a.example/x"},
        {"reference_source": "UK Home Office: https://c.example/z; IOM: https://d.example/w",
         "status": "cannot be checked", "kind": "figure"},
        {"reference_source": ""},
    )  # fmt: skip
    table = checks_table(checks, {"a2": "Crossings reach a record"})
    assert tuple(table.columns) == CHECK_TABLE_COLUMNS
    sources = [s if pd.notna(s) else None for s in table["source"]]
    assert sources == ["https://a.example/x", "https://c.example/z", None]
    assert table["sources"].tolist() == [
        ["https://a.example/x", "https://b.example/y"],
        ["https://c.example/z", "https://d.example/w"],
        [],
    ]
    assert set(table["article"]) == {"Crossings reach a record"}
    assert status_summary(checks) == (
        "3 checked: 2 consistent, 0 inconsistent, 1 cannot be checked."
    )


def test_status_legend_covers_every_status():
    assert list(STATUS_LEGEND) == ["consistent", "inconsistent", "cannot be checked"]


def test_source_links_cannot_end_early():
    links = source_links(["https://www.example.org/a_(b)", "https://www.example.org/a_(b)"])
    assert links == "[example.org](https://www.example.org/a_%28b%29)"
