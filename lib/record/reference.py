"""Official reference figures (arrivals, deaths, the 24 Nov 2021 sinking) loaded from data/reference/ and validated."""

from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "data" / "reference"
FIRST_YEAR = 2018  # the Home Office began counting small-boat arrivals in 2018
SINKING_DATE = date(2021, 11, 24)  # the sinking that sinking_2021_11_24_reports.csv follows
STATUSES = ("final", "provisional")


class ReferenceError(ValueError):
    """A reference file that cannot be used; the message names file, line, column, found and accepted."""


class _Bad(ValueError):
    """A cell that failed its parser; carries what would have been accepted."""

    def __init__(self, accepted: str) -> None:
        super().__init__(accepted)
        self.accepted = accepted


Parser = Callable[[str, int], Any]  # (cell, current year) -> value, or raise _Bad


def _count(cell: str, _year: int) -> int:
    if not re.fullmatch(r"\d+", cell.strip()):
        raise _Bad("a non-negative whole number, digits only (e.g. 8466)")
    return int(cell)


def _optional_count(cell: str, year: int) -> int | None:
    return None if not cell.strip() else _count(cell, year)


def _year(cell: str, current: int) -> int:
    if not re.fullmatch(r"\d{4}", cell.strip()) or not FIRST_YEAR <= int(cell) <= current:
        raise _Bad(f"a year from {FIRST_YEAR} to {current}")
    return int(cell)


def _month(cell: str, current: int) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{2})", cell.strip())
    if not m or not FIRST_YEAR <= int(m.group(1)) <= current or not 1 <= int(m.group(2)) <= 12:
        raise _Bad(f"a month YYYY-MM (month 01-12, year {FIRST_YEAR} to {current})")
    return cell.strip()


def _when(cell: str, current: int) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD, a real date, from FIRST_YEAR to the current year."""
    text = cell.strip()
    accepted = f"a date YYYY, YYYY-MM or YYYY-MM-DD from {FIRST_YEAR} to {current}"
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m or not FIRST_YEAR <= int(m.group(1)) <= current:
        raise _Bad(accepted)
    try:
        date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        raise _Bad(accepted) from None
    return text


def _day_or_month(cell: str, current: int) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", cell.strip()):
        raise _Bad(f"a date YYYY-MM-DD or YYYY-MM from {FIRST_YEAR} to {current}")
    return _when(cell, current)


def _status(cell: str, _year: int) -> str:
    if cell.strip() not in STATUSES:
        raise _Bad(" or ".join(STATUSES))
    return cell.strip()


def _confidence(cell: str, _year: int) -> str:
    if not re.fullmatch(r"(?:low|medium|medium-high|high)(?: \([^()]+\))?", cell.strip()):
        raise _Bad("low, medium, medium-high or high, optionally with a reason in brackets")
    return cell.strip()


def _url(cell: str, _year: int) -> str:
    if not re.fullmatch(r"https?://\S+", cell.strip()):
        raise _Bad("a source URL starting with http:// or https:// (every row keeps its source)")
    return cell.strip()


def _text(cell: str, _year: int) -> str:
    if not cell.strip():
        raise _Bad("some text (this column may not be empty)")
    return cell.strip()


def _optional_text(cell: str, _year: int) -> str:
    return cell.strip()


# Each file: its columns with their parser and dtype, and the columns that make a row's key.
_FILES: dict[str, tuple[dict[str, tuple[Parser, str]], tuple[str, ...]]] = {
    "arrivals_by_year.csv": (
        {
            "year": (_year, "int64"),
            "people": (_count, "int64"),
            "boats": (_count, "int64"),
            "status": (_status, "string"),
            "source_url": (_url, "string"),
            "note": (_optional_text, "string"),
        },
        ("year",),
    ),
    "arrivals_by_month.csv": (
        {
            "month": (_month, "string"),
            "people": (_count, "int64"),
            "boats": (_count, "int64"),
            "status": (_status, "string"),
            "source_url": (_url, "string"),
        },
        ("month",),
    ),
    "deaths_by_year.csv": (
        {
            "year": (_year, "int64"),
            "source_org": (_text, "string"),
            "dead": (_count, "int64"),
            "missing": (_optional_count, "Int64"),
            "scope": (_text, "string"),
            "as_of": (_when, "string"),
            "confidence": (_confidence, "string"),
            "source_url": (_url, "string"),
            "note": (_optional_text, "string"),
        },
        ("year", "source_org"),
    ),
    "sinking_2021_11_24_reports.csv": (
        {
            "reported": (_day_or_month, "string"),
            "by": (_text, "string"),
            "dead": (_optional_count, "Int64"),
            "missing": (_optional_count, "Int64"),
            "survivors": (_optional_count, "Int64"),
            "on_board": (_optional_count, "Int64"),
            "detail": (_optional_text, "string"),
            "source_url": (_url, "string"),
        },
        ("reported", "by"),
    ),
}


@dataclass(frozen=True)
class Reference:
    """The reference tables, typed. Derived columns are marked below; the rest is the CSV.

    arrivals_by_year: year, people, boats, status, source_url, note
    arrivals_by_month: month (YYYY-MM), people, boats, status, source_url,
        + year, month_start (datetime)
    deaths_by_year: year, source_org, dead, missing (nullable), scope, as_of, confidence,
        source_url, note, + body (the counting body, short), partial (as_of inside the year)
    sinking_reports: reported, by, dead, missing, survivors, on_board (nullable), detail,
        source_url, in the order the reports were made
    """

    arrivals_by_year: pd.DataFrame
    arrivals_by_month: pd.DataFrame
    deaths_by_year: pd.DataFrame
    sinking_reports: pd.DataFrame
    folder: Path


def load_reference(folder: str | Path | None = None, *, today: date | None = None) -> Reference:
    """Read and validate the four reference files of `folder` (default: data/reference/).

    Raises ReferenceError on the first bad row, naming file, line, column, what was found
    and what is accepted; on a missing file or column; and on a duplicate key.
    """
    base = Path(folder) if folder is not None else DEFAULT_FOLDER
    current = (today or date.today()).year
    tables = {name: _read(base / name, current) for name in _FILES}
    months = tables["arrivals_by_month.csv"]
    months["year"] = months["month"].str.slice(0, 4).astype("int64")
    months["month_start"] = pd.to_datetime(months["month"].astype(str) + "-01").astype(
        "datetime64[ns]"
    )
    deaths = tables["deaths_by_year.csv"]
    deaths["body"] = deaths["source_org"].map(counting_body).astype("string")
    deaths["partial"] = [
        _end_of(str(as_of)) < date(int(year), 12, 31)
        for as_of, year in zip(deaths["as_of"], deaths["year"], strict=True)
    ]
    return Reference(
        arrivals_by_year=tables["arrivals_by_year.csv"].sort_values("year", ignore_index=True),
        arrivals_by_month=months.sort_values("month", ignore_index=True),
        deaths_by_year=deaths,
        sinking_reports=tables["sinking_2021_11_24_reports.csv"],
        folder=base,
    )


def counting_body(source_org: str) -> str:
    """The body behind a count, short, so one body's rows group together across outlets.

    >>> counting_body("IOM Missing Migrants Project (via Mer et Marine)")
    'IOM Missing Migrants Project'
    """
    org = source_org.lower()
    if "iom" in org.split() or "missing migrants" in org:
        return "IOM Missing Migrants Project"
    if "prefecture maritime" in org or "préfecture maritime" in org or "french maritime" in org:
        return "French maritime prefecture"
    if "home office" in org:
        return "UK Home Office"
    # "Charities (via The Mirror)": the outlet in brackets is not the body; "(church newsletter)" is
    return re.sub(r"\s*\([^()]*\bvia\b[^()]*\)\s*$", "", source_org).strip() or source_org


def _end_of(when: str) -> date:
    """The last day a YYYY / YYYY-MM / YYYY-MM-DD date could mean."""
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def _read(path: Path, current: int) -> pd.DataFrame:
    spec, key = _FILES[path.name]
    if not path.is_file():
        raise ReferenceError(
            f"{path}: file not found; expected one of {', '.join(_FILES)} in {path.parent}"
        )
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader, [])]
        missing = [c for c in spec if c not in header]
        extra = [c for c in header if c not in spec]
        if missing or extra:
            raise ReferenceError(
                f"{path.name}, line 1 (header): found columns {header}; "
                f"missing {missing or 'none'}, unexpected {extra or 'none'}; accepted: {list(spec)}"
            )
        records: list[dict[str, Any]] = []
        seen: dict[tuple[Any, ...], int] = {}
        while True:
            line = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise ReferenceError(
                    f"{path.name}, line {line}: found {len(row)} fields; accepted: {len(header)}, one per column {header}"
                )
            record: dict[str, Any] = {}
            for column, cell in zip(header, row, strict=True):
                parser, _dtype = spec[column]
                try:
                    record[column] = parser(cell, current)
                except _Bad as bad:
                    raise ReferenceError(
                        f"{path.name}, line {line}, column {column!r}: found {cell!r}; accepted: {bad.accepted}"
                    ) from None
            k = tuple(record[c] for c in key)
            if k in seen:
                raise ReferenceError(
                    f"{path.name}, line {line}, column {', '.join(repr(c) for c in key)}: found {k if len(k) > 1 else k[0]!r} "
                    f"again (first on line {seen[k]}); accepted: one row per {' and '.join(key)}"
                )
            seen[k] = line
            records.append(record)
    frame = pd.DataFrame.from_records(records, columns=list(spec))
    for column, (_parser, dtype) in spec.items():
        frame[column] = frame[column].astype(dtype)
    return frame
