"""The official record the extractor reads to date what articles leave undated: the Home Office daily arrivals and the IOM incidents.

Two files of `data/reference/` (see its README), read once with the standard `csv` module:

- `arrivals_by_day.csv`: people detected arriving by small boat, every day since 2018.
  An undated article's "more than 16,600 have crossed so far this year" names the days on
  which the running total of the year stood there (`days_at_total`).
- `channel_incidents.csv`: every death and disappearance the IOM records on the route. A
  look-back ("the 27 who drowned in November 2021") names the one incident of that month
  with that toll (`incident_day`).

A missing or unreadable file reads as empty: the extractor then leaves those dates as the
text gives them, never fails.
"""

from __future__ import annotations

import bisect
import csv
import functools
from datetime import date
from pathlib import Path

REFERENCE_FOLDER = Path(__file__).resolve().parents[2] / "data" / "reference"
ARRIVALS_PATH = REFERENCE_FOLDER / "arrivals_by_day.csv"
INCIDENTS_PATH = REFERENCE_FOLDER / "channel_incidents.csv"
DATA_FILES = (ARRIVALS_PATH, INCIDENTS_PATH)


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error):
        return []


def _count(cell: str | None) -> int | None:
    cell = (cell or "").strip()
    return int(cell) if cell.isdigit() else None


@functools.cache
def running_totals() -> dict[int, tuple[list[date], list[int]]]:
    """Per year, its days in order and the people who had arrived that year by the end of each."""
    totals: dict[int, tuple[list[date], list[int]]] = {}
    for row in _rows(ARRIVALS_PATH):
        people = _count(row.get("people"))
        try:
            day = date.fromisoformat((row.get("date") or "").strip())
        except ValueError:
            continue
        if people is None:
            continue
        days, sums = totals.setdefault(day.year, ([], []))
        if days and day <= days[-1]:
            continue  # out of order or repeated: the series is read as given, first row wins
        days.append(day)
        sums.append((sums[-1] if sums else 0) + people)
    return totals


def days_at_total(year: int, low: int, high: int) -> list[date]:
    """The days of `year` by whose end the year's arrivals stood between `low` and `high` (inclusive)."""
    days, sums = running_totals().get(year, ([], []))
    first = bisect.bisect_left(sums, low)
    last = bisect.bisect_right(sums, high)
    return days[first:last]


@functools.cache
def _incidents() -> tuple[tuple[date, int, int], ...]:
    """(day, dead, missing) of every incident the IOM records on the route."""
    found = []
    for row in _rows(INCIDENTS_PATH):
        try:
            day = date.fromisoformat((row.get("date") or "").strip())
        except ValueError:
            continue
        found.append((day, _count(row.get("dead")) or 0, _count(row.get("missing")) or 0))
    return tuple(sorted(found))


def incident_day(first: date, last: date, *, metric: str, value: int) -> date | None:
    """The day of the one incident between `first` and `last` whose dead (or missing) number `value`.

    None when no incident, or more than one, has that toll: a look-back is dated only when
    the record leaves no doubt which incident it recalls.
    """
    column = {"deaths": 1, "missing": 2}.get(metric)
    if column is None or value <= 0:
        return None
    days = [row[0] for row in _incidents() if first <= row[0] <= last and row[column] == value]
    return days[0] if len(days) == 1 else None
