"""Overview: the record for the selected dates first, then what the articles reported for them, latest events, and the selection."""

import streamlit as st

import lib.record.reference
from lib.corpus.filters import count_facts, describe_filters
from lib.corpus.headlines import HEADLINE_ORDERS, PERIOD_KINDS, headline_figures
from lib.corpus.summary import date_span, latest_events
from lib.show.html import escape_markdown, escape_text
from lib.show.labels import describe_fact, figure_period, qualified
from lib.show.reader import sentence_html
from lib.show.tables import RecordSummary, events_table, record_summary
from pages._frame import FACT_LINKS, cite_button, current_view, fact_source, official_reference


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def record_for(first, last) -> RecordSummary:
    """`record_summary` of the selected dates: the record is static, so it depends on the dates only."""
    return record_summary(official_reference(), first, last)


@st.cache_resource(max_entries=8, ttl=600, show_spinner=False)
def summary(selection: str, order: str, _selected):
    """The selection's headline figures, the dates its facts span, its latest events and its plans.

    Cached on the corpus key, the filters and the headline order; a resource, as the page only reads it.
    """
    events = _selected.events
    planned = events["planned"].to_numpy(dtype=bool)
    return (
        headline_figures(_selected.figures, order=order),
        date_span(_selected),
        latest_events(events[~planned]),
        latest_events(events[planned]).iloc[::-1],  # the soonest first
    )


view = current_view()
selected = view.selected
titles = view.options.titles

st.title("Channel crossings in the news", anchor="overview")
st.caption(
    "Small-boat crossings of the English Channel: the official record, and the news beside it. "
    "Every number names its source; every article number links back to its sentence."
)

st.subheader("The record for these dates", anchor="record")
try:
    record = record_for(view.state.date_from, view.state.date_to)
except lib.record.reference.ReferenceError as error:
    st.error(f"The record could not be read: {escape_markdown(str(error))}")
else:
    arrivals, deaths = st.columns(2)
    with arrivals.container(border=True, key="record_arrivals"):
        st.metric(
            "People crossing (Home Office)",
            "no data" if record.people is None else f"{record.people:,}",
            help="People detected arriving in the UK by small boat, summed from the Home Office "
            "daily series over the selected dates. Provisional.",
        )
        st.caption(escape_markdown(record.arrivals_text))
    with deaths.container(border=True, key="record_deaths"):
        st.metric(
            "Dead and missing (IOM)",
            f"{record.dead + record.missing:,}",
            help="Deaths and disappearances the IOM Missing Migrants Project records on the route "
            "to the UK over the selected dates: minimum counts.",
        )
        st.caption(escape_markdown(record.deaths_text))

st.subheader("What the articles reported", anchor="headline-figures")
st.info(
    "Counts are minimums as reported, and provisional: they are what the articles said "
    "at the time, not official totals. Figures from “Read more” headlines of other "
    "articles are left out of the totals.",
    icon=":material/info:",
)
order = st.segmented_control(
    "Which reported total to put first",
    HEADLINE_ORDERS,
    default=HEADLINE_ORDERS[0],
    key="headline_order",
    help="Latest: the total whose period ends last (the most recent state of the count). "
    "Largest: the biggest total reported. Each says which period it is about.",
) or HEADLINE_ORDERS[0]
headlines, span_dates, latest, planned = summary(view.selection, order, selected)
span = (
    f"{span_dates[0].date().isoformat()} to {span_dates[1].date().isoformat()}"
    if span_dates
    else "no dated facts"
)

LABELS = {"deaths": "Deaths reported", "crossings": "People crossing"}
columns = st.columns(2)
for i, metric in enumerate(LABELS):
    with columns[i].container(border=True, key=f"headline_{metric}"):
        row = headlines[headlines["metric"] == metric]
        if row.empty:
            st.metric(LABELS[metric], "—", help="No total reported in the selected articles.")
            continue
        fact = row.iloc[0].to_dict()
        period = figure_period(fact) or "period not given"
        st.metric(
            LABELS[metric],
            qualified(fact),
            help=f"{describe_fact(fact)}; the {order} of {fact['n_reports']} total(s) reported.",
        )
        st.html(
            f'<div class="headline-period"><b>{escape_text(period)}</b> · '
            f"{escape_text(PERIOD_KINDS[fact['period_kind']])}</div>"
            f'<div style="font-size:.9em">{sentence_html(str(fact["sentence"]), [(str(fact["evidence"]), "figure")])}'
            + fact_source(view, fact["article"], int(fact["start"]), int(fact["end"]), str(fact["sentence"]))
            + "</div>"
        )
        cite_button(
            view, fact["article"], int(fact["start"]), int(fact["end"]), str(fact["sentence"]),
            key=f"cite_headline_{metric}",
        )  # fmt: skip
columns = st.columns(2)
with columns[0].container(border=True, key="headline_articles"):
    st.metric(
        "Articles",
        f"{len(selected.articles):,}",
        help="Articles with facts in the current selection.",
    )
with columns[1].container(border=True, key="headline_span"):
    if span_dates:
        days = (span_dates[1] - span_dates[0]).days + 1
        st.metric(
            "Date span", f"{days:,} day{'s' if days > 1 else ''}", help="Dates the facts are about."
        )
        st.caption(span.replace(" to ", " → "))
    else:
        st.metric("Date span", "—", help="No dated facts in the current selection.")

st.subheader("Latest events", anchor="latest-events")
st.caption("Days the articles say something happened; months and years named are not days.")
if latest.empty:
    st.write("No dated events in the current selection.")
else:
    st.dataframe(
        events_table(latest, titles), hide_index=True, key="latest_events", column_config=FACT_LINKS
    )
if not planned.empty:
    st.markdown("**Announced, still to come** (after the article's date)")
    st.dataframe(
        events_table(planned, titles), hide_index=True, key="planned_events", column_config=FACT_LINKS
    )

st.subheader("What the filters select", anchor="selection")
counts = count_facts(selected)
st.html(
    '<ul class="filter-summary">'
    + "".join(f"<li>{escape_text(line)}</li>" for line in describe_filters(view.state, titles))
    + "</ul>"
)
st.write(
    f"{sum(counts.values()):,} facts: {counts['figures']} figures, {counts['events']} dates, "
    f"{counts['places']} place mentions, {counts['quotes']} quotes, {counts['claims']} claims."
)
