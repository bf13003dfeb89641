"""The filters in the URL: parameters <-> `FilterState`, so a copied link reopens the same view.

    from=YYYY-MM-DD  to=YYYY-MM-DD  article=ID  place=NAME  speaker=NAME

`article`, `place` and `speaker` may repeat (`?speaker=Boris+Johnson&speaker=...`). A value
the corpus does not know, or a date that cannot be read, is dropped with a message that
says what was found and what is accepted.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

from lib.corpus.filters import FilterOptions, FilterState

URL_PARAMS = ("from", "to", "article", "place", "speaker")

# The widest range the date widgets accept. Streamlit silently drops a URL date outside
# a widget's range, so the widget and `parse_query_params` must agree on it.
DATE_MIN = date(1990, 1, 1)
DATE_MAX = date(2100, 12, 31)
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d")  # the same two Streamlit's date_input reads
_LIST_SHOWN = 8  # known values named in a warning before "..."

def parse_date(value: str) -> date:
    """A URL date, `YYYY-MM-DD` (or `YYYY/MM/DD`), as a `date`.

    >>> parse_date("2021-11-24")
    datetime.date(2021, 11, 24)

    Raises:
        ValueError: naming the value and the accepted form.
    """
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{value!r} is not a date; expected YYYY-MM-DD, e.g. 2021-11-24")


def parse_query_params(
    params: Mapping[str, Sequence[str] | str], options: FilterOptions
) -> tuple[FilterState, list[str]]:
    """Read the filters from URL parameters, dropping what cannot be used.

    Args:
        params: parameter -> its values, as `st.query_params.get_all` gives them.
        options: what the corpus offers; a value it does not know is dropped.

    Returns:
        The filter state, and one short message per value that was dropped, saying
        what was found and what is accepted (nothing in the URL -> no messages).

    >>> opts = FilterOptions(speakers=("Boris Johnson",))
    >>> parse_query_params({"speaker": ["Nobody"], "from": ["soon"]}, opts)[1][0]
    "The link's from='soon' is not a date; expected YYYY-MM-DD, e.g. 2021-11-24. Showing all dates from the earliest."
    """
    warnings: list[str] = []
    bounds: dict[str, date | None] = {"from": None, "to": None}
    for name, fallback in (
        ("from", "all dates from the earliest"),
        ("to", "all dates up to the latest"),
    ):
        values = _values(params, name)
        if not values:
            continue
        raw = values[-1]  # a repeated date: the last one wins, as in Streamlit
        try:
            day = parse_date(raw)
        except ValueError:
            warnings.append(
                f"The link's {name}={raw!r} is not a date; expected YYYY-MM-DD, e.g. 2021-11-24. Showing {fallback}."
            )
            continue
        if not DATE_MIN <= day <= DATE_MAX:
            warnings.append(
                f"The link's {name}={raw} is outside {DATE_MIN.isoformat()} to {DATE_MAX.isoformat()}. Showing {fallback}."
            )
            continue
        bounds[name] = day
    chosen: dict[str, tuple[str, ...]] = {}
    for name, known, noun in (
        ("article", options.articles, "article"),
        ("place", options.places, "place"),
        ("speaker", options.speakers, "speaker"),
    ):
        kept: list[str] = []
        for raw in _values(params, name):
            if raw in known:
                if raw not in kept:
                    kept.append(raw)
            else:
                warnings.append(
                    f"Unknown {noun} {raw!r} in the link, ignored. {_known(noun, known)}"
                )
        chosen[name] = tuple(kept)
    state = FilterState(
        date_from=bounds["from"],
        date_to=bounds["to"],
        articles=chosen["article"],
        places=chosen["place"],
        speakers=chosen["speaker"],
    )
    return state, warnings


def _values(params: Mapping[str, Sequence[str] | str], name: str) -> list[str]:
    raw = params.get(name)
    if raw is None:
        return []
    values = [raw] if isinstance(raw, str) else list(raw)
    return [v for v in values if v.strip()]  # "?speaker=" means "none chosen"


def _known(noun: str, known: Sequence[str]) -> str:
    if not known:
        return f"No {noun} is known in the loaded articles."
    if len(known) > _LIST_SHOWN:
        return f"Known: {', '.join(known[:_LIST_SHOWN])} and {len(known) - _LIST_SHOWN} more."
    return f"Known: {', '.join(known)}."


def check_state(state: FilterState) -> tuple[FilterState, list[str]]:
    """Repair a state that cannot match anything: a `from` after `to` is swapped, with a message."""
    if state.date_from and state.date_to and state.date_from > state.date_to:
        message = (
            f"From ({state.date_from.isoformat()}) is after To ({state.date_to.isoformat()}); "
            "showing the dates between them."
        )
        return dataclasses.replace(state, date_from=state.date_to, date_to=state.date_from), [
            message
        ]
    return state, []


def to_query_params(state: FilterState) -> dict[str, list[str]]:
    """The URL parameters for a state (the inverse of `parse_query_params`); empty filters are left out."""
    params: dict[str, list[str]] = {}
    if state.date_from:
        params["from"] = [state.date_from.isoformat()]
    if state.date_to:
        params["to"] = [state.date_to.isoformat()]
    for name, values in (
        ("article", state.articles),
        ("place", state.places),
        ("speaker", state.speakers),
    ):
        if values:
            params[name] = list(values)
    return params



def state_from_widgets(
    date_from: date | None,
    date_to: date | None,
    articles: Iterable[str] = (),
    places: Iterable[str] = (),
    speakers: Iterable[str] = (),
) -> FilterState:
    """The state the sidebar widgets show (a date widget may be empty: no bound)."""
    return FilterState(
        date_from=date_from,
        date_to=date_to,
        articles=tuple(articles),
        places=tuple(places),
        speakers=tuple(speakers),
    )


def parse_anchor(value: str | None) -> tuple[int, int] | None:
    """A permalink's `at=START-END` (character offsets of a fact's evidence), or None.

    >>> parse_anchor("37-48"), parse_anchor("x"), parse_anchor("48-37")
    ((37, 48), None, None)
    """
    match = re.fullmatch(r"\s*(\d{1,9})-(\d{1,9})\s*", value or "")
    if match is None:
        return None
    start, end = int(match.group(1)), int(match.group(2))
    return (start, end) if start < end else None


MOST_PICKED = 10  # facts a timeline selection keeps in the URL


def picked_param(article: str, start: int, end: int) -> str:
    """One fact picked on the timeline, as the URL's repeatable `fact` parameter: 'ARTICLE@START-END'."""
    return f"{article}@{int(start)}-{int(end)}"


def parse_picked(values: Iterable[str]) -> list[tuple[str, int, int]]:
    """The facts a URL's `fact` parameters name (at most `MOST_PICKED`); malformed ones are left out.

    >>> parse_picked(["a1@37-48", "x", "a@b@1-2", "a2@9-3"])
    [('a1', 37, 48), ('a@b', 1, 2)]
    """
    found = []
    for value in values:
        article, _, span = str(value).rpartition("@")
        anchor = parse_anchor(span)
        if article and anchor:
            found.append((article, *anchor))
    return found[:MOST_PICKED]
