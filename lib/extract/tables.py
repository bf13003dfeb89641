"""Counts in tables and lists: rows of a label and numbers under a header that says what they count.

News copy and reports paste tables in several shapes; each row is a count with its own period:

    Year    People detected crossing in small boats        (tab-separated)
    2021    28,526

    Date | People | Boats                                  (pipes)
    22 August 2022 | 1,295 | 27

    Year    Deaths (at least)    Small-boat arrivals       (aligned with spaces)
    2019    50*                  1,843
    Total   237                  151,161

    Year by year                                           (a list of "label: number")
    2018: 299
    2022 (to 22 August): 22,670

A column's metric is the one its header names ("Deaths", "arrivals"); a column of "People"
or "Migrants" takes the metric its heading or lead-in names, else the metric of the count
before the table. A column of boats, or of anything else, is not a count of people. A row
labelled with a year is that year; with a day, that day (`lib.extract.periods` reads it); "2022
(to 22 August)" is 1 January to that day; "Total" the span the table's years cover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lib.extract.patterns import words_pattern
from lib.extract.resources import METRIC_WORDS, MONTHS
from lib.extract.text import Document
from lib.schema import Figure

# cells: a tab, a pipe, or two spaces and more between them
_SPLIT = re.compile(r"\s*\t\s*|\s+\|\s+|\s{2,}")
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)[*†]?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LIST_ROW = re.compile(r"^(?P<label>(?:19|20)\d\d(?:\s*\([^)\n]{1,40}\))?|total)\s*:\s*(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s*$", re.I)
_PEOPLE = re.compile(r"\b(?:people|persons|migrants|individuals|number)\b", re.I)
_NOT_PEOPLE = re.compile(r"\b(?:boats?|dinghies|vessels|incidents|per\s+boat|average|share|%|per\s*cent|rate)\b", re.I)
_METRIC_OF = {w: metric for metric, words in METRIC_WORDS.items() for w in words}
_METRIC_WORD = re.compile(r"\b(?:" + words_pattern(_METRIC_OF, any_space=True) + r")\b", re.I)
_TO_DAY = re.compile(
    r"\(\s*(?:to|until|up\s+to)\s+([0-3]?\d)\s+([A-Za-z]{3,9})\s*\)|\(\s*(?:to|until|up\s+to)\s+([A-Za-z]{3,9})\s+([0-3]?\d)\s*\)", re.I
)
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)\d\d)\b")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    text: str


def metric_named(words: str) -> str | None:
    """The metric a header or heading names: "Deaths (at least)" -> deaths, "Small-boat arrivals" -> crossings."""
    m = _METRIC_WORD.search(words)
    return _METRIC_OF.get(" ".join(m.group().lower().split())) if m else None


def table_figures(doc: Document, *, default_metric: str | None = None) -> list[Figure]:
    """Every count in the document's tables and "label: number" lists.

    Args:
        default_metric: the metric of the counts the text gives, for a column of "People" whose
            table (and heading) names no metric.
    """
    lines = _lines(doc.clean)
    found: list[Figure] = []
    i = 0
    while i < len(lines):
        header = _cells(lines[i].text)
        if len(header) >= 2 and not any(_NUMBER.fullmatch(c) for c in header):
            rows = _rows(lines, i + 1, len(header))
            if rows:
                metrics = _column_metrics(doc, lines, i, header, default_metric)
                if any(metrics):
                    found.extend(_row_figures(doc, rows, metrics))
                    i += 1 + len(rows)
                    continue
        i += 1
    found.extend(_list_figures(doc, lines, default_metric))
    return found


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, raw))
        pos += len(raw) + 1
    return out


def _cells(text: str) -> list[str]:
    stripped = text.strip().strip("|").strip()
    if not stripped:
        return []
    return [c for c in _SPLIT.split(stripped) if c]


def _rows(lines: list[_Line], first: int, width: int) -> list[tuple[_Line, list[str]]]:
    """The table's rows under its header: a label, then numbers, as many cells as the header."""
    rows = []
    for line in lines[first:]:
        cells = _cells(line.text)
        if len(cells) != width or not all(_NUMBER.fullmatch(c) for c in cells[1:]):
            break
        rows.append((line, cells))
    return rows


def _column_metrics(
    doc: Document, lines: list[_Line], header_at: int, header: list[str], default: str | None
) -> list[str | None]:
    """The metric of each column (None for the label column and for columns of other things)."""
    lead = " ".join(line.text for line in lines[max(0, header_at - 4) : header_at])
    named = metric_named(lead)
    metrics: list[str | None] = [None]
    for cell in header[1:]:
        if _NOT_PEOPLE.search(cell) and not metric_named(cell):
            metrics.append(None)
        elif metric_named(cell):
            metrics.append(metric_named(cell))
        elif _PEOPLE.search(cell):
            metrics.append(named or default)
        else:
            metrics.append(None)
    return metrics


def _row_figures(doc: Document, rows: list[tuple[_Line, list[str]]], metrics: list[str | None]) -> list[Figure]:
    years = [int(y) for line, _ in rows for y in _YEAR.findall(_cells(line.text)[0])]
    caption = _caption_years(doc, rows[0][0].start)
    out = []
    for line, cells in rows:
        label = cells[0]
        pos = line.start + line.text.index(label) + len(label)
        for cell, metric in zip(cells[1:], metrics[1:], strict=True):
            at = line.text.index(cell, pos - line.start)
            pos = line.start + at + len(cell)
            number = _NUMBER.fullmatch(cell)
            if metric is None or number is None:
                continue
            start = line.start + at
            value = int(number.group(1).replace(",", ""))
            span = _label_period(label, years, caption)
            out.append(_figure(doc, start, start + len(number.group(1)), metric, value, span))
    return out


def _list_figures(doc: Document, lines: list[_Line], default: str | None) -> list[Figure]:
    """Counts in a run of "2018: 299" lines, under a heading or lead-in that says (or not) what they count."""
    out: list[Figure] = []
    i = 0
    while i < len(lines):
        run = []
        while i < len(lines) and (row := _LIST_ROW.match(lines[i].text.strip())):
            run.append((lines[i], row))
            i += 1
        if len(run) >= 2:
            first = next(k for k, line in enumerate(lines) if line.start == run[0][0].start)
            lead = " ".join(line.text for line in lines[max(0, first - 4) : first])
            metric = metric_named(lead) or default
            years = [int(y) for _, row in run for y in _YEAR.findall(row.group("label"))]
            for line, row in run:
                if metric is None:
                    break
                start = line.start + line.text.index(row.group("num"), line.text.index(":"))
                value = int(row.group("num").replace(",", ""))
                span = _label_period(row.group("label"), years, None)
                out.append(_figure(doc, start, start + len(row.group("num")), metric, value, span))
        i += 1
    return out


def _caption_years(doc: Document, table_start: int) -> tuple[int, int] | None:
    """The years a table's caption spans: "Table 1: Deaths and small-boat arrivals, 2018–2024"."""
    head = doc.clean[max(0, table_start - 300) : table_start]
    found = list(_RANGE.finditer(head))
    return (int(found[-1].group(1)), int(found[-1].group(2))) if found else None


def _label_period(label: str, years: list[int], caption: tuple[int, int] | None) -> tuple[str, str] | None:
    """(first, last) days a row label names, or None when the date in it speaks for itself (a day)."""
    year = _YEAR.search(label)
    if year:
        y = int(year.group())
        to_day = _TO_DAY.search(label)
        if to_day:
            day, month = (to_day.group(1), to_day.group(2)) if to_day.group(1) else (to_day.group(4), to_day.group(3))
            mo = MONTHS.get(month.lower().rstrip("."))
            if mo:
                return date(y, 1, 1).isoformat(), date(y, mo, int(day)).isoformat()
        if label.strip()[: len(year.group())] == year.group() and not re.search(r"[A-Za-z]{3}", label.replace(year.group(), "")):
            return date(y, 1, 1).isoformat(), date(y, 12, 31).isoformat()
        return None  # "22 August 2022": a day, read by the periods of the sentence
    if label.strip().lower().startswith("total"):
        span = caption or ((min(years), max(years)) if years else None)
        if span:
            return date(span[0], 1, 1).isoformat(), date(span[1], 12, 31).isoformat()
    return None


def _figure(doc: Document, start: int, end: int, metric: str, value: int, span: tuple[str, str] | None) -> Figure:
    first, last = span if span else (None, None)
    return Figure(
        **doc.provenance(start, end),
        metric=metric,
        value=value,
        qualifier="exact",
        group=None,
        period_start=first,
        period_end=last,
    )
