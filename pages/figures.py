"""Figures: the death toll and its breakdown, crossing totals, parts against wholes, and the official context."""

import pandas as pd
import streamlit as st

from lib.checks.parts import STATUS_TEXT, PartsCheck, check_parts, status_counts
from lib.corpus.headlines import PERIOD_KINDS, headline_figures
from lib.show.html import escape_markdown
from lib.show.labels import describe_fact, figure_period, period_words, qualified
from lib.show.parts import build_breakdown_chart
from lib.show.publish import freeze
from lib.show.reader import evidence_html, sentence_html
from lib.show.tables import figures_table
from pages._frame import (
    FACT_LINKS,
    TABLE_ROWS,
    capped,
    cite_button,
    current_view,
    fact_source,
    pager,
    show_chart,
)
from pages._official import official_context

CHECKS_PER_PAGE = 10  # breakdown panels (each with a chart) drawn per page


# What a selection gives is cached on the corpus key and the filters that made it; as
# resources, not data (pages only read them). Charts are kept as their JSON
# (`lib.show.publish.freeze`): a figure shared by sessions is never handed out.


@st.cache_resource(max_entries=8, ttl=600, show_spinner=False)
def breakdowns(selection: str, _figures: pd.DataFrame) -> list[PartsCheck]:
    """`check_parts` of the selected figures."""
    return check_parts(_figures)


@st.cache_resource(max_entries=64, ttl=600, show_spinner=False)
def breakdown_chart(
    metric: str, groups: tuple[str, ...], values: tuple[int, ...], about: str, title: str
) -> str:
    """`build_breakdown_chart` of one breakdown, frozen; `about` is its period, `title` its article's."""
    parts = pd.DataFrame({"group": list(groups), "value": list(values)})
    return freeze(
        build_breakdown_chart(
            parts,
            title=f"{metric.capitalize()} by group",
            subtitle=f"{about}, as one article reports it: {sum(values):,} in the parts",
            source=f"Source: {title}",
        )
    )


@st.cache_resource(max_entries=8, ttl=600, show_spinner=False)
def figure_tables(selection: str, _figures: pd.DataFrame, _titles):
    """The selection's latest death toll, its crossing figures (largest first) and every figure, in words."""
    crossings = _figures[(_figures["metric"] == "crossings").to_numpy(dtype=bool)]
    crossings = crossings.sort_values(["value", "article"], ascending=[False, True], kind="stable")
    return (
        headline_figures(_figures, metrics=("deaths",)),
        crossings,
        figures_table(crossings.head(TABLE_ROWS), _titles),  # the page shows no more
    )


@st.cache_resource(max_entries=8, ttl=600, show_spinner=False)
def all_figures_table(selection: str, _figures: pd.DataFrame, _titles) -> pd.DataFrame:
    """`figures_table` of the selection's figures (at most `TABLE_ROWS`), once per selection."""
    return figures_table(_figures, _titles)


view = current_view()
selected = view.selected
titles = view.options.titles

st.title("Figures", anchor="figures")
st.caption(
    "Numbers of people as the articles report them: minimums, provisional, never summed "
    "across articles (two reports of one sinking are not two sinkings)."
)

st.subheader("Death toll", anchor="death-toll")
headlines, crossings, crossings_words = figure_tables(view.selection, selected.figures, titles)
if headlines.empty:
    st.write("No death toll reported in the current selection.")
else:
    toll = headlines.iloc[0].to_dict()
    period = figure_period(toll) or "period not given"
    st.metric(
        f"Deaths reported ({period})",
        qualified(toll),
        help=f"{describe_fact(toll)}; the latest of {toll['n_reports']} death toll(s) reported, "
        f"about {PERIOD_KINDS[toll['period_kind']]}.",
    )
    toll_at = (toll["article"], int(toll["start"]), int(toll["end"]), str(toll["sentence"]))
    st.html(
        sentence_html(str(toll["sentence"]), [(str(toll["evidence"]), "figure")])
        + fact_source(view, *toll_at)
    )
    cite_button(view, *toll_at, key="cite_toll")

st.subheader("Do the parts add up?", anchor="checks")
checks = breakdowns(view.selection, selected.figures)
if not checks:
    st.write("No breakdown (men, women, minors, ...) reported in the current selection.")
if len(checks) > CHECKS_PER_PAGE:
    st.write(status_counts(checks))
page = pager(
    "checks_page",
    view.selection,
    len(checks),
    CHECKS_PER_PAGE,
    label="Page of breakdowns",
    help=f"{CHECKS_PER_PAGE} breakdowns a page, by article.",
)
if page.caption:
    st.caption(f"{page.caption} breakdowns.")
for number, check in enumerate(checks[page.first : page.last], start=page.first):
    icon = {True: ":material/check_circle:", False: ":material/cancel:", None: ":material/help:"}[
        check.ok
    ]
    with st.container(border=True, key=f"check_{number}"):
        about = period_words(*check.period.split("/")) if check.period else "period not given"
        st.markdown(
            f"{icon} **{escape_markdown(check.metric)}, {escape_markdown(about)}: {check.expression}**"
            f" — {STATUS_TEXT[check.status]}"
        )
        groups = tuple(str(p.group) for p in check.parts)
        values = tuple(p.value for p in check.parts)
        evidence = ([check.total] if check.total else []) + list(check.parts)
        st.html(evidence_html(evidence, titles.get(check.article, check.article)))
        title = titles.get(check.article, check.article)
        show_chart(
            breakdown_chart(check.metric, groups, values, about, title),
            key=f"breakdown_chart_{number}",
            what=f"breakdown-{number + 1}",
            view=view,
        )
        st.dataframe(
            pd.DataFrame({"group": [p.group for p in check.parts], "value": list(values)}),
            hide_index=True,
            key=f"breakdown_table_{number}",
        )

st.subheader("Crossings", anchor="crossings")
if crossings.empty:
    st.write("No crossing figures in the current selection.")
else:
    st.caption(
        "Largest first. A day's count, a year so far and a whole year are different numbers: "
        "the period column says which each is."
    )
    capped(crossings, "crossing figures")  # the note, when the table is cut short
    st.dataframe(
        crossings_words,
        hide_index=True,
        key="crossings_table",
        column_config=FACT_LINKS,
    )

st.subheader("All figures", anchor="all-figures")
st.dataframe(
    all_figures_table(view.selection, capped(selected.figures, "figures"), titles),
    hide_index=True,
    key="figures_table",
    column_config=FACT_LINKS,
)

official_context(view)
