"""The corpus as DataFrames: the tables every page reads, with exactly the columns and dtypes of `lib.schema.COLUMNS`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from lib.schema import COLUMNS


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
            frame[name] = frame[name].astype(object).fillna(False).astype(bool)
        elif dtype == "int64":
            frame[name] = pd.to_numeric(frame[name], errors="coerce").fillna(0).astype("int64")
        elif dtype == "Int64":
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("Int64")
        elif dtype == "float64":
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
        else:
            frame[name] = frame[name].astype(dtype)
    return frame
