"""Map: every place the articles name, sized by mentions, places of reported deaths marked apart."""

import pandas as pd
import pydeck as pdk
import streamlit as st

from lib.show.html import escape_markdown
from lib.show.maps import build_map, map_legend_html, place_summary
from pages._frame import current_view


# Cached on the corpus key and the filters; a resource (the pages only read it), so a
# rerun with the same filters neither recomputes nor copies it.
@st.cache_resource(max_entries=8, ttl=600, show_spinner=False)
def places_map(selection: str, _selected) -> tuple[pd.DataFrame, pdk.Deck]:
    """`place_summary` of the selection, and its map."""
    summary = place_summary(_selected.places, _selected.figures)
    return summary, build_map(summary)


view = current_view()
selected = view.selected

st.title("Map of places named", anchor="map")
summary, deck = places_map(view.selection, selected)
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
st.html(map_legend_html())
st.caption("First view: the coast from Calais to Boulogne-sur-Mer. Zoom out to see every place.")

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
