"""Comparative and milestone claims: table-driven sentences, the seed article, non-claims, and invariants."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.extract.claims import extract_claims
from lib.extract.text import build_document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_7c27d60d4c13592b.txt"
REFERENCE_DATE = date(2021, 11, 25)


def _claims(sentence: str, reference_date: date | None = REFERENCE_DATE):
    doc = build_document(f"Channel crossings\n\n{sentence}\n", article="t")
    doc.reference_date = reference_date
    return doc, extract_claims(doc)


def _summary(doc, claims):
    """(evidence, claim_type, factor, compared_with, period, value, metric) per claim."""
    return [
        (
            doc.text[c.start : c.end],
            c.claim_type,
            c.factor,
            c.compared_with,
            c.period,
            c.value,
            c.metric,
        )
        for c in claims
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ratios
        ("More than 25,700 people have made the cross-Channel journey in small boats this year – three times the total for the whole of 2020, according to PA.",
         [("three times the total for the whole of 2020", "ratio", 3, "2020 total", "2021", 25700, "crossings")]),
        ("Twice as many migrants crossed the Channel this year as last year.",
         [("Twice as many migrants crossed the Channel this year as last year", "ratio", 2, "2020 total", "2021", None, "crossings")]),
        ("Twice as many people crossed in 2021 as in 2020.",
         [("Twice as many people crossed in 2021 as in 2020", "ratio", 2, "2020 total", "2021", None, "crossings")]),
        ("The number of arrivals is double last year's total.",
         [("double last year's total", "ratio", 2, "2020 total", None, None, "crossings")]),
        ("Crossings have more than doubled compared with 2020.",
         [("more than doubled compared with 2020", "ratio", 2, "2020 total", None, None, "crossings")]),
        ("About 14,000 people have crossed so far in 2022, half the number recorded in 2021.",
         [("half the number recorded in 2021", "ratio", 0.5, "2021 total", "2022", 14000, "crossings")]),
        ("Arrivals so far this year are three times those of the same period last year.",
         []),  # "three times those of": no total, number or "as many" before the target: left alone
        ("Arrivals are four times higher than in 2019.",
         [("four times higher than in 2019", "ratio", 4, "2019 total", None, None, "crossings")]),
        # changes
        ("Crossings this year are up 25% on last year.",
         [("up 25% on last year", "change", 1.25, "2020 total", "2021", None, "crossings")]),
        ("Some 29,437 people crossed in 2023, 36% below 2022.",
         [("36% below 2022", "change", 0.64, "2022 total", "2023", 29437, "crossings")]),
        ("Arrivals rose by 13 per cent compared with 2024.",
         [("rose by 13 per cent compared with 2024", "change", 1.13, "2024 total", None, None, "crossings")]),
        ("There was a 25% increase on the previous year, with 36,816 arrivals in 2024.",
         [("a 25% increase on the previous year", "change", 1.25, "2023 total", "2024", 36816, "crossings")]),
        # records
        ("It was a record year for crossings.", [("a record year", "record", None, "on record", None, None, "crossings")]),
        ("2022 was a record year, with 45,774 arrivals.",
         [("a record year", "record", None, "on record", "2022", 45774, "crossings")]),
        ("A record 1,185 people crossed the Channel in a single day.",
         [("A record", "record", None, "single day", None, 1185, "crossings")]),
        ("Record numbers of migrants have crossed this year.",
         [("Record numbers", "record", None, "on record", "2021", None, "crossings")]),
        ("The 2022 total was the highest on record.",
         [("the highest on record", "record", None, "on record", "2022", None, None)]),
        ("Arrivals broke the record set in 2022.", [("broke the record", "record", None, "on record", "2022", None, "crossings")]),
        # superlatives
        ("It was the deadliest accident since 2018.",
         [("the deadliest accident since 2018", "superlative", None, "since 2018", None, None, "deaths")]),
        ("This was the deadliest since 2018.", [("the deadliest since 2018", "superlative", None, "since 2018", None, None, "deaths")]),
        ("The sinking was the worst disaster on record in the Channel.",
         [("the worst disaster on record", "superlative", None, "on record", None, None, "deaths")]),
        ("Monday saw the highest number of crossings in a single day this year.",
         [("the highest number of crossings in a single day this year", "superlative", None, "this year", "2021", None, "crossings")]),
        ("August was the busiest month this year, with 8,631 arrivals.",
         [("the busiest month this year", "superlative", None, "this year", "2021", 8631, "crossings")]),
        ("It was the deadliest-ever crossing.", [("deadliest-ever", "superlative", None, "on record", None, None, "deaths")]),
        # milestones
        ("The number of arrivals passed the 10,000 mark in August.",
         [("passed the 10,000 mark", "milestone", None, "10,000 mark", None, 10000, "crossings")]),
        ("Crossings surpassed 20,000 this year.", [("surpassed 20,000", "milestone", None, "20,000 mark", "2021", 20000, "crossings")]),
        ("Migrant arrivals have topped 28,500 in 2021.",
         [("topped 28,500", "milestone", None, "28,500 mark", "2021", 28500, "crossings")]),
        ("The 20,000 mark was passed on Tuesday.",
         [("The 20,000 mark was passed", "milestone", None, "20,000 mark", None, 20000, None)]),
    ],
)  # fmt: skip
def test_claims(sentence, expected):
    doc, claims = _claims(sentence)
    assert _summary(doc, claims) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials kept a record of the meeting.",
        "He has a criminal record.",
        "For the record, the minister said nothing.",
        "The record shows that the boat left at night.",
        "The men tried to cross twice.",
        "They want to double the number of patrols.",
        "The deadliest weapon is apathy.",
        "It was the worst thing he had seen.",
        "The highest court ruled on Tuesday.",
        "Half of them were children.",
        "In the first half of 2022, crossings rose.",
        "The plan would cut crossings by half.",
        "The boat had travelled three times further than planned.",
        "The figure passed 27 on Thursday.",
        "The dinghy had reached 3,000 metres from the coast.",
        "The patrol boat hit 30 knots.",
        "25% of those who crossed were children.",
        "Crossings rose 25% in 2022.",
        "Police recorded 500 crossings.",
        "A manslaughter probe has been opened.",
    ],
)
def test_not_claims(sentence):
    _doc, claims = _claims(sentence)
    assert claims == []


def test_seed_article():
    doc = build_document(SEED.read_text(encoding="utf-8"), article=SEED.stem)
    doc.reference_date = REFERENCE_DATE
    claims = extract_claims(doc)
    assert _summary(doc, claims) == [
        (
            "the deadliest accident since the waterway in 2018",
            "superlative",
            None,
            "since 2018",
            None,
            None,
            "deaths",
        ),
        (
            "three times the total for the whole of 2020",
            "ratio",
            3,
            "2020 total",
            "2021",
            25700,
            "crossings",
        ),
    ]
    superlative, ratio = claims
    assert superlative.subject == "accident"
    assert ratio.subject == "crossings"
    assert ratio.sentence.startswith("More than 25,700 people have made the cross-Channel journey")
    assert ratio.section == "body"


def test_without_reference_date_relative_years_stay_unresolved():
    doc, claims = _claims(
        "Twice as many migrants crossed the Channel this year as last year.", reference_date=None
    )
    assert [(c.compared_with, c.period) for c in claims] == [("last year", None)]


def test_claims_in_noise_are_skipped():
    text = "Channel crossings\n\n<div class='promo'>a record 500 people</div>\nCrossings rose.\nDownload\n"
    doc = build_document(text, article="t")
    assert all(doc.sentence_at(c.start) is not None for c in extract_claims(doc))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("abc 0123456789,.%–-\n") + [
    " record ", " the deadliest ", " since 2018", " three times ", " twice as many as ", " last year",
    " up 25% on ", " passed the 10,000 mark", " this year", " crossed ", " died ", "2020", " the total for ",
]), max_size=60).map("".join))  # fmt: skip
def test_never_raises_and_offsets_point_at_evidence(text):
    doc = build_document("Headline\n\n" + text + "\n", article="t") if text.strip() else None
    if doc is None:
        return
    doc.reference_date = REFERENCE_DATE
    for claim in extract_claims(doc):
        assert 0 <= claim.start < claim.end <= len(doc.text)
        assert doc.text[claim.start : claim.end].strip()
        assert claim.sentence
