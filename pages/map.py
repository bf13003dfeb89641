"""Map: every place the articles name, sized by mentions, places of reported deaths marked apart."""

import streamlit as st

from lib.charts import build_map, map_legend_html, place_summary
from lib.reader import escape_markdown
from pages._frame import current_view

view = current_view()
selected = view.selected

st.title("Map of places named", anchor="map")
summary = place_summary(selected.places, selected.figures)
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
st.pydeck_chart(build_map(summary), height=480, key="map_chart")
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
