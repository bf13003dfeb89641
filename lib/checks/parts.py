"""Breakdowns as reported, and whether their parts add up to the whole.

"At least 27 died ... Seventeen men, seven women and three minors" gives the check
17 + 7 + 3 = 27. Only an article's own facts count: a figure from a "Read more:"
headline belongs to another article. Figures are compared within one article and one
metric, never summed across articles (two reports of one sinking are not two sinkings).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.schema import QUALIFIER_WORDS

# Groups that can count the same people: a broad group and the narrower ones inside it.
_OVERLAPPING = {
    "children": {"boys", "girls", "babies", "infants", "teenagers", "minors", "toddlers"},
    "minors": {"boys", "girls", "babies", "infants", "teenagers", "children", "toddlers"},
    "adults": {"men", "women"},
    "women": {"pregnant women"},
}
_AT_LEAST = {"at_least", "more_than"}
_AT_MOST = {"fewer_than", "up_to"}
_ABOUT_TOLERANCE = 0.1  # "about 30": parts within 10% agree

STATUS_TEXT = {
    "adds_up": "adds up",
    "consistent": "consistent with the qualified total",
    "does_not_add_up": "does not add up",
    "overlapping_groups": "groups may overlap: not summed",
    "no_total": "no total reported to compare with",
}


@dataclass(frozen=True, slots=True)
class Reported:
    """One reported number with where it came from."""

    value: int
    qualifier: str
    group: str | None
    evidence: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PartsCheck:
    """Do the groups of one article's breakdown add up to its total?"""

    article: str
    metric: str
    total: Reported | None
    parts: tuple[Reported, ...]
    status: str  # a key of STATUS_TEXT
    period: str = ""  # "first/last" days the breakdown and its total are about; "" unknown

    @property
    def parts_sum(self) -> int:
        return sum(p.value for p in self.parts)

    @property
    def ok(self) -> bool | None:
        """True when the parts agree with the total, False when not, None when it cannot be said."""
        if self.status in ("adds_up", "consistent"):
            return True
        if self.status == "does_not_add_up":
            return False
        return None

    @property
    def expression(self) -> str:
        """The arithmetic as a reader would write it: '17 + 7 + 3 = 27'."""
        left = " + ".join(f"{p.value:,}" for p in self.parts)
        if self.total is None:
            return f"{left} = {self.parts_sum:,}"
        if self.status == "adds_up":
            return f"{left} = {self.total.value:,}"
        sign = "≠" if self.status == "does_not_add_up" else "vs"
        return f"{left} = {self.parts_sum:,} {sign} {_qualified(self.total)}"

    @property
    def summary(self) -> str:
        return f"{self.metric}: {self.expression} ({STATUS_TEXT[self.status]})"


def _qualified(total: Reported) -> str:
    return f"{QUALIFIER_WORDS.get(total.qualifier, '')}{total.value:,}"


def _own_figures(figures: pd.DataFrame) -> pd.DataFrame:
    return figures[figures["own"].astype(bool)]


def _reported(row: pd.Series) -> Reported:
    group = row["group"]
    return Reported(
        value=int(row["value"]),
        qualifier=str(row["qualifier"]) if pd.notna(row["qualifier"]) else "exact",
        group=None if pd.isna(group) or group == "" else str(group),
        evidence=str(row["evidence"]),
        sentence=str(row["sentence"]),
        start=int(row["start"]),
        end=int(row["end"]),
    )


def compare(total: Reported | None, parts: Sequence[Reported]) -> str:
    """The status of parts against a total (see `STATUS_TEXT`).

    >>> compare(Reported(27, "at_least", None, "", "", 0, 0), [Reported(v, "exact", g, "", "", 0, 0)
    ...         for v, g in [(17, "men"), (7, "women"), (3, "minors")]])
    'adds_up'
    """
    groups = {p.group for p in parts}
    if any(groups & _OVERLAPPING.get(g or "", set()) for g in groups):
        return "overlapping_groups"
    if total is None:
        return "no_total"
    added = sum(p.value for p in parts)
    if added == total.value:
        return "adds_up"
    if total.qualifier in _AT_LEAST and added > total.value:
        return "consistent"
    if total.qualifier in _AT_MOST and added < total.value:
        return "consistent"
    if total.qualifier == "about" and abs(added - total.value) <= _ABOUT_TOLERANCE * total.value:
        return "consistent"
    return "does_not_add_up"


def check_parts(figures: pd.DataFrame, *, metrics: Iterable[str] | None = None) -> list[PartsCheck]:
    """Every breakdown (two groups or more) of an article's own figures, checked against its totals.

    Parts are compared only with totals of the same article, metric and period: "Five
    dead" on Tuesday is not the whole of "twelve in the first four months". An article
    with several different totals for one metric and period gets one check per total;
    a group reported twice counts once (the first report). Checks come by article, then
    metric, then period.
    """
    own = _own_figures(figures)
    if metrics is not None:
        own = own[own["metric"].isin(list(metrics))]
    own = own.dropna(subset=["article", "metric"])
    own = own.assign(_period=_period_keys(own))
    key = ["article", "metric", "_period"]
    # In text order within each article and metric; only the first report of a group,
    # and of a total's value, is kept.
    ordered = own.sort_values(["article", "metric", "start"], kind="stable")
    is_total = (ordered["group"].isna() | (ordered["group"] == "")).to_numpy(dtype=bool)
    parts = ordered[~is_total].drop_duplicates([*key, "group"])
    groups = parts.groupby(key, sort=False)["group"].transform("size")
    parts = parts[(groups >= 2).to_numpy()]  # a breakdown needs two groups
    if parts.empty:
        return []
    totals = ordered[is_total].drop_duplicates([*key, "value"])
    totals = totals.merge(parts[key].drop_duplicates(), on=key, how="inner")
    found: dict[tuple[str, str, str], tuple[list[Reported], list[Reported]]] = {}
    for rows, at in ((parts, 0), (totals, 1)):
        for row, period in zip(
            rows[list(_REPORTED_COLUMNS)].itertuples(index=False), rows["_period"], strict=True
        ):
            found.setdefault((str(row.article), str(row.metric), period), ([], []))[at].append(
                _reported_of(row)
            )
    checks: list[PartsCheck] = []
    for (article, metric, period), (breakdown, reported_totals) in found.items():
        against: list[Reported | None] = [*reported_totals] or [None]
        for total in against:
            checks.append(PartsCheck(article, metric, total, tuple(breakdown),
                                     compare(total, breakdown), period))  # fmt: skip
    return checks


def _period_keys(figures: pd.DataFrame) -> pd.Series:
    """Each figure's period as a key ("2021-11-24/2021-11-24"; "" when not known)."""
    if "period_start" not in figures:
        return pd.Series("", index=figures.index, dtype=object)
    first = pd.to_datetime(figures["period_start"]).dt.strftime("%Y-%m-%d")
    last = pd.to_datetime(figures["period_end"]).dt.strftime("%Y-%m-%d")
    return (first.fillna("") + "/" + last.fillna("")).where(first.notna() & last.notna(), "")


_REPORTED_COLUMNS = ("article", "metric", "value", "qualifier", "group", "evidence", "sentence",
                     "start", "end")  # fmt: skip


def _reported_of(row: Any) -> Reported:
    """`_reported` for a row of `itertuples` (many times faster than `iterrows`)."""
    group = row.group
    return Reported(
        value=int(row.value),
        qualifier=str(row.qualifier) if pd.notna(row.qualifier) else "exact",
        group=None if pd.isna(group) or group == "" else str(group),
        evidence=str(row.evidence),
        sentence=str(row.sentence),
        start=int(row.start),
        end=int(row.end),
    )


def status_counts(checks: Sequence[PartsCheck]) -> str:
    """How many breakdowns have each status, in words: '12 breakdowns checked: 9 adds up, 3 does not add up.'"""
    counts = pd.Series([c.status for c in checks]).value_counts()
    return (
        f"{len(checks):,} breakdowns checked: "
        + ", ".join(f"{int(counts[s]):,} {STATUS_TEXT[s]}" for s in STATUS_TEXT if s in counts)
        + "."
    )
