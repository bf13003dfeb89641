"""The Figures page's official context: the record's charts with the selected figures marked, and every figure and claim checked.

Not a page: pages/figures.py draws it with `official_context(view)`.
"""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import lib.record.reference
from lib.checks.corpus import CorpusChecks, check_corpus, checks_for, own_rows
from lib.corpus.filters import View
from lib.show.html import escape_markdown
from lib.show.official import (
    arrivals_by_year_chart,
    article_points,
    chart_markers,
    deaths_by_year_chart,
    marked_figures,
    monthly_arrivals_chart,
)
from lib.show.tables import (
    STATUS_LEGEND,
    arrivals_table,
    checks_table,
    deaths_summary,
    deaths_table,
    differences,
    markers_sentence,
    monthly_arrivals_summary,
    scopes_sentence,
    status_summary,
    yearly_arrivals_summary,
)
from pages._frame import TABLE_ROWS, capped, official_reference

MONTHLY_VIEWS = ("Cumulative since 1 January", "Per month")
LINKS = {
    "source": st.column_config.LinkColumn("source", display_text=r"https?://(?:www\.)?([^/]+)")
}


# What a selection gives is cached on the corpus key and the filters that made it; as
# resources, not data: these are plotly figures and tables that pages only read, and
# unpickling a plotly figure validates it again (0.1 s a chart).


@st.cache_resource(max_entries=4, ttl=3600, show_spinner="Checking the figures…")
def corpus_checks(key: str, _corpus) -> CorpusChecks:
    """Every figure and claim of the corpus checked against the reference, once per corpus (`key`); read-only."""
    return check_corpus(_corpus.figures, _corpus.claims, _corpus.articles, official_reference())


@st.cache_resource(max_entries=4, show_spinner=False)
def official_chart(chart: str, _reference: lib.record.reference.Reference) -> go.Figure:
    """An official chart without article figures (`yearly`, `cumulative`, `monthly` or `deaths`): the reference is static."""
    if chart == "yearly":
        return arrivals_by_year_chart(_reference.arrivals_by_year)
    if chart == "deaths":
        return deaths_by_year_chart(_reference.deaths_by_year)
    return monthly_arrivals_chart(_reference.arrivals_by_month, cumulative=chart == "cumulative")


@st.cache_resource(max_entries=8, ttl=3600, show_spinner=False)
def corpus_marked(key: str, chart: str, _corpus) -> pd.DataFrame:
    """`marked_figures` of every figure of the corpus, once per corpus (`key`) and chart; read-only."""
    return marked_figures(_corpus.figures, chart)


@st.cache_resource(max_entries=24, ttl=600, show_spinner=False)
def context_chart(selection: str, chart: str, _reference: lib.record.reference.Reference, _view):
    """An official chart with the selected figures marked (a copy of the chart, their trace added), and them in words."""
    marked = corpus_marked(_view.key, chart, _view.corpus)
    picked = marked[np.isin(marked["row"].to_numpy(), _view.rows["figures"])]
    figure = go.Figure(official_chart(chart, _reference))
    points = article_points(None, chart, marked=picked)
    if points is not None:
        figure.add_trace(points)
    return figure, markers_sentence(chart_markers(figure), _view.options.titles)


@st.cache_data(max_entries=1, show_spinner=False)
def reference_words(_reference: lib.record.reference.Reference) -> dict[str, object]:
    """The sentences beneath the official charts: the reference is static, so they are written once."""
    return {
        "yearly": yearly_arrivals_summary(_reference.arrivals_by_year),
        "monthly": monthly_arrivals_summary(_reference.arrivals_by_month),
        "scopes": scopes_sentence(_reference.deaths_by_year),
        "deaths": deaths_summary(_reference.deaths_by_year),
        "differences": differences(_reference),
    }


@st.cache_resource(max_entries=4, ttl=600, show_spinner=False)
def selected_checks(selection: str, read_more: bool, _view) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The selection's figures and claims checked (picked from the corpus's checks), and the table of them shown."""
    corpus, rows = _view.corpus, _view.rows
    figure_rows, claim_rows = rows["figures"], rows["claims"]
    if not read_more:
        figure_rows = own_rows(corpus.figures, figure_rows)
        claim_rows = own_rows(corpus.claims, claim_rows)
    checks = checks_for(
        corpus_checks(_view.key, corpus),
        figure_rows,
        claim_rows,
        figures=corpus.figures,
        claims=corpus.claims,
        articles=_view.selected.articles,
        reference=official_reference(),
    )
    return checks, checks_table(checks.head(TABLE_ROWS), _view.options.titles)


def _markers(sentence: str) -> None:
    """The article figures a chart marks, in words beneath it (or why there are none)."""
    st.caption(
        escape_markdown(sentence)
        if sentence
        else "No article figure in the selection fits this chart."
    )


def official_charts(reference: lib.record.reference.Reference, view) -> None:
    """The three official series as charts, the selected article figures marked, each with words and a table."""
    words = reference_words(reference)
    st.markdown("#### Arrivals per year")
    yearly, markers = context_chart(view.selection, "yearly", reference, view)
    st.plotly_chart(yearly, key="official_yearly", config={"displayModeBar": False})
    st.caption(escape_markdown(words["yearly"]))
    _markers(markers)
    with st.expander("Table: arrivals per year"):
        st.dataframe(
            arrivals_table(reference.arrivals_by_year, period="year"),
            hide_index=True,
            key="official_yearly_table",
            column_config={"year": st.column_config.NumberColumn(format="%d"), **LINKS},
        )

    st.markdown("#### Arrivals per month")
    shown = st.radio(
        "Monthly arrivals shown",
        MONTHLY_VIEWS,
        horizontal=True,
        key="official_monthly_view",
        help="A figure for “this year” is a running total: it belongs on the cumulative "
        "lines, at the day it was reported.",
    )
    monthly, markers = context_chart(
        view.selection,
        "cumulative" if shown == MONTHLY_VIEWS[0] else "monthly",
        reference,
        view,
    )
    st.plotly_chart(monthly, key="official_monthly", config={"displayModeBar": False})
    st.caption(escape_markdown(words["monthly"]))
    _markers(markers)
    with st.expander("Table: arrivals per month"):
        st.dataframe(
            arrivals_table(reference.arrivals_by_month, period="month"),
            hide_index=True,
            key="official_monthly_table",
            column_config=LINKS,
        )

    st.markdown("#### Deaths per year, by who counted")
    deaths, markers = context_chart(view.selection, "deaths", reference, view)
    st.plotly_chart(deaths, key="official_deaths", config={"displayModeBar": False})
    st.caption(escape_markdown(words["scopes"]))
    st.caption(escape_markdown(words["deaths"]))
    _markers(markers)
    with st.expander("Table: deaths per year and counting body"):
        st.dataframe(
            deaths_table(reference.deaths_by_year),
            hide_index=True,
            key="official_deaths_table",
            column_config={"year": st.column_config.NumberColumn(format="%d"), **LINKS},
        )


def checked_claims(reference: lib.record.reference.Reference, view: View) -> None:
    """Every figure and claim of the selection checked against the reference: status, sums, evidence, sources.

    The checks are made once for the whole corpus; the selection's are picked from them.
    """
    st.markdown("#### The articles' figures and claims, checked")
    read_more = st.toggle(
        "Include figures from “Read more” headlines",
        value=False,
        key="claims_read_more",
        help="They belong to other articles: left out by default, as from every total.",
    )
    checks, table = selected_checks(view.selection, read_more, view)
    st.markdown(
        "\n".join(
            f"- **{status}**: {escape_markdown(meaning)}"
            for status, meaning in STATUS_LEGEND.items()
        )
    )
    if checks.empty:
        st.write("No article figure or claim to check in the current selection.")
    else:
        st.write(status_summary(checks))
    capped(checks, "checks")  # the note, when the table is cut short
    st.dataframe(
        table,
        hide_index=True,
        key="claims_table",
        column_config={
            "status": st.column_config.TextColumn("status", width="small"),
            "checked": st.column_config.TextColumn("checked", width="small"),
            "evidence": st.column_config.TextColumn("evidence", width="medium"),
            "arithmetic": st.column_config.TextColumn("arithmetic", width="large"),
            "sources": st.column_config.ListColumn("all sources"),
            **LINKS,
        },
    )
    st.markdown("**Where sources count differently**")
    lines = reference_words(reference)["differences"]
    st.markdown("\n".join(f"- {escape_markdown(line)}" for line in lines))




def official_context(view: View) -> None:
    """The section itself: the official charts, then the checks (or why the record could not be read)."""
    st.subheader("Official context", anchor="official-context")
    st.caption(
        "Official figures beside the reported ones: arrivals counted by the Home Office (each year "
        "final or provisional) and deaths counted by several bodies (always minimums). Black diamonds "
        "are the figures of the selected articles (their own, not those of “Read more” headlines). "
        "Each table row links to its source."
    )
    try:
        reference = official_reference()
    except lib.record.reference.ReferenceError as error:
        st.error(f"The official figures could not be read: {escape_markdown(str(error))}")
    else:
        official_charts(reference, view)
        checked_claims(reference, view)
