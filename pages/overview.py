"""Overview: the headline figures with their sentences, latest events, and what the filters select."""

import pandas as pd
import streamlit as st

from lib.corpus.filters import count_facts, describe_filters
from lib.corpus.headlines import headline_figures
from lib.corpus.summary import date_span, latest_events
from lib.show.html import escape_text
from lib.show.labels import describe_fact
from lib.show.reader import sentence_html
from pages._frame import current_view


@st.cache_resource(max_entries=8, ttl=600, show_spinner=False)
def summary(selection: str, _selected):
    """The selection's headline figures, the dates its facts span, and its five latest events.

    Cached on the corpus key and the filters; a resource, as the page only reads it.
    """
    return headline_figures(_selected.figures), date_span(_selected), latest_events(_selected.events)


view = current_view()
selected = view.selected
titles = view.options.titles
headlines, span_dates, latest = summary(view.selection, selected)

st.title("Channel crossings in the news", anchor="overview")
st.caption(
    "Small-boat crossings of the English Channel as the loaded news articles report them. "
    "Every number links back to the sentence it came from."
)
st.info(
    "Counts are minimums as reported, and provisional: they are what the articles said "
    "at the time, not official totals. Figures from “Read more” headlines of other "
    "articles are left out of the totals.",
    icon=":material/info:",
)

st.subheader("Headline figures", anchor="headline-figures")
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
        st.metric(
            LABELS[metric],
            f"{int(fact['value']):,}",
            help=f"{describe_fact(fact)}; the largest of {fact['n_reports']} total(s) reported.",
        )
        st.html(
            f'<div style="font-size:.9em">{sentence_html(str(fact["sentence"]), [(str(fact["evidence"]), "figure")])}'
            f'<div style="opacity:.75;font-size:.9em">{escape_text(describe_fact(fact))} · from '
            f"{escape_text(titles.get(fact['article'], fact['article']))}</div></div>"
        )
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
if latest.empty:
    st.write("No dated events in the current selection.")
else:
    st.dataframe(
        pd.DataFrame({
            "date": latest["date"].dt.date,
            "precision": latest["precision"],
            "phrase": latest["phrase"],
            "sentence": latest["sentence"],
            "article": [titles.get(a, a) for a in latest["article"]],
        }),
        hide_index=True,
        key="latest_events",
    )  # fmt: skip

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
