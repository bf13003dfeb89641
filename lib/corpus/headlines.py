"""The headline figures of a selection: per metric, the total it puts first, and the tables of one metric."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

HEADLINE_METRICS = ("deaths", "crossings")


def headline_figures(
    figures: pd.DataFrame, *, metrics: Sequence[str] = HEADLINE_METRICS
) -> pd.DataFrame:
    """The largest own total reported for each metric, with its sentence and article.

    Largest, because reports of one event only grow as the count goes on; every count
    is still a minimum as reported. Returns one row per metric that has a total, with
    the figures columns plus `n_reports` (how many own totals were reported for it).
    """
    own = figures[figures["own"].astype(bool)]
    totals = own[own["metric"].isin(list(metrics)) & (own["group"].isna() | (own["group"] == ""))]
    rows = []
    for metric in metrics:
        reported = totals[totals["metric"] == metric]
        if reported.empty:
            continue
        largest = reported[(reported["value"] == reported["value"].max()).to_numpy(dtype=bool)]
        best = largest.sort_values(
            ["fact_date", "start"], ascending=[False, True], kind="stable"
        )  # the largest value first, then the latest report of it
        rows.append(best.iloc[0].to_dict() | {"n_reports": len(reported)})
    return pd.DataFrame(rows, columns=[*figures.columns, "n_reports"])


def metric_table(figures: pd.DataFrame, metric: str) -> pd.DataFrame:
    """The figures of one metric as a readable table, largest first: value, qualifier, group, period, sentence, article."""
    rows = figures[figures["metric"] == metric]
    columns = [
        "value",
        "qualifier",
        "group",
        "period",
        "fact_date",
        "own",
        "sentence",
        "article",
        "start",
        "end",
    ]
    return rows.sort_values(["value", "article"], ascending=[False, True], kind="stable")[
        columns
    ].reset_index(drop=True)
