"""Where a fact comes from, for people: its source line, a link to the original page, a permalink into the reader, and a citation to copy.

Every number, quote and claim on screen traces to a sentence of an article; these say
which, in the same words everywhere (quote cards, figure cards, the timeline's detail, the
map's tooltips). Article text and metadata are untrusted: the HTML forms are escaped
(`lib.show.html`), the plain-text forms are for places that show text as text.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote_plus

import pandas as pd

from lib.show.html import escape_text
from lib.show.labels import day_words, present
from lib.show.reader import link_html

READER_PAGE = "sources"  # the page whose reader a permalink opens


def _text(value: Any) -> str:
    return str(value) if present(value) else ""


def source_line(article: Mapping[str, Any]) -> str:
    """'CGTN · 25 Nov 2021' (outlet and publication date, or the reference date the text gives)."""
    when = article.get("published") if present(article.get("published")) else article.get("reference_date")
    parts = [_text(article.get("outlet")), day_words(pd.Timestamp(when).date()) if present(when) else ""]
    return " · ".join(p for p in parts if p) or "source not named"


def permalink(article: str, start: int, end: int) -> str:
    """The address (relative to the app) that opens the reader at a fact's evidence, highlighted.

    >>> permalink("000_seed", 37, 48)
    'sources?article=000_seed&at=37-48'
    """
    return f"{READER_PAGE}?article={_quoted(article)}&at={int(start)}-{int(end)}"


@functools.lru_cache(maxsize=65_536)
def _quoted(article: str) -> str:
    """An article id as a URL parameter value (`urlencode`'s quoting), once per id."""
    return quote_plus(str(article))


def permalinks(facts: pd.DataFrame) -> list[str]:
    """`permalink` of every row of a fact table (columns article, start, end)."""
    return [
        f"{READER_PAGE}?article={_quoted(a)}&at={s}-{e}"
        for a, s, e in zip(facts["article"], facts["start"].tolist(), facts["end"].tolist(), strict=True)
    ]


def citation(article: Mapping[str, Any], sentence: str, *, link: str | None = None) -> str:
    """A citation to copy: outlet, title, date, the original URL and the sentence (plain text).

    >>> citation({"outlet": "CGTN", "title": "UK asks France", "published": "2021-11-25",
    ...           "url": "https://example.test/a"}, "At least 27 died.")
    'CGTN, “UK asks France”, 25 Nov 2021. https://example.test/a — “At least 27 died.”'
    """
    when = article.get("published") if present(article.get("published")) else article.get("reference_date")
    head = ", ".join(
        p
        for p in (
            _text(article.get("outlet")),
            f"“{_text(article.get('title'))}”" if present(article.get("title")) else _text(article.get("article")),
            day_words(pd.Timestamp(when).date()) if present(when) else "",
        )
        if p
    )
    where = _text(article.get("url")) or link or ""
    said = f" — “{' '.join(sentence.split())}”"
    return f"{head}. {where}{said}" if where else f"{head}{said}"


def source_html(article: Mapping[str, Any], *, fact_link: str | None = None) -> str:
    """The source of a fact under its card, escaped: title, outlet and date, the original page, the reader."""
    title = _text(article.get("title")) or _text(article.get("article"))
    pieces = [f"From: {escape_text(title)} ({escape_text(source_line(article))})"]
    if present(article.get("url")):
        pieces.append(link_html(str(article["url"]), "original page ↗"))
    if fact_link:
        pieces.append(
            f'<a class="fact-permalink" href="{escape_text(fact_link)}" target="_self">link to this sentence</a>'
        )
    return '<div class="fact-source" style="opacity:.8;font-size:.85em">' + " · ".join(pieces) + "</div>"


def article_rows(articles: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """Each article's row (title, outlet, url, published, reference_date) by its id, for the functions above."""
    columns = [c for c in ("article", "title", "outlet", "url", "published", "reference_date") if c in articles]
    return {str(r["article"]): r for r in articles[columns].to_dict("records")}
