"""The whole record in one object: the reference files, the Home Office daily series and the IOM incidents.

`load_record()` reads and validates everything once (a page caches it for the process);
the `Record` it returns is a `Reference` too, so every user of `load_reference()` can be
handed a Record instead.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

import pandas as pd

from lib.record.incidents import INCIDENT_FILE, read_incidents
from lib.record.reference import DEFAULT_FOLDER, Reference, load_reference
from lib.record.series import DAY_FILE, read_arrivals_by_day


@dataclass(frozen=True)
class Record(Reference):
    """The reference tables (see `Reference`) and two more, typed:

    arrivals_by_day: date (datetime64, one row per day, no gaps), people, boats, status,
        source_url, compiled_by, note
    incidents: incident_id, date (datetime64), dead, missing, dead_and_missing, location,
        country, lat, lon, cause, route, crossing_tag (bool), in_channel_area (bool),
        status, source_url, more_urls, compiled_by, data_as_of, note,
        + kind ("at sea" / "vehicle" / "other"), mappable (bool), place (short name)
    """

    arrivals_by_day: pd.DataFrame
    incidents: pd.DataFrame


def load_record(folder: str | Path | None = None, *, today: date | None = None) -> Record:
    """Read and validate every file of `folder` (default: data/reference/).

    Raises ReferenceError on the first bad row, naming file, line, column, what was
    found and what is accepted; on a missing file or column; and on a duplicate key.
    """
    base = Path(folder) if folder is not None else DEFAULT_FOLDER
    current = (today or date.today()).year
    reference = load_reference(base, today=today)
    return Record(
        **{f.name: getattr(reference, f.name) for f in fields(reference)},
        arrivals_by_day=read_arrivals_by_day(base / DAY_FILE, current=current),
        incidents=read_incidents(base / INCIDENT_FILE, current=current),
    )
