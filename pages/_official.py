"""The Figures page's official context: the record's charts with the selected figures marked, and every figure and claim checked.

Not a page: pages/figures.py draws it with `official_context(view)`.
"""

import numpy as np
import pandas as pd
import streamlit as st

import lib.record.reference
from lib.checks.corpus import CorpusChecks, check_corpus, checks_for, own_rows
from lib.corpus.filters import View
from lib.show.html import escape_markdown
from lib.show.official import (
    ARTICLE_TRACE,
    arrivals_by_year_chart,
    article_points,
    chart_markers,
    deaths_by_year_chart,
    marked_figures,
    monthly_arrivals_chart,
)
from lib.show.publish import freeze, thaw
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
from pages._frame import FACT_LINKS, TABLE_ROWS, capped, official_reference, show_chart

MONTHLY_VIEWS = ("Cumulative since 1 January", "Per month")
FILE_NAMES = {  # what a downloaded chart's file name says it is
    "yearly": "arrivals-per-year", "monthly": "arrivals-per-month",
    "cumulative": "arrivals-since-january", "deaths": "deaths-per-year",
}  # fmt: skip
LINKS = {
    "source": st.column_config.LinkColumn("source", display_text=r"https?://(?:www\.)?([^/]+)")
}


# What a selection gives is cached on the corpus key and the filters that made it; as
# resources, not data (pages only read them). Charts are kept as their JSON
# (`lib.show.publish.freeze`): a figure shared by sessions is never handed out.


@st.cache_resource(max_entries=4, ttl=3600, show_spinner="Checking the figures…")
def corpus_checks(key: str, _corpus) -> CorpusChecks:
    """Every figure and claim of the corpus checked against the reference, once per corpus (`key`); read-only."""
    return check_corpus(_corpus.figures, _corpus.claims, _corpus.articles, official_reference())


@st.cache_resource(max_entries=4, show_spinner=False)
def official_chart(chart: str, _reference: lib.record.reference.Reference) -> str:
    """An official chart without article figures (`yearly`, `cumulative`, `monthly` or `deaths`), frozen: the reference is static."""
    if chart == "yearly":
        return freeze(arrivals_by_year_chart(_reference.arrivals_by_year))
    if chart == "deaths":
        return freeze(deaths_by_year_chart(_reference.deaths_by_year))
    return freeze(
        monthly_arrivals_chart(_reference.arrivals_by_month, cumulative=chart == "cumulative")
    )


@st.cache_resource(max_entries=8, ttl=3600, show_spinner=False)
def corpus_marked(key: str, chart: str, _corpus) -> pd.DataFrame:
    """`marked_figures` of every figure of the corpus, once per corpus (`key`) and chart; read-only."""
    return marked_figures(_corpus.figures, chart)


@st.cache_resource(max_entries=64, ttl=600, show_spinner=False)
def context_chart(
    selection: str, chart: str, _reference: lib.record.reference.Reference, _view
) -> tuple[str, str]:
    """An official chart with the selected figures marked (frozen), and them in words."""
    marked = corpus_marked(_view.key, chart, _view.corpus)
    picked = marked[np.isin(marked["row"].to_numpy(), _view.rows["figures"])]
    spec = official_chart(chart, _reference)
    points = article_points(None, chart, marked=picked)
    if points is None:
        return spec, ""
    figure = thaw(spec)
    figure.add_trace(points)
    words = markers_sentence(chart_markers(figure), _view.options.titles)
    figure.update_traces(customdata=None, selector={"name": ARTICLE_TRACE})  # read back above; not drawn
    return freeze(figure), words


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


@st.cache_resource(max_entries=1, show_spinner=False)
def reference_tables(_reference: lib.record.reference.Reference) -> dict[str, pd.DataFrame]:
    """The tables beneath the official charts, once: the reference is static; read-only."""
    return {
        "yearly": arrivals_table(_reference.arrivals_by_year, period="year"),
        "monthly": arrivals_table(_reference.arrivals_by_month, period="month"),
        "deaths": deaths_table(_reference.deaths_by_year),
    }


def _official_section(
    view, reference, chart: str, table: str, *, key: str, sentences: list[str], caption: str
) -> None:
    """One official chart with the selection's figures marked, its sentences, the marks in words, its table."""
    spec, markers = context_chart(view.selection, chart, reference, view)
    show_chart(spec, key=key, what=FILE_NAMES[chart], view=view)
    for sentence in sentences:
        st.caption(escape_markdown(sentence))
    _markers(markers)
    years = {"year": st.column_config.NumberColumn(format="%d")} if table != "monthly" else {}
    with st.expander(caption):
        st.dataframe(
            reference_tables(reference)[table],
            hide_index=True,
            key=f"{key}_table",
            column_config={**years, **LINKS},
        )


def official_charts(reference: lib.record.reference.Reference, view) -> None:
    """The three official series as charts, the selected article figures marked, each with words and a table."""
    words = reference_words(reference)
    st.markdown("#### Arrivals per year")
    _official_section(view, reference, "yearly", "yearly", key="official_yearly",
                      sentences=[words["yearly"]], caption="Table: arrivals per year")  # fmt: skip
    st.markdown("#### Arrivals per month")
    shown = st.radio(
        "Monthly arrivals shown",
        MONTHLY_VIEWS,
        horizontal=True,
        key="official_monthly_view",
        help="A figure for “this year” is a running total: it belongs on the cumulative "
        "lines, at the day it was reported.",
    )
    chart = "cumulative" if shown == MONTHLY_VIEWS[0] else "monthly"
    _official_section(view, reference, chart, "monthly", key="official_monthly",
                      sentences=[words["monthly"]], caption="Table: arrivals per month")  # fmt: skip
    st.markdown("#### Deaths per year, by who counted")
    _official_section(view, reference, "deaths", "deaths", key="official_deaths",
                      sentences=[words["scopes"], words["deaths"]],
                      caption="Table: deaths per year and counting body")  # fmt: skip


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
            **FACT_LINKS,
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
        "final or provisional) and deaths counted by several bodies (always minimums). Diamonds "
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
