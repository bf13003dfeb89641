"""One article figure checked against the reference: arrivals in a year or so far this year, the 2021 sinking, deaths in a year."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

import pandas as pd

from lib.checks.common import (
    ARRIVALS_TOLERANCE,
    CONSISTENT,
    DEATHS_TOLERANCE,
    INCIDENT_WINDOW_DAYS,
    INCONSISTENT,
    UNCHECKABLE,
    Ref,
    Result,
    day_words,
    fits,
    join,
    lowest,
    month_words,
    none,
    number,
    report_date,
    status_of,
    when_words,
    with_qualifier,
)  # fmt: skip
from lib.record.reference import SINKING_DATE

_GROUP_IN_DETAIL = re.compile(r"(\d+)\s+(men|women|minors|children|girls|boys)\b", re.I)


def check_figure(fact: dict[str, Any], ref_date: date | None, reference: Ref) -> Result:
    """One figure against the record, by the period it is about (`period_start`/`period_end`).

    Arrivals against the Home Office daily series summed over that period (a day, a
    year so far, a month); a whole past year also against the published yearly total.
    The 24 Nov 2021 sinking against how its toll was reported; deaths in a year against
    every body's count; deaths of a day or a span against the IOM incidents in it.
    """
    metric = fact.get("metric")
    first, last = figure_span(fact)
    value, qualifier = fact["value"], fact.get("qualifier") or "exact"
    if metric == "crossings":
        if first is not None and last is not None and reference.covers(first, last):
            return _check_arrivals_daily(value, qualifier, first, last, ref_date, reference)
        return _check_arrivals(value, qualifier, fact.get("period"), ref_date, reference)
    if metric in ("deaths", "missing", "rescued", "on_board"):
        sinking = about_sinking(first, last, ref_date)
        if sinking:
            return _check_sinking(fact, sinking, ref_date, reference)
        if metric in ("deaths", "missing") and fact.get("group") is None and first and last:
            whole_year = (first, last) == (date(first.year, 1, 1), date(first.year, 12, 31))
            if metric == "deaths" and whole_year:
                return _check_deaths_year(value, qualifier, first.year, ref_date, reference)
            if reference.incident_rows:
                return _check_incidents(metric, value, qualifier, first, last, reference)
        when = period_text(first, last) if first and last else "with no period"
        return Result(
            UNCHECKABLE,
            f"no record series for {metric} {when}: the record holds arrivals, deaths and "
            "missing by incident (IOM) and by year, and the 24 Nov 2021 sinking",
        )
    return Result(UNCHECKABLE, f"no record series for the metric {metric!r}")


def figure_span(fact: dict[str, Any]) -> tuple[date | None, date | None]:
    """The days a figure is about: its `period_start`/`period_end`, else read from its `period`."""
    first, last = none(fact.get("period_start")), none(fact.get("period_end"))
    if first is not None and last is not None:
        return pd.Timestamp(first).date(), pd.Timestamp(last).date()
    period = none(fact.get("period"))
    if period and len(str(period)) == 10:
        day = date.fromisoformat(str(period))
        return day, day
    if period and len(str(period)) == 4:
        return date(int(period), 1, 1), date(int(period), 12, 31)
    return None, None


def period_text(first: date, last: date) -> str:
    """'on 24 Nov 2021', 'in 2021', 'from 1 Jan 2021 to 25 Nov 2021'."""
    if first == last:
        return f"on {day_words(first)}"
    if (first, last) == (date(first.year, 1, 1), date(first.year, 12, 31)):
        return f"in {first.year}"
    return f"from {day_words(first)} to {day_words(last)}"


# "Reported at the time as 1185 people", "... as the record day with 1295 people"
_REPORTED_AT_THE_TIME = re.compile(r"reported at the time as (?:the record day with )?(\d[\d,]*) people", re.I)
_LAG_DAYS = 2  # a running total published on a day counts arrivals up to a day or two before


def _check_arrivals_daily(
    value: int, qualifier: str, first: date, last: date, ref_date: date | None, reference: Ref
) -> Result:
    """Arrivals over days the Home Office daily series covers: a day, a year so far, a month, a whole year."""
    shown = with_qualifier(value, qualifier)
    when = period_text(first, last)
    total = reference.people_between(first, last)
    source = reference.daily_source
    note = "the daily series is provisional and may be revised"
    if first == last:
        said = _REPORTED_AT_THE_TIME.search(reference.day_notes.get(first, ""))
        ok = fits(value, qualifier, total, total, ARRIVALS_TOLERANCE)
        reported = int(said.group(1).replace(",", "")) if said else None
        if not ok and reported is not None and fits(value, qualifier, reported, reported, 0):
            return Result(
                CONSISTENT,
                f"{shown} {when} = {number(reported)}, as reported at the time; the Home Office daily series now has {number(total)}",
                source, join(note, "a revision: the day's count was changed after it was reported"),
            )  # fmt: skip
        sign = "≈" if ok else "≠"
        return Result(
            status_of(ok),
            f"{shown} {when} {sign} {number(total)} (Home Office daily series; ±3%)",
            source,
            join(note, reference.day_notes.get(first, "")),
        )
    whole_year = (first, last) == (date(first.year, 1, 1), date(first.year, 12, 31))
    published = reference.years.get(first.year) if whole_year else None
    if published is not None:
        published_total = int(published["people"])
        ok = fits(value, qualifier, published_total, published_total, ARRIVALS_TOLERANCE)
        revision = (
            f"; the daily series sums to {number(total)}, the published total is {number(published_total)}"
            if total != published_total
            else ""
        )
        return Result(
            status_of(ok),
            f"{shown} in {first.year} {'≈' if ok else '≠'} {number(published_total)} (all of {first.year}, "
            f"{published['status']}; ±3%){revision}",
            "; ".join(dict.fromkeys([str(published["source_url"]), source])),
            note,
        )
    low_last = max(first, last - timedelta(days=_LAG_DAYS)) if last == ref_date else last
    low = reference.people_between(first, low_last)
    ok = fits(value, qualifier, low, total, ARRIVALS_TOLERANCE)
    span = number(total) if low == total else f"{number(low)}–{number(total)}"
    lag = (
        f" (to {day_words(low_last)}–{day_words(last)}: a running total lags a day or two)"
        if low != total
        else ""
    )
    return Result(
        status_of(ok),
        f"{shown} {when} {'≈' if ok else 'vs'} {span}, the Home Office daily series summed over those days{lag}; ±3%",
        source,
        note,
    )


def _check_arrivals(
    value: int, qualifier: str, period: str | None, ref_date: date | None, reference: Ref
) -> Result:
    """Arrivals without the daily series (a bare `Reference`, or days it does not cover): by month or year."""
    shown = with_qualifier(value, qualifier)
    if not period:
        return Result(
            UNCHECKABLE,
            f"{shown}: the figure gives no period, so there is no total to set it against",
        )
    if len(period) >= 7:
        month = period[:7]
        row = reference.months.get(month)
        if row is None:
            return Result(
                UNCHECKABLE,
                f"{shown} on {period}: no daily series, and no monthly figure for {month}",
            )
        total = int(row["people"])
        source = str(row["source_url"])
        label = month_words(month)
        if len(period) == 10:
            if fits(value, qualifier, 0, total, ARRIVALS_TOLERANCE):
                return Result(
                    UNCHECKABLE,
                    f"{shown} on {day_words(period)} ≤ {number(total)} (all of {label}): no daily series to check one day against",
                    source,
                )
            return Result(
                INCONSISTENT,
                f"{shown} on {day_words(period)} > {number(total)}, the total for all of {label}",
                source,
            )
        ok = fits(value, qualifier, total, total, ARRIVALS_TOLERANCE)
        return Result(
            status_of(ok), f"{shown} in {label} vs {number(total)} (monthly total, ±3%)", source
        )
    year = int(period[:4])
    found = reference.years.get(year)
    if found is None:
        return Result(
            UNCHECKABLE, f"{shown} in {year}: no published total for {year} in the reference"
        )
    total, status = int(found["people"]), str(found["status"])
    source = str(found["source_url"])
    note = f"{year} is provisional and may be revised" if status == "provisional" else ""
    if ref_date is None:
        return Result(
            UNCHECKABLE,
            f"{shown} in {year}; all of {year}: {number(total)} ({status}). The article has no reference date, so the count may be for part of the year",
            source, note,
        )  # fmt: skip
    if year > ref_date.year:
        return Result(
            UNCHECKABLE,
            f"{shown} in {year}, an article dated {day_words(ref_date)}: a year still to come",
        )
    if year < ref_date.year:
        ok = fits(value, qualifier, total, total, ARRIVALS_TOLERANCE)
        sign = "≈" if ok else "≠"
        return Result(
            status_of(ok),
            f"{shown} in {year} {sign} {number(total)} (all of {year}, {status}; ±3%)",
            source,
            note,
        )
    low, high, text, sources = year_to_date(reference, year, ref_date)
    ok = fits(value, qualifier, low, high, ARRIVALS_TOLERANCE)
    if low == 0:
        note = join(note, f"no monthly series for {year}: only the upper bound was checked")
    verdict = (
        f"a year-to-date figure of {shown} is plausible"
        if ok
        else f"{shown} is outside {number(low)}–{number(high)} (±3%)"
    )
    arithmetic = f"{shown} by {day_words(ref_date)} {'≤' if lowest(value, qualifier) <= total else '>'} {number(total)} (all of {year}, {status})"
    arithmetic += f"; {text}: {verdict}" if text else f": {verdict}"
    return Result(status_of(ok), arithmetic, "; ".join(dict.fromkeys([source, *sources])), note)


def year_to_date(reference: Ref, year: int, ref_date: date) -> tuple[int, int, str, list[str]]:
    """(lower, upper, arithmetic, sources) for the count from 1 January to `ref_date`.

    From the daily series where it covers the days (to ref_date, and to a day or two before
    it: a running total lags). Else from monthly sums: lower, the months before
    ref_date's month; upper, those plus ref_date's month, never above the full-year
    total. Without monthly figures for the year: (0, full year).
    """
    total = int(reference.years[year]["people"])
    first = date(year, 1, 1)
    if reference.covers(first, ref_date):  # the daily series: the count to that very day
        low_last = max(first, ref_date - timedelta(days=_LAG_DAYS))
        low, high = reference.people_between(first, low_last), reference.people_between(first, ref_date)
        text = (
            f"the Home Office daily series from 1 Jan {year} to {day_words(low_last)}–{day_words(ref_date)} "
            f"gives {number(low)}–{number(high)} (a running total lags a day or two)"
        )
        return low, high, text, [reference.daily_source]
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
    label = calendar.month_abbr[ref_date.month]
    if before:
        span = f"Jan–{calendar.month_abbr[ref_date.month - 1]}" if ref_date.month > 2 else "Jan"
        text = (
            f"{span} {year} monthly sum {number(low)} + {label} {year} {number(this_month)} = {number(low + this_month)} "
            f"for Jan–{label}, so by {day_words(ref_date)} the count was between {number(low)} and {number(high)}"
        )
    else:
        text = f"Jan {year} {number(this_month)}, so by {day_words(ref_date)} the count was between 0 and {number(high)}"
    return (
        low,
        high,
        text,
        list(dict.fromkeys(str(months[m]["source_url"]) for m in [*before, current])),
    )


def about_sinking(first: date | None, last: date | None, ref_date: date | None) -> str | None:
    """How a figure is tied to the 24 Nov 2021 sinking: "dated" that day, "assumed" when undated just after, else None."""
    if first == SINKING_DATE and last == SINKING_DATE:
        return "dated"
    if (
        first is None
        and ref_date is not None
        and SINKING_DATE <= ref_date <= SINKING_DATE + timedelta(days=INCIDENT_WINDOW_DAYS)
    ):
        return "assumed"
    return None


def _check_incidents(
    metric: str, value: int, qualifier: str, first: date, last: date, reference: Ref
) -> Result:
    """Deaths or missing over a day or a span against the IOM incidents in it (a day either side of one day)."""
    shown = with_qualifier(value, qualifier)
    when = period_text(first, last)
    low, high = (first - timedelta(days=1), last + timedelta(days=1)) if first == last else (first, last)
    rows = reference.incidents_between(low, high)
    field = "dead" if metric == "deaths" else "missing"
    counted = sum(int(r[field]) for r in rows)
    with_missing = sum(int(r["dead_and_missing"]) for r in rows)
    sources = "; ".join(dict.fromkeys(str(r["source_url"]) for r in rows)) or (
        "https://missingmigrants.iom.int/downloads"
    )
    note = "IOM counts are minimums, revised as reports come in, and cover the whole route to the UK (lorries, camps, roads too)"
    if not rows:
        return Result(
            UNCHECKABLE,
            f"{shown} {metric} {when}: the IOM Missing Migrants Project records no incident then",
            sources,
            note,
        )
    listing = "; ".join(
        f"{day_words(pd.Timestamp(r['date']).date())} {r['place']}: {r['dead']} dead, {r['missing']} missing"
        for r in rows[:5]
    ) + (f"; and {len(rows) - 5} more" if len(rows) > 5 else "")
    slack = max(1.0, DEATHS_TOLERANCE * counted)
    top = with_missing if metric == "deaths" else counted  # the missing may be presumed dead
    ok = fits(value, qualifier, counted - slack, top + slack, 0)
    span = number(counted) if top == counted else f"{number(counted)}–{number(top)} (with the missing)"
    return Result(
        status_of(ok),
        f"{shown} {metric} {when} {'fits' if ok else 'vs'} {span}, IOM's {len(rows)} incident(s) "
        f"({listing}); ±{number(round(slack))}",
        sources,
        note,
    )


_SINKING_FIELD = {
    "deaths": "dead",
    "missing": "missing",
    "rescued": "survivors",
    "on_board": "on_board",
}


def _check_sinking(fact: dict[str, Any], how: str, ref_date: date | None, reference: Ref) -> Result:
    reports = reference.reports
    metric, value = fact["metric"], fact["value"]
    qualifier, group = fact.get("qualifier") or "exact", fact.get("group")
    shown = with_qualifier(value, qualifier) + (f" {group}" if group else "")
    field = _SINKING_FIELD[metric]
    given = [r for r in reports if none(r[field]) is not None]
    note = (
        ""
        if how == "dated"
        else f"the figure has no date; taken to be the 24 Nov 2021 sinking (article dated {day_words(ref_date)})"
    )
    if group:
        return _check_sinking_group(fact, shown, reports, note)
    latest = given[-1]
    low = int(latest[field])
    high = low + int(none(latest["missing"]) or 0) if metric == "deaths" else low
    history = " → ".join(f"{r[field]} ({r['by']}, {when_words(r['reported'])})" for r in given)
    if metric == "deaths":
        history = " → ".join(
            f"{r['dead']}{' + ' + str(r['missing']) + ' missing' if none(r['missing']) else ''} ({r['by']}, {when_words(r['reported'])})"
            for r in given
        )
    revised = len({int(r[field]) for r in given}) > 1
    sources = "; ".join(dict.fromkeys(str(r["source_url"]) for r in given))
    span = f"{number(low)}–{number(high)}" if high != low else number(low)
    if metric == "deaths":
        note = join(
            note,
            f"the toll was first reported as {given[0]['dead']}, revised to {low} the same night; "
            f"later reports add {high - low} missing presumed dead ({low} + {high - low} = {high})",
        )
    elif revised:
        note = join(note, f"first reported as {given[0][field]}, later {low}")
    if fits(value, qualifier, low, high, 0):
        what = "the revised toll" if metric == "deaths" else "the latest report"
        return Result(
            CONSISTENT,
            f"{shown} vs reports: {history}: {shown} fits {span}, consistent with {what}",
            sources,
            note,
        )
    known = [r for r in given if ref_date is not None and report_date(r["reported"]) <= ref_date]
    matching = [r for r in known if fits(value, qualifier, int(r[field]), int(r[field]), 0)]
    if matching:
        r = matching[-1]
        return Result(
            CONSISTENT,
            f"{shown} vs reports: {history}: {shown} matches what {r['by']} reported on {when_words(r['reported'])}, before the article; later revised to {span}",
            sources, note,
        )  # fmt: skip
    return Result(
        INCONSISTENT,
        f"{shown} vs reports: {history}: {shown} does not fit {span} or any report made by the article's date",
        sources,
        note,
    )


def _check_sinking_group(
    fact: dict[str, Any], shown: str, reports: list[dict[str, Any]], note: str
) -> Result:
    """Who died, against the prosecutors' breakdown "17 men, 7 women (one pregnant), 3 minors"."""
    group = fact["group"]
    alike = {"children": ("children", "minors"), "minors": ("minors", "children")}.get(
        group, (group,)
    )
    for r in reports:
        counts = {g.lower(): int(n) for n, g in _GROUP_IN_DETAIL.findall(str(r["detail"] or ""))}
        for g in alike:
            if g in counts:
                ok = fits(fact["value"], fact.get("qualifier") or "exact", counts[g], counts[g], 0)
                wording = "" if g == group else f" (the report says {g})"
                return Result(
                    status_of(ok),
                    f"{shown} {'=' if ok else '≠'} {counts[g]} {g} ({r['by']}, {when_words(r['reported'])}: \"{r['detail']}\"){wording}",
                    str(r["source_url"]), note,
                )  # fmt: skip
    return Result(
        UNCHECKABLE,
        f"{shown}: no report in the reference breaks the dead down by {group}",
        "",
        note,
    )


def _check_deaths_year(
    value: int, qualifier: str, year: int, ref_date: date | None, reference: Ref
) -> Result:
    shown = with_qualifier(value, qualifier)
    rows = reference.deaths.get(year, [])
    if not rows:
        return Result(
            UNCHECKABLE, f"{shown} deaths in {year}: no count for {year} in the reference"
        )
    usable = [r for r in rows if not r["partial"] and not str(r["confidence"]).startswith("low")]
    usable = usable or [r for r in rows if not r["partial"]]
    listing = "; ".join(_count_label(r) for r in rows)
    note = f"sources count differently — {listing}; every count is a minimum"
    sources = "; ".join(f"{r['body']}: {r['source_url']}" for r in rows)
    if not usable:
        return Result(
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
    ok = fits(value, qualifier, low - slack, high + slack, 0)
    span = (
        f"0–{number(high)} (the year was not over at {day_words(ref_date)}: upper bound only)"
        if in_progress
        else (f"{number(low)}–{number(high)}" if low != high else number(low))
    )
    verb = "is within" if ok else "is outside"
    return Result(
        status_of(ok),
        f"{shown} deaths in {year} vs {listing}: {shown} {verb} {span} (±{number(round(slack))})",
        sources,
        note,
    )


def _count_label(row: dict[str, Any]) -> str:
    missing = f" + {row['missing']} missing" if none(row["missing"]) else ""
    extra = []
    if row["partial"]:
        extra.append(f"partial year, as of {row['as_of']}")
    if str(row["confidence"]).startswith("low"):
        extra.append("low confidence, not used")
    tail = f" ({'; '.join(extra)})" if extra else ""
    return f"{row['body']} {row['dead']}{missing} [{row['scope']}]{tail}"


# --- claims ----------------------------------------------------------------------------
