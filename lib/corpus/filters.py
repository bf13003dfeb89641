"""The shared filters (dates, articles, places, speakers): filter state -> the rows of a corpus it selects.

The sidebar of every page shows the same five filters; `lib.corpus.url` reads and
writes them in the URL. Everything here is pure: the pages read widgets, call these
functions and render.

What each filter keeps:
- dates: facts whose days (`fact_start` to `fact_end`: a figure's period, an event's
  day, month or year, the day a quote was said) overlap [from, to], both inclusive; so a
  whole year's total is kept for any date inside that year. Facts with no days only
  while no date bound is set;
- article: facts from those articles;
- place: places with those names, and every other fact whose sentence names one of them;
- speaker: quotes by those speakers, and every other fact in a sentence holding one of
  their quotes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from lib.schema import FACT_TABLES

C = TypeVar("C")
# Said under the date filter, in one line.
DATE_RULE = (
    "Dates go by what a fact is about: a figure by its period (a year's total shows for any "
    "date in that year), an event by its date, a quote by when it was said."
)


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
    dates = pd.concat([getattr(corpus, name)["fact_date"] for name in FACT_TABLES]).dropna()
    articles = corpus.articles
    titles = {
        str(article): str(title) if _filled(title) else str(article)
        for article, title in zip(
            articles["article"].astype(object), articles["title"].astype(object), strict=True
        )
    }
    return FilterOptions(
        articles=tuple(sorted(articles["article"].dropna().astype(str).unique())),
        places=_sorted_unique(corpus.places["name"]),
        speakers=_sorted_unique(corpus.quotes["speaker"]),
        first=dates.min().date() if len(dates) else None,
        last=dates.max().date() if len(dates) else None,
        titles=titles,
    )


def _filled(value: Any) -> bool:
    return bool(pd.notna(value) and value)


def _sorted_unique(values: pd.Series) -> tuple[str, ...]:
    distinct = {str(v) for v in values.dropna().unique()}
    return tuple(sorted((v for v in distinct if v.strip()), key=str.casefold))


def apply_filters(corpus: C, state: FilterState) -> C:
    """The corpus restricted to what `state` selects (see the module docstring for the rules).

    Works on any frozen dataclass with the fact tables, `articles`, `problems` and
    `texts` (the loader's `Corpus`). `texts` and `problems` are kept whole: the reader
    and the problems table need them whatever the filters.
    """
    return take_rows(corpus, select_rows(corpus, state))


def select_rows(corpus: Any, state: FilterState) -> dict[str, np.ndarray]:
    """The rows `state` keeps, as positions (ascending) in each fact table and in `articles`.

    `apply_filters` takes these rows; a page that worked something out once for every
    fact of the corpus picks the selected facts' rows of it with them.
    """
    tables: dict[str, pd.DataFrame] = {name: getattr(corpus, name) for name in FACT_TABLES}
    keep = {name: np.ones(len(t), dtype=bool) for name, t in tables.items()}
    if state.articles:
        keep = {
            name: keep[name] & _isin(t["article"], state.articles) for name, t in tables.items()
        }
    # Sentences are chosen before the date filter: a figure dated by its own period is
    # still "in a sentence naming Calais" when the place fact carries another date.
    for column, own_table, chosen in (
        ("name", "places", state.places),
        ("speaker", "quotes", state.speakers),
    ):
        if not chosen:
            continue
        named = _isin(tables[own_table][column], chosen)
        sentences = tables[own_table][keep[own_table] & named]
        keep = {
            name: keep[name] & (named if name == own_table else _overlaps(t, sentences))
            for name, t in tables.items()
        }
    if state.date_from or state.date_to:
        keep = {
            name: keep[name] & _in_dates(t, state.date_from, state.date_to)
            for name, t in tables.items()
        }
    articles = corpus.articles
    kept_articles = np.ones(len(articles), dtype=bool)
    if state.articles:
        kept_articles &= _isin(articles["article"], state.articles)
    if state.places or state.speakers or state.date_from or state.date_to:
        with_facts = pd.Index([])
        for name, t in tables.items():
            with_facts = with_facts.union(pd.Index(t["article"][keep[name]].unique()))
        kept_articles &= with_facts.get_indexer(articles["article"]) >= 0
    rows = {name: np.flatnonzero(mask) for name, mask in keep.items()}
    rows["articles"] = np.flatnonzero(kept_articles)
    return rows


def _filters_set(state: FilterState) -> list[tuple[str, FilterState]]:
    """Each filter the state sets, named in words, as a state of its own."""
    found = []
    if state.articles:
        found.append((f"Article ({', '.join(state.articles)})", FilterState(articles=state.articles)))
    if state.date_from or state.date_to:
        span = f"{state.date_from or 'the start'} to {state.date_to or 'the end'}"
        found.append((f"Dates ({span})", FilterState(date_from=state.date_from, date_to=state.date_to)))
    if state.places:
        found.append((f"Place ({', '.join(state.places)})", FilterState(places=state.places)))
    if state.speakers:
        found.append((f"Speaker ({', '.join(state.speakers)})", FilterState(speakers=state.speakers)))
    return found


def _facts_kept(corpus: Any, state: FilterState) -> int:
    return sum(len(rows) for name, rows in select_rows(corpus, state).items() if name in FACT_TABLES)


def why_empty(corpus: Any, state: FilterState) -> str | None:
    """Which filter emptied the view, in words, when `state` keeps no fact of a corpus that has some; else None.

    A filter that keeps nothing on its own is named; else the filters are each said to keep
    facts alone and none together (a speaker's quotes in sentences that name no chosen place).
    """
    if state.is_empty or _facts_kept(corpus, state) or not _facts_kept(corpus, FilterState()):
        return None
    alone = [(words, _facts_kept(corpus, only)) for words, only in _filters_set(state)]
    empty = [words for words, kept in alone if kept == 0]
    if empty:
        return (
            f"No fact: the {' and the '.join(empty)} filter keeps none on its own. "
            "Change or clear it to see facts."
        )
    each = "; ".join(f"{words} keeps {kept:,} fact{'' if kept == 1 else 's'}" for words, kept in alone)
    return (
        f"No fact matches every filter at once. On its own, {each}; together, none "
        "(a place keeps only the sentences that name it, a speaker only their sentences). "
        "Remove one of them to see facts."
    )


def take_rows(corpus: C, rows: Mapping[str, np.ndarray]) -> C:
    """The corpus with only the given rows (from `select_rows`) of its fact tables and `articles`."""
    selection = Selection(corpus, rows)
    tables = {name: selection.table(name) for name in (*FACT_TABLES, "articles")}
    return dataclasses.replace(corpus, **tables)  # type: ignore[type-var]


class Selection:
    """The part of a corpus that `rows` (from `select_rows`) select, each table taken when first read.

    Reads like the corpus `take_rows` would give (`selection.figures`, `.table(name)`,
    `.texts`), but a page that reads two tables pays for two: the timeline reads none.
    """

    def __init__(self, corpus: Any, rows: Mapping[str, np.ndarray]) -> None:
        self._corpus = corpus
        self._rows = rows
        self._taken: dict[str, pd.DataFrame] = {}

    def table(self, name: str) -> pd.DataFrame:
        if name not in self._taken:
            table: pd.DataFrame = getattr(self._corpus, name)
            positions = self._rows[name]
            whole = len(positions) == len(table)  # every row: nothing to take
            self._taken[name] = (table if whole else table.take(positions)).reset_index(drop=True)
        return self._taken[name]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in (*FACT_TABLES, "articles"):
            return self.table(name)
        return getattr(self._corpus, name)  # texts and problems, whole


def _isin(values: pd.Series, chosen: Iterable[Any]) -> np.ndarray:
    return values.isin(list(chosen)).to_numpy(dtype=bool, na_value=False)


def _in_dates(table: pd.DataFrame, first: date | None, last: date | None) -> np.ndarray:
    """The facts whose days overlap [first, last]: a year's total for any day of that year."""
    starts, ends = table["fact_start"], table["fact_end"]
    mask = starts.notna() & ends.notna()
    if first:
        mask &= ends >= pd.Timestamp(first)
    if last:
        mask &= starts < pd.Timestamp(last) + pd.Timedelta(days=1)
    return mask.to_numpy(dtype=bool)


def _position_in(values: pd.Series, chosen: pa.Array) -> np.ndarray:
    """Each value's position in `chosen` (-1 where it is not there), looked up by Arrow: no Python strings."""
    found = pc.index_in(pa.array(values.astype("string"), type=pa.string()), value_set=chosen)
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype("int64")


def _overlaps(table: pd.DataFrame, sentences: pd.DataFrame) -> np.ndarray:
    """Which rows of `table` have a sentence overlapping one of `sentences` in the same article.

    Every span is laid on one axis, article after article, so one sorted search answers
    for every row: a row [s, e) overlaps a chosen span when, of the chosen spans that
    start before e, the one reaching furthest ends after s.
    """
    if table.empty or sentences.empty:
        return np.zeros(len(table), dtype=bool)
    chosen = pa.array(sentences["article"].dropna().unique().astype(object), type=pa.string())
    code = _position_in(table["article"], chosen)  # -1: none chosen there
    # wider than any offset, so that no span reaches into the next article's
    width = 1 + int(max(table["sentence_end"].max(), sentences["sentence_end"].max(), 0))
    base = _position_in(sentences["article"], chosen) * width
    starts = base + sentences["sentence_start"].to_numpy(dtype="int64")
    ends = base + sentences["sentence_end"].to_numpy(dtype="int64")
    order = np.argsort(starts, kind="stable")
    starts, furthest = starts[order], np.maximum.accumulate(ends[order])
    row_start = code * width + table["sentence_start"].to_numpy(dtype="int64")
    row_end = code * width + table["sentence_end"].to_numpy(dtype="int64")
    before = np.searchsorted(starts, row_end, side="left")  # chosen spans starting before e
    hit = (before > 0) & (code >= 0)
    hit[hit] = furthest[before[hit] - 1] > row_start[hit]
    return hit


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


@dataclasses.dataclass(frozen=True)
class View:
    """What a page needs: the whole corpus, the part the filters select, and the filters.

    `key` names the corpus cheaply (it changes when an article does): a page caches what
    it works out once per corpus under it, and picks the selected facts' part of that
    with `rows` (from `select_rows`).
    """

    corpus: Any
    selected: Any
    state: FilterState
    options: FilterOptions
    key: str = ""
    rows: Mapping[str, np.ndarray] = dataclasses.field(default_factory=dict)

    @property
    def selection(self) -> str:
        """The corpus key and the filters in one short string: what a selection's caches are keyed on."""
        return f"{self.key}|{self.state!r}"


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


def pick_rows(facts: pd.DataFrame, rows: Mapping[str, np.ndarray]) -> pd.DataFrame:
    """The rows of a per-corpus table of facts that belong to a selection, in the table's order.

    Args:
        facts: a table worked out once for every fact of a corpus, with the columns
            `table` (the fact table's name) and `row` (the fact's position in it).
        rows: the selection, from `select_rows`.
    """
    keep = np.zeros(len(facts), dtype=bool)
    tables = facts["table"].astype("category")  # compared by code, not string by string
    codes, positions = tables.cat.codes.to_numpy(), facts["row"].to_numpy()
    for code, name in enumerate(tables.cat.categories):
        mine = codes == code
        keep[mine] = np.isin(positions[mine], rows.get(str(name), ()))
    return facts[keep]
