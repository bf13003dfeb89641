"""The extraction cache: each article's facts by content hash, and a Parquet snapshot of an unchanged folder.

Entries are keyed by the article's name and bytes, its sidecar, and the extractor's
version (`extractor_version`: a hash of the extractor package's code, `lib/schema.py` and
the data files the extractor reads), so a change to a chart or a page keeps the cache,
and a change to a rule throws it away. The cache lives outside `data/` and `seeds/`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Any

import pandas as pd

from lib.corpus.frames import Corpus
from lib.extract import extractor_files
from lib.extract.pipeline import ArticleResult, process_bytes, process_file, sidecar_path
from lib.extract.text import decode
from lib.schema import COLUMNS, FACT_TYPES, ArticleInfo


def extractor_version() -> str:
    """A hash of the extractor's code and the data it reads: a change to either invalidates the cache."""
    digest = hashlib.sha256()
    for path in extractor_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_VERSION = extractor_version()


def _writer() -> str:
    """A name for a temporary file no other writer uses: replicas sharing the cache may each be pid 1."""
    return f"{os.getpid()}-{uuid.uuid4().hex[:12]}"


def default_cache_dir() -> Path:
    """`FACTS_CACHE_DIR` if set, else a folder in the system temp directory (writable on Streamlit Cloud)."""
    return Path(os.environ.get("FACTS_CACHE_DIR") or Path(tempfile.gettempdir()) / "channel-facts-cache")


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


def read_cached(path: Path, cache_dir: Path | None, max_bytes: int) -> ArticleResult:
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
    return extract_cached(article, data, sidecar, path=str(path), cache_dir=cache_dir, max_bytes=max_bytes)


def extract_cached(
    article: str,
    data: bytes,
    sidecar: bytes | None,
    *,
    path: str,
    cache_dir: Path | None,
    max_bytes: int | None = None,
) -> ArticleResult:
    """Extract an article's bytes, or reuse the cached extraction of the same name, bytes and sidecar."""
    if cache_dir is None:
        return process_bytes(data, article=article, path=path, sidecar=sidecar, max_bytes=max_bytes)
    key = _cache_key(article, data, sidecar)
    cached = cache_dir / f"{key}.json"
    if cached.is_file():
        try:
            raw = json.loads(cached.read_text(encoding="utf-8"))
            if raw["info"]["article"] == article:
                text = ""
                if raw["error"] is None:
                    text = decode(data)[0]
                return _result_from_json(raw, path=path, text=text)
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged cache entry is rebuilt below
    result = process_bytes(data, article=article, path=path, sidecar=sidecar, max_bytes=max_bytes)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{_writer()}.tmp")
        tmp.write_text(json.dumps(_result_to_json(result), ensure_ascii=False), encoding="utf-8")
        tmp.replace(cached)
    except OSError:
        pass  # a read-only cache only costs speed
    return result


# A snapshot is the whole corpus of a folder as it was (every file's name, size and
# modification time, the size limit and the extractor version), stored as Parquet: an
# unchanged folder loads in a fraction of a second, and Parquet, unlike pickle, can hold
# no code, so a file planted in a shared temp directory cannot run anything.
_SNAPSHOTS_KEPT = 8


def snapshot_dir(cache: Path, folder: Path, paths: list[Path], limit: int) -> Path | None:
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


def read_snapshot(snapshot: Path) -> Corpus | None:
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


def write_snapshot(snapshot: Path, corpus: Corpus) -> None:
    tmp = snapshot.with_name(f"{snapshot.name}.{_writer()}.tmp")
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
    ages = []
    for kept in snapshot.parent.glob("corpus-*"):
        try:  # another replica sharing the cache may remove one meanwhile
            ages.append((kept.stat().st_mtime, kept))
        except OSError:
            continue
    for _, stale in sorted(ages, reverse=True)[_SNAPSHOTS_KEPT:]:
        shutil.rmtree(stale, ignore_errors=True)
