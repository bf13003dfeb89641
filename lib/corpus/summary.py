"""What a selection spans and what happened last: the dates its facts are about, and its latest events."""

from __future__ import annotations

from typing import Any

import pandas as pd

from lib.schema import FACT_TABLES


def date_span(selected: Any) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last day the selection's dated facts are about, or None when none is dated.

    `selected` is anything with the fact tables as attributes (a `Corpus`, a `Selection`).
    """
    dated = [selected.table(name)["fact_date"].dropna() for name in FACT_TABLES]
    dated = [d for d in dated if len(d)]
    if not dated:
        return None
    days = pd.concat(dated)
    return days.min(), days.max()


def latest_events(events: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The `n` latest events that are days, latest first (then by article and place in the text).

    A week, a month or a year named ("last week", "in August") is not a day something
    happened: left out. Only the rows of the latest dates are sorted, so a large
    selection costs little.
    """
    if "precision" in events:
        events = events[(events["precision"] == "day").to_numpy(dtype=bool)]
    if events["date"].notna().sum() > n:
        events = events[(events["date"] >= events["date"].nlargest(n).min()).to_numpy(dtype=bool)]
    latest = events.sort_values(["date", "article", "start"], ascending=[False, True, True])
    return latest.head(n)
