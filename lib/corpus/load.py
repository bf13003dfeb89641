"""The loader: a folder of articles, an upload -> tidy pandas DataFrames of facts, with provenance and fixed dtypes.

Extraction results are cached (`lib.corpus.cache`), so a reload re-extracts only the
files whose content changed, and an unchanged folder loads from one snapshot.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from lib.corpus.cache import (
    default_cache_dir,
    read_cached,
    read_snapshot,
    snapshot_dir,
    write_snapshot,
)
from lib.corpus.frames import Corpus, empty_frame, typed_frame
from lib.extract.pipeline import (
    ArticleResult,
    RepeatedArticles,
    max_bytes_from_env,
    process_bytes,
)
from lib.schema import FACT_TABLES, OWN_SECTIONS, TABLE_OF_KIND, ArticleInfo

__all__ = ["Corpus", "article_paths", "combine", "corpus_from_results", "empty_frame",
           "fact_days", "load_corpus", "load_upload", "typed_frame"]  # fmt: skip


def fact_days(record: dict[str, Any], reference_date: str | None) -> tuple[str | None, str | None, str | None]:
    """(fact_date, fact_start, fact_end) of a fact record: the day it is drawn at, and the days it is about.

    A figure: its period (drawn at the period's last day), else the day it was reported.
    An event: its day, or the week, month or year it names (not a day: drawn nowhere).
    A quote: the day it was said, else the day it was reported. Others: the reference date.
    """
    kind = record["kind"]
    if kind == "figure" and record.get("period_start") and record.get("period_end"):
        return record["period_end"], record["period_start"], record["period_end"]
    if kind == "event":
        first = date.fromisoformat(record["date"])
        last = _precision_end(first, record.get("precision") or "day", record.get("phrase") or "")
        drawn = record["date"] if record.get("precision") == "day" else None
        return drawn, first.isoformat(), last.isoformat()
    if kind == "quote" and record.get("date"):
        return record["date"], record["date"], record["date"]
    return reference_date, reference_date, reference_date


def _precision_end(first: date, precision: str, phrase: str) -> date:
    """The last day an event of `precision` starting on `first` covers."""
    if precision == "week":
        return first + timedelta(days=1 if "weekend" in phrase.lower() else 6)
    if precision == "month":
        return date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    if precision == "year":
        return date(first.year, 12, 31)
    return first


ORIGINS = ("folder", "upload", "link")


def corpus_from_results(
    results: Iterable[ArticleResult], *, origin: str = "folder", fetched: datetime | None = None
) -> Corpus:
    """Build the DataFrames from extraction results; duplicates and failures go to `problems`.

    Args:
        origin: where the articles came from (one of ORIGINS), said in the articles table.
        fetched: when a link's page was fetched (UTC), for articles from links.
    """
    articles: list[dict[str, Any]] = []
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in FACT_TABLES}
    problems: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    repeats = RepeatedArticles()
    for result in results:
        info = result.info
        if result.error:
            problems.append({"article": info.article, "path": info.path, "reason": result.error, "severity": "error"})
            continue
        if info.article in texts:
            problems.append({"article": info.article, "path": info.path, "severity": "error",
                             "reason": f"another article is already named {info.article!r}; skipped"})  # fmt: skip
            continue
        repeat = repeats.repeat_of(result)
        if repeat:
            problems.append({"article": info.article, "path": info.path, "reason": repeat, "severity": "error"})
            continue
        for warning in info.warnings:
            problems.append({"article": info.article, "path": info.path, "reason": warning, "severity": "warning"})
        texts[info.article] = result.text
        counts = {t: 0 for t in FACT_TABLES}
        for record in result.fact_records():
            table = TABLE_OF_KIND[record["kind"]]
            counts[table] += 1
            record["evidence"] = result.text[record["start"] : record["end"]]
            record["own"] = record["section"] in OWN_SECTIONS
            record["fact_date"], record["fact_start"], record["fact_end"] = fact_days(
                record, info.reference_date
            )
            rows[table].append(record)
        articles.append({
            "article": info.article, "title": info.title, "outlet": info.outlet, "url": info.url,
            "published": info.published, "reference_date": info.reference_date,
            "reference_source": info.reference_source, "path": info.path, "sha256": info.sha256,
            "n_chars": info.n_chars, "encoding": info.encoding, "warnings": "; ".join(info.warnings),
            "origin": origin, "fetched": None if fetched is None else fetched.replace(tzinfo=None),
            **{f"n_{t}": counts[t] for t in FACT_TABLES},
        })  # fmt: skip
    return Corpus(
        articles=typed_frame(articles, "articles"),
        problems=typed_frame(problems, "problems"),
        texts=texts,
        **{t: typed_frame(rows[t], t) for t in FACT_TABLES},
    )


def article_paths(folder: str | Path) -> list[Path]:
    """The article files of a folder: every `*.txt`, sorted by name."""
    return sorted(p for p in Path(folder).glob("*.txt") if not p.name.startswith("."))


def load_corpus(
    folder: str | Path,
    *,
    cache_dir: Path | None | bool = True,
    max_bytes: int | None = None,
) -> Corpus:
    """Load every article in `folder` into DataFrames.

    Args:
        folder: a folder of `.txt` articles with optional `NAME.meta.json` sidecars.
        cache_dir: where to keep extraction results by content hash; True for the
            default (see `default_cache_dir`), None or False for no cache.
        max_bytes: size limit per article (default `$ARTICLE_MAX_BYTES` or 5 MB).
    """
    folder = Path(folder)
    limit = max_bytes or max_bytes_from_env()
    cache = default_cache_dir() if cache_dir is True else (cache_dir or None)
    if not folder.is_dir():
        corpus = corpus_from_results([])
        problem = typed_frame(
            [{"article": "", "path": str(folder), "reason": "article folder not found", "severity": "error"}],
            "problems",
        )
        return Corpus(**{**corpus.__dict__, "problems": problem})
    paths = article_paths(folder)
    snapshot = snapshot_dir(cache, folder, paths, limit) if cache else None
    if snapshot is not None:
        kept = read_snapshot(snapshot)
        if kept is not None:
            return kept
    results = [read_cached(path, cache, limit) for path in paths]
    corpus = corpus_from_results(results)
    if snapshot is not None:
        write_snapshot(snapshot, corpus)
    return corpus


def load_upload(name: str, data: bytes, *, published: date | None = None, max_bytes: int | None = None) -> Corpus:
    """One uploaded article (never written to disk) -> a Corpus; `problems` says why it was refused."""
    # an uploaded name can never point anywhere: keep its last component, whichever the
    # separator ("../../x.txt", "C:\\evil\\x.txt"), and never "." or ".."
    base = re.split(r"[\\/]", name)[-1].strip()
    article = base[:-4] if base.lower().endswith(".txt") else base
    article = "".join(c if c.isprintable() else "_" for c in article).strip(" .") or "upload"
    sidecar = json.dumps({"published": published.isoformat()}).encode() if published else None
    if not base.lower().endswith(".txt"):
        result = ArticleResult(ArticleInfo(article=article, path=f"upload:{base}"),
                               error="not a .txt file: upload plain-text articles")  # fmt: skip
    else:
        result = process_bytes(data, article=article, path=f"upload:{base}", sidecar=sidecar, max_bytes=max_bytes)
    return corpus_from_results([result], origin="upload")


def combine(*corpora: Corpus) -> Corpus:
    """Several corpora as one; later articles with a name already taken are reported, not merged."""
    if not corpora:
        return corpus_from_results([])
    taken: set[str] = set()
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in (*FACT_TABLES, "articles", "problems")}
    texts: dict[str, str] = {}
    for corpus in corpora:
        clash = set(corpus.articles["article"]) & taken
        for name in (*FACT_TABLES, "articles"):
            frame = corpus.table(name)
            parts[name].append(frame[~frame["article"].isin(clash)])
        problems = corpus.problems
        if clash:
            extra = typed_frame(
                [{"article": a, "path": "", "reason": f"an article named {a!r} is already loaded; skipped",
                  "severity": "error"} for a in sorted(clash)],  # fmt: skip
                "problems",
            )
            problems = pd.concat([problems, extra], ignore_index=True)
        parts["problems"].append(problems)
        texts.update({a: t for a, t in corpus.texts.items() if a not in clash})
        taken |= set(corpus.articles["article"])
    frames = {
        name: typed_frame([], name) if not any(len(f) for f in fs) else pd.concat([f for f in fs if len(f)], ignore_index=True)
        for name, fs in parts.items()
    }
    return Corpus(texts=texts, **frames)
