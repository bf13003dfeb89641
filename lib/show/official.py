"""Official context charts (arrivals by year and month, deaths by source) with article figures marked on them.

Article text that reaches a hover label (the evidence of a marked figure) is escaped
with `lib.show.html.escape_html_column`: plotly renders hover text as HTML.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.schema import QUALIFIER_WORDS
from lib.show.html import escape_html_column
from lib.show.palette import INK, INK_EDGE, OKABE_ITO
from lib.show.publish import finish

# The order the series of one chart take their colours in; black is kept for article markers.
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
    "color": INK,
    "line": {"width": 1.5, "color": INK_EDGE},  # the edge shows a black diamond on a dark page
}
ARTICLE_TRACE = "Article figures"
ARRIVALS_SOURCE = "Source: Home Office, Irregular migration to the UK (small boat arrivals)"
MARKER_COLUMNS = ("article", "figure", "evidence", "x", "y", "reports")
_DAY_MS = 86_400_000
_MOST_MARKERS = 500  # article figures placed by day beyond this are placed by week


def arrivals_by_year_chart(
    arrivals_by_year: pd.DataFrame, figures: pd.DataFrame | None = None
) -> go.Figure:
    """Bars of people arriving by small boat per year; provisional years hatched, lighter and labelled.

    Article figures about crossings in a year (`period` YYYY) are drawn as diamonds
    at that year, so "more than 25,700 this year" sits beside the 2021 bar.
    """
    fig = go.Figure()
    for status, opacity, pattern in (("final", 1.0, ""), ("provisional", 0.55, "/")):
        rows = arrivals_by_year[arrivals_by_year["status"] == status]
        if rows.empty:
            continue
        labels = [
            f"{p:,}" + ("<br>provisional" if status == "provisional" else "")
            for p in rows["people"]
        ]
        fig.add_trace(
            go.Bar(
                name=status.capitalize(),
                x=rows["year"].astype(int).tolist(),
                y=rows["people"].astype(int).tolist(),
                text=labels,
                textposition="outside",
                constraintext="none",  # "41,472 / provisional" keeps its size above a narrow bar
                cliponaxis=False,
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
    points = article_points(figures, "yearly")
    fig.update_layout(
        xaxis={"title": {"text": "Year"}, "dtick": 1},
        yaxis={"title": {"text": "People detected arriving"}},
        barmode="overlay",
    )
    finish(
        fig,
        title="Small-boat arrivals per year",
        subtitle="People detected arriving in the UK by small boat. Hatched: provisional, "
        "may be revised",
        source=ARRIVALS_SOURCE,
        legend_title="Home Office count",
        height_px=500,
        reserve=(ARTICLE_TRACE,),
    )
    if points is not None:  # last, in the legend slot kept for it
        fig.add_trace(points)
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
                name=f"Home Office, per month ({status_label(months['status'])})",
                x=starts.tolist(),
                y=months["people"].astype(int).tolist(),
                mode="lines+markers",
                line={"color": OKABE_ITO["blue"]},
                customdata=months[["status", "source_url"]].astype(str).to_numpy(),
                hovertemplate="%{x|%b %Y}: %{y:,} people (%{customdata[0]})<br>%{customdata[1]}<extra></extra>",
            )
        )
        points = article_points(figures, "monthly")
        y_title = "People detected arriving per month"
    else:
        years = starts.dt.year
        for i, (year, rows) in enumerate(months.groupby(years.to_numpy(), sort=True)):
            ends = (
                pd.to_datetime(rows["month"].astype(str) + "-01") + pd.offsets.MonthEnd(0)
            ).tolist()
            fig.add_trace(
                go.Scatter(
                    name=f"{year} ({status_label(rows['status'])})",
                    x=ends,
                    y=rows["people"].astype(int).cumsum().tolist(),
                    mode="lines+markers",
                    line={"color": OKABE_ITO[SERIES_COLOURS[i % len(SERIES_COLOURS)]]},
                    customdata=rows[["status", "source_url"]].astype(str).to_numpy(),
                    hovertemplate="to end %{x|%b %Y}: %{y:,} people (%{customdata[0]})<br>%{customdata[1]}<extra></extra>",
                )
            )
        points = article_points(figures, "cumulative")
        y_title = "People since 1 January (cumulative)"
    fig.update_layout(xaxis={"title": {"text": "Month"}}, yaxis={"title": {"text": y_title}})
    finish(
        fig,
        title="Small-boat arrivals since 1 January" if cumulative else "Small-boat arrivals per month",
        subtitle=(
            "People detected arriving, added up month by month, one line a year"
            if cumulative
            else "People detected arriving in the UK by small boat, each month"
        )
        + f" ({status_label(months['status'])})"
       ,
        source=ARRIVALS_SOURCE,
        legend_title="Added up from January, by year" if cumulative else "",
        height_px=560 if cumulative else 480,
        reserve=(ARTICLE_TRACE,),
    )
    if points is not None:  # last, in the legend slot kept for it
        fig.add_trace(points)
    return fig


def deaths_by_year_chart(
    deaths_by_year: pd.DataFrame, figures: pd.DataFrame | None = None
) -> go.Figure:
    """Deaths per year, one bar per counting body side by side: bodies count different things.

    Partial-year and low-confidence counts are hatched and lighter. Article figures of
    deaths in a year (`period` YYYY) are diamonds.
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
    points = article_points(figures, "deaths")
    fig.update_layout(
        xaxis={"title": {"text": "Year"}, "dtick": 1},
        yaxis={"title": {"text": "Deaths (minimum counts)"}},
        barmode="group",
    )
    finish(
        fig,
        title="Deaths on the route, per year",
        subtitle="Each body's own count, side by side: all are minimums. Hatched: partial "
        "year or low confidence",
        source="Sources: each body's published count (table below: every row's link)",
        legend_title="Counted by",
        height_px=580,
        reserve=(ARTICLE_TRACE,),
    )
    if points is not None:  # last, in the legend slot kept for it
        fig.add_trace(points)
    return fig


# Which article figures each chart marks: metric, length of the period, where they sit.
_CHART_MARKERS: dict[str, tuple[str, int, str]] = {
    "yearly": ("crossings", 4, "period"),  # arrivals_by_year_chart
    "monthly": ("crossings", 7, "period"),  # monthly_arrivals_chart
    "cumulative": ("crossings", 4, "reported"),  # monthly_arrivals_chart(cumulative=True)
    "deaths": ("deaths", 4, "period"),  # deaths_by_year_chart
}


def article_points(
    figures: pd.DataFrame | None, chart: str, *, marked: pd.DataFrame | None = None
) -> go.Scatter | None:
    """The marker trace of article figures that chart (`yearly`, `monthly`, `cumulative` or `deaths`) adds last, or None.

    The chart without figures plus this trace is the chart with them: a page that
    draws the official series once can mark each selection's figures on a copy.
    `marked`, some rows of `marked_figures(..., chart)` (those of the figures the
    selection holds, in their order), stands in for `figures`: worked out once for a
    whole corpus, then only picked.
    """
    if marked is None:
        if figures is None or figures.empty or "metric" not in figures:
            return None
        marked = marked_figures(figures, chart)
    return _marker_trace(marked, weekly_allowed=_CHART_MARKERS[chart][2] == "reported")


def marked_figures(figures: pd.DataFrame, chart: str) -> pd.DataFrame:
    """The figures a chart marks, one row each in their order: row (position in `figures`), x, y, words, article, evidence.

    A figure for a whole year (period YYYY) or month (YYYY-MM), as the chart needs, of
    its metric, a total (no group) and the article's own (not a "Read more" headline).
    It sits at its period (the year, or the first of the month), or on the cumulative
    chart at the day it was reported (`fact_date`).
    """
    metric, period_length, at = _CHART_MARKERS[chart]

    def column(name: str) -> pd.Series:
        return figures[name] if name in figures else pd.Series(pd.NA, index=figures.index)

    period = column("period").astype("string")
    keep = (
        (column("metric") == metric).fillna(False).to_numpy(dtype=bool)
        & (period.str.len() == period_length).fillna(False).to_numpy(dtype=bool)
        & column("group").isna().to_numpy()  # "17 men" is not a total
        # a "Read more" headline belongs to another article
        & ~column("own").eq(False).fillna(False).to_numpy(dtype=bool)
    )
    if at == "reported":
        keep &= column("fact_date").notna().to_numpy()
    if not keep.any():
        return pd.DataFrame({c: [] for c in ("row", "x", "y", "words", "article", "evidence")})
    rows = figures[keep]
    period = period[keep].astype(str)
    values = rows["value"].astype("int64")
    qualifiers = rows["qualifier"].astype(object).map(QUALIFIER_WORDS).fillna("")
    return pd.DataFrame({
        "row": np.flatnonzero(keep),
        "x": pd.to_datetime(rows["fact_date"]).to_numpy() if at == "reported"
        else pd.to_datetime(period + "-01").to_numpy() if period_length == 7
        else period.astype("int64").to_numpy(),
        "y": values.to_numpy(),
        "words": (qualifiers + values.map("{:,}".format) + f" {metric}, " + period).to_numpy(),
        "article": rows["article"].astype(str).to_numpy(),
        "evidence": rows["evidence"].astype(object).fillna("").astype(str).to_numpy(),
    })  # fmt: skip


def _marker_trace(marked: pd.DataFrame, *, weekly_allowed: bool) -> go.Scatter | None:
    """Figures alike (the same words at the same place, as when many articles repeat one total) as one marker each.

    Each marker's hover names the first article and how many more reports there are;
    days reported on (`weekly_allowed`) become the Monday of their week when there are
    more than `_MOST_MARKERS` markers. Each marker's `customdata` is (article, figure in
    words, evidence, reports), unescaped, so `chart_markers` can list what a chart
    shows; the hover label is the escaped form.
    """
    if marked.empty:
        return None
    by_date = pd.api.types.is_datetime64_any_dtype(marked["x"])
    alike = marked.groupby(["x", "y", "words"], sort=False)
    markers = alike[["article", "evidence"]].first().assign(reports=alike.size()).reset_index()
    weekly = weekly_allowed and len(markers) > _MOST_MARKERS
    if weekly:  # thousands of days reported on: one marker a week, on its Monday
        days = pd.to_datetime(markers["x"])
        markers["x"] = (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).to_numpy()
        alike = markers.groupby(["x", "y", "words"], sort=False)
        markers = (
            alike[["article", "evidence"]]
            .first()
            .assign(reports=alike["reports"].sum())
            .reset_index()
        )
    more = np.where(
        markers["reports"] > 1,
        "<br>and " + (markers["reports"] - 1).map("{:,}".format) + " more report(s) of it",
        "",
    )
    when = (
        "<br>reported in the week of " + pd.to_datetime(markers["x"]).dt.strftime("%Y-%m-%d")
        if weekly
        else ""
    )
    labels = (
        escape_html_column(markers["article"]) + ": " + escape_html_column(markers["words"]) + "<br>“"
        + escape_html_column(markers["evidence"]) + "”" + more + when
    )  # fmt: skip
    # Arrays where plotly would check a list element by element (0.1 s a chart for
    # dates and lists of lists); numbers stay lists, which plotly writes out as numbers.
    return go.Scatter(
        name=ARTICLE_TRACE,
        x=markers["x"].to_numpy() if by_date else markers["x"].tolist(),
        y=markers["y"].tolist(),
        mode="markers",
        marker=ARTICLE_MARKER,
        customdata=markers[["article", "words", "evidence", "reports"]].to_numpy(dtype=object),
        hovertext=labels.to_numpy(dtype=object),
        hoverinfo="text",
    )


def status_label(statuses: pd.Series) -> str:
    """A series' status in words, from its rows: "final", "provisional" or "final and provisional"."""
    found = [s for s in ("final", "provisional") if s in set(statuses.astype(str))]
    return " and ".join(found) or "status unknown"


def chart_markers(fig: go.Figure) -> pd.DataFrame:
    """The article figures a context chart marks: columns article, figure, evidence, x, y, reports.

    One row a marker; `reports` counts the figures alike it stands for (the first one's
    article and evidence are given).

    Read back from the chart's marker trace, so a table beneath the chart lists exactly
    what it shows (for readers who cannot see the chart).
    """
    rows = []
    for trace in fig.data:
        if trace.name != ARTICLE_TRACE:
            continue
        for x, y, (article, words, evidence, reports) in zip(
            trace.x, trace.y, trace.customdata, strict=True
        ):
            rows.append({"article": article, "figure": words, "evidence": evidence, "x": x, "y": y,
                         "reports": int(reports)})  # fmt: skip
    return pd.DataFrame(rows, columns=list(MARKER_COLUMNS))
