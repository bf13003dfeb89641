"""The headline figures of a selection: per metric, the total it puts first, and what kind of period it is about.

A one-day count, a year-to-date total and a whole year's total are different numbers:
every headline says which it is (`period_kind`, and the period in words), and "largest"
never ranks them against each other without saying so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

HEADLINE_METRICS = ("deaths", "crossings")
HEADLINE_ORDERS = ("latest", "largest")
# What a period is, in the words a headline uses beside it.
PERIOD_KINDS = {
    "day": "one day",
    "year": "a whole year",
    "year to date": "a year so far",
    "month": "a month",
    "span": "a span of time",
    "unknown": "period not given",
}


def period_kind(first: Any, last: Any) -> str:
    """What kind of span a figure is about: a key of `PERIOD_KINDS`."""
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return "unknown"
    a, b = pd.Timestamp(first).date(), pd.Timestamp(last).date()
    if a == b:
        return "day"
    if a == date(a.year, 1, 1) and b.year == a.year:
        return "year" if b == date(a.year, 12, 31) else "year to date"
    if a.day == 1 and (a.year, a.month) == (b.year, b.month):
        return "month"
    return "span"


def headline_figures(
    figures: pd.DataFrame,
    *,
    metrics: Sequence[str] = HEADLINE_METRICS,
    order: str = "latest",
) -> pd.DataFrame:
    """One own total per metric, with its sentence, article, period in words and kind.

    Args:
        order: "latest", the total whose period ends last (the most recent state of the
            count; of those, the largest, then the latest reported); or "largest", the
            largest total (of those, the one whose period ends last). Every count is a
            minimum as reported.

    Returns one row per metric that has a total: the figures columns plus `n_reports`
    (how many own totals were reported for it) and `period_kind`.
    """
    if order not in HEADLINE_ORDERS:
        raise ValueError(f"order {order!r}: expected one of {HEADLINE_ORDERS}")
    own = figures[figures["own"].astype(bool)]
    totals = own[own["metric"].isin(list(metrics)) & (own["group"].isna() | (own["group"] == ""))]
    extra = ["n_reports", "period_kind"]
    rows = []
    for metric in metrics:
        reported = totals[totals["metric"] == metric]
        if reported.empty:
            continue
        ends = reported["period_end"].fillna(reported["fact_date"])
        ranked = reported.assign(_end=ends)
        keys = ["_end", "value", "fact_date"] if order == "latest" else ["value", "_end", "fact_date"]
        best = ranked.sort_values([*keys, "start"], ascending=[False, False, False, True], kind="stable")
        row = best.iloc[0].drop(labels="_end").to_dict()
        row |= {
            "n_reports": len(reported),
            "period_kind": period_kind(row.get("period_start"), row.get("period_end")),
        }
        rows.append(row)
    return pd.DataFrame(rows, columns=[*figures.columns, *extra])
