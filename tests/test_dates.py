"""Date phrases resolved against a reference date, and the reference date inferred from the text."""

from datetime import date

import pytest

from lib.extract.dates import extract_events, infer_reference_date
from lib.extract.text import build_document

THURSDAY = date(2021, 11, 25)


def events(sentence: str, reference: date | None = THURSDAY) -> list[tuple[str, str, str]]:
    doc = build_document(sentence, article="t")
    doc.reference_date = reference
    return [(e.phrase, e.date, e.precision) for e in extract_events(doc)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The boat sank on Wednesday.", [("on Wednesday", "2021-11-24", "day")]),
        ("Johnson wrote to Macron on Thursday.", [("on Thursday", "2021-11-25", "day")]),
        ("Ministers will meet in Calais next Monday.", [("next Monday", "2021-11-29", "day")]),
        ("Ministers will meet on Monday.", [("on Monday", "2021-11-29", "day")]),
        ("Police said on Monday that two men were held.", [("on Monday", "2021-11-22", "day")]),
        ("A second boat was found last Friday.", [("last Friday", "2021-11-19", "day")]),
        ("The bodies were found yesterday.", [("yesterday", "2021-11-24", "day")]),
        ("Officers patrolled the beach this morning.", [("this morning", "2021-11-25", "day")]),
        ("Two boats were seen last night.", [("last night", "2021-11-24", "day")]),
        ("The two will meet this weekend.", [("this weekend", "2021-11-27", "week")]),
        ("Arrivals rose last week.", [("last week", "2021-11-15", "week")]),
        ("It happened earlier this month.", [("earlier this month", "2021-11-01", "month")]),
        ("Numbers fell last month.", [("last month", "2021-10-01", "month")]),
        ("More than 25,700 people crossed this year.", [("this year", "2021-01-01", "year")]),
        ("The route opened in 2018.", [("in 2018", "2018-01-01", "year")]),
        ("It was three times the total for the whole of 2020.", [("for the whole of 2020", "2020-01-01", "year")]),
        ("The boat sank on November 24, 2021.", [("November 24, 2021", "2021-11-24", "day")]),
        ("The boat sank on 24 November 2021.", [("24 November 2021", "2021-11-24", "day")]),
        ("The boat sank on Nov. 24.", [("Nov. 24", "2021-11-24", "day")]),
        ("The file is dated 24/11/2021.", [("24/11/2021", "2021-11-24", "day")]),
        ("The inquiry opened on Thursday 25 November.", [("Thursday 25 November", "2021-11-25", "day")]),
        ("A boat sank on 12 August.", [("12 August", "2021-08-12", "day")]),
        ("Crossings peaked in August 2022.", [("August 2022", "2022-08-01", "month")]),
        ("A boat sank on Tuesday. The survivors were landed the following day.",
         [("on Tuesday", "2021-11-23", "day"), ("the following day", "2021-11-24", "day")]),
        ("Bodies were found on 3 September 2024. The boat had left the previous day.",
         [("3 September 2024", "2024-09-03", "day"), ("the previous day", "2024-09-02", "day")]),
        # not dates
        ("She may return to Calais.", []),
        ("The 2,018 people who crossed.", []),
    ],
)
def test_resolves_date_phrases(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert events(sentence) == expected


def test_relative_dates_stay_unresolved_without_a_reference_date() -> None:
    assert events("The boat sank on Wednesday.", reference=None) == []


@pytest.mark.parametrize(
    ("text", "expected", "source"),
    [
        ("Headline\n\nPolice patrol the beach at Wimereux, France, November 25, 2021. /CFP\n\nThe boat sank on Wednesday.",
         date(2021, 11, 25), "caption"),
        ("Published: 09:15, 13 December 2022\n\nFour people died.", date(2022, 12, 13), "published line"),
        ("Updated 14/08/2022 18:05\nPublished 13/08/2022 11:47\n\nFour people died.", date(2022, 8, 13), "published line"),
        ("Wed 24 Nov 2021 21.54 GMT\n\nFour people died on Wednesday.", date(2021, 11, 24), "published line"),
        ("November 24, 2021 at 3:04 p.m. EST\n\nFour people died.", date(2021, 11, 24), "published line"),
        ("Four people died on 14 December 2022, police said. The search ended on 15 December 2022.",
         date(2022, 12, 15), "latest date in the text"),
        ("LONDON, Thursday, Nov. 25 (Reuters) - Four people died.", date(2021, 11, 25), "weekday and date"),
        ("Four people died on Wednesday.", None, None),
    ],
)
def test_infers_reference_date(text: str, expected: date | None, source: str | None) -> None:
    doc = build_document(text, article="t")
    assert infer_reference_date(doc) == (expected, source)


def test_weekday_that_disagrees_with_its_date_is_reported() -> None:
    doc = build_document("The boat sank on Friday, November 24, 2021.", article="t")
    infer_reference_date(doc)
    assert any("weekday" in w for w in doc.warnings)


def test_evidence_offsets_point_at_the_phrase() -> None:
    text = "Download\r\nNews\n\nThe boat sank on Wednesday, and ministers meet next Monday."
    doc = build_document(text.replace("\r\n", "\n"), article="t")
    doc.reference_date = THURSDAY
    for e in extract_events(doc):
        assert doc.text[e.start : e.end] == e.phrase
