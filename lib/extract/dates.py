"""Dates in news copy: the article's reference date, and every date phrase resolved with its precision."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from lib.extract.patterns import words_pattern
from lib.extract.resources import MONTHS, WEEKDAYS
from lib.extract.text import Document
from lib.extract.undated import pin_undated, years_named
from lib.schema import Event

_MONTH = r"(?P<{n}>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
_WEEKDAY = r"(?P<{n}>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAYNUM = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:19|20)\d{{2}})"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WITH_DATE = (
    r"(?!,?\s+(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD + r"(?![a-z])"
    r"|,?\s+" + _MONTH_WORD + r"\s+[0-3]?\d\b|\s*\(\s*[0-3]?\d(?:\s*[-–]\s*[0-3]?\d)?[./][01]?\d\s*\))"
)
# Holidays named for their day: "Christmas Day" is 25 December of the year in question.
_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas morning": (12, 25),
             "christmas night": (12, 25), "boxing day": (12, 26), "new year's eve": (12, 31),
             "new year's day": (1, 1)}  # fmt: skip


def _f(pattern: str, **names: str) -> str:
    return pattern.format(**names)


# One pass finds every date phrase; the named group that matched says which rule applies.
_DATE_PHRASE = re.compile(
    "|".join(
        [
            # "Thursday, November 25, 2021", "Nov. 24", "November 25 2021"
            r"(?:\bon\s+)?(?P<md>(?:" + _f(_WEEKDAY, n="md_wd") + r",?\s+)?"
            + _f(_MONTH, n="md_m") + r"\s+" + _f(_DAYNUM, n="md_d")
            + r"(?:,?\s+" + _f(_YEAR, n="md_y") + r")?)(?![\d:])",
            # "Thursday 25 November 2021", "25th of November", "on 12 August"
            r"(?:\bon\s+)?(?P<dm>(?:" + _f(_WEEKDAY, n="dm_wd") + r",?\s+)?(?:the\s+)?" + _f(_DAYNUM, n="dm_d")
            + r"\s+(?:of\s+)?" + _f(_MONTH, n="dm_m") + r"(?:,?\s+" + _f(_YEAR, n="dm_y") + r")?)\b",
            # "24/11/2021", "24.11.2021", "2021-11-24"
            r"(?:\bon\s+)?(?P<num>(?:" + _f(_WEEKDAY, n="num_wd") + r",?\s+)?(?P<num_a>[0-3]?\d)[/.](?P<num_b>[01]?\d)[/.](?P<num_y>(?:19|20)\d{2}))\b",
            r"(?P<iso>(?P<iso_y>(?:19|20)\d{2})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d))\b",
            # "in August 2022", "August 2022"
            r"(?P<my>" + _f(_MONTH, n="my_m") + r"\s+" + _f(_YEAR, n="my_y") + r")\b",
            # a weekday with the day and month in figures beside it, as French copy writes them:
            # "Thursday (18.07)", "Tuesday night into Wednesday (16-17.07)" (the weekday names the last day)
            r"(?:\bon\s+)?(?P<wdn>" + _f(_WEEKDAY, n="wdn_wd") + r"\s*\(\s*(?:(?P<wdn_d1>[0-3]?\d)\s*[-–]\s*)?"
            r"(?P<wdn_d>[0-3]?\d)[./](?P<wdn_m>[01]?\d)\s*\))",
            # "Christmas Day", "on Boxing Day", "New Year's Eve 2018"
            r"(?:\bon\s+)?(?P<hol>(?P<hol_n>christmas\s+(?:day|eve|morning|night)|boxing\s+day|new\s+year['’]s\s+(?:eve|day))"
            r"(?:,?\s+(?P<hol_y>(?:19|20)\d{2})\b)?)\b",
            # "next Monday", "last Friday", "on Wednesday evening", "Wednesday's sinking"; not a weekday
            # with its date beside it ("from Monday 17 February 2025", "early Saturday, Aug. 12"): that is one date
            r"(?P<wd>(?:(?P<wd_mod>next|last|this|on|late|early|by|until|since|from)\s+)?"
            + _f(_WEEKDAY, n="wd_d") + _WITH_DATE + _PART + r"?)(?:'s|’s)?\b",
            r"(?P<rel>(?:the\s+)?(?:day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|"
            r"this\s+(?:morning|afternoon|evening)|last\s+night|overnight))" + _PART + r"?\b",
            r"(?P<ago>(?P<ago_n>two|three|four|five|six|\d)\s+days\s+(?:ago|earlier|before|later))\b",
            r"(?P<anchor>the\s+(?:previous|following|next)\s+day|the\s+day\s+(?:before|after)|a\s+day\s+(?:later|earlier)"
            r"|(?:that|the)\s+same\s+day)\b",
            r"(?P<week>(?:earlier\s+|later\s+)?(?:this|last|next|the\s+previous|the\s+following)\s+(?:week|weekend))\b",
            r"(?P<month>(?:earlier\s+|later\s+|at\s+the\s+(?:start|end|beginning)\s+of\s+)?(?:this|last|next|the\s+previous)\s+month)\b",
            r"(?P<year>(?:so\s+far\s+|earlier\s+|later\s+)?(?:this|last|next|the\s+previous|the\s+past)\s+year)\b",
            r"(?P<inyear>(?:in|since|during|throughout|until|by|for|before|after|of|from|in\s+early|in\s+late|in\s+mid-?)\s+"
            r"(?:the\s+(?:whole|end|start|beginning|first\s+half|second\s+half|summer|spring|autumn|winter)\s+of\s+)?"
            + _f(_YEAR, n="inyear_y") + r")(?!\d|,\d|\s*(?:people|migrants))",
            r"(?P<inmonth>(?:in|since|during|throughout|until|by|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?"
            + _f(_MONTH, n="inmonth_m") + r")\b(?!\s+\d)",
        ]
    ),
    re.I,
)
# Every date phrase starts with one of these words (or a digit). Trying the big pattern
# only where one stands is equivalent to scanning every position, and several times faster.
_CORE_WORDS = """monday tuesday wednesday thursday friday saturday sunday jan january feb february mar march
    apr april may jun june jul july aug august sep sept september oct october nov november dec december
    yesterday today tonight tomorrow overnight christmas boxing""".split()
_PREFIX_WORDS = """on next last this late early by until since from the in during throughout for before after of so
    earlier later at mid a day two three four five six that new""".split()
# Date phrases start with a date word or a digit, or with a short lead-in ("so far this
# year", "in early August") that a date word follows within a few words. Trying the big
# pattern only at such starts is equivalent to scanning every position, and much faster.
_MONTH_WORDS = words_pattern(
    w for w in _CORE_WORDS[7:] if w not in ("yesterday", "today", "tonight", "tomorrow", "overnight", "christmas", "boxing")
)
# A digit starts a date only as a day before a month, a numeric or ISO date, or "3 days".
_DATE_DIGITS = (
    rf"\d?(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_WORDS})\b|\d?[/.][01]?\d[/.](?:19|20)\d\d|\d{{3}}-[01]\d-[0-3]\d|\s+days\b"
)
_STARTER = re.compile(
    r"(?=[A-Za-z0-9])\b(?:(?:" + words_pattern(_CORE_WORDS) + r")(?![a-z])"
    r"|\d(?=" + _DATE_DIGITS + r")"
    r"|(?:" + words_pattern(_PREFIX_WORDS) + r")(?![a-z])"
    r"(?=(?:[\s,]+[\w'-]+){0,4}?[\s,-]+(?:" + words_pattern(_CORE_WORDS + ["day", "days", "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night"])
    + r"|(?:19|20)\d\d\b|\d(?=" + _DATE_DIGITS + r"))))",
    re.I,
)


def date_phrases(doc: Document) -> list[re.Match[str]]:
    """Every date phrase in the cleaned text, leftmost-longest as `finditer` would give; cached."""
    cached = doc.cache.get("date_phrases")
    if cached is None:
        cached, pos = [], 0
        for starter in _STARTER.finditer(doc.clean):
            if starter.start() < pos:
                continue
            m = _DATE_PHRASE.match(doc.clean, starter.start())
            if m:
                cached.append(m)
                pos = m.end()
        doc.cache["date_phrases"] = cached
    return cached


# "The Mail on Sunday", "the Sunday Times": a newspaper, not a day.
_NEWSPAPER = re.compile(
    r".*?(?:\b(?:Mail|Independent|Express|Mirror|Post)\s+on\s+Sunday|\bSunday\s+(?:Times|Telegraph|Express|Mirror|People|Post|Herald|Mail|World))\b",
    re.S,
)
_FUTURE = re.compile(
    r"\b(?:will|'ll|shall|is\s+due|are\s+due|is\s+set\s+to|are\s+set\s+to|is\s+expected|are\s+expected|"
    r"is\s+to|are\s+to|plans?\s+to|planned|planning|organi[sz]ing|preparing|going\s+to|scheduled|invited|to\s+be\s+held|upcoming|due\s+to"
    # the future seen from the past: "she said she would speak to Darmanin on Wednesday"
    r"|would(?!\s+(?:not\s+)?have\b)"
    # the present of a timetable: "Sunak flies to San Diego on Monday"
    r"|(?:flies|travels|heads|visits|hosts)\s+(?:to|out|back|\w+\s+to)?"
    # a gathering called for a day to come: "have called a vigil in Calais on Saturday"
    r"|called\s+(?:for\s+)?an?\s+(?:gathering|vigil|rally|protest|demonstration|march|meeting|strike))\b",
    re.I,
)
_AMBIGUOUS_MONTH = re.compile(r"^(?:may|march|mar)$", re.I)  # "may" the verb, "march" the walk


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _nearest_year(m: int, d: int, reference: date | None) -> date | None:
    """A day and month without a year: the year that puts it nearest the reference date."""
    if reference is None:
        return None
    options = [_safe_date(reference.year + k, m, d) for k in (-1, 0, 1)]
    valid = [o for o in options if o]
    return min(valid, key=lambda o: abs((o - reference).days)) if valid else None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


@dataclass(slots=True)
class _Absolute:
    start: int
    end: int
    when: date | None  # None when the year is unknown
    month: int
    day: int
    year_given: bool
    weekday: int | None
    first_day: int = 0  # the first day of a range printed with it ("16-17.07"), else the day


def _day_month(m: re.Match[str]) -> tuple[int, int, str | None, str | None, int] | None:
    """(month, day, year or None, weekday or None, first day of a range) of a day date phrase, else None."""
    g = m.lastgroup
    if g == "md" or g == "dm":
        month_word = m.group(f"{g}_m")
        if _AMBIGUOUS_MONTH.match(month_word) and not month_word[0].isupper():
            return None  # "may" the verb, "march" the walk
        mo = _month(month_word)
        day = int(m.group(f"{g}_d"))
        year, wd = m.group(f"{g}_y"), m.group(f"{g}_wd")
    elif g == "num":
        a, b = int(m.group("num_a")), int(m.group("num_b"))
        day, mo = (b, a) if b > 12 >= a else (a, b)  # dd/mm unless only mm/dd is possible
        year, wd = m.group("num_y"), m.group("num_wd")
    elif g == "iso":
        mo, day, year, wd = int(m.group("iso_m")), int(m.group("iso_d")), m.group("iso_y"), None
    elif g == "wdn":
        mo, day, year, wd = int(m.group("wdn_m")), int(m.group("wdn_d")), None, m.group("wdn_wd")
    elif g == "hol":
        mo, day = _HOLIDAYS[" ".join(m.group("hol_n").lower().replace("’", "'").split())]
        year, wd = m.group("hol_y"), None
    else:
        return None
    if not mo or not 1 <= mo <= 12 or not 1 <= day <= 31:
        return None
    first = int(m.group("wdn_d1")) if g == "wdn" and m.group("wdn_d1") else day
    return mo, day, year, wd, min(first, day)


def _absolutes(doc: Document) -> Iterator[_Absolute]:
    """Absolute day dates with or without a year, before any reference date is known."""
    for m in date_phrases(doc):
        parts = _day_month(m)
        if parts is None:
            continue
        mo, day, printed_year, wd, first = parts
        g = m.lastgroup or ""
        when = _safe_date(int(printed_year), mo, day) if printed_year else None
        if printed_year and when is None:
            continue
        yield _Absolute(m.start(g), m.end(g), when, mo, day, bool(printed_year), WEEKDAYS.get(wd.lower()) if wd else None, first)


_UPDATED = re.compile(r"\s*(?:last\s+)?(?:updated|modified)\b", re.I)


def infer_reference_date(doc: Document) -> tuple[date | None, str | None]:
    """The day the article speaks from, when no sidecar gives it.

    Order of trust: a "Published" line, then photo captions and the dateline ("CALAIS,
    France, November 25, 2021"), then the latest absolute date in the body. A weekday
    printed beside a date ("Thursday, Nov. 25") must agree with it, and fixes the year
    when the text gives none.
    """
    stamps = [(start, end) for start, end, kind in doc.meta_lines if kind == "published"]
    # "Published 13/08/2022" before "Updated 14/08/2022", whichever the page prints first
    stamps.sort(key=lambda span: bool(_UPDATED.match(doc.text, span[0], span[1])))
    for start, end in stamps:
        for m in _DATE_PHRASE.finditer(doc.text, start, end):
            parsed = _parse_full(m)
            if parsed:
                return parsed, "published line"
    found = list(_absolutes(doc))
    by_section: dict[str, list[date]] = {}
    years: list[int] = []
    for a in found:
        s = doc.sentence_at(a.start)
        section = s.section if s else "noise"
        if a.when:
            if a.weekday is not None and a.when.weekday() != a.weekday:
                doc.warnings.append(
                    f"date {doc.text[a.start:a.end]!r} does not fall on the weekday printed beside it"
                )
                continue
            by_section.setdefault(section, []).append(a.when)
            years.append(a.when.year)
    for section, label in (("caption", "caption"), ("dateline", "dateline"), ("headline", "headline")):
        if by_section.get(section):
            return max(by_section[section]), label
    # "LONDON, Nov 25 (Reuters) -": the dateline has no year; take the latest year the text names
    mentioned = years_named(doc, years)
    for a in found:
        s = doc.sentence_at(a.start)
        if a.when is None and a.weekday is None and s is not None and s.section == "dateline" and mentioned:
            when = _safe_date(max(mentioned), a.month, a.day)
            if when:
                return when, "dateline and the latest year named"
    # No date line: weekdays printed with their dates, the year-to-date total and the weekdays
    # named alone pin it (`lib.extract.undated`).
    pinned = pin_undated(doc, found, mentioned)
    if pinned is not None:
        return pinned
    if by_section.get("body"):
        return max(by_section["body"]), "latest date in the text"
    return None, None


def _parse_full(m: re.Match[str]) -> date | None:
    g = m.lastgroup
    if g in ("md", "dm") and m.group(f"{g}_y"):
        mo = _month(m.group(f"{g}_m"))
        return _safe_date(int(m.group(f"{g}_y")), mo, int(m.group(f"{g}_d"))) if mo else None
    if g == "num":
        a, b = int(m.group("num_a")), int(m.group("num_b"))
        day, mo = (b, a) if b > 12 >= a else (a, b)
        return _safe_date(int(m.group("num_y")), mo, day)
    if g == "iso":
        return _safe_date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    return None


def _is_future(doc: Document, start: int, end: int) -> bool:
    """Future tense in the clause around a date phrase: "will meet on Monday".

    A past verb right after the date wins: "due to leave on 14 June, was stopped".
    """
    s = doc.sentence_at(start)
    lo = max(s.start if s else 0, start - 150)
    hi = min(s.end if s else len(doc.clean), end + 15)
    if not _FUTURE.search(doc.clean, lo, hi):
        return False
    return not _PAST_AFTER.match(doc.clean, end, min(s.end if s else len(doc.clean), end + 40))


_PAST_AFTER = re.compile(r"[\s,]*(?:\w+\s+){0,2}?(?:was|were|had|did)\b", re.I)


_WHICH_YEAR = re.compile(r"\s+(?:of\s+)?(last|previous|this|next)\s+year\b", re.I)
_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


_RANGE_END = re.compile(
    r"\s*(?:to|until|till|and|through|[–-])\s+(?:\w+day,?\s+)?(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+[0-3]?\d(?:st|nd|rd|th)?),?\s+((?:19|20)\d{2})\b"
)


def _year_from_context(
    doc: Document, m: re.Match[str], month: int, day: int, weekday: int | None, context_year: int | None
) -> date | None:
    """The year of a day and month printed without one ("On 14 January", "Nov. 24").

    In order: the year in which the printed weekday falls on that date; the year of the
    end of a range ("from 1 January to 31 December 2024"); the year the text was just
    speaking of ("DEADLIEST INCIDENTS OF 2024 ... On 14 January"); else the nearest past
    occurrence, or the next one in a future-tense clause.
    """
    ref = doc.reference_date
    if weekday is not None:
        base = ref.year if ref else (context_year or _known_years(doc).get((month, day)) or date.today().year)
        fits = [d for y in (base - 1, base, base + 1) if (d := _safe_date(y, month, day)) and d.weekday() == weekday]
        if fits:
            return min(fits, key=lambda d: abs((d - ref).days)) if ref else fits[0]
    end = _RANGE_END.match(doc.clean, m.end())
    if end:
        when = _safe_date(int(end.group(1)), month, day)
        if when:
            return when
    known = _known_years(doc).get((month, day))
    if ref is None:
        year = context_year or known
        return _safe_date(year, month, day) if year else None
    future = _is_future(doc, m.start(), m.end())
    if context_year is not None and context_year <= ref.year and not future:
        # "In 2022 ... on 27 August": the year the paragraph is speaking of, not the nearest
        when = _safe_date(context_year, month, day)
        if when and when <= ref + timedelta(days=7):
            return when
    if known:
        # the same day and month the text gives elsewhere with its year: "on 23 November 2021 ...
        # between 22:00 on 23 November and 12:00 on 24 November", "on September 5 ... Monday, September 5"
        return _safe_date(known, month, day)
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, day))]
    if future:
        ahead = [d for d in options if d >= ref]
        return min(ahead) if ahead else None
    past = [d for d in options if d <= ref + timedelta(days=7)]
    return max(past) if past else None


def _known_years(doc: Document) -> dict[tuple[int, int], int]:
    """(month, day) -> year, for the days the text prints with a year, or with a weekday that fixes it
    near the reference date; a day printed with two different years is left out. Cached."""
    cached = doc.cache.get("known_years")
    if cached is not None:
        return cached
    doc.cache["known_years"] = years = {}
    ref = doc.reference_date
    seen: dict[tuple[int, int], set[int]] = {}
    for a in _absolutes(doc):
        year = a.when.year if a.when else None
        if year is None and a.weekday is not None and ref is not None:
            fits = [d for y in (ref.year - 1, ref.year, ref.year + 1)
                    if (d := _safe_date(y, a.month, a.day)) and d.weekday() == a.weekday]  # fmt: skip
            year = min(fits, key=lambda d: abs((d - ref).days)).year if fits else None
        if year is not None:
            seen.setdefault((a.month, a.day), set()).add(year)
    years.update({key: ys.pop() for key, ys in seen.items() if len(ys) == 1})
    return years


def resolve(
    m: re.Match[str], doc: Document, *, anchor: date | None, context_year: int | None = None
) -> tuple[date, str] | None:
    """Resolve one matched phrase against the reference date (and the last day mentioned)."""
    ref = doc.reference_date
    g = m.lastgroup
    if g is None:
        return None
    phrase = m.group(g).lower()
    if g in ("md", "dm", "wdn", "hol"):
        parts = _day_month(m)
        if parts is None:
            return None
        month, day, printed_year, weekday, _ = parts
        if printed_year:
            when = _safe_date(int(printed_year), month, day)
        else:
            when = _year_from_context(doc, m, month, day, WEEKDAYS[weekday.lower()] if weekday else None, context_year)
        return (when, "day") if when else None
    if g in ("num", "iso"):
        when = _parse_full(m)
        return (when, "day") if when else None
    if g == "my":
        mo = _month(m.group("my_m"))
        return (date(int(m.group("my_y")), mo, 1), "month") if mo else None
    if g == "inyear":
        return date(int(m.group("inyear_y")), 1, 1), "year"
    if ref is None:
        return None
    if g == "inmonth":
        mo = _month(m.group("inmonth_m"))
        if not mo or (_AMBIGUOUS_MONTH.match(m.group("inmonth_m")) and m.group("inmonth_m").islower()):
            return None
        year = ref.year if mo <= ref.month + 1 else ref.year - 1
        said = _WHICH_YEAR.match(doc.clean, m.end())  # "in November last year"
        if said:
            year = ref.year + {"last": -1, "previous": -1, "this": 0, "next": 1}[said.group(1).lower()]
        return date(year, mo, 1), "month"
    if g == "wd":
        target = WEEKDAYS[m.group("wd_d").lower()]
        mod = (m.group("wd_mod") or "").lower()
        back = (ref.weekday() - target) % 7
        ahead = (target - ref.weekday()) % 7
        if mod == "next":
            return ref + timedelta(days=ahead or 7), "day"
        if mod == "last":
            return ref - timedelta(days=back or 7), "day"
        if mod in ("by", "until", "this") or _is_future(doc, m.start(), m.end()):
            return ref + timedelta(days=ahead), "day"
        return ref - timedelta(days=back), "day"
    if g == "rel":
        if "day before yesterday" in phrase:
            return ref - timedelta(days=2), "day"
        if "yesterday" in phrase or "last night" in phrase:
            return ref - timedelta(days=1), "day"
        if "tomorrow" in phrase:
            return ref + timedelta(days=1), "day"
        return ref, "day"
    if g == "ago":
        word = m.group("ago_n").lower()
        n = int(word) if word.isdigit() else _NUM_WORDS[word]
        base = anchor or ref
        return (base + timedelta(days=n) if "later" in phrase else base - timedelta(days=n)), "day"
    if g == "anchor":
        base = anchor or ref
        if "same" in phrase:  # "That same day, a then-record 828 people crossed"
            return base, "day"
        later = any(w in phrase for w in ("following", "next", "after", "later"))
        return base + timedelta(days=1 if later else -1), "day"
    if g == "week":
        monday = _monday(ref)
        if "last" in phrase or "previous" in phrase:
            monday -= timedelta(days=7)
        elif "next" in phrase or "following" in phrase:
            monday += timedelta(days=7)
        if "weekend" in phrase:
            return monday + timedelta(days=5), "week"
        return monday, "week"
    if g == "month":
        first = ref.replace(day=1)
        if "last" in phrase or "previous" in phrase:
            first = (first - timedelta(days=1)).replace(day=1)
        elif "next" in phrase:
            first = (first + timedelta(days=32)).replace(day=1)
        return first, "month"
    if g == "year":
        year = ref.year
        if "last" in phrase or "previous" in phrase or "past" in phrase:
            year -= 1 if "past" not in phrase else 0
        elif "next" in phrase:
            year += 1
        return date(year, 1, 1), "year"
    return None


def extract_events(doc: Document) -> list[Event]:
    """Every date phrase in the article, resolved against `doc.reference_date`.

    Cached on the document: figures and quotes read the events to date themselves.
    """
    cached = doc.cache.get("events")
    if cached is not None:
        return cached
    events: list[Event] = []
    anchor: date | None = None
    # The year the text is speaking of: set by an explicit year, it lasts to the end of its
    # paragraph, or, when set in a heading ("DEADLIEST INCIDENTS OF 2024"), to the next heading.
    context_year: int | None = None
    heading_year: int | None = None
    sentence_year: tuple[int, int | None] = (-1, None)  # (sentence start, the year it named)
    paragraph = -1
    for m in date_phrases(doc):
        g = m.lastgroup
        if g is None:
            continue
        start, end = m.start(g), m.end(g)
        sentence = doc.sentence_at(start)
        if sentence is None or _NEWSPAPER.match(doc.clean, max(0, start - 12), end + 12):
            continue
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            para = doc.paragraphs[paragraph]
            words = doc.clean[para.start : para.end].split()
            heading = len(words) <= 12 and words[-1][-1] not in ".!?\"”’"
            if heading:
                heading_year = None
            context_year = heading_year
        if g == "wd" and _HABITUAL.search(doc.clean, max(0, start - 8), start):
            continue  # "Every Monday, we look back at the week": no one day
        if g == "rel" and _NIGHT_OF.match(doc.clean, end):
            continue  # "Overnight on Tuesday into Wednesday": the night the days after it name
        # "last night" and "this weekend" inside a bigger phrase are found by their own rule
        in_sentence = sentence_year[1] if sentence_year[0] == sentence.start else None
        resolved = resolve(m, doc, anchor=anchor, context_year=in_sentence or context_year)
        if resolved is None:
            continue
        when, precision = resolved
        if precision == "day":
            anchor = when
        named_year = g in ("inyear", "my", "num", "iso") or (g in ("md", "dm", "hol") and m.group(f"{g}_y"))
        if g == "year" and doc.reference_date and when.year == doc.reference_date.year - 1:
            named_year = True  # "Last year, 45,774 crossed. On 11 November, ..." is last year's November
        if named_year and not _COMPARED.search(doc.clean, max(sentence.start, start - 60), start):
            # A year the text names is the one it speaks of: to the end of the paragraph when it
            # opens its sentence ("In 2022, ...") or comes with a day, else to the end of its
            # sentence ("... since crossings began in 2018. On April 23, five died"); a year named
            # only to compare with ("compared with 1,843 in the whole of 2019") is neither.
            sentence_year = (sentence.start, when.year)
            opens = not doc.clean[sentence.start : m.start()].strip(" \t\n\"'“‘(-–—•*")
            if opens or g in ("md", "dm", "num", "iso", "hol") or heading:
                context_year = when.year
            if heading:
                heading_year = when.year
        events.append(
            Event(
                **doc.provenance(start, end),
                date=when.isoformat(),
                precision=precision,
                phrase=" ".join(doc.text[start:end].split()),
                # after the reference date: announced ("next Monday"), not happened
                planned=doc.reference_date is not None and when > doc.reference_date,
            )
        )
    events = _overnight(doc, events)
    doc.cache["events"] = events
    return events


_HABITUAL = re.compile(r"\b(?:every|each)\s+$", re.I)
_NIGHT_OF = re.compile(r"(?<=overnight)\s+(?:on\s+|from\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|[0-3]?\d\s)", re.I)
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:with|to)|than|up\s+from|down\s+from|against|versus|vs\.?|same\s+(?:point|time|period|stage)"
    r"|this\s+(?:point|time|stage))\b[^.;:]*$",
    re.I,
)
# "Tuesday night into Wednesday", "overnight on Tuesday into Wednesday": two days in a row.
_INTO = re.compile(r"\s*(?:night|evening)?\s*(?:into|to|and\s+into)\s+(?:early\s+)?$", re.I)


def _overnight(doc: Document, events: list[Event]) -> list[Event]:
    """A night that runs into the next day ("Tuesday night into Wednesday") is the day before it,
    whatever the first weekday alone would resolve to."""
    out = list(events)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.precision != "day" or second.precision != "day" or first.end > second.start:
            continue
        if not _INTO.fullmatch(doc.clean, first.end, second.start):
            continue
        day_before = date.fromisoformat(second.date) - timedelta(days=1)
        if day_before.weekday() in {WEEKDAYS.get(w) for w in first.phrase.lower().split()}:
            out[i] = replace(
                first,
                date=day_before.isoformat(),
                planned=doc.reference_date is not None and day_before > doc.reference_date,
            )
    return out
