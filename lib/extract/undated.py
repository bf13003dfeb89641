"""The reference date of an article that prints none: pinned by the days it names, its year-to-date total and its weekdays.

Wire copy, court reports and explainers often reach us without a date line. What they
say of their own days still pins them, each rule a habit of news English:

- a weekday printed with its date ("Monday, May 6", "Thursday (18.07)") fixes the year in
  which that day fell on that weekday; of those years, the first not before the latest
  year the article names ("compared with 1,843 in the whole of 2019" is written after 2019);
- "more than 5,600 have crossed so far this year" names the days by whose end the Home
  Office's running total of the year stood there (`lib.extract.series`); a rounded total
  pins them only when the rounding is fine (within 2%);
- the weekdays it names alone are the days of the week it was written in: a weekday no
  dated day of the article explains is one of the days from two days before its latest
  dated day onwards ("a trial which began on Monday, May 6. He was sentenced on Friday."
  is written on Friday 10 May at the earliest).

What this gives is labelled "(inferred)" in `reference_source`, with the evidence it used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from lib.extract import series
from lib.extract.resources import WEEKDAYS
from lib.extract.text import Document

_EARLIEST_YEAR = 2015  # the small-boat route's news starts here
_FINE_ROUNDING = 0.02  # a total rounded more coarsely than this pins no day
_BEFORE_ANCHOR = 2  # a weekday named alone is at most this many days before the latest dated day
_MOST_AFTER = 6  # and the article is written within the week after it

# "so far this year", "since 1 January", "the total for 2024 so far", "so far in 2022"
_YEAR_TO_DATE = re.compile(
    r"\b(?:so\s+far\s+(?:this\s+year|in\s+(?P<y1>(?:19|20)\d\d))|this\s+year\s+so\s+far|(?:the\s+)?year\s+to\s+date"
    r"|since\s+(?:the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|1(?:st)?\s+january|january\s+1(?:st)?\b|january)"
    r"|(?:total|number|tally)\s+for\s+(?:the\s+year|this\s+year|(?P<y2>(?:19|20)\d\d))\s+so\s+far)\b",
    re.I,
)
_ARRIVALS = re.compile(r"\b(?:cross(?:ed|ing|ings)?|arriv\w*|reached|made\s+the\s+(?:journey|crossing)|landed|detected)\b", re.I)
_TOTAL = re.compile(
    r"(?P<qual>\b(?:more\s+than|over|just\s+over|nearly|almost|just\s+under|about|around|some|roughly)\s+)?"
    r"(?<![\d,.])(?P<n>\d{1,3}(?:,\d{3})+|\d{4,6})(?![\d,]*\d)(?!\s*(?:%|per\s*cent|more|fewer|less))",
    re.I,
)
# "the highest daily figure so far this year", "the busiest day this year so far": the phrase
# qualifies a day's record, and the number beside it is that day's count, not a running total.
_DAY_RECORD = re.compile(r"\b(?:highest|busiest|largest|biggest|record|most)\b[^.;]{0,30}\b(?:daily|day|single)\b", re.I)
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|than|up\s+from|down\s+from|against|versus|vs\.?)\s+(?:\w+\s+){0,2}$", re.I)
_FUTURE_BOUND = re.compile(r"^(?:by|until|before|after|from)\b", re.I)
_COMPARED_YEAR = re.compile(
    r"\b(?:compared\s+(?:with|to)|than|up\s+from|down\s+from|against|versus|same\s+(?:point|time|period|stage)|this\s+(?:point|stage))"
    r"[^.;]*$",
    re.I,
)


def years_named(doc: Document, known: Sequence[int]) -> list[int]:
    """The years the article names as past or present (not "by 2030"), with `known` (years of its full dates).

    A year named to compare with ("compared with 1,843 in the whole of 2019", "at the same
    point in 2023") is a year before the article's: the year after it is named too.
    """
    from lib.extract.dates import date_phrases

    named: list[int] = []
    for m in date_phrases(doc):
        if m.lastgroup != "inyear" or _FUTURE_BOUND.match(m.group("inyear")):
            continue
        year = int(m.group("inyear_y"))
        named.append(year)
        if "whole" in m.group("inyear").lower() or _COMPARED_YEAR.search(doc.clean, max(0, m.start() - 60), m.start()):
            named.append(year + 1)
    return [y for y in [*known, *named] if y <= date.today().year]


def weekday_year(month: int, day: int, weekday: int, named: Sequence[int]) -> int | None:
    """The year in which `day` `month` fell on `weekday`: the first not before the latest year
    named, else the nearest to this year."""
    good = [
        y
        for y in range(_EARLIEST_YEAR, date.today().year + 1)
        if _fits(y, month, day) and date(y, month, day).weekday() == weekday
    ]
    if not good:
        return None
    if named:
        later = [y for y in good if y >= max(named)]
        return min(later) if later else max(good)
    return min(good, key=lambda y: abs(y - date.today().year))


def _fits(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def pin_undated(doc: Document, found: Sequence[Any], named: Sequence[int]) -> tuple[date, str] | None:
    """The reference date of an article without one, from its dated weekdays, its year-to-date
    total and its weekdays named alone; None when none of them pins a day.

    Args:
        found: the article's absolute dates (`dates._Absolute`), with or without a year.
        named: the years it names (`years_named`).
    """
    dated: set[date] = set()
    anchors: list[tuple[date, str]] = []
    for a in found:
        if a.when is not None:
            dated.add(a.when)
            continue
        if a.weekday is None:
            continue
        year = weekday_year(a.month, a.day, a.weekday, named)
        if year is None:
            continue
        anchors.append((date(year, a.month, a.day), "a weekday with its date"))
        dated.update(date(year, a.month, d) for d in range(a.first_day or a.day, a.day + 1) if _fits(year, a.month, d))
    year_hint = max(d.year for d, _ in anchors) if anchors else None
    totals = _days_of_total(doc, year_hint, named)
    last_day: date | None = None
    if totals and (not anchors or totals[0] >= max(d for d, _ in anchors)):
        anchors.append((totals[0], "the year-to-date total in the Home Office series"))
        last_day = totals[-1] + timedelta(days=1)  # the day after the last at that total publishes it
    if not anchors:
        return None
    anchor, label = max(anchors)
    labels = sorted({lab for _, lab in anchors}, key=lambda lab: lab != label)
    latest = _after_weekdays(doc, anchor, dated)
    cap = min(anchor + timedelta(days=_MOST_AFTER), last_day or date.max)
    if latest > anchor:
        labels.append("the weekdays named")
    return min(max(latest, anchor), max(cap, anchor)), ", ".join(labels) + " (inferred)"


def _days_of_total(doc: Document, year_hint: int | None, named: Sequence[int]) -> list[date]:
    """The days on which the article's year-to-date total of arrivals stood in the Home Office series."""
    text = doc.clean
    for sentence in doc.sentences:
        if sentence.section not in ("body", "headline", "caption"):
            continue
        phrase = _YEAR_TO_DATE.search(text, sentence.start, sentence.end)
        if phrase is None or not _ARRIVALS.search(text, sentence.start, sentence.end):
            continue
        if _DAY_RECORD.search(text, max(sentence.start, phrase.start() - 50), phrase.start()):
            continue  # a day's record "so far this year": no running total here
        total = _nearest_total(text, sentence.start, sentence.end, phrase)
        if total is None:
            continue
        low, high = total
        given = phrase.group("y1") or phrase.group("y2")
        if given:
            years = [int(given)]
        elif year_hint is not None:
            years = [year_hint]
        elif named:
            # a year the headline names ("busiest day of 2025") is read first: a later year
            # whose total once stood there too is a coincidence of the series
            later = range(max(named), date.today().year + 1)
            years = list(dict.fromkeys([*_headline_years(doc), *later]))
        else:
            continue  # no year to read the total in
        for year in years:
            days = series.days_at_total(year, low, high)
            if days:
                return days
    return []


def _headline_years(doc: Document) -> list[int]:
    """The years (not after this one) the headline names, in the order it names them."""
    found = []
    for sentence in doc.sentences:
        if sentence.section == "headline":
            found += [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", doc.clean[sentence.start : sentence.end])]
    return [y for y in found if y <= date.today().year]


def _nearest_total(text: str, start: int, end: int, phrase: re.Match[str]) -> tuple[int, int] | None:
    """(low, high) of the total nearest the year-to-date phrase, from its rounding and qualifier."""
    best: tuple[int, re.Match[str]] | None = None
    for m in _TOTAL.finditer(text, start, end):
        if re.fullmatch(r"(?:19|20)\d\d", m.group("n")) or _COMPARED_BEFORE.search(text, max(start, m.start() - 40), m.start()):
            continue
        distance = phrase.start() - m.end() if m.end() <= phrase.start() else m.start() - phrase.end()
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), m)
    if best is None:
        return None
    m = best[1]
    value = int(m.group("n").replace(",", ""))
    zeros = len(str(value)) - len(str(value).rstrip("0"))
    unit = 10 ** min(zeros, len(str(value)) - 1)
    if value < 100 or unit / value > _FINE_ROUNDING:
        return None
    qualifier = " ".join((m.group("qual") or "").lower().split())
    if qualifier in ("more than", "over", "just over"):
        return value, value + unit - 1
    if qualifier in ("nearly", "almost", "just under"):
        return value - unit, value - 1
    if qualifier or unit > 1:
        return value - unit // 2, value + unit // 2
    return value, value


def _after_weekdays(doc: Document, anchor: date, dated: set[date]) -> date:
    """The earliest day, from `anchor` on, by which every weekday the article names alone has come:
    each one no dated day of the week before `anchor` explains is at most two days before it."""
    from lib.extract.dates import _is_future, date_phrases

    latest = anchor
    week = {d.weekday() for d in dated if anchor - timedelta(days=6) <= d <= anchor}
    for m in date_phrases(doc):
        if m.lastgroup != "wd" or (m.group("wd_mod") or "").lower() in ("next", "this", "by", "until"):
            continue
        if re.search(r"\b(?:every|each)\s+$", doc.clean[max(0, m.start() - 8) : m.start()], re.I):
            continue
        sentence = doc.sentence_at(m.start())
        if sentence is None or sentence.section not in ("body", "headline") or _is_future(doc, m.start(), m.end()):
            continue
        weekday = WEEKDAYS[m.group("wd_d").lower()]
        if weekday in week:
            continue
        first = anchor - timedelta(days=_BEFORE_ANCHOR)
        day = first + timedelta(days=(weekday - first.weekday()) % 7)
        latest = max(latest, day)
    return latest
