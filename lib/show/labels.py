"""Facts in plain words, for labels, hovers, tooltips and tables (not escaped: see `lib.show.html`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from lib.schema import QUALIFIER_WORDS


def present(value: Any) -> bool:
    """False for None, NaN, NA, NaT and "": the cell holds nothing to show."""
    if value is None or value is pd.NA or value is pd.NaT:
        return False
    if isinstance(value, float) and pd.isna(value):
        return False
    return str(value) != ""



def describe_fact(row: Mapping[str, Any]) -> str:
    """One fact in a few plain words, for labels, hovers and tooltips (not escaped).

    >>> describe_fact({"kind": "figure", "metric": "deaths", "value": 27, "qualifier": "at_least"})
    'deaths: at least 27'
    """
    kind = row.get("kind")
    if kind == "figure":
        words = f"{row.get('metric')}: {QUALIFIER_WORDS.get(str(row.get('qualifier')), '')}{int(row.get('value', 0)):,}"
        if present(row.get("group")):
            words += f" ({row['group']})"
        if present(row.get("period")):
            words += f", {row['period']}"
        return words
    if kind == "event":
        day = row.get("date")
        day_text = pd.Timestamp(day).date().isoformat() if present(day) else "?"
        return f"date: {day_text} ({row.get('phrase', '')})"
    if kind == "place":
        return f"place: {row.get('name')}"
    if kind == "quote":
        speaker = row.get("speaker") if present(row.get("speaker")) else "unknown speaker"
        return f"quote: {speaker}"
    if kind == "claim":
        words = f"claim ({row.get('claim_type')}): {row.get('subject')}"
        if present(row.get("compared_with")):
            words += f" vs {row['compared_with']}"
        return words
    return str(kind)


# What `describe_fact` reads of each kind of fact.
_LABEL_FIELDS = ("metric", "value", "qualifier", "group", "period", "date", "phrase", "name",
                 "speaker", "claim_type", "subject", "compared_with")  # fmt: skip


def describe_facts(facts: pd.DataFrame) -> pd.Series:
    """`describe_fact` of every row (same index), worked out once per distinct fact: a corpus repeats them."""
    if facts.empty:
        return pd.Series([], index=facts.index, dtype=object)
    fields = ["kind", *(f for f in _LABEL_FIELDS if f in facts.columns)]
    groups = facts.groupby(fields, dropna=False, sort=False).ngroup().to_numpy()
    _, first = np.unique(groups, return_index=True)  # one row per distinct fact, by group
    labels = np.array(
        [describe_fact(r) for r in facts.iloc[first][fields].to_dict("records")], dtype=object
    )
    return pd.Series(labels[groups], index=facts.index, dtype=object)
