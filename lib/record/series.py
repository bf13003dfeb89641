"""The Home Office daily small-boat series: read and validated, then summed by day, week, month or year.

Every function here answers only inside the series. A period before its first day
(1 Jan 2018) or after its last is *no data*, never zero: `arrivals` leaves such periods
out, `arrivals_between` says how many days it could count and whether that was all of
them, and `series_span` gives the first and last day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias

import numpy as np
import pandas as pd

from lib.record.cells import (
    Columns,
    day_parser,
    parse_count,
    parse_optional_text,
    parse_status,
    parse_url,
    read_rows,
    refuse,
)

if TYPE_CHECKING:
    from lib.record.load import Record

DAY_FILE = "arrivals_by_day.csv"
FIRST_YEAR = 2018  # the Home Office began counting small-boat arrivals in 2018

Day: TypeAlias = date | pd.Timestamp | str  # a day, as a date, a Timestamp or "YYYY-MM-DD"
Period = Literal["day", "week", "month", "year"]
PERIODS: tuple[Period, ...] = ("day", "week", "month", "year")
ARRIVALS_COLUMNS = ("period_start", "period_end", "people", "boats", "days", "complete")

_COLUMNS: Columns = {
    "date": (day_parser(FIRST_YEAR), "datetime64[ns]"),
    "people": (parse_count, "int64"),
    "boats": (parse_count, "int64"),
    "status": (parse_status, "string"),
    "source_url": (parse_url, "string"),
    "compiled_by": (parse_optional_text, "string"),
    "note": (parse_optional_text, "string"),
}


def read_arrivals_by_day(path: Path, *, current: int) -> pd.DataFrame:
    """Read and check the daily file: columns date (datetime64), people, boats, status, source_url, compiled_by, note.

    Beyond each cell: one row per day, in order, with no day missing between the first
    and the last (a day without arrivals is a 0, so a gap would be read as no data), and
    never more boats than people.
    """
    days, lines = read_rows(path, _COLUMNS, ("date",), current=current)
    dates = days["date"].to_numpy()
    steps = np.diff(dates) != np.timedelta64(1, "D")
    if steps.any():
        i = int(np.argmax(steps)) + 1
        before = pd.Timestamp(dates[i - 1]).date().isoformat()
        refuse(
            path.name, lines[i], "date", pd.Timestamp(dates[i]).date().isoformat(),
            f"the day after {before} (one row per day, in order, no gaps: 0 for a day without arrivals)",
        )  # fmt: skip
    too_many = (days["boats"] > days["people"]).to_numpy()
    if too_many.any():
        i = int(np.argmax(too_many))
        refuse(
            path.name, lines[i], "boats", int(days["boats"].iloc[i]),
            f"at most as many boats as people ({int(days['people'].iloc[i])} that day)",
        )  # fmt: skip
    return days


def series_span(record: Record) -> tuple[date, date]:
    """The first and last day of the daily series (no data before or after)."""
    dates = record.arrivals_by_day["date"]
    return dates.iloc[0].date(), dates.iloc[-1].date()


def shown_span(record: Record, first: Day | None, last: Day | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The days a chart of the record shows for a date filter: an open end is the series' own.

    A filter wholly after the series (`first` past its last day, no `last`) or before it
    shows its one given day, drawn as "no data", never an inverted span.
    """
    span = series_span(record)
    start, end = _day(first, span[0]), _day(last, span[1])
    if end < start and (first is None or last is None):
        start = end = start if last is None else end
    return start, end


def _day(value: Day | None, default: date) -> pd.Timestamp:
    return pd.Timestamp(default if value is None else value).normalize()


def _period_starts(dates: pd.Series, by: Period) -> pd.Series:
    if by == "day":
        return dates
    if by == "week":  # Monday to Sunday, as the Home Office's weekly table (SB_02)
        return dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")
    if by == "month":
        return dates.dt.to_period("M").dt.start_time.astype("datetime64[ns]")
    if by == "year":
        return dates.dt.to_period("Y").dt.start_time.astype("datetime64[ns]")
    raise ValueError(f"by={by!r}; accepted: {', '.join(PERIODS)}")


def _period_ends(starts: pd.Series, by: Period) -> pd.Series:
    if by == "day":
        return starts
    if by == "week":
        return starts + pd.Timedelta(days=6)
    if by == "month":
        return starts + pd.offsets.MonthEnd(0)
    return starts + pd.offsets.YearEnd(0)


def arrivals(
    record: Record, first: Day | None = None, last: Day | None = None, *, by: Period = "day"
) -> pd.DataFrame:
    """People and boats per calendar period (day, Monday–Sunday week, month or year) over [first, last].

    Only days inside both [first, last] and the series are summed; a period with no such
    day is left out (no data, not zero).

    Args:
        record: the loaded record.
        first, last: the window, both inclusive; None is the series' first (last) day.
        by: "day", "week", "month" or "year".

    Returns one row per period, in order: period_start, period_end (the calendar
    period's bounds), people, boats, days (days summed) and complete (the whole calendar
    period was summed; False where the window or the series cuts it).

    >>> arrivals(record, "2022-09-03", "2022-09-03").loc[0, ["people", "boats"]].tolist()
    [1305, 27]
    """
    if by not in PERIODS:
        raise ValueError(f"by={by!r}; accepted: {', '.join(PERIODS)}")
    days = record.arrivals_by_day
    span = series_span(record)
    start, end = _day(first, span[0]), _day(last, span[1])
    dates = days["date"]
    inside = days[((dates >= start) & (dates <= end)).to_numpy()]
    starts = _period_starts(inside["date"], by)
    sums = (
        inside.assign(period_start=starts)
        .groupby("period_start", sort=True)
        .agg(people=("people", "sum"), boats=("boats", "sum"), days=("people", "size"))
        .reset_index()
    )
    sums["period_start"] = sums["period_start"].astype("datetime64[ns]")
    sums["period_end"] = _period_ends(sums["period_start"], by).astype("datetime64[ns]")
    length = (sums["period_end"] - sums["period_start"]).dt.days + 1
    sums["complete"] = (sums["days"] == length).astype(bool)
    return sums.astype({"people": "int64", "boats": "int64", "days": "int64"})[
        list(ARRIVALS_COLUMNS)
    ]


@dataclass(frozen=True)
class ArrivalsCount:
    """Arrivals over a window: what the series holds of it, and whether that is all of it.

    first_day and last_day are the days counted (None when the window misses the series);
    complete is True only when every day of the window lies inside the series.
    """

    people: int
    boats: int
    days: int
    first_day: date | None
    last_day: date | None
    complete: bool


def arrivals_between(record: Record, first: Day, last: Day) -> ArrivalsCount:
    """People and boats from `first` to `last` (both inclusive), for "so far this year" or one day.

    >>> arrivals_between(record, "2026-01-01", "2026-08-20")
    ArrivalsCount(people=15897, boats=234, days=232, first_day=..., last_day=..., complete=True)
    """
    start, end = pd.Timestamp(first).normalize(), pd.Timestamp(last).normalize()
    if end < start:
        raise ValueError(
            f"first {start.date()} is after last {end.date()}; accepted: first <= last"
        )
    days = record.arrivals_by_day
    dates = days["date"]
    inside = days[((dates >= start) & (dates <= end)).to_numpy()]
    wanted = (end - start).days + 1
    if inside.empty:
        return ArrivalsCount(0, 0, 0, None, None, False)
    return ArrivalsCount(
        people=int(inside["people"].sum()),
        boats=int(inside["boats"].sum()),
        days=len(inside),
        first_day=inside["date"].iloc[0].date(),
        last_day=inside["date"].iloc[-1].date(),
        complete=len(inside) == wanted,
    )


def cumulative_by_year(record: Record, years: list[int] | None = None) -> pd.DataFrame:
    """Each year's arrivals added up from 1 January, one row per day of the series.

    Returns columns year, date, day_of_year (1..366), people, boats, cumulative_people,
    cumulative_boats and year_complete (the series covers that year to 31 December).
    """
    days = record.arrivals_by_day[["date", "people", "boats"]]
    year = days["date"].dt.year
    if years is not None:
        days, year = days[year.isin(years).to_numpy()], year[year.isin(years)]
    out = days.assign(
        year=year.astype("int64"), day_of_year=days["date"].dt.day_of_year.astype("int64")
    )
    grouped = out.groupby("year", sort=False)
    out["cumulative_people"] = grouped["people"].cumsum().astype("int64")
    out["cumulative_boats"] = grouped["boats"].cumsum().astype("int64")
    last = out.groupby("year")["date"].transform("max")
    out["year_complete"] = ((last.dt.month == 12) & (last.dt.day == 31)).astype(bool)
    columns = ["year", "date", "day_of_year", "people", "boats", "cumulative_people",
               "cumulative_boats", "year_complete"]  # fmt: skip
    return out[columns].reset_index(drop=True)


def record_days(
    record: Record, n: int = 10, *, first: Day | None = None, last: Day | None = None
) -> pd.DataFrame:
    """The `n` days with most people over [first, last]: rank, date, people, boats.

    Ties keep the earlier day first (it set the mark).
    """
    days = record.arrivals_by_day
    span = series_span(record)
    start, end = _day(first, span[0]), _day(last, span[1])
    dates = days["date"]
    inside = days[((dates >= start) & (dates <= end)).to_numpy()]
    top = inside.sort_values(["people", "date"], ascending=[False, True], kind="stable").head(n)
    top = top[["date", "people", "boats"]].reset_index(drop=True)
    top.insert(0, "rank", pd.Series(range(1, len(top) + 1), dtype="int64"))
    return top


@dataclass(frozen=True)
class DayCount:
    """One day of the series."""

    date: date
    people: int
    boats: int


def highest_day(record: Record, on_or_before: Day) -> DayCount | None:
    """The day with most people from the start of the series to `on_or_before`: the record as it then stood.

    None when the date is before the series. Ties: the earlier day.
    """
    top = record_days(record, 1, last=on_or_before)
    if top.empty or pd.Timestamp(on_or_before) < record.arrivals_by_day["date"].iloc[0]:
        return None
    row = top.iloc[0]
    return DayCount(pd.Timestamp(row["date"]).date(), int(row["people"]), int(row["boats"]))
