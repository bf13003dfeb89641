"""The timeline: every dated fact on one date axis, a lane per kind, as plotly Figures.

Nothing here draws: each builder returns a `go.Figure` that the page hands to
Streamlit and the tests read back as data. Article text that reaches a hover label is
escaped (`lib.show.html`), because plotly renders hover text as HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.schema import KINDS
from lib.show.html import escape_html_column, hover_sentences
from lib.show.labels import describe_facts
from lib.show.palette import KIND_COLOURS, OKABE_ITO
from lib.show.publish import finished_layout

ARTICLES_SOURCE = "Source: the selected articles (Sources page: each one, with its link)"
_SYMBOLS_WORDS = "Hollow: from “Read more” headlines; open diamond: a plan, announced, not happened"

_GRID_ROWS = 6  # timeline: facts of one kind and day stacked this high...
_GRID_STEP = 0.12  # ...this far apart on the kind axis...
_GRID_HOURS = 16.0  # ...in columns spread over this many hours around their day


def dated_facts(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Every dated fact once, in timeline order: kind, fact_date, label, article, start, end, own, table, row.

    The order is the lanes' (KINDS), then date, article and place in the text.
    `table` and `row` say where each fact came from (the table's name and its row
    position): this is worked out once for a whole corpus, the facts of a selection
    are picked from it (`lib.corpus.filters.pick_rows`), and `with_text` adds the words of
    the few that are shown. Repeated values are categories, so a large corpus costs
    little memory.
    """
    frames = []
    for name, table in tables.items():
        if table.empty:
            continue
        positions = np.flatnonzero(table["fact_date"].notna().to_numpy())
        dated = table.iloc[positions]
        frames.append(pd.DataFrame({
            "kind": dated["kind"].astype(str).to_numpy(), "fact_date": dated["fact_date"].to_numpy(),
            "label": describe_facts(dated).to_numpy(), "article": dated["article"].astype(str).to_numpy(),
            "start": dated["start"].to_numpy(), "end": dated["end"].to_numpy(),
            "own": dated["own"].to_numpy(dtype=bool), "table": name, "row": positions,
            "planned": dated["planned"].to_numpy(dtype=bool) if "planned" in dated else False,
        }))  # fmt: skip
    if not frames:  # typed, so `.dt` works on an empty selection too
        empty = pd.DataFrame({c: [] for c in _FACT_COLUMNS})
        return empty.astype({"fact_date": "datetime64[ns]", "row": "int64", "own": bool, "planned": bool})
    facts = pd.concat(frames, ignore_index=True)
    order = {k: i for i, k in enumerate(KINDS)}
    lane = facts["kind"].map(order).fillna(len(KINDS)).astype(float)
    facts = facts.assign(_lane=lane).sort_values(
        ["_lane", "fact_date", "article", "start"], kind="stable"
    )
    facts = facts.reset_index(drop=True)[list(_FACT_COLUMNS)]
    return facts.astype({c: "category" for c in ("kind", "label", "article", "table")})


_FACT_COLUMNS = ("kind", "fact_date", "label", "article", "start", "end", "own", "table", "row", "planned")


def with_text(
    facts: pd.DataFrame,
    tables: Mapping[str, pd.DataFrame],
    titles: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Facts (rows of `dated_facts` or `bin_points`) with their words: evidence, sentence and the article's title.

    `tables` are those `dated_facts` read (the rows are positions in them). Plain
    strings come back for the category columns, as the pages show them.
    """
    titles = titles or {}
    evidence = pd.Series("", index=facts.index, dtype=object)
    sentence = pd.Series("", index=facts.index, dtype=object)
    names = facts["table"].astype(str).to_numpy()
    for name in pd.unique(names):
        mine = names == name
        rows = facts["row"].to_numpy()[mine]
        evidence[mine] = tables[name]["evidence"].take(rows).astype(str).to_numpy()
        sentence[mine] = tables[name]["sentence"].take(rows).astype(str).to_numpy()
    text = facts.astype({c: str for c in ("kind", "label", "article", "table") if c in facts})
    return text.assign(
        evidence=evidence,
        sentence=sentence,
        title=[titles.get(a, a) for a in text["article"]],
    )


def lay_out_points(facts: pd.DataFrame) -> pd.DataFrame:
    """Dated facts (rows of `dated_facts`) as timeline points, numbered from 0, with their x and y.

    Each kind has its own lane (`y` near its index in KINDS). Facts of one kind and
    day are packed in a small grid around their day, up to `_GRID_ROWS` high and a few
    hours wide (`x`), so that once the axis spans days none hides another.
    """
    points = facts.reset_index(drop=True)
    if points.empty:
        return points.assign(x=points["fact_date"], y=pd.Series([], dtype=float))
    kind = points["kind"].astype(str)
    order = {k: i for i, k in enumerate(KINDS)}
    lane = kind.map(order).fillna(len(KINDS)).astype(float)
    day = [kind, points["fact_date"]]
    rank = points.groupby(day).cumcount()
    size = points.groupby(day)["row"].transform("size")
    rows = size.clip(upper=_GRID_ROWS)
    cols = -(-size // _GRID_ROWS)  # ceiling
    row, col = rank % _GRID_ROWS, rank // _GRID_ROWS
    y = lane + (row - (rows - 1) / 2) * _GRID_STEP
    hours = (col - (cols - 1) / 2) * (_GRID_HOURS / cols.clip(lower=2))
    return points.assign(x=points["fact_date"] + pd.to_timedelta(hours, unit="h"), y=y)


def timeline_points(
    tables: Mapping[str, pd.DataFrame], titles: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Every dated fact as one point: kind, fact_date, label, evidence, sentence, article, title, start, end, own, x, y.

    `dated_facts` with their words (`with_text`), laid out by `lay_out_points`: each
    kind on its own lane, facts of one kind and day in a small grid around their day.
    """
    points = lay_out_points(with_text(dated_facts(tables), tables, titles))
    return points[list(_POINT_COLUMNS)]


_POINT_COLUMNS = ("kind", "fact_date", "label", "evidence", "sentence", "article", "title",
                  "start", "end", "own", "planned", "x", "y")  # fmt: skip
BIN_PERIODS = ("day", "week", "month")


def bin_points(facts: pd.DataFrame, *, at_most: int) -> pd.DataFrame:
    """Dated facts counted by kind and period, for a timeline with too many to draw one by one.

    The period is the shortest of BIN_PERIODS (day, week, month) that gives at most
    `at_most` bins (month if none does). One row per kind and period, in lane then date
    order: kind, period, first_day, last_day, count, own (how many are the articles'
    own, not from "Read more" headlines), and label, article, table and row of the first
    fact, the example a hover shows (`with_text` adds its words).
    """
    columns = ["kind", "period", "first_day", "last_day", "count", "own", "label", "article",
               "table", "row"]  # fmt: skip
    if facts.empty:
        empty = pd.DataFrame({c: [] for c in columns})
        return empty.astype({"first_day": "datetime64[ns]", "last_day": "datetime64[ns]"})
    kinds = facts["kind"].astype("category")
    days = facts["fact_date"].dt.normalize()
    for period in BIN_PERIODS:
        first, last = _period_bounds(days, period)
        keys = kinds.cat.codes.to_numpy().astype("int64") * 10**6 + (
            first.to_numpy().astype("datetime64[D]").astype("int64")
        )  # kind and first day in one number: counting bins needs no groupby
        if len(pd.unique(keys)) <= at_most or period == BIN_PERIODS[-1]:
            break
    keyed = facts.assign(kind=kinds, first_day=first, last_day=last)
    bins = keyed.groupby(["kind", "first_day"], sort=False, observed=True).agg(
        last_day=("last_day", "first"), count=("row", "size"), own=("own", "sum"),
        label=("label", "first"), article=("article", "first"), table=("table", "first"),
        row=("row", "first"),
    ).reset_index()  # fmt: skip
    bins["kind"] = bins["kind"].astype(str)
    order = {k: i for i, k in enumerate(KINDS)}
    lane = bins["kind"].map(order).fillna(len(KINDS))
    bins = bins.assign(_lane=lane, period=period).sort_values(["_lane", "first_day"], kind="stable")
    return bins.reset_index(drop=True)[columns]


def _period_bounds(days: pd.Series, period: str) -> tuple[pd.Series, pd.Series]:
    """The first and last day of the day, week (Monday to Sunday) or month holding each day."""
    if period == "week":
        first = days - pd.to_timedelta(days.dt.day_of_week, unit="D")
        return first, first + pd.Timedelta(days=6)
    if period == "month":
        first = days - pd.to_timedelta(days.dt.day - 1, unit="D")
        return first, first + pd.to_timedelta(days.dt.days_in_month - 1, unit="D")
    return days, days


def facts_in_bins(facts: pd.DataFrame, bins: pd.DataFrame) -> pd.DataFrame:
    """The facts (rows of `facts`, in its order) that fall in the given bins (rows of `bin_points`)."""
    if bins.empty or facts.empty:
        return facts.iloc[0:0]
    keep = np.zeros(len(facts), dtype=bool)
    kind, day = facts["kind"].astype(str).to_numpy(), facts["fact_date"].dt.normalize()
    for b in bins.itertuples():
        keep |= (kind == b.kind) & (day >= b.first_day).to_numpy() & (day <= b.last_day).to_numpy()
    return facts[keep]


def build_timeline(points: pd.DataFrame, *, source: str = ARTICLES_SOURCE) -> go.Figure:
    """Dated facts on a date axis, one trace (and colour) per kind; hover shows the escaped sentence.

    Each point's `customdata` is its row number in `points`, so a selection maps back
    to the fact.
    """
    traces = []
    kinds = _kinds(points["kind"])
    hover = pd.Series([], dtype=str)
    if len(points):
        hover = (
            "<b>" + escape_html_column(points["label"]) + "</b><br>"
            + points["fact_date"].dt.strftime("%Y-%m-%d") + " · " + escape_html_column(points["title"])
            + "<br>" + hover_sentences(points["sentence"])
        )  # fmt: skip
    for kind in kinds:
        mine = (points["kind"].astype(str) == kind).to_numpy()
        rows = points[mine]
        traces.append({
            "type": "scatter", "x": _days(rows["x"]), "y": rows["y"].astype(float).tolist(),
            "mode": "markers", "name": kind,
            "marker": {"color": KIND_COLOURS.get(kind, OKABE_ITO["black"]), "size": 12,
                       "symbol": _symbols(rows["own"].to_numpy(dtype=bool),
                                          rows["planned"].to_numpy(dtype=bool) if "planned" in rows else None),
                       "line": {"width": 1, "color": "white"}},
            "customdata": [int(i) for i in rows.index], "hovertext": hover[mine].astype(str).tolist(),
            "hoverinfo": "text",
        })  # fmt: skip
    subtitle = f"{len(points):,} dated facts, at the date each is about. " + _SYMBOLS_WORDS
    return _timeline_figure(traces, kinds, subtitle, source)


def build_timeline_bins(bins: pd.DataFrame, *, source: str = ARTICLES_SOURCE) -> go.Figure:
    """Dated facts counted by kind and period (`bin_points` with `with_text`): one dot each, sized by the count.

    Drawn instead of a dot per fact when there are too many for a browser. A dot sits
    in the middle of its period; it is hollow when every fact in it comes from "Read
    more" headlines. Its `customdata` is its row number in `bins`; the hover gives the
    count, the period and one example, escaped.
    """
    traces = []
    kinds = _kinds(bins["kind"])
    order = {k: i for i, k in enumerate(KINDS)}
    hover = pd.Series([], dtype=str)
    if len(bins):
        hover = (
            "<b>" + bins["count"].map("{:,}".format) + " " + bins["kind"].astype(str)
            + " fact(s)</b> · " + describe_periods(bins) + "<br>e.g. " + escape_html_column(bins["label"])
            + " · " + escape_html_column(bins["title"]) + "<br>" + hover_sentences(bins["sentence"])
        )  # fmt: skip
    for kind in kinds:
        mine = (bins["kind"].astype(str) == kind).to_numpy()
        rows = bins[mine]
        middle = rows["first_day"] + (rows["last_day"] - rows["first_day"]) / 2
        traces.append({
            "type": "scatter", "x": _days(middle), "y": [float(order.get(kind, len(KINDS)))] * len(rows),
            "mode": "markers", "name": kind,
            "marker": {"color": KIND_COLOURS.get(kind, OKABE_ITO["black"]),
                       "size": np.minimum(30.0, 6 + 3 * np.sqrt(rows["count"].to_numpy(dtype=float))).tolist(),
                       "symbol": _symbols(rows["own"].to_numpy() > 0),
                       "line": {"width": 1, "color": "white"}},
            "customdata": [int(i) for i in rows.index], "hovertext": hover[mine].astype(str).tolist(),
            "hoverinfo": "text",
        })  # fmt: skip
    total = int(bins["count"].sum()) if len(bins) else 0
    subtitle = (
        f"{total:,} dated facts counted by kind and {bins['period'].iloc[0] if len(bins) else 'day'}:"
        " a bigger dot holds more. " + _SYMBOLS_WORDS
    )
    return _timeline_figure(traces, kinds, subtitle, source)


def describe_periods(bins: pd.DataFrame) -> pd.Series:
    """Each bin's period in words: '2021-11-24', 'week of 2021-11-22', 'Nov 2021'."""
    period = bins["period"].astype(str)
    first = bins["first_day"]
    return pd.Series(
        np.select(
            [period == "day", period == "week"],
            [first.dt.strftime("%Y-%m-%d"), "week of " + first.dt.strftime("%Y-%m-%d")],
            first.dt.strftime("%b %Y"),
        ),
        index=bins.index,
    )


def _symbols(own: np.ndarray, planned: np.ndarray | None = None) -> list[int]:
    """Plotly's marker symbols by number: 0 a circle (own facts), 100 an open one ("Read more"),
    102 an open diamond (a plan: a date after the article's, announced, not happened).

    Numbers, not names: plotly matches each name against its list of symbols, several
    times slower. A list, not an array, which plotly would write out as binary.
    """
    symbols = np.where(own, 0, 100)
    if planned is not None:
        symbols = np.where(planned, 102, symbols)
    return symbols.tolist()


def _kinds(kinds: pd.Series) -> list[str]:
    found = set(kinds.astype(str))
    return [k for k in KINDS if k in found] + sorted(found - set(KINDS))


def _days(values: pd.Series) -> list[str]:
    """Dates (and times) as plotly.js reads them: '2021-11-24' or '2021-11-24 12:00:00'."""
    stamps = pd.to_datetime(values)
    if stamps.empty:
        return []
    midnight = bool((stamps == stamps.dt.normalize()).all())
    return stamps.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M:%S").tolist()


def _timeline_figure(traces: list[dict[str, Any]], kinds: list[str], subtitle: str, source: str) -> go.Figure:
    """The timeline's figure from its traces, laid out and finished (`finished_layout`).

    Built from plain dicts and not validated: the chart is drawn again for every new
    selection, and plotly's validation of thousands of hover texts took longer than the
    rest of the page (tests/test_charts.py validates what this builds).
    """
    lanes = [i for i, k in enumerate(KINDS) if k in kinds]
    layout = finished_layout(
        kinds, title="What the articles say, by date", subtitle=subtitle, source=source, height_px=540
    )
    layout["xaxis"].update({
        "title": {"text": "Date the fact is about"}, "type": "date",
        "rangeselector": {"buttons": [
            {"count": 7, "label": "week", "step": "day", "stepmode": "backward"},
            {"count": 1, "label": "month", "step": "month", "stepmode": "backward"},
            {"count": 1, "label": "year", "step": "year", "stepmode": "backward"},
            {"label": "all", "step": "all"}]},
    })  # fmt: skip
    layout["yaxis"].update({
        "title": {"text": "Kind of fact"}, "tickvals": lanes, "ticktext": [KINDS[i] for i in lanes],
        "range": [-0.6, len(KINDS) - 0.4], "fixedrange": True,
    })  # fmt: skip
    layout["hoverlabel"] = {"align": "left"}
    # no clickmode/dragmode here: Streamlit sets its own for on_select, and ours break clicks
    layout["margin"]["t"] += 34  # the range buttons, above the plot
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


def points_from_selection(
    selection: Mapping[str, Any] | None, points: pd.DataFrame
) -> pd.DataFrame:
    """The timeline points a plotly selection event picked (`customdata` is the row number)."""
    if not selection:
        return points.iloc[0:0]
    rows: list[int] = []
    for point in selection.get("points", []) or []:
        custom = point.get("customdata")
        if isinstance(custom, list | tuple):
            custom = custom[0] if custom else None
        if custom is not None and 0 <= int(custom) < len(points) and int(custom) not in rows:
            rows.append(int(custom))
    return points.iloc[rows]
