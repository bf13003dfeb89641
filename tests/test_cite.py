"""Where a fact comes from: source lines, citations, permalinks into the reader, and the reader opened at one."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from conftest import make_corpus
from streamlit.testing.v1 import AppTest

import lib.corpus.load as load
from lib.corpus.url import parse_anchor
from lib.show.cite import article_rows, citation, permalink, source_html, source_line
from lib.show.reader import Span, facts_list_html, highlight_article

APP = str(Path(__file__).resolve().parent.parent / "app.py")
ARTICLE = {
    "article": "a1",
    "title": "UK asks <b>France</b>",
    "outlet": "CGTN",
    "url": "https://example.test/a?x=1&y=2",
    "published": "2021-11-25",
}


def test_source_line_citation_and_permalink():
    assert source_line(ARTICLE) == "CGTN · 25 Nov 2021"
    assert source_line({"article": "x"}) == "source not named"
    assert citation(ARTICLE, "At least 27   died.") == (
        "CGTN, “UK asks <b>France</b>”, 25 Nov 2021. https://example.test/a?x=1&y=2 — “At least 27 died.”"
    )
    assert citation({"article": "a9"}, "27 died.") == "a9 — “27 died.”"  # nothing else known
    assert permalink("a 1/x", 3, 9) == "sources?article=a+1%2Fx&at=3-9"


def test_source_html_is_escaped_and_links_out_safely():
    html = source_html(ARTICLE, fact_link=permalink("a1", 37, 48))
    assert "UK asks &lt;b&gt;France&lt;/b&gt;" in html and "<b>France</b>" not in html
    assert 'rel="noopener noreferrer nofollow"' in html and 'target="_blank"' in html
    assert "link to this sentence" in html and "at=37-48" in html
    hostile = source_html({**ARTICLE, "url": "javascript:alert(1)"})
    assert "href" not in hostile  # only http(s) addresses become links


def test_article_rows_by_id():
    rows = article_rows(make_corpus().articles)
    assert rows["a1"]["outlet"] == "CGTN" and set(rows) == {"a1", "a2"}


@pytest.mark.parametrize(
    ("value", "anchor"), [("37-48", (37, 48)), (" 1-2 ", (1, 2)), ("48-37", None), ("x", None), (None, None)]
)
def test_parse_anchor(value, anchor):
    assert parse_anchor(value) == anchor


def test_the_followed_span_is_outlined_and_every_fact_listed_for_touch():
    text = "At least 27 died off Calais."
    spans = [Span(0, 11, "figure", "deaths: at least 27"), Span(21, 27, "place", "place: Calais")]
    html = highlight_article(text, spans, followed=(0, 11))
    assert html.count('class="followed"') == 1 and "outline:2px" in html
    listed = facts_list_html(text, spans)
    assert listed.count("<li") == 2 and "deaths&#58; at least 27" in listed


@pytest.fixture
def fake_corpus(monkeypatch):
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setattr(load, "load_corpus", lambda folder, **_: make_corpus())
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.usefixtures("fake_corpus")
def test_a_permalink_opens_the_reader_at_its_sentence():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["article"] = "a1"
    at.query_params["at"] = "37-48"
    at.switch_page("pages/sources.py")
    at.run()
    assert not at.exception
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "You followed a link to this" in html and 'class="followed"' in html
    assert "deaths&#58; at least 27, 24 Nov 2021" in html


@pytest.mark.usefixtures("fake_corpus")
def test_quote_cards_carry_their_source_and_a_citation():
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/quotes.py")
    at.run()
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert html.count("link to this sentence") == 2 and "CGTN · 25 Nov 2021" in html
    codes = [c.value for c in at.code]
    assert any(c.startswith("CGTN, “UK asks France to take back migrants”, 25 Nov 2021") for c in codes)


def test_every_fact_table_links_each_row_to_its_sentence_in_the_reader() -> None:
    from conftest import make_corpus

    from lib.show.tables import READER_COLUMN, events_table, figures_table

    corpus = make_corpus()
    for table, facts in ((figures_table(corpus.figures), corpus.figures), (events_table(corpus.events), corpus.events)):
        links = table[READER_COLUMN].tolist()
        assert links == [
            permalink(a, int(s), int(e)) for a, s, e in zip(facts["article"], facts["start"], facts["end"], strict=True)
        ]
        assert all(link.startswith("sources?article=") and "&at=" in link for link in links)
