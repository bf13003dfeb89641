"""Timeline: every dated fact on a date axis, coloured by kind, official monthly arrivals beneath; click a point to read its source."""

import pandas as pd
import streamlit as st

import lib.record.reference
from lib.corpus.filters import pick_rows
from lib.schema import FACT_TABLES
from lib.show.html import escape_markdown, escape_text
from lib.show.official import timeline_with_arrivals
from lib.show.reader import sentence_html
from lib.show.tables import (
    monthly_arrivals_summary,
    months_in_window,
    source_links,
    timeline_window,
)
from lib.show.timeline import (
    bin_points,
    build_timeline,
    build_timeline_bins,
    dated_facts,
    facts_in_bins,
    lay_out_points,
    points_from_selection,
    with_text,
)
from pages._frame import capped, current_view, official_reference

MOST_POINTS = 1_500  # more dated facts than this are drawn as counts per kind and day


@st.cache_resource(max_entries=4, ttl=3600, show_spinner="Dating the facts…")
def corpus_dated_facts(key: str, _corpus) -> pd.DataFrame:
    """`lib.show.timeline.dated_facts` of the whole corpus, once per corpus (`key`); read-only."""
    return dated_facts({name: _corpus.table(name) for name in FACT_TABLES})


@st.cache_resource(max_entries=4, ttl=600, show_spinner=False)
def timeline_chart(selection: str, overlay: bool, _view):
    """The selection's dated facts, their points or bins, the figure and the months beneath it.

    Cached on the selection (corpus key and filters) and the overlay toggle; a resource,
    as the page only reads it (a plotly figure would be validated again when unpickled).
    Raises `lib.record.reference.ReferenceError` when the overlay is asked for and the reference
    is bad.
    """
    corpus = _view.corpus
    tables = {name: corpus.table(name) for name in FACT_TABLES}
    facts = pick_rows(corpus_dated_facts(_view.key, corpus), _view.rows)
    if len(facts) <= MOST_POINTS:
        shown = lay_out_points(with_text(facts, tables, _view.options.titles))
        figure = build_timeline(shown)
    else:  # one dot per kind and day (or week, or month): a browser cannot draw 100,000 dots
        shown = with_text(bin_points(facts, at_most=MOST_POINTS), tables, _view.options.titles)
        figure = build_timeline_bins(shown)
    months = None
    if overlay:
        months = months_in_window(
            official_reference().arrivals_by_month,
            *timeline_window(facts["fact_date"], _view.state.date_from, _view.state.date_to),
        )
        figure = timeline_with_arrivals(figure, months)
    return facts, shown, figure, months


view = current_view()
corpus = view.corpus
tables = {name: corpus.table(name) for name in FACT_TABLES}
titles = view.options.titles

st.title("Timeline", anchor="timeline")
overlay = st.toggle(
    "Home Office monthly arrivals (provisional/final)",
    value=True,
    key="overlay_arrivals",
    help="Official monthly arrivals by small boat as bars beneath the facts, on the same dates: "
    "those of the date filter, else those of the facts shown.",
)
try:
    facts, shown, figure, months = timeline_chart(view.selection, overlay, view)
except lib.record.reference.ReferenceError as error:
    facts, shown, figure, months = timeline_chart(view.selection, False, view)
    reference_error = error
else:
    reference_error = None
binned = len(facts) > MOST_POINTS
if facts.empty:
    st.write("No dated facts in the current selection.")
else:
    first, last = facts["fact_date"].min().date(), facts["fact_date"].max().date()
    counts = facts["kind"].value_counts()
    counts = counts[counts > 0]  # a category with no fact in the selection
    st.write(
        f"{len(facts)} dated facts from {first.isoformat()} to {last.isoformat()}: "
        + ", ".join(f"{n} {kind}" for kind, n in counts.items())
        + ". Hollow dots come from “Read more” headlines of other articles."
    )
if binned:
    st.caption(
        f"More than {MOST_POINTS:,} dated facts: each dot counts the facts of one kind in one "
        f"{shown['period'].iloc[0]}, bigger for more. Hover a dot for the count and an example; "
        "click it to list its facts below."
    )
if reference_error is not None:
    st.error(f"The official figures could not be read: {escape_markdown(str(reference_error))}")
elif months is not None:
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
selection = event.selection if event else None
if not binned:
    picked = points_from_selection(selection, shown)
else:
    picked = with_text(
        facts_in_bins(facts, points_from_selection(selection, shown)).head(10), tables, titles
    )
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
listed = with_text(capped(facts, "dated facts"), tables, titles)
st.dataframe(
    pd.DataFrame({
        "date": listed["fact_date"].dt.date, "kind": listed["kind"], "fact": listed["label"],
        "evidence": listed["evidence"], "sentence": listed["sentence"], "article": listed["title"],
    }),
    hide_index=True,
    key="timeline_table",
)  # fmt: skip
