"""Quotes: one panel per quote, a page of them at a time, filtered by the sidebar's speaker filter and searchable by words."""

import streamlit as st

from lib.corpus.filters import search_quotes
from lib.show.reader import quote_card_html
from pages._frame import cite_button, current_view, fact_source, pager

PER_PAGE = 50  # quote panels drawn per page; a small corpus shows whole

view = current_view()
selected = view.selected

st.title("Quotes", anchor="quotes")
words = st.text_input(
    "Search the quoted words",
    key="search",
    bind="query-params",  # ?search=cooperation: a shared link reopens the same search
    max_chars=200,
    type="search",
    placeholder="e.g. cooperation",
    help="Shows quotes holding every word typed (any case), in the words, the speaker or the role.",
)
quotes = search_quotes(selected.quotes, words).sort_values(["fact_date", "article", "start"])
speakers = quotes["speaker"].dropna().nunique()
st.write(
    f"{len(quotes)} quote(s) from {speakers} speaker(s)"
    + (" matching the search." if words.strip() else ".")
    + " Use the Speaker filter in the sidebar to follow one voice."
)
page = pager(
    "quote_page",
    (view.selection, words),
    len(quotes),
    PER_PAGE,
    label="Page",
    help=f"{PER_PAGE} quotes a page, in date order.",
)
shown = quotes.iloc[page.first : page.last]
if page.caption:
    st.caption(f"{page.caption} quotes.")
for quote in shown.to_dict("records"):
    article, start, end = quote["article"], int(quote["start"]), int(quote["end"])
    with st.container(border=True, key=f"quote_{article}_{start}"):
        st.html(
            quote_card_html(
                quote,
                title=str(article),
                outlet=None,
                source=fact_source(view, article, start, end, str(quote["sentence"])),
            )
        )
        cite_button(view, article, start, end, str(quote["sentence"]), key=f"cite_{article}_{start}")
