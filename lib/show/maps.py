"""The map of places: a summary per place of what the articles say there, and its pydeck Deck.

Nothing here draws: `build_map` returns a `pdk.Deck` the page hands to Streamlit and
the tests read back as data (`deck.to_json()`). The tooltip is plain text, never HTML.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

import pandas as pd
import pydeck as pdk

from lib.show.labels import describe_facts
from lib.show.palette import DEATH_COLOUR, PLACE_COLOUR, hex_to_rgb

# The first view of the map: the coast from Calais to Boulogne-sur-Mer, Wimereux between.
COAST_VIEW = {"latitude": 50.85, "longitude": 1.75, "zoom": 9.3}
CARTO_LIGHT = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json"
_TOOLTIP_SENTENCES = 3  # sentences quoted per place in a map tooltip


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


def map_legend_html() -> str:
    """The map's colour key (no article text in it)."""
    swatch = '<span style="display:inline-block;width:12px;height:12px;border-radius:50%;background:{};margin:0 4px 0 10px"></span>'
    return (
        '<div class="map-legend">'
        + swatch.format(PLACE_COLOUR) + "place named"
        + swatch.format(DEATH_COLOUR) + "deaths reported in the same sentence"
        + " · bigger dot = named more often</div>"
    )  # fmt: skip
