"""One article claim checked against the reference: ratios, changes, milestones, records and superlatives."""

from __future__ import annotations

import calendar
import math
import re
from datetime import date
from typing import Any

from lib.checks.common import (
    ARRIVALS_TOLERANCE,
    CHANGE_TOLERANCE,
    CONSISTENT,
    INCONSISTENT,
    RATIO_TOLERANCE,
    UNCHECKABLE,
    Ref,
    Result,
    day_words,
    join,
    none,
    number,
    status_of,
    when_words,
    with_qualifier,
)  # fmt: skip
from lib.checks.figures import about_sinking, year_to_date
from lib.record.reference import FIRST_YEAR, SINKING_DATE

_SEA_SCOPE = re.compile(
    r"at sea|SAR zone|small boats", re.I
)  # counts at sea only: no lorries, no land
_SAYS_RECORD = re.compile(r"worst|deadliest|on record", re.I)


def check_claim(
    fact: dict[str, Any], linked: list[dict[str, Any]], ref_date: date | None, reference: Ref
) -> Result:
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
    reference: Ref,
) -> Result:
    if claim_type in ("ratio", "change"):
        return _check_ratio(fact, metric, value, qualifier, ref_date, reference)
    if claim_type == "milestone":
        return _check_milestone(fact, metric, ref_date, reference)
    if claim_type == "record":
        return _check_record(fact, metric, value, qualifier, ref_date, reference)
    if claim_type == "superlative":
        return _check_superlative(fact, metric, ref_date, reference)
    return Result(UNCHECKABLE, f"no check for claims of type {claim_type!r}")


def _count_for(
    period: str | None, ref_date: date | None, reference: Ref
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
        return total, total, f"{number(total)} (all of {year}, {status})", [source]
    low, high, text, sources = year_to_date(reference, year, ref_date)
    wording = text or f"at most {number(total)} (all of {year}, {status}; no monthly series)"
    return low, high, wording, [source, *sources]


def _check_ratio(
    fact: dict[str, Any],
    metric: str | None,
    value: int | None,
    qualifier: str,
    ref_date: date | None,
    reference: Ref,
) -> Result:
    factor, compared = fact.get("factor"), fact.get("compared_with") or ""
    if metric not in ("crossings", None) or factor is None:
        return Result(
            UNCHECKABLE,
            f"ratio of {metric or 'an unnamed count'}: only crossings have a series to divide by",
        )
    m = re.fullmatch(r"(\d{4}) (total|same period)", compared)
    if not m:
        return Result(
            UNCHECKABLE,
            f"compared with {compared or 'nothing named'}: not a year the reference has a total for",
        )
    base_year = int(m.group(1))
    row = reference.years.get(base_year)
    if row is None or (
        ref_date is not None and base_year >= ref_date.year and m.group(2) == "total"
    ):
        return Result(
            UNCHECKABLE, f"no complete published total for {base_year} at the article's date"
        )
    sources = [str(row["source_url"])]
    base_note = ""
    if m.group(2) == "total":
        base = int(row["people"])
        base_text = f"{number(base)} (all of {base_year}, {row['status']})"
        base_note = str(none(row["note"]) or "")
    else:
        if ref_date is None:
            return Result(
                UNCHECKABLE, "same period of another year, but the article has no reference date"
            )
        span = [f"{base_year}-{mm:02d}" for mm in range(1, ref_date.month + 1)]
        months = reference.months
        if any(s not in months for s in span):
            return Result(
                UNCHECKABLE, f"same period of {base_year}: no monthly series for {base_year}"
            )
        base = sum(int(months[s]["people"]) for s in span)
        base_text = (
            f"{number(base)} (Jan–{calendar.month_abbr[ref_date.month]} {base_year}, monthly sum)"
        )
        sources += list(dict.fromkeys(str(months[s]["source_url"]) for s in span))
    if value is not None:
        low = high = float(value)
        count_text, origin = with_qualifier(value, qualifier), "the article's own figure"
        if qualifier in ("more_than", "at_least"):
            high = math.inf
    else:
        count = _count_for(fact.get("period"), ref_date, reference)
        if count is None:
            return Result(
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
    ratio_text = f"{number(round(point))} ÷ {number(base)} = {point / base:.2f}"
    if value is None and low != high:
        ratio_text = f"{number(round(low))}–{number(round(high))} ÷ {number(base)} = {lo_ratio:.2f}–{hi_ratio:.2f}"
    arithmetic = (
        f"{factor:g} {word} {base_text} = {number(round(expected))} {compare} {count_text}; {ratio_text}: "
        f"{'' if ok else 'not '}{band}"
    )
    note = join(f"the count compared is {origin}", f"{base_year}: {base_note}" if base_note else "")
    return Result(status_of(ok), arithmetic, "; ".join(dict.fromkeys(sources)), note)


def _check_milestone(
    fact: dict[str, Any], metric: str | None, ref_date: date | None, reference: Ref
) -> Result:
    mark = fact.get("value")
    if mark is None or metric not in ("crossings", None):
        return Result(UNCHECKABLE, f"milestone of {metric}: only crossings have a series")
    period, note = fact.get("period"), "" if metric else "taken to count crossings"
    if not period and ref_date is not None:
        period, note = (
            str(ref_date.year),
            join(note, f"no year given: taken to be {ref_date.year}, the article's year"),
        )
    count = _count_for(period, ref_date, reference)
    if count is None:
        return Result(
            UNCHECKABLE,
            f"the {number(mark)} mark: no reference count for {period or 'an unknown year'}",
            "",
            note,
        )
    low, high, text, sources = count
    if high * (1 + ARRIVALS_TOLERANCE) < mark:
        return Result(
            INCONSISTENT,
            f"{text}: at most {number(high)} < {number(mark)}, so the mark had not been reached",
            "; ".join(sources),
            note,
        )
    reached = (
        f"{number(low)} ≥ {number(mark)}: passed before the month began"
        if low >= mark
        else f"{number(high)} ≥ {number(mark)}"
    )
    return Result(CONSISTENT, f"{text}: {reached}", "; ".join(dict.fromkeys(sources)), note)


def _check_record(
    fact: dict[str, Any],
    metric: str | None,
    value: int | None,
    qualifier: str,
    ref_date: date | None,
    reference: Ref,
) -> Result:
    if fact.get("compared_with") == "single day" or fact.get("subject") in ("day", "week"):
        return Result(
            UNCHECKABLE, "a record for a single day or week: the reference has no daily series"
        )
    period = fact.get("period")
    if metric == "deaths":
        return _deaths_record(period, reference)
    if not period or len(period) != 4:
        return Result(UNCHECKABLE, "a record with no year: nothing to compare")
    year = int(period)
    years = list(reference.years.values())  # in the reference's order
    earlier = [r for r in years if r["year"] < year]
    if not earlier:
        return Result(UNCHECKABLE, f"no earlier year than {year} in the reference")
    best = max(earlier, key=lambda r: r["people"])  # the first of equals, as idxmax
    best_text = f"the previous highest, {int(best['year'])}: {number(int(best['people']))}"
    if value is not None:
        low, high = (
            float(value),
            math.inf if qualifier in ("more_than", "at_least") else float(value),
        )
        text, sources = with_qualifier(value, qualifier), [str(best["source_url"])]
    else:
        count = _count_for(period, ref_date, reference)
        if count is None:
            return Result(UNCHECKABLE, f"no reference count for {year}")
        low, high, text, sources = (
            float(count[0]),
            float(count[1]),
            count[2],
            [str(best["source_url"]), *count[3]],
        )
    later = [r for r in years if r["year"] > year and r["people"] > max(low, float(best["people"]))]
    overtaken = ", ".join(f"{int(r['year'])}: {number(int(r['people']))}" for r in later)
    note = ("taken to count crossings; " if metric is None else "") + (
        f"later overtaken: {overtaken}" if later else ""
    )
    if low > best["people"]:
        return Result(
            CONSISTENT, f"{text} > {best_text}", "; ".join(dict.fromkeys(sources)), note.strip("; ")
        )
    if high <= best["people"]:
        return Result(
            INCONSISTENT,
            f"{text} ≤ {best_text}",
            "; ".join(dict.fromkeys(sources)),
            note.strip("; "),
        )
    return Result(
        UNCHECKABLE,
        f"{text} vs {best_text}: the year was not over",
        "; ".join(dict.fromkeys(sources)),
        note.strip("; "),
    )


def _deaths_record(period: str | None, reference: Ref) -> Result:
    """A record year of deaths, body by body: each body's count is compared only with its own earlier years."""
    key = ("deaths record", period)
    if key not in reference.memo:
        reference.memo[key] = _deaths_record_of(period, reference)
    result: Result = reference.memo[key]
    return result


def _deaths_record_of(period: str | None, reference: Ref) -> Result:
    if not period or len(period) != 4:
        return Result(
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
        return Result(UNCHECKABLE, f"no body has counts for {year} and an earlier year")
    status = CONSISTENT if all(verdicts) else INCONSISTENT if not any(verdicts) else UNCHECKABLE
    note = "sources count differently; counts are minimums" + (
        "; the bodies disagree" if status == UNCHECKABLE else ""
    )
    return Result(status, "; ".join(lines), "; ".join(dict.fromkeys(sources)), note)


def _check_superlative(
    fact: dict[str, Any], metric: str | None, ref_date: date | None, reference: Ref
) -> Result:
    subject, period = fact.get("subject"), fact.get("period")
    if subject in ("day", "week"):
        return Result(UNCHECKABLE, f"the highest {subject}: the reference has no daily series")
    if subject == "year":
        return (
            _deaths_record(period, reference)
            if metric == "deaths"
            else _check_record(fact, metric, None, "exact", ref_date, reference)
        )
    if metric != "deaths":
        return Result(
            UNCHECKABLE,
            f"superlative about {subject or metric or 'an unnamed count'}: no reference series to rank it in",
        )
    day = date.fromisoformat(period) if period and len(period) == 10 else None
    about = about_sinking(day, day, ref_date)
    if not about:
        return Result(
            UNCHECKABLE,
            "a superlative about an incident: the reference ranks only the 24 Nov 2021 sinking",
        )
    reports = reference.reports
    dead = int([r for r in reports if none(r["dead"]) is not None][-1]["dead"])
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
    said = "; ".join(
        f'{r["by"]} ({when_words(r["reported"])}): "{r["detail"]}"' for r in statements
    )
    arithmetic = f"{dead} dead on 24 Nov 2021; " + "; ".join(steps)
    note = (
        ""
        if about == "dated"
        else f"taken to be about the 24 Nov 2021 sinking (article dated {day_words(ref_date)})"
    )
    if gaps:
        note = join(
            note,
            "yearly counts cannot rule out a deadlier incident in "
            + ", ".join(g[:4] for g in gaps),
        )
    if statements:
        return Result(
            CONSISTENT, f"{arithmetic}; said by {said}", "; ".join(dict.fromkeys(sources)), note
        )
    return Result(
        CONSISTENT if not gaps else UNCHECKABLE, arithmetic, "; ".join(dict.fromkeys(sources)), note
    )
