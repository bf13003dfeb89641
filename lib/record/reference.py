"""Official reference figures (arrivals, deaths, the 24 Nov 2021 sinking) loaded from data/reference/ and validated."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from lib.record.cells import (
    STATUSES,
    BadCell,
    Columns,
    ReferenceError,
    parse_count,
    parse_optional_count,
    parse_optional_text,
    parse_status,
    parse_text,
    parse_url,
    read_rows,
)

__all__ = ["STATUSES", "Reference", "ReferenceError", "counting_body", "load_reference"]

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "data" / "reference"
FIRST_YEAR = 2018  # the Home Office began counting small-boat arrivals in 2018
SINKING_DATE = date(2021, 11, 24)  # the sinking that sinking_2021_11_24_reports.csv follows


def _year(cell: str, current: int) -> int:
    if not re.fullmatch(r"\d{4}", cell.strip()) or not FIRST_YEAR <= int(cell) <= current:
        raise BadCell(f"a year from {FIRST_YEAR} to {current}")
    return int(cell)


def _month(cell: str, current: int) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{2})", cell.strip())
    if not m or not FIRST_YEAR <= int(m.group(1)) <= current or not 1 <= int(m.group(2)) <= 12:
        raise BadCell(f"a month YYYY-MM (month 01-12, year {FIRST_YEAR} to {current})")
    return cell.strip()


def _when(cell: str, current: int) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD, a real date, from FIRST_YEAR to the current year."""
    text = cell.strip()
    accepted = f"a date YYYY, YYYY-MM or YYYY-MM-DD from {FIRST_YEAR} to {current}"
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m or not FIRST_YEAR <= int(m.group(1)) <= current:
        raise BadCell(accepted)
    try:
        date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        raise BadCell(accepted) from None
    return text


def _day_or_month(cell: str, current: int) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", cell.strip()):
        raise BadCell(f"a date YYYY-MM-DD or YYYY-MM from {FIRST_YEAR} to {current}")
    return _when(cell, current)


def _confidence(cell: str, _year: int) -> str:
    if not re.fullmatch(r"(?:low|medium|medium-high|high)(?: \([^()]+\))?", cell.strip()):
        raise BadCell("low, medium, medium-high or high, optionally with a reason in brackets")
    return cell.strip()


# Each file: its columns with their parser and dtype, and the columns that make a row's key.
_FILES: dict[str, tuple[Columns, tuple[str, ...]]] = {
    "arrivals_by_year.csv": (
        {
            "year": (_year, "int64"),
            "people": (parse_count, "int64"),
            "boats": (parse_count, "int64"),
            "status": (parse_status, "string"),
            "source_url": (parse_url, "string"),
            "note": (parse_optional_text, "string"),
        },
        ("year",),
    ),
    "arrivals_by_month.csv": (
        {
            "month": (_month, "string"),
            "people": (parse_count, "int64"),
            "boats": (parse_count, "int64"),
            "status": (parse_status, "string"),
            "source_url": (parse_url, "string"),
            "compiled_by": (parse_optional_text, "string"),
            "note": (parse_optional_text, "string"),
        },
        ("month",),
    ),
    "deaths_by_year.csv": (
        {
            "year": (_year, "int64"),
            "source_org": (parse_text, "string"),
            "dead": (parse_count, "int64"),
            "missing": (parse_optional_count, "Int64"),
            "scope": (parse_text, "string"),
            "as_of": (_when, "string"),
            "confidence": (_confidence, "string"),
            "source_url": (parse_url, "string"),
            "note": (parse_optional_text, "string"),
        },
        ("year", "source_org"),
    ),
    "sinking_2021_11_24_reports.csv": (
        {
            "reported": (_day_or_month, "string"),
            "by": (parse_text, "string"),
            "dead": (parse_optional_count, "Int64"),
            "missing": (parse_optional_count, "Int64"),
            "survivors": (parse_optional_count, "Int64"),
            "on_board": (parse_optional_count, "Int64"),
            "detail": (parse_optional_text, "string"),
            "source_url": (parse_url, "string"),
        },
        ("reported", "by"),
    ),
}


@dataclass(frozen=True)
class Reference:
    """The reference tables, typed. Derived columns are marked below; the rest is the CSV.

    arrivals_by_year: year, people, boats, status, source_url, note
    arrivals_by_month: month (YYYY-MM), people, boats, status, source_url, + year,
        month_start (datetime); the Home Office daily series summed by calendar month,
        complete months only (2018-01 on); the file's compiled_by and note are checked
        but not kept
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
    # compiled_by and note are checked but not kept: the columns every user of the table reads
    months = tables["arrivals_by_month.csv"].drop(columns=["compiled_by", "note"])
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
    columns, key = _FILES[path.name]
    frame, _lines = read_rows(
        path, columns, key, current=current, expected=f"one of {', '.join(_FILES)}"
    )
    return frame
