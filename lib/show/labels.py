"""Facts in plain words, for labels, hovers, tooltips and tables (not escaped: see `lib.show.html`)."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from lib.schema import QUALIFIER_WORDS


def present(value: Any) -> bool:
    """False for None, NaN, NA, NaT and "": the cell holds nothing to show."""
    if value is None or value is pd.NA or value is pd.NaT:
        return False
    if isinstance(value, float) and pd.isna(value):
        return False
    return str(value) != ""



def day_words(day: date) -> str:
    """'24 Nov 2021'."""
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


def period_words(first: Any, last: Any, *, reference: Any = None) -> str:
    """The span a number is about, in words; "" when it is not known.

    >>> period_words(date(2021, 11, 24), date(2021, 11, 24))
    '24 Nov 2021'
    >>> period_words(date(2021, 1, 1), date(2021, 12, 31))
    'all of 2021'
    >>> period_words(date(2021, 1, 1), date(2021, 11, 25))
    '2021 to 25 Nov'
    >>> period_words(date(2024, 1, 1), date(2024, 4, 30))
    'Jan to Apr 2024'
    """
    if not present(first) or not present(last):
        return ""
    a, b = pd.Timestamp(first).date(), pd.Timestamp(last).date()
    if a == b:
        return day_words(a)
    if a.year == b.year and (a.month, a.day) == (1, 1):
        if (b.month, b.day) == (12, 31):
            return f"all of {a.year}"
        if b.day == calendar.monthrange(b.year, b.month)[1] and b.month != 1:
            return f"Jan to {calendar.month_abbr[b.month]} {a.year}"
        return f"{a.year} to {b.day} {calendar.month_abbr[b.month]}"
    if a.day == 1 and (a.year, a.month) == (b.year, b.month):
        whole = b.day == calendar.monthrange(b.year, b.month)[1]
        month = f"{calendar.month_name[a.month]} {a.year}"
        return month if whole else f"{month} to the {b.day}{_ordinal(b.day)}"
    return f"{day_words(a)} to {day_words(b)}"


def _ordinal(n: int) -> str:
    return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def figure_period(row: Mapping[str, Any]) -> str:
    """A figure's period in words, from `period_start`/`period_end` (else its `period`)."""
    if present(row.get("period_start")) and present(row.get("period_end")):
        return period_words(row["period_start"], row["period_end"])
    period = str(row.get("period")) if present(row.get("period")) else ""
    if len(period) == 4:
        return f"all of {period}"
    if len(period) == 10:
        return day_words(date.fromisoformat(period))
    return period


def qualified(row: Mapping[str, Any]) -> str:
    """A figure's number with its qualifier: 'at least 27'."""
    return f"{QUALIFIER_WORDS.get(str(row.get('qualifier')), '')}{int(row.get('value', 0)):,}"


def describe_fact(row: Mapping[str, Any]) -> str:
    """One fact in a few plain words, for labels, hovers and tooltips (not escaped).

    >>> describe_fact({"kind": "figure", "metric": "deaths", "value": 27, "qualifier": "at_least"})
    'deaths: at least 27'
    """
    kind = row.get("kind")
    if kind == "figure":
        words = f"{row.get('metric')}: {qualified(row)}"
        if present(row.get("group")):
            words += f" ({row['group']})"
        period = figure_period(row)
        if period:
            words += f", {period}"
        return words
    if kind == "event":
        day = row.get("date")
        precision = str(row.get("precision") or "day")
        if not present(day):
            day_text = "?"
        elif precision == "day":
            day_text = pd.Timestamp(day).date().isoformat()
        else:
            day_text = period_words(row.get("fact_start"), row.get("fact_end")) or str(day)[:10]
        label = "planned" if row.get("planned") is True else "date"
        return f"{label}: {day_text} ({row.get('phrase', '')})"
    if kind == "place":
        return f"place: {row.get('name')}"
    if kind == "quote":
        speaker = row.get("speaker") if present(row.get("speaker")) else "unknown speaker"
        return f"quote: {speaker}"
    if kind == "claim":
        words = f"claim ({row.get('claim_type')}): {row.get('subject')}"
        if present(row.get("compared_with")):
            words += f" vs {row['compared_with']}"
        return words
    return str(kind)


# What `describe_fact` reads of each kind of fact.
_LABEL_FIELDS = ("metric", "value", "qualifier", "group", "period", "period_start", "period_end",
                 "date", "precision", "planned", "fact_start", "fact_end", "phrase", "name",
                 "speaker", "claim_type", "subject", "compared_with")  # fmt: skip


def describe_facts(facts: pd.DataFrame) -> pd.Series:
    """`describe_fact` of every row (same index), worked out once per distinct fact: a corpus repeats them."""
    if facts.empty:
        return pd.Series([], index=facts.index, dtype=object)
    fields = ["kind", *(f for f in _LABEL_FIELDS if f in facts.columns)]
    groups = facts.groupby(fields, dropna=False, sort=False).ngroup().to_numpy()
    _, first = np.unique(groups, return_index=True)  # one row per distinct fact, by group
    labels = np.array(
        [describe_fact(r) for r in facts.iloc[first][fields].to_dict("records")], dtype=object
    )
    return pd.Series(labels[groups], index=facts.index, dtype=object)
