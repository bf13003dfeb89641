"""Runs the extractors over one article: read, decode, find the reference date, extract every kind."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lib.extract.claims import extract_claims  # noqa
from lib.extract.dates import extract_events, infer_reference_date
from lib.extract.figures import extract_figures
from lib.extract.places import extract_places
from lib.extract.quotes import extract_quotes
from lib.extract.text import DEFAULT_MAX_BYTES, ArticleError, Document, build_document, decode
from lib.schema import ArticleInfo, Fact

Extractor = Callable[[Document], Sequence[Fact]]

# The pipeline: a new fact kind is a new module and one entry here. Dates come first:
# figures and quotes read the resolved events to date themselves.
EXTRACTORS: tuple[Extractor, ...] = (
    extract_events,
    extract_figures,
    extract_places,
    extract_quotes,
    extract_claims,
)


@dataclass(slots=True)
class ArticleResult:
    """What one file gave: its article line, its facts, and what was wrong with it."""

    info: ArticleInfo
    facts: list[Fact] = field(default_factory=list)
    error: str | None = None  # set when the file could not be used at all
    text: str = ""
    records: list[dict[str, Any]] | None = None  # the facts as FACTS.md records, when read from a cache

    def fact_records(self) -> list[dict[str, Any]]:
        """The facts as FACTS.md records (fresh dicts the caller may extend)."""
        if self.records is not None:
            return [dict(r) for r in self.records]
        return [f.to_record() for f in self.facts]

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.info.warnings


def max_bytes_from_env() -> int:
    """The size limit: `ARTICLE_MAX_BYTES` in the environment, else 5 MB."""
    raw = os.environ.get("ARTICLE_MAX_BYTES", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_BYTES


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def read_sidecar(data: bytes | None, *, today: date | None = None) -> tuple[dict[str, str | None], list[str]]:
    """Parse a NAME.meta.json sidecar; a bad one is reported and ignored, never fatal.

    Accepted: a JSON object with optional string fields title, outlet, url and
    published (YYYY-MM-DD, not in the future).
    """
    meta: dict[str, str | None] = {}
    warnings: list[str] = []
    if data is None:
        return meta, warnings
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return meta, [f"sidecar is not valid JSON ({e}); ignored"]
    if not isinstance(raw, dict):
        return meta, [f"sidecar holds a {type(raw).__name__}, not a JSON object; ignored"]
    for key in ("title", "outlet", "url", "published"):
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            warnings.append(f"sidecar field {key!r} is {value!r}, not a string; ignored")
            continue
        meta[key] = " ".join(value.split())
    published = meta.get("published")
    if published:
        try:
            day = date.fromisoformat(published)
        except ValueError:
            warnings.append(f"sidecar published date {published!r} is not YYYY-MM-DD; inferred from the text instead")
            meta["published"] = None
        else:
            if day > (today or date.today()):
                warnings.append(f"sidecar published date {published} is in the future; inferred from the text instead")
                meta["published"] = None
            else:
                meta["published"] = day.isoformat()
    return meta, warnings


def extract_text(
    text: str,
    *,
    article: str,
    meta: dict[str, str | None] | None = None,
    extractors: Sequence[Extractor] = EXTRACTORS,
) -> tuple[Document, list[Fact]]:
    """Run every extractor over decoded text; the document keeps warnings and the reference date."""
    meta = meta or {}
    doc = build_document(text, article=article)
    if meta.get("title"):
        doc.title = meta["title"]
    if meta.get("outlet"):
        doc.outlet = meta["outlet"]
    doc.url = meta.get("url")
    if meta.get("published"):
        doc.published = date.fromisoformat(str(meta["published"]))
        doc.reference_date, doc.reference_source = doc.published, "sidecar"
    else:
        doc.reference_date, doc.reference_source = infer_reference_date(doc)
        if doc.reference_date is None:
            doc.warnings.append("no reference date: no sidecar and no date in the text; relative dates left unresolved")
    facts: list[Fact] = []
    for extractor in extractors:
        facts.extend(extractor(doc))
    facts.sort(key=lambda f: (f.start, f.kind))
    return doc, facts


def process_bytes(
    data: bytes,
    *,
    article: str,
    path: str = "",
    sidecar: bytes | None = None,
    max_bytes: int | None = None,
) -> ArticleResult:
    """Decode and extract one article's bytes; never raises for bad input."""
    limit = max_bytes or max_bytes_from_env()
    sha = hashlib.sha256(data).hexdigest()
    if len(data) > limit:
        reason = f"too large: {len(data):,} bytes, over the {limit:,}-byte limit"
        return ArticleResult(ArticleInfo(article=article, path=path, sha256=sha, n_chars=0), error=reason)
    meta, warnings = read_sidecar(sidecar)
    try:
        text, encoding, decode_warnings = decode(data)
    except ArticleError as e:
        return ArticleResult(ArticleInfo(article=article, path=path, sha256=sha, warnings=tuple(warnings)), error=str(e))
    doc, facts = extract_text(text, article=article, meta=meta)
    info = ArticleInfo(
        article=article,
        title=doc.title,
        outlet=doc.outlet,
        url=doc.url,
        published=doc.published.isoformat() if doc.published else None,
        reference_date=doc.reference_date.isoformat() if doc.reference_date else None,
        reference_source=doc.reference_source,
        path=path,
        sha256=sha,
        n_chars=len(text),
        encoding=encoding,
        warnings=tuple(warnings + decode_warnings + doc.warnings),
    )
    return ArticleResult(info, facts, text=text)


def process_file(path: Path, *, max_bytes: int | None = None) -> ArticleResult:
    """Read one article file (and its sidecar) and extract its facts; never raises for bad input."""
    article = path.name[:-4] if path.name.endswith(".txt") else path.name
    limit = max_bytes or max_bytes_from_env()
    try:
        size = path.stat().st_size
        if size > limit:
            reason = f"too large: {size:,} bytes, over the {limit:,}-byte limit"
            return ArticleResult(ArticleInfo(article=article, path=str(path)), error=reason)
        data = path.read_bytes()
    except FileNotFoundError:
        return ArticleResult(ArticleInfo(article=article, path=str(path)), error="no such file")
    except IsADirectoryError:
        return ArticleResult(ArticleInfo(article=article, path=str(path)), error="is a directory, not a file")
    except OSError as e:
        return ArticleResult(ArticleInfo(article=article, path=str(path)), error=f"cannot be read: {e.strerror or e}")
    sidecar = None
    meta_path = sidecar_path(path)
    try:
        if meta_path.is_file():
            sidecar = meta_path.read_bytes()[:1_000_000]
    except OSError:
        sidecar = b"<unreadable>"
    return process_bytes(data, article=article, path=str(path), sidecar=sidecar, max_bytes=limit)


class RepeatedArticles:
    """Finds an article already seen under another name: the same text, even resaved with CRLF, a BOM or as cp1252.

    The command and the loader both skip a repeat, so nothing is counted twice.
    """

    def __init__(self) -> None:
        self._first: dict[str, str] = {}  # decoded text's hash -> the first article with it

    def repeat_of(self, result: ArticleResult) -> str | None:
        """Why `result` is skipped ("same content as 'a'; ..."), or None when it is new (and now seen)."""
        content = hashlib.sha256(result.text.encode("utf-8", "surrogatepass")).hexdigest()
        first = self._first.get(content)
        if first is None:
            self._first[content] = result.info.article
            return None
        return f"same content as {first!r}; skipped so nothing is counted twice"
