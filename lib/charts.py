"""Chart builders: fact DataFrames -> plotly Figures and pydeck Decks, plus the shared colours and labels.

Nothing here draws: each builder returns a `go.Figure` or `pdk.Deck` that the page
hands to Streamlit, and the tests read back as data. Colours come from the Okabe-Ito
palette (safe for the common colour-vision deficiencies), one per fact kind, used the
same way on every page. Article text that reaches a plotly hover label is HTML escaped
here, because plotly renders hover text as HTML; the map's tooltip is plain text.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
KIND_COLOURS: dict[str, str] = {
    "figure": OKABE_ITO["orange"],
    "event": OKABE_ITO["blue"],
    "place": OKABE_ITO["bluish_green"],
    "quote": OKABE_ITO["reddish_purple"],
    "claim": OKABE_ITO["sky_blue"],
}
KIND_ORDER = ("figure", "event", "place", "quote", "claim")
DEATH_COLOUR = OKABE_ITO["vermillion"]  # places where deaths were reported
PLACE_COLOUR = KIND_COLOURS["place"]

# The first view of the map: the coast from Calais to Boulogne-sur-Mer, Wimereux between.
COAST_VIEW = {"latitude": 50.85, "longitude": 1.75, "zoom": 9.3}
CARTO_LIGHT = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json"

_QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "about": "about ",
    "fewer_than": "fewer than ",
    "up_to": "up to ",
}
_TOOLTIP_SENTENCES = 3  # sentences quoted per place in a map tooltip
_WRAP = 70  # characters per line in hover labels
_GRID_ROWS = 6  # timeline: facts of one kind and day stacked this high...
_GRID_STEP = 0.12  # ...this far apart on the kind axis...
_GRID_HOURS = 16.0  # ...in columns spread over this many hours around their day


def hex_to_rgb(colour: str, alpha: int = 255) -> list[int]:
    """'#D55E00' -> [213, 94, 0, 255], the colour form pydeck layers take."""
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def present(value: Any) -> bool:
    """False for None, NaN, NA, NaT and "": the cell holds nothing to show."""
    if value is None or value is pd.NA or value is pd.NaT:
        return False
    if isinstance(value, float) and pd.isna(value):
        return False
    return str(value) != ""


def describe_fact(row: Mapping[str, Any]) -> str:
    """One fact in a few plain words, for labels, hovers and tooltips (not escaped).

    >>> describe_fact({"kind": "figure", "metric": "deaths", "value": 27, "qualifier": "at_least"})
    'deaths: at least 27'
    """
    kind = row.get("kind")
    if kind == "figure":
        words = f"{row.get('metric')}: {_QUALIFIER_WORDS.get(str(row.get('qualifier')), '')}{int(row.get('value', 0)):,}"
        if present(row.get("group")):
            words += f" ({row['group']})"
        if present(row.get("period")):
            words += f", {row['period']}"
        return words
    if kind == "event":
        day = row.get("date")
        day_text = pd.Timestamp(day).date().isoformat() if present(day) else "?"
        return f"date: {day_text} ({row.get('phrase', '')})"
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


def _escape_wrapped(text: str, width: int = _WRAP) -> str:
    """Escaped text broken into `<br>`-joined lines, for a hover label."""
    return "<br>".join(html.escape(line) for line in textwrap.wrap(str(text), width) or [""])


def death_sentences(figures: pd.DataFrame) -> pd.DataFrame:
    """The sentences holding an own death figure: columns article, sentence_start, deaths (labels).

    A figure from a "Read more:" headline belongs to another article, so it marks no place here.
    """
    deaths = figures[(figures["metric"] == "deaths") & figures["own"].astype(bool)]
    if deaths.empty:
        return pd.DataFrame({"article": [], "sentence_start": [], "deaths": []})
    labels = deaths.assign(label=[describe_fact(r) for r in deaths.to_dict("records")])
    return labels.groupby(["article", "sentence_start"], as_index=False).agg(deaths=("label", list))


def place_summary(places: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """One row per place: how often it is named, whether a death figure shares a sentence with it.

    Returns columns name, lat, lon, country, mentions, articles, deaths (bool),
    death_figures (labels), sentences (distinct, in order) and tooltip (plain text),
    sorted by mentions, most first.
    """
    columns = [
        "name",
        "lat",
        "lon",
        "country",
        "mentions",
        "articles",
        "deaths",
        "death_figures",
        "sentences",
        "tooltip",
    ]
    located = places.dropna(subset=["lat", "lon"])
    if located.empty:
        return pd.DataFrame({c: [] for c in columns})
    with_deaths = located.merge(
        death_sentences(figures), on=["article", "sentence_start"], how="left"
    )
    rows = []
    for name, group in with_deaths.groupby("name", sort=False):
        death_labels = list(
            dict.fromkeys(label for labels in group["deaths"].dropna() for label in labels)
        )
        sentences = list(dict.fromkeys(str(s) for s in group["sentence"]))
        rows.append({
            "name": str(name), "lat": float(group["lat"].iloc[0]), "lon": float(group["lon"].iloc[0]),
            "country": "" if pd.isna(group["country"].iloc[0]) else str(group["country"].iloc[0]),
            "mentions": len(group), "articles": group["article"].nunique(), "deaths": bool(death_labels),
            "death_figures": death_labels, "sentences": sentences,
        })  # fmt: skip
    summary = pd.DataFrame(rows).sort_values(
        ["mentions", "name"], ascending=[False, True], kind="stable"
    )
    summary["tooltip"] = [_place_tooltip(r) for r in summary.to_dict("records")]
    return summary.reset_index(drop=True)[columns]


def _place_tooltip(row: Mapping[str, Any]) -> str:
    """One place's tooltip as plain text, one item a line (the map shows it as text, never HTML)."""
    lines = [str(row["name"]), f"named {row['mentions']}× in {row['articles']} article(s)"]
    if row["death_figures"]:
        lines.append("Deaths reported here: " + "; ".join(row["death_figures"]))
    for sentence in row["sentences"][:_TOOLTIP_SENTENCES]:
        lines.append("“" + textwrap.shorten(str(sentence), 240, placeholder=" …") + "”")
    if len(row["sentences"]) > _TOOLTIP_SENTENCES:
        lines.append(f"… and {len(row['sentences']) - _TOOLTIP_SENTENCES} more sentence(s)")
    return "\n".join(lines)


def build_map(
    summary: pd.DataFrame,
    *,
    view: Mapping[str, float] = COAST_VIEW,
    map_style: str | None = CARTO_LIGHT,
) -> pdk.Deck:
    """The places map: a dot per place sized by mentions, vermilion where deaths were reported, names as text.

    Args:
        summary: from `place_summary`.
        view: the first view (default: Calais to Boulogne-sur-Mer).
        map_style: a Carto style URL (needs no token), or None for no basemap.
    """
    data = summary.copy()
    if data.empty:
        data = pd.DataFrame(columns=[*summary.columns, "radius", "colour", "label"])
    else:
        data["radius"] = [300 + 250 * min(int(m), 20) ** 0.5 for m in data["mentions"]]
        data["colour"] = [
            hex_to_rgb(DEATH_COLOUR if d else PLACE_COLOUR, 200) for d in data["deaths"]
        ]
        data["label"] = [str(n) for n in data["name"]]
    records = data.drop(columns=["death_figures", "sentences"], errors="ignore").to_dict("records")
    dots = pdk.Layer(
        "ScatterplotLayer",
        id="places",
        data=records,
        get_position=["lon", "lat"],
        get_radius="radius",
        radius_min_pixels=5,
        radius_max_pixels=40,
        get_fill_color="colour",
        get_line_color=[255, 255, 255, 255],
        line_width_min_pixels=1,
        stroked=True,
        pickable=True,
    )
    names = pdk.Layer(
        "TextLayer",
        id="place-names",
        data=records,
        get_position=["lon", "lat"],
        get_text="label",
        get_size=14,
        get_color=[20, 20, 20, 255],
        get_pixel_offset=[0, -18],
        font_weight=700,
        outline_width=3,
        outline_color=[255, 255, 255, 255],
        font_settings={"sdf": True},
        pickable=False,
    )
    return pdk.Deck(
        layers=[dots, names],
        initial_view_state=pdk.ViewState(**view),
        map_provider="carto" if map_style else None,
        map_style=map_style,
        # A text tooltip: the browser sets it as innerText, so article text can never become
        # markup, whatever renders the Deck. (An "html" tooltip would need escaping, and
        # Streamlit 1.67 escapes {field} values itself, so pre-escaped text would show "&lt;".)
        tooltip={
            "text": "{tooltip}",
            "style": {"maxWidth": "340px", "fontSize": "12px", "whiteSpace": "pre-line"},
        },
    )


def timeline_points(
    tables: Mapping[str, pd.DataFrame], titles: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Every dated fact as one point: kind, fact_date, label, sentence, article, title, start, end, own, x, y.

    Each kind has its own lane (`y` near its index in KIND_ORDER). Facts of one kind and
    day are packed in a small grid around their day, up to `_GRID_ROWS` high and a few
    hours wide (`x`), so that once the axis spans days none hides another.
    """
    titles = titles or {}
    frames = []
    for table in tables.values():
        if table.empty:
            continue
        dated = table[table["fact_date"].notna()]
        frames.append(pd.DataFrame({
            "kind": dated["kind"].astype(str), "fact_date": dated["fact_date"],
            "label": [describe_fact(r) for r in dated.to_dict("records")],
            "evidence": dated["evidence"].astype(str), "sentence": dated["sentence"].astype(str),
            "article": dated["article"].astype(str), "start": dated["start"], "end": dated["end"],
            "own": dated["own"],
        }))  # fmt: skip
    columns = ["kind", "fact_date", "label", "evidence", "sentence", "article", "title",
               "start", "end", "own", "x", "y"]  # fmt: skip
    if not frames:  # typed, so `.dt` works on an empty selection too
        empty = pd.DataFrame({c: [] for c in columns})
        return empty.astype({"fact_date": "datetime64[ns]", "x": "datetime64[ns]"})
    points = pd.concat(frames, ignore_index=True)
    points["title"] = [titles.get(a, a) for a in points["article"]]
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    lane = points["kind"].map(order).fillna(len(KIND_ORDER)).astype(float)
    points = points.assign(_lane=lane).sort_values(
        ["_lane", "fact_date", "article", "start"], kind="stable"
    )
    day = ["kind", "fact_date"]
    rank = points.groupby(day).cumcount()
    size = points.groupby(day)["kind"].transform("size")
    rows = size.clip(upper=_GRID_ROWS)
    cols = -(-size // _GRID_ROWS)  # ceiling
    row, col = rank % _GRID_ROWS, rank // _GRID_ROWS
    points["y"] = points["_lane"] + (row - (rows - 1) / 2) * _GRID_STEP
    hours = (col - (cols - 1) / 2) * (_GRID_HOURS / cols.clip(lower=2))
    points["x"] = points["fact_date"] + pd.to_timedelta(hours, unit="h")
    return points.drop(columns="_lane").reset_index(drop=True)[columns]


def build_timeline(points: pd.DataFrame) -> go.Figure:
    """Dated facts on a date axis, one trace (and colour) per kind; hover shows the escaped sentence.

    Each point's `customdata` is its row number in `points`, so a selection maps back
    to the fact.
    """
    figure = go.Figure()
    kinds = [k for k in KIND_ORDER if k in set(points["kind"])] + sorted(
        set(points["kind"]) - set(KIND_ORDER)
    )
    for kind in kinds:
        rows = points[points["kind"] == kind]
        hover = [
            f"<b>{html.escape(r['label'])}</b><br>{pd.Timestamp(r['fact_date']).date().isoformat()} · "
            f"{html.escape(r['title'])}<br>{_escape_wrapped(r['sentence'])}"
            for r in rows.to_dict("records")
        ]
        figure.add_trace(go.Scatter(
            x=rows["x"], y=rows["y"], mode="markers", name=kind,
            marker={"color": KIND_COLOURS.get(kind, OKABE_ITO["black"]), "size": 12,
                    "symbol": ["circle" if own else "circle-open" for own in rows["own"]],
                    "line": {"width": 1, "color": "white"}},
            customdata=list(rows.index), hovertext=hover, hoverinfo="text",
        ))  # fmt: skip
    lanes = [i for i, k in enumerate(KIND_ORDER) if k in kinds]
    figure.update_layout(
        xaxis={"title": {"text": "Date the fact is about"}, "type": "date",
               "rangeselector": {"buttons": [
                   {"count": 7, "label": "week", "step": "day", "stepmode": "backward"},
                   {"count": 1, "label": "month", "step": "month", "stepmode": "backward"},
                   {"count": 1, "label": "year", "step": "year", "stepmode": "backward"},
                   {"label": "all", "step": "all"}]}},
        yaxis={"title": {"text": "Kind of fact"}, "tickvals": lanes, "ticktext": [KIND_ORDER[i] for i in lanes],
               "range": [-0.6, len(KIND_ORDER) - 0.4], "fixedrange": True},
        legend={"orientation": "h", "y": -0.25},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        height=420,
        hoverlabel={"align": "left"},
    )  # no clickmode/dragmode here: Streamlit sets its own for on_select, and ours break clicks  # fmt: skip
    return figure


def build_breakdown_chart(parts: pd.DataFrame, *, title: str) -> go.Figure:
    """A horizontal bar per group of a breakdown (columns group, value), for the Figures page."""
    figure = go.Figure(
        go.Bar(
            x=list(parts["value"]), y=[str(g) for g in parts["group"]], orientation="h",
            marker={"color": DEATH_COLOUR}, text=[f"{int(v):,}" for v in parts["value"]],
            textposition="auto", hovertemplate="%{y}: %{x:,}<extra></extra>",
        )
    )  # fmt: skip
    figure.update_layout(
        title={"text": html.escape(title)},
        xaxis={"title": {"text": "People"}},
        yaxis={"title": {"text": "Group"}, "autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        height=120 + 40 * len(parts),
    )
    return figure


def map_legend_html() -> str:
    """The map's colour key (no article text in it)."""
    swatch = '<span style="display:inline-block;width:12px;height:12px;border-radius:50%;background:{};margin:0 4px 0 10px"></span>'
    return (
        '<div class="map-legend">'
        + swatch.format(PLACE_COLOUR) + "place named"
        + swatch.format(DEATH_COLOUR) + "deaths reported in the same sentence"
        + " · bigger dot = named more often</div>"
    )  # fmt: skip


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
