"""Sources: the articles, a reader with every fact highlighted, uploads for this session, and load problems."""

import pandas as pd
import streamlit as st

from lib.charts import KIND_ORDER
from lib.filters import DATE_MAX, DATE_MIN
from lib.load import load_upload
from lib.reader import (
    articles_table,
    escape_markdown,
    fact_spans,
    highlight_article,
    legend_html,
)
from pages._frame import current_view

FACT_TABLES = ("figures", "events", "places", "quotes", "claims")


def add_uploads() -> None:
    """Load the submitted files into this session (a callback: runs before the frame loads the corpus)."""
    uploads = dict(st.session_state.get("_uploads", {}))
    messages: list[tuple[str, str]] = []
    rejected: list[dict[str, str]] = st.session_state.get("_upload_rejected", [])
    loaded = set(st.session_state["_view"].corpus.articles["article"])
    published = st.session_state.get("upload_published")
    for file in st.session_state.get("upload_files") or []:
        corpus = load_upload(file.name, file.getvalue(), published=published)
        errors = corpus.problems[corpus.problems["severity"] == "error"]
        if len(errors) or corpus.articles.empty:
            reason = "; ".join(errors["reason"].astype(str)) or "no article could be read from it"
            messages.append(("error", f"Could not use {file.name}: {reason}"))
            rejected.append(
                {
                    "article": file.name,
                    "path": f"upload:{file.name}",
                    "reason": reason,
                    "severity": "error",
                }
            )
            continue
        article = str(corpus.articles["article"].iloc[0])
        if article in loaded and article not in uploads:
            messages.append(
                (
                    "error",
                    f"Could not use {file.name}: an article named {article} is already loaded",
                )
            )
            continue
        uploads[article] = corpus
        facts = sum(len(corpus.table(name)) for name in FACT_TABLES)
        messages.append(("success", f"Added {file.name} for this session: {facts} facts found."))
    if not messages:
        messages.append(("error", "No file chosen: pick a .txt article first."))
    st.session_state["_uploads"] = uploads
    st.session_state["_upload_messages"] = messages
    st.session_state["_upload_rejected"] = rejected


def remove_uploads() -> None:
    st.session_state["_uploads"] = {}
    st.session_state["_upload_messages"] = [
        ("success", "Uploaded articles removed from this session.")
    ]


view = current_view()
corpus = view.corpus
titles = view.options.titles

st.title("Sources", anchor="sources")

st.subheader("Articles", anchor="articles")
table = articles_table(corpus, view.selected)
st.write(f"{len(table)} article(s) loaded; the facts column counts what the filters select.")
st.dataframe(
    table,
    hide_index=True,
    key="articles_table",
    column_config={
        "published": st.column_config.DateColumn("published"),
        "reference_date": st.column_config.DateColumn("reference date"),
        "selected_facts": st.column_config.NumberColumn("facts selected"),
    },
)

st.subheader("Read an article", anchor="reader")
readable = [a for a in table["article"] if a in corpus.texts]
if not readable:
    st.write("No article to read.")
else:
    preferred = next((a for a in view.state.articles if a in readable), readable[0])
    # The reader follows the Article filter when it changes; otherwise it keeps its choice.
    if st.session_state.get("_reader_follows") != view.state.articles or (
        st.session_state.get("reader_article") not in readable
    ):
        st.session_state["reader_article"] = preferred
    st.session_state["_reader_follows"] = view.state.articles
    article = st.selectbox(
        "Article",
        readable,
        format_func=lambda a: titles.get(a, a),
        key="reader_article",
    )
    kinds = st.pills(
        "Highlight",
        KIND_ORDER,
        default=list(KIND_ORDER),
        selection_mode="multi",
        key="reader_kinds",
    )
    tables = [corpus.table(name) for name in FACT_TABLES]
    spans = [s for s in fact_spans(tables, article) if s.kind in (kinds or [])]
    st.caption(f"{len(spans)} facts highlighted; hover a highlight to see what was read from it.")
    st.html(legend_html(kinds or []))
    with st.container(border=True, key="reader_text", height=600):
        st.html(highlight_article(corpus.texts[article], spans))

st.subheader("Add an article", anchor="upload")
with st.form("upload_form", clear_on_submit=True, border=True):
    st.file_uploader(
        "Plain-text article (.txt)",
        type=["txt"],
        accept_multiple_files=True,
        key="upload_files",
        help="Kept for this session only; never written to disk.",
    )
    st.date_input(
        "Published (optional)",
        value=None,
        min_value=DATE_MIN,
        max_value=DATE_MAX,
        format="YYYY-MM-DD",
        key="upload_published",
        help="Relative dates in the text ('on Thursday') are read against this day. "
        "Empty: the date is inferred from the text.",
    )
    st.form_submit_button("Add to this session", key="upload_submit", on_click=add_uploads)
for level, message in st.session_state.get("_upload_messages", []):
    (st.error if level == "error" else st.success)(escape_markdown(message))
if st.session_state.get("_uploads"):
    st.button("Remove uploaded articles", key="upload_clear", on_click=remove_uploads)

st.subheader("Problems", anchor="problems")
problems = pd.concat(
    [
        corpus.problems,
        pd.DataFrame(st.session_state.get("_upload_rejected", []), columns=corpus.problems.columns),
    ],
    ignore_index=True,
)
if problems.empty:
    st.write("Every article file was loaded, without caveats.")
else:
    errors = int((problems["severity"] == "error").sum())
    st.write(
        f"{errors} file(s) could not be loaded (severity error); "
        f"{len(problems) - errors} loaded with a caveat (severity warning)."
    )
    st.dataframe(problems, hide_index=True, key="problems_table")
