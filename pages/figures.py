"""Figures: the death toll and its breakdown, crossing totals, parts against wholes, and the official context."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import lib.reference
from lib.charts import build_breakdown_chart, describe_fact
from lib.checks import CorpusChecks, check_corpus, checks_for
from lib.context_charts import (
    arrivals_by_year_chart,
    article_points,
    chart_markers,
    deaths_by_year_chart,
    marked_figures,
    monthly_arrivals_chart,
)
from lib.context_tables import (
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
from lib.figures_checks import (
    STATUS_TEXT,
    PartsCheck,
    check_parts,
    headline_figures,
    metric_table,
)
from lib.reader import escape_markdown, escape_text, sentence_html
from pages._frame import TABLE_ROWS, capped, current_view, official_reference

MONTHLY_VIEWS = ("Cumulative since 1 January", "Per month")
LINKS = {
    "source": st.column_config.LinkColumn("source", display_text=r"https?://(?:www\.)?([^/]+)")
}
CHECKS_PER_PAGE = 10  # breakdown panels (each with a chart) drawn per page


@st.cache_resource(max_entries=4, ttl=3600, show_spinner="Checking the figures…")
def corpus_checks(key: str, _corpus) -> CorpusChecks:
    """Every figure and claim of the corpus checked against the reference, once per corpus (`key`); read-only."""
    return check_corpus(_corpus.figures, _corpus.claims, _corpus.articles, official_reference())


# What a selection gives is cached on the corpus key and the filters that made it; as
# resources, not data: these are plotly figures and tables that pages only read, and
# unpickling a plotly figure validates it again (0.1 s a chart).


@st.cache_resource(max_entries=8, ttl=600, show_spinner=False)
def breakdowns(selection: str, _figures: pd.DataFrame) -> list[PartsCheck]:
    """`check_parts` of the selected figures."""
    return check_parts(_figures)


@st.cache_resource(max_entries=64, ttl=600, show_spinner=False)
def breakdown_chart(metric: str, groups: tuple[str, ...], values: tuple[int, ...]) -> go.Figure:
    """`build_breakdown_chart` of one breakdown."""
    parts = pd.DataFrame({"group": list(groups), "value": list(values)})
    return build_breakdown_chart(parts, title=f"{metric} by group")


@st.cache_resource(max_entries=4, show_spinner=False)
def official_chart(chart: str, _reference: lib.reference.Reference) -> go.Figure:
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
def context_chart(selection: str, chart: str, _reference: lib.reference.Reference, _view):
    """An official chart with the selected figures marked (a copy of the chart, their trace added), and them in words."""
    marked = corpus_marked(_view.key, chart, _view.corpus)
    picked = marked[np.isin(marked["row"].to_numpy(), _view.rows["figures"])]
    figure = go.Figure(official_chart(chart, _reference))
    points = article_points(None, chart, marked=picked)
    if points is not None:
        figure.add_trace(points)
    return figure, markers_sentence(chart_markers(figure), _view.options.titles)


@st.cache_resource(max_entries=8, ttl=600, show_spinner=False)
def figure_tables(selection: str, _figures: pd.DataFrame):
    """The selection's largest death toll and its crossing totals (largest first)."""
    return headline_figures(_figures, metrics=("deaths",)), metric_table(_figures, "crossings")


@st.cache_data(max_entries=1, show_spinner=False)
def reference_words(_reference: lib.reference.Reference) -> dict[str, object]:
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
        figure_rows = figure_rows[corpus.figures["own"].to_numpy(dtype=bool)[figure_rows]]
        claim_rows = claim_rows[corpus.claims["own"].to_numpy(dtype=bool)[claim_rows]]
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


def official_charts(reference: lib.reference.Reference, view) -> None:
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


def checked_claims(reference: lib.reference.Reference, view, titles) -> None:
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


view = current_view()
selected = view.selected
titles = view.options.titles

st.title("Figures", anchor="figures")
st.caption(
    "Numbers of people as the articles report them: minimums, provisional, never summed "
    "across articles (two reports of one sinking are not two sinkings)."
)

st.subheader("Death toll", anchor="death-toll")
headlines, crossings = figure_tables(view.selection, selected.figures)
if headlines.empty:
    st.write("No death toll reported in the current selection.")
else:
    toll = headlines.iloc[0].to_dict()
    st.metric(
        "Deaths reported (largest total)", f"{int(toll['value']):,}", help=describe_fact(toll)
    )
    st.html(
        sentence_html(str(toll["sentence"]), [(str(toll["evidence"]), "figure")])
        + f'<div style="opacity:.75;font-size:.9em">From: {escape_text(titles.get(toll["article"], toll["article"]))}</div>'
    )

st.subheader("Do the parts add up?", anchor="checks")
checks = breakdowns(view.selection, selected.figures)
if not checks:
    st.write("No breakdown (men, women, minors, ...) reported in the current selection.")
first = 0
if len(checks) > CHECKS_PER_PAGE:
    statuses = pd.Series([c.status for c in checks]).value_counts()
    st.write(
        f"{len(checks):,} breakdowns checked: "
        + ", ".join(f"{int(statuses[s]):,} {STATUS_TEXT[s]}" for s in STATUS_TEXT if s in statuses)
        + "."
    )
    pages = -(-len(checks) // CHECKS_PER_PAGE)
    # new filters start again at page 1
    if st.session_state.get("_checks_query") != view.selection:
        st.session_state["_checks_query"] = view.selection
        st.session_state["checks_page"] = 1
    elif st.session_state.get("checks_page", 1) > pages:
        st.session_state["checks_page"] = pages
    page = st.number_input(
        f"Page of breakdowns (of {pages:,})",
        min_value=1,
        max_value=pages,
        step=1,
        key="checks_page",
        help=f"{CHECKS_PER_PAGE} breakdowns a page, by article.",
    )
    first = (page - 1) * CHECKS_PER_PAGE
    st.caption(
        f"Showing {first + 1:,}–{min(first + CHECKS_PER_PAGE, len(checks)):,} of {len(checks):,} breakdowns."
    )
for number, check in enumerate(checks[first : first + CHECKS_PER_PAGE], start=first):
    icon = {True: ":material/check_circle:", False: ":material/cancel:", None: ":material/help:"}[
        check.ok
    ]
    with st.container(border=True, key=f"check_{number}"):
        st.markdown(
            f"{icon} **{escape_markdown(check.metric)}: {check.expression}** — {STATUS_TEXT[check.status]}"
        )
        groups, values = (
            tuple(str(p.group) for p in check.parts),
            tuple(p.value for p in check.parts),
        )
        parts = pd.DataFrame({"group": [p.group for p in check.parts], "value": list(values)})
        evidence = [check.total] if check.total else []
        evidence += list(check.parts)
        sentences = list(dict.fromkeys(r.sentence for r in evidence))
        st.html(
            '<div class="check-evidence">'
            + "".join(
                sentence_html(s, [(r.evidence, "figure") for r in evidence if r.sentence == s])
                for s in sentences
            )
            + f'<div style="opacity:.75;font-size:.9em">From: {escape_text(titles.get(check.article, check.article))}</div>'
            + "</div>"
        )
        st.plotly_chart(
            breakdown_chart(check.metric, groups, values),
            key=f"breakdown_chart_{number}",
            config={"displayModeBar": False},
        )
        st.dataframe(parts, hide_index=True, key=f"breakdown_table_{number}")

st.subheader("Crossings", anchor="crossings")
if crossings.empty:
    st.write("No crossing totals in the current selection.")
else:
    top = crossings[crossings["own"]].head(1)
    if len(top):
        st.write(
            f"Largest crossing total reported: {describe_fact(top.iloc[0].to_dict() | {'kind': 'figure', 'metric': 'crossings'})}."
        )
    shown = capped(crossings, "crossing totals")
    st.dataframe(
        shown.assign(
            article=[titles.get(a, a) for a in shown["article"]],
            fact_date=shown["fact_date"].dt.date,
        ),
        hide_index=True,
        key="crossings_table",
    )

st.subheader("All figures", anchor="all-figures")
table = capped(selected.figures, "figures")
st.dataframe(
    pd.DataFrame({
        "metric": table["metric"], "value": table["value"], "qualifier": table["qualifier"],
        "group": table["group"], "period": table["period"], "own": table["own"],
        "sentence": table["sentence"], "article": [titles.get(a, a) for a in table["article"]],
    }),
    hide_index=True,
    key="figures_table",
)  # fmt: skip

st.subheader("Official context", anchor="official-context")
st.caption(
    "Official figures beside the reported ones: arrivals counted by the Home Office (each year "
    "final or provisional) and deaths counted by several bodies (always minimums). Black diamonds "
    "are the figures of the selected articles (their own, not those of “Read more” headlines). "
    "Each table row links to its source."
)
try:
    reference = official_reference()
except lib.reference.ReferenceError as error:
    st.error(f"The official figures could not be read: {escape_markdown(str(error))}")
else:
    official_charts(reference, view)
    checked_claims(reference, view, titles)
