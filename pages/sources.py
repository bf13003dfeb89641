"""Sources: the articles, a reader with every fact highlighted, uploads for this session, and load problems."""

import streamlit as st

from lib.corpus.uploads import add_uploads, problem_rows
from lib.corpus.url import DATE_MAX, DATE_MIN, parse_anchor
from lib.schema import FACT_TABLES, KINDS
from lib.show.html import escape_markdown, escape_text
from lib.show.reader import (
    articles_table,
    fact_spans,
    facts_list_html,
    highlight_article,
    legend_html,
    link_html,
    sentence_at,
    sentence_html,
)
from pages import _session as session
from pages._frame import add_link, current_view, remove_link, view_links


def add_submitted() -> None:
    """Load the submitted files into this session (a callback: runs before the frame loads the corpus)."""
    outcome = add_uploads(
        session.uploads(),
        session.submitted_files(),
        loaded=() if (shown := session.view()) is None else shown.corpus.articles["article"],
        published=session.submitted_published(),
    )
    session.record_uploads(outcome)


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
        "url": st.column_config.LinkColumn("link", display_text=r"https?://(?:www\.)?([^/]+)"),
        "origin": st.column_config.TextColumn("from", help="folder, upload (this session) or link"),
        "fetched": st.column_config.DatetimeColumn("fetched (UTC)", format="YYYY-MM-DD HH:mm"),
        "published": st.column_config.DateColumn("published"),
        "reference_date": st.column_config.DateColumn("reference date"),
        "selected_facts": st.column_config.NumberColumn("facts selected"),
    },
)

st.subheader("Add an article by its link", anchor="links")
st.caption(
    "The page is fetched once an hour at most, its main text read (menus, adverts and related "
    "links left out; its HTML never shown) and its facts found. The link joins the address "
    "bar, so a shared link reopens with the same articles on another machine."
)
with st.form("link_form", clear_on_submit=False, border=True):
    st.text_input("Link to a news article", key="link_input", placeholder="https://…")
    st.form_submit_button("Add link", key="link_submit", on_click=add_link, args=("link_input",))
for level, message in session.link_messages():
    (st.error if level == "error" else st.success)(escape_markdown(message))
for number, link in enumerate(view_links()):
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.html(link_html(link))
    right.button("Remove", key=f"remove_link_{number}", on_click=remove_link, args=(link,))

st.subheader("Read an article", anchor="reader")
readable = [a for a in table["article"] if a in corpus.texts]
if not readable:
    st.write("No article to read.")
else:
    preferred = next((a for a in view.state.articles if a in readable), readable[0])
    # The reader follows the Article filter when it changes; otherwise it keeps its choice.
    session.follow_article_filter("reader_article", view.state.articles, readable, preferred)
    article = st.selectbox(
        "Article",
        readable,
        format_func=lambda a: titles.get(a, a),
        key="reader_article",
    )
    kinds = st.pills(
        "Highlight",
        KINDS,
        default=list(KINDS),
        selection_mode="multi",
        key="reader_kinds",
    )
    tables = [corpus.table(name) for name in FACT_TABLES]
    every = fact_spans(tables, article)
    spans = [s for s in every if s.kind in (kinds or [])]
    text = corpus.texts[article]
    # a permalink (`?article=ID&at=START-END`) opens the reader at that fact, outlined
    followed = parse_anchor(st.query_params.get("at")) if article in view.state.articles else None
    if followed is not None:
        facts = [s for s in every if (s.start, s.end) == followed]
        st.html(
            '<div class="followed-fact" style="border-left:4px solid currentColor;padding:.3em .8em">'
            "<b>You followed a link to this:</b> "
            + escape_text("; ".join(s.label for s in facts) or text[followed[0] : followed[1]])
            + "<br>"
            + sentence_html(
                sentence_at(tables, article, followed) or text[followed[0] : followed[1]],
                [(text[followed[0] : followed[1]], facts[0].kind if facts else "figure")],
            )
            + "</div>"
        )
    st.caption(
        f"{len(spans)} facts highlighted; hover (or, on a touch screen, open the list below) "
        "to see what was read from each."
    )
    st.html(legend_html(kinds or []))
    with st.container(border=True, key="reader_text", height=600):
        st.html(highlight_article(text, spans, followed=followed))
    with st.expander(f"What was read from this article ({len(spans)} facts)"):
        st.html(facts_list_html(text, spans))

st.subheader("Add an article", anchor="upload")
with st.form("upload_form", clear_on_submit=True, border=True):
    st.file_uploader(
        "Plain-text article (.txt) or a page saved from a browser (.html)",
        type=["txt", "html", "htm"],
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
    st.form_submit_button("Add to this session", key="upload_submit", on_click=add_submitted)
for level, message in session.upload_messages():
    (st.error if level == "error" else st.success)(escape_markdown(message))
if session.uploads():
    st.button("Remove uploaded articles", key="upload_clear", on_click=session.drop_uploads)

st.subheader("Problems", anchor="problems")
problems = problem_rows(corpus.problems, session.rejected_uploads())
if problems.empty:
    st.write("Every article file was loaded, without caveats.")
else:
    errors = int((problems["severity"] == "error").sum())
    st.write(
        f"{errors} file(s) could not be loaded (severity error); "
        f"{len(problems) - errors} loaded with a caveat (severity warning)."
    )
    st.dataframe(problems, hide_index=True, key="problems_table")
