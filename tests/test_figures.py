"""Counts of people: metric from the sentence's language, qualifier, group, period; non-counts left out."""

from datetime import date

import pytest

from lib.extract.figures import extract_figures, parse_number
from lib.extract.text import build_document

REFERENCE = date(2021, 11, 25)


def figures(sentence: str) -> list[tuple]:
    doc = build_document(sentence, article="t")
    doc.reference_date = REFERENCE
    return [(f.metric, f.value, f.qualifier, f.group) for f in extract_figures(doc)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("At least 27 died when their boat foundered off Calais.", [("deaths", 27, "at_least", None)]),
        ("Seventeen men, seven women and three minors died when the boat lost air.",
         [("deaths", 17, "exact", "men"), ("deaths", 7, "exact", "women"), ("deaths", 3, "exact", "minors")]),
        ("More than 25,700 people have made the cross-Channel journey in small boats this year.",
         [("crossings", 25700, "more_than", None)]),
        ("Twenty-seven migrants drowned.", [("deaths", 27, "exact", None)]),
        ("A dozen people were rescued by the RNLI.", [("rescued", 12, "exact", None)]),
        ("Two survivors were taken to hospital in Calais.", [("rescued", 2, "exact", None)]),
        ("Four people are still missing.", [("missing", 4, "exact", None)]),
        ("The dinghy was carrying 34 people.", [("on_board", 34, "exact", None)]),
        ("There were about 60 people on board.", [("on_board", 60, "about", None)]),
        ("Nearly 1,300 migrants crossed the Channel on Monday.", [("crossings", 1300, "about", None)]),
        ("Up to 50 people were crammed into the boat.", [("on_board", 50, "up_to", None)]),
        ("Between 40 and 50 people were on board.", [("on_board", 40, "at_least", None)]),
        ("Three or four children were rescued.", [("rescued", 3, "at_least", "children")]),
        ("The boat capsized, killing 12 people.", [("deaths", 12, "exact", None)]),
        ("The death toll rose to 27.", [("deaths", 27, "exact", None)]),
        ("Some 200 migrants arrived in Dover.", [("crossings", 200, "about", None)]),
        ("Five bodies were recovered from the beach.", [("deaths", 5, "exact", None)]),
        ("1.2 million people have crossed the Mediterranean.", [("crossings", 1200000, "exact", None)]),
        ("Fewer than 100 people crossed in January.", [("crossings", 100, "fewer_than", None)]),
        ("The four who died were three men and a woman.",
         [("deaths", 4, "exact", None), ("deaths", 3, "exact", "men"), ("deaths", 1, "exact", "women")]),
        ("French vessels rescued 59 people and a cutter picked up 21 more.",
         [("rescued", 59, "exact", None), ("rescued", 21, "exact", None)]),
        ("Rescuers are trying to find two people who are still missing.", [("missing", 2, "exact", None)]),
        ("The remaining 58 refused help and later arrived in Dover.", [("crossings", 58, "exact", None)]),
        ("Arrivals since 2018 have passed 100,000.", [("crossings", 100000, "more_than", None)]),
        # not counts of people
        ("A man was arrested in Calais.", []),
        ("Hundreds of people gathered on the beach.", []),
        ("The route became popular in 2018.", []),
        ("A 25-year-old man was arrested.", []),
        ("The man, aged 32, was arrested.", []),
        ("The boat left at 3am and sank 5km off the coast.", []),
        ("The UK paid £54 million to France.", []),
        ("Crossings rose by 40% this year.", []),
        ("The 10-metre boat was overloaded.", []),
        ("It would save thousands of lives.", []),
        ("That is 10,000 more than last year.", []),
        ("The report was shown on Channel 4 last night.", []),
        ("They travelled in 27 small boats.", []),
        ("The boat sank on November 24, 2021.", []),
        ("It is three times the total for the whole of 2020.", []),
    ],
)
def test_extracts_counts(sentence: str, expected: list[tuple]) -> None:
    assert [f for f in figures(sentence) if f[0] != "boats"] == expected


@pytest.mark.parametrize(
    ("words", "value"),
    [("27", 27), ("25,700", 25700), ("Seventeen", 17), ("twenty-seven", 27), ("twenty seven", 27),
     ("a dozen", 12), ("1.2 million", 1_200_000), ("two hundred", 200), ("three thousand", 3000),
     ("one hundred and twenty", 120), ("nonsense", None)],
)
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value


def test_period_is_the_event_day_or_the_year() -> None:
    doc = build_document(
        "Seventeen men died when the boat sank off Calais on Wednesday. "
        "More than 25,700 people have crossed this year.",
        article="t",
    )
    doc.reference_date = REFERENCE
    assert [(f.value, f.period) for f in extract_figures(doc)] == [(17, "2021-11-24"), (25700, "2021")]


def test_evidence_points_at_the_count() -> None:
    text = "At least 27 died. Seventeen men, seven women and three minors were among them."
    doc = build_document(text, article="t")
    for f in extract_figures(doc):
        assert text[f.start : f.end].lower().startswith(("at least", "seventeen", "seven", "three"))
