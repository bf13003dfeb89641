"""Quotes: one panel per quote, filtered by the sidebar's speaker filter and searchable by words."""

import streamlit as st

from lib.charts import present
from lib.filters import search_quotes
from lib.reader import quote_card_html
from pages._frame import current_view

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
for quote in quotes.to_dict("records"):
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
