"""Figures: the death toll and its breakdown, crossing totals, and checks that parts add up to wholes."""

import pandas as pd
import streamlit as st

from lib.charts import build_breakdown_chart, describe_fact
from lib.figures_checks import STATUS_TEXT, check_parts, headline_figures, metric_table
from lib.reader import escape_markdown, escape_text, sentence_html
from pages._frame import current_view

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

# OFFICIAL CONTEXT (reserved): another helper fills this section from lib/context_charts.py
# with official statistics beside the reported figures. Keep the heading and anchor stable.
st.subheader("Official context", anchor="official-context")
st.caption("Official figures to compare the reported ones with will appear here.")
