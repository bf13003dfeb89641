"""The shared filters (dates, articles, places, speakers): URL values <-> filter state -> subsets of a corpus.

The sidebar of every page shows the same five filters and they live in the URL, so a
copied link reopens the same view. The URL parameters are

    from=YYYY-MM-DD  to=YYYY-MM-DD  article=ID  place=NAME  speaker=NAME

where `article`, `place` and `speaker` may repeat (`?speaker=Boris+Johnson&speaker=...`).
Everything here is pure: the pages read widgets, call these functions and render.

What each filter keeps:
- dates: facts whose `fact_date` falls in [from, to] (both inclusive); undated facts
  only while no date bound is set;
- article: facts from those articles;
- place: places with those names, and every other fact whose sentence names one of them;
- speaker: quotes by those speakers, and every other fact in a sentence holding one of
  their quotes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

import pandas as pd

FACT_TABLES = ("figures", "events", "places", "quotes", "claims")
URL_PARAMS = ("from", "to", "article", "place", "speaker")

# The widest range the date widgets accept. Streamlit silently drops a URL date outside
# a widget's range, so the widget and `parse_query_params` must agree on it.
DATE_MIN = date(1990, 1, 1)
DATE_MAX = date(2100, 12, 31)
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d")  # the same two Streamlit's date_input reads
_LIST_SHOWN = 8  # known values named in a warning before "..."

C = TypeVar("C")


@dataclasses.dataclass(frozen=True)
class FilterState:
    """What the sidebar selects; empty means "no restriction"."""

    date_from: date | None = None
    date_to: date | None = None
    articles: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self == FilterState()


@dataclasses.dataclass(frozen=True)
class FilterOptions:
    """The values the filters can take, read from the whole (unfiltered) corpus."""

    articles: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    first: date | None = None  # earliest fact date
    last: date | None = None  # latest fact date
    titles: Mapping[str, str] = dataclasses.field(default_factory=dict)  # article -> title


def filter_options(corpus: Any) -> FilterOptions:
    """The articles, places, speakers and date span a corpus offers, sorted for the widgets."""
    dates = [day for name in FACT_TABLES for day in getattr(corpus, name)["fact_date"].dropna()]
    titles = {
        str(row.article): (
            str(row.title) if pd.notna(row.title) and row.title else str(row.article)
        )
        for row in corpus.articles.itertuples()
    }
    return FilterOptions(
        articles=tuple(sorted(corpus.articles["article"].dropna().astype(str).unique())),
        places=_sorted_unique(corpus.places["name"]),
        speakers=_sorted_unique(corpus.quotes["speaker"]),
        first=min(dates).date() if dates else None,
        last=max(dates).date() if dates else None,
        titles=titles,
    )


def _sorted_unique(values: pd.Series) -> tuple[str, ...]:
    return tuple(sorted({str(v) for v in values.dropna() if str(v).strip()}, key=str.casefold))


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


def apply_filters(corpus: C, state: FilterState) -> C:
    """The corpus restricted to what `state` selects (see the module docstring for the rules).

    Works on any frozen dataclass with the fact tables, `articles`, `problems` and
    `texts` (the loader's `Corpus`). `texts` and `problems` are kept whole: the reader
    and the problems table need them whatever the filters.
    """
    tables: dict[str, pd.DataFrame] = {name: getattr(corpus, name) for name in FACT_TABLES}
    if state.articles:
        tables = {name: t[t["article"].isin(state.articles)] for name, t in tables.items()}
    # Sentences are chosen before the date filter: a figure dated by its own period is
    # still "in a sentence naming Calais" when the place fact carries another date.
    if state.places:
        places = tables["places"]
        sentences = places[places["name"].isin(state.places)]
        tables = {
            name: (
                t[t["name"].isin(state.places)] if name == "places" else _in_sentences(t, sentences)
            )
            for name, t in tables.items()
        }
    if state.speakers:
        quotes = tables["quotes"]
        sentences = quotes[quotes["speaker"].isin(state.speakers)]
        tables = {
            name: (
                t[t["speaker"].isin(state.speakers)]
                if name == "quotes"
                else _in_sentences(t, sentences)
            )
            for name, t in tables.items()
        }
    if state.date_from or state.date_to:
        tables = {name: _in_dates(t, state.date_from, state.date_to) for name, t in tables.items()}
    articles = corpus.articles  # type: ignore[attr-defined]
    if state.articles:
        articles = articles[articles["article"].isin(state.articles)]
    if state.places or state.speakers or state.date_from or state.date_to:
        with_facts = set().union(*(set(t["article"]) for t in tables.values()))
        articles = articles[articles["article"].isin(with_facts)]
    tables = {name: t.reset_index(drop=True) for name, t in tables.items()}
    return dataclasses.replace(corpus, articles=articles.reset_index(drop=True), **tables)  # type: ignore[type-var]


def _in_dates(table: pd.DataFrame, first: date | None, last: date | None) -> pd.DataFrame:
    days = table["fact_date"]
    mask = days.notna()
    if first:
        mask &= days >= pd.Timestamp(first)
    if last:
        mask &= days < pd.Timestamp(last) + pd.Timedelta(days=1)
    return table[mask]


def _in_sentences(table: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Rows of `table` whose sentence overlaps one of `sentences` in the same article."""
    if table.empty or sentences.empty:
        return table.iloc[0:0]
    spans = sentences[["article", "sentence_start", "sentence_end"]].drop_duplicates()
    spans = spans.rename(columns={"sentence_start": "_s", "sentence_end": "_e"})
    rows = table.reset_index(drop=True).reset_index(names="_row").merge(spans, on="article")
    hit = (rows["sentence_start"] < rows["_e"]) & (rows["_s"] < rows["sentence_end"])
    keep = set(rows.loc[hit, "_row"])  # positions in `table`
    return table[[i in keep for i in range(len(table))]]


def count_facts(corpus: Any, *, own_only: bool = False) -> dict[str, int]:
    """How many facts each table holds (own facts only if asked: "Read more:" headlines excluded)."""
    counts = {}
    for name in FACT_TABLES:
        table = getattr(corpus, name)
        counts[name] = int(table["own"].sum()) if own_only else len(table)
    return counts


def describe_filters(state: FilterState, titles: Mapping[str, str] | None = None) -> list[str]:
    """The selection in words, one line per filter, for the Overview and the sidebar.

    >>> describe_filters(FilterState(speakers=("Boris Johnson",)))[-1]
    'Speakers: Boris Johnson (quotes by them, and facts in the same sentences)'
    """
    titles = titles or {}
    if state.date_from or state.date_to:
        first = state.date_from.isoformat() if state.date_from else "the earliest"
        last = state.date_to.isoformat() if state.date_to else "the latest"
        dates = f"Dates: {first} to {last}"
    else:
        dates = "Dates: all"
    lines = [dates]
    lines.append(
        "Articles: "
        + ("; ".join(titles.get(a, a) for a in state.articles) if state.articles else "all")
    )
    lines.append(
        "Places: "
        + (
            ", ".join(state.places) + " (those places, and facts in sentences naming them)"
            if state.places
            else "all"
        )
    )
    lines.append(
        "Speakers: "
        + (
            ", ".join(state.speakers) + " (quotes by them, and facts in the same sentences)"
            if state.speakers
            else "all"
        )
    )
    return lines


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


@dataclasses.dataclass(frozen=True)
class View:
    """What a page needs: the whole corpus, the part the filters select, and the filters."""

    corpus: Any
    selected: Any
    state: FilterState
    options: FilterOptions


def search_quotes(quotes: pd.DataFrame, words: str) -> pd.DataFrame:
    """Quotes holding every word of `words` (any case, as a word or the start of one) in the text, speaker or role.

    >>> import pandas as pd
    >>> q = pd.DataFrame({"text": ["We are ready"], "speaker": ["Boris Johnson"], "role": [None]})
    >>> len(search_quotes(q, "READY johnson")), len(search_quotes(q, "cemetery"))
    (1, 0)
    """
    terms = [w.casefold() for w in words.split() if w.strip()]
    if not terms or quotes.empty:
        return quotes
    haystack = (
        quotes["text"].fillna("").astype(str)
        + " "
        + quotes["speaker"].fillna("").astype(str)
        + " "
        + quotes["role"].fillna("").astype(str)
    ).str.casefold()
    mask = pd.Series(True, index=quotes.index)
    for term in terms:  # "ready" finds "ready", "readying", not "already"
        mask &= haystack.str.contains(r"(?<!\w)" + re.escape(term), regex=True)
    return quotes[mask]
