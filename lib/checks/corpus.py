"""Every figure and claim of a corpus checked against the reference, once, and any selection of them picked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from lib.checks.claims import check_claim
from lib.checks.common import CHECK_COLUMNS, Ref, Result, join, none
from lib.checks.figures import check_figure
from lib.record.reference import Reference


def check_facts(
    figures: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame, reference: Reference
) -> pd.DataFrame:
    """One row per article figure and claim, checked against `reference`.

    Args:
        figures, claims: fact tables with the columns of `COLUMNS["figures"]` and
            `COLUMNS["claims"]` (extra columns are ignored).
        articles: the articles table; its `reference_date` resolves "this year".
    Returns:
        a DataFrame with the columns of `CHECK_COLUMNS`, in article and text order.
    """
    ref = Ref(reference)
    return sort_checks(
        pd.concat(
            [
                check_figures(figures, articles, reference, _ref=ref),
                check_claims(claims, figures, articles, reference, _ref=ref),
            ],
            ignore_index=True,
        )
    )


def sort_checks(checks: pd.DataFrame) -> pd.DataFrame:
    """Checks in the order `check_facts` gives them: by article, then place in the text (figure before claim)."""
    return checks.sort_values(["article", "start", "kind"], ignore_index=True)


def check_figures(
    figures: pd.DataFrame, articles: pd.DataFrame, reference: Reference, *, _ref: Ref | None = None
) -> pd.DataFrame:
    """The figure rows of `check_facts`, one per row of `figures` and in its order (so they line up with it)."""
    ref = _ref or Ref(reference)
    dates = _reference_dates(articles)
    memo: dict[tuple[Any, ...], Result] = {}
    rows = []
    for fact in _facts(figures, _FIGURE_FIELDS):
        ref_date = dates.get(fact["article"])
        # the check reads only these fields: facts alike share one result
        key = (
            fact["metric"],
            fact["period"],
            fact["period_start"],
            fact["period_end"],
            fact["value"],
            fact["qualifier"],
            fact["group"],
            ref_date,
        )
        result = memo.get(key)
        if result is None:
            result = memo[key] = check_figure(fact, ref_date, ref)
        rows.append(_check_row(fact, "figure", result))
    return _check_frame(rows)


def check_claims(
    claims: pd.DataFrame,
    figures: pd.DataFrame,
    articles: pd.DataFrame,
    reference: Reference,
    *,
    _ref: Ref | None = None,
) -> pd.DataFrame:
    """The claim rows of `check_facts`, one per row of `claims` and in its order.

    `figures` are those a claim may take its metric and qualifier from: the figures of
    its sentence ("More than 25,700 people ..., three times ...").
    """
    ref = _ref or Ref(reference)
    dates = _reference_dates(articles)
    if len(claims) and len(figures) and "sentence_start" in figures and "sentence_start" in claims:
        sentences = claims[["article", "sentence_start"]].drop_duplicates()
        figures = figures.merge(sentences, on=["article", "sentence_start"], how="inner")
    by_sentence = _figures_by_sentence(figures)
    rows = []
    for fact in _facts(claims, None):
        ref_date = dates.get(fact["article"])
        linked = by_sentence.get((fact["article"], fact.get("sentence_start")), [])
        result = check_claim(fact, linked, ref_date, ref)
        rows.append(_check_row(fact, "claim", result))
    return _check_frame(rows)


def claim_links(claims: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Which figures a claim may take its qualifier from: columns claim, figure (row positions in each table).

    A claim's check depends on the figures passed with it; this says which, so a check
    made once for a whole corpus can be reused for a part of it when they are all there.
    """
    left = claims[["article", "sentence_start"]].reset_index(drop=True).reset_index(names="claim")
    right = (
        figures[["article", "sentence_start"]].reset_index(drop=True).reset_index(names="figure")
    )
    links = left.merge(right, on=["article", "sentence_start"], how="inner")
    return links[["claim", "figure"]].astype("int64").reset_index(drop=True)


@dataclass(frozen=True)
class CorpusChecks:
    """Every figure and claim of a corpus checked once (`check_corpus`), for `checks_for` to pick from.

    `figures` and `claims` hold one check per row of the corpus's tables, in their
    order; `links` is `claim_links` of them.
    """

    figures: pd.DataFrame
    claims: pd.DataFrame
    links: pd.DataFrame


def check_corpus(
    figures: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame, reference: Reference
) -> CorpusChecks:
    """Check every figure and claim once, so that any selection of them is a matter of picking rows."""
    ref = Ref(reference)
    return CorpusChecks(
        figures=check_figures(figures, articles, reference, _ref=ref),
        claims=check_claims(claims, figures, articles, reference, _ref=ref),
        links=claim_links(claims, figures),
    )


def checks_for(
    checked: CorpusChecks,
    figure_rows: np.ndarray,
    claim_rows: np.ndarray,
    *,
    figures: pd.DataFrame,
    claims: pd.DataFrame,
    articles: pd.DataFrame,
    reference: Reference,
) -> pd.DataFrame:
    """`check_facts(figures.iloc[figure_rows], claims.iloc[claim_rows], articles, reference)`, from checks made once.

    Args:
        checked: `check_corpus(figures, claims, ...)` of the same tables.
        figure_rows, claim_rows: positions of the facts to check.
        articles: those of the selection; each fact's article must be among them with
            the same dates as when `checked` was made.

    A figure's check reads only the figure, so it is picked as it is. A claim's reads
    the figures of its sentence too: a claim one of whose figures is left out is
    checked again with those that are in.
    """
    chosen = np.zeros(len(figures), dtype=bool)
    chosen[figure_rows] = True
    links = checked.links
    missing = links[~chosen[links["figure"].to_numpy()]]
    again = np.intersect1d(claim_rows, missing["claim"].to_numpy())
    kept = np.setdiff1d(claim_rows, again)
    claim_checks = checked.claims.take(kept)
    if len(again):
        rechecked = check_claims(claims.take(again), figures.take(figure_rows), articles, reference)
        # back in the claims' own order, as check_facts would have them
        order = np.argsort(np.concatenate([kept, again]), kind="stable")
        claim_checks = pd.concat([claim_checks, rechecked], ignore_index=True).take(order)
    parts = [checked.figures.take(figure_rows), claim_checks]
    return sort_checks(pd.concat(parts, ignore_index=True))


_FIGURE_FIELDS = (
    "article", "start", "end", "evidence", "sentence", "sentence_start", "section", "own",
    "metric", "value", "qualifier", "group", "period", "period_start", "period_end",
)  # fmt: skip


def _facts(table: pd.DataFrame, fields: tuple[str, ...] | None) -> list[dict[str, Any]]:
    """The rows as dicts with pandas' missing values as None (only `fields`, if given, and those present)."""
    names = list(table.columns) if fields is None else list(fields)
    columns = [
        _values(table[name]) if name in table.columns else [None] * len(table) for name in names
    ]  # a column the table lacks reads as missing, as with `dict.get`
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def _values(column: pd.Series) -> list[Any]:
    """A column as Python values, pandas' missing values (NA, NaN, NaT) as None."""
    values = column.astype(object)
    return values.where(values.notna(), None).tolist()


def _check_row(fact: dict[str, Any], kind: str, result: Result) -> dict[str, Any]:
    note = result.note
    if fact.get("own") is False or fact.get("section") == "read_more":
        note = join("from a 'Read more' headline: another article's figure", note)
    return {
        "article": fact["article"],
        "kind": kind,
        "evidence": fact.get("evidence") or "",
        "sentence": fact.get("sentence") or "",
        "start": fact["start"],
        "end": fact["end"],
        "status": result.status,
        "arithmetic": result.arithmetic,
        "reference_source": result.reference_source,
        "note": note,
    }


def _check_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    columns = {name: [row[name] for row in rows] for name in CHECK_COLUMNS}
    return pd.DataFrame(columns, columns=list(CHECK_COLUMNS)).astype(CHECK_COLUMNS)


def _reference_dates(articles: pd.DataFrame) -> dict[str, date]:
    dates: dict[str, date] = {}
    wanted = [c for c in ("article", "reference_date", "published") if c in articles.columns]
    for row in _facts(articles[wanted], None):
        when = none(row.get("reference_date")) or none(row.get("published"))
        if when is not None:
            dates[str(row["article"])] = pd.Timestamp(when).date()
    return dates


def _figures_by_sentence(figures: pd.DataFrame) -> dict[tuple[str, Any], list[dict[str, Any]]]:
    grouped: dict[tuple[str, Any], list[dict[str, Any]]] = {}
    for row in _facts(figures, None):
        grouped.setdefault((row["article"], row.get("sentence_start")), []).append(row)
    return grouped


def own_rows(table: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """The positions among `rows` whose fact is the article's own (not from a "Read more" headline)."""
    return rows[table["own"].to_numpy(dtype=bool)[rows]]
