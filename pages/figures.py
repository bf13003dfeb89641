"""Figures: the death toll and its breakdown, crossing totals, parts against wholes, and the official context."""

import pandas as pd
import streamlit as st

import lib.reference
from lib.charts import build_breakdown_chart, describe_fact
from lib.checks import check_facts
from lib.context_charts import (
    arrivals_by_year_chart,
    chart_markers,
    deaths_by_year_chart,
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
from lib.figures_checks import STATUS_TEXT, check_parts, headline_figures, metric_table
from lib.reader import escape_markdown, escape_text, sentence_html
from pages._frame import current_view, official_reference

MONTHLY_VIEWS = ("Cumulative since 1 January", "Per month")
LINKS = {
    "source": st.column_config.LinkColumn("source", display_text=r"https?://(?:www\.)?([^/]+)")
}


@st.cache_data(max_entries=16, show_spinner="Checking the figures…")
def checked_facts(
    figures: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame
) -> pd.DataFrame:
    """`lib.checks.check_facts` on the filtered facts, cached on them (the reference is static)."""
    return check_facts(figures, claims, articles, official_reference())


def _markers(fig, titles) -> None:
    """The article figures a chart marks, in words beneath it (or why there are none)."""
    sentence = markers_sentence(chart_markers(fig), titles)
    st.caption(
        escape_markdown(sentence)
        if sentence
        else "No article figure in the selection fits this chart."
    )


def official_charts(reference: lib.reference.Reference, selected, titles) -> None:
    """The three official series as charts, the selected article figures marked, each with words and a table."""
    st.markdown("#### Arrivals per year")
    yearly = arrivals_by_year_chart(reference.arrivals_by_year, selected.figures)
    st.plotly_chart(yearly, key="official_yearly", config={"displayModeBar": False})
    st.caption(escape_markdown(yearly_arrivals_summary(reference.arrivals_by_year)))
    _markers(yearly, titles)
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
    monthly = monthly_arrivals_chart(
        reference.arrivals_by_month, selected.figures, cumulative=shown == MONTHLY_VIEWS[0]
    )
    st.plotly_chart(monthly, key="official_monthly", config={"displayModeBar": False})
    st.caption(escape_markdown(monthly_arrivals_summary(reference.arrivals_by_month)))
    _markers(monthly, titles)
    with st.expander("Table: arrivals per month"):
        st.dataframe(
            arrivals_table(reference.arrivals_by_month, period="month"),
            hide_index=True,
            key="official_monthly_table",
            column_config=LINKS,
        )

    st.markdown("#### Deaths per year, by who counted")
    deaths = deaths_by_year_chart(reference.deaths_by_year, selected.figures)
    st.plotly_chart(deaths, key="official_deaths", config={"displayModeBar": False})
    st.caption(escape_markdown(scopes_sentence(reference.deaths_by_year)))
    st.caption(escape_markdown(deaths_summary(reference.deaths_by_year)))
    _markers(deaths, titles)
    with st.expander("Table: deaths per year and counting body"):
        st.dataframe(
            deaths_table(reference.deaths_by_year),
            hide_index=True,
            key="official_deaths_table",
            column_config={"year": st.column_config.NumberColumn(format="%d"), **LINKS},
        )


def checked_claims(reference: lib.reference.Reference, selected, titles) -> None:
    """Every figure and claim of the selection checked against the reference: status, sums, evidence, sources."""
    st.markdown("#### The articles' figures and claims, checked")
    read_more = st.toggle(
        "Include figures from “Read more” headlines",
        value=False,
        key="claims_read_more",
        help="They belong to other articles: left out by default, as from every total.",
    )
    figures, claims = selected.figures, selected.claims
    if not read_more:
        figures, claims = figures[figures["own"]], claims[claims["own"]]
    checks = checked_facts(figures, claims, selected.articles)
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
    st.dataframe(
        checks_table(checks, titles),
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
    st.markdown("\n".join(f"- {escape_markdown(line)}" for line in differences(reference)))


view = current_view()
selected = view.selected
titles = view.options.titles

st.title("Figures", anchor="figures")
st.caption(
    "Numbers of people as the articles report them: minimums, provisional, never summed "
    "across articles (two reports of one sinking are not two sinkings)."
)

st.subheader("Death toll", anchor="death-toll")
headlines = headline_figures(selected.figures, metrics=("deaths",))
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
checks = check_parts(selected.figures)
if not checks:
    st.write("No breakdown (men, women, minors, ...) reported in the current selection.")
for number, check in enumerate(checks):
    icon = {True: ":material/check_circle:", False: ":material/cancel:", None: ":material/help:"}[
        check.ok
    ]
    with st.container(border=True, key=f"check_{number}"):
        st.markdown(
            f"{icon} **{escape_markdown(check.metric)}: {check.expression}** — {STATUS_TEXT[check.status]}"
        )
        parts = pd.DataFrame(
            {"group": [p.group for p in check.parts], "value": [p.value for p in check.parts]}
        )
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
            build_breakdown_chart(parts, title=f"{check.metric} by group"),
            key=f"breakdown_chart_{number}",
            config={"displayModeBar": False},
        )
        st.dataframe(parts, hide_index=True, key=f"breakdown_table_{number}")

st.subheader("Crossings", anchor="crossings")
crossings = metric_table(selected.figures, "crossings")
if crossings.empty:
    st.write("No crossing totals in the current selection.")
else:
    top = crossings[crossings["own"]].head(1)
    if len(top):
        st.write(
            f"Largest crossing total reported: {describe_fact(top.iloc[0].to_dict() | {'kind': 'figure', 'metric': 'crossings'})}."
        )
    st.dataframe(
        crossings.assign(
            article=[titles.get(a, a) for a in crossings["article"]],
            fact_date=crossings["fact_date"].dt.date,
        ),
        hide_index=True,
        key="crossings_table",
    )

st.subheader("All figures", anchor="all-figures")
table = selected.figures
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
    official_charts(reference, selected, titles)
    checked_claims(reference, selected, titles)
