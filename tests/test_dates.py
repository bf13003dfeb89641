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
        ("LONDON, Thursday, Nov. 25 (Reuters) - Four people died.", date(2021, 11, 25), "a weekday with its date (inferred)"),
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


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        # a weekday printed with its date is one date, whatever word leads into it
        ("The inquest was heard from Monday 17 February 2025.", date(2025, 3, 12),
         [("Monday 17 February 2025", "2025-02-17", "day")]),
        ("The boat left a beach early Saturday, Aug. 12, and sank.", date(2023, 8, 14),
         [("Saturday, Aug. 12", "2023-08-12", "day")]),
        # French copy writes the day and month in figures beside the weekday
        ("Thursday (18.07): 317 people crossed in six boats.", date(2024, 7, 21),
         [("Thursday (18.07)", "2024-07-18", "day")]),
        # a night that runs into the next day: the day before it
        ("Tuesday night into Wednesday (16-17.07): one person died off Gravelines.", date(2024, 7, 21),
         [("Tuesday night", "2024-07-16", "day"), ("Wednesday (16-17.07)", "2024-07-17", "day")]),
        ("Overnight on Tuesday into Wednesday, six men were found on the shingle.", date(2019, 1, 1),
         [("on Tuesday", "2018-12-25", "day"), ("Wednesday", "2018-12-26", "day")]),
        # holidays named for their day
        ("Forty migrants were picked up on the Kent coast on Christmas Day.", date(2018, 12, 26),
         [("Christmas Day", "2018-12-25", "day")]),
        ("A further 11 people arrived on New Year's Eve.", date(2019, 1, 1), [("New Year's Eve", "2018-12-31", "day")]),
        # "that same day" is the day just named
        ("On Saturday 21 August, a boat left Gravelines. That same day, 828 people crossed.", date(2021, 12, 9),
         [("Saturday 21 August", "2021-08-21", "day"), ("That same day", "2021-08-21", "day")]),
        # a day and month take the year the paragraph speaks of...
        ("In 2022, crossings soared. On 27 August, 1,000 people crossed.", date(2024, 5, 1),
         [("In 2022", "2022-01-01", "year"), ("27 August", "2022-08-27", "day")]),
        # ...or the year the text gives that same day elsewhere
        ("The boat left on 23 November 2021. At 01:51 on 24 November, a passenger called for help.", date(2023, 11, 9),
         [("23 November 2021", "2021-11-23", "day"), ("24 November", "2021-11-24", "day")]),
        ("Whoever walks into Downing Street on September 5 must act. He will be named on Monday, September 5.",
         date(2022, 8, 23), [("September 5", "2022-09-05", "day"), ("Monday, September 5", "2022-09-05", "day")]),
        # but not the year of a comparison, nor one named in passing mid-sentence
        ("More than 7,400 have crossed, compared with 1,843 in the whole of 2019. On September 2 alone, 416 arrived.",
         date(2020, 10, 28), [("in the whole of 2019", "2019-01-01", "year"), ("September 2", "2020-09-02", "day")]),
        ("It is one of the deadliest years since crossings began in 2018. On April 23, five people died.",
         date(2024, 9, 3), [("in 2018", "2018-01-01", "year"), ("April 23", "2024-04-23", "day")]),
        # the future seen from the past, a timetable's present, a gathering called for a day
        ("She said she would speak to Darmanin on Wednesday.", date(2024, 9, 3), [("on Wednesday", "2024-09-04", "day")]),
        ("Mr Sunak flies to San Diego on Monday for talks.", date(2023, 3, 10), [("on Monday", "2023-03-13", "day")]),
        ("The association has called for a vigil in Calais on Saturday.", date(2024, 7, 21),
         [("on Saturday", "2024-07-27", "day")]),
        # not one day
        ("Every Monday, we look back at the past week.", date(2024, 7, 22), []),
    ],
)  # fmt: skip
def test_resolves_dates_from_their_context(sentence: str, reference: date, expected: list) -> None:
    assert events(sentence, reference) == expected


@pytest.mark.parametrize(
    ("text", "expected", "source"),
    [
        # a report's own date line, day first
        ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\nFour men died on 14 December 2022.\n\n"
         "You must respond by 7 May 2025.\n\n9 Dated: 12/03/2025\n", date(2025, 3, 12), "published line"),
        # a weekday with its date, in the year after the latest year named, then the weekdays named alone
        ("Jailed\n\nHe was convicted after a trial which began on Monday, May 6. He was sentenced on Friday. "
         "In December last year alone, 138 people made the journey, and 299 arrived in the whole of 2018.",
         date(2019, 5, 10), "a weekday with its date, the weekdays named (inferred)"),
        # this year's total read in the Home Office series, and the weekdays of the week it was written in
        ("Record day\n\nA record 416 people crossed on Wednesday. The previous high was set on Thursday August 6. "
         "More boats left early on Thursday. The number who have made the crossing so far this year is now more than 5,600, "
         "compared with 1,843 in the whole of 2019.",
         date(2020, 9, 3), "the year-to-date total in the Home Office series, a weekday with its date, the weekdays named (inferred)"),
        ("Week in review\n\nFriday (19.07): 414 people crossed. Saturday (20.07): 228 people crossed. "
         "Sunday (21.07): 114 people crossed, bringing the total for 2024 so far to 15,832.",
         date(2024, 7, 21), "the year-to-date total in the Home Office series, a weekday with its date (inferred)"),
        # a year named to compare with is before the article's year
        ("Record\n\nThe record was set on Thursday, Aug. 6, far above the 2,000 of the whole of 2015.",
         date(2020, 8, 6), "a weekday with its date (inferred)"),
        # the headline's year is read first, and a day's record "so far this year" is no running total
        ("Migrants cross Channel in busiest day of 2025\n\nMore than 1,100 migrants crossed the Channel on "
         "Saturday, the highest daily figure so far this year, government figures published on Sunday showed. "
         "A total of 1,194 people made the journey, bringing the number of arrivals since January 1 to more than "
         "14,800. The previous high for a single day in 2025 was 825, on May 21.",
         date(2025, 6, 1), "the year-to-date total in the Home Office series, the weekdays named (inferred)"),
        # a total rounded too coarsely pins no day; nothing else does either
        ("Jailed\n\nAbout 300 people have crossed so far this year, after 299 in the whole of 2018.", None, None),
    ],
)  # fmt: skip
def test_pins_the_reference_date_of_undated_copy(text: str, expected: date | None, source: str | None) -> None:
    doc = build_document(text, article="t")
    assert infer_reference_date(doc) == (expected, source)

