"""Reading a web page: the article text without the page chrome, its metadata, and clean refusals of non-articles.

Extraction is offline: an autouse guard fails any DNS look-up or connection made while
a page is read, except in the one test that fetches from the local site on purpose.
"""

from __future__ import annotations

import gzip
import random
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from local_site import (
    ARTICLE_PARAGRAPHS,
    FIGURES_SENTENCE,
    MISMATCH_PAGE,
    NEWS_PAGE,
    NEWS_TITLE,
    NOISE_MARKERS,
    PAYWALL_PAGE,
    PLAIN_TEXT,
    LocalSite,
    local_site_fixture,
    news_page,
)

from lib.corpus.fetch import fetch_page
from lib.corpus.webpage import PageError, WebArticle, read_saved_page, read_text_page, read_webpage

local_site = local_site_fixture()

URL = "https://www.example-news.test/world/channel-crossing?ref=home"
CANONICAL = "https://www.example-news.test/world/channel-crossing"


@pytest.fixture(autouse=True)
def offline(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record (and refuse) every network use made by the code under test."""
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> None:
        attempts.append(repr(args[:2]))
        raise OSError("network access during page extraction")

    if "local_site" not in request.fixturenames:  # the one test that fetches on purpose
        monkeypatch.setattr(socket, "getaddrinfo", refuse)
        monkeypatch.setattr(socket, "create_connection", refuse)
        monkeypatch.setattr(socket.socket, "connect", refuse)
    yield attempts
    assert attempts == [], f"extraction tried to use the network: {attempts}"


def test_news_page_gives_the_article_text_only() -> None:
    article = read_webpage(NEWS_PAGE.encode(), url=URL, charset="utf-8")
    assert FIGURES_SENTENCE in article.text
    assert article.text.startswith("CALAIS, France — At least 27 people died")
    assert '"It was a shock to see so many people in the water," said Charles Devos' in article.text
    assert "seventeen men, seven women" in article.text
    for noise in (
        *NOISE_MARKERS,
        "<b",
        "onmouseover",
        "<script",
        "Accept all cookies",
        "Privacy policy",
    ):
        assert noise not in article.text, noise
    assert not article.text.startswith(NEWS_TITLE)  # the title is returned on its own


def test_paragraphs_are_separated_by_blank_lines() -> None:
    article = read_webpage(NEWS_PAGE.encode(), url=URL)
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == len(ARTICLE_PARAGRAPHS)
    assert all(p and "\n" not in p and p == p.strip() for p in paragraphs)
    assert paragraphs[-1].startswith("The mayor of Calais, Natacha Bouchart")


def test_news_page_metadata() -> None:
    article = read_webpage(NEWS_PAGE.encode(), url=URL, charset="utf-8")
    assert article == WebArticle(
        text=article.text,
        title=NEWS_TITLE,
        published="2021-11-25",
        outlet="Example News",
        canonical_url=CANONICAL,
        author="Jane Reporter",
        description="A dinghy carrying migrants to Britain sank off Calais.",
        date_source="page metadata",
    )


def test_extraction_is_deterministic() -> None:
    first = read_webpage(NEWS_PAGE.encode(), url=URL)
    assert read_webpage(NEWS_PAGE.encode(), url=URL) == first
    assert read_webpage(NEWS_PAGE.encode(), url=URL, charset="utf-8") == first


def test_a_page_fetched_from_the_local_site(local_site: LocalSite) -> None:
    for path in ("/news/channel-crossing.html", "/gzip.html", "/latin1.html", "/redirect-ok"):
        page = fetch_page(local_site.url(path), allow_local=True)
        article = read_webpage(page.body, url=page.final_url, charset=page.charset)
        assert FIGURES_SENTENCE in article.text, path
        assert "Gérald Darmanin" in article.text, path
        assert article.published == "2021-11-25" and article.canonical_url == CANONICAL


def test_paywall_stub_is_too_little_text() -> None:
    with pytest.raises(PageError) as caught:
        read_webpage(PAYWALL_PAGE.encode(), url="https://daily.example.test/smugglers")
    assert caught.value.kind == "too_little_text"
    assert caught.value.message.startswith(
        "The page at https://daily.example.test/smugglers has too little text"
    )
    assert "paywall" in caught.value.message and "\n" not in caught.value.message


def test_date_comes_from_the_page_metadata_not_the_text() -> None:
    article = read_webpage(
        MISMATCH_PAGE.encode(), url="https://www.example-news.test/uk/calm-tuesday"
    )
    assert article.published == "2023-08-12"
    assert article.date_source == "page metadata"
    # Kept as text, not used as the date.
    assert article.text.startswith("Published 3 September 2024")
    assert "on Tuesday" in article.text


def test_no_date_is_guessed_from_the_text() -> None:
    html = MISMATCH_PAGE.replace('content="2023-08-12T07:00:00+01:00"', 'content=""').replace(
        'datetime="2023-08-12T07:00:00+01:00"', ""
    )
    article = read_webpage(html.encode(), url="https://www.example-news.test/uk/calm-tuesday")
    assert article.published is None and article.date_source is None
    assert "Published 3 September 2024" in article.text


def test_saved_page_upload() -> None:
    article = read_saved_page(NEWS_PAGE.encode(), "Channel crossing - Example News.html")
    assert article.text == read_webpage(NEWS_PAGE.encode(), url=URL).text
    assert article.title == NEWS_TITLE and article.outlet == "Example News"
    assert article.canonical_url == CANONICAL and article.published == "2021-11-25"


def test_saved_page_without_site_name_or_address() -> None:
    html = (NEWS_PAGE.replace('<meta property="og:site_name" content="Example News">', "")
            .replace(f'<link rel="canonical" href="{CANONICAL}">', "")
            .replace(" | Example News</title>", "</title>"))  # fmt: skip
    article = read_saved_page(html.encode(), "page.html")
    assert article.outlet is None and article.canonical_url is None
    assert FIGURES_SENTENCE in article.text


def test_outlet_falls_back_to_the_host_without_www() -> None:
    html = (NEWS_PAGE.replace('<meta property="og:site_name" content="Example News">', "")
            .replace(" | Example News</title>", "</title>"))  # fmt: skip
    assert read_webpage(html.encode(), url=URL).outlet == "example-news.test"


@pytest.mark.parametrize(("canonical", "expected"), [
    ("/world/channel-crossing", CANONICAL),  # relative: resolved against the page's address
    ("javascript:alert(1)", URL),
    ("ftp://www.example-news.test/x", URL),
    ("", URL),
])  # fmt: skip
def test_canonical_url_must_be_a_web_address(canonical: str, expected: str) -> None:
    html = news_page(canonical=canonical)
    assert read_webpage(html.encode(), url=URL).canonical_url == expected


def test_canonical_link_wins_over_og_url_wherever_they_are() -> None:
    html = news_page().replace(
        "<head>", '<head>\n  <meta property="og:url" content="https://www.example-news.test/og">', 1
    )
    assert read_webpage(html.encode(), url=URL).canonical_url == CANONICAL


def test_og_url_is_used_when_there_is_no_canonical_link() -> None:
    html = news_page().replace(
        f'<link rel="canonical" href="{CANONICAL}">',
        '<meta property="og:url" content="https://www.example-news.test/og">',
    )
    assert read_webpage(html.encode(), url=URL).canonical_url == "https://www.example-news.test/og"


def test_charsets() -> None:
    latin = NEWS_PAGE.replace('<meta charset="utf-8">', "").replace("—", "-")
    assert "Gérald" in read_webpage(latin.encode("latin-1"), url=URL, charset="iso-8859-1").text
    # No header: the <meta charset> decides (windows-1252 curly quotes and accents).
    curly = NEWS_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        '"It was', "“It was"
    )
    assert "“It was a shock" in read_webpage(curly.encode("cp1252"), url=URL).text
    assert "Gérald" in read_webpage(b"\xef\xbb\xbf" + NEWS_PAGE.encode(), url=URL).text
    assert "Gérald" in read_webpage(NEWS_PAGE.encode(), url=URL, charset="no-such-charset").text


def test_xhtml_with_an_xml_declaration() -> None:
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + NEWS_PAGE.replace(
        '<html lang="en">', '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">'
    )
    assert FIGURES_SENTENCE in read_webpage(xhtml.encode(), url=URL, charset="utf-8").text


def test_plain_text_with_hard_wrapped_lines() -> None:
    wrapped = "Channel crossings\n\n" + "\n\n".join(
        "\n".join(p[i : i + 70] for i in range(0, len(p), 70)) for p in ARTICLE_PARAGRAPHS[4:9]
    )
    article = read_text_page(wrapped.encode(), url=None)
    assert article.title == "Channel crossings"
    assert article.text.count("\n\n") == 4 and "\n\n\n" not in article.text


def test_plain_text_page() -> None:
    article = read_text_page(PLAIN_TEXT.encode(), url="https://www.example-news.test/story.txt")
    assert article.title == NEWS_TITLE and FIGURES_SENTENCE in article.text
    assert article.outlet == "example-news.test" and article.published is None
    assert article.text.count("\n\n") == len(ARTICLE_PARAGRAPHS) - 1


JUNK = {
    "empty": b"",
    "spaces": b" \n\t ",
    "nul bytes": b"\x00" * 1000,
    "png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
    "random bytes": random.Random(0).randbytes(20_000),
    "gzip of the article": gzip.compress(NEWS_PAGE.encode()),
    "one word": b"hello",
    "a url as body": b"https://www.example-news.test/world/channel-crossing",
    "unclosed tags": b"<html><body><div><div><div><p>" * 2000,
    "script only": b"<html><head><script>"
    + b"var x = 1;" * 500
    + b"</script></head><body></body></html>",
    "navigation only": b"<html><body><nav>"
    + b"<a href='/x'>Home</a> " * 200
    + b"</nav></body></html>",
    "section links": b"<html><body><nav>"
    + b"".join(b"<a href='/%d'>Section %d</a> " % (i, i) for i in range(200))
    + b"</nav></body></html>",
}


@pytest.mark.parametrize("name", list(JUNK))
def test_junk_gives_a_page_error_not_a_crash(name: str) -> None:
    with pytest.raises(PageError) as caught:
        read_webpage(JUNK[name], url="https://junk.example.test/page")
    assert caught.value.kind in ("not_article", "too_little_text")
    assert "https://junk.example.test/page" in caught.value.message
    with pytest.raises(PageError) as caught:
        read_saved_page(JUNK[name], "junk.html")
    assert "junk.html" in caught.value.message
    with pytest.raises(PageError):
        read_text_page(JUNK[name], url="https://junk.example.test/page.txt")


def test_too_little_text_thresholds() -> None:
    short = news_page(ARTICLE_PARAGRAPHS[:1])  # one paragraph: about 25 words
    with pytest.raises(PageError) as caught:
        read_webpage(short.encode(), url=URL)
    assert caught.value.kind == "too_little_text"
    enough = news_page(ARTICLE_PARAGRAPHS[:4])
    assert len(read_webpage(enough.encode(), url=URL).text.split()) >= 60


def test_a_home_page_of_headlines_is_not_an_article() -> None:
    headlines = "".join(
        f'<li><a href="/story/{i}">Headline {i} about crossings, ferries and the weather in Dover</a></li>'
        for i in range(40)
    )
    home = (
        f"<html><head><title>Example News</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><h2>Top stories</h2><ul>{headlines}</ul></main></body></html>"
    )
    with pytest.raises(PageError) as caught:
        read_webpage(home.encode(), url="https://www.example-news.test/")
    assert caught.value.kind == "not_article"
    assert "does not look like an article" in caught.value.message
