"""Articles from links: a pasted URL -> its page fetched safely, its main text read, its facts, one corpus.

The text trafilatura takes from the page is what the facts' offsets point into; the page's
HTML is never shown. The page's own date (its metadata) is the article's `published`, and
the text's own reading of its date is kept as a check: when they disagree, the problems
table says so. A link that cannot be used gives a problem row naming it and the reason,
never an exception: the other articles stay.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

import pandas as pd

from lib.corpus.cache import default_cache_dir, extract_cached
from lib.corpus.fetch import FetchedPage, FetchError, fetch_page
from lib.corpus.frames import Corpus, typed_frame
from lib.corpus.load import corpus_from_results
from lib.corpus.webpage import PageError, WebArticle, read_saved_page, read_text_page, read_webpage
from lib.extract.dates import infer_reference_date
from lib.extract.text import build_document

MOST_LINKS = 20  # links one view may hold: each is fetched once, then cached
_NAME_CHARS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class LinkedArticle:
    """What a link gave: its corpus (one article, or none and a problem), and a line to say so."""

    url: str
    corpus: Corpus
    ok: bool
    message: str
    fetched_at: datetime | None = None
    content_hash: str = ""  # of the text read from the page: what the extraction is keyed on


def article_name(url: str) -> str:
    """A stable, readable article id for a link: its host, its last path part, and a short hash.

    >>> article_name("https://www.example-news.test/world/channel-crossing?ref=home")
    'link-example-news-test-channel-crossing-4b41a1'
    """
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    last = [p for p in parts.path.split("/") if p][-1:] or ["home"]
    slug = _NAME_CHARS.sub("-", f"{host}-{last[0]}".lower()).strip("-")[:60].rstrip("-")
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    return f"link-{slug}-{digest}"


def normalise_links(values: Iterable[str]) -> tuple[list[str], list[str]]:
    """The links of a URL's `url` parameters, in order, each once; and a notice per one dropped.

    Only http(s) addresses are kept (the fetcher checks the rest); at most `MOST_LINKS`.
    """
    kept: list[str] = []
    notices: list[str] = []
    for raw in values:
        url = raw.strip()
        if not url or url in kept:
            continue
        if not re.match(r"(?i)https?://", url):
            notices.append(f"The link {url[:100]!r} is not a web address (http:// or https://); ignored.")
            continue
        if len(kept) == MOST_LINKS:
            notices.append(f"More than {MOST_LINKS} links: {url[:100]} and any after it were left out.")
            break
        kept.append(url)
    return kept, notices


def load_link(
    url: str,
    *,
    fetch: Callable[[str], FetchedPage] = fetch_page,
    now: Callable[[], datetime] | None = None,
) -> LinkedArticle:
    """Fetch `url`, read its main text and extract its facts; never raises for a bad link or page.

    Args:
        fetch: the fetcher (tests pass one bound to a local server); it refuses anything but
            a public http(s) page of reasonable size and speed (`lib.corpus.fetch`).
    """
    name = article_name(url)
    try:
        page = fetch(url)
    except FetchError as error:
        return _refused(url, name, error.message)
    try:
        reader = read_text_page if page.kind == "text" else read_webpage
        web = reader(page.body, url=page.final_url, charset=page.charset)
    except PageError as error:
        return _refused(url, name, error.message)
    corpus, content = _extract(web, name=name, path=url, fetched=page.fetched_at, url=page.final_url)
    facts = sum(len(corpus.table(t)) for t in ("figures", "events", "places", "quotes", "claims"))
    title = web.title or web.canonical_url or url
    return LinkedArticle(
        url=url,
        corpus=corpus,
        ok=True,
        message=f"Added {title[:120]} ({web.outlet or urlsplit(url).hostname}): {facts} facts found.",
        fetched_at=page.fetched_at,
        content_hash=content,
    )


def load_saved_page(name: str, data: bytes, *, published: date | None = None) -> Corpus:
    """An uploaded .html page (saved from a browser) -> a Corpus, through the same main-text reading as a link."""
    base = re.split(r"[\\/]", name)[-1].strip()
    article = re.sub(r"\.html?$", "", base, flags=re.I).strip(" .") or "upload"
    article = "".join(c if c.isprintable() else "_" for c in article)
    try:
        web = read_saved_page(data, base)
    except PageError as error:
        return _refused(base, article, error.message).corpus
    if published is not None:
        web = WebArticle(**{**web.__dict__, "published": published.isoformat(), "date_source": "reader"})
    return _extract(web, name=article, path=f"upload:{base}", fetched=None, url=web.canonical_url)[0]


def _extract(
    web: WebArticle, *, name: str, path: str, fetched: datetime | None, url: str | None
) -> tuple[Corpus, str]:
    """The corpus of one page's main text, with the page's date checked against the text's own."""
    text = web.text
    meta = {
        "title": web.title,
        "outlet": web.outlet,
        "url": web.canonical_url or url,
        "published": web.published,
    }
    sidecar = json.dumps({k: v for k, v in meta.items() if v}).encode("utf-8")
    # cached by content: the same text read again (another session, a refetch) is not re-extracted
    result = extract_cached(name, text.encode("utf-8"), sidecar, path=path, cache_dir=default_cache_dir())
    corpus = corpus_from_results([result], origin="link" if fetched else "upload", fetched=fetched)
    disagreement = _date_disagreement(text, web.published)
    if disagreement:
        extra = typed_frame(
            [{"article": name, "path": path, "reason": disagreement, "severity": "warning"}], "problems"
        )
        corpus = Corpus(**{**corpus.__dict__, "problems": pd.concat([corpus.problems, extra], ignore_index=True)})
    return corpus, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _date_disagreement(text: str, published: str | None) -> str | None:
    """A warning when the page's date and the text's own reading of its date differ by more than a day."""
    if not published:
        return None
    doc = build_document(text, article="check")
    inferred, source = infer_reference_date(doc)
    if inferred is None or abs((inferred - date.fromisoformat(published)).days) <= 1:
        return None
    return (
        f"the page's own date ({published}) and the date the text gives ({inferred.isoformat()}, "
        f"from its {source}) disagree; the page's is used to resolve 'on Tuesday', 'this year'"
    )


def _refused(url: str, name: str, reason: str) -> LinkedArticle:
    problem = typed_frame([{"article": name, "path": url, "reason": reason, "severity": "error"}], "problems")
    empty = corpus_from_results([], origin="link")
    return LinkedArticle(
        url=url,
        corpus=Corpus(**{**empty.__dict__, "problems": problem}),
        ok=False,
        message=reason,
    )
