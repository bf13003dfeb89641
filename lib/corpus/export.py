"""The export: the facts a view selects as one CSV or JSON file, each fact with its provenance.

One row per fact of any kind: the provenance columns first (article, kind, offsets,
evidence, sentence, section, own, fact_date), then the article's title, outlet and URL,
then the columns of each kind (a column a kind does not have is empty).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import pandas as pd

from lib.schema import COLUMNS, FACT_TABLES, PROVENANCE

SOURCE_COLUMNS = ("title", "outlet", "url")


def export_columns() -> list[str]:
    """The column order of an export: provenance, source, then each kind's own columns."""
    columns = [*PROVENANCE, *SOURCE_COLUMNS]
    for table in FACT_TABLES:
        columns += [c for c in COLUMNS[table] if c not in columns]
    return columns


def facts_frame(corpus: Any) -> pd.DataFrame:
    """Every fact of the corpus in one table, in the order of `export_columns()`."""
    frames = [getattr(corpus, name) for name in FACT_TABLES]
    frames = [f for f in frames if len(f)]
    columns = export_columns()
    if not frames:
        return pd.DataFrame({c: pd.Series([], dtype="object") for c in columns})
    facts = pd.concat([f.astype(object) for f in frames], ignore_index=True)
    sources = corpus.articles[["article", *SOURCE_COLUMNS]].drop_duplicates("article")
    facts = facts.merge(sources.astype(object), on="article", how="left")
    facts = facts.reindex(columns=columns)
    return facts.sort_values(["article", "start", "kind"], kind="stable").reset_index(drop=True)


def _plain(value: Any) -> Any:
    """A cell as JSON: missing -> None, timestamps -> YYYY-MM-DD, numpy scalars -> Python."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, float) and pd.isna(value):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def to_records(facts: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts (JSON-ready); empty cells are dropped, not written as null."""
    return [
        {k: _plain(v) for k, v in row.items() if _plain(v) is not None}
        for row in facts.to_dict("records")
    ]


def to_csv(facts: pd.DataFrame) -> bytes:
    """The facts as UTF-8 CSV with a header row; dates as YYYY-MM-DD."""
    out = facts.copy()
    for column in out.columns:
        if column in (
            "fact_date",
            "fact_start",
            "fact_end",
            "period_start",
            "period_end",
            "date",
            "published",
            "reference_date",
        ):
            out[column] = [_plain(v) for v in out[column]]
    return out.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8")


def to_json(facts: pd.DataFrame, *, filters: Mapping[str, Any] | None = None) -> bytes:
    """The facts as a JSON object: `{"filters": ..., "count": n, "facts": [...]}` (UTF-8, indented)."""
    document = {"filters": dict(filters or {}), "count": len(facts), "facts": to_records(facts)}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _slug(value: object) -> str:
    """'Boulogne-sur-Mer' -> 'boulogne-sur-mer': letters and digits only, for a file name."""
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


def file_stem(filters: Mapping[str, Any], what: str = "facts") -> str:
    """A name that says what the file holds and every filter that chose it.

    'channel-facts_all' without filters; else each filter in URL order, e.g.
    'channel-facts_from-2021-11-24_to-2021-11-29_place-calais+dunkirk_speaker-emmanuel-macron'.
    Links added to the view are counted ('links-2'). A name over 150 characters keeps its
    start and ends in a short hash of the whole, so two views never share a name.
    """
    parts = []
    for key in ("from", "to", "article", "place", "speaker"):
        values = filters.get(key) or []
        values = [values] if isinstance(values, str) else list(values)
        if values:
            parts.append(f"{key}-" + "+".join(_slug(v) for v in values))
    if filters.get("url"):
        links = filters["url"]
        parts.append(f"links-{1 if isinstance(links, str) else len(links)}")
    stem = f"channel-{_slug(what)}_" + ("_".join(parts) if parts else "all")
    if len(stem) > 150:
        digest = hashlib.sha256(stem.encode()).hexdigest()[:8]
        stem = f"{stem[:140]}_{digest}"
    return stem


def export_name(filters: Mapping[str, Any], extension: str, what: str = "facts") -> str:
    """`file_stem` with its extension: 'channel-facts_from-2021-11-24_to-2021-11-29.csv'."""
    return f"{file_stem(filters, what)}.{extension}"
