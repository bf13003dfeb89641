"""Article figures and claims checked against the official reference figures, with the sums shown.

Every check gives a status (`consistent`, `inconsistent`, `cannot be checked`), the
arithmetic a reader can redo, the sources used, and a note wherever sources disagree.
The thresholds, all in one place:

- An article figure stands for a range: "more than 25,700" is (25,700, ∞), "about 30"
  is 27-33 (±10%), "up to 40" is 0-40. It is *consistent* when that range meets the
  reference range widened by the tolerance.
- Arrivals in a whole past year: the published total, ±`ARRIVALS_TOLERANCE` (3%:
  the published series differ by up to 0.6% — 2020 is 8,466 published, 8,462 in the
  daily series, 8,417 by PA — and early counts are revised).
- Arrivals "this year" (year to date): from the cumulative monthly total to the end of
  the last full month before the article's reference date, to the cumulative total
  to the end of its month (never above the full-year total), ±3%. Without a monthly
  series, only the upper bound (the full-year total) is checked, and the note says so.
- Deaths in a year: within the lowest and highest count of the bodies that counted
  the whole year (low-confidence and partial-year counts are shown, not used),
  ±max(1, 5%). Every body's count is named: none is picked silently.
- The sinking of 24 November 2021: consistent with the revised toll (27 dead, up to
  27 + 4 missing presumed dead), or with what had been reported by the article's date.
  A deaths figure with no date is taken to be about this sinking when the article is
  dated within `INCIDENT_WINDOW_DAYS` after it.
- A ratio ("three times") is consistent within ±`RATIO_TOLERANCE` (10%) of its factor;
  a change ("up 25%") within ±`CHANGE_TOLERANCE` (2 percentage points).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from lib.reference import FIRST_YEAR, SINKING_DATE, Reference

ARRIVALS_TOLERANCE = 0.03
DEATHS_TOLERANCE = 0.05
ABOUT = 0.10  # "about 30" reads as 27-33
RATIO_TOLERANCE = 0.10
CHANGE_TOLERANCE = 0.02
INCIDENT_WINDOW_DAYS = 14

CONSISTENT, INCONSISTENT, UNCHECKABLE = "consistent", "inconsistent", "cannot be checked"
CHECK_COLUMNS: dict[str, str] = {
    "article": "string",
    "kind": "string",
    "evidence": "string",
    "sentence": "string",
    "start": "int64",
    "end": "int64",
    "status": "string",
    "arithmetic": "string",
    "reference_source": "string",
    "note": "string",
}

_QUALIFIER_WORDS = {
    "exact": "", "at_least": "at least ", "more_than": "more than ", "about": "about ",
    "fewer_than": "fewer than ", "up_to": "up to ",
}  # fmt: skip
_SEA_SCOPE = re.compile(
    r"at sea|SAR zone|small boats", re.I
)  # counts at sea only: no lorries, no land
_SAYS_RECORD = re.compile(r"worst|deadliest|on record", re.I)
_GROUP_IN_DETAIL = re.compile(r"(\d+)\s+(men|women|minors|children|girls|boys)\b", re.I)
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(slots=True)
class _Result:
    status: str
    arithmetic: str
    reference_source: str = ""
    note: str = ""


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
    ref = _Ref(reference)
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
    figures: pd.DataFrame, articles: pd.DataFrame, reference: Reference, *, _ref: _Ref | None = None
) -> pd.DataFrame:
    """The figure rows of `check_facts`, one per row of `figures` and in its order (so they line up with it)."""
    ref = _ref or _Ref(reference)
    dates = _reference_dates(articles)
    memo: dict[tuple[Any, ...], _Result] = {}
    rows = []
    for fact in _facts(figures, _FIGURE_FIELDS):
        ref_date = dates.get(fact["article"])
        # the check reads only these fields: facts alike share one result
        key = (
            fact["metric"],
            fact["period"],
            fact["value"],
            fact["qualifier"],
            fact["group"],
            ref_date,
        )
        result = memo.get(key)
        if result is None:
            result = memo[key] = _check_figure(fact, ref_date, ref)
        rows.append(_check_row(fact, "figure", result))
    return _check_frame(rows)


def check_claims(
    claims: pd.DataFrame,
    figures: pd.DataFrame,
    articles: pd.DataFrame,
    reference: Reference,
    *,
    _ref: _Ref | None = None,
) -> pd.DataFrame:
    """The claim rows of `check_facts`, one per row of `claims` and in its order.

    `figures` are those a claim may take its metric and qualifier from: the figures of
    its sentence ("More than 25,700 people ..., three times ...").
    """
    ref = _ref or _Ref(reference)
    dates = _reference_dates(articles)
    if len(claims) and len(figures) and "sentence_start" in figures and "sentence_start" in claims:
        sentences = claims[["article", "sentence_start"]].drop_duplicates()
        figures = figures.merge(sentences, on=["article", "sentence_start"], how="inner")
    by_sentence = _figures_by_sentence(figures)
    rows = []
    for fact in _facts(claims, None):
        ref_date = dates.get(fact["article"])
        linked = by_sentence.get((fact["article"], fact.get("sentence_start")), [])
        result = _check_claim(fact, linked, ref_date, ref)
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
    ref = _Ref(reference)
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
    "metric", "value", "qualifier", "group", "period",
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


def _check_row(fact: dict[str, Any], kind: str, result: _Result) -> dict[str, Any]:
    note = result.note
    if fact.get("own") is False or fact.get("section") == "read_more":
        note = _join("from a 'Read more' headline: another article's figure", note)
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


class _Ref:
    """The reference with its rows indexed by year and month, looked up many times per call.

    The tables are a few dozen rows: a dict lookup instead of a DataFrame filter per
    figure is what makes checking a large corpus fast. Other attributes are the
    Reference's own.
    """

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self.years: dict[int, dict[str, Any]] = {
            int(r["year"]): r for r in reference.arrivals_by_year.to_dict("records")
        }
        self.months: dict[str, dict[str, Any]] = {
            str(r["month"]): r for r in reference.arrivals_by_month.to_dict("records")
        }
        self.deaths: dict[int, list[dict[str, Any]]] = {}
        for r in reference.deaths_by_year.to_dict("records"):
            self.deaths.setdefault(int(r["year"]), []).append(r)
        self.reports: list[dict[str, Any]] = reference.sinking_reports.to_dict("records")
        self.memo: dict[tuple[Any, ...], Any] = {}  # checks already made, by what they read

    def __getattr__(self, name: str) -> Any:
        return getattr(self.reference, name)


# --- figures ---------------------------------------------------------------------------


def _check_figure(fact: dict[str, Any], ref_date: date | None, reference: _Ref) -> _Result:
    metric, period = fact.get("metric"), fact.get("period")
    if metric == "crossings":
        return _check_arrivals(
            fact["value"], fact.get("qualifier") or "exact", period, ref_date, reference
        )
    if metric in ("deaths", "missing", "rescued", "on_board"):
        about_sinking = _about_sinking(period, ref_date)
        if about_sinking:
            return _check_sinking(fact, about_sinking, ref_date, reference)
        if metric == "deaths" and period and len(period) == 4 and fact.get("group") is None:
            return _check_deaths_year(
                fact["value"], fact.get("qualifier") or "exact", int(period), ref_date, reference
            )
        what = f"{metric} on {period}" if period else f"{metric} with no date"
        return _Result(
            UNCHECKABLE,
            f"no reference series for {what}: the reference holds yearly deaths by source and the 24 Nov 2021 sinking",
        )
    return _Result(UNCHECKABLE, f"no reference series for the metric {metric!r}")


def _check_arrivals(
    value: int, qualifier: str, period: str | None, ref_date: date | None, reference: _Ref
) -> _Result:
    shown = _shown(value, qualifier)
    if not period:
        return _Result(
            UNCHECKABLE,
            f"{shown}: the figure gives no period, so there is no total to set it against",
        )
    if len(period) >= 7:
        month = period[:7]
        row = reference.months.get(month)
        if row is None:
            return _Result(
                UNCHECKABLE,
                f"{shown} on {period}: no daily series, and no monthly figure for {month}",
            )
        total = int(row["people"])
        source = str(row["source_url"])
        label = _month_label(month)
        if len(period) == 10:
            if _fits(value, qualifier, 0, total, ARRIVALS_TOLERANCE):
                return _Result(
                    UNCHECKABLE,
                    f"{shown} on {_day(period)} ≤ {_n(total)} (all of {label}): no daily series to check one day against",
                    source,
                )
            return _Result(
                INCONSISTENT,
                f"{shown} on {_day(period)} > {_n(total)}, the total for all of {label}",
                source,
            )
        ok = _fits(value, qualifier, total, total, ARRIVALS_TOLERANCE)
        return _Result(
            _status(ok), f"{shown} in {label} vs {_n(total)} (monthly total, ±3%)", source
        )
    year = int(period[:4])
    found = reference.years.get(year)
    if found is None:
        return _Result(
            UNCHECKABLE, f"{shown} in {year}: no published total for {year} in the reference"
        )
    total, status = int(found["people"]), str(found["status"])
    source = str(found["source_url"])
    note = f"{year} is provisional and may be revised" if status == "provisional" else ""
    if ref_date is None:
        return _Result(
            UNCHECKABLE,
            f"{shown} in {year}; all of {year}: {_n(total)} ({status}). The article has no reference date, so the count may be for part of the year",
            source, note,
        )  # fmt: skip
    if year > ref_date.year:
        return _Result(
            UNCHECKABLE,
            f"{shown} in {year}, an article dated {_day(ref_date)}: a year still to come",
        )
    if year < ref_date.year:
        ok = _fits(value, qualifier, total, total, ARRIVALS_TOLERANCE)
        sign = "≈" if ok else "≠"
        return _Result(
            _status(ok),
            f"{shown} in {year} {sign} {_n(total)} (all of {year}, {status}; ±3%)",
            source,
            note,
        )
    low, high, text, sources = _year_to_date(reference, year, ref_date)
    ok = _fits(value, qualifier, low, high, ARRIVALS_TOLERANCE)
    if low == 0:
        note = _join(note, f"no monthly series for {year}: only the upper bound was checked")
    verdict = (
        f"a year-to-date figure of {shown} is plausible"
        if ok
        else f"{shown} is outside {_n(low)}–{_n(high)} (±3%)"
    )
    arithmetic = f"{shown} by {_day(ref_date)} {'≤' if _lowest(value, qualifier) <= total else '>'} {_n(total)} (all of {year}, {status})"
    arithmetic += f"; {text}: {verdict}" if text else f": {verdict}"
    return _Result(_status(ok), arithmetic, "; ".join(dict.fromkeys([source, *sources])), note)


def _year_to_date(reference: _Ref, year: int, ref_date: date) -> tuple[int, int, str, list[str]]:
    """(lower, upper, arithmetic, sources) for the count from 1 January to `ref_date`.

    Lower: the months before ref_date's month; upper: those plus ref_date's month, never
    above the full-year total. Without monthly figures for the year: (0, full year).
    """
    total = int(reference.years[year]["people"])
    months = reference.months  # "YYYY-MM" -> row; a month of `year` starts with it
    current = f"{year}-{ref_date.month:02d}"
    if current not in months:
        return 0, total, "", []
    before = [f"{year}-{m:02d}" for m in range(1, ref_date.month)]
    if any(m not in months for m in before):
        return 0, total, "", []
    low = sum(int(months[m]["people"]) for m in before)
    this_month = int(months[current]["people"])
    high = min(low + this_month, total)
    label = _MONTH_ABBR[ref_date.month - 1]
    if before:
        span = f"Jan–{_MONTH_ABBR[ref_date.month - 2]}" if ref_date.month > 2 else "Jan"
        text = (
            f"{span} {year} monthly sum {_n(low)} + {label} {year} {_n(this_month)} = {_n(low + this_month)} "
            f"for Jan–{label}, so by {_day(ref_date)} the count was between {_n(low)} and {_n(high)}"
        )
    else:
        text = f"Jan {year} {_n(this_month)}, so by {_day(ref_date)} the count was between 0 and {_n(high)}"
    return (
        low,
        high,
        text,
        list(dict.fromkeys(str(months[m]["source_url"]) for m in [*before, current])),
    )


def _about_sinking(period: str | None, ref_date: date | None) -> str | None:
    """How a figure is tied to the 24 Nov 2021 sinking: "dated" that day, "assumed" when undated just after, else None."""
    if period == SINKING_DATE.isoformat():
        return "dated"
    if (
        period is None
        and ref_date is not None
        and SINKING_DATE <= ref_date <= SINKING_DATE + timedelta(days=INCIDENT_WINDOW_DAYS)
    ):
        return "assumed"
    return None


_SINKING_FIELD = {
    "deaths": "dead",
    "missing": "missing",
    "rescued": "survivors",
    "on_board": "on_board",
}


def _check_sinking(
    fact: dict[str, Any], how: str, ref_date: date | None, reference: _Ref
) -> _Result:
    reports = reference.reports
    metric, value = fact["metric"], fact["value"]
    qualifier, group = fact.get("qualifier") or "exact", fact.get("group")
    shown = _shown(value, qualifier) + (f" {group}" if group else "")
    field = _SINKING_FIELD[metric]
    given = [r for r in reports if _none(r[field]) is not None]
    note = (
        ""
        if how == "dated"
        else f"the figure has no date; taken to be the 24 Nov 2021 sinking (article dated {_day(ref_date)})"
    )
    if group:
        return _check_sinking_group(fact, shown, reports, note)
    latest = given[-1]
    low = int(latest[field])
    high = low + int(_none(latest["missing"]) or 0) if metric == "deaths" else low
    history = " → ".join(f"{r[field]} ({r['by']}, {_when(r['reported'])})" for r in given)
    if metric == "deaths":
        history = " → ".join(
            f"{r['dead']}{' + ' + str(r['missing']) + ' missing' if _none(r['missing']) else ''} ({r['by']}, {_when(r['reported'])})"
            for r in given
        )
    revised = len({int(r[field]) for r in given}) > 1
    sources = "; ".join(dict.fromkeys(str(r["source_url"]) for r in given))
    span = f"{_n(low)}–{_n(high)}" if high != low else _n(low)
    if metric == "deaths":
        note = _join(
            note,
            f"the toll was first reported as {given[0]['dead']}, revised to {low} the same night; "
            f"later reports add {high - low} missing presumed dead ({low} + {high - low} = {high})",
        )
    elif revised:
        note = _join(note, f"first reported as {given[0][field]}, later {low}")
    if _fits(value, qualifier, low, high, 0):
        what = "the revised toll" if metric == "deaths" else "the latest report"
        return _Result(
            CONSISTENT,
            f"{shown} vs reports: {history}: {shown} fits {span}, consistent with {what}",
            sources,
            note,
        )
    known = [r for r in given if ref_date is not None and _report_date(r["reported"]) <= ref_date]
    matching = [r for r in known if _fits(value, qualifier, int(r[field]), int(r[field]), 0)]
    if matching:
        r = matching[-1]
        return _Result(
            CONSISTENT,
            f"{shown} vs reports: {history}: {shown} matches what {r['by']} reported on {_when(r['reported'])}, before the article; later revised to {span}",
            sources, note,
        )  # fmt: skip
    return _Result(
        INCONSISTENT,
        f"{shown} vs reports: {history}: {shown} does not fit {span} or any report made by the article's date",
        sources,
        note,
    )


def _check_sinking_group(
    fact: dict[str, Any], shown: str, reports: list[dict[str, Any]], note: str
) -> _Result:
    """Who died, against the prosecutors' breakdown "17 men, 7 women (one pregnant), 3 minors"."""
    group = fact["group"]
    alike = {"children": ("children", "minors"), "minors": ("minors", "children")}.get(
        group, (group,)
    )
    for r in reports:
        counts = {g.lower(): int(n) for n, g in _GROUP_IN_DETAIL.findall(str(r["detail"] or ""))}
        for g in alike:
            if g in counts:
                ok = _fits(fact["value"], fact.get("qualifier") or "exact", counts[g], counts[g], 0)
                wording = "" if g == group else f" (the report says {g})"
                return _Result(
                    _status(ok),
                    f"{shown} {'=' if ok else '≠'} {counts[g]} {g} ({r['by']}, {_when(r['reported'])}: \"{r['detail']}\"){wording}",
                    str(r["source_url"]), note,
                )  # fmt: skip
    return _Result(
        UNCHECKABLE,
        f"{shown}: no report in the reference breaks the dead down by {group}",
        "",
        note,
    )


def _check_deaths_year(
    value: int, qualifier: str, year: int, ref_date: date | None, reference: _Ref
) -> _Result:
    shown = _shown(value, qualifier)
    rows = reference.deaths.get(year, [])
    if not rows:
        return _Result(
            UNCHECKABLE, f"{shown} deaths in {year}: no count for {year} in the reference"
        )
    usable = [r for r in rows if not r["partial"] and not str(r["confidence"]).startswith("low")]
    usable = usable or [r for r in rows if not r["partial"]]
    listing = "; ".join(_count_label(r) for r in rows)
    note = f"sources count differently — {listing}; every count is a minimum"
    sources = "; ".join(f"{r['body']}: {r['source_url']}" for r in rows)
    if not usable:
        return _Result(
            UNCHECKABLE,
            f"{shown} deaths in {year}: only partial-year counts are held",
            sources,
            note,
        )
    low, high = min(int(r["dead"]) for r in usable), max(int(r["dead"]) for r in usable)
    in_progress = ref_date is not None and ref_date.year == year and ref_date < date(year, 12, 31)
    if in_progress:
        low = 0
    slack = max(1.0, DEATHS_TOLERANCE * high)
    ok = _fits(value, qualifier, low - slack, high + slack, 0)
    span = (
        f"0–{_n(high)} (the year was not over at {_day(ref_date)}: upper bound only)"
        if in_progress
        else (f"{_n(low)}–{_n(high)}" if low != high else _n(low))
    )
    verb = "is within" if ok else "is outside"
    return _Result(
        _status(ok),
        f"{shown} deaths in {year} vs {listing}: {shown} {verb} {span} (±{_n(round(slack))})",
        sources,
        note,
    )


def _count_label(row: dict[str, Any]) -> str:
    missing = f" + {row['missing']} missing" if _none(row["missing"]) else ""
    extra = []
    if row["partial"]:
        extra.append(f"partial year, as of {row['as_of']}")
    if str(row["confidence"]).startswith("low"):
        extra.append("low confidence, not used")
    tail = f" ({'; '.join(extra)})" if extra else ""
    return f"{row['body']} {row['dead']}{missing} [{row['scope']}]{tail}"


# --- claims ----------------------------------------------------------------------------


def _check_claim(
    fact: dict[str, Any], linked: list[dict[str, Any]], ref_date: date | None, reference: _Ref
) -> _Result:
    claim_type = fact.get("claim_type")
    metric = fact.get("metric")
    value, qualifier = fact.get("value"), "exact"
    for figure in linked:
        if value is not None and figure.get("value") == value:
            qualifier = figure.get("qualifier") or "exact"
            metric = metric or figure.get("metric")
    if value is not None and re.match(
        r"(?:more\s+than|over)\b", str(fact.get("evidence") or ""), re.I
    ):
        qualifier = "more_than"
    # from here on the check reads only these: claims alike share one result
    key = (claim_type, metric, value, qualifier, ref_date,
           *(fact.get(f) for f in ("factor", "compared_with", "period", "subject")))  # fmt: skip
    result = reference.memo.get(key)
    if result is None:
        result = reference.memo[key] = _dispatch_claim(
            fact, claim_type, metric, value, qualifier, ref_date, reference
        )
    return result


def _dispatch_claim(
    fact: dict[str, Any],
    claim_type: str | None,
    metric: str | None,
    value: int | None,
    qualifier: str,
    ref_date: date | None,
    reference: _Ref,
) -> _Result:
    if claim_type in ("ratio", "change"):
        return _check_ratio(fact, metric, value, qualifier, ref_date, reference)
    if claim_type == "milestone":
        return _check_milestone(fact, metric, ref_date, reference)
    if claim_type == "record":
        return _check_record(fact, metric, value, qualifier, ref_date, reference)
    if claim_type == "superlative":
        return _check_superlative(fact, metric, ref_date, reference)
    return _Result(UNCHECKABLE, f"no check for claims of type {claim_type!r}")


def _count_for(
    period: str | None, ref_date: date | None, reference: _Ref
) -> tuple[int, int, str, list[str]] | None:
    """The reference's count of crossings for `period` as known at `ref_date`: (low, high, wording, sources)."""
    if not period or len(period) != 4 or ref_date is None:
        return None
    year = int(period)
    row = reference.years.get(year)
    if row is None or year > ref_date.year:
        return None
    total, status, source = int(row["people"]), str(row["status"]), str(row["source_url"])
    if year < ref_date.year:
        return total, total, f"{_n(total)} (all of {year}, {status})", [source]
    low, high, text, sources = _year_to_date(reference, year, ref_date)
    wording = text or f"at most {_n(total)} (all of {year}, {status}; no monthly series)"
    return low, high, wording, [source, *sources]


def _check_ratio(
    fact: dict[str, Any],
    metric: str | None,
    value: int | None,
    qualifier: str,
    ref_date: date | None,
    reference: _Ref,
) -> _Result:
    factor, compared = fact.get("factor"), fact.get("compared_with") or ""
    if metric not in ("crossings", None) or factor is None:
        return _Result(
            UNCHECKABLE,
            f"ratio of {metric or 'an unnamed count'}: only crossings have a series to divide by",
        )
    m = re.fullmatch(r"(\d{4}) (total|same period)", compared)
    if not m:
        return _Result(
            UNCHECKABLE,
            f"compared with {compared or 'nothing named'}: not a year the reference has a total for",
        )
    base_year = int(m.group(1))
    row = reference.years.get(base_year)
    if row is None or (
        ref_date is not None and base_year >= ref_date.year and m.group(2) == "total"
    ):
        return _Result(
            UNCHECKABLE, f"no complete published total for {base_year} at the article's date"
        )
    sources = [str(row["source_url"])]
    base_note = ""
    if m.group(2) == "total":
        base = int(row["people"])
        base_text = f"{_n(base)} (all of {base_year}, {row['status']})"
        base_note = str(_none(row["note"]) or "")
    else:
        if ref_date is None:
            return _Result(
                UNCHECKABLE, "same period of another year, but the article has no reference date"
            )
        span = [f"{base_year}-{mm:02d}" for mm in range(1, ref_date.month + 1)]
        months = reference.months
        if any(s not in months for s in span):
            return _Result(
                UNCHECKABLE, f"same period of {base_year}: no monthly series for {base_year}"
            )
        base = sum(int(months[s]["people"]) for s in span)
        base_text = f"{_n(base)} (Jan–{_MONTH_ABBR[ref_date.month - 1]} {base_year}, monthly sum)"
        sources += list(dict.fromkeys(str(months[s]["source_url"]) for s in span))
    if value is not None:
        low = high = float(value)
        count_text, origin = _shown(value, qualifier), "the article's own figure"
        if qualifier in ("more_than", "at_least"):
            high = math.inf
    else:
        count = _count_for(fact.get("period"), ref_date, reference)
        if count is None:
            return _Result(
                UNCHECKABLE,
                f"the claim gives no count and the reference has none for {fact.get('period') or 'an unknown period'}",
            )
        low, high, count_text, more = float(count[0]), float(count[1]), count[2], count[3]
        origin = "the reference count"
        sources += more
    word = "×" if fact["claim_type"] == "ratio" else "× (change)"
    expected = factor * base
    lo_ratio, hi_ratio = low / base, high / base
    if fact["claim_type"] == "ratio":
        ok = lo_ratio <= factor * (1 + RATIO_TOLERANCE) and hi_ratio >= factor * (
            1 - RATIO_TOLERANCE
        )
        band = f"within {RATIO_TOLERANCE:.0%} of {factor:g}"
    else:
        ok = lo_ratio <= factor + CHANGE_TOLERANCE and hi_ratio >= factor - CHANGE_TOLERANCE
        band = f"within {CHANGE_TOLERANCE * 100:.0f} points of {(factor - 1):+.0%}"
    point = low if value is not None else (low + high) / 2
    compare = "≤" if expected <= point else ">"
    ratio_text = f"{_n(round(point))} ÷ {_n(base)} = {point / base:.2f}"
    if value is None and low != high:
        ratio_text = (
            f"{_n(round(low))}–{_n(round(high))} ÷ {_n(base)} = {lo_ratio:.2f}–{hi_ratio:.2f}"
        )
    arithmetic = (
        f"{factor:g} {word} {base_text} = {_n(round(expected))} {compare} {count_text}; {ratio_text}: "
        f"{'' if ok else 'not '}{band}"
    )
    note = _join(
        f"the count compared is {origin}", f"{base_year}: {base_note}" if base_note else ""
    )
    return _Result(_status(ok), arithmetic, "; ".join(dict.fromkeys(sources)), note)


def _check_milestone(
    fact: dict[str, Any], metric: str | None, ref_date: date | None, reference: _Ref
) -> _Result:
    mark = fact.get("value")
    if mark is None or metric not in ("crossings", None):
        return _Result(UNCHECKABLE, f"milestone of {metric}: only crossings have a series")
    period, note = fact.get("period"), "" if metric else "taken to count crossings"
    if not period and ref_date is not None:
        period, note = (
            str(ref_date.year),
            _join(note, f"no year given: taken to be {ref_date.year}, the article's year"),
        )
    count = _count_for(period, ref_date, reference)
    if count is None:
        return _Result(
            UNCHECKABLE,
            f"the {_n(mark)} mark: no reference count for {period or 'an unknown year'}",
            "",
            note,
        )
    low, high, text, sources = count
    if high * (1 + ARRIVALS_TOLERANCE) < mark:
        return _Result(
            INCONSISTENT,
            f"{text}: at most {_n(high)} < {_n(mark)}, so the mark had not been reached",
            "; ".join(sources),
            note,
        )
    reached = (
        f"{_n(low)} ≥ {_n(mark)}: passed before the month began"
        if low >= mark
        else f"{_n(high)} ≥ {_n(mark)}"
    )
    return _Result(CONSISTENT, f"{text}: {reached}", "; ".join(dict.fromkeys(sources)), note)


def _check_record(
    fact: dict[str, Any],
    metric: str | None,
    value: int | None,
    qualifier: str,
    ref_date: date | None,
    reference: _Ref,
) -> _Result:
    if fact.get("compared_with") == "single day" or fact.get("subject") in ("day", "week"):
        return _Result(
            UNCHECKABLE, "a record for a single day or week: the reference has no daily series"
        )
    period = fact.get("period")
    if metric == "deaths":
        return _deaths_record(period, reference)
    if not period or len(period) != 4:
        return _Result(UNCHECKABLE, "a record with no year: nothing to compare")
    year = int(period)
    years = list(reference.years.values())  # in the reference's order
    earlier = [r for r in years if r["year"] < year]
    if not earlier:
        return _Result(UNCHECKABLE, f"no earlier year than {year} in the reference")
    best = max(earlier, key=lambda r: r["people"])  # the first of equals, as idxmax
    best_text = f"the previous highest, {int(best['year'])}: {_n(int(best['people']))}"
    if value is not None:
        low, high = (
            float(value),
            math.inf if qualifier in ("more_than", "at_least") else float(value),
        )
        text, sources = _shown(value, qualifier), [str(best["source_url"])]
    else:
        count = _count_for(period, ref_date, reference)
        if count is None:
            return _Result(UNCHECKABLE, f"no reference count for {year}")
        low, high, text, sources = (
            float(count[0]),
            float(count[1]),
            count[2],
            [str(best["source_url"]), *count[3]],
        )
    later = [r for r in years if r["year"] > year and r["people"] > max(low, float(best["people"]))]
    overtaken = ", ".join(f"{int(r['year'])}: {_n(int(r['people']))}" for r in later)
    note = ("taken to count crossings; " if metric is None else "") + (
        f"later overtaken: {overtaken}" if later else ""
    )
    if low > best["people"]:
        return _Result(
            CONSISTENT, f"{text} > {best_text}", "; ".join(dict.fromkeys(sources)), note.strip("; ")
        )
    if high <= best["people"]:
        return _Result(
            INCONSISTENT,
            f"{text} ≤ {best_text}",
            "; ".join(dict.fromkeys(sources)),
            note.strip("; "),
        )
    return _Result(
        UNCHECKABLE,
        f"{text} vs {best_text}: the year was not over",
        "; ".join(dict.fromkeys(sources)),
        note.strip("; "),
    )


def _deaths_record(period: str | None, reference: _Ref) -> _Result:
    """A record year of deaths, body by body: each body's count is compared only with its own earlier years."""
    key = ("deaths record", period)
    if key not in reference.memo:
        reference.memo[key] = _deaths_record_of(period, reference)
    result: _Result = reference.memo[key]
    return result


def _deaths_record_of(period: str | None, reference: _Ref) -> _Result:
    if not period or len(period) != 4:
        return _Result(
            UNCHECKABLE,
            "a deaths record with no year: the reference has no list of single incidents",
        )
    year = int(period)
    deaths = reference.deaths_by_year[~reference.deaths_by_year["partial"]]
    verdicts, lines, sources = [], [], []
    for body, rows in deaths.groupby("body", sort=True):
        this, before = rows[rows["year"] == year], rows[rows["year"] < year]
        if this.empty or before.empty:
            continue
        top = before.loc[before["dead"].idxmax()]
        is_record = int(this["dead"].iloc[0]) > int(top["dead"])
        verdicts.append(is_record)
        lines.append(
            f"{body}: {year} {this['dead'].iloc[0]} {'>' if is_record else '≤'} {int(top['year'])} {top['dead']}"
        )
        sources.append(str(this["source_url"].iloc[0]))
    if not verdicts:
        return _Result(UNCHECKABLE, f"no body has counts for {year} and an earlier year")
    status = CONSISTENT if all(verdicts) else INCONSISTENT if not any(verdicts) else UNCHECKABLE
    note = "sources count differently; counts are minimums" + (
        "; the bodies disagree" if status == UNCHECKABLE else ""
    )
    return _Result(status, "; ".join(lines), "; ".join(dict.fromkeys(sources)), note)


def _check_superlative(
    fact: dict[str, Any], metric: str | None, ref_date: date | None, reference: _Ref
) -> _Result:
    subject, period = fact.get("subject"), fact.get("period")
    if subject in ("day", "week"):
        return _Result(UNCHECKABLE, f"the highest {subject}: the reference has no daily series")
    if subject == "year":
        return (
            _deaths_record(period, reference)
            if metric == "deaths"
            else _check_record(fact, metric, None, "exact", ref_date, reference)
        )
    if metric != "deaths":
        return _Result(
            UNCHECKABLE,
            f"superlative about {subject or metric or 'an unnamed count'}: no reference series to rank it in",
        )
    about = _about_sinking(period if period and len(period) == 10 else None, ref_date)
    if not about:
        return _Result(
            UNCHECKABLE,
            "a superlative about an incident: the reference ranks only the 24 Nov 2021 sinking",
        )
    reports = reference.reports
    dead = int([r for r in reports if _none(r["dead"]) is not None][-1]["dead"])
    compared = fact.get("compared_with") or ""
    since = re.fullmatch(r"since (\d{4})", compared)
    first = max(int(since.group(1)), FIRST_YEAR) if since else FIRST_YEAR
    bounds, gaps, sources = [], [], []
    for year in range(first, SINKING_DATE.year + 1):
        rows = [
            r
            for r in reference.deaths.get(year, [])
            if not r["partial"] and _SEA_SCOPE.search(str(r["scope"]))
        ]
        # a whole year's count at sea below the toll rules out a deadlier incident that year;
        # in the sinking's own year, what is left once the sinking is taken out
        own_year = year == SINKING_DATE.year
        others = [(int(r["dead"]) - (dead if own_year else 0), r) for r in rows]
        if others and all(n < dead for n, _ in others):
            counts = ", ".join(
                (f"{r['dead']} − {dead} = {n}" if own_year else f"{n}") + f" ({r['body']})"
                for n, r in others
            )
            bounds.append(
                f"{year}: {counts} {'other deaths' if own_year else 'dead at sea all year'} < {dead}"
            )
            sources += [str(r["source_url"]) for _, r in others]
        else:
            gaps.append(
                f"{year}: {'no count at sea held' if not others else f'a yearly count at sea ≥ {dead}'}"
            )
    steps = sorted(bounds + gaps)
    statements = [r for r in reports if _SAYS_RECORD.search(str(r["detail"] or ""))]
    sources = [str(r["source_url"]) for r in statements] + sources
    said = "; ".join(f'{r["by"]} ({_when(r["reported"])}): "{r["detail"]}"' for r in statements)
    arithmetic = f"{dead} dead on 24 Nov 2021; " + "; ".join(steps)
    note = (
        ""
        if about == "dated"
        else f"taken to be about the 24 Nov 2021 sinking (article dated {_day(ref_date)})"
    )
    if gaps:
        note = _join(
            note,
            "yearly counts cannot rule out a deadlier incident in "
            + ", ".join(g[:4] for g in gaps),
        )
    if statements:
        return _Result(
            CONSISTENT, f"{arithmetic}; said by {said}", "; ".join(dict.fromkeys(sources)), note
        )
    return _Result(
        CONSISTENT if not gaps else UNCHECKABLE, arithmetic, "; ".join(dict.fromkeys(sources)), note
    )


# --- small helpers ---------------------------------------------------------------------


def _fits(value: float, qualifier: str, low: float, high: float, tolerance: float) -> bool:
    """Does the article's range ("more than 25,700") meet the reference range [low, high] ± tolerance?"""
    a_low, a_high = {
        "at_least": (value, math.inf), "more_than": (value, math.inf), "about": (value * (1 - ABOUT), value * (1 + ABOUT)),
        "up_to": (0, value), "fewer_than": (0, value),
    }.get(qualifier, (value, value))  # fmt: skip
    return a_low <= high * (1 + tolerance) and a_high >= low * (1 - tolerance)


def _lowest(value: int, qualifier: str) -> float:
    return (
        value * (1 - ABOUT)
        if qualifier == "about"
        else 0
        if qualifier in ("up_to", "fewer_than")
        else value
    )


def _status(ok: bool) -> str:
    return CONSISTENT if ok else INCONSISTENT


def _n(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _shown(value: int, qualifier: str) -> str:
    return f"{_QUALIFIER_WORDS.get(qualifier, '')}{_n(value)}"


def _day(when: date | str | None) -> str:
    if when is None:
        return "an unknown date"
    d = date.fromisoformat(when) if isinstance(when, str) else when
    return f"{d.day} {_MONTH_ABBR[d.month - 1]} {d.year}"


def _when(reported: str) -> str:
    parts = str(reported).split("-")
    if len(parts) == 3:
        return _day(str(reported))
    return f"{_MONTH_ABBR[int(parts[1]) - 1]} {parts[0]}" if len(parts) == 2 else parts[0]


def _report_date(reported: str) -> date:
    parts = [int(p) for p in str(reported).split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _month_label(month: str) -> str:
    return f"{_MONTH_ABBR[int(month[5:7]) - 1]} {month[:4]}"


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _none(value: Any) -> Any:
    """pandas' missing values (NA, NaN, NaT) -> None; everything else as it is."""
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return None
    return value


def _reference_dates(articles: pd.DataFrame) -> dict[str, date]:
    dates: dict[str, date] = {}
    wanted = [c for c in ("article", "reference_date", "published") if c in articles.columns]
    for row in _facts(articles[wanted], None):
        when = _none(row.get("reference_date")) or _none(row.get("published"))
        if when is not None:
            dates[str(row["article"])] = pd.Timestamp(when).date()
    return dates


def _figures_by_sentence(figures: pd.DataFrame) -> dict[tuple[str, Any], list[dict[str, Any]]]:
    grouped: dict[tuple[str, Any], list[dict[str, Any]]] = {}
    for row in _facts(figures, None):
        grouped.setdefault((row["article"], row.get("sentence_start")), []).append(row)
    return grouped
