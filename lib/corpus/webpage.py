"""Turn the bytes of a news web page (fetched or uploaded) into its main text and metadata, offline, with trafilatura."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urljoin, urlsplit

import trafilatura
from charset_normalizer import from_bytes
from lxml.html import HtmlElement
from trafilatura.settings import Document

MIN_CHARACTERS = 400
MIN_WORDS = 60
DATE_SOURCE = "page metadata"

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?:\s|$)")


class PageError(Exception):
    """A page with no usable article text; `.kind` is "not_article" or "too_little_text"."""

    def __init__(self, kind: str, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.source = source


@dataclass(frozen=True)
class WebArticle:
    """The main text of a page (paragraphs separated by blank lines) and what the page says about itself."""

    text: str
    title: str | None
    published: str | None  # YYYY-MM-DD
    outlet: str | None
    canonical_url: str | None
    author: str | None
    description: str | None
    date_source: str | None  # "page metadata" when `published` is set


def read_webpage(body: bytes, *, url: str | None, charset: str | None = None) -> WebArticle:
    """Extract the article from the HTML `body` fetched from `url` (`charset` from the HTTP header)."""
    label = f"The page at {_shorten(url)}" if url else "The page"
    return _read_html(body, url=url, charset=charset, label=label)


def read_saved_page(data: bytes, name: str) -> WebArticle:
    """Extract the article from an uploaded .html file (a page saved from a browser)."""
    return _read_html(data, url=None, charset=None, label=f"The file {_shorten(name)}")


def read_text_page(body: bytes, *, url: str | None, charset: str | None = None) -> WebArticle:
    """A text/plain page: its first short line is taken as the title, the rest as the text."""
    label = f"The page at {_shorten(url)}" if url else "The page"
    decoded = _decode(body, charset)
    # Binary data decodes to text too: control and replacement characters betray it.
    odd = len(_CONTROL.findall(decoded)) + decoded.count("\ufffd")
    if odd > len(decoded) / 100:
        raise PageError("not_article", f"{label} is not readable text.", url)
    raw = decoded.replace("\r\n", "\n").replace("\r", "\n")
    # Blank lines separate paragraphs when there are any; otherwise each line is one.
    blocks = _BLANK_LINE.split(raw) if _BLANK_LINE.search(raw.strip()) else raw.split("\n")
    paragraphs = [p for p in (_SPACES.sub(" ", block).strip() for block in blocks) if p]
    title = None
    if (
        len(paragraphs) > 1
        and len(paragraphs[0]) <= 200
        and not _SENTENCE_END.search(paragraphs[0])
    ):
        title, paragraphs = paragraphs[0], paragraphs[1:]
    text = "\n\n".join(paragraphs)
    _check_length(text, label, url)
    return WebArticle(
        text=text,
        title=title,
        published=None,
        outlet=_host(url),
        canonical_url=url,
        author=None,
        description=None,
        date_source=None,
    )


def _read_html(body: bytes, *, url: str | None, charset: str | None, label: str) -> WebArticle:
    if not body or not body.strip():
        raise PageError("not_article", f"{label} is empty.", url)
    html = _XML_DECLARATION.sub("", _CONTROL.sub("", _decode(body, charset)), count=1)
    try:
        tree = trafilatura.load_html(html)
        document = None
        if tree is not None:
            document = trafilatura.bare_extraction(
                tree,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                favor_precision=True,
                # Dates only from the page's markup (meta tags, JSON-LD, <time>, the URL):
                # the extensive search would guess from any date printed in the text.
                date_extraction_params={
                    "original_date": True,
                    "extensive_search": False,
                    # Tomorrow: a page dated in a time zone ahead of the server's is not "future".
                    "max_date": (date.today() + timedelta(days=1)).isoformat(),
                },
            )
    except Exception as error:
        # lxml or trafilatura failing on hostile bytes: a bad page, not a crash.
        raise PageError(
            "not_article", f"{label} could not be read as a web page ({type(error).__name__}).", url
        ) from error
    if tree is None or not isinstance(document, Document) or not (document.text or "").strip():
        raise PageError("not_article", f"{label} has no article text that could be found.", url)

    title = _clean(document.title)
    paragraphs = _paragraphs(document.text or "")
    # trafilatura keeps the <h1> as the first line; the title is returned on its own.
    if title and paragraphs and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    text = "\n\n".join(paragraphs)
    _check_length(text, label, url)

    canonical = _canonical(tree, url)
    published = (
        document.date
        if document.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", document.date)
        else None
    )
    return WebArticle(
        text=text,
        title=title,
        published=published,
        outlet=_outlet(tree, document.sitename, document.url, url, canonical),
        canonical_url=canonical,
        author=_clean(document.author),
        description=_clean(document.description),
        date_source=DATE_SOURCE if published else None,
    )


def _decode(body: bytes, charset: str | None) -> str:
    """Bytes -> text in a browser's order: BOM, HTTP charset, <meta charset>, UTF-8, a guess."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    declared = [charset] if charset else []
    found = _META_CHARSET.search(body[:4096])
    if found:
        declared.append(found.group(1).decode("ascii", "ignore"))
    for name in declared:
        try:
            return body.decode(_known_encoding(name), errors="replace")
        except LookupError:
            continue  # an unknown charset name: fall through to detection
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(body[:200_000]).best()
    return body.decode(best.encoding if best else "cp1252", errors="replace")


def _known_encoding(name: str) -> str:
    encoding = codecs.lookup(name.strip().lower()).name
    # As browsers do: latin-1 labels mean windows-1252, whose extra characters (’ “ ” —) pages rely on.
    if encoding in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    # A UTF-16 label on bytes without a BOM is a mislabelled ASCII-compatible page (HTML spec: UTF-8).
    return "utf-8" if encoding.startswith("utf-16") else encoding


def _paragraphs(text: str) -> list[str]:
    return [line for line in (_SPACES.sub(" ", raw).strip() for raw in text.split("\n")) if line]


def _check_length(text: str, label: str, url: str | None) -> None:
    if not text:
        raise PageError("not_article", f"{label} has no article text that could be found.", url)
    words = len(text.split())
    if len(text) < MIN_CHARACTERS or words < MIN_WORDS:
        raise PageError(
            "too_little_text",
            f"{label} has too little text to be an article ({words} words): "
            "it may be behind a paywall, a cookie wall or a login.",
            url,
        )
    # On a home or section page trafilatura falls back to the lists of headlines and links:
    # plenty of words, but no sentences. An article has at least a few paragraphs of prose.
    prose = [p for p in text.split("\n\n") if _SENTENCE_END.search(p) and len(p.split()) >= 6]
    if (
        sum(len(p) for p in prose) < MIN_CHARACTERS
        or sum(len(p.split()) for p in prose) < MIN_WORDS
    ):
        raise PageError(
            "not_article",
            f"{label} does not look like an article (it is mostly headlines or links): "
            "paste the link of a single article.",
            url,
        )


def _canonical(tree: HtmlElement, url: str | None) -> str | None:
    """The page's own address for itself: <link rel=canonical>, then og:url, else the fetched URL."""
    canonical_links = tree.xpath(
        '//link[contains(concat(" ", normalize-space(translate(@rel, "CANONIL", "canonil")), " "),'
        ' " canonical ")]/@href'
    )
    og_urls = tree.xpath('//meta[@property="og:url" or @name="og:url"]/@content')
    for href in [*canonical_links, *og_urls]:
        absolute = _web_url(urljoin(url, href.strip()) if url else href.strip())
        if absolute:
            return absolute
    return _web_url(url) if url else None


def _web_url(candidate: str) -> str | None:
    """The URL if it is an absolute http(s) URL with a host and no control characters, else None."""
    if not candidate or _CONTROL.search(candidate) or any(c.isspace() for c in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    return candidate if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def _outlet(
    tree: HtmlElement,
    sitename: str | None,
    page_url: str | None,
    url: str | None,
    canonical: str | None,
) -> str | None:
    """The site's own name if the page gives one, else the host it came from (or claims) without www."""
    declared = tree.xpath('//meta[@property="og:site_name" or @name="og:site_name"]/@content')
    if declared and _clean(declared[0]):
        return _clean(declared[0])
    # trafilatura falls back to the host of the page's og:url; a name from the markup is better.
    if sitename and (not page_url or sitename not in page_url):
        return _clean(sitename)
    return _host(url) or _host(canonical)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    cleaned = _SPACES.sub(" ", _CONTROL.sub("", value)).strip()
    return cleaned or None


def _same(line: str, title: str) -> bool:
    return _SPACES.sub(" ", line).strip().casefold() == _SPACES.sub(" ", title).strip().casefold()


def _shorten(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
