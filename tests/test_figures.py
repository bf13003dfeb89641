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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # people landed in Britain crossed; people taken back to France were rescued
        ("A further 22 people were picked up by British vessels and brought to Dover.", [("crossings", 22, "exact", None)]),
        ("Home Office figures show 351 people were brought to Dover on Monday in six boats.",
         [("crossings", 351, "exact", None)]),
        ("1,194 people were brought ashore in 18 boats on Saturday, the Home Office said.",
         [("crossings", 1194, "exact", None)]),
        ("All 62 were picked up by Border Force and brought ashore at Dover.", [("crossings", 62, "exact", None)]),
        ("More than 700 people were intercepted and brought to the UK.", [("crossings", 700, "more_than", None)]),
        ("On Sunday, eight people were picked up off Dungeness.", [("crossings", 8, "exact", None)]),
        ("French rescue boats rescued 59 people and brought them back to Calais.", [("rescued", 59, "exact", None)]),
        ("A navy vessel picked up 47 people from the water and brought them back to France.",
         [("rescued", 47, "exact", None)]),
        ("The prefecture said another 37 were picked up off Gravelines.", [("rescued", 37, "exact", None)]),
        ("Rescuers had brought 58 people back to Boulogne-sur-Mer on Saturday.", [("rescued", 58, "exact", None)]),
        ("Thirty-nine people were rescued and brought to Dover.", [("rescued", 39, "exact", None)]),
        ("Nearly 2,000 migrants attempting the crossing have been rescued at sea.", [("rescued", 2000, "about", None)]),
        ("French rescuers picked up 40 people trying to reach the UK.", [("rescued", 40, "exact", None)]),
        ("1,194 people were brought ashore on Saturday, after winds kept the dinghies on the French beaches.",
         [("crossings", 1194, "exact", None)]),
        # a boat's load is on board; who died, whoever they were, died
        ("A boat carrying 65 people sank.", [("on_board", 65, "exact", None)]),
        ("Twenty-six people left a beach near Wimereux at night.", [("on_board", 26, "exact", None)]),
        ("The dead -- three men, one woman and the girl -- were crushed in a crowded boat.",
         [("deaths", 3, "exact", "men"), ("deaths", 1, "exact", "women")]),
        ("At least four people believed to have been on board remain missing.", [("missing", 4, "at_least", None)]),
        ("The loss of at least 27 lives was avoidable.", [("deaths", 27, "at_least", None)]),
        ("39 Vietnamese nationals were found dead in a lorry.", [("deaths", 39, "exact", None)]),
        ("All six victims were Afghan men.", [("deaths", 6, "exact", "men")]),
        # parts of the count before them
        ("Ten of the dead were women, and six were children.",
         [("deaths", 10, "exact", "women"), ("deaths", 6, "exact", "children")]),
        ("Twelve people died, ten of them women.", [("deaths", 12, "exact", None), ("deaths", 10, "exact", "women")]),
        ("In all 12,747 people arrived, of whom 1,162 were unaccompanied minors.",
         [("crossings", 12747, "exact", None), ("crossings", 1162, "exact", "minors")]),
        ("Forty migrants were picked up on the Kent coast. The group was made up of 34 men, three women and three children.",
         [("crossings", 40, "exact", None), ("crossings", 34, "exact", "men"), ("crossings", 3, "exact", "women"),
          ("crossings", 3, "exact", "children")]),
        ("The French authorities recovered the bodies of 27 people: 17 men, seven women and three minors.",
         [("deaths", 27, "exact", None), ("deaths", 17, "exact", "men"), ("deaths", 7, "exact", "women"),
          ("deaths", 3, "exact", "minors")]),
        # counts set beside, or elided after, the one before them
        ("At least 15 people have died this year, compared with 12 in the whole of 2023.",
         [("deaths", 15, "at_least", None), ("deaths", 12, "exact", None)]),
        ("In the first four months, 279 people made the journey; in August alone, 342 did.",
         [("crossings", 279, "exact", None), ("crossings", 342, "exact", None)]),
        ("Four people died on Tuesday and 12 more arrived in Dover.",
         [("deaths", 4, "exact", None), ("crossings", 12, "exact", None)]),
        ("He said France had prevented 30,000 people from crossing, including 1,200 in the past week.",
         [("prevented", 30000, "exact", None), ("prevented", 1200, "exact", None)]),
        # a count named by what it brings a total to, or by the total it reaches
        ("In November alone, 6,971 made the crossing.", [("crossings", 6971, "exact", None)]),
        ("His death brings to at least 29 the number of people who have died.", [("deaths", 29, "at_least", None)]),
        ("A further eight were recovered, bringing to 39 the number of survivors.",
         [("rescued", 8, "exact", None), ("rescued", 39, "exact", None)]),
        ("In 2018 fewer than 300 people crossed. The number soared to 8,466 in 2020, and to a record 45,774 in 2022.",
         [("crossings", 300, "fewer_than", None), ("crossings", 8466, "exact", None), ("crossings", 45774, "exact", None)]),
        ("1,194 people crossed on Saturday. It beats the previous high for 2025 of 825, set on May 21.",
         [("crossings", 1194, "exact", None), ("crossings", 825, "exact", None)]),
        ("Around 1,295 crossed on Monday. The figures take the total for 2022 so far to more than 22,600 – a record.",
         [("crossings", 1295, "about", None), ("crossings", 22600, "more_than", None)]),
        # not counts of people who crossed, died or were rescued
        ("The smugglers organised at least 11 crossings between May and August.", []),
        ("The three men ran crossings from beaches near Dunkirk.", []),
        ("More than 500 people have attempted to cross the Channel this year.", []),
        ("It was carrying 62 people in a dinghy designed for fewer than 20.", [("on_board", 62, "exact", None)]),
        ("Two children aged five and eight were declared dead.", [("deaths", 2, "exact", "children")]),
        ('"Nobody came," one of the passengers told us.', []),
        ("France stopped more than 1 in 3 attempted crossings.", []),
        ("Four were taken to hospital in Boulogne.", []),
        ("1.1.2 The survivors estimated that the boat was overloaded.", []),
        ("That is 17,000 more than last year.", []),
        ("Police arrested two men, and three women were questioned.", []),
        ("Under the deal, 50 people were sent back to France.", []),
        ("The toll now stands at 37.", [("deaths", 37, "exact", None)]),
    ],
)  # fmt: skip
def test_reads_counts_as_news_language_means_them(sentence: str, expected: list[tuple]) -> None:
    assert figures(sentence) == expected


def table(text: str, reference: date = date(2025, 1, 16)) -> list[tuple]:
    doc = build_document(text, article="t")
    doc.reference_date = reference
    return [(f.metric, f.value, f.period_start, f.period_end) for f in extract_figures(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aligned with spaces, two columns that name their metric, a total over the caption's years
        ("Table 1: Deaths and small-boat arrivals, 2018-2024\n\nYear    Deaths (at least)    Small-boat arrivals\n"
         "2018    11                   299\n2019    50*                  1,843\nTotal   237                  151,161\n",
         [("deaths", 11, "2018-01-01", "2018-12-31"), ("crossings", 299, "2018-01-01", "2018-12-31"),
          ("deaths", 50, "2019-01-01", "2019-12-31"), ("crossings", 1843, "2019-01-01", "2019-12-31"),
          ("deaths", 237, "2018-01-01", "2024-12-31"), ("crossings", 151161, "2018-01-01", "2024-12-31")]),
        # pipes; a column of "People" takes the article's metric, a column of boats is not people; days by row
        ("A record 1,295 people crossed on 22 August.\n\nThe busiest days\n\nDate | People | Boats\n"
         "22 August 2022 | 1,295 | 27\n11 November 2021 | 1,185 | 36\n",
         [("crossings", 1295, "2022-08-22", "2022-08-22"), ("crossings", 1295, "2022-08-22", "2022-08-22"),
          ("crossings", 1185, "2021-11-11", "2021-11-11")]),
        # a list of "year: number"; "(to 22 August)" runs from 1 January
        ("Some 22,670 people have crossed this year.\n\nYear by year\n\n2018: 299\n2019: 1,843\n2022 (to 22 August): 22,670\n",
         [("crossings", 22670, "2025-01-01", "2025-01-16"), ("crossings", 299, "2018-01-01", "2018-12-31"),
          ("crossings", 1843, "2019-01-01", "2019-12-31"), ("crossings", 22670, "2022-01-01", "2022-08-22")]),
        # a table of boats counts no people
        ("Boats by month\n\nMonth | Boats\nJune | 120\nJuly | 140\n", []),
    ],
)  # fmt: skip
def test_reads_counts_in_tables_and_lists(text: str, expected: list[tuple]) -> None:
    assert table(text) == expected

