"""Map: the places the articles name, and the deaths and disappearances IOM records on the route, for the selected dates."""

import pandas as pd
import pydeck as pdk
import streamlit as st

from lib.record.incidents import KINDS, incidents_between
from lib.show.cite import source_line
from lib.show.html import escape_markdown, escape_text
from lib.show.labels import present
from lib.show.maps import (
    CARTO_DARK,
    CARTO_LIGHT,
    build_map,
    map_legend_html,
    map_summary,
    place_summary,
)
from pages._frame import current_view, official_reference, sources_of


@st.cache_resource(max_entries=2, show_spinner=False)
def article_sources(key: str, _articles: pd.DataFrame) -> dict[str, str]:
    """Where each article of the corpus comes from, in words ("CGTN · 25 Nov 2021 · https://…"), once per corpus."""
    return {
        article: " · ".join(
            p for p in (source_line(row), str(row["url"]) if present(row.get("url")) else "") if p
        )
        for article, row in sources_of(key, _articles).items()
    }


# Cached on the corpus key, the filters and the map's own choices; a resource (the page
# only reads it), so a rerun with the same choices neither recomputes nor copies it.
@st.cache_resource(max_entries=8, ttl=600, show_spinner=False)
def places_map(
    selection: str, kinds: tuple[str, ...], map_style: str | None, _view
) -> tuple[pd.DataFrame, pd.DataFrame | None, pdk.Deck, str]:
    """`place_summary` of the selection, the IOM incidents of its dates, the map and its summary in words."""
    sources = article_sources(_view.key, _view.corpus.articles)
    summary = place_summary(_view.selected.places, _view.selected.figures, sources)
    incidents = None
    if kinds:
        state = _view.state
        incidents = incidents_between(
            official_reference(), state.date_from, state.date_to, kinds=list(kinds)
        )
    deck = build_map(
        summary,
        incidents=None
        if incidents is None
        else incidents[incidents["mappable"].to_numpy(dtype=bool)],
        map_style=map_style,
    )
    return summary, incidents, deck, map_summary(summary, incidents)


view = current_view()

st.title("Map of places named", anchor="map")
st.caption(
    "Places the selected articles name, and the deaths and disappearances the IOM Missing "
    "Migrants Project records on the route to the UK for the selected dates (all dates when "
    "none are set). The first view fits the places and the incidents of the Channel area; "
    "incidents further along the route are a zoom out away. The coast is drawn from a shipped "
    "file, so the map reads without tiles."
)
left, right = st.columns([3, 1])
kinds = left.pills(
    "IOM incidents shown",
    KINDS,
    default=list(KINDS),
    selection_mode="multi",
    key="map_incident_kinds",
    help="At sea: sea-crossing attempts. Vehicle: lorries, roads, trains, the tunnel. "
    "Other: camps, violence, sickness and the rest. Minimum counts, as IOM's are.",
)
tiles = right.toggle(
    "Basemap tiles",
    value=True,
    key="map_tiles",
    help="Street-map tiles from Carto, fetched by your browser. Off, the map draws only the "
    "shipped coastline: it works offline.",
)
# the tiles follow the page's theme (light, or dark when the reader's system is dark)
style = (CARTO_DARK if st.context.theme.type == "dark" else CARTO_LIGHT) if tiles else None
summary, incidents, deck, words = places_map(view.selection, tuple(kinds or ()), style, view)
if summary.empty:
    st.write("No places in the current selection.")
else:
    deaths = summary.loc[summary["deaths"], "name"].tolist()
    st.write(
        f"{len(summary)} places named {int(summary['mentions'].sum())} times. "
        + (
            f"Deaths reported in a sentence naming: {escape_markdown(', '.join(deaths))}."
            if deaths
            else "No deaths reported next to a place."
        )
    )
st.pydeck_chart(deck, height=480, key="map_chart")
st.html(map_legend_html(incidents=bool(kinds)))
st.html(f'<p class="map-summary" style="font-size:.9em">{escape_text(words)}</p>')

st.subheader("Places", anchor="places-table")
st.dataframe(
    summary[["name", "mentions", "articles", "deaths", "death_figures", "country", "lat", "lon"]],
    hide_index=True,
    key="places_table",
    column_config={
        "deaths": st.column_config.CheckboxColumn("deaths here"),
        "death_figures": st.column_config.ListColumn("death figures"),
    },
)
if incidents is not None and len(incidents):
    st.subheader("Incidents recorded by IOM", anchor="incidents-table")
    st.caption(
        "IOM Missing Migrants Project, minimum counts (CC BY 4.0). Rows whose coordinates do "
        "not match their place are listed here but not mapped."
    )
    st.dataframe(
        incidents[
            [
                "date",
                "dead",
                "missing",
                "place",
                "location",
                "kind",
                "cause",
                "mappable",
                "source_url",
            ]
        ]
        .sort_values("date", ascending=False)
        .assign(date=lambda t: t["date"].dt.date),
        hide_index=True,
        key="incidents_table",
        column_config={
            "mappable": st.column_config.CheckboxColumn("on the map"),
            "source_url": st.column_config.LinkColumn(
                "source", display_text=r"https?://(?:www\.)?([^/]+)"
            ),
        },
    )
