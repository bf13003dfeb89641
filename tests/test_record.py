"""The record: the daily Home Office series and the IOM incidents load typed, add up to the verified totals, and bad rows are refused clearly.

Expected numbers come from the data's README (its verified totals), from the published
yearly figures in data/reference/arrivals_by_year.csv, or were counted by hand in the
CSV files; none was copied from this code's output.
"""

from __future__ import annotations

import shutil
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import rewrite_csv, set_cell

from lib.record.incidents import (
    CAUSES,
    KINDS,
    incident_kind,
    incident_place,
    incident_span,
    incident_totals,
    incidents_between,
)
from lib.record.load import Record, load_record
from lib.record.reference import DEFAULT_FOLDER, Reference, ReferenceError, load_reference
from lib.record.series import (
    ARRIVALS_COLUMNS,
    arrivals,
    arrivals_between,
    cumulative_by_year,
    highest_day,
    read_arrivals_by_day,
    record_days,
    series_span,
)

TODAY = date(2026, 11, 30)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def record() -> Record:
    return load_record(today=TODAY)


# --- loading: types, shape, the Reference it extends ----------------------------------------


@pytest.mark.parametrize(
    ("table", "column", "dtype"),
    [
        ("arrivals_by_day", "date", "datetime64[ns]"),
        ("arrivals_by_day", "people", "int64"),
        ("arrivals_by_day", "boats", "int64"),
        ("arrivals_by_day", "status", "string"),
        ("arrivals_by_day", "source_url", "string"),
        ("arrivals_by_day", "note", "string"),
        ("arrivals_by_month", "month_start", "datetime64[ns]"),
        ("arrivals_by_month", "people", "int64"),
        ("incidents", "date", "datetime64[ns]"),
        ("incidents", "dead", "int64"),
        ("incidents", "missing", "int64"),
        ("incidents", "dead_and_missing", "int64"),
        ("incidents", "lat", "float64"),
        ("incidents", "lon", "float64"),
        ("incidents", "crossing_tag", "bool"),
        ("incidents", "in_channel_area", "bool"),
        ("incidents", "mappable", "bool"),
        ("incidents", "kind", "string"),
    ],
)
def test_columns_are_typed(record, table, column, dtype):
    assert str(getattr(record, table)[column].dtype) == dtype


def test_the_daily_series_is_every_day_from_2018_to_20_august_2026(record):
    days = record.arrivals_by_day
    assert len(days) == 3154  # the README: 3,154 rows
    assert int((days["people"] > 0).sum()) == 1065  # ... 1,065 days with arrivals
    assert series_span(record) == (date(2018, 1, 1), date(2026, 8, 20))
    assert days["date"].diff().dropna().eq(pd.Timedelta(days=1)).all()
    assert set(days["status"]) == {"provisional"}


def test_the_revised_days_keep_their_note(record):
    days = record.arrivals_by_day.set_index("date")
    revised = days[days["note"].str.contains("Revised", na=False)].index
    assert [d.date().isoformat() for d in revised] == [
        "2023-02-08", "2023-02-13", "2023-04-04", "2023-04-05", "2023-06-10", "2023-06-11",
        "2023-06-22", "2024-06-07", "2025-09-06",
    ]  # fmt: skip


def test_a_record_is_a_reference_with_the_same_monthly_table(record):
    assert isinstance(record, Reference)
    reference = load_reference(today=TODAY)
    assert list(record.arrivals_by_month.columns) == list(reference.arrivals_by_month.columns)
    assert list(record.arrivals_by_month.columns) == [
        "month", "people", "boats", "status", "source_url", "year", "month_start",
    ]  # fmt: skip
    pd.testing.assert_frame_equal(record.arrivals_by_month, reference.arrivals_by_month)


def test_the_monthly_file_is_the_daily_series_summed_by_month(record):
    months = record.arrivals_by_month
    assert (months["month"].iloc[0], months["month"].iloc[-1], len(months)) == (
        "2018-01",
        "2026-07",
        103,
    )
    by_month = arrivals(record, "2018-01-01", "2026-07-31", by="month")
    assert by_month["people"].tolist() == months["people"].tolist()
    assert by_month["boats"].tolist() == months["boats"].tolist()
    assert by_month["complete"].all()


def test_the_record_loads_fast(record):
    started = time.perf_counter()
    load_record(today=TODAY)
    assert time.perf_counter() - started < 2.0  # about 60 ms here; a guard against a slow path


def test_nothing_the_record_reads_lives_outside_the_repository():
    for path in [
        *(ROOT / "lib" / "record").glob("*.py"),
        ROOT / "lib/show/record.py",
        ROOT / "lib/show/maps.py",
    ]:
        assert "/shared" not in path.read_text(encoding="utf-8"), path
    for path in DEFAULT_FOLDER.iterdir():
        assert "/work/shared" not in path.read_text(encoding="utf-8"), path


# --- arrivals: yearly totals, windows, periods ---------------------------------------------------


# people: the Home Office daily series total (arrivals_by_year.csv `people_in_daily_series`:
# the published figure, except 2020 and 2022); boats: the published figure (README: equal every year)
@pytest.mark.parametrize(
    ("year", "people", "boats"),
    [(2018, 299, 43), (2019, 1843, 164), (2020, 8462, 641), (2021, 28526, 1034),
     (2022, 45755, 1110), (2023, 29437, 602), (2024, 36816, 695), (2025, 41472, 672)],
)  # fmt: skip
def test_yearly_sums_match_the_published_totals(record, year, people, boats):
    count = arrivals_between(record, f"{year}-01-01", f"{year}-12-31")
    assert (count.people, count.boats, count.complete) == (people, boats, True)


@pytest.mark.parametrize(
    ("first", "last", "people", "boats", "days", "complete"),
    [
        ("2026-01-01", "2026-08-20", 15897, 234, 232, True),  # the README: 2026 to 20 Aug
        ("2022-09-03", "2022-09-03", 1305, 27, 1, True),  # the highest day
        ("2022-08-22", "2022-08-22", 1137, 25, 1, True),  # reported as 1,295 at the time
        ("2021-11-11", "2021-11-11", 1250, 36, 1, True),  # reported as 1,185 at the time
        ("2025-05-31", "2025-05-31", 1195, 19, 1, True),  # reported as 1,194 in 18
        ("2018-01-01", "2018-01-31", 7, 1, 31, True),  # the first arrival: 31 Jan 2018
        ("2026-01-01", "2026-12-31", 15897, 234, 232, False),  # the year is not over
        ("2017-12-25", "2018-01-31", 7, 1, 31, False),  # starts before the series
        ("2016-01-01", "2016-12-31", 0, 0, 0, False),  # no data at all
    ],
)
def test_arrivals_between(record, first, last, people, boats, days, complete):
    count = arrivals_between(record, first, last)
    assert (count.people, count.boats, count.days, count.complete) == (
        people,
        boats,
        days,
        complete,
    )


def test_arrivals_between_says_which_days_it_counted(record):
    count = arrivals_between(record, "2026-08-01", "2026-09-30")
    assert (count.first_day, count.last_day, count.days) == (
        date(2026, 8, 1),
        date(2026, 8, 20),
        20,
    )
    nothing = arrivals_between(record, "2030-01-01", "2030-01-02")
    assert (nothing.first_day, nothing.last_day) == (None, None)
    with pytest.raises(ValueError, match="after last"):
        arrivals_between(record, "2022-02-02", "2022-02-01")


@pytest.mark.parametrize(
    ("first", "last", "by", "starts", "days", "complete"),
    [
        # 3 Sep 2022 was a Saturday: its week runs Monday 29 Aug to Sunday 4 Sep
        ("2022-09-03", "2022-09-03", "week", ["2022-08-29"], [1], [False]),
        ("2022-08-29", "2022-09-04", "week", ["2022-08-29"], [7], [True]),
        ("2024-12-30", "2025-01-05", "week", ["2024-12-30"], [7], [True]),  # a week across years
        ("2026-07-15", None, "month", ["2026-07-01", "2026-08-01"], [17, 20], [False, False]),
        ("2021-01-01", "2021-03-31", "month", ["2021-01-01", "2021-02-01", "2021-03-01"], [31, 28, 31], [True] * 3),
        ("2020-02-28", "2020-03-01", "day", ["2020-02-28", "2020-02-29", "2020-03-01"], [1, 1, 1], [True] * 3),
        ("2016-01-01", "2018-01-02", "day", ["2018-01-01", "2018-01-02"], [1, 1], [True, True]),
        ("2026-01-01", "2027-12-31", "year", ["2026-01-01"], [232], [False]),
        ("2010-01-01", "2017-12-31", "month", [], [], []),
    ],
)  # fmt: skip
def test_arrivals_by_period(record, first, last, by, starts, days, complete):
    periods = arrivals(record, first, last, by=by)
    assert tuple(periods.columns) == ARRIVALS_COLUMNS
    assert [d.date().isoformat() for d in periods["period_start"]] == starts
    assert periods["days"].tolist() == days
    assert periods["complete"].tolist() == complete


def test_weeks_run_monday_to_sunday_and_add_up(record):
    weeks = arrivals(record, by="week")
    assert set(weeks["period_start"].dt.day_of_week) == {0}
    assert set(weeks["period_end"].dt.day_of_week) == {6}
    # 1 Jan 2018 was a Monday; 20 Aug 2026 a Thursday: 450 whole weeks (the README checks
    # them all against the Home Office weekly table) and 4 days of a 451st
    assert len(weeks) == 451 and int(weeks["complete"].sum()) == 450
    assert int(weeks["people"].sum()) == int(record.arrivals_by_day["people"].sum())


def test_a_month_sum_is_the_monthly_file(record):
    august = arrivals(record, "2022-08-01", "2022-08-31", by="month").iloc[0]
    assert (august["people"], august["boats"]) == (8631, 192)  # arrivals_by_month.csv, 2022-08


def test_unknown_period_is_refused(record):
    with pytest.raises(ValueError, match="accepted: day, week, month, year"):
        arrivals(record, by="fortnight")  # type: ignore[arg-type]


def test_cumulative_by_year_ends_at_each_years_total(record):
    totals = cumulative_by_year(record)
    last = totals.groupby("year").tail(1).set_index("year")
    assert last.loc[2022, "cumulative_people"] == 45755 and last.loc[2022, "day_of_year"] == 365
    assert last.loc[2024, "day_of_year"] == 366  # a leap year
    assert (
        last.loc[2026, "cumulative_people"] == 15897 and last.loc[2026, "cumulative_boats"] == 234
    )
    assert not last.loc[2026, "year_complete"] and last.loc[2025, "year_complete"]
    assert totals.groupby("year")["day_of_year"].first().eq(1).all()
    assert totals.groupby("year")["cumulative_people"].is_monotonic_increasing.all()
    only = cumulative_by_year(record, [2021])
    assert set(only["year"]) == {2021} and len(only) == 365


def test_the_highest_day_and_the_record_as_it_stood(record):
    top = record_days(record, 3)
    assert top.loc[0, ["rank", "people", "boats"]].tolist() == [1, 1305, 27]
    assert top.loc[0, "date"] == pd.Timestamp("2022-09-03")
    assert top["rank"].tolist() == [1, 2, 3]
    assert top["people"].is_monotonic_decreasing
    # on 22 Aug 2022 the press called that day a record (MoD: 1,295); in the series the
    # record then still stood from 11 Nov 2021, and 22 Aug 2022 has 1,137
    then = highest_day(record, "2022-08-22")
    assert (then.date, then.people, then.boats) == (date(2021, 11, 11), 1250, 36)
    assert highest_day(record, "2022-09-03").date == date(2022, 9, 3)
    assert highest_day(record, "2026-08-20").people == 1305
    assert highest_day(record, "2017-06-01") is None


def test_record_days_in_a_window(record):
    year = record_days(record, 1, first="2021-01-01", last="2021-12-31")
    assert (year.loc[0, "date"], year.loc[0, "people"]) == (pd.Timestamp("2021-11-11"), 1250)
    assert record_days(record, 5, first="2016-01-01", last="2016-12-31").empty


# --- incidents --------------------------------------------------------------------------------


def test_incidents_totals_match_the_readme(record):
    totals = incident_totals(record.incidents)
    assert (totals.incidents, totals.dead, totals.missing, totals.dead_and_missing) == (
        220,
        351,
        19,
        370,
    )
    assert record.incidents["date"].is_monotonic_increasing
    assert (record.incidents["date"].min(), record.incidents["date"].max()) == (
        pd.Timestamp("2014-01-30"), pd.Timestamp("2026-05-03"),
    )  # fmt: skip


# The README's "Totals by year (dead + missing = total; incidents)"
@pytest.mark.parametrize(
    ("year", "dead", "missing", "incidents"),
    [(2014, 17, 0, 16), (2015, 33, 0, 32), (2016, 22, 0, 22), (2017, 8, 0, 8), (2018, 10, 1, 11),
     (2019, 50, 0, 11), (2020, 10, 3, 7), (2021, 40, 5, 16), (2022, 16, 0, 13), (2023, 21, 3, 14),
     (2024, 82, 3, 37), (2025, 32, 4, 28), (2026, 10, 0, 5)],
)  # fmt: skip
def test_incidents_by_year(record, year, dead, missing, incidents):
    totals = incident_totals(incidents_between(record, f"{year}-01-01", f"{year}-12-31"))
    assert (totals.dead, totals.missing, totals.incidents) == (dead, missing, incidents)
    assert totals.dead_and_missing == dead + missing


# The README's "Rows with crossing_tag = yes only"
@pytest.mark.parametrize(
    ("year", "dead_and_missing"),
    [(2019, 6), (2020, 10), (2021, 39), (2022, 5), (2023, 16), (2024, 79), (2025, 27), (2026, 6)],
)
def test_crossing_tagged_totals_by_year(record, year, dead_and_missing):
    rows = incidents_between(record, f"{year}-01-01", f"{year}-12-31")
    assert int(rows.loc[rows["crossing_tag"], "dead_and_missing"].sum()) == dead_and_missing


# The README's known incidents
@pytest.mark.parametrize(
    ("day", "dead", "missing"),
    [("2021-11-24", 27, 0), ("2022-12-14", 4, 0), ("2023-08-12", 6, 1), ("2024-04-23", 5, 0),
     ("2024-09-03", 13, 0)],
)  # fmt: skip
def test_known_incidents(record, day, dead, missing):
    rows = incidents_between(record, day, day, kinds=["at sea"])
    assert (int(rows["dead"].sum()), int(rows["missing"].sum())) == (dead, missing)


@pytest.mark.parametrize(
    ("cause", "crossing_tag", "location", "kind"),
    [
        ("Drowning", True, "Off the coast of Calais, France - English Channel crossing", "at sea"),
        ("Harsh environmental conditions / lack of adequate shelter, food, water", True,
         "Off Ambleteuse, Pas-de-Calais, France - English Channel crossing", "at sea"),  # the crush of 15 Sep 2024
        ("Sickness / lack of access to adequate healthcare", True,
         "13 nautical miles off Dunkirk, France - English Channel crossing", "at sea"),
        ("Accidental death,Drowning", True, "Off the beach of Wimereux - English Channel crossing", "at sea"),
        ("Vehicle accident / death linked to hazardous transport", False,
         "Off the coast of Neufchatel-Hardelot, Pas de Calais, France", "at sea"),  # says at sea, untagged
        ("Vehicle accident / death linked to hazardous transport", False, "A16 motorway, near Calais, France", "vehicle"),
        ("Vehicle accident / death linked to hazardous transport", False,
         "Inside a lorry container parked at Waterglade Industrial Park, Grays, Essex, England, UK", "vehicle"),
        ("Vehicle accident / death linked to hazardous transport", False, "Train tracks near port of Calais, France", "vehicle"),
        ("Drowning", False, "In the Bourbourg canal in Loon-Plage, Nord department, France", "other"),
        ("Drowning", False, "Calais, France Eurotunnel site", "other"),
        ("Violence", False, "Calais 'Jungle', France", "other"),
        ("Violence", True, "The canal in Pont de Vic, Calais, France - English Channel crossing", "other"),
        ("Sickness / lack of access to adequate healthcare", False, "Grande-Sythe camp, Calais, France", "other"),
        ("Mixed or unknown", False, "Calais, France", "other"),
    ],
)  # fmt: skip
def test_incident_kind(cause, crossing_tag, location, kind):
    assert incident_kind(cause, crossing_tag, location) == kind


def test_every_incident_has_a_kind_and_tagged_crossings_are_at_sea(record):
    incidents = record.incidents
    assert set(incidents["kind"]) == set(KINDS)
    tagged = incidents[incidents["crossing_tag"] & ~incidents["cause"].str.contains("Violence")]
    assert set(tagged["kind"]) == {"at sea"}
    grays = incidents[incidents["date"] == pd.Timestamp("2019-10-23")].iloc[0]
    assert (grays["dead"], grays["kind"]) == (39, "vehicle")


def test_coordinates_flagged_as_wrong_are_not_mappable(record):
    incidents = record.incidents
    unmappable = incidents[~incidents["mappable"]]
    # counted by hand in `note`: "coordinates are Calais, not Bethune" (and Condette twice),
    # East Sussex for Norfolk, Hythe for the M25, the centre of France, Oise twice, Somme
    assert len(unmappable) == 9
    assert set(unmappable["date"].dt.year) <= {2014, 2015}
    assert pd.Timestamp("2015-06-26") in set(unmappable["date"])  # the centre of France
    # the bodies found in Norway and on Texel are placed off Calais on purpose
    deliberate = incidents[incidents["note"].str.contains("body found in", na=False)]
    assert len(deliberate) == 2 and deliberate["mappable"].all()


@pytest.mark.parametrize(
    ("location", "place"),
    [
        ("Off the coasts of Cabo Gris-Nez, France  - English Channel crossing", "Cap Gris-Nez"),
        ("Strait of Dover near Calais, France - English Channel crossing", "Calais"),
        ("10 miles off the coast of Dover, the United Kingdom - English Channel crossing", "Dover"),
        ("Between Neufchâtel-Hardelot and Équihen-Plage, Pas-de-Calais, France", "Neufchâtel-Hardelot"),
        ("Inside a lorry container parked at Waterglade Industrial Park, Eastern Avenue, Grays, Essex, England, UK", "Essex"),
        ("Nowhere we know, at all, really", "Nowhere we know"),
    ],
)  # fmt: skip
def test_incident_place(location, place):
    assert incident_place(location) == place


def test_incidents_between_filters_by_kind_and_mappable(record):
    sea = incidents_between(record, "2024-01-01", "2024-12-31", kinds=["at sea"])
    assert set(sea["kind"]) == {"at sea"}
    everything = incidents_between(record, "2014-01-01", "2015-12-31")
    mapped = incidents_between(record, "2014-01-01", "2015-12-31", mappable=True)
    assert len(everything) - len(mapped) == 9
    assert incidents_between(record, "2030-01-01").empty
    with pytest.raises(ValueError, match="accepted: at sea, vehicle, other"):
        incidents_between(record, kinds=["lorry"])


def test_incident_span_ends_when_the_data_was_taken(record):
    assert incident_span(record) == (pd.Timestamp("2014-01-01"), pd.Timestamp("2026-05-06"))


# --- bad files: file, line, column, found, accepted ----------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "reference"
    shutil.copytree(DEFAULT_FOLDER, target)
    return target



def _drop_column(column: str):
    def edit(rows: list[list[str]]) -> list[list[str]]:
        i = rows[0].index(column)
        return [row[:i] + row[i + 1 :] for row in rows]

    return edit


def _drop_row(key: str):
    return lambda rows: [row for row in rows if row[0] != key]


def _repeat_row(key: str):
    def edit(rows: list[list[str]]) -> list[list[str]]:
        out = []
        for row in rows:
            out.append(row)
            if row[0] == key:
                out.append(list(row))
        return out

    return edit


DAY, IOM = "arrivals_by_day.csv", "channel_incidents.csv"


# Lines: the header is line 1, 2018-01-01 line 2, 2022-09-03 line 1,708 (1,706 days later).
# In the IOM file, 2021.MMP0189 is the sinking of 24 Nov 2021 (27 dead, 0 missing), line 121.
@pytest.mark.parametrize(
    ("name", "edit", "expected"),
    [
        pytest.param(DAY, set_cell("date", "2022-09-03", "2022-02-30"),
                     [DAY, "line 1708", "'date'", "'2022-02-30'", "a real date YYYY-MM-DD"], id="impossible-date"),
        pytest.param(DAY, set_cell("date", "2022-09-03", "03/09/2022"),
                     [DAY, "line 1708", "'03/09/2022'", "YYYY-MM-DD from 2018 to 2026"], id="bad-date-format"),
        pytest.param(DAY, set_cell("people", "2022-09-03", "-1305"),
                     [DAY, "line 1708", "'people'", "'-1305'", "non-negative whole number"], id="negative-count"),
        pytest.param(DAY, set_cell("boats", "2022-09-03", "27.5"),
                     [DAY, "line 1708", "'boats'", "'27.5'", "non-negative whole number"], id="not-whole"),
        pytest.param(DAY, set_cell("boats", "2022-09-03", "2000"),
                     [DAY, "line 1708", "'boats'", "2000", "at most as many boats as people (1305 that day)"], id="boats-over-people"),
        pytest.param(DAY, _drop_column("boats"),
                     [DAY, "line 1 (header)", "missing ['boats']", "accepted"], id="missing-column"),
        pytest.param(DAY, _drop_row("2022-09-03"),
                     [DAY, "line 1708", "'date'", "'2022-09-04'", "the day after 2022-09-02", "no gaps"], id="gap"),
        pytest.param(DAY, _repeat_row("2022-09-03"),
                     [DAY, "line 1709", "'date'", "again (first on line 1708)", "one row per date"], id="duplicate-day"),
        pytest.param(DAY, set_cell("status", "2022-09-03", "estimated"),
                     [DAY, "line 1708", "'status'", "final or provisional"], id="bad-status"),
        pytest.param(IOM, set_cell("dead_and_missing", "2021.MMP0189", "28"),
                     [IOM, "'dead_and_missing'", "found 28", "dead + missing = 27 + 0 = 27"], id="wrong-total"),
        pytest.param(IOM, set_cell("dead", "2021.MMP0189", "-27"),
                     [IOM, "'dead'", "'-27'", "non-negative"], id="negative-dead"),
        pytest.param(IOM, set_cell("date", "2021.MMP0189", "2021-11-31"),
                     [IOM, "'date'", "'2021-11-31'", "a real date YYYY-MM-DD from 2014"], id="impossible-incident-date"),
        pytest.param(IOM, set_cell("lat", "2021.MMP0189", "95.1"),
                     [IOM, "'lat'", "'95.1'", "latitude in decimal degrees from -90 to 90"], id="latitude-out-of-range"),
        pytest.param(IOM, set_cell("lon", "2021.MMP0189", "east"),
                     [IOM, "'lon'", "'east'", "longitude"], id="longitude-not-a-number"),
        pytest.param(IOM, set_cell("crossing_tag", "2021.MMP0189", "maybe"),
                     [IOM, "'crossing_tag'", "'maybe'", "yes or no"], id="bad-flag"),
        pytest.param(IOM, set_cell("cause", "2021.MMP0189", "Shipwreck"),
                     [IOM, "'cause'", "'Shipwreck'", "one or more of IOM's causes", CAUSES[0]], id="unknown-cause"),
        pytest.param(IOM, _repeat_row("2021.MMP0189"),
                     [IOM, "'incident_id'", "'2021.MMP0189' again", "one row per incident_id"], id="duplicate-incident"),
        pytest.param(IOM, _drop_column("missing"),
                     [IOM, "line 1 (header)", "missing ['missing']"], id="missing-incident-column"),
    ],
)  # fmt: skip
def test_bad_row_is_refused_with_file_line_column_found_accepted(folder, name, edit, expected):
    rewrite_csv(folder / name, edit)
    with pytest.raises(ReferenceError) as error:
        load_record(folder, today=TODAY)
    for words in expected:
        assert words in str(error.value), str(error.value)


def test_the_line_named_is_the_line_in_the_file(folder):
    path = folder / IOM
    rewrite_csv(path, set_cell("dead_and_missing", "2021.MMP0189", "28"))
    with pytest.raises(ReferenceError) as error:
        load_record(folder, today=TODAY)
    line = int(str(error.value).split("line ")[1].split(",")[0])
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].startswith("2021.MMP0189,")


def test_a_missing_file_is_named(folder):
    (folder / DAY).unlink()
    with pytest.raises(ReferenceError, match="arrivals_by_day.csv: file not found"):
        load_record(folder, today=TODAY)


def test_a_date_after_the_current_year_is_refused(folder):
    with pytest.raises(
        ReferenceError,
        match=r"line 2924, column 'date': found '2026-01-01'; accepted: .* 2018 to 2025",
    ):
        read_arrivals_by_day(folder / DAY, current=2025)
