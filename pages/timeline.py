"""Timeline: the record (arrivals per day, week or month, deaths by incident, each year added up) and every dated fact of the articles, on one time axis."""

from datetime import date

import pandas as pd
import streamlit as st

import lib.record.reference
from lib.corpus import url
from lib.corpus.filters import pick_rows
from lib.record.incidents import KINDS
from lib.record.series import PERIODS, shown_span
from lib.schema import FACT_TABLES
from lib.show.html import escape_markdown, escape_text
from lib.show.publish import freeze, thaw
from lib.show.reader import sentence_html
from lib.show.record import (
    article_markers,
    article_trace,
    by_year_chart,
    choose_granularity,
    record_timeline,
)
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
from pages import _session as session
from pages._frame import (
    capped,
    cite_button,
    current_view,
    fact_source,
    official_reference,
    show_chart,
)

MOST_POINTS = 1_500  # more dated facts than this are drawn as counts per kind and day
RECORD_VIEWS = ("Over time", "By year")
BARS = ("auto", *(p for p in PERIODS if p != "year"))


@st.cache_resource(max_entries=4, ttl=3600, show_spinner="Dating the facts…")
def corpus_dated_facts(key: str, _corpus) -> pd.DataFrame:
    """`lib.show.timeline.dated_facts` of the whole corpus, once per corpus (`key`); read-only."""
    return dated_facts({name: _corpus.table(name) for name in FACT_TABLES})


@st.cache_resource(max_entries=32, ttl=600, show_spinner=False)
def facts_chart(selection: str, _view) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """The selection's dated facts, their points (or bins when there are many) and their chart (frozen).

    Cached on the selection (corpus key and filters); a resource, as the page only reads it.
    """
    corpus = _view.corpus
    tables = {name: corpus.table(name) for name in FACT_TABLES}
    facts = pick_rows(corpus_dated_facts(_view.key, corpus), _view.rows)
    if len(facts) <= MOST_POINTS:
        shown = lay_out_points(with_text(facts, tables, _view.options.titles))
        return facts, shown, freeze(build_timeline(shown))
    # one dot per kind and day (or week, or month): a browser cannot draw 100,000 dots
    shown = with_text(bin_points(facts, at_most=MOST_POINTS), tables, _view.options.titles)
    return facts, shown, freeze(build_timeline_bins(shown))


@st.cache_resource(max_entries=64, ttl=3600, show_spinner=False)
def record_base(
    first: date | None, last: date | None, view_name: str, by: str, boats: bool, kinds: tuple[str, ...]
) -> tuple[str, str, tuple[str, str]]:
    """The record's chart for some dates without the articles' figures (frozen), its bars' period and its words.

    Shared by every selection of articles over those dates: a place or speaker filter only
    changes the diamonds, added to a copy by `record_chart`.
    """
    record = official_reference()
    summary = record_summary(record, first, last)
    words = (summary.arrivals_text, summary.deaths_text)
    if view_name == RECORD_VIEWS[1]:
        years = None
        lo, hi = first or last, last or first
        if lo and hi:
            years = list(range(lo.year, hi.year + 1))
        return freeze(by_year_chart(record, highlight=years)), "year", words
    start, end = shown_span(record, first, last)
    period = choose_granularity(start, end) if by == "auto" else by
    figure = record_timeline(
        record, start, end, by=period, boats=boats, incidents=bool(kinds), kinds=list(kinds) or None
    )
    return freeze(figure), period, words


@st.cache_resource(max_entries=64, ttl=600, show_spinner=False)
def record_chart(
    selection: str, view_name: str, by: str, boats: bool, kinds: tuple[str, ...], _view
) -> tuple[str, tuple[str, str]]:
    """The record's chart for the selected dates with the selected articles' own figures, and what it says in words."""
    state = _view.state
    spec, period, words = record_base(state.date_from, state.date_to, view_name, by, boats, kinds)
    if view_name == RECORD_VIEWS[1]:
        return spec, words
    markers = article_markers(_view.selected.figures, period, dict(_view.options.titles))
    if markers.empty:
        return spec, words
    figure = thaw(spec)
    figure.add_trace(article_trace(markers))
    return freeze(figure), words


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
    show_chart(figure, key="record_chart", what=f"record-{'by-year' if view_name == RECORD_VIEWS[1] else by}", view=view)
    st.caption(escape_markdown(arrivals_text))
    st.caption(escape_markdown(deaths_text))
    if view_name == RECORD_VIEWS[0]:
        st.caption(
            "Diamonds are the articles' own counts of exactly one bar's period (a day's "
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
event = show_chart(
    figure,
    key="timeline_chart",
    what="articles-timeline",
    view=view,
    selectable=True,
    on_select="rerun",
    selection_mode=("points", "box"),
)

st.subheader("Source of the selected facts", anchor="timeline-source")
selection = event.selection if event else None
if not binned:
    picked = points_from_selection(selection, shown)
else:
    picked = with_text(
        facts_in_bins(facts, points_from_selection(selection, shown)).head(10), tables, titles
    )
# The picked facts live in the URL (?fact=ARTICLE@START-END), so a shared link shows them.
if not picked.empty:
    session.set_timeline_picked(True)
    spans = [url.picked_param(*at) for at in picked[["article", "start", "end"]].head(url.MOST_PICKED).itertuples(index=False)]
    if st.query_params.get_all("fact") != spans:
        st.query_params["fact"] = spans
elif session.timeline_picked():  # the reader cleared the chart's selection
    session.set_timeline_picked(False)
    st.query_params.pop("fact", None)
elif st.query_params.get_all("fact"):  # a shared link's picked facts
    wanted = set(url.parse_picked(st.query_params.get_all("fact")))
    spans = facts[["article", "start", "end"]].itertuples(index=False, name=None)
    picked = with_text(facts[[tuple(a) in wanted for a in spans]], tables, titles)
    if picked.empty:
        st.caption("The facts this link picked are not in the current selection.")
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
