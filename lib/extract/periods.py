"""The span of time a count is about: a sinking's day, "so far this year", "in 2022", "in the first four months".

FACTS.md gives every figure `period_start` and `period_end`, inclusive days. The period
is what the number describes, not the day the sentence was written: "27 died on
Wednesday" is Wednesday; "more than 25,700 have crossed this year" is 1 January to the
reference date; "45,774 in 2022" the whole of 2022; "in the first four months" 1
January to 30 April; "since 2018" 1 January 2018 to the reference date. A year named
only as a comparison ("three times the total for 2020") belongs to the claim, not to
the count. A count of an incident (dead, missing, rescued, on board) whose own clause
names no time is about the incident the article reports: the day its other incident
counts are dated to. A look-back that names only the month of the incident it recalls
("since 27 people drowned in November 2021") is that incident's day, read in the IOM
record (`recalled_incident`).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from lib.extract import series
from lib.extract.dates import extract_events
from lib.extract.patterns import words_pattern
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
_VOYAGE = re.compile(
    r"\b(?:steer\w*|pilot\w*|intercept\w*|set\s+off|launch\w*|sank|capsiz\w*|founder\w*|dinghy|inflatable|boats?"
    r"|picked\s+up|brought\s+ashore|landed)\b",
    re.I,
)
_JUST_HAPPENED = re.compile(
    r"\b(?:have|has)\s+(?:now\s+)?(?:died|drowned|been\s+killed|gone\s+missing)\b|\b(?:are|is)\s+(?:now\s+)?(?:dead|feared\s+dead)\b"
    r"|\bdead\s+after\b",
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
    rf"|(?P<between>\bbetween\s+(?P<between_a>{_MONTH})\s+and\s+(?P<between_b>{_MONTH})(?:\s+(?P<between_y>(?:19|20)\d\d)|\s+(?P<between_rel>this|last)\s+year)?\b)"
    rf"|(?P<ending>\b(?:the\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:ending|to|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<ending_m>{_MONTH})\s+(?P<ending_y>(?:19|20)\d\d))"
    r"|(?P<records>\bsince\s+records\s+began\b(?:\s+in\s+(?P<records_y>(?:19|20)\d\d))?)"
    r"|(?P<weekend>\b(?:over|at|during)\s+the\s+(?:past\s+)?weekend\b)"
    r"|(?P<samepoint>\b(?:at\s+|by\s+|in\s+)?(?:the\s+same|this)\s+(?:point|time|period|stage|date)\s+(?:(?:in|of)\s+)?(?:last\s+year|the\s+previous\s+year|(?P<samepoint_y>(?:19|20)\d\d)))"
    rf"|(?P<ago>\b(?P<ago_n>a|an|one|two|three|four|five|\d)\s+(?P<ago_unit>years?|months?|weeks?)\s+(?:after|since|ago|on|earlier)\b)",
    re.I,
)
# Every period phrase starts with one of these words or a digit: trying the pattern only
# there finds what `finditer` would, several times faster.
_PERIOD_STARTER = re.compile(
    r"(?=[A-Za-z0-9])\b(?:(?:"
    + words_pattern(
        "since the year so in for of first between twelve records over at during by this a an one two three four five".split()
    )
    + r")(?![A-Za-z])|\d)",
    re.I,
)


def _period_phrases(text: str) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    pos = 0
    for starter in _PERIOD_STARTER.finditer(text):
        if starter.start() < pos:
            continue
        m = _PERIOD_PHRASE.match(text, starter.start())
        if m:
            found.append(m)
            pos = m.end()
    return found


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
_STRONG_BREAK = re.compile(r"[;:()\[\]]|\s[–—]\s|\s--?\s")
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|\s[–—]\s|\s--?\s|\b(?:but|while|whereas|although|though|because|as|when)\b"
    r"|\b(?:after|before|since)\b(?!\s+(?:\d|the\s+\w+\s+of\s+\d|jan|records))",
    re.I,
)
_WHICH_YEAR = re.compile(r"\s+(?:of\s+)?(?:last|previous|this|next)\s+year", re.I)
_DAY_RANGE = re.compile(r"\(\s*([0-3]?\d)\s*[-–]\s*[0-3]?\d[./]")
_RELATIVE_AFTER = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,2}?(?:who|that|which)\s+(?:had\s+|have\s+|were\s+|was\s+)?\w+ed\b", re.I)
_LABEL = re.compile(r"\s*[:–—-]\s*")
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
        days = _DAY_RANGE.search(words)  # "Wednesday (16-17.07)": the night of the 16th to the 17th
        if days and 1 <= int(days.group(1)) < when.day:
            return when.replace(day=int(days.group(1))), when
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
        if y is not None and (m.group("between_rel") or "").lower() == "last":
            y -= 1  # "between May and August last year"
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
    for m in _period_phrases(doc.clean):
        days = _phrase_span(m, reference)
        if days:
            spans.append(TimeSpan(m.start(), m.end(), *days))
            taken.append((m.start(), m.end()))
    month_end = -1
    for e in extract_events(doc):
        if any(a <= e.start < b or e.start <= a < e.end for a, b in taken):
            continue  # "the year to date" is one phrase, not "year" and a date
        if e.precision == "year" and spans and _WHICH_YEAR.fullmatch(doc.clean, month_end, e.end):
            # "in November last year" is that November, not the whole year: one phrase
            month = spans.pop()
            spans.append(TimeSpan(month.start, e.end, month.first, month.last))
            continue
        when = date.fromisoformat(e.date)
        days = _event_span(e.phrase, when, e.precision, reference)
        if days:
            named = (when, date(when.year, 12, 31)) if e.precision == "year" else None
            spans.append(TimeSpan(e.start, e.end, *days, named=named))
            month_end = e.end if e.precision == "month" else -1
    spans.sort(key=lambda s: s.start)
    spans = _joined(doc.clean, spans)
    doc.cache["time_spans"] = spans
    return spans


# Two days that make one span: "Tuesday night into Wednesday", "between Christmas Day and New
# Year's Eve", "from 1 January to 30 September".
_JOIN_INTO = re.compile(r"\s*(?:night|evening)?\s*(?:into|and\s+into)\s+(?:early\s+)?", re.I)
_JOIN_RANGE = re.compile(r"\s*(?:and|to|until|till|[–-])\s+", re.I)
_RANGE_OPENS = re.compile(r"\b(?:between|from)\s+$", re.I)


def _joined(text: str, spans: list[TimeSpan]) -> list[TimeSpan]:
    out: list[TimeSpan] = []
    i = 0
    while i < len(spans):
        here = spans[i]
        there = spans[i + 1] if i + 1 < len(spans) else None
        ordered = there is not None and here.first <= there.first and here.last < there.last
        if there is not None and ordered and there.last - here.first <= timedelta(days=366) and (
            _JOIN_INTO.fullmatch(text, here.end, there.start)
            or (_JOIN_RANGE.fullmatch(text, here.end, there.start) and _RANGE_OPENS.search(text, max(0, here.start - 10), here.start))
        ):
            out.append(TimeSpan(here.start, there.end, here.first, there.last))
            i += 2
            continue
        out.append(here)
        i += 1
    return out


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
            if rank == 3 and _RELATIVE_AFTER.match(text, end):
                rank = 1  # the count's own relative clause: "six men who drowned when their boat capsized on 12 August"
            if _SET_ON.match(between):
                rank = 0  # "the previous high was 686, recorded on August 1"
            distance = span.start - end
        elif span.end <= start:
            between = text[span.end : start]
            if _WHEN_CLAUSE.match(between):
                rank = 1
            elif span.start <= opening + 3 and _LABEL.fullmatch(between):
                rank = 1  # a date labelling its line: "Monday (15.07): 427 people reached the UK"
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
        # "recorded since 2018, when 299 made the journey": the count is 2018's; "the pace of 2022,
        # when about 19,900 had crossed by the same point": 2022 to this day of it
        year = span.named[0].year
        reference = doc.reference_date
        if reference is not None and _SAME_POINT_AFTER.match(text, end, sentence.end) and year < reference.year:
            return TimeSpan(span.start, span.end, date(year, 1, 1), _same_day_of(reference, year))
        return TimeSpan(span.start, span.end, *span.named)
    return span


_SAME_POINT_AFTER = re.compile(
    r"[^.;]*?\b(?:by|at)\s+(?:the\s+same|this)\s+(?:point|time|stage|date)\b", re.I
)


def _same_day_of(reference: date, year: int) -> date:
    try:
        return reference.replace(year=year)
    except ValueError:  # 29 February
        return date(year, 2, 28)


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
    return len(_DASH.findall(text, sentence_start, offset)) % 2 == 1


_DASH = re.compile(r"\s[–—]\s|\s--?\s")


def incident_day(
    doc: Document, dated: list[tuple[str, TimeSpan | None]], *, first_at: int | None = None
) -> date | None:
    """The day of the incident the article reports, when it reports one.

    The article's first incident count says what it is about: a count of a day ("27
    died on Wednesday"), or of no time at all ("Five migrants die in Channel crossing"),
    makes it the report of an incident; a count of a longer span ("78 died in 2024")
    makes it a round-up, with no one incident. The incident's day is the first own day
    of an incident count when it is recent (no more than `_RECENT_DAYS` before the
    reference date), else the first recent day phrase of a sentence telling of an
    incident in the body's first paragraphs ("died early Tuesday"), else that older day
    (a court report, an inquiry: about one incident long ago), else the first day of a
    sentence in those paragraphs telling of the voyage ("steered the inflatable from a
    beach near Calais in the early hours of December 28 last year"). A report that gives
    no day at all but says its dead "have died" is of the day it is published.

    Args:
        dated: (metric, own period) of every count of the article, in text order.
        first_at: where the first incident count stands.
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
    if counted is not None:
        return counted  # an older incident: a court report, an inquiry
    for span in time_spans(doc):
        sentence = doc.sentence_at(span.start)
        if sentence is None or sentence.section not in ("body", "headline") or sentence.paragraph > _LEAD_PARAGRAPHS:
            continue
        if span.one_day and (reference is None or span.first <= reference) and _VOYAGE.search(doc.clean, sentence.start, sentence.end):
            return span.first
    first = doc.sentence_at(first_at) if first_at is not None else None
    if reference is not None and first is not None and _JUST_HAPPENED.search(doc.clean, first.start, first.end):
        return reference  # breaking news: "At least 31 people have died after a migrant boat sank"
    return None


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


def recalled_incident(first: date, last: date, *, metric: str, value: int) -> date | None:
    """The day of the incident a look-back recalls by its month: "since 27 people drowned in
    November 2021", "In December, four people died when a boat got into difficulty".

    A count of deaths (or of the missing) whose own period is one calendar month is the toll
    of one incident when the IOM record (`lib.extract.series`) has exactly one incident of
    that month with that toll; then its period is that incident's day. A month with no such
    incident, or two, keeps its month; a year keeps its year (a yearly toll can equal one
    incident's by chance).
    """
    whole_month = first.day == 1 and first.month == last.month and first.year == last.year and last == _month_end(last.year, last.month)
    if metric not in ("deaths", "missing") or not whole_month:
        return None
    return series.incident_day(first, last, metric=metric, value=value)

