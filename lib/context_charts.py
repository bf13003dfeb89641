"""Official context charts (arrivals by year and month, deaths by source) with article figures marked on them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go

# Okabe & Ito (2008), the colour-blind-safe palette; black is kept for article markers.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000",
}  # fmt: skip
SERIES_COLOURS = (
    "blue",
    "orange",
    "bluish_green",
    "reddish_purple",
    "sky_blue",
    "vermillion",
    "yellow",
)
ARTICLE_MARKER = {
    "symbol": "diamond",
    "size": 12,
    "color": OKABE_ITO["black"],
    "line": {"width": 1, "color": "white"},
}
ARTICLE_TRACE = "Article figures"

_QUALIFIER_WORDS = {
    "at_least": "at least ", "more_than": "more than ", "about": "about ", "fewer_than": "fewer than ", "up_to": "up to ",
}  # fmt: skip


def arrivals_by_year_chart(
    arrivals_by_year: pd.DataFrame, figures: pd.DataFrame | None = None
) -> go.Figure:
    """Bars of people arriving by small boat per year; provisional years hatched, lighter and labelled.

    Article figures about crossings in a year (`period` YYYY) are drawn as black diamonds
    at that year, so "more than 25,700 this year" sits beside the 2021 bar.
    """
    fig = go.Figure()
    for status, opacity, pattern in (("final", 1.0, ""), ("provisional", 0.55, "/")):
        rows = arrivals_by_year[arrivals_by_year["status"] == status]
        if rows.empty:
            continue
        labels = [
            f"{p:,}" + (" (provisional)" if status == "provisional" else "") for p in rows["people"]
        ]
        fig.add_trace(
            go.Bar(
                name=f"Home Office, {status}",
                x=rows["year"].astype(int).tolist(),
                y=rows["people"].astype(int).tolist(),
                text=labels,
                textposition="outside",
                marker={
                    "color": OKABE_ITO["blue"],
                    "opacity": opacity,
                    "pattern": {"shape": pattern},
                },
                customdata=rows[["source_url"]].astype(str).to_numpy(),
                hovertemplate="%{x}: %{y:,} people ("
                + status
                + ")<br>%{customdata[0]}<extra></extra>",
            )
        )
    points = _article_points(
        figures, "crossings", lambda period: len(period) == 4, lambda period, _row: int(period)
    )
    if points is not None:
        fig.add_trace(points)
    fig.update_layout(
        title="People arriving in the UK by small boat, per year",
        xaxis={"title": {"text": "Year"}, "dtick": 1},
        yaxis={"title": {"text": "People detected arriving"}},
        barmode="overlay",
        legend={"title": {"text": "Hatched: provisional, may be revised"}},
    )
    return fig


def monthly_arrivals_chart(
    arrivals_by_month: pd.DataFrame,
    figures: pd.DataFrame | None = None,
    *,
    cumulative: bool = False,
) -> go.Figure:
    """People arriving per month as a line; with `cumulative`, one line per year counting up from January.

    Markers: crossings figures for a month (`period` YYYY-MM) on the monthly line; on the
    cumulative chart, figures for a year placed at the day they were reported (`fact_date`),
    which is where a year-to-date figure belongs.
    """
    months = arrivals_by_month.sort_values("month")
    starts = pd.to_datetime(months["month"].astype(str) + "-01")
    fig = go.Figure()
    if not cumulative:
        fig.add_trace(
            go.Scatter(
                name="Home Office, per month",
                x=starts.tolist(),
                y=months["people"].astype(int).tolist(),
                mode="lines+markers",
                line={"color": OKABE_ITO["blue"]},
                customdata=months[["status", "source_url"]].astype(str).to_numpy(),
                hovertemplate="%{x|%b %Y}: %{y:,} people (%{customdata[0]})<br>%{customdata[1]}<extra></extra>",
            )
        )
        points = _article_points(
            figures,
            "crossings",
            lambda period: len(period) == 7,
            lambda period, _row: pd.Timestamp(period + "-01"),
        )
        y_title = "People detected arriving per month"
    else:
        years = starts.dt.year
        for i, (year, rows) in enumerate(months.groupby(years.to_numpy(), sort=True)):
            ends = (
                pd.to_datetime(rows["month"].astype(str) + "-01") + pd.offsets.MonthEnd(0)
            ).tolist()
            fig.add_trace(
                go.Scatter(
                    name=f"{year}, cumulative",
                    x=ends,
                    y=rows["people"].astype(int).cumsum().tolist(),
                    mode="lines+markers",
                    line={"color": OKABE_ITO[SERIES_COLOURS[i % len(SERIES_COLOURS)]]},
                    hovertemplate="to end %{x|%b %Y}: %{y:,} people<extra></extra>",
                )
            )
        points = _article_points(
            figures, "crossings", lambda period: len(period) == 4, _reported_day
        )
        y_title = "People since 1 January (cumulative)"
    if points is not None:
        fig.add_trace(points)
    fig.update_layout(
        title="People arriving in the UK by small boat, by month",
        xaxis={"title": {"text": "Month"}},
        yaxis={"title": {"text": y_title}},
    )
    return fig


def deaths_by_year_chart(
    deaths_by_year: pd.DataFrame, figures: pd.DataFrame | None = None
) -> go.Figure:
    """Deaths per year, one bar per counting body side by side: bodies count different things.

    Partial-year and low-confidence counts are hatched and lighter. Article figures of
    deaths in a year (`period` YYYY) are black diamonds.
    """
    fig = go.Figure()
    deaths = deaths_by_year.copy()
    if "body" not in deaths:
        deaths["body"] = deaths["source_org"]
    if "partial" not in deaths:
        deaths["partial"] = False
    order = deaths["body"].value_counts(sort=True).index.tolist()
    for i, body in enumerate(order):
        rows = deaths[deaths["body"] == body].sort_values("year")
        weak = [
            bool(p) or str(c).startswith("low")
            for p, c in zip(rows["partial"], rows["confidence"], strict=True)
        ]
        fig.add_trace(
            go.Bar(
                name=str(body),
                x=rows["year"].astype(int).tolist(),
                y=rows["dead"].astype(int).tolist(),
                marker={
                    "color": OKABE_ITO[SERIES_COLOURS[i % len(SERIES_COLOURS)]],
                    "opacity": [0.5 if w else 1.0 for w in weak],
                    "pattern": {"shape": ["x" if w else "" for w in weak]},
                },
                customdata=rows[["source_org", "scope", "as_of", "confidence", "source_url"]]
                .astype(str)
                .to_numpy(),
                hovertemplate=(
                    "%{x}: at least %{y} dead<br>%{customdata[0]}<br>counts: %{customdata[1]}"
                    "<br>as of %{customdata[2]}, confidence %{customdata[3]}<br>%{customdata[4]}<extra></extra>"
                ),
            )
        )
    points = _article_points(
        figures, "deaths", lambda period: len(period) == 4, lambda period, _row: int(period)
    )
    if points is not None:
        fig.add_trace(points)
    fig.update_layout(
        title="Deaths linked to Channel crossings, by year and by who counted",
        xaxis={"title": {"text": "Year"}, "dtick": 1},
        yaxis={"title": {"text": "Deaths (minimum counts)"}},
        barmode="group",
        legend={
            "title": {
                "text": "Counted by (all counts are minimums; hatched: partial year or low confidence)"
            }
        },
    )
    return fig


def _reported_day(_period: str, row: dict[str, Any]) -> pd.Timestamp | None:
    when = row.get("fact_date")
    return None if when is None or pd.isna(when) else pd.Timestamp(when)


def _article_points(
    figures: pd.DataFrame | None,
    metric: str,
    wanted: Callable[[str], bool],
    place: Callable[[str, dict[str, Any]], Any],
) -> go.Scatter | None:
    """The article figures of `metric` whose period `wanted` accepts, as one marker trace, or None."""
    if figures is None or figures.empty or "metric" not in figures:
        return None
    xs, ys, labels = [], [], []
    for row in figures.to_dict("records"):
        period = row.get("period")
        if (
            row.get("metric") != metric
            or period is None
            or pd.isna(period)
            or not wanted(str(period))
        ):
            continue
        if row.get("group") is not None and not pd.isna(row.get("group")):
            continue  # "17 men" is not a total
        if row.get("own") is False:
            continue  # a "Read more" headline belongs to another article
        x = place(str(period), row)
        if x is None:
            continue
        qualifier = _QUALIFIER_WORDS.get(str(row.get("qualifier") or "exact"), "")
        xs.append(x)
        ys.append(int(row["value"]))
        labels.append(
            f"{row['article']}: {qualifier}{int(row['value']):,}<br>“{row.get('evidence') or ''}”"
        )
    if not xs:
        return None
    return go.Scatter(
        name=ARTICLE_TRACE,
        x=xs,
        y=ys,
        mode="markers",
        marker=ARTICLE_MARKER,
        hovertext=labels,
        hoverinfo="text",
    )
