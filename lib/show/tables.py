"""The official context in words and tables: what each context chart shows, who counts what, and the checks as a table.

Each chart of the Figures page gets a sentence and a table beneath it, so a reader who
cannot see the chart reads the same figures. Everything returned is plain text or a
DataFrame; the page escapes text before Markdown renders it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from lib.checks import ARRIVALS_TOLERANCE, CONSISTENT, INCONSISTENT, UNCHECKABLE
from lib.checks.common import month_words
from lib.corpus.headlines import PERIOD_KINDS, period_kind
from lib.record.incidents import incident_totals, incidents_between
from lib.record.reference import Reference
from lib.record.series import arrivals_between, series_span, shown_span
from lib.schema import METRIC_WORDS
from lib.show.cite import permalinks
from lib.show.labels import day_words, figure_period, period_words, present, qualified

STATUSES = (CONSISTENT, INCONSISTENT, UNCHECKABLE)
STATUS_LEGEND: dict[str, str] = {
    CONSISTENT: "the article's figure fits the official one, within the tolerance the arithmetic shows",
    INCONSISTENT: "it does not fit, even allowing for that tolerance",
    UNCHECKABLE: "no official series covers it (a single day, a breakdown no report gives, "
    "a year not yet over) or the sources disagree; the arithmetic says which",
}
CHECK_TABLE_COLUMNS = (
    "status", "checked", "evidence", "arithmetic", "note", "sentence", "article", "in the reader",
    "source", "sources",
)  # fmt: skip
READER_COLUMN = "in the reader"  # a permalink: the Sources reader at the fact's sentence, outlined
_URL = re.compile(r"https?://[^\s;,]+")


def months_in_window(
    arrivals_by_month: pd.DataFrame, first: date | None, last: date | None
) -> pd.DataFrame:
    """The months that overlap [first, last] (both inclusive; None leaves that end open).

    >>> months = pd.DataFrame({"month": ["2021-10", "2021-11", "2021-12"]})
    >>> months_in_window(months, date(2021, 11, 24), date(2021, 11, 29))["month"].tolist()
    ['2021-11']
    """
    starts = pd.to_datetime(arrivals_by_month["month"].astype(str) + "-01")
    ends = starts + pd.offsets.MonthEnd(0)
    mask = pd.Series(True, index=arrivals_by_month.index)
    if first is not None:
        mask &= ends >= pd.Timestamp(first)
    if last is not None:
        mask &= starts <= pd.Timestamp(last)
    return arrivals_by_month[mask].reset_index(drop=True)


def timeline_window(
    fact_dates: pd.Series, date_from: date | None, date_to: date | None
) -> tuple[date | None, date | None]:
    """The dates an overlay on the timeline covers: the date filter, else the span of the facts shown.

    A bound left empty in the sidebar falls back to the first (or last) fact's date, so
    the overlay never stretches the timeline beyond its facts; no facts and no filter
    leave it open (None).
    """
    dates = pd.to_datetime(fact_dates).dropna()
    first = date_from or (dates.min().date() if len(dates) else None)
    last = date_to or (dates.max().date() if len(dates) else None)
    return first, last


def _people(n: int) -> str:
    return f"{int(n):,}"


def yearly_arrivals_summary(arrivals_by_year: pd.DataFrame) -> str:
    """The yearly arrivals chart in one sentence, every year with its status."""
    if arrivals_by_year.empty:
        return "No yearly arrivals in the reference."
    years = arrivals_by_year.sort_values("year")
    parts = [
        f"{_people(r['people'])} in {int(r['year'])} ({r['status']})"
        for r in years.to_dict("records")
    ]
    top = years.loc[years["people"].idxmax()]
    return (
        "Home Office count of people detected arriving by small boat: "
        + ", ".join(parts)
        + f". Highest: {_people(top['people'])} in {int(top['year'])}."
    )


def monthly_arrivals_summary(arrivals_by_month: pd.DataFrame) -> str:
    """The monthly arrivals shown, in one sentence: span, status, lowest and highest month, yearly sums."""
    if arrivals_by_month.empty:
        return "No monthly arrivals in the reference for these dates."
    months = arrivals_by_month.sort_values("month")
    low = months.loc[months["people"].idxmin()]
    high = months.loc[months["people"].idxmax()]
    first, last = str(months["month"].iloc[0]), str(months["month"].iloc[-1])
    span = (
        month_words(first) if first == last else f"{month_words(first)} to {month_words(last)}"
    )
    statuses = " and ".join(s for s in ("final", "provisional") if s in set(months["status"]))
    text = f"Home Office monthly arrivals, {span} ({statuses}): "
    if len(months) == 1:
        return text + f"{_people(low['people'])} people."
    sums = months.groupby(months["month"].astype(str).str[:4])["people"].agg(["sum", "size"])
    totals = ", ".join(
        f"{_people(row['sum'])} in {year}"
        + ("" if row["size"] == 12 else f" ({row['size']} months)")
        for year, row in sums.iterrows()
    )
    return (
        text
        + f"lowest {_people(low['people'])} in {month_words(str(low['month']))}, "
        + f"highest {_people(high['people'])} in {month_words(str(high['month']))}; "
        + f"the months add up to {totals}."
    )


def arrivals_table(arrivals: pd.DataFrame, *, period: str) -> pd.DataFrame:
    """Rows of an arrivals series for the table beneath its chart: period, people, boats, status, source (and note)."""
    columns = [period, "people", "boats", "status", "source_url"] + (
        ["note"] if "note" in arrivals else []
    )
    return arrivals[columns].rename(columns={"source_url": "source"}).reset_index(drop=True)


def counting_scopes(deaths_by_year: pd.DataFrame) -> pd.DataFrame:
    """What each counting body counts: columns body, scope (its most frequent), other scopes, years, counts.

    A scope is read up to its first ";" ("French SAR zone; includes 27 dead of 24 Nov
    2021" is the French SAR zone). Bodies with the most yearly counts come first, as in
    the deaths chart's legend.
    """
    rows = []
    order = deaths_by_year["body"].value_counts(sort=True).index.tolist()
    for body in order:
        mine = deaths_by_year[deaths_by_year["body"] == body].sort_values("year")
        scopes = mine["scope"].astype(str).str.split(";").str[0].str.strip().value_counts()
        years = sorted({int(y) for y in mine["year"]})
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        rows.append({
            "body": str(body), "scope": str(scopes.index[0]), "other scopes": list(scopes.index[1:]),
            "years": span, "counts": len(mine),
        })  # fmt: skip
    return pd.DataFrame(rows, columns=["body", "scope", "other scopes", "years", "counts"])


def scopes_sentence(deaths_by_year: pd.DataFrame) -> str:
    """Who counts what, in one sentence, for the deaths chart's caption."""
    scopes = counting_scopes(deaths_by_year)
    return (
        "All counts are minimums, and each body counts something different — "
        + "; ".join(f"{r['body']}: {r['scope']}" for r in scopes.to_dict("records"))
        + ". Counts of one year by different bodies are never added together."
    )


def deaths_summary(deaths_by_year: pd.DataFrame) -> str:
    """Deaths per year as the range of the bodies' counts, in one sentence (the chart's text alternative)."""
    if deaths_by_year.empty:
        return "No deaths counts in the reference."
    parts = []
    for year, rows in deaths_by_year.groupby("year", sort=True):
        low, high = int(rows["dead"].min()), int(rows["dead"].max())
        bodies = rows["body"].nunique()
        counted = f"{low}" if low == high else f"{low} to {high}"
        parts.append(f"{int(year)}: {counted} ({bodies} bod{'y' if bodies == 1 else 'ies'})")
    return (
        "Deaths counted per year, lowest to highest count (each a minimum): "
        + "; ".join(parts)
        + ". The spread comes from what each body counts, and from partial-year counts."
    )


def deaths_table(deaths_by_year: pd.DataFrame) -> pd.DataFrame:
    """The deaths counts for the table beneath the chart, one row per year and body."""
    table = deaths_by_year.sort_values(["year", "dead"], ascending=[True, False])
    return pd.DataFrame({
        "year": table["year"], "body": table["body"], "dead (at least)": table["dead"],
        "missing": table["missing"], "scope": table["scope"], "as of": table["as_of"],
        "partial year": table["partial"], "confidence": table["confidence"],
        "reported by": table["source_org"], "source": table["source_url"], "note": table["note"],
    }).reset_index(drop=True)  # fmt: skip


def markers_sentence(
    markers: pd.DataFrame, titles: Mapping[str, str] | None = None, *, most: int = 20
) -> str:
    """The article figures placed on a chart (from `context_charts.chart_markers`), in one sentence.

    The first `most` markers are named, and how many more there are.
    """
    if markers.empty:
        return ""
    titles = titles or {}
    placed = []
    for r in markers.head(most).to_dict("records"):
        reports = int(r.get("reports", 1) or 1)
        others = f", and {reports - 1:,} more report(s) of it" if reports > 1 else ""
        title = titles.get(r["article"], r["article"])
        placed.append(f"{r['figure']} (“{r['evidence']}”, {title}{others})")
    rest = len(markers) - len(placed)
    more = f"; and {rest:,} more (the checks below list every figure)" if rest > 0 else ""
    return "Article figures marked (diamonds): " + "; ".join(placed) + more + "."


def differences(reference: Reference) -> list[str]:
    """Where the sources count differently, one plain sentence each, from the reference data itself."""
    deaths = reference.deaths_by_year
    spread = deaths.groupby("year")["dead"].agg(["min", "max"])
    widest = (spread["max"] - spread["min"]).idxmax() if len(spread) else None
    lines = [
        "Deaths: every count is a minimum, and each body counts a different scope (named under "
        "the deaths chart), so one year's counts differ"
        + (
            f" — {int(widest)}: {int(spread.loc[widest, 'min'])} to {int(spread.loc[widest, 'max'])}"
            if widest is not None
            else ""
        )
        + ". The checks name every body's count and never add counts together."
    ]
    lines.append(
        "Arrivals: one Home Office series of people detected arriving by small boat, each year "
        "final or provisional (provisional years may be revised). Other published totals can "
        "differ by a few people (the notes of the yearly table give them), so the checks allow "
        f"±{ARRIVALS_TOLERANCE:.0%}."
    )
    months = reference.arrivals_by_month
    sums = months.groupby("year")["people"].agg(["sum", "size"])
    for year, row in sums[sums["size"] == 12].iterrows():
        total = reference.arrivals_by_year.loc[reference.arrivals_by_year["year"] == year, "people"]
        if len(total) and int(total.iloc[0]) != int(row["sum"]):
            lines.append(
                f"The monthly figures for {year} add up to {_people(row['sum'])}; the published "
                f"total for {year} is {_people(total.iloc[0])}."
            )
    reports = reference.sinking_reports
    dead = reports[reports["dead"].notna()]
    if len(dead):
        first, latest = dead.iloc[0], dead.iloc[-1]
        missing = int(latest["missing"]) if pd.notna(latest["missing"]) else 0
        lines.append(
            f"The sinking of 24 November 2021: first reported as {int(first['dead'])} dead "
            f"({first['by']}), revised to {int(latest['dead'])}"
            + (
                f"; later reports add {missing} missing, presumed dead ({latest['by']})"
                if missing
                else ""
            )
            + "."
        )
    return lines


def status_summary(checks: pd.DataFrame) -> str:
    """How many checks ended in each status: '3 checked: 2 consistent, 0 inconsistent, 1 cannot be checked.'"""
    counts = checks["status"].value_counts()
    return (
        f"{len(checks)} checked: "
        + ", ".join(f"{int(counts.get(s, 0))} {s}" for s in STATUSES)
        + "."
    )


def checks_table(checks: pd.DataFrame, titles: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The checks of `lib.checks.check_facts` for the claims table: status first, article titles, source links.

    Columns: status, checked (figure or claim), evidence, arithmetic, note, sentence,
    article (its title), source (the first reference URL) and sources (every URL).
    """
    titles = titles or {}
    urls = [_URL.findall(str(s)) for s in checks["reference_source"].fillna("")]
    return pd.DataFrame({
        "status": checks["status"].astype(str), "checked": checks["kind"].astype(str),
        "evidence": checks["evidence"], "arithmetic": checks["arithmetic"], "note": checks["note"],
        "sentence": checks["sentence"], "article": [titles.get(a, a) for a in checks["article"]],
        READER_COLUMN: permalinks(checks),
        "source": [u[0] if u else None for u in urls], "sources": [list(dict.fromkeys(u)) for u in urls],
    }, columns=list(CHECK_TABLE_COLUMNS)).reset_index(drop=True)  # fmt: skip


def source_links(urls: pd.Series | list[str]) -> str:
    """Distinct source URLs as Markdown links named by their site: '[github.com](https://github.com/...)'.

    The URLs are the reference's own (validated as http(s) with no spaces); brackets in
    them are percent-encoded so a link cannot end early.
    """
    links = []
    for url in dict.fromkeys(str(u) for u in urls):
        site = re.sub(r"^https?://(?:www\.)?([^/]+).*$", r"\1", url)
        target = url.replace("(", "%28").replace(")", "%29")
        links.append(f"[{site}]({target})")
    return ", ".join(links)


def figures_table(figures: pd.DataFrame, titles: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Figures as a table in words: the number, what it counts, its period and what kind, the sentence, the article.

    No internal codes: qualifiers in words ("more than"), the period in words ("all of
    2021", "2021 to 25 Nov"), figures from "Read more" headlines of other articles said so.
    Column by column, and each distinct period put in words once: a page builds this for
    every new selection (2,000 rows in about 25 ms).
    """
    titles = titles or {}
    spans = ("period_start", "period_end", "period")
    none = pd.Series(None, index=figures.index, dtype=object)
    period_columns = [figures.get(c, none) for c in spans]
    periods: dict[tuple[str, str, str], tuple[str, str]] = {}
    period_cells = []
    for first, last, period in zip(*period_columns, strict=True):
        key = (str(first), str(last), str(period))
        if key not in periods:
            row = {"period_start": first, "period_end": last, "period": period}
            periods[key] = (figure_period(row), PERIOD_KINDS[period_kind(first, last)])
        period_cells.append(periods[key])
    metrics = figures["metric"].astype(str)
    return pd.DataFrame(
        {
            "what": [str(METRIC_WORDS.get(m, m)) for m in metrics],
            "number": [
                qualified({"qualifier": q, "value": v})
                for q, v in zip(figures["qualifier"], figures["value"], strict=True)
            ],
            "who": ["" if not present(g) else str(g) for g in figures["group"]],
            "period": [words for words, _ in period_cells],
            "kind of period": [kind for _, kind in period_cells],
            "from": ["this article" if own else "a “Read more” headline" for own in figures["own"]],
            "sentence": figures["sentence"].astype(str).tolist(),
            "article": [titles.get(a, a) for a in figures["article"].astype(str)],
            READER_COLUMN: permalinks(figures),
        }
    )


def events_table(events: pd.DataFrame, titles: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Events as a table in words: the day (or week, month, year) in words, the words that gave it, the sentence, the article."""
    titles = titles or {}
    records = events.to_dict("records")
    return pd.DataFrame(
        {
            "when": [
                period_words(r.get("fact_start"), r.get("fact_end"))
                if r.get("precision") != "day"
                else day_words(pd.Timestamp(r["date"]).date())
                for r in records
            ],
            "phrase": [str(r.get("phrase") or "") for r in records],
            "sentence": [str(r.get("sentence") or "") for r in records],
            "article": [titles.get(str(r["article"]), str(r["article"])) for r in records],
            READER_COLUMN: permalinks(events),
        }
    )


@dataclass(frozen=True)
class RecordSummary:
    """What the record says of some dates: the numbers, and the same in sentences with their sources."""

    people: int | None  # None: the daily series has no day of these dates
    boats: int | None
    dead: int
    missing: int
    incidents: int
    arrivals_text: str
    deaths_text: str


def record_summary(record: Any, first: date | None, last: date | None) -> RecordSummary:
    """What the record says of [first, last] (None: the series' own ends).

    "28,526 people crossed in 1,034 boats from 1 Jan 2021 to 31 Dec 2021 (Home Office daily
    series, provisional)." and "40 dead and 5 missing in 16 incident(s) ... (IOM Missing
    Migrants Project, minimum counts)." Dates outside a series are said, not counted as zero.
    """
    span_first, span_last = series_span(record)
    a, b = (day.date() for day in shown_span(record, first, last))
    covered_a, covered_b = max(a, span_first), min(b, span_last)
    people = boats = None
    if covered_a > covered_b:
        arrivals_text = (
            f"The Home Office daily series has no data for {day_words(a)} to {day_words(b)} "
            f"(it runs from {day_words(span_first)} to {day_words(span_last)})."
        )
    else:
        counted = arrivals_between(record, covered_a, covered_b)
        people, boats = counted.people, counted.boats
        cut = (
            f" (the series covers only {day_words(covered_a)} to {day_words(covered_b)} of these dates)"
            if (covered_a, covered_b) != (a, b)
            else ""
        )
        arrivals_text = (
            f"{people:,} people crossed in {boats:,} boats from {day_words(covered_a)} "
            f"to {day_words(covered_b)}{cut}. Source: Home Office daily series of small-boat "
            "arrivals (provisional, may be revised)."
        )
    totals = incident_totals(incidents_between(record, a, b))
    as_of = pd.Timestamp(record.incidents["data_as_of"].max()).date()
    later = f"; IOM's data runs to {day_words(as_of)}" if b > as_of else ""
    deaths_text = (
        f"{totals.dead:,} dead and {totals.missing:,} missing in {totals.incidents:,} incident(s) "
        f"on the route to the UK from {day_words(a)} to {day_words(b)}{later}. Source: IOM Missing "
        "Migrants Project (minimum counts; lorries, roads and camps included)."
    )
    return RecordSummary(
        people, boats, totals.dead, totals.missing, totals.incidents, arrivals_text, deaths_text
    )
