"""Timeline: every dated fact on a date axis, coloured by kind, official monthly arrivals beneath; click a point to read its source."""

import pandas as pd
import streamlit as st

import lib.reference
from lib.charts import build_timeline, points_from_selection, timeline_points
from lib.context_charts import timeline_with_arrivals
from lib.context_tables import (
    monthly_arrivals_summary,
    months_in_window,
    source_links,
    timeline_window,
)
from lib.reader import escape_markdown, escape_text, sentence_html
from pages._frame import current_view, official_reference

view = current_view()
selected = view.selected
titles = view.options.titles

st.title("Timeline", anchor="timeline")
tables = {
    name: selected.table(name) for name in ("figures", "events", "places", "quotes", "claims")
}
points = timeline_points(tables, titles)
if points.empty:
    st.write("No dated facts in the current selection.")
else:
    first, last = points["fact_date"].min().date(), points["fact_date"].max().date()
    counts = points["kind"].value_counts()
    st.write(
        f"{len(points)} dated facts from {first.isoformat()} to {last.isoformat()}: "
        + ", ".join(f"{n} {kind}" for kind, n in counts.items())
        + ". Hollow dots come from “Read more” headlines of other articles."
    )
overlay = st.toggle(
    "Home Office monthly arrivals (provisional/final)",
    value=True,
    key="overlay_arrivals",
    help="Official monthly arrivals by small boat as bars beneath the facts, on the same dates: "
    "those of the date filter, else those of the facts shown.",
)
figure = build_timeline(points)
if overlay:
    try:
        months = months_in_window(
            official_reference().arrivals_by_month,
            *timeline_window(points["fact_date"], view.state.date_from, view.state.date_to),
        )
    except lib.reference.ReferenceError as error:
        st.error(f"The official figures could not be read: {escape_markdown(str(error))}")
    else:
        figure = timeline_with_arrivals(figure, months)
        if months.empty:
            st.caption("The reference holds no Home Office monthly figures for these dates.")
        else:
            st.caption(
                escape_markdown(monthly_arrivals_summary(months))
                + " Each bar is a whole month, even where the dates cut it. Source: "
                + source_links(months["source_url"])
            )
event = st.plotly_chart(
    figure,
    on_select="rerun",
    selection_mode=("points", "box"),
    key="timeline_chart",
    config={"displaylogo": False},
)

st.subheader("Source of the selected facts", anchor="timeline-source")
picked = points_from_selection(event.selection if event else None, points)
if picked.empty:
    st.caption("Click a point (or drag a box) on the timeline to see where it comes from.")
for row in picked.head(10).to_dict("records"):
    with st.container(border=True):
        st.html(
            f'<div class="timeline-source"><b>{escape_text(row["label"])}</b> · '
            f"{pd.Timestamp(row['fact_date']).date().isoformat()}<br>"
            f"{sentence_html(row['sentence'], [(row['evidence'], row['kind'])])}"
            f'<div style="opacity:.75;font-size:.9em">From: {escape_text(row["title"])} '
            f"(characters {int(row['start'])}–{int(row['end'])})</div></div>"
        )

st.subheader("Dated facts", anchor="timeline-table")
st.dataframe(
    pd.DataFrame({
        "date": points["fact_date"].dt.date, "kind": points["kind"], "fact": points["label"],
        "evidence": points["evidence"], "sentence": points["sentence"], "article": points["title"],
    }),
    hide_index=True,
    key="timeline_table",
)  # fmt: skip
