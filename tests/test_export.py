"""lib/export.py: the selected facts as CSV and JSON, each with its provenance."""

from __future__ import annotations

import io
import json
from datetime import date

import pandas as pd
from conftest import make_corpus

from lib.corpus.export import export_columns, export_name, facts_frame, file_stem, to_csv, to_json
from lib.corpus.filters import FilterState, apply_filters
from lib.schema import PROVENANCE


def test_columns_start_with_provenance_then_source():
    columns = export_columns()
    assert columns[: len(PROVENANCE)] == list(PROVENANCE)
    assert columns[len(PROVENANCE) : len(PROVENANCE) + 3] == ["title", "outlet", "url"]
    for kind_column in (
        "metric",
        "value",
        "date",
        "phrase",
        "name",
        "lat",
        "speaker",
        "text",
        "claim_type",
    ):
        assert kind_column in columns
    assert len(columns) == len(set(columns))


def test_every_fact_once_with_its_evidence():
    corpus = make_corpus()
    facts = facts_frame(corpus)
    assert len(facts) == 16
    assert list(facts.columns) == export_columns()
    for row in facts.to_dict("records"):
        assert corpus.texts[row["article"]][row["start"] : row["end"]] == row["evidence"]
    assert set(facts.loc[facts["article"] == "a1", "title"]) == {
        "UK asks France to take back migrants"
    }


def test_export_follows_the_filters():
    selected = apply_filters(make_corpus(), FilterState(speakers=("Boris Johnson",)))
    assert sorted(facts_frame(selected)["evidence"]) == [
        "We are ready to begin patrols,",
        "Wimereux",
    ]


def test_csv_round_trips():
    facts = facts_frame(make_corpus())
    back = pd.read_csv(io.BytesIO(to_csv(facts)))
    assert list(back.columns) == export_columns()
    assert len(back) == len(facts)
    assert list(back["evidence"]) == list(facts["evidence"])
    assert set(back["fact_date"]) == {"2021-11-24", "2021-11-25", "2021-11-29"}
    assert "own" in back.columns and set(back["own"]) == {True, False}
    # article text with commas, quotes and newlines stays in its cell
    quote = back[back["kind"] == "quote"].iloc[0]
    assert quote["sentence"].startswith('"We are ready')


def test_json_is_plain_and_carries_the_filters():
    facts = facts_frame(make_corpus())
    document = json.loads(to_json(facts, filters={"speaker": ["Boris Johnson"]}))
    assert document["filters"] == {"speaker": ["Boris Johnson"]}
    assert document["count"] == len(document["facts"]) == 16
    figure = next(f for f in document["facts"] if f["evidence"] == "At least 27")
    assert figure == {
        "article": "a1", "kind": "figure", "start": 37, "end": 48, "evidence": "At least 27",
        "sentence": "At least 27 people died when their boat sank off Calais on Wednesday.",
        "sentence_start": 37, "sentence_end": 106, "section": "body", "own": True,
        "fact_date": "2021-11-24", "fact_start": "2021-11-24", "fact_end": "2021-11-24",
        "title": "UK asks France to take back migrants", "outlet": "CGTN",
        "metric": "deaths", "value": 27, "qualifier": "at_least", "period": "2021-11-24",
        "period_start": "2021-11-24", "period_end": "2021-11-24",
    }  # fmt: skip
    event = next(f for f in document["facts"] if f["kind"] == "event" and f["article"] == "a1")
    assert event["date"] == "2021-11-24"


def test_empty_selection_exports_headers_only():
    selected = apply_filters(make_corpus(), FilterState(date_from=date(2030, 1, 1)))
    facts = facts_frame(selected)
    assert facts.empty and list(facts.columns) == export_columns()
    assert to_csv(facts).decode().strip() == ",".join(export_columns())
    assert json.loads(to_json(facts))["facts"] == []


def test_export_name_says_every_filter():
    assert (
        export_name({"from": ["2021-11-24"], "to": ["2021-11-29"]}, "csv")
        == "channel-facts_from-2021-11-24_to-2021-11-29.csv"
    )
    assert (
        export_name(
            {"place": ["Calais", "Boulogne-sur-Mer"], "speaker": ["Emmanuel Macron"], "url": ["a", "b"]},
            "json",
        )
        == "channel-facts_place-calais+boulogne-sur-mer_speaker-emmanuel-macron_links-2.json"
    )
    assert export_name({"article": ["Été à Calais.txt"]}, "csv") == "channel-facts_article-ete-a-calais-txt.csv"


def test_an_unfiltered_export_says_so():
    assert export_name({}, "json") == "channel-facts_all.json"
    assert export_name({"from": [], "place": []}, "csv") == "channel-facts_all.csv"


def test_a_long_name_is_cut_but_stays_unique():
    many = {"place": [f"Place number {i}" for i in range(30)]}
    other = {"place": [f"Place number {i}" for i in range(31)]}
    assert len(export_name(many, "csv")) <= 160
    assert export_name(many, "csv") != export_name(other, "csv")


def test_a_chart_name_says_what_it_shows():
    assert file_stem({"from": "2023-01-01"}, "record-arrivals") == "channel-record-arrivals_from-2023-01-01"
