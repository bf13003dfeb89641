"""Articles added by their link, against pages a local server serves (tests/local_site.py): nothing leaves 127.0.0.1.

What a journalist pastes: a news page (its facts, its date, outlet and canonical URL), and
every kind of link that gives no article (a paywall stub, a 404, a slow page, a 20 MB page,
a PDF, a redirect to a private address), each refused with a message naming it and why.
Then the app: a link pasted on the Sources page joins the URL, and the URL alone reopens it.
"""

from __future__ import annotations

import functools
import time
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from local_site import NEWS_TITLE, LocalSite, local_site_fixture
from streamlit.testing.v1 import AppTest

from lib.corpus.fetch import fetch_page
from lib.corpus.links import MOST_LINKS, article_name, load_link, load_saved_page, normalise_links
from lib.corpus.uploads import add_uploads

ROOT = Path(__file__).resolve().parent.parent
local_site = local_site_fixture()


def _load(site: LocalSite, path: str, **fetch_options):
    fetch = functools.partial(fetch_page, allow_local=True, timeout=2.0, **fetch_options)
    return load_link(site.url(path), fetch=fetch)


def test_a_news_page_gives_its_facts_with_its_date_outlet_and_canonical_link(local_site):
    linked = _load(local_site, "/news/channel-crossing.html")
    assert linked.ok and linked.fetched_at is not None
    articles = linked.corpus.articles
    assert len(articles) == 1
    row = articles.iloc[0]
    assert row["title"] == NEWS_TITLE
    assert row["published"].date() == date(2021, 11, 25)  # the page's own date (metadata)
    assert row["url"] == "https://www.example-news.test/world/channel-crossing"  # canonical
    assert row["origin"] == "link" and row["fetched"] is not None
    figures = linked.corpus.figures
    assert (figures["value"] == 27).any() and "died" in " ".join(figures["sentence"])
    text = linked.corpus.texts[row["article"]]
    assert "We use cookies" not in text and "Related stories" not in text  # page chrome left out
    # offsets point into the text read from the page
    for fact in figures.to_dict("records"):
        assert text[fact["start"] : fact["end"]] == fact["evidence"]
    assert linked.message.startswith(f"Added {NEWS_TITLE}")


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/paywall.html", "too little text"),
        ("/missing", "could not be found"),
        ("/report.pdf", "is a PDF"),
        ("/redirect-private", "private network address"),
        ("/redirect-metadata", "cloud metadata address"),
        ("/huge.html", "larger than"),
        ("/slow.html", "took more than"),
    ],
)
def test_a_link_that_gives_no_article_is_refused_saying_which_and_why(local_site, path, words):
    linked = _load(local_site, path, max_bytes=5_000_000)
    assert not linked.ok
    assert words in linked.message, linked.message
    problem = linked.corpus.problems.iloc[0]
    assert problem["severity"] == "error" and problem["path"] == local_site.url(path)
    assert linked.corpus.articles.empty


def test_a_page_whose_date_and_text_disagree_says_so(local_site):
    linked = _load(local_site, "/date-mismatch.html")
    assert linked.ok
    assert linked.corpus.articles.iloc[0]["published"].date() == date(2023, 8, 12)
    warnings = linked.corpus.problems
    assert any("disagree" in reason and "2023-08-12" in reason for reason in warnings["reason"])


def test_the_loopback_server_is_refused_unless_local_fetching_is_allowed(local_site, monkeypatch):
    monkeypatch.delenv("ALLOW_LOCAL_FETCH", raising=False)
    linked = load_link(local_site.url("/news/channel-crossing.html"))
    assert not linked.ok


def test_article_names_are_stable_and_readable():
    url = "https://www.example-news.test/world/channel-crossing?ref=home"
    assert article_name(url) == article_name(url)
    assert article_name(url).startswith("link-example-news-test-channel-crossing-")
    assert article_name(url) != article_name(url + "&x=1")


def test_normalise_links_keeps_web_addresses_once_in_order():
    links, notices = normalise_links(
        [" https://a.test/1 ", "https://a.test/1", "javascript:alert(1)", "", "http://b.test/2"]
    )
    assert links == ["https://a.test/1", "http://b.test/2"]
    assert len(notices) == 1 and "not a web address" in notices[0]
    many, notices = normalise_links([f"https://a.test/{i}" for i in range(MOST_LINKS + 3)])
    assert len(many) == MOST_LINKS and "left out" in notices[0]


def test_a_saved_html_page_goes_through_the_same_reading(local_site):
    from local_site import NEWS_PAGE

    corpus = load_saved_page("saved/Channel crossing.html", NEWS_PAGE.encode("utf-8"))
    assert list(corpus.articles["article"]) == ["Channel crossing"]
    assert (corpus.figures["value"] == 27).any()
    outcome = add_uploads({}, [("page.html", NEWS_PAGE.encode("utf-8"))], loaded=[])
    assert list(outcome.uploads) == ["page"] and outcome.messages[0][0] == "success"
    outcome = add_uploads({}, [("stub.html", b"<html><body><p>Subscribe</p></body></html>")], loaded=[])
    assert outcome.messages[0][0] == "error" and "stub.html" in outcome.messages[0][1]


def test_time_and_memory_from_link_to_facts(local_site, record_property):
    """Measured, not bounded: the closing note reports these (a local page, server side)."""
    url = local_site.url("/gzip.html")
    tracemalloc.start()
    start = time.perf_counter()
    linked = _load(local_site, "/gzip.html")
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert linked.ok, url
    record_property("link_to_facts_seconds", round(elapsed, 3))
    record_property("link_peak_mb", round(peak / 1e6, 2))


# --- the app -----------------------------------------------------------------------------


@pytest.fixture
def app_with_local_links(monkeypatch, tmp_path):
    monkeypatch.setenv("ALLOW_LOCAL_FETCH", "1")
    monkeypatch.setenv("ARTICLES_DIR", str(ROOT / "seeds"))
    monkeypatch.setenv("FACTS_CACHE_DIR", str(tmp_path / "cache"))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.usefixtures("app_with_local_links")
def test_a_pasted_link_joins_the_url_and_the_url_reopens_it(local_site):
    url = local_site.url("/news/channel-crossing.html")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/sources.py")
    at.run()
    at.text_input(key="link_input").set_value(url)
    at.button(key="link_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    shared = at.query_params["url"]  # AppTest keeps a repeated parameter as its values, one as a string
    assert (shared if isinstance(shared, list) else [shared]) == [url]
    assert any("Added" in s.value for s in at.success)
    table = next(d.value for d in at.dataframe if "origin" in d.value.columns)
    assert "link" in set(table["origin"])
    # a fresh session opened on the shared URL finds the same article
    again = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    again.query_params["url"] = [url]
    again.switch_page("pages/quotes.py")
    again.run()
    assert not again.exception
    assert "Charles Devos" in " ".join(h.proto.body for h in again.get("html"))


@pytest.mark.usefixtures("app_with_local_links")
def test_a_bad_link_is_refused_and_the_url_keeps_only_good_ones(local_site):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/sources.py")
    at.run()
    at.text_input(key="link_input").set_value(local_site.url("/paywall.html"))
    at.button(key="link_submit").click().run()
    assert not at.exception
    assert "url" not in at.query_params
    assert any("too little text" in e.value for e in at.error)
    assert "000_7c27d60d4c13592b" in set(
        next(d.value for d in at.dataframe if "origin" in d.value.columns)["article"]
    )  # every other article stays
