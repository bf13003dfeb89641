"""The span of time a count is about: a sinking's day, "so far this year", "in 2022", "in the first four months".

FACTS.md gives every figure `period_start` and `period_end`, inclusive days. The period
is what the number describes, not the day the sentence was written: "27 died on
Wednesday" is Wednesday; "more than 25,700 have crossed this year" is 1 January to the
reference date; "45,774 in 2022" the whole of 2022; "in the first four months" 1
January to 30 April; "since 2018" 1 January 2018 to the reference date. A year named
only as a comparison ("three times the total for 2020") belongs to the claim, not to
the count. A count of an incident (dead, missing, rescued, on board) whose own clause
names no time is about the incident the article reports: the day its other incident
counts are dated to.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from lib.extract.dates import extract_events
from lib.extract.resources import MONTHS
from lib.extract.text import Document, Sentence

INCIDENT_METRICS = frozenset({"deaths", "missing", "rescued", "on_board"})
_RECENT_DAYS = 14  # an incident a report is about happened at most this long before it
_LEAD_PARAGRAPHS = 8  # where a report tells of its incident: its first paragraphs
_INCIDENT = re.compile(
    r"\b(?:died|dead|deaths?|drown\w*|killed|sank|sunk|sinking|capsiz\w*|foundered|rescued|missing|bodies"
    r"|tragedy|disaster|shipwreck|in\s+difficulty)\b",
    re.I,
)
# More people than this never crossed on one day (the Home Office's highest day is 1,305):
# such a count is a total, never one day's.
MOST_IN_A_DAY = {"crossings": 2_000}

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_COUNT = r"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_NUMBERS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
# Periods the date extractor does not name as events (it finds days, weeks, months, years).
_PERIOD_PHRASE = re.compile(
    r"(?P<ytd>\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?year|jan(?:uary)?\b(?!\s+\d)"
    r"|(?:the\s+)?1(?:st)?\s+(?:of\s+)?jan(?:uary)?\b|jan(?:uary|\.)?\s+1(?:st)?\b(?!\d))"
    r"|\b(?:the\s+)?year\s+(?:to\s+date|so\s+far)\b|\bso\s+far\s+(?:in|during)\s+(?:19|20)\d\d\b"
    r"|\b(?:in|for|of)\s+(?:19|20)\d\d\s+so\s+far\b"
    # "pass 4,000 for the year": the year the article is in, so far
    r"|\bfor\s+the\s+year\b(?!\s+(?:ending|to|before|after|ahead))(?!\s+(?:19|20)\d\d))"
    rf"|(?P<mtd>\bsince\s+the\s+(?:start|beginning)\s+of\s+(?P<mtd_m>{_MONTH})\b)"
    rf"|(?P<first>\b(?:the\s+)?first\s+(?:(?P<first_n>{_COUNT})\s+months|(?P<first_half>half)|(?P<first_quarter>quarter))"
    r"(?:\s+of\s+(?:the\s+year|this\s+year|(?P<first_last>last\s+year)|(?P<first_y>(?:19|20)\d\d)))?)"
    rf"|(?P<between>\bbetween\s+(?P<between_a>{_MONTH})\s+and\s+(?P<between_b>{_MONTH})(?:\s+(?P<between_y>(?:19|20)\d\d))?\b)"
    rf"|(?P<ending>\b(?:the\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:ending|to|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<ending_m>{_MONTH})\s+(?P<ending_y>(?:19|20)\d\d))"
    r"|(?P<records>\bsince\s+records\s+began\b(?:\s+in\s+(?P<records_y>(?:19|20)\d\d))?)"
    r"|(?P<weekend>\b(?:over|at|during)\s+the\s+(?:past\s+)?weekend\b)"
    r"|(?P<samepoint>\b(?:at\s+|by\s+|in\s+)?(?:the\s+same|this)\s+(?:point|time|period|stage|date)\s+(?:(?:in|of)\s+)?(?:last\s+year|the\s+previous\s+year|(?P<samepoint_y>(?:19|20)\d\d)))"
    rf"|(?P<ago>\b(?P<ago_n>a|an|one|two|three|four|five|\d)\s+(?P<ago_unit>years?|months?|weeks?)\s+(?:after|since|ago|on|earlier)\b)",
    re.I,
)
_UNITS_AGO = {"year": 365, "month": 30, "week": 7}
# A time phrase after a count that belongs to another count it is compared with:
# "three times the total for 2020", "compared with 1,843 in 2019", "up from 299 in 2018".
_COMPARISON = re.compile(
    r"\b(?:compared\s+(?:with|to)|than|total\s+for|times|twice|double|up\s+from|down\s+from|against|versus|vs\.?"
    r"|same\s+(?:period|time|point|stage)|ahead\s+of|behind|on\s+course|pace"
    # "12 dead in the deadliest shipwreck this year": the year is the superlative's
    r"|deadliest|worst|busiest|highest|largest|biggest|lowest|record)\b"
    r"|\b(?:up|down|rise|fall|increase|decrease|drop)\s+(?:of\s+)?(?:by\s+)?\d[\d.,]*\s*(?:%|per\s*cent|percent)",
    re.I,
)
# "since 24 November 2021, when 27 people died": the count belongs to the phrase before.
_WHEN_CLAUSE = re.compile(r"^\s*,?\s*(?:when|in\s+which|during\s+which|where)\b[^,;:]*$", re.I)
# "..., relatives said on Friday": the day something was said, not the count's.
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|confirmed|reported|added|warned|stated|revealed|published|show(?:ed|s)?)"
    r"(?:\s+\w+){0,2}\s*$",
    re.I,
)
_SET_ON = re.compile(r"^\s*,?\s*(?:recorded|set|reached|seen|registered|counted|logged|detected)\b", re.I)
_STRONG_BREAK = re.compile(r"[;:()\[\]]|\s[–—]\s|\s-\s")
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|\s[–—]\s|\s-\s|\b(?:but|while|whereas|although|though|because|as|when)\b"
    r"|\b(?:after|before|since)\b(?!\s+(?:\d|the\s+\w+\s+of\s+\d|jan|records))",
    re.I,
)
# A year phrase whose year is a bound, not the period ("by 2025", "before 2020").
_OPEN_BOUND = re.compile(r"^(?:by|until|before|after|from)\b", re.I)


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A time phrase of the article (`start`, `end` into the text) and the days it covers."""

    start: int
    end: int
    first: date
    last: date
    named: tuple[date, date] | None = None  # "since 2018" covers 2018 to now, but names 2018

    @property
    def one_day(self) -> bool:
        return self.first == self.last


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _capped(first: date, last: date, reference: date | None) -> tuple[date, date] | None:
    """A span no later than the reference date: a count cannot be about days still to come."""
    if reference is not None and first <= reference < last:
        last = reference
    return (first, last) if first <= last else None


def _event_span(phrase: str, when: date, precision: str, reference: date | None) -> tuple[date, date] | None:
    """The days an event of the date extractor covers, read from its words."""
    words = phrase.lower()
    if precision == "day":
        return when, when
    if precision == "week":
        if "weekend" in words:
            return when, when + timedelta(days=1)
        return when, when + timedelta(days=6)
    if precision == "month":
        return _capped(when, _month_end(when.year, when.month), reference)
    if precision != "year":
        return None
    if _OPEN_BOUND.match(words):
        return None
    if words.startswith("since"):
        return (when, reference) if reference and when <= reference else None
    if "past year" in words and reference is not None:
        return reference - timedelta(days=364), reference
    return _capped(when, date(when.year, 12, 31), reference)


def _phrase_span(m: re.Match[str], reference: date | None) -> tuple[date, date] | None:
    """The days one of `_PERIOD_PHRASE`'s phrases covers."""
    if m.group("ytd"):
        named = re.search(r"(?:19|20)\d\d", m.group())
        y = int(named.group()) if named else reference.year if reference else None
        if y is None:
            return None
        return _capped(date(y, 1, 1), date(y, 12, 31), reference)
    if m.group("between"):
        a, b = MONTHS.get(m.group("between_a").lower()), MONTHS.get(m.group("between_b").lower())
        y = int(m.group("between_y")) if m.group("between_y") else reference.year if reference else None
        if a is None or b is None or y is None or a > b:
            return None
        return _capped(date(y, a, 1), _month_end(y, b), reference)
    if m.group("first"):
        y = int(m.group("first_y")) if m.group("first_y") else reference.year if reference else None
        if y is not None and m.group("first_last"):
            y -= 1
        if y is None:
            return None
        n = 6 if m.group("first_half") else 3 if m.group("first_quarter") else None
        if n is None:
            word = m.group("first_n").lower()
            n = int(word) if word.isdigit() else _NUMBERS[word]
        if not 1 <= n <= 12:
            return None
        return date(y, 1, 1), _month_end(y, n)
    if m.group("ending"):
        month = MONTHS.get(m.group("ending_m").lower())
        if month is None:
            return None
        y = int(m.group("ending_y"))
        last = _month_end(y, month)
        return (last + timedelta(days=1)).replace(year=y - 1), last
    if m.group("mtd") and reference is not None:
        month = MONTHS.get(m.group("mtd_m").lower())
        if month is None:
            return None
        year = reference.year if month <= reference.month else reference.year - 1
        return date(year, month, 1), reference
    if m.group("samepoint") and reference is not None:
        year = int(m.group("samepoint_y") or reference.year - 1)
        try:
            return date(year, 1, 1), reference.replace(year=year)
        except ValueError:  # 29 February
            return date(year, 1, 1), date(year, 2, 28)
    if m.group("ago") and reference is not None:
        word = m.group("ago_n").lower()
        n = int(word) if word.isdigit() else 1 if word in ("a", "an", "one") else _NUMBERS[word]
        unit = m.group("ago_unit").lower().rstrip("s")
        day = reference - timedelta(days=n * _UNITS_AGO[unit])
        return day, day
    if m.group("records"):
        y = int(m.group("records_y") or 2018)  # the Home Office began counting small boats in 2018
        return (date(y, 1, 1), reference) if reference else None
    if m.group("weekend") and reference is not None:
        saturday = reference - timedelta(days=(reference.weekday() - 5) % 7)
        return saturday, saturday + timedelta(days=1)
    return None


def time_spans(doc: Document) -> list[TimeSpan]:
    """Every time phrase of the article with the days it covers, in text order; cached on the document."""
    cached = doc.cache.get("time_spans")
    if cached is not None:
        return cached
    reference = doc.reference_date
    spans: list[TimeSpan] = []
    taken: list[tuple[int, int]] = []
    for m in _PERIOD_PHRASE.finditer(doc.clean):
        days = _phrase_span(m, reference)
        if days:
            spans.append(TimeSpan(m.start(), m.end(), *days))
            taken.append((m.start(), m.end()))
    for e in extract_events(doc):
        if any(a <= e.start < b or e.start <= a < e.end for a, b in taken):
            continue  # "the year to date" is one phrase, not "year" and a date
        when = date.fromisoformat(e.date)
        days = _event_span(e.phrase, when, e.precision, reference)
        if days:
            named = (when, date(when.year, 12, 31)) if e.precision == "year" else None
            spans.append(TimeSpan(e.start, e.end, *days, named=named))
    spans.sort(key=lambda s: s.start)
    doc.cache["time_spans"] = spans
    return spans


def own_period(
    doc: Document,
    start: int,
    end: int,
    sentence: Sentence,
    *,
    metric: str,
    value: int,
    others: Sequence[int] = (),
) -> TimeSpan | None:
    """The time phrase of the count's own clause that says what period it is about, if any.

    Rules of news English, in order of trust (the lowest rank wins, then the nearest):

    0. a phrase right after the count in its clause: "27 died on Wednesday", "have
       crossed this year";
    1. a phrase opening the sentence, whatever clauses follow: "On Monday 22 August, as
       the wind dropped ..., 1,295 people crossed", "Since 1 January, nearly 18,000 have
       reached ..."; one just before the count that a "when" clause hangs on: "since 24
       November 2021, when 27 died", "the whole of 2023, when 12 died";
    2. a phrase after the count past a comma in its clause, or before it in its clause:
       "The figure for 2022 was 45,774";
    3. a phrase after the count across a clause break ("... when the boat sank on Tuesday").

    Never: a phrase cut off by ";" or a dash (unless the count sits in a dash aside: "The
    victims – seven women and three children – died on Wednesday"), one that a comparison
    introduces ("three times the total for 2020", "up 24% on the same period last year"),
    nor the day something was said ("..., relatives said on Friday"), nor a phrase that
    belongs to another count (`others`, the starts of the sentence's other counts): one
    past it ("755 crossed on Thursday, taking the total to 15,800 this year"), or one
    leading into it ("16,434 crossed, and already this month more than 6,000 have").
    """
    text = doc.clean
    most = MOST_IN_A_DAY.get(metric)
    lead = len(text[sentence.start : sentence.end]) - len(text[sentence.start : sentence.end].lstrip(" \t\n–—-•*"))
    opening = sentence.start + lead
    aside = _in_dash_aside(text, sentence.start, start)
    best: tuple[float, int, TimeSpan] | None = None
    rank: float
    for span in time_spans(doc):
        if not sentence.start <= span.start < sentence.end:
            continue
        if most is not None and value > most and span.one_day:
            continue  # 45,774 did not cross on one day
        if span.start >= end:
            between = text[end : span.start]
            breaks = list(_STRONG_BREAK.finditer(between))
            if breaks and not (aside and len(breaks) == 1 and breaks[0].group().strip() in "–—-"):
                continue
            if _COMPARISON.search(between) or _SAID_BEFORE.search(between):
                continue
            if _belongs_to_another(text, end, span, others):
                continue
            rank = 3 if _CLAUSE_BREAK.search(between) else 2 if "," in between else 0
            if _SET_ON.match(between):
                rank = 0  # "the previous high was 686, recorded on August 1"
            distance = span.start - end
        elif span.end <= start:
            between = text[span.end : start]
            if _WHEN_CLAUSE.match(between):
                rank = 1
            elif span.start <= opening + 3 and not _STRONG_BREAK.search(between.split(",")[0]):
                # an opener scopes over the sentence; past another count, a clause's own phrase wins
                rank = 2.5 if any(span.end <= other < start for other in others) else 1
            elif _CLAUSE_BREAK.search(between):
                continue
            else:
                rank = 2.0
            distance = start - span.end
        else:
            continue
        if best is None or (rank, distance) < best[:2]:
            best = (rank, distance, span)
    if best is None:
        return None
    span = best[2]
    if span.named and span.end <= start and _WHEN_CLAUSE.match(text[span.end : start]):
        # "recorded since 2018, when 299 made the journey": the count is 2018's
        return TimeSpan(span.start, span.end, *span.named)
    return span


def _belongs_to_another(text: str, end: int, span: TimeSpan, others: Sequence[int]) -> bool:
    """Whether a phrase after a count (ending at `end`) is another count's: past it, or leading into it."""
    for other in others:
        if end < other < span.start and re.search(r",|\band\b", text[end:other]):
            return True
        if span.end <= other <= span.end + 30 and "," in text[end : span.start] and "," not in text[span.end : other]:
            return True
    return False


def context_day(doc: Document, offset: int) -> date | None:
    """The day the text was last speaking of before `offset`: a one-day phrase in an earlier
    sentence of its paragraph, or in a heading just before it ("Friday 9 August" above
    "Shortly before 22:00, a boat carrying 19 people called us")."""
    here = doc.sentence_at(offset)
    if here is None:
        return None
    reference = doc.reference_date
    found: date | None = None
    for span in time_spans(doc):
        if span.start >= here.start:
            break
        there = doc.sentence_at(span.start)
        if there is None or not span.one_day or (reference is not None and span.first > reference):
            continue
        if there.paragraph == here.paragraph or (
            there.paragraph == here.paragraph - 1 and _is_heading(doc, there.paragraph)
        ):
            found = span.first
    return found


def heading_year(doc: Document, offset: int) -> tuple[date, date] | None:
    """The year a section heading above `offset` names, as its days: "THE 2024 TOLL IN FIGURES"."""
    here = doc.sentence_at(offset)
    if here is None:
        return None
    for paragraph in range(here.paragraph - 1, -1, -1):
        if _is_heading(doc, paragraph):
            para = doc.paragraphs[paragraph]
            years = {int(y) for y in _BARE_YEAR.findall(doc.clean, para.start, para.end)}
            if len(years) != 1:
                return None
            year = years.pop()
            return _capped(date(year, 1, 1), date(year, 12, 31), doc.reference_date)
    return None


_BARE_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _is_heading(doc: Document, paragraph: int) -> bool:
    para = doc.paragraphs[paragraph]
    words = doc.clean[para.start : para.end].split()
    return 0 < len(words) <= 12 and words[-1][-1] not in ".!?\"”’"


def _in_dash_aside(text: str, sentence_start: int, offset: int) -> bool:
    """Whether `offset` sits after an opening dash of an aside: "The victims – among them seven women"."""
    return len(re.findall(r"\s[–—]\s|\s-\s", text[sentence_start:offset])) % 2 == 1


def incident_day(doc: Document, dated: list[tuple[str, TimeSpan | None]]) -> date | None:
    """The day of the incident the article reports, when it reports one.

    The article's first incident count says what it is about: a count of a day ("27
    died on Wednesday"), or of no time at all ("Five migrants die in Channel crossing"),
    makes it the report of an incident; a count of a longer span ("78 died in 2024")
    makes it a round-up, with no one incident. The incident's day is the first own day
    of an incident count when it is recent (no more than `_RECENT_DAYS` before the
    reference date), else the first recent day phrase of a sentence telling of an
    incident in the body's first paragraphs ("died early Tuesday"), else that older day
    (a court report, an inquiry: about one incident long ago).

    Args:
        dated: (metric, own period) of every count of the article, in text order.
    """
    incidents = [span for metric, span in dated if metric in INCIDENT_METRICS]
    if incidents and incidents[0] is not None and not incidents[0].one_day:
        return None
    reference = doc.reference_date

    def recent(day: date) -> bool:
        return reference is None or timedelta(0) <= reference - day <= timedelta(days=_RECENT_DAYS)

    counted = next(
        (s.first for s in incidents if s is not None and s.one_day and (reference is None or s.first <= reference)),
        None,
    )
    if counted is not None and recent(counted):
        return counted
    for span in time_spans(doc):
        sentence = doc.sentence_at(span.start)
        if sentence is None or sentence.section not in ("body", "headline"):
            continue
        if sentence.paragraph > _LEAD_PARAGRAPHS:
            break
        if span.one_day and recent(span.first) and _INCIDENT.search(doc.clean, sentence.start, sentence.end):
            return span.first
    return counted  # an older incident: a court report, an inquiry


def period_label(first: date | None, last: date | None, reference: date | None) -> str | None:
    """FACTS.md's `period` for a span: the day ("YYYY-MM-DD"), or the year ("YYYY") for a
    whole year or a year to date, else None (the contract has no months: `period_start`
    and `period_end` say the rest)."""
    if first is None or last is None:
        return None
    if first == last:
        return first.isoformat()
    whole_year = first == date(first.year, 1, 1) and last == date(first.year, 12, 31)
    year_to_date = first == date(first.year, 1, 1) and last == reference
    if first.year == last.year and (whole_year or year_to_date):
        return str(first.year)
    return None


def year_span(year: int, reference: date | None) -> tuple[date, date] | None:
    """A whole calendar year, up to the reference date when that falls inside it."""
    return _capped(date(year, 1, 1), date(year, 12, 31), reference)
