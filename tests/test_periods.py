"""The period a count is about (FACTS.md `period_start`/`period_end`), one rule of news English per row."""

from __future__ import annotations

from datetime import date

import pytest

from lib.extract.periods import period_label
from lib.extract.pipeline import extract_text

REFERENCE = "2021-11-25"  # a Thursday


def periods(text: str, published: str = REFERENCE) -> list[tuple[str, int, str | None, str | None]]:
    """(metric, value, period_start, period_end) of every count the text gives."""
    _, facts = extract_text(text, article="t", meta={"published": published})
    return [
        (f.metric, f.value, f.period_start, f.period_end)  # type: ignore[attr-defined]
        for f in facts
        if f.kind == "figure"
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # an incident: its day
        ("At least 27 people died when their boat sank on Wednesday.", REFERENCE,
         [("deaths", 27, "2021-11-24", "2021-11-24")]),
        # "so far this year", "since January", "since 1 January": 1 January to the reference date
        ("More than 25,700 people have crossed the Channel this year.", REFERENCE,
         [("crossings", 25700, "2021-01-01", "2021-11-25")]),
        ("More than 4,000 people have crossed since January.", "2020-08-10",
         [("crossings", 4000, "2020-01-01", "2020-08-10")]),
        ("Since 1 January, nearly 18,000 migrants have reached the English coast.", "2022-08-13",
         [("crossings", 18000, "2022-01-01", "2022-08-13")]),
        # a whole year
        ("In 2022, 45,774 people crossed the Channel in small boats.", REFERENCE,
         [("crossings", 45774, "2022-01-01", "2022-12-31")]),
        ("Last year 8,466 people made the journey.", REFERENCE,
         [("crossings", 8466, "2020-01-01", "2020-12-31")]),
        # a month; the first four months; since 2018; the year ending June
        ("In August alone, 1,468 people crossed.", "2020-09-03",
         [("crossings", 1468, "2020-08-01", "2020-08-31")]),
        ("Twelve people died in the first four months of the year.", "2024-05-02",
         [("deaths", 12, "2024-01-01", "2024-04-30")]),
        ("More than 100,000 people have crossed since 2018.", "2023-08-12",
         [("crossings", 100000, "2018-01-01", "2023-08-12")]),
        ("In the year ending June 2024, 31,079 people arrived by small boat.", "2024-08-22",
         [("crossings", 31079, "2023-07-01", "2024-06-30")]),
        ("Between January and June, 12,747 people arrived in small boats.", "2022-08-23",
         [("crossings", 12747, "2022-01-01", "2022-06-30")]),
        # a look-back: the incident it recalls, named before a "when" clause
        ("It is the worst loss of life since 24 November 2021, when 27 people died.", "2022-12-15",
         [("deaths", 27, "2021-11-24", "2021-11-24")]),
        ("Crossings have been recorded since 2018, when 299 people made the journey.", "2024-04-24",
         [("crossings", 299, "2018-01-01", "2018-12-31")]),
        # a year named only as a comparison belongs to the claim, not the count
        ("More than 25,700 people have crossed this year, three times the total for 2020.", REFERENCE,
         [("crossings", 25700, "2021-01-01", "2021-11-25")]),
        ("So far this year, 6,265 people have crossed, up 24% on the same period last year.", "2024-04-24",
         [("crossings", 6265, "2024-01-01", "2024-04-24")]),
        # the day something was said is not the count's
        ("A year after at least 27 people drowned, relatives said on Friday they were waiting.", "2022-11-25",
         [("deaths", 27, "2021-11-25", "2021-11-25")]),
        # a phrase opening the sentence scopes over it
        ("On Monday 22 August, as the wind dropped, 1,295 people crossed the Channel.", "2022-08-30",
         [("crossings", 1295, "2022-08-22", "2022-08-22")]),
        # a count too big for one day is never one day's
        ("More than 45,000 people crossed, the Home Office said on Thursday.", REFERENCE,
         [("crossings", 45000, None, None)]),
        # the incident the article reports: a count with no time of its own takes its day
        ("At least 27 died off Calais. Seventeen men and seven women died on Wednesday.", REFERENCE,
         [("deaths", 27, "2021-11-24", "2021-11-24"), ("deaths", 17, "2021-11-24", "2021-11-24"),
          ("deaths", 7, "2021-11-24", "2021-11-24")]),
        # ...but a round-up reports no one incident
        ("At least 78 people died in 2024. Nine people are still missing.", "2025-01-14",
         [("deaths", 78, "2024-01-01", "2024-12-31"), ("missing", 9, None, None)]),
        # a list under a heading that names its year
        ("THE 2024 TOLL IN FIGURES\n\n• Nine people are still missing, presumed drowned.", "2025-01-14",
         [("missing", 9, "2024-01-01", "2024-12-31")]),
        # a phrase past another count is that count's
        ("755 people crossed on Thursday, bringing the total this year to 15,800.", "2023-08-12",
         [("crossings", 755, "2023-08-10", "2023-08-10"), ("crossings", 15800, "2023-01-01", "2023-08-12")]),
        # nothing pins it: no period
        ("Most boats now carry between 40 and 50 people.", REFERENCE, [("on_board", 40, None, None)]),
    ],
)  # fmt: skip
def test_period_of_a_count(text: str, published: str, expected: list) -> None:
    assert periods(text, published) == expected


@pytest.mark.parametrize(
    ("first", "last", "label"),
    [
        (date(2021, 11, 24), date(2021, 11, 24), "2021-11-24"),
        (date(2021, 1, 1), date(2021, 12, 31), "2021"),
        (date(2021, 1, 1), date(2021, 11, 25), "2021"),  # the year to the reference date
        (date(2021, 8, 1), date(2021, 8, 31), None),  # the contract's `period` has no months
        (date(2018, 1, 1), date(2021, 11, 25), None),
        (None, None, None),
    ],
)
def test_period_label(first, last, label) -> None:
    assert period_label(first, last, date(2021, 11, 25)) == label


def test_an_event_after_the_reference_date_is_planned() -> None:
    _, facts = extract_text(
        "Ministers met on Wednesday. They will meet again next Monday.",
        article="t",
        meta={"published": REFERENCE},
    )
    events = [(f.date, f.planned) for f in facts if f.kind == "event"]  # type: ignore[attr-defined]
    assert events == [("2021-11-24", False), ("2021-11-29", True)]


def test_a_month_with_last_year_is_last_years() -> None:
    _, facts = extract_text(
        "The 27 people who drowned off Calais in November last year.",
        article="t",
        meta={"published": "2022-11-14"},
    )
    events = [(f.date, f.precision) for f in facts if f.kind == "event"]  # type: ignore[attr-defined]
    assert ("2021-11-01", "month") in events


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a look-back by its month is the one incident of that month with that toll (IOM record)
        ("Tuesday's sinking is the deadliest since 27 people drowned in November 2021.", "2024-09-03",
         [("deaths", 27, "2021-11-24", "2021-11-24")]),
        ("In December, four people died when a boat got into difficulty off Kent.", "2023-08-12",
         [("deaths", 4, "2022-12-14", "2022-12-14")]),
        ("The last fatal incident was in November last year, when 27 people died off Calais.", "2022-12-14",
         [("deaths", 27, "2021-11-24", "2021-11-24")]),
        # ...but a year keeps its year, and a month with no such incident keeps its month
        ("Four people died trying to cross in 2022.", "2023-08-12", [("deaths", 4, "2022-01-01", "2022-12-31")]),
        ("In March 2023, 31 people died in the Channel.", "2023-08-12", [("deaths", 31, "2023-03-01", "2023-03-31")]),
        # a date labelling its line; a night running into the next day
        ("Monday (15.07): 427 people reached the UK in seven boats.", "2024-07-21",
         [("crossings", 427, "2024-07-15", "2024-07-15")]),
        ("Tuesday night into Wednesday (16-17.07): one person died off Gravelines. Forty-nine people were rescued.",
         "2024-07-21", [("deaths", 1, "2024-07-16", "2024-07-17"), ("rescued", 49, "2024-07-16", "2024-07-17")]),
        # between two days
        ("Around 100 migrants crossed between Christmas Day and New Year's Eve.", "2019-01-01",
         [("crossings", 100, "2018-12-25", "2018-12-31")]),
        # the parts of a count take its period
        ("Forty migrants were picked up on the Kent coast on Christmas Day.\n\nThe group was made up of 34 men and three women.",
         "2018-12-26", [("crossings", 40, "2018-12-25", "2018-12-25"), ("crossings", 34, "2018-12-25", "2018-12-25"),
                        ("crossings", 3, "2018-12-25", "2018-12-25")]),
        # a year before a "when" clause and "by the same point": that year to this day of it
        ("That's below the pace of 2022, when about 19,900 people had crossed by the same point.", "2023-08-14",
         [("crossings", 19900, "2022-01-01", "2022-08-14")]),
        ("The gang organised 11 crossings between May and August this year, carrying more than 350 people.", "2021-12-09",
         [("crossings", 350, "2021-05-01", "2021-08-31")]),
        # a count's own relative clause dates it before the sentence's year does
        ("At least 12 people died in 2023, including six Afghan men who drowned when their boat capsized on 12 August.",
         "2023-12-28", [("deaths", 12, "2023-01-01", "2023-12-28"), ("deaths", 6, "2023-08-12", "2023-08-12")]),
        # a breaking report of deaths with no day is of the day it is published
        ("Channel migrants: At least 31 people dead after boat sinks off Calais\n\nAt least 31 people have died.",
         "2021-11-24", [("deaths", 31, "2021-11-24", "2021-11-24"), ("deaths", 31, "2021-11-24", "2021-11-24")]),
        # a court report: the voyage's day, however long ago
        ("He was jailed on Friday.\n\nHe steered the inflatable from a beach near Calais on December 28 last year. "
         "The boat was carrying 11 people.", "2019-05-10", [("on_board", 11, "2018-12-28", "2018-12-28")]),
    ],
)  # fmt: skip
def test_period_from_the_words_around_a_count(text: str, published: str, expected: list) -> None:
    assert periods(text, published) == expected


def test_the_official_record_the_extractor_reads_is_in_the_cache_version() -> None:
    from lib.extract import extractor_files
    from lib.extract.series import DATA_FILES

    assert set(DATA_FILES) <= set(extractor_files())
    assert all(path.is_file() for path in DATA_FILES)


@pytest.mark.parametrize(
    ("first", "last", "metric", "value", "day"),
    [
        (date(2021, 11, 1), date(2021, 11, 30), "deaths", 27, date(2021, 11, 24)),
        (date(2022, 12, 1), date(2022, 12, 31), "deaths", 4, date(2022, 12, 14)),
        (date(2022, 12, 1), date(2022, 12, 31), "deaths", 5, None),  # no incident with that toll
        (date(2021, 11, 1), date(2021, 11, 30), "crossings", 27, None),  # only deaths and the missing
    ],
)
def test_incident_day_is_the_one_incident_with_that_toll(first, last, metric, value, day) -> None:
    from lib.extract.series import incident_day

    assert incident_day(first, last, metric=metric, value=value) == day

