"""The fact vocabulary, said once: kinds, tables, metrics, qualifiers, the dataclasses and the DataFrame columns.

The JSON Lines boundary is fixed by FACTS.md; inside `lib/` a fact is one of the frozen
dataclasses below. `Fact.to_record()` gives the FACTS.md record, and `COLUMNS` fixes the
columns and dtypes of each DataFrame the loader builds, so pages never guess. Every
other module takes these names from here: the extractor (standard library only, like
this module), the corpus, the checks and the pages.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar

# Where in the article a fact was found. Facts from a "Read more:" headline belong to
# another article: they are kept, marked, and left out of this article's own counts.
SECTIONS = ("body", "headline", "caption", "dateline", "read_more")
OWN_SECTIONS = frozenset({"body", "headline", "caption", "dateline"})

METRICS = ("deaths", "missing", "rescued", "crossings", "on_board")
# Each metric as it reads after a number: "27 dead", "28,526 crossed".
METRIC_WORDS: dict[str, str] = {
    "deaths": "dead",
    "missing": "missing",
    "rescued": "rescued",
    "crossings": "crossed",
    "on_board": "on board",
}
QUALIFIERS = ("exact", "at_least", "more_than", "about", "fewer_than", "up_to")
# Each qualifier as it reads before a number: "at least 27", "27".
QUALIFIER_WORDS: dict[str, str] = {
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "about": "about ",
    "fewer_than": "fewer than ",
    "up_to": "up to ",
}
PRECISIONS = ("day", "week", "month", "year")

# The kinds of fact, in the order every page shows them (timeline lanes, highlight
# pills), and the DataFrame each kind's facts live in.
KINDS = ("figure", "event", "place", "quote", "claim")
TABLE_OF_KIND: dict[str, str] = {
    "figure": "figures",
    "event": "events",
    "place": "places",
    "quote": "quotes",
    "claim": "claims",
}
FACT_TABLES = tuple(TABLE_OF_KIND[kind] for kind in KINDS)


@dataclass(frozen=True, kw_only=True, slots=True)
class Fact:
    """What every fact has: where it came from, down to the character."""

    kind: ClassVar[str] = "fact"
    article: str
    start: int  # text[start:end] is the evidence
    end: int
    sentence: str  # the sentence holding the evidence, whitespace folded
    sentence_start: int
    sentence_end: int
    section: str = "body"

    def to_record(self) -> dict[str, Any]:
        """The FACTS.md record: `kind` first, then the fields in declaration order."""
        return {"kind": self.kind, **asdict(self)}

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


@dataclass(frozen=True, kw_only=True, slots=True)
class Figure(Fact):
    """A count of people: "at least 27 died" -> deaths, 27, at_least."""

    kind: ClassVar[str] = "figure"
    metric: str
    value: int
    qualifier: str = "exact"
    group: str | None = None
    period: str | None = None  # YYYY-MM-DD or YYYY
    # The span the count is about, inclusive days (YYYY-MM-DD): a sinking's day, 1 January
    # to the reference date for "so far this year", a whole year, a month... (FACTS.md)
    period_start: str | None = None
    period_end: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Event(Fact):
    """A date the article refers to, resolved: "on Wednesday" -> 2021-11-24, day."""

    kind: ClassVar[str] = "event"
    date: str  # YYYY-MM-DD, the first day of a span
    precision: str  # day, week, month, year
    phrase: str
    planned: bool = False  # after the reference date: announced, not (yet) happened


@dataclass(frozen=True, kw_only=True, slots=True)
class Place(Fact):
    """A place the article names, resolved through the gazetteer in data/."""

    kind: ClassVar[str] = "place"
    name: str
    lat: float
    lon: float
    country: str
    place_kind: str = ""
    mention: str = ""  # the words in the article ("Dunkerque", "the Channel")


@dataclass(frozen=True, kw_only=True, slots=True)
class Quote(Fact):
    """Words in quotation marks, with who said them."""

    kind: ClassVar[str] = "quote"
    speaker: str | None
    text: str
    date: str | None = None
    role: str | None = None  # "British Prime Minister"
    speaker_kind: str = "person"  # person, organisation, unknown
    # How the speaker was found: "named after", "named before", "continuation", "pronoun",
    # "title", ...; None when there is no speaker (rather none than a wrong one)
    speaker_basis: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Claim(Fact):
    """A comparison or milestone: "three times the total for the whole of 2020"."""

    kind: ClassVar[str] = "claim"
    claim_type: str  # ratio, record, milestone, superlative, ...
    subject: str
    compared_with: str | None = None
    factor: float | None = None
    period: str | None = None
    value: int | None = None  # the figure the claim is about, when the sentence gives one
    metric: str | None = None


FACT_TYPES: dict[str, type[Fact]] = {
    t.kind: t for t in (Figure, Event, Place, Quote, Claim)
}


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleInfo:
    """The `article` line of FACTS.md, plus what the loader needs to show problems."""

    article: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    reference_date: str | None = None
    reference_source: str | None = None  # "sidecar", "caption", "dateline", ...
    path: str = ""
    sha256: str = ""
    n_chars: int = 0
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {
            "kind": "article",
            "article": self.article,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "reference_date": self.reference_date,
        }


# The DataFrame contract. Every fact table shares PROVENANCE and the time it is about:
# `fact_start`/`fact_end`, the days the fact is about (a figure's period; an event's day,
# week, month or year; the day a quote was said; else the article's reference date), by
# which the date filter selects it; and `fact_date`, the one day it is drawn at (a day
# event's or a one-day figure's day, the last day of a span; none for an event of a month
# or a year, which is not a day).
PROVENANCE: dict[str, str] = {
    "article": "string",
    "kind": "string",
    "start": "int64",
    "end": "int64",
    "evidence": "string",
    "sentence": "string",
    "sentence_start": "int64",
    "sentence_end": "int64",
    "section": "string",
    "own": "bool",  # False for facts from a "Read more:" headline
    "fact_date": "datetime64[ns]",
    "fact_start": "datetime64[ns]",
    "fact_end": "datetime64[ns]",
}

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "article": "string",
        "title": "string",
        "outlet": "string",
        "url": "string",
        "published": "datetime64[ns]",
        "reference_date": "datetime64[ns]",
        "reference_source": "string",
        "path": "string",
        "sha256": "string",
        "n_chars": "int64",
        "encoding": "string",
        "warnings": "string",
        "origin": "string",  # where it came from: folder, upload or link
        "fetched": "datetime64[ns]",  # when a link's page was fetched (UTC); empty otherwise
        "n_figures": "int64",
        "n_events": "int64",
        "n_places": "int64",
        "n_quotes": "int64",
        "n_claims": "int64",
    },
    "figures": {
        **PROVENANCE,
        "metric": "string",
        "value": "int64",
        "qualifier": "string",
        "group": "string",
        "period": "string",
        "period_start": "datetime64[ns]",
        "period_end": "datetime64[ns]",
    },
    "events": {
        **PROVENANCE,
        "date": "datetime64[ns]",
        "precision": "string",
        "phrase": "string",
        "planned": "bool",
    },
    "places": {
        **PROVENANCE,
        "name": "string",
        "lat": "float64",
        "lon": "float64",
        "country": "string",
        "place_kind": "string",
        "mention": "string",
    },
    "quotes": {
        **PROVENANCE,
        "speaker": "string",
        "text": "string",
        "date": "datetime64[ns]",
        "role": "string",
        "speaker_kind": "string",
        "speaker_basis": "string",
    },
    "claims": {
        **PROVENANCE,
        "claim_type": "string",
        "subject": "string",
        "compared_with": "string",
        "factor": "float64",
        "period": "string",
        "value": "Int64",
        "metric": "string",
    },
    "problems": {
        "article": "string",
        "path": "string",
        "reason": "string",
        "severity": "string",  # error: not loaded; warning: loaded with a caveat
    },
}
