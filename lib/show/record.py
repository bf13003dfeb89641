"""Charts of the record: arrivals per day, week or month with the IOM incidents beneath, and each year added up from 1 January.

Builders return a `go.Figure` and never draw. Arrivals are summed before plotting (a
nine-year view sends about a hundred monthly bars, not 3,154 days), periods outside a
series are shaded "no data" rather than drawn as zero, and every figure carries its
source line, so a downloaded image keeps it. IOM's location text reaches hover labels
escaped (`lib.show.html`); article figures arrive with their hover text escaped already.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lib.record.incidents import incident_span, incidents_between
from lib.record.load import Record
from lib.record.series import Day, Period, arrivals, cumulative_by_year, series_span, shown_span
from lib.schema import QUALIFIER_WORDS
from lib.show.html import escape_html, escape_html_column, hover_sentences
from lib.show.official import ARTICLE_MARKER
from lib.show.palette import OKABE_ITO
from lib.show.publish import (
    MODEBAR_PX,
    NARROW_PX,
    SOURCE_COLOUR,
    add_source,
    legend_below,
    quiet_axes,
    title_layout,
)

SOURCE_LINE = (
    "Source: Home Office, small boat arrivals (provisional); "
    "IOM Missing Migrants Project (minimum counts)"
)
ARRIVALS_SOURCE = "Source: Home Office, small boat arrivals (provisional)"
INCIDENT_COLOURS: dict[str, str] = {
    "at sea": OKABE_ITO["blue"],
    "vehicle": OKABE_ITO["orange"],
    "other": OKABE_ITO["reddish_purple"],
}
PEOPLE_COLOUR = OKABE_ITO["sky_blue"]
BOATS_COLOUR = OKABE_ITO["vermillion"]
NO_DATA_COLOUR = "rgba(153,153,153,0.18)"
PAST_YEAR_COLOUR = "#999999"  # the years not highlighted, in grey
HIGHLIGHT_COLOURS = (OKABE_ITO["vermillion"], OKABE_ITO["blue"], OKABE_ITO["bluish_green"])
ARTICLE_TRACE = "Figures in the articles"
Granularity = Literal["auto", "day", "week", "month"]

_MARGIN = {"l": 56, "r": 16, "t": 64 + MODEBAR_PX, "b": 176}  # the title beneath the toolbar
_RIGHT_AXIS_PX = 56  # the boats axis, on the right
# the legend's top, in px above the figure's bottom: beneath the plot and its dates, above
# the source line; two entries a row, so the five entries take three rows on a phone
_LEGEND_TOP_PX = 108
_DAY_MS = 86_400_000
_LABEL_FONT = 10
# the deadliest incidents' labels: a dark chip with white text reads on a light and on a
# dark page alike (opaque: it hides the pointers of higher labels passing behind it)
LABEL_CHIP = "rgba(64,64,64,0.95)"
LABEL_CHIP_TEXT = "#ffffff"
_CHAR_PX = 6.0  # width of a character at 10 px, a little over the average, to be safe
_LABEL_LEVELS = 3  # rows of labels above the incidents
_LABEL_STEP_PX = 30  # between rows of labels (a two-line label at 10 px is about 26 px tall)
_LABEL_SHIFT_PX = 110  # how far a label may move aside from above its incident
_ROW_HEIGHTS = (0.55, 0.45)
_SPACING = 0.1
_MONTH_TICKS = [1, 32, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335]  # 1st of each month
_PERIOD_WORDS = {
    "day": "Daily",
    "week": "Weekly (Monday–Sunday)",
    "month": "Monthly",
    "year": "Yearly",
}
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def choose_granularity(first: Day, last: Day) -> Period:
    """The period bars are summed by: a day up to 120 days, a week up to 3 years, else a month."""
    span = (pd.Timestamp(last) - pd.Timestamp(first)).days + 1
    if span <= 120:
        return "day"
    if span <= 3 * 366:
        return "week"
    return "month"


def _words(day: pd.Timestamp | date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _period_words(start: pd.Timestamp, by: Period) -> str:
    if by == "day":
        return _words(start)
    if by == "week":
        return f"Week of Mon {_words(start)}"
    if by == "month":
        return f"{_MONTHS[start.month - 1]} {start.year}"
    return str(start.year)


def _bars(
    periods: pd.DataFrame, by: Period, start: pd.Timestamp, end: pd.Timestamp
) -> dict[str, Any]:
    """Bar positions: each bar spans the days it sums (a week cut by the window is narrower)."""
    lo = periods["period_start"].where(periods["period_start"] >= start, start)
    hi = periods["period_end"].where(periods["period_end"] <= end, end)
    width_days = (hi - lo).dt.days + 1
    centres = lo + pd.to_timedelta(width_days / 2, unit="D")
    hover = [
        f"{_period_words(s, by)}: {p:,} people in {b:,} boats"
        + ("" if ok else f"<br>partial: {d} of {(e - s).days + 1} days counted")
        for s, e, p, b, d, ok in zip(
            periods["period_start"], periods["period_end"], periods["people"], periods["boats"],
            periods["days"], periods["complete"], strict=True,
        )
    ]  # fmt: skip
    return {
        "x": centres.tolist(),
        "width": (width_days * _DAY_MS * (0.8 if by == "day" else 0.9)).tolist(),
        "hovertext": hover,
    }


def _no_data(
    fig: go.Figure, start: pd.Timestamp, end: pd.Timestamp, covered: tuple[pd.Timestamp, pd.Timestamp],
    row: int, words: str,
) -> None:  # fmt: skip
    """Shade the parts of [start, end] outside `covered` in `row`, labelled, so they never read as zero."""
    spans = []
    if start < covered[0]:
        spans.append((start, min(end, covered[0] - pd.Timedelta(days=1))))
    if end > covered[1]:
        spans.append((max(start, covered[1] + pd.Timedelta(days=1)), end))
    for lo, hi in spans:
        fig.add_vrect(
            x0=lo, x1=hi + pd.Timedelta(days=1), row=row, col=1, fillcolor=NO_DATA_COLOUR,
            exclude_empty_subplots=False, line_width=0, layer="below", annotation_text=words, annotation_position="top left",
            annotation_textangle=-90, annotation_font={"size": 10, "color": SOURCE_COLOUR},
        )  # fmt: skip


def _overlaps(span: tuple[float, float], spans: list[tuple[float, float]]) -> bool:
    return any(span[0] < hi and span[1] > lo for lo, hi in spans)


def _place_labels(
    candidates: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, *, most: int,
    plot_px: float, region: tuple[float, float],
) -> list[tuple[int, int, float]]:  # fmt: skip
    """Which of the deadliest incidents get a label, at which level, centred where (in px).

    Greedy, most deadly first, with the plot `plot_px` wide (its width on a phone): a label
    takes the lowest of `_LABEL_LEVELS` levels where it fits without overlapping another
    label, above its incident or moved aside (at most `_LABEL_SHIFT_PX`, its pointer then
    slants). Labels stay inside `region` (px: the plot less the shaded "no data" parts).
    A pointer may pass behind a lower label: those are drawn last, on an opaque ground.
    No room at any level: no label.
    Returns (row in candidates, level, x of the label's centre).
    """
    span_ms = max((end - start).total_seconds() * 1000 + _DAY_MS, 1)
    placed: list[tuple[int, int, float]] = []
    labels: dict[int, list[tuple[float, float]]] = {lv: [] for lv in range(_LABEL_LEVELS)}
    for i, row in enumerate(candidates.to_dict("records")):
        if len(placed) == most:
            break
        half = max(len(line) for line in row["label"].split("<br>")) * _CHAR_PX / 2 + 3
        low, high = region[0] + half, region[1] - half
        if low > high:
            continue
        point = (pd.Timestamp(row["date"]) - start).total_seconds() * 1000 / span_ms * plot_px
        centre = min(max(point, low), high)
        found = None
        for level in range(_LABEL_LEVELS):
            taken = labels[level]
            # above the incident, else just beside a label in the way, nearest first
            options = [centre] + [c for lo, hi in taken for c in (hi + half + 1, lo - half - 1)]
            options = sorted(
                (c for c in options if low <= c <= high and abs(c - point) <= _LABEL_SHIFT_PX),
                key=lambda c: abs(c - centre),
            )
            free = [c for c in options if not _overlaps((c - half, c + half), taken)]
            if free:
                found = (level, free[0])
                break
        if found is not None:
            labels[found[0]].append((found[1] - half, found[1] + half))
            placed.append((i, found[0], found[1]))
    return placed


def _incident_hover(incidents: pd.DataFrame) -> list[str]:
    places = hover_sentences(incidents["location"].astype(str))
    causes = escape_html_column(incidents["cause"].astype(str))
    return [
        f"{_words(d)} · {dead} dead, {missing} missing ({kind})<br>{place}<br>Cause: {cause}"
        f"<br>IOM incident {escape_html(str(iid))}"
        for d, dead, missing, kind, place, cause, iid in zip(
            incidents["date"], incidents["dead"], incidents["missing"], incidents["kind"],
            places, causes, incidents["incident_id"], strict=True,
        )
    ]  # fmt: skip


def _incident_label(row: dict[str, Any]) -> str:
    """Place, dead and missing, date: "Calais<br>27 · 24 Nov 2021" (the row's axis says what 27 counts)."""
    place = str(row["place"])
    place = place if len(place) <= 16 else place[:15].rstrip() + "…"
    return f"{escape_html(place)}<br>{int(row['dead_and_missing'])} · {_words(row['date'])}"


def record_timeline(
    record: Record,
    first: Day | None = None,
    last: Day | None = None,
    *,
    by: Granularity = "auto",
    boats: bool = False,
    incidents: bool = True,
    kinds: tuple[str, ...] | list[str] | None = None,
    article_figures: pd.DataFrame | None = None,
    annotate: int = 5,
    width_px: int = NARROW_PX,
) -> go.Figure:
    """People arriving per day, week or month as bars; beneath, each IOM incident's dead and missing.

    Args:
        record: from `load_record()`.
        first, last: the dates shown (default: the daily series' first and last day). Parts
            outside a series are shaded "no data".
        by: "auto" (a day up to 120 days, a week up to 3 years, else a month), or a period.
        boats: add boats per period, a line on a right-hand axis.
        incidents: draw the incidents row (circles: area ∝ dead + missing, colour = kind).
        kinds: keep only these kinds of incident (None: all).
        article_figures: an extra marker trace, added last: columns x (date), y (people),
            label (plain text) and hover (HTML, escaped by the caller).
        annotate: at most this many of the deadliest incidents in view are labelled.
        width_px: the narrowest width the labels must not overlap at.

    The period used is in the y-axis title, the subtitle and `layout.meta["granularity"]`.
    """
    span = series_span(record)
    start, end = shown_span(record, first, last)
    if end < start:
        raise ValueError(
            f"first {start.date()} is after last {end.date()}; accepted: first <= last"
        )
    period: Period = choose_granularity(start, end) if by == "auto" else by
    periods = arrivals(record, start, end, by=period)
    rows = 2 if incidents else 1
    margin = {**_MARGIN, "r": _MARGIN["r"] + (_RIGHT_AXIS_PX if boats else 0)}
    plot_px = width_px - margin["l"] - margin["r"]
    height = (640 if incidents else 440) + MODEBAR_PX
    row_px = (height - margin["t"] - margin["b"]) * (1 - _SPACING) * _ROW_HEIGHTS[1]
    fig = make_subplots(
        rows=rows, cols=1, shared_xaxes=True, vertical_spacing=_SPACING,
        row_heights=list(_ROW_HEIGHTS) if incidents else [1.0],
        specs=[[{"secondary_y": True}]] + ([[{}]] if incidents else []),
    )  # fmt: skip
    bars = _bars(periods, period, start, end)
    complete = periods["complete"].to_numpy(dtype=bool)
    # a period cut by the window or the series is hatched, and named so in the legend
    for whole, name, pattern in ((True, "People", ""), (False, "People (partial)", "/")):
        keep = complete == whole
        if not keep.any():
            continue
        fig.add_trace(
            go.Bar(
                name=name, x=[x for x, k in zip(bars["x"], keep, strict=True) if k],
                y=periods.loc[keep, "people"].tolist(),
                width=[w for w, k in zip(bars["width"], keep, strict=True) if k],
                hovertext=[h for h, k in zip(bars["hovertext"], keep, strict=True) if k],
                hovertemplate="%{hovertext}<extra></extra>",
                marker={"color": PEOPLE_COLOUR, "line": {"width": 0}, "pattern": {"shape": pattern},
                        "opacity": 1.0 if whole else 0.7},
            ),
            row=1, col=1, secondary_y=False,
        )  # fmt: skip
    if boats:
        fig.add_trace(
            go.Scatter(
                name="Boats", x=bars["x"], y=periods["boats"].tolist(),
                mode="lines", line={"color": BOATS_COLOUR, "width": 1.5, "shape": "hvh"},
                hovertext=bars["hovertext"], hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=1, col=1, secondary_y=True,
        )  # fmt: skip
        fig.update_yaxes(title_text=f"Boats per {period}", row=1, col=1, secondary_y=True,
                         rangemode="tozero", showgrid=False, tickmode="auto", nticks=5)  # fmt: skip
    observed = (pd.Timestamp(span[0]), pd.Timestamp(span[1]))
    _no_data(fig, start, end, observed, 1, "no arrivals data")
    shown = pd.DataFrame()
    if incidents:
        shown = incidents_between(record, start, end, kinds=kinds)
        _incident_row(
            fig, shown, record, start, end, annotate=annotate, plot_px=plot_px, row_px=row_px
        )
    fig.update_yaxes(title_text=f"People per {period}", row=1, col=1, secondary_y=False,
                     rangemode="tozero")  # fmt: skip
    fig.update_xaxes(range=[start, end + pd.Timedelta(days=1)], type="date")
    fig.update_xaxes(title_text="Date", row=rows, col=1)
    if article_figures is not None and not article_figures.empty:
        fig.add_trace(article_trace(article_figures))
    fig.update_layout(
        title=title_layout(
            "Small-boat arrivals and deaths" if incidents else "Small-boat arrivals",
            f"{_PERIOD_WORDS[period]} totals · {_words(start)} – {_words(end)}",
        )[0],
        height=height, margin=margin, bargap=0,
        legend=legend_below(_LEGEND_TOP_PX, height, font={"size": 10}),
        hovermode="closest",
        meta={"granularity": period, "first": start.date().isoformat(), "last": end.date().isoformat(),
              "periods": len(periods), "incidents": len(shown)},
    )  # fmt: skip
    quiet_axes(fig)
    fig.update_xaxes(showgrid=False)
    add_source(fig, SOURCE_LINE if incidents else ARRIVALS_SOURCE, margin["b"])
    return fig


def article_trace(article_figures: pd.DataFrame) -> go.Scatter:
    """The articles' own figures on the record's top row (axes x and y): `article_markers` rows.

    `record_timeline(article_figures=...)` adds it last; a page that keeps the record's
    chart for some dates adds it to a copy for each selection of articles.
    """
    return go.Scatter(
        name=ARTICLE_TRACE, mode="markers", marker=ARTICLE_MARKER, xaxis="x", yaxis="y",
        x=pd.to_datetime(article_figures["x"]).tolist(), y=article_figures["y"].tolist(),
        text=escape_html_column(article_figures["label"].astype(str)).tolist(),
        hovertext=article_figures["hover"].astype(str).tolist(),
        hovertemplate="%{hovertext}<extra></extra>",
    )  # fmt: skip


def _incident_row(
    fig: go.Figure, shown: pd.DataFrame, record: Record, start: pd.Timestamp, end: pd.Timestamp,
    *, annotate: int, plot_px: float, row_px: float,
) -> None:  # fmt: skip
    """The second row: a circle per incident (area ∝ dead + missing), the deadliest labelled.

    The labels take the top of the row, in `_LABEL_LEVELS` rows `_LABEL_STEP_PX` apart; the
    y range is set so that the deadliest incident sits below the lowest of them.
    """
    most = int(shown["dead_and_missing"].max()) if not shown.empty else 1
    step = _LABEL_STEP_PX / row_px
    levels = [0.95 - step * (_LABEL_LEVELS - 1 - n) for n in range(_LABEL_LEVELS)]
    lowest_point = levels[0] - (_LABEL_STEP_PX / 2 + 8) / row_px if annotate > 0 else 0.9
    top = max(most, 1) / max(lowest_point, 0.2)
    sizeref = 2.0 * max(most, 1) / 24**2  # the deadliest is 24 px across
    hover = _incident_hover(shown) if not shown.empty else []
    shown = shown.assign(hover=hover)
    for kind, colour in INCIDENT_COLOURS.items():
        rows = shown[(shown["kind"] == kind).to_numpy(dtype=bool)]
        fig.add_trace(
            go.Scatter(
                name=f"{kind.capitalize()} (IOM)", mode="markers", x=rows["date"].tolist(),
                y=rows["dead_and_missing"].tolist(), hovertext=rows["hover"].tolist(),
                hovertemplate="%{hovertext}<extra></extra>",
                marker={"color": colour, "size": rows["dead_and_missing"].tolist(), "sizemode": "area",
                        "sizeref": sizeref, "sizemin": 3, "opacity": 0.8,
                        "line": {"width": 0.5, "color": "white"}},
            ),
            row=2, col=1,
        )  # fmt: skip
    fig.update_yaxes(title_text="Dead and missing per incident", range=[0, top], row=2, col=1,
                     rangemode="tozero")  # fmt: skip
    covered = incident_span(record)
    _no_data(fig, start, end, covered, 2, "no IOM data")
    if annotate <= 0 or shown.empty:
        return
    span_ms = (end - start).total_seconds() * 1000 + _DAY_MS

    def px(day: pd.Timestamp) -> float:
        return (day - start).total_seconds() * 1000 / span_ms * plot_px

    region = (max(0.0, px(covered[0])), min(plot_px, px(covered[1] + pd.Timedelta(days=1))))
    deadliest = shown.sort_values(["dead_and_missing", "date"], ascending=[False, True],
                                  kind="stable").head(annotate * 3)  # fmt: skip
    deadliest = deadliest.assign(label=[_incident_label(r) for r in deadliest.to_dict("records")])
    placed = _place_labels(deadliest, start, end, most=annotate, plot_px=plot_px, region=region)
    # highest labels first, so a lower label (opaque) hides the pointers passing behind it
    for i, level, centre in sorted(placed, key=lambda p: -p[1]):
        row = deadliest.iloc[i]
        fig.add_annotation(
            x=row["date"], y=int(row["dead_and_missing"]), xref="x2", yref="y3",
            ax=(start + pd.Timedelta(milliseconds=centre / plot_px * span_ms)).round("s"),
            ay=levels[level] * top,
            axref="x2", ayref="y3", text=row["label"], showarrow=True, arrowhead=0, arrowwidth=0.8,
            arrowcolor="#808080", font={"size": _LABEL_FONT, "color": LABEL_CHIP_TEXT}, align="center",
            bgcolor=LABEL_CHIP, name="deadliest",
        )  # fmt: skip


def by_year_chart(
    record: Record,
    *,
    years: list[int] | None = None,
    highlight: list[int] | None = None,
    every_days: int = 7,
    height_px: int = 420 + MODEBAR_PX,
) -> go.Figure:
    """Each year's arrivals added up from 1 January, one line per year on one January–December axis.

    Args:
        years: the years drawn (default: every year of the series).
        highlight: years drawn in colour (default: the year not over yet, else the last).
        every_days: a point every so many days (and always the year's last day), to keep
            the figure light; 1 draws every day.
        height_px: the height the year labels are spread for.
    """
    totals = cumulative_by_year(record, years)
    if totals.empty:
        raise ValueError(
            f"years {years}: none in the series; accepted: 2018 to {series_span(record)[1].year}"
        )
    last_rows = totals.groupby("year").tail(1)
    if highlight is None:
        partial = last_rows.loc[~last_rows["year_complete"], "year"].tolist()
        highlight = partial or [int(last_rows["year"].max())]
    keep = ((totals["day_of_year"] - 1) % max(every_days, 1) == 0) | totals.index.isin(
        last_rows.index
    )
    points = totals[keep.to_numpy(dtype=bool)]
    fig = go.Figure()
    ends: list[tuple[int, int, float, str, bool]] = []
    order = sorted(points["year"].unique(), key=lambda y: (y in highlight, y))  # highlighted on top
    for year in order:
        rows = points[points["year"] == year]
        lit = year in highlight
        colour = (
            HIGHLIGHT_COLOURS[highlight.index(year) % len(HIGHLIGHT_COLOURS)]
            if lit
            else PAST_YEAR_COLOUR
        )
        last = rows.iloc[-1]
        complete = bool(last["year_complete"])
        fig.add_trace(
            go.Scatter(
                name=str(year) + ("" if complete else f" (to {_words(last['date'])})"),
                x=rows["day_of_year"].tolist(), y=rows["cumulative_people"].tolist(), mode="lines",
                line={"color": colour, "width": 3 if lit else 1.5},
                customdata=[[_words(d)] for d in rows["date"]],
                hovertemplate="%{customdata[0]}: %{y:,} people since 1 January<extra>" + str(year) + "</extra>",
                showlegend=False,
            )
        )  # fmt: skip
        ends.append(
            (int(year), int(last["day_of_year"]), float(last["cumulative_people"]), colour, lit)
        )
    top = float(points["cumulative_people"].max()) * 1.05 or 1.0
    margin = {**_MARGIN, "b": 96}
    plot_px = height_px - margin["t"] - margin["b"]
    for (year, x, y, colour, lit), shift in zip(
        ends, _spread([e[2] for e in ends], top, plot_px), strict=True
    ):
        fig.add_annotation(
            x=x, y=y, text=f"<b>{year}</b>" if lit else str(year), showarrow=False, xanchor="left",
            xshift=4, yshift=shift, font={"size": 11, "color": colour}, name="year",
        )  # fmt: skip
    fig.update_layout(
        title=title_layout("Arrivals by year, from 1 January",
                           "People detected arriving by small boat, added up day by day")[0],
        height=height_px, margin=margin, hovermode="closest",
        meta={"points": len(points), "years": [int(y) for y in sorted(points["year"].unique())],
              "highlight": [int(y) for y in highlight]},
    )  # fmt: skip
    fig.update_xaxes(title_text="Day of the year", tickvals=_MONTH_TICKS[::2], ticktext=_MONTHS[::2],
                     tickangle=0, range=[1, 366 + 40], showgrid=False)  # fmt: skip
    fig.update_yaxes(title_text="People since 1 January (cumulative)", rangemode="tozero",
                     range=[0, top])  # fmt: skip
    quiet_axes(fig)
    add_source(fig, ARRIVALS_SOURCE, margin["b"])
    return fig


def _spread(values: list[float], top: float, plot_px: int, gap_px: float = 13.0) -> list[float]:
    """Vertical pixel shifts that keep labels at these values at least `gap_px` apart (pushed upwards)."""
    pixels = [v / top * plot_px for v in values]
    order = sorted(range(len(values)), key=lambda i: pixels[i])
    shifts = [0.0] * len(values)
    floor = -1e9
    for i in order:
        y = max(pixels[i], floor + gap_px)
        shifts[i] = y - pixels[i]
        floor = y
    return shifts


def article_markers(
    figures: pd.DataFrame, by: Period, titles: dict[str, str] | None = None
) -> pd.DataFrame:
    """The articles' crossing counts that are about exactly one bar of the record chart, as markers.

    Like with like: with daily bars, a count of one day ("1,295 crossed on Monday"); with
    monthly bars, a count of one whole month ("In August alone, 1,468"); with weekly, of one
    Monday-to-Sunday week. A year so far or a whole year is never drawn on a bar it does
    not measure. Returns columns x (the middle of the period), y, label (plain text) and
    hover (escaped HTML), for `record_timeline(article_figures=...)`.
    """
    columns = ["x", "y", "label", "hover"]
    titles = titles or {}
    if figures.empty or "period_start" not in figures:
        return pd.DataFrame({c: [] for c in columns})
    own = figures[
        (figures["metric"] == "crossings").to_numpy(dtype=bool)
        & figures["own"].to_numpy(dtype=bool)
        & (figures["group"].isna() | (figures["group"] == "")).to_numpy(dtype=bool)
        & figures["period_start"].notna().to_numpy()
        & figures["period_end"].notna().to_numpy()
    ]
    first, last = pd.to_datetime(own["period_start"]), pd.to_datetime(own["period_end"])
    if by == "day":
        whole = first == last
    elif by == "week":
        whole = (first.dt.day_of_week == 0) & (last - first == pd.Timedelta(days=6))
    elif by == "month":
        whole = (first.dt.day == 1) & (last == first + pd.offsets.MonthEnd(0))
    else:
        whole = (first.dt.dayofyear == 1) & (last == first + pd.offsets.YearEnd(0))
    own, first, last = own[whole.to_numpy()], first[whole], last[whole]
    if own.empty:
        return pd.DataFrame({c: [] for c in columns})
    middle = first + (last - first + pd.Timedelta(days=1)) / 2
    qualifiers = own["qualifier"].astype(object).map(QUALIFIER_WORDS).fillna("")
    labels = qualifiers + own["value"].map("{:,}".format) + " crossed"
    hover = (
        "<b>" + escape_html_column(labels) + "</b> (" + _period_words_column(first, by) + ")<br>"
        + escape_html_column(own["article"].map(lambda a: titles.get(str(a), str(a))))
        + "<br>" + hover_sentences(own["sentence"])
    )  # fmt: skip
    return pd.DataFrame(
        {"x": middle.to_numpy(), "y": own["value"].to_numpy(), "label": labels.to_numpy(), "hover": hover.to_numpy()}
    )


def _period_words_column(starts: pd.Series, by: Period) -> pd.Series:
    return pd.Series([_period_words(s, by) for s in starts], index=starts.index, dtype=object)
