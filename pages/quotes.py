"""Quotes: one panel per quote, a page of them at a time, filtered by the sidebar's speaker filter and searchable by words."""

import streamlit as st

from lib.charts import present
from lib.filters import search_quotes
from lib.reader import quote_card_html
from pages._frame import current_view

PER_PAGE = 50  # quote panels drawn per page; a small corpus shows whole

view = current_view()
selected = view.selected
articles = view.corpus.articles.set_index("article")

st.title("Quotes", anchor="quotes")
words = st.text_input(
    "Search the quoted words",
    key="quote_search",
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
pages = max(1, -(-len(quotes) // PER_PAGE))
# A new search or selection starts again at page 1; a page past the end shows the last.
query = (view.selection, words)
if st.session_state.get("_quote_query") != query:
    st.session_state["_quote_query"] = query
    st.session_state["quote_page"] = 1
elif st.session_state.get("quote_page", 1) > pages:
    st.session_state["quote_page"] = pages
if len(quotes) > PER_PAGE:
    page = st.number_input(
        f"Page (of {pages:,})",
        min_value=1,
        max_value=pages,
        step=1,
        key="quote_page",
        help=f"{PER_PAGE} quotes a page, in date order.",
    )
else:
    page = 1
first = (page - 1) * PER_PAGE
shown = quotes.iloc[first : first + PER_PAGE]
if len(quotes) > PER_PAGE:
    st.caption(f"Showing {first + 1:,}–{first + len(shown):,} of {len(quotes):,} quotes.")
for quote in shown.to_dict("records"):
    article = quote["article"]
    title = articles["title"].get(article) if article in articles.index else None
    outlet = articles["outlet"].get(article) if article in articles.index else None
    with st.container(border=True, key=f"quote_{article}_{quote['start']}"):
        st.html(
            quote_card_html(
                quote,
                title=str(title) if present(title) else str(article),
                outlet=str(outlet) if present(outlet) else None,
            )
        )
