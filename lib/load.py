"""The loader: a folder of articles -> tidy pandas DataFrames of facts, with provenance and fixed dtypes.

Extraction results are cached by content hash (article bytes + sidecar + extractor
version) in a cache directory outside `data/` and `seeds/`, so a reload re-extracts only
the files whose content changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from lib.pipeline import (
    ArticleResult,
    max_bytes_from_env,
    process_bytes,
    process_file,
    sidecar_path,
)
from lib.schema import COLUMNS, FACT_TYPES, OWN_SECTIONS, TABLE_OF_KIND, ArticleInfo

_LIB = Path(__file__).resolve().parent
_ROOT = _LIB.parent
FACT_TABLES = ("figures", "events", "places", "quotes", "claims")


def extractor_version() -> str:
    """A hash of the extractor's code and lookup data: a change invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(_LIB.glob("*.py")) + sorted((_ROOT / "data").glob("*.csv")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_VERSION = extractor_version()


def default_cache_dir() -> Path:
    """`FACTS_CACHE_DIR` if set, else a folder in the system temp directory (writable on Streamlit Cloud)."""
    return Path(os.environ.get("FACTS_CACHE_DIR") or Path(tempfile.gettempdir()) / "channel-facts-cache")


@dataclass(frozen=True)
class Corpus:
    """Every table the pages read; `texts` maps article -> the decoded text the offsets point into."""

    articles: pd.DataFrame
    figures: pd.DataFrame
    events: pd.DataFrame
    places: pd.DataFrame
    quotes: pd.DataFrame
    claims: pd.DataFrame
    problems: pd.DataFrame
    texts: dict[str, str] = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)


def empty_frame(table: str) -> pd.DataFrame:
    """An empty DataFrame with the contract's columns and dtypes."""
    return typed_frame([], table)


def typed_frame(records: list[dict[str, Any]], table: str) -> pd.DataFrame:
    """Records -> DataFrame with exactly the columns and dtypes of `COLUMNS[table]`."""
    columns = COLUMNS[table]
    frame = pd.DataFrame.from_records(records, columns=list(columns))
    for name, dtype in columns.items():
        if dtype.startswith("datetime64"):
            frame[name] = pd.to_datetime(frame[name], errors="coerce").astype("datetime64[ns]")
        elif dtype == "bool":
            frame[name] = frame[name].fillna(False).astype(bool)
        elif dtype == "int64":
            frame[name] = pd.to_numeric(frame[name], errors="coerce").fillna(0).astype("int64")
        elif dtype == "Int64":
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("Int64")
        elif dtype == "float64":
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
        else:
            frame[name] = frame[name].astype(dtype)
    return frame


def _fact_date(record: dict[str, Any], reference_date: str | None) -> str | None:
    """The day a fact is about: its own date where it has one, else the article's reference date."""
    kind = record["kind"]
    if kind == "event":
        return record["date"]
    if kind == "figure" and record.get("period") and len(record["period"]) == 10:
        return record["period"]
    if kind == "quote" and record.get("date"):
        return record["date"]
    return reference_date


def _cache_key(article: str, data: bytes, sidecar: bytes | None) -> str:
    # the name is part of the key: two files with the same content each keep their entry
    digest = hashlib.sha256(_VERSION.encode())
    digest.update(article.encode() + b"\0")
    digest.update(data)
    digest.update(b"\0sidecar\0" + (sidecar or b""))
    return digest.hexdigest()


def _result_to_json(result: ArticleResult) -> dict[str, Any]:
    return {
        "info": {**result.info.to_record(), "reference_source": result.info.reference_source,
                 "encoding": result.info.encoding, "n_chars": result.info.n_chars,
                 "warnings": list(result.info.warnings), "sha256": result.info.sha256},
        "facts": [f.to_record() for f in result.facts],
        "error": result.error,
    }  # fmt: skip


def _result_from_json(raw: dict[str, Any], *, path: str, text: str) -> ArticleResult:
    info = raw["info"]
    # the cached records are used as they are (FACTS.md records): no dataclass round trip
    records = [r for r in raw["facts"] if r.get("kind") in FACT_TYPES]
    return ArticleResult(
        ArticleInfo(
            article=info["article"], title=info["title"], outlet=info["outlet"], url=info["url"],
            published=info["published"], reference_date=info["reference_date"],
            reference_source=info["reference_source"], path=path, sha256=info["sha256"],
            n_chars=info["n_chars"], encoding=info["encoding"], warnings=tuple(info["warnings"]),
        ),
        error=raw["error"],
        text=text,
        records=records,
    )  # fmt: skip


def _read_cached(path: Path, cache_dir: Path | None, max_bytes: int) -> ArticleResult:
    """Extract one file, or reuse the cached extraction of identical content."""
    if cache_dir is None:
        return process_file(path, max_bytes=max_bytes)
    try:
        if path.stat().st_size > max_bytes:
            return process_file(path, max_bytes=max_bytes)
        data = path.read_bytes()
        meta = sidecar_path(path)
        sidecar = meta.read_bytes()[:1_000_000] if meta.is_file() else None
    except OSError:
        return process_file(path, max_bytes=max_bytes)
    article = path.name[:-4] if path.name.endswith(".txt") else path.name
    key = _cache_key(article, data, sidecar)
    cached = cache_dir / f"{key}.json"
    if cached.is_file():
        try:
            raw = json.loads(cached.read_text(encoding="utf-8"))
            if raw["info"]["article"] == article:
                text = ""
                if raw["error"] is None:
                    from lib.text import decode

                    text = decode(data)[0]
                return _result_from_json(raw, path=str(path), text=text)
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged cache entry is rebuilt below
    result = process_bytes(data, article=article, path=str(path), sidecar=sidecar, max_bytes=max_bytes)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_result_to_json(result), ensure_ascii=False), encoding="utf-8")
        tmp.replace(cached)
    except OSError:
        pass  # a read-only cache only costs speed
    return result


def corpus_from_results(results: Iterable[ArticleResult]) -> Corpus:
    """Build the DataFrames from extraction results; duplicates and failures go to `problems`."""
    articles: list[dict[str, Any]] = []
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in FACT_TABLES}
    problems: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    seen_hashes: dict[str, str] = {}
    for result in results:
        info = result.info
        if result.error:
            problems.append({"article": info.article, "path": info.path, "reason": result.error, "severity": "error"})
            continue
        if info.article in texts:
            problems.append({"article": info.article, "path": info.path, "severity": "error",
                             "reason": f"another article is already named {info.article!r}; skipped"})  # fmt: skip
            continue
        # the same article saved again with CRLF, a BOM or as cp1252 decodes to the same text
        content = hashlib.sha256(result.text.encode("utf-8", "surrogatepass")).hexdigest()
        if content in seen_hashes:
            problems.append({"article": info.article, "path": info.path, "severity": "error",
                             "reason": f"same content as {seen_hashes[content]!r}; skipped so nothing is counted twice"})  # fmt: skip
            continue
        seen_hashes[content] = info.article
        for warning in info.warnings:
            problems.append({"article": info.article, "path": info.path, "reason": warning, "severity": "warning"})
        texts[info.article] = result.text
        counts = {t: 0 for t in FACT_TABLES}
        for record in result.fact_records():
            table = TABLE_OF_KIND[record["kind"]]
            counts[table] += 1
            record["evidence"] = result.text[record["start"] : record["end"]]
            record["own"] = record["section"] in OWN_SECTIONS
            record["fact_date"] = _fact_date(record, info.reference_date)
            rows[table].append(record)
        articles.append({
            "article": info.article, "title": info.title, "outlet": info.outlet, "url": info.url,
            "published": info.published, "reference_date": info.reference_date,
            "reference_source": info.reference_source, "path": info.path, "sha256": info.sha256,
            "n_chars": info.n_chars, "encoding": info.encoding, "warnings": "; ".join(info.warnings),
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
    snapshot = _snapshot_dir(cache, folder, paths, limit) if cache else None
    if snapshot is not None:
        kept = _read_snapshot(snapshot)
        if kept is not None:
            return kept
    results = [_read_cached(path, cache, limit) for path in paths]
    corpus = corpus_from_results(results)
    if snapshot is not None:
        _write_snapshot(snapshot, corpus)
    return corpus


# A snapshot is the whole corpus of a folder as it was (every file's name, size and
# modification time, the size limit and the extractor version), stored as Parquet: an
# unchanged folder loads in a fraction of a second, and Parquet, unlike pickle, can hold
# no code, so a file planted in a shared temp directory cannot run anything.
_SNAPSHOTS_KEPT = 8


def _snapshot_dir(cache: Path, folder: Path, paths: list[Path], limit: int) -> Path | None:
    digest = hashlib.sha256(f"{_VERSION}\0{limit}\0{folder.resolve()}".encode())
    try:
        for path in paths:
            for p in (path, sidecar_path(path)):
                if p.is_file():
                    st = p.stat()
                    digest.update(f"\0{p.name}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    except OSError:
        return None
    return cache / f"corpus-{digest.hexdigest()[:24]}"


def _read_snapshot(snapshot: Path) -> Corpus | None:
    if not snapshot.is_dir():
        return None
    try:
        tables = {name: pd.read_parquet(snapshot / f"{name}.parquet") for name in COLUMNS}
        texts_frame = pd.read_parquet(snapshot / "texts.parquet")
        for name, frame in tables.items():
            if list(frame.columns) != list(COLUMNS[name]):
                return None
        os.utime(snapshot)  # most recently used: kept when old snapshots are pruned
    except (OSError, ValueError, KeyError, ImportError):
        return None
    texts = dict(zip(texts_frame["article"], texts_frame["text"], strict=True))
    return Corpus(texts=texts, **tables)


def _write_snapshot(snapshot: Path, corpus: Corpus) -> None:
    tmp = snapshot.with_name(f"{snapshot.name}.{os.getpid()}.tmp")
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        for name in COLUMNS:
            corpus.table(name).to_parquet(tmp / f"{name}.parquet", index=False)
        pd.DataFrame(
            {"article": list(corpus.texts), "text": list(corpus.texts.values())}
        ).to_parquet(tmp / "texts.parquet", index=False)
        tmp.rename(snapshot)
    except (OSError, ValueError, ImportError):
        shutil.rmtree(tmp, ignore_errors=True)
        return
    old = sorted(snapshot.parent.glob("corpus-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in old[_SNAPSHOTS_KEPT:]:
        shutil.rmtree(stale, ignore_errors=True)


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
    return corpus_from_results([result])


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
