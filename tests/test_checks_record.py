"""Figures checked against the whole record: the Home Office daily series and the IOM incidents, like with like.

A one-day figure against that day; "so far this year" against the daily series summed to
the article's day; a revision said out loud; deaths of a day or a span against the IOM
incidents in it. Expected numbers are summed from data/reference/ here, not typed in.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from lib.checks import check_figures
from lib.record.load import load_record
from lib.record.series import arrivals_between


@pytest.fixture(scope="module")
def record():
    return load_record(today=date(2026, 11, 30))


def _check(record, metric, value, qualifier, first, last, reference_date, group=None):
    figures = pd.DataFrame(
        [
            {
                "article": "a", "start": 0, "end": 2, "evidence": str(value), "sentence": f"{value} {metric}",
                "sentence_start": 0, "section": "body", "own": True, "metric": metric, "value": value,
                "qualifier": qualifier, "group": group, "period": None,
                "period_start": pd.Timestamp(first) if first else pd.NaT,
                "period_end": pd.Timestamp(last) if last else pd.NaT,
            }
        ]
    )  # fmt: skip
    articles = pd.DataFrame({"article": ["a"], "reference_date": [pd.Timestamp(reference_date)]})
    return check_figures(figures, articles, record).iloc[0].to_dict()


def test_year_so_far_is_the_daily_series_summed_to_the_articles_day(record):
    """The seed's "more than 25,700 this year" (25 Nov 2021): 1 January to that day."""
    check = _check(record, "crossings", 25700, "more_than", "2021-01-01", "2021-11-25", "2021-11-25")
    total = arrivals_between(record, "2021-01-01", "2021-11-25").people
    assert check["status"] == "consistent"
    assert f"{total:,}" in check["arithmetic"] and "from 1 Jan 2021 to 25 Nov 2021" in check["arithmetic"]
    assert "gov.uk" in check["reference_source"]


def test_since_january_in_a_2020_article_is_2020s_year_so_far_not_2019(record):
    """ "More than 4,000 ... since January" (10 Aug 2020): never the 1,843 of all 2019."""
    check = _check(record, "crossings", 4000, "more_than", "2020-01-01", "2020-08-10", "2020-08-10")
    total = arrivals_between(record, "2020-01-01", "2020-08-10").people
    assert total > 4000  # so "more than 4,000" holds
    assert check["status"] == "consistent"
    assert "2020" in check["arithmetic"] and "1,843" not in check["arithmetic"]


def test_a_revised_day_is_consistent_with_what_was_reported_at_the_time(record):
    """22 Aug 2022 was reported as 1,295 (the record then); the series now has 1,137."""
    check = _check(record, "crossings", 1295, "exact", "2022-08-22", "2022-08-22", "2022-08-23")
    assert check["status"] == "consistent"
    assert "as reported at the time" in check["arithmetic"] and "1,137" in check["arithmetic"]
    assert "revision" in check["note"]


@pytest.mark.parametrize(
    ("value", "status"),
    [(1305, "consistent"), (1320, "consistent"), (1500, "inconsistent")],  # ±3% of 1,305
)
def test_a_day_is_checked_against_that_day(record, value, status):
    check = _check(record, "crossings", value, "exact", "2022-09-03", "2022-09-03", "2022-09-04")
    assert check["status"] == status
    assert "1,305" in check["arithmetic"] and "on 3 Sep 2022" in check["arithmetic"]


def test_a_whole_past_year_is_set_against_the_published_total_and_the_daily_sum(record):
    check = _check(record, "crossings", 45774, "exact", "2022-01-01", "2022-12-31", "2023-03-01")
    assert check["status"] == "consistent"
    assert "45,774" in check["arithmetic"] and "45,755" in check["arithmetic"]  # revision named


@pytest.mark.parametrize(
    ("value", "first", "last", "status", "words"),
    [
        (12, "2024-09-03", "2024-09-03", "consistent", "Gris-Nez"),  # IOM: 13 dead
        (5, "2024-04-23", "2024-04-23", "consistent", "Wimereux"),
        (30, "2024-04-23", "2024-04-23", "inconsistent", "Wimereux"),
        (3, "2019-06-10", "2019-06-10", "cannot be checked", "records no incident"),
    ],
)
def test_deaths_of_a_day_against_the_iom_incidents(record, value, first, last, status, words):
    check = _check(record, "deaths", value, "exact", first, last, last)
    assert check["status"] == status, check["arithmetic"]
    assert words in check["arithmetic"]
    if status != "cannot be checked":
        assert "minimums" in check["note"]


def test_deaths_over_a_span_are_the_iom_incidents_in_it(record):
    check = _check(record, "deaths", 15, "at_least", "2024-01-01", "2024-04-24", "2024-04-24")
    assert "IOM's" in check["arithmetic"] and "incident(s)" in check["arithmetic"]
    assert check["status"] in ("consistent", "inconsistent")
