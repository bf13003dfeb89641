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

import numpy as np
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
_WRAP = 70  # characters per line in hover labels...
_HOVER_CHARS = 280  # ...and where a long sentence is cut
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


# What `describe_fact` reads of each kind of fact.
_LABEL_FIELDS = ("metric", "value", "qualifier", "group", "period", "date", "phrase", "name",
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


def death_sentences(figures: pd.DataFrame) -> pd.DataFrame:
    """The sentences holding an own death figure: columns article, sentence_start, deaths (labels).

    A figure from a "Read more:" headline belongs to another article, so it marks no place here.
    """
    deaths = figures[
        ((figures["metric"] == "deaths") & figures["own"].astype(bool)).to_numpy(dtype=bool)
    ]
    if deaths.empty:
        return pd.DataFrame({"article": [], "sentence_start": [], "deaths": []})
    sentences: dict[tuple[str, int], list[str]] = {}
    for article, start, label in zip(
        deaths["article"].astype(object).tolist(), deaths["sentence_start"].tolist(),
        describe_facts(deaths).tolist(), strict=True,
    ):  # fmt: skip
        sentences.setdefault((article, start), []).append(label)
    keys = sorted(sentences)
    return pd.DataFrame({
        "article": pd.array([a for a, _ in keys], dtype=deaths["article"].dtype),
        "sentence_start": pd.array([s for _, s in keys], dtype=deaths["sentence_start"].dtype),
        "deaths": [sentences[k] for k in keys],
    })  # fmt: skip


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
    located = located[["name", "lat", "lon", "country", "article", "sentence_start", "sentence"]]
    located = located.assign(name=located["name"].astype(str)).reset_index(drop=True)
    groups = located.groupby("name", sort=False)
    summary = groups.agg(
        lat=("lat", "first"), lon=("lon", "first"), mentions=("name", "size"),
        articles=("article", "nunique"),
    )  # fmt: skip
    # "first" skips a missing country; the place's own first row says what it is
    first = located.drop_duplicates("name").set_index("name")
    summary["country"] = first["country"].astype(object).where(first["country"].notna(), "")
    # distinct sentences and death labels, each in the order the place's rows give them
    named: dict[str, list[str]] = {}
    distinct = located.drop_duplicates(["name", "sentence"])
    for name, sentence in zip(distinct["name"], distinct["sentence"].astype(str), strict=True):
        named.setdefault(name, []).append(sentence)
    summary["sentences"] = pd.Series(
        [named[n] for n in summary.index], index=summary.index, dtype=object
    )
    deaths = death_sentences(figures)
    labels = located[["name", "article", "sentence_start"]].merge(
        deaths, on=["article", "sentence_start"], how="inner", sort=False
    )
    labels = labels.explode("deaths").drop_duplicates(["name", "deaths"])
    death_figures = labels.groupby("name", sort=False)["deaths"].agg(list)
    summary["death_figures"] = pd.Series(
        [list(death_figures.get(n, [])) for n in summary.index], index=summary.index, dtype=object
    )
    summary["deaths"] = summary["death_figures"].map(bool)
    summary = summary.reset_index().astype({"lat": float, "lon": float, "country": str})
    summary = summary.sort_values(["mentions", "name"], ascending=[False, True], kind="stable")
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


def dated_facts(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Every dated fact once, in timeline order: kind, fact_date, label, article, start, end, own, table, row.

    The order is the lanes' (KIND_ORDER), then date, article and place in the text.
    `table` and `row` say where each fact came from (the table's name and its row
    position): this is worked out once for a whole corpus, the facts of a selection
    are picked from it (`lib.filters.pick_rows`), and `with_text` adds the words of
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
        }))  # fmt: skip
    if not frames:  # typed, so `.dt` works on an empty selection too
        empty = pd.DataFrame({c: [] for c in _FACT_COLUMNS})
        return empty.astype({"fact_date": "datetime64[ns]", "row": "int64", "own": bool})
    facts = pd.concat(frames, ignore_index=True)
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    lane = facts["kind"].map(order).fillna(len(KIND_ORDER)).astype(float)
    facts = facts.assign(_lane=lane).sort_values(
        ["_lane", "fact_date", "article", "start"], kind="stable"
    )
    facts = facts.reset_index(drop=True)[list(_FACT_COLUMNS)]
    return facts.astype({c: "category" for c in ("kind", "label", "article", "table")})


_FACT_COLUMNS = ("kind", "fact_date", "label", "article", "start", "end", "own", "table", "row")


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

    Each kind has its own lane (`y` near its index in KIND_ORDER). Facts of one kind and
    day are packed in a small grid around their day, up to `_GRID_ROWS` high and a few
    hours wide (`x`), so that once the axis spans days none hides another.
    """
    points = facts.reset_index(drop=True)
    if points.empty:
        return points.assign(x=points["fact_date"], y=pd.Series([], dtype=float))
    kind = points["kind"].astype(str)
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    lane = kind.map(order).fillna(len(KIND_ORDER)).astype(float)
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
                  "start", "end", "own", "x", "y")  # fmt: skip
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
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    lane = bins["kind"].map(order).fillna(len(KIND_ORDER))
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


def escape_html(texts: pd.Series) -> pd.Series:
    """`html.escape` of every text, column by column (plotly renders hover text as HTML)."""
    out = texts.astype(str)
    for character, entity in _HTML_ENTITIES:
        out = out.str.replace(character, entity, regex=False)
    return out


# Numeric entities for quotation marks: plotly's hover labels decode those, not "&quot;".
_HTML_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&#34;"), ("'", "&#x27;"))


def hover_sentences(sentences: pd.Series) -> pd.Series:
    """Sentences for hover labels: cut after `_HOVER_CHARS`, in lines of at most `_WRAP`, escaped.

    Lines break at spaces, or inside a word longer than a line; `<br>` joins them.
    """
    text = sentences.astype(str).str.replace(r"\s+", " ", regex=True).str.strip()
    long = (text.str.len() > _HOVER_CHARS).to_numpy()
    # a no-break space keeps the ellipsis on the line of the last word
    text = text.where(~long, text.str.slice(0, _HOVER_CHARS).str.rstrip() + "\u00a0…")
    wrapped = text.str.replace(
        rf"(?:(.{{1,{_WRAP}}})(?: +|$))|(.{{{_WRAP}}})", "\\1\\2\n", regex=True
    ).str.strip()
    return escape_html(wrapped).str.replace("\n", "<br>", regex=False)


def build_timeline(points: pd.DataFrame) -> go.Figure:
    """Dated facts on a date axis, one trace (and colour) per kind; hover shows the escaped sentence.

    Each point's `customdata` is its row number in `points`, so a selection maps back
    to the fact.
    """
    figure = go.Figure()
    kinds = _kinds(points["kind"])
    hover = pd.Series([], dtype=str)
    if len(points):
        hover = (
            "<b>" + escape_html(points["label"]) + "</b><br>"
            + points["fact_date"].dt.strftime("%Y-%m-%d") + " · " + escape_html(points["title"])
            + "<br>" + hover_sentences(points["sentence"])
        )  # fmt: skip
    for kind in kinds:
        mine = (points["kind"].astype(str) == kind).to_numpy()
        rows = points[mine]
        figure.add_trace(go.Scatter(
            x=rows["x"], y=rows["y"], mode="markers", name=kind,
            marker={"color": KIND_COLOURS.get(kind, OKABE_ITO["black"]), "size": 12,
                    "symbol": _symbols(rows["own"].to_numpy(dtype=bool)),
                    "line": {"width": 1, "color": "white"}},
            customdata=list(rows.index), hovertext=hover[mine].to_numpy(dtype=object),
            hoverinfo="text",
        ))  # fmt: skip
    return _timeline_layout(figure, kinds)


def build_timeline_bins(bins: pd.DataFrame) -> go.Figure:
    """Dated facts counted by kind and period (`bin_points` with `with_text`): one dot each, sized by the count.

    Drawn instead of a dot per fact when there are too many for a browser. A dot sits
    in the middle of its period; it is hollow when every fact in it comes from "Read
    more" headlines. Its `customdata` is its row number in `bins`; the hover gives the
    count, the period and one example, escaped.
    """
    figure = go.Figure()
    kinds = _kinds(bins["kind"])
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    hover = pd.Series([], dtype=str)
    if len(bins):
        hover = (
            "<b>" + bins["count"].map("{:,}".format) + " " + bins["kind"].astype(str)
            + " fact(s)</b> · " + describe_periods(bins) + "<br>e.g. " + escape_html(bins["label"])
            + " · " + escape_html(bins["title"]) + "<br>" + hover_sentences(bins["sentence"])
        )  # fmt: skip
    for kind in kinds:
        mine = (bins["kind"].astype(str) == kind).to_numpy()
        rows = bins[mine]
        middle = rows["first_day"] + (rows["last_day"] - rows["first_day"]) / 2
        figure.add_trace(go.Scatter(
            x=middle, y=[float(order.get(kind, len(KIND_ORDER)))] * len(rows), mode="markers", name=kind,
            marker={"color": KIND_COLOURS.get(kind, OKABE_ITO["black"]),
                    "size": np.minimum(30.0, 6 + 3 * np.sqrt(rows["count"].to_numpy(dtype=float))).tolist(),
                    "symbol": _symbols(rows["own"].to_numpy() > 0),
                    "line": {"width": 1, "color": "white"}},
            customdata=list(rows.index), hovertext=hover[mine].to_numpy(dtype=object),
            hoverinfo="text",
        ))  # fmt: skip
    return _timeline_layout(figure, kinds)


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


def _symbols(own: np.ndarray) -> list[int]:
    """Plotly's marker symbols by number: 0 a circle (own facts), 100 an open one ("Read more").

    Numbers, not names: plotly matches each name against its list of symbols, several
    times slower. A list, not an array, which plotly would write out as binary.
    """
    return np.where(own, 0, 100).tolist()


def _kinds(kinds: pd.Series) -> list[str]:
    found = set(kinds.astype(str))
    return [k for k in KIND_ORDER if k in found] + sorted(found - set(KIND_ORDER))


def _timeline_layout(figure: go.Figure, kinds: list[str]) -> go.Figure:
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
