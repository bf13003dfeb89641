"""Timeline: the record (arrivals per day, week or month, deaths by incident, each year added up) and every dated fact of the articles, on one time axis."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import lib.record.reference
from lib.corpus.filters import pick_rows
from lib.record.incidents import KINDS
from lib.record.series import PERIODS
from lib.schema import FACT_TABLES
from lib.show.html import escape_markdown, escape_text
from lib.show.reader import sentence_html
from lib.show.record import article_markers, by_year_chart, choose_granularity, record_timeline
from lib.show.tables import record_summary
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
from pages._frame import capped, cite_button, current_view, fact_source, official_reference

MOST_POINTS = 1_500  # more dated facts than this are drawn as counts per kind and day
RECORD_VIEWS = ("Over time", "By year")
BARS = ("auto", *(p for p in PERIODS if p != "year"))


@st.cache_resource(max_entries=4, ttl=3600, show_spinner="Dating the facts…")
def corpus_dated_facts(key: str, _corpus) -> pd.DataFrame:
    """`lib.show.timeline.dated_facts` of the whole corpus, once per corpus (`key`); read-only."""
    return dated_facts({name: _corpus.table(name) for name in FACT_TABLES})


@st.cache_resource(max_entries=4, ttl=600, show_spinner=False)
def facts_chart(selection: str, _view):
    """The selection's dated facts, their points (or bins when there are many) and their figure.

    Cached on the selection (corpus key and filters); a resource, as the page only reads
    it (a plotly figure would be validated again when unpickled).
    """
    corpus = _view.corpus
    tables = {name: corpus.table(name) for name in FACT_TABLES}
    facts = pick_rows(corpus_dated_facts(_view.key, corpus), _view.rows)
    if len(facts) <= MOST_POINTS:
        shown = lay_out_points(with_text(facts, tables, _view.options.titles))
        return facts, shown, build_timeline(shown)
    # one dot per kind and day (or week, or month): a browser cannot draw 100,000 dots
    shown = with_text(bin_points(facts, at_most=MOST_POINTS), tables, _view.options.titles)
    return facts, shown, build_timeline_bins(shown)


@st.cache_resource(max_entries=16, ttl=600, show_spinner=False)
def record_chart(
    selection: str, view_name: str, by: str, boats: bool, kinds: tuple[str, ...], _view
) -> tuple[go.Figure, tuple[str, str]]:
    """The record's chart for the selected dates (over time, or each year added up) and what it says in words."""
    record = official_reference()
    state = _view.state
    summary = record_summary(record, state.date_from, state.date_to)
    words = (summary.arrivals_text, summary.deaths_text)
    if view_name == RECORD_VIEWS[1]:
        years = None
        if state.date_from or state.date_to:
            first = (state.date_from or state.date_to).year
            last = (state.date_to or state.date_from).year
            years = list(range(first, last + 1))
        return by_year_chart(record, highlight=years), words
    start = state.date_from or pd.Timestamp(record.arrivals_by_day["date"].iloc[0]).date()
    end = state.date_to or pd.Timestamp(record.arrivals_by_day["date"].iloc[-1]).date()
    period = choose_granularity(start, end) if by == "auto" else by
    markers = article_markers(_view.selected.figures, period, dict(_view.options.titles))
    figure = record_timeline(
        record, start, end, by=period, boats=boats, incidents=bool(kinds),
        kinds=list(kinds) or None, article_figures=markers,
    )  # fmt: skip
    return figure, words


view = current_view()
corpus = view.corpus
tables = {name: corpus.table(name) for name in FACT_TABLES}
titles = view.options.titles

st.title("Timeline", anchor="timeline")
st.caption(
    "The record and the articles on one time axis: the date filter in the sidebar drives both."
)

st.subheader("The record", anchor="record")
try:
    official_reference()
except lib.record.reference.ReferenceError as error:
    st.error(f"The record could not be read: {escape_markdown(str(error))}")
else:
    view_name = st.segmented_control(
        "Record view", RECORD_VIEWS, default=RECORD_VIEWS[0], key="record_view",
        help="Over time: people per day, week or month, deaths beneath. By year: each year "
        "added up from 1 January, on one axis.",
    ) or RECORD_VIEWS[0]  # fmt: skip
    by, boats, kinds = "auto", False, tuple(KINDS)
    if view_name == RECORD_VIEWS[0]:
        left, middle, right = st.columns([3, 1, 3])
        by = left.segmented_control(
            "Bars", BARS, default="auto", key="record_by",
            help="Auto: a day up to 120 days, a week up to three years, else a month.",
        ) or "auto"  # fmt: skip
        boats = middle.toggle("Boats", value=False, key="record_boats")
        kinds = tuple(
            right.pills(
                "Deaths and missing (IOM)", KINDS, default=list(KINDS), selection_mode="multi",
                key="record_kinds",
                help="At sea: sea crossings. Vehicle: lorries, roads, trains. Other: camps, violence, "
                "sickness. Minimum counts.",
            ) or ()
        )  # fmt: skip
    figure, (arrivals_text, deaths_text) = record_chart(
        view.selection, view_name, by, boats, kinds, view
    )
    st.plotly_chart(figure, key="record_chart", config={"displaylogo": False})
    st.caption(escape_markdown(arrivals_text))
    st.caption(escape_markdown(deaths_text))
    if view_name == RECORD_VIEWS[0]:
        st.caption(
            "Black diamonds are the articles' own counts of exactly one bar's period (a day's "
            "arrivals on daily bars, a month's on monthly bars): a year so far is never drawn "
            "against a bar it does not measure. Hatched bars are periods the dates cut short; "
            "grey bands have no data."
        )

st.subheader("What the articles say", anchor="articles-timeline")
facts, shown, figure = facts_chart(view.selection, view)
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
        + ". Hollow dots come from “Read more” headlines of other articles; open diamonds are plans"
        " (a date after the article's: announced, not happened)."
    )
if binned:
    st.caption(
        f"More than {MOST_POINTS:,} dated facts: each dot counts the facts of one kind in one "
        f"{shown['period'].iloc[0]}, bigger for more. Hover a dot for the count and an example; "
        "click it to list its facts below."
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
for number, row in enumerate(picked.head(10).to_dict("records")):
    at = (str(row["article"]), int(row["start"]), int(row["end"]), str(row["sentence"]))
    with st.container(border=True):
        st.html(
            f'<div class="timeline-source"><b>{escape_text(row["label"])}</b> · '
            f"{pd.Timestamp(row['fact_date']).date().isoformat()}<br>"
            f"{sentence_html(row['sentence'], [(row['evidence'], row['kind'])])}"
            f'<div style="opacity:.75;font-size:.9em">From: {escape_text(row["title"])} '
            f"(characters {int(row['start'])}–{int(row['end'])})</div>{fact_source(view, *at)}</div>"
        )
        cite_button(view, *at, key=f"cite_timeline_{number}")

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
