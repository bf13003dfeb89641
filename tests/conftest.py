"""Shared fixtures: `make_corpus()` builds a small Corpus by hand, so page and lib tests need no extractor.

Two short articles, one line per sentence, with facts whose offsets point at their
evidence exactly as the loader's would. The second article carries text that would
do harm if it reached HTML or Markdown unescaped.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from lib.corpus.frames import Corpus, typed_frame
from lib.corpus.load import fact_days
from lib.schema import OWN_SECTIONS

CALAIS = (50.9513, 1.8587)
WIMEREUX = (50.7695, 1.6110)
DUNKIRK = (51.0343, 2.3768)

TEXT_A1 = (
    "UK asks France to take back migrants\n"
    "At least 27 people died when their boat sank off Calais on Wednesday.\n"
    "Seventeen men, seven women and three minors died near Calais.\n"
    '"We are ready to begin patrols," Boris Johnson said in Wimereux.\n'
    "Read more:\n"
    "France and Britain trade blame over tragedy that saw 27 migrants die\n"
)
TEXT_A2 = (
    "Crossings reach a record\n"
    "More than 25,700 people have crossed this year, three times the total for 2020.\n"
    '"It is already too late," Emmanuel Macron said in Dunkirk on Monday.\n'
    "A sign read :red[alert] $5 <b>bold</b> [x](y) & *stars* _under_ `code`.\n"
)

ARTICLES = [
    {"article": "a1", "title": "UK asks France to take back migrants", "outlet": "CGTN",
     "reference_date": "2021-11-25", "text": TEXT_A1},
    {"article": "a2", "title": "Crossings reach a record", "outlet": "Example News",
     "reference_date": "2021-11-29", "text": TEXT_A2},
]  # fmt: skip


def typed(records: list[dict[str, Any]], table: str) -> pd.DataFrame:
    """Records -> a DataFrame with exactly the contract's columns and dtypes (the loader's own typing)."""
    return typed_frame(records, table)


def _fact(
    article: str, kind: str, evidence: str, *, line: int, occurrence: int = 0, **fields: Any
) -> dict[str, Any]:
    """One fact record: `evidence` searched in sentence number `line` (0-based) of the article."""
    info = next(a for a in ARTICLES if a["article"] == article)
    text = info["text"]
    lines = text.split("\n")
    sentence_start = sum(len(x) + 1 for x in lines[:line])
    sentence = lines[line]
    at = -1
    for _ in range(occurrence + 1):
        at = sentence.index(evidence, at + 1)
    start = sentence_start + at
    section = fields.pop("section", "read_more" if line == 5 and article == "a1" else "body")
    record = {
        "article": article, "kind": kind, "start": start, "end": start + len(evidence),
        "evidence": evidence, "sentence": sentence, "sentence_start": sentence_start,
        "sentence_end": sentence_start + len(sentence), "section": section,
        "own": section in OWN_SECTIONS, **fields,
    }  # fmt: skip
    record["fact_date"], record["fact_start"], record["fact_end"] = fact_days(
        record, info["reference_date"]
    )
    return record


_SINKING = {"period": "2021-11-24", "period_start": "2021-11-24", "period_end": "2021-11-24"}


def make_corpus() -> Corpus:
    """The two hand-made articles as a Corpus following `lib.schema.COLUMNS`."""
    figures = [
        _fact("a1", "figure", "At least 27", line=1, metric="deaths", value=27, qualifier="at_least",
              **_SINKING),
        _fact("a1", "figure", "Seventeen men", line=2, metric="deaths", value=17, group="men", **_SINKING),
        _fact("a1", "figure", "seven women", line=2, metric="deaths", value=7, group="women", **_SINKING),
        _fact("a1", "figure", "three minors", line=2, metric="deaths", value=3, group="minors", **_SINKING),
        _fact("a1", "figure", "27 migrants", line=5, metric="deaths", value=27),
        _fact("a2", "figure", "More than 25,700", line=1, metric="crossings", value=25700,
              qualifier="more_than", period="2021", period_start="2021-01-01", period_end="2021-11-29"),
    ]  # fmt: skip
    events = [
        _fact(
            "a1",
            "event",
            "on Wednesday",
            line=1,
            date="2021-11-24",
            precision="day",
            phrase="on Wednesday",
        ),
        _fact(
            "a2",
            "event",
            "on Monday",
            line=2,
            date="2021-11-29",
            precision="day",
            phrase="on Monday",
        ),
    ]
    places = [
        _fact("a1", "place", "Calais", line=1, name="Calais", lat=CALAIS[0], lon=CALAIS[1], country="FR",
              place_kind="town", mention="Calais"),
        _fact("a1", "place", "Calais", line=2, name="Calais", lat=CALAIS[0], lon=CALAIS[1], country="FR",
              place_kind="town", mention="Calais"),
        _fact("a1", "place", "Wimereux", line=3, name="Wimereux", lat=WIMEREUX[0], lon=WIMEREUX[1], country="FR",
              place_kind="town", mention="Wimereux"),
        _fact("a1", "place", "France", line=5, name="France", lat=46.6, lon=2.4, country="FR",
              place_kind="country", mention="France"),
        _fact("a2", "place", "Dunkirk", line=2, name="Dunkirk", lat=DUNKIRK[0], lon=DUNKIRK[1], country="FR",
              place_kind="town", mention="Dunkirk"),
    ]  # fmt: skip
    quotes = [
        _fact("a1", "quote", "We are ready to begin patrols,", line=3, speaker="Boris Johnson",
              text="We are ready to begin patrols,", role="British Prime Minister", date=None),
        _fact("a2", "quote", "It is already too late,", line=2, speaker="Emmanuel Macron",
              text="It is already too late,", role="French President", date="2021-11-29"),
    ]  # fmt: skip
    claims = [
        _fact("a2", "claim", "three times the total for 2020", line=1, claim_type="ratio",
              subject="crossings this year", compared_with="2020 total", factor=3.0, period="2021",
              value=25700, metric="crossings"),
    ]  # fmt: skip
    tables = {
        "figures": figures,
        "events": events,
        "places": places,
        "quotes": quotes,
        "claims": claims,
    }
    articles = []
    for info in ARTICLES:
        counts = {
            f"n_{name}": sum(r["article"] == info["article"] for r in rows)
            for name, rows in tables.items()
        }
        articles.append({
            "article": info["article"], "title": info["title"], "outlet": info["outlet"], "url": None,
            "published": None, "reference_date": info["reference_date"], "reference_source": "caption",
            "path": f"tests/{info['article']}.txt", "sha256": "", "n_chars": len(info["text"]),
            "encoding": "utf-8", "warnings": "", **counts,
        })  # fmt: skip
    problems = [
        {
            "article": "broken",
            "path": "seeds/broken.txt",
            "reason": "not UTF-8 text",
            "severity": "error",
        }
    ]
    return Corpus(
        articles=typed(articles, "articles"),
        problems=typed(problems, "problems"),
        texts={a["article"]: a["text"] for a in ARTICLES},
        **{name: typed(rows, name) for name, rows in tables.items()},
    )


@pytest.fixture
def corpus() -> Corpus:
    return make_corpus()


def rewrite_csv(path: Path, edit) -> None:
    """Rewrite a CSV file with `edit(rows)` (its header row first), to spoil a reference file in a test."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(edit(rows))


def set_cell(column: str, key: str, value: str):
    """An edit for `rewrite_csv`: `column` set to `value` in the rows whose first cell is `key`."""

    def edit(rows: list[list[str]]) -> list[list[str]]:
        i = rows[0].index(column)
        for row in rows[1:]:
            if row[0] == key:
                row[i] = value
        return rows

    return edit
