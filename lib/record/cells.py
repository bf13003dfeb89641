"""Reading the record's CSV files: every cell parsed, every refusal naming file, line, column, found and accepted.

Each file is described once, as its columns (a parser and a dtype each) and the columns
that make a row's key; `read_rows` reads it against that description. A parser takes
the cell and the current year and returns the value, or raises `BadCell` with what it
would have accepted. Checks across columns or rows (a total that must be a sum, days
that must follow each other) are made afterwards on the typed frame, with the line
numbers `read_rows` returns, and reported through `refuse`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

STATUSES = ("final", "provisional")
_DIGITS = re.compile(r"\d+")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class ReferenceError(ValueError):
    """A reference file that cannot be used; the message names file, line, column, found and accepted."""


class BadCell(ValueError):
    """A cell that failed its parser; carries what would have been accepted."""

    def __init__(self, accepted: str) -> None:
        super().__init__(accepted)
        self.accepted = accepted


Parser = Callable[[str, int], Any]  # (cell, current year) -> value, or raise BadCell
Columns = Mapping[str, tuple[Parser, str]]  # column -> (parser, pandas dtype)


def parse_count(cell: str, _year: int) -> int:
    if not _DIGITS.fullmatch(cell.strip()):
        raise BadCell("a non-negative whole number, digits only (e.g. 8466)")
    return int(cell)


def parse_optional_count(cell: str, year: int) -> int | None:
    return None if not cell.strip() else parse_count(cell, year)


def parse_status(cell: str, _year: int) -> str:
    if cell.strip() not in STATUSES:
        raise BadCell(" or ".join(STATUSES))
    return cell.strip()


def parse_url(cell: str, _year: int) -> str:
    if not re.fullmatch(r"https?://\S+", cell.strip()):
        raise BadCell("a source URL starting with http:// or https:// (every row keeps its source)")
    return cell.strip()


def parse_urls(cell: str, _year: int) -> str:
    """One source URL or more, separated by spaces (IOM sometimes gives two for one row)."""
    if not re.fullmatch(r"https?://\S+(?: +https?://\S+)*", cell.strip()):
        raise BadCell(
            "one source URL or more, each starting with http:// or https://, separated by spaces"
        )
    return cell.strip()


def parse_optional_urls(cell: str, _year: int) -> str:
    """Nothing, or URLs separated by spaces."""
    text = cell.strip()
    if text and not re.fullmatch(r"https?://\S+(?: +https?://\S+)*", text):
        raise BadCell("nothing, or URLs starting with http:// or https:// separated by spaces")
    return text


def parse_text(cell: str, _year: int) -> str:
    if not cell.strip():
        raise BadCell("some text (this column may not be empty)")
    return cell.strip()


def parse_optional_text(cell: str, _year: int) -> str:
    return cell.strip()


def parse_yes_no(cell: str, _year: int) -> bool:
    if cell.strip() not in ("yes", "no"):
        raise BadCell("yes or no")
    return cell.strip() == "yes"


def day_parser(first_year: int) -> Parser:
    """A parser of real dates YYYY-MM-DD from `first_year` to the current year."""

    def parse_day(cell: str, current: int) -> date:
        accepted = f"a real date YYYY-MM-DD from {first_year} to {current}"
        m = _DAY.fullmatch(cell.strip())
        if not m or not first_year <= int(m.group(1)) <= current:
            raise BadCell(accepted)
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise BadCell(accepted) from None

    return parse_day


def degrees_parser(limit: int, axis: str) -> Parser:
    """A parser of decimal degrees from -limit to +limit (latitude 90, longitude 180)."""

    def parse_degrees(cell: str, _year: int) -> float:
        accepted = f"a {axis} in decimal degrees from -{limit} to {limit} (WGS84, e.g. 50.95)"
        if not re.fullmatch(r"-?\d{1,3}(?:\.\d+)?", cell.strip()):
            raise BadCell(accepted)
        value = float(cell)
        if not -limit <= value <= limit:
            raise BadCell(accepted)
        return value

    return parse_degrees


def refuse(name: str, line: int, column: str, found: object, accepted: str) -> NoReturn:
    """Raise the one kind of message the record gives: file, line, column, what was found, what is accepted."""
    raise ReferenceError(
        f"{name}, line {line}, column {column!r}: found {found!r}; accepted: {accepted}"
    ) from None


def read_rows(
    path: Path, columns: Columns, key: Sequence[str], *, current: int, expected: str = ""
) -> tuple[pd.DataFrame, list[int]]:
    """Read and validate one CSV file: the typed frame and, per row, its line in the file.

    Args:
        path: the file.
        columns: every column the file must have (no more, no fewer), with its parser and dtype.
        key: the columns that name a row; a key seen twice is refused.
        current: the current year, the last one a date may fall in.
        expected: for a missing file, what the folder should hold.

    Raises ReferenceError on a missing file, a wrong header, a row of the wrong length,
    a cell its parser refuses, or a duplicate key. Blank lines are skipped.
    """
    if not path.is_file():
        raise ReferenceError(
            f"{path}: file not found; expected {expected or path.name} in {path.parent}"
        )
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader, [])]
        missing = [c for c in columns if c not in header]
        extra = [c for c in header if c not in columns]
        if missing or extra:
            raise ReferenceError(
                f"{path.name}, line 1 (header): found columns {header}; "
                f"missing {missing or 'none'}, unexpected {extra or 'none'}; accepted: {list(columns)}"
            )
        parsers = [columns[c][0] for c in header]
        # the same cell parses to the same value: a status, a source or a zero is parsed once
        memo: list[dict[str, Any]] = [{} for _ in header]
        values: list[list[Any]] = [[] for _ in header]
        lines: list[int] = []
        seen: dict[tuple[Any, ...], int] = {}
        where = [header.index(c) for c in key]
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
            parsed: list[Any] = []
            for i, cell in enumerate(row):
                known = memo[i]
                if cell in known:
                    parsed.append(known[cell])
                    continue
                try:
                    value = parsers[i](cell, current)
                except BadCell as bad:
                    refuse(path.name, line, header[i], cell, bad.accepted)
                if len(known) < 64:
                    known[cell] = value
                parsed.append(value)
            k = tuple(parsed[i] for i in where)
            if k in seen:
                raise ReferenceError(
                    f"{path.name}, line {line}, column {', '.join(repr(c) for c in key)}: found {k if len(k) > 1 else k[0]!r} "
                    f"again (first on line {seen[k]}); accepted: one row per {' and '.join(key)}"
                )
            seen[k] = line
            lines.append(line)
            for i, value in enumerate(parsed):
                values[i].append(value)
    frame = pd.DataFrame(
        {c: pd.Series(values[header.index(c)], dtype=object) for c in columns},
        index=range(len(lines)),
    )
    for column, (_parser, dtype) in columns.items():
        frame[column] = frame[column].astype(dtype)
    return frame, lines
