"""IOM Missing Migrants Project incidents on the route to the UK: read, validated, sorted into kinds, filtered and totalled.

Every count is IOM's minimum estimate. Each incident gets three derived columns:

- `kind`, where on the journey the death happened, from IOM's cause, its location text
  and the crossing tag (see `incident_kind`): "at sea", "vehicle" or "other";
- `mappable`, False where `note` flags coordinates that do not match the location text
  (early rows: the centre of France for the Channel Tunnel, Oise for Calais, ...);
- `place`, a short name for labels ("Calais", "Cap Gris-Nez"), found in the location text
  with the project's gazetteer.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from lib.record.cells import (
    BadCell,
    Columns,
    day_parser,
    degrees_parser,
    parse_count,
    parse_optional_text,
    parse_optional_urls,
    parse_status,
    parse_text,
    parse_urls,
    parse_yes_no,
    read_rows,
    refuse,
)
from lib.record.series import Day

if TYPE_CHECKING:
    from lib.record.load import Record

INCIDENT_FILE = "channel_incidents.csv"
FIRST_YEAR = 2014  # the Missing Migrants Project began recording in 2014
KINDS = ("at sea", "vehicle", "other")
GAZETTEER = Path(__file__).resolve().parents[2] / "data" / "gazetteer.csv"

# IOM's categories of cause of death; a row may join two with a bare comma
# ("Accidental death,Drowning"). A new category stops the load, so the kind rule is reviewed.
CAUSES = (
    "Drowning",
    "Vehicle accident / death linked to hazardous transport",
    "Violence",
    "Sickness / lack of access to adequate healthcare",
    "Harsh environmental conditions / lack of adequate shelter, food, water",
    "Accidental death",
    "Mixed or unknown",
)
_VEHICLE = CAUSES[1]
_VIOLENCE = CAUSES[2]
# Location text that puts the death at sea although IOM did not tag it as a crossing:
# "Off the coast of Neufchatel-Hardelot" (3 May 2026, filed as hazardous transport).
_AT_SEA = re.compile(r"\b(?:off the coasts? of|offshore|at sea|in the English Channel)\b", re.I)
# note text flagging coordinates that don't match the location ("coordinates are Calais,
# not Bethune", "(Oise) do not match", "are vague"); "body found in Norway; coordinates put
# the death off Calais" is deliberate and stays on the map
_WRONG_PLACE = re.compile(r"^Coordinates:.*\b(?:not|vague)\b")
_PLACE_KINDS = {"town": 0, "city": 0, "port": 0, "beach": 0, "headland": 0, "sea": 1, "region": 2,
                "country": 3}  # fmt: skip


def _id(cell: str, _year: int) -> str:
    if not re.fullmatch(r"\d{4}\.MMP\d+", cell.strip()):
        raise BadCell("an IOM incident ID YYYY.MMPnnnn (e.g. 2021.MMP0871)")
    return cell.strip()


def _cause(cell: str, _year: int) -> str:
    parts = re.split(r",(?! )", cell.strip())
    if not cell.strip() or any(p.strip() not in CAUSES for p in parts):
        raise BadCell("one or more of IOM's causes, joined by ',': " + "; ".join(CAUSES))
    return cell.strip()


_COLUMNS: Columns = {
    "incident_id": (_id, "string"),
    "date": (day_parser(FIRST_YEAR), "datetime64[ns]"),
    "dead": (parse_count, "int64"),
    "missing": (parse_count, "int64"),
    "dead_and_missing": (parse_count, "int64"),
    "location": (parse_text, "string"),
    "country": (parse_text, "string"),
    "lat": (degrees_parser(90, "latitude"), "float64"),
    "lon": (degrees_parser(180, "longitude"), "float64"),
    "cause": (_cause, "string"),
    "route": (parse_text, "string"),
    "crossing_tag": (parse_yes_no, "bool"),
    "in_channel_area": (parse_yes_no, "bool"),
    "status": (parse_status, "string"),
    "source_url": (parse_urls, "string"),
    "more_urls": (parse_optional_urls, "string"),
    "compiled_by": (parse_optional_text, "string"),
    "data_as_of": (day_parser(FIRST_YEAR), "datetime64[ns]"),
    "note": (parse_optional_text, "string"),
}
INCIDENT_COLUMNS = (*_COLUMNS, "kind", "mappable", "place")


def incident_kind(cause: str, crossing_tag: bool, location: str) -> str:
    """Where on the journey a death happened: "at sea", "vehicle" or "other".

    In this order:
    1. Violence is "other", wherever it happened (a killing, not a crossing death).
    2. "at sea" when IOM tags the location as an "English Channel crossing" (a sea-crossing
       attempt, whatever the cause: drowning, but also a crush or hypothermia in the
       boat, which IOM files as harsh conditions, sickness or accident), or when the
       location text says at sea ("Off the coast of ...").
    3. "vehicle" for IOM's "Vehicle accident / death linked to hazardous transport":
       lorries, motorways, trains, buses and the Channel Tunnel.
    4. "other" for the rest: deaths on land from sickness, harsh conditions, accidents,
       drownings in canals or at the Eurotunnel site, and unknown causes (camps, ports).

    >>> incident_kind("Drowning", True, "Off Calais - English Channel crossing")
    'at sea'
    >>> incident_kind("Vehicle accident / death linked to hazardous transport", False, "A16 motorway")
    'vehicle'
    """
    if _VIOLENCE in cause:
        return "other"
    if crossing_tag or _AT_SEA.search(location):
        return "at sea"
    if _VEHICLE in cause:
        return "vehicle"
    return "other"


def read_incidents(path: Path, *, current: int) -> pd.DataFrame:
    """Read and check the IOM file; add kind, mappable and place. Sorted by date, then incident_id.

    Beyond each cell: one row per incident_id, and dead_and_missing = dead + missing.
    """
    incidents, lines = read_rows(path, _COLUMNS, ("incident_id",), current=current)
    total = (incidents["dead"] + incidents["missing"]).to_numpy()
    wrong = incidents["dead_and_missing"].to_numpy() != total
    if wrong.any():
        i = int(np.argmax(wrong))
        refuse(
            path.name, lines[i], "dead_and_missing", int(incidents["dead_and_missing"].iloc[i]),
            f"dead + missing = {int(incidents['dead'].iloc[i])} + {int(incidents['missing'].iloc[i])} = {int(total[i])}",
        )  # fmt: skip
    incidents["kind"] = pd.Series(
        [
            incident_kind(c, bool(t), loc)
            for c, t, loc in zip(
                incidents["cause"].tolist(), incidents["crossing_tag"].tolist(),
                incidents["location"].tolist(), strict=True,
            )
        ],
        dtype="string",
    )  # fmt: skip
    notes = incidents["note"].fillna("")
    incidents["mappable"] = (~notes.str.contains(_WRONG_PLACE, regex=True)).astype(bool)
    incidents["place"] = pd.Series(
        [incident_place(loc) for loc in incidents["location"].tolist()], dtype="string"
    )
    return incidents.sort_values(["date", "incident_id"], ignore_index=True, kind="stable")[
        list(INCIDENT_COLUMNS)
    ]


@functools.cache
def _gazetteer() -> tuple[re.Pattern[str], dict[str, tuple[int, str]]]:
    """Every gazetteer name and alias -> (rank of its kind, the place's name), and one pattern finding them."""
    names: dict[str, tuple[int, str]] = {}
    with GAZETTEER.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rank = _PLACE_KINDS.get(row["kind"])
            if rank is None:
                continue
            for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
                names.setdefault(name, (rank, row["name"]))
    # longest first, so "Strait of Dover" is one sea and not the port of Dover
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), names


def incident_place(location: str) -> str:
    """A short place name for an IOM location: its first town (port, beach, headland), else sea, region, country.

    Falls back to the location's first comma-separated part, cut at 30 characters.

    >>> incident_place("Off the coasts of Cabo Gris-Nez, France  - English Channel crossing")
    'Cap Gris-Nez'
    """
    pattern, names = _gazetteer()
    found = [names[m.group(0)] for m in pattern.finditer(location)]
    if found:
        return min(found, key=lambda f: f[0])[1]  # min keeps the first of the best rank
    first = location.split(",")[0].split(" - ")[0].strip()
    return first if len(first) <= 30 else first[:29].rstrip() + "…"


def incidents_between(
    record: Record,
    first: Day | None = None,
    last: Day | None = None,
    *,
    kinds: tuple[str, ...] | list[str] | None = None,
    mappable: bool | None = None,
) -> pd.DataFrame:
    """The incidents from `first` to `last` (both inclusive; None leaves that end open), in date order.

    Args:
        kinds: keep only these kinds ("at sea", "vehicle", "other"); None keeps all.
        mappable: True keeps only rows whose coordinates may be mapped; None keeps all.
    """
    if kinds is not None and (unknown := [k for k in kinds if k not in KINDS]):
        raise ValueError(f"kinds {unknown}; accepted: {', '.join(KINDS)}")
    incidents = record.incidents
    keep = np.ones(len(incidents), dtype=bool)
    if first is not None:
        keep &= (incidents["date"] >= pd.Timestamp(first).normalize()).to_numpy()
    if last is not None:
        keep &= (incidents["date"] <= pd.Timestamp(last).normalize()).to_numpy()
    if kinds is not None:
        keep &= incidents["kind"].isin(list(kinds)).to_numpy(dtype=bool)
    if mappable:
        keep &= incidents["mappable"].to_numpy(dtype=bool)
    return incidents[keep].reset_index(drop=True)


@dataclass(frozen=True)
class IncidentTotals:
    """Totals over some incidents; minimum counts, as IOM's are."""

    incidents: int
    dead: int
    missing: int
    dead_and_missing: int


def incident_totals(incidents: pd.DataFrame) -> IncidentTotals:
    """How many incidents, dead and missing a table of incidents holds.

    >>> incident_totals(incidents_between(record, "2021-01-01", "2021-12-31")).dead_and_missing
    45
    """
    return IncidentTotals(
        incidents=len(incidents),
        dead=int(incidents["dead"].sum()),
        missing=int(incidents["missing"].sum()),
        dead_and_missing=int(incidents["dead_and_missing"].sum()),
    )


def incident_span(record: Record) -> tuple[pd.Timestamp, pd.Timestamp]:
    """What the incident file covers: 1 January of IOM's first year to the date the data was taken (data_as_of)."""
    incidents = record.incidents
    return pd.Timestamp(FIRST_YEAR, 1, 1), pd.Timestamp(incidents["data_as_of"].max())
