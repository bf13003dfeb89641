"""Article figures and claims checked against the official reference figures, with the sums shown.

Every check gives a status (`consistent`, `inconsistent`, `cannot be checked`), the
arithmetic a reader can redo, the sources used, and a note wherever sources disagree.
The thresholds, all in one place:

- An article figure stands for a range: "more than 25,700" is (25,700, ∞), "about 30"
  is 27-33 (±10%), "up to 40" is 0-40. It is *consistent* when that range meets the
  reference range widened by the tolerance.
- Arrivals over the days a figure is about (its `period_start` to `period_end`): the Home
  Office daily series summed over them, ±`ARRIVALS_TOLERANCE` (3%). A whole past year
  is set against the published total too (the published series differ by up to 0.6%
  — 2020 is 8,466 published, 8,462 in the daily series, 8,417 by PA — and early counts
  are revised). A running total up to the article's day ("so far this year") may lag by
  a day or two: it is consistent anywhere between the sums to two days before and to
  that day. A one-day figure that matches what was reported at the time, where the
  series has since been revised (22 Aug 2022: 1,295 then, 1,137 now), is consistent,
  and the note says the count was revised. Without the daily series (days it does not
  cover), yearly and monthly totals bound the count, and the arithmetic says so.
- Deaths in a year: within the lowest and highest count of the bodies that counted
  the whole year (low-confidence and partial-year counts are shown, not used),
  ±max(1, 5%). Every body's count is named: none is picked silently.
- Deaths or missing on one day, or over a span that is not a whole year: the IOM
  Missing Migrants Project's incidents in it (a day either side of one day), between its
  dead and its dead plus missing, ±max(1, 5%); IOM counts are minimums and cover the
  whole route to the UK, which the note says.
- The sinking of 24 November 2021: consistent with the revised toll (27 dead, up to
  27 + 4 missing presumed dead), or with what had been reported by the article's date.
  A deaths figure with no date is taken to be about this sinking when the article is
  dated within `INCIDENT_WINDOW_DAYS` after it.
- A ratio ("three times") is consistent within ±`RATIO_TOLERANCE` (10%) of its factor;
  a change ("up 25%") within ±`CHANGE_TOLERANCE` (2 percentage points).
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from lib.record.reference import Reference
from lib.schema import QUALIFIER_WORDS

ARRIVALS_TOLERANCE = 0.03
DEATHS_TOLERANCE = 0.05
ABOUT = 0.10  # "about 30" reads as 27-33
RATIO_TOLERANCE = 0.10
CHANGE_TOLERANCE = 0.02
INCIDENT_WINDOW_DAYS = 14

CONSISTENT, INCONSISTENT, UNCHECKABLE = "consistent", "inconsistent", "cannot be checked"
CHECK_COLUMNS: dict[str, str] = {
    "article": "string",
    "kind": "string",
    "evidence": "string",
    "sentence": "string",
    "start": "int64",
    "end": "int64",
    "status": "string",
    "arithmetic": "string",
    "reference_source": "string",
    "note": "string",
}


@dataclass(slots=True)
class Result:
    status: str
    arithmetic: str
    reference_source: str = ""
    note: str = ""


class Ref:
    """The reference with its rows indexed by year and month, looked up many times per call.

    The tables are a few dozen rows: a dict lookup instead of a DataFrame filter per
    figure is what makes checking a large corpus fast. Other attributes are the
    Reference's own.
    """

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self.years: dict[int, dict[str, Any]] = {
            int(r["year"]): r for r in reference.arrivals_by_year.to_dict("records")
        }
        self.months: dict[str, dict[str, Any]] = {
            str(r["month"]): r for r in reference.arrivals_by_month.to_dict("records")
        }
        self.deaths: dict[int, list[dict[str, Any]]] = {}
        for r in reference.deaths_by_year.to_dict("records"):
            self.deaths.setdefault(int(r["year"]), []).append(r)
        self.reports: list[dict[str, Any]] = reference.sinking_reports.to_dict("records")
        self.memo: dict[tuple[Any, ...], Any] = {}  # checks already made, by what they read
        # The daily series, when the reference is a whole `lib.record.load.Record`: running
        # sums make any span's count one subtraction.
        daily = getattr(reference, "arrivals_by_day", None)
        self.first_day: date | None = None
        self.last_day: date | None = None
        self.day_notes: dict[date, str] = {}
        self.daily_source = ""
        if daily is not None and len(daily):
            self.first_day = pd.Timestamp(daily["date"].iloc[0]).date()
            self.last_day = pd.Timestamp(daily["date"].iloc[-1]).date()
            self._running = np.concatenate([[0], np.cumsum(daily["people"].to_numpy(dtype="int64"))])
            self.day_notes = {
                pd.Timestamp(d).date(): str(n)
                for d, n in zip(daily["date"], daily["note"].astype(object), strict=True)
                if isinstance(n, str) and n.strip()
            }
            self.daily_source = str(daily["source_url"].iloc[-1])
        incidents = getattr(reference, "incidents", None)
        self.incident_rows: list[dict[str, Any]] = (
            [] if incidents is None else incidents.to_dict("records")
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self.reference, name)

    def covers(self, first: date, last: date) -> bool:
        """Whether the daily series holds every day from `first` to `last`."""
        return self.first_day is not None and self.first_day <= first <= last <= self.last_day  # type: ignore[operator]

    def people_between(self, first: date, last: date) -> int:
        """People the daily series counts from `first` to `last`, both inclusive (the days must be covered)."""
        assert self.first_day is not None
        a, b = (first - self.first_day).days, (last - self.first_day).days
        return int(self._running[b + 1] - self._running[a])

    def incidents_between(self, first: date, last: date) -> list[dict[str, Any]]:
        """The IOM incidents from `first` to `last`, both inclusive."""
        low, high = pd.Timestamp(first), pd.Timestamp(last)
        return [r for r in self.incident_rows if low <= r["date"] <= high]


def fits(value: float, qualifier: str, low: float, high: float, tolerance: float) -> bool:
    """Does the article's range ("more than 25,700") meet the reference range [low, high] ± tolerance?"""
    a_low, a_high = {
        "at_least": (value, math.inf), "more_than": (value, math.inf), "about": (value * (1 - ABOUT), value * (1 + ABOUT)),
        "up_to": (0, value), "fewer_than": (0, value),
    }.get(qualifier, (value, value))  # fmt: skip
    return a_low <= high * (1 + tolerance) and a_high >= low * (1 - tolerance)


def lowest(value: int, qualifier: str) -> float:
    return (
        value * (1 - ABOUT)
        if qualifier == "about"
        else 0
        if qualifier in ("up_to", "fewer_than")
        else value
    )


def status_of(ok: bool) -> str:
    return CONSISTENT if ok else INCONSISTENT


def number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def with_qualifier(value: int, qualifier: str) -> str:
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{number(value)}"


def day_words(when: date | str | None) -> str:
    if when is None:
        return "an unknown date"
    d = date.fromisoformat(when) if isinstance(when, str) else when
    return f"{d.day} {calendar.month_abbr[d.month]} {d.year}"


def when_words(reported: str) -> str:
    parts = str(reported).split("-")
    if len(parts) == 3:
        return day_words(str(reported))
    return f"{calendar.month_abbr[int(parts[1])]} {parts[0]}" if len(parts) == 2 else parts[0]


def report_date(reported: str) -> date:
    parts = [int(p) for p in str(reported).split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def month_words(month: str) -> str:
    return f"{calendar.month_abbr[int(month[5:7])]} {month[:4]}"


def join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def none(value: Any) -> Any:
    """pandas' missing values (NA, NaN, NaT) -> None; everything else as it is."""
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return None
    return value
