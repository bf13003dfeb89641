"""Counts of people in news copy: "at least 27 died", "Seventeen men, seven women and three minors"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from lib.extract.patterns import trie_pattern, words_pattern
from lib.extract.periods import (
    INCIDENT_METRICS,
    MOST_IN_A_DAY,
    TimeSpan,
    context_day,
    heading_year,
    incident_day,
    own_period,
    period_label,
    year_span,
)
from lib.extract.resources import (
    COLLECTIVES,
    GROUP_NOUNS,
    METRIC_WORDS,
    QUALIFIERS,
    SCALES,
    TENS,
    UNITS,
)
from lib.extract.text import Document
from lib.schema import Figure

_UNIT_WORDS = "|".join(sorted((w for w in UNITS if w != "zero"), key=len, reverse=True))
_TEN_WORDS = "|".join(TENS)
_WORD_NUMBER = (
    rf"(?:(?:{_TEN_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|{_UNIT_WORDS}|a\s+dozen|a\s+couple\s+of|a\s+score\s+of)"
    rf"(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:(?:{_TEN_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|{_UNIT_WORDS}))?)?"
)
_DIGIT_NUMBER = r"\d{1,3}(?:,\d{3})+(?![\d,]*\d)|\d+(?:\.\d+)?(?:\s*(?:million|m)\b)?"
# "three men and a woman": "a" counts one person, only inside such a list (see below)
_ONE_PERSON = r"an?(?=\s+(?:pregnant\s+)?(?:man|woman|child|girl|boy|baby|teenager|minor)\b)"
_NUMBER = rf"(?:{_DIGIT_NUMBER}|{_WORD_NUMBER}|{_ONE_PERSON})"
_QUALIFIER = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True)).replace(r"\ ", r"\s+")
_GROUP = "|".join(sorted(map(re.escape, GROUP_NOUNS), key=len, reverse=True)).replace(r"\ ", r"\s+")
_METRIC_NOUN = r"dead|deaths|fatalities|bodies|survivors|arrivals|crossings|casualties|passengers|victims|missing"
# Words that may stand between a number and its noun: "27 more migrants", "17 Afghan men".
_MODIFIER = (
    r"(?:more|other|further|additional|adult|young|unaccompanied|vulnerable|suspected|male|female|teenage|"
    r"small|new|asylum|undocumented|irregular|[A-Z][a-z]+(?:i|n|an|ese|ish|ian|ean)|pregnant|of\s+the|of\s+them|of\s+whom)"
)

_CANDIDATE = re.compile(
    rf"(?P<qual>\b(?:{_QUALIFIER})\s+)?(?P<between>\bbetween\s+)?\b(?P<num>{_NUMBER})"
    rf"(?:\s*(?P<sep>-|–|\bto\b|\bor\b|\band\b)\s*(?P<num2>{_NUMBER}))?"
    # "More than 2,000 of those who arrived were unaccompanied minors"
    rf"(?P<tail>(?:\s+of\s+(?:those|them|whom|the\s+\w+)(?:\s+who\s+\w+(?:\s+\w+)?)?\s+(?:were|was|are)(?:\s+all|\s+also)?)?"
    rf"(?:\s+{_MODIFIER}){{0,2}}\s+(?P<noun>{_GROUP}|{_METRIC_NOUN})\b)?",
    re.I,
)
# Every candidate starts with a qualifier's first word, "between", a number word or a
# digit: trying the pattern only there is equivalent to a full scan, and much faster.
_NUMBER_WORDS = words_pattern([w for w in UNITS if w != "zero"] + list(TENS))
_STARTER = re.compile(
    rf"""(?=[A-Za-z0-9])\b(?:
        (?:{words_pattern(QUALIFIERS)}|between)\s+(?=\d|(?:{_NUMBER_WORDS}|a\s)) # "more than 25,700", "between 40"
        | (?:{_NUMBER_WORDS})(?![a-z])                                          # "Seventeen"
        | an?\s+(?=(?:pregnant\s+)?(?:man|woman|child|girl|boy|baby|teenager|minor|dozen|couple|score)\b)
        | \d)""",
    re.I | re.X,
)


def _next_candidate(text: str, pos: int) -> re.Match[str] | None:
    for starter in _STARTER.finditer(text, pos):
        m = _CANDIDATE.match(text, starter.start())
        if m:
            return m
    return None


# Not counts of people: money, percentages, distances, times, ages, boat lengths, years.
_BEFORE_NOT_COUNT = re.compile(
    r"(?:[£$€]\s*|\b(?:aged|age|ages|channel|article|section|page|no\.|number|covid-|route|a|the\s+year|in|since|of|until|by|from|to)\s+)$",
    re.I,
)
_AFTER_NOT_COUNT = re.compile(
    r"""^(?:\s*(?:%|per\s*cent|percent|pc\b|bn\b|billion|pounds|euros|dollars|£|km\b|kilomet|miles?\b|metres?|meters?|m\b|ft\b|feet|foot|nautical|knots|hours?|hrs?\b|minutes?|mins?\b|seconds?|days?|weeks?|months?|years?|decades?|
       am\b|pm\b|a\.m|p\.m|bst|gmt|cet|o'clock|[:.]\d{2}|st\b|nd\b|rd\b|th\b|times\b|-fold|fold\b|degrees|°|kg|tonnes|
       boats?\b|small\s+boats|dinghies|dinghy|vessels?|inflatables?|lorries|trucks|cars|buses|police|officers|gendarmes|ships?|helicopters?|planes?|aircraft|patrols?|countries|nationalities|arrests|smugglers|traffickers|suspects|charges?)
       |\s*-\s*(?:year|metre|meter|foot|feet|ft|m\b|mile|km|hour|day|week|month|strong|page|point)
       |\s*(?:more|fewer|less)\s+(?:people\s+|migrants\s+)?than\b
       |\s+of\s+(?:them|the\s+\w+|those)\s+(?:were|was)\s+(?!killed|rescued|missing|dead|saved)
       |\s*(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)""",
    re.I | re.X,
)
_MONTH_BEFORE = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+$",
    re.I,
)
_DIFFERENCE_BEFORE = re.compile(r"\b(?:(?<!picked\s)up|down|rise|increase|drop|fall|decrease|by|an\s+extra)\s+(?:of\s+)?$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# Where a clause ends: the metric of a number does not reach across these.
_STRONG_BREAK = re.compile(r"[;:()\[\]]|\s[–—]\s|\s-\s")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|\s[–—]\s|\s-\s|\b(?:but|while|whereas|although|though|because|as|when)\b"
    r"|\b(?:after|before|since)\b(?!\s+(?:\d|the\s+\w+\s+of\s+\d))", re.I)


# Every metric word in one trie pattern; the metric of a match is looked up by its words.
_METRIC_OF: dict[str, str] = {word: metric for metric, words in METRIC_WORDS.items() for word in words}
METRIC_PATTERN = re.compile(
    r"\b(?:" + trie_pattern([r"\s+" if c == " " else re.escape(c) for c in w] for w in _METRIC_OF) + r")\b",
    re.I,
)


def metric_of(match: re.Match[str]) -> str:
    """The metric a METRIC_PATTERN match speaks of: "drowned" -> deaths, "on board" -> on_board."""
    return _METRIC_OF[" ".join(match.group().lower().split())]


_GROUP_AFTER = re.compile(rf"\s+(?:were|was|are)\s+(?:all\s+|also\s+)?({_GROUP})\b", re.I)
_PREVENTED = re.compile(r"\s+(?:\w+\s+){0,3}?from\s+(?:making|crossing|reaching|attempting|leaving|setting|trying)\b", re.I)
# Sentences about other migration statistics: their counts are not Channel crossings.
_OTHER_TOPIC = re.compile(
    r"\b(?:net\s+migration|long-term|visas?|asylum\s+(?:claims|applications)|applications|backlog|hotels?|deport\w*|removed|returns?\s+agreement|students)\b",
    re.I,
)
_DIED_AFTER_ALL = re.compile(
    r"\b(?:could\s+not\s+be\s+(?:revived|saved|resuscitated)|did\s+not\s+survive|later\s+died|died\s+later|pronounced\s+dead|died\s+in\s+hospital)\b",
    re.I,
)
# A bare number that is the subject of a verb: "58 refused help", "the 28,526 who made the journey".
_BARE_SUBJECT = re.compile(
    r"^\s+(?:more\s+|others?\s+|of\s+them\s+|in\s+all\s+)?(?:,\s*)?(?:were|was|are|is|have|has|had|who|would|could|will|\w{3,}ed)\b", re.I
)
# A bare number closing its phrase: "to at least 37.", "a record 45,774 in 2022".
_BARE_END = re.compile(r"^\s*(?:[.,;:)]|$|\s+(?:in|on|at|by|this|last|so|since|during|according|from|for)\b)", re.I)
_REFERS_BACK = re.compile(r"\b(?:the\s+)?(?:figure|total|number|tally|count|high|record|peak|level|low)(?:\s+(?:for|of|in|this|that|the|last|year|day|month|so|far)){0,4}\s+(?:was|is|stood\s+at|stands\s+at|reached|rose\s+to|of|at)\s+$", re.I)
# Counts that need no noun because the metric word is right beside them:
# "27 died", "27 were rescued", "killing 27", "carrying 34", "a death toll of 27".
_ADJACENT_AFTER = re.compile(
    r"^\s*(?:[–—-]\s*)?(?:people\s+|others\s+|more\s+|of\s+them\s+|in\s+all\s+)?(?:,\s*)?(?:(?:have|has|had|were|was|are|is)\s+(?:been\s+|now\s+|also\s+|reportedly\s+|feared\s+)?)?"
    r"(?:died|dead|drowned|perished|killed|missing|rescued|saved|survived|crossed|arrived|landed|on\s+board|aboard|brought\s+ashore|lost\s+their\s+lives|unaccounted|injured|hurt)\b",
    re.I,
)
_ADJACENT_BEFORE = re.compile(
    r"\b(?:killing|killed|kill|drowning|rescued|rescuing|saved|saving|carrying|carried|toll\s+(?:rose|rising|climbed|stands|stood|reached|of|at|to)(?:\s+to)?|"
    r"toll\s+has\s+(?:risen|climbed|reached)(?:\s+to)?|(?:figure|total|number|tally|toll|count|high|record|peak|level)(?:\s+(?:for|of|in|this|that|the|last|year|day|month|so|far)){0,4}\s+(?:was|is|stood\s+at|stands\s+at|reached|rose\s+to|of|at)|bodies\s+of|deaths\s+of|lives\s+of|total\s+of|tally\s+of|figure\s+of|numbers?\s+of|count\s+of|picked\s+up|brought\s+ashore|intercepted|evacuated)\s+$",
    re.I,
)


@dataclass(slots=True)
class _Count:
    value: int
    qualifier: str


def parse_number(words: str) -> int | None:
    """Digits or number words -> int: "25,700" -> 25700, "twenty-seven" -> 27, "1.2 million" -> 1200000."""
    w = " ".join(words.lower().replace("-", " ").split())
    if not w:
        return None
    if w[0].isdigit():
        million = re.search(r"(million|m)$", w)
        num = re.sub(r"\s*(million|m)$", "", w).replace(",", "")
        try:
            value = float(num)
        except ValueError:
            return None
        if million:
            return int(round(value * 1_000_000))
        return int(value) if value.is_integer() else None
    for phrase, n in COLLECTIVES.items():
        if w == phrase:
            return n
    total = current = 0
    for token in w.split():
        if token == "and":
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total += current
                current = 0
        else:
            return None
    return total + current


def _nearest_metric(doc: Document, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """The metric whose words sit nearest the count in its clause (right first: "27 ... died")."""
    text = doc.clean
    right_limit = s_end
    brk = _CLAUSE_BREAK.search(text, end, s_end)
    if brk:
        right_limit = brk.start()
        opening = re.search(r"\s[–—-]\s(?!.*\s[–—-]\s)", text[max(s_start, start - 80) : start])
        if opening and re.match(r"\s[–—-]\s", brk.group()):
            # "five people – three men, a woman and a girl – were crushed to death"
            after = _CLAUSE_BREAK.search(text, brk.end(), s_end)
            right_limit = after.start() if after else s_end
    m = METRIC_PATTERN.search(text, end, right_limit)
    if m and m.start() - end <= 160:
        return metric_of(m)
    left_limit = s_start
    for b in _CLAUSE_BREAK.finditer(text, s_start, start):
        left_limit = b.end()
    best = None
    for m in METRIC_PATTERN.finditer(text, max(left_limit, start - 120), start):
        best = metric_of(m)
    return best


def extract_figures(doc: Document) -> list[Figure]:
    """Every count of people, with its metric, qualifier, group and period."""
    figures: list[Figure] = []
    text = doc.clean
    pos = 0
    while (m := _next_candidate(text, pos)) is not None:
        pos = m.end()
        if m.group("num2") and (
            _YEAR.match(m.group("num"))
            or (m.group("sep").lower() == "and" and not m.group("between"))
        ):
            # "in 2020 and 1,843 in 2019", "17 men and 3 women": not a range; read on from the second number
            pos = m.start("sep")
            if _YEAR.match(m.group("num")):
                continue
            m = _CANDIDATE.match(text, m.start(), m.end("num"))
            if m is None:
                continue
        start = m.start("qual") if m.group("qual") else m.start("num")
        sentence = doc.sentence_at(m.start("num"))
        if sentence is None:
            continue
        raw = m.group("num")
        if raw.lower() in ("a", "an"):
            if m.group("num2") or not m.group("noun"):
                continue
            previous_end = figures[-1].end if figures else -1
            joined = 0 <= m.start() - previous_end <= 30 and re.fullmatch(
                r"[\s,]*(?:and|as\s+well\s+as)?\s*", text[previous_end : m.start()]
            )
            if not joined and not _ADJACENT_AFTER.match(text[m.end() : m.end() + 60]):
                continue
        value = 1 if raw.lower() in ("a", "an") else parse_number(raw)
        if value is None or value <= 0:
            continue
        if _YEAR.match(raw) and not m.group("noun"):
            continue  # "in 2018", "2021" is a year, not a count
        after = text[m.end("num2") if m.group("num2") else m.end("num") : m.end("num") + 40]
        before = text[max(sentence.start, m.start("num") - 18) : m.start("num")]
        noun = m.group("noun")
        if not noun:
            if _AFTER_NOT_COUNT.match(after) or _MONTH_BEFORE.search(before):
                continue
            if (
                _BEFORE_NOT_COUNT.search(before)
                and not m.group("qual")
                and "," not in raw
                and not _ADJACENT_BEFORE.search(before)
            ):
                continue
        elif _MONTH_BEFORE.search(before) or re.match(r"\s*-\s*(?:year|metre|meter|foot|m\b)", after, re.I):
            continue
        if _YEAR.match(raw) and not noun:
            continue  # "in 2018", "2021" is a year, not a count
        if re.match(r"\s*(?:more|fewer|less)\s+(?:\w+\s+)?than\b", after, re.I) or _DIFFERENCE_BEFORE.search(before):
            continue  # "10,000 more than last year" is a difference
        if raw.lower() == "one" and not noun:
            continue  # "one of the", "no one": a pronoun, not a count
        qualifier = QUALIFIERS.get(" ".join((m.group("qual") or "").lower().split()), "exact")
        if m.group("num2"):
            low = parse_number(m.group("num2"))
            if low is not None and m.group("sep") and m.group("sep").lower() != "and" and not m.group("between") and low <= value:
                continue  # "24-25 November", "2-1": not a range of people
            qualifier = "at_least"  # "between 40 and 50", "three or four": the lower value
        end = m.end()
        s_start, s_end = sentence.start, sentence.end
        group = None
        metric = None
        if noun:
            n = " ".join(noun.lower().split())
            group = GROUP_NOUNS.get(n)
            if n in ("dead", "deaths", "fatalities", "bodies", "casualties", "victims"):
                metric = "deaths"
            elif n in ("survivors",):
                metric = "rescued"
            elif n in ("arrivals", "crossings"):
                metric = "crossings"
            elif n == "missing":
                metric = "missing"
            elif n == "passengers":
                metric = "on_board"
            if re.match(r"\s+(?:who\s+)?(?:were|was|are|have\s+been)\s+(?:still\s+)?missing", text[m.end() : m.end() + 30], re.I):
                metric = "missing"
            who = _GROUP_AFTER.match(text, m.end())
            if group is None and who:
                group = GROUP_NOUNS.get(" ".join(who.group(1).lower().split()))  # "14 of the dead were minors"
            if _PREVENTED.match(text, m.end()):
                metric = "prevented"  # "stopped 10,000 people from making the journey": not crossings
        else:
            tail = text[m.end() : min(s_end, m.end() + 60)]
            head = text[max(s_start, start - 40) : start]
            adjacent_after = _ADJACENT_AFTER.match(tail)
            bare_ok = (
                adjacent_after
                or _ADJACENT_BEFORE.search(head)
                or _BARE_SUBJECT.match(tail)
                or ((m.group("qual") or "," in raw) and _BARE_END.match(tail))
            )
            if not bare_ok:
                continue
            end = m.end("num2") if m.group("num2") else m.end("num")
            if adjacent_after:
                word = adjacent_after.group().lower()
                if "missing" in word or "unaccounted" in word:
                    metric = "missing"
        if metric is None:
            head = text[max(s_start, start - 40) : start]
            before_verb = _ADJACENT_BEFORE.search(head)
            if before_verb:
                mm = METRIC_PATTERN.search(before_verb.group())
                metric = metric_of(mm) if mm else None
                if metric is None and re.search(r"carr", before_verb.group(), re.I):
                    metric = "on_board"
                if metric is None and re.search(r"toll|bodies|deaths|lives", before_verb.group(), re.I):
                    metric = "deaths"
        if metric is None and m.group("tail"):
            # "14 of the dead were minors", "2,000 of those who arrived were minors"
            in_tail = METRIC_PATTERN.search(m.group("tail"))
            metric = metric_of(in_tail) if in_tail else None
        if metric is None:
            metric = _nearest_metric(doc, start, end, s_start, s_end)
            if metric and _OTHER_TOPIC.search(text, s_start, s_end):
                continue
        if metric is None and figures and _REFERS_BACK.search(text[max(s_start, start - 40) : start]):
            # "In 2020, the figure was 8,466", "The previous high was 686": the metric of the count before it
            previous = figures[-1]
            if start - previous.end < 600:
                metric = previous.metric
        if metric is None:
            continue
        if metric == "rescued" and _DIED_AFTER_ALL.search(text, s_start, s_end):
            metric = "deaths"  # "One man, pulled from the water, could not be revived"
        if re.match(r"\s+or\s+(?:more|so)\b", text[end : end + 10], re.I):
            qualifier = "at_least" if "more" in text[end : end + 10].lower() else "about"
        figures.append(
            Figure(
                **doc.provenance(start, end),
                metric=metric,
                value=value,
                qualifier=qualifier,
                group=group,
            )
        )
    figures.extend(_table_figures(doc))
    return _dated(doc, figures)


def _dated(doc: Document, figures: list[Figure]) -> list[Figure]:
    """The figures with their periods (`lib.extract.periods`): their own clause's, else the incident's.

    A count of an incident with no time in its clause is about the incident the article
    reports: the day of the incident count just before it in its paragraph ("Four died on
    Tuesday. Three men and a woman ..."), else the day the article's incident counts are
    dated to. A crossing count takes the day of a count just before it in its paragraph
    ("743 crossed on Monday, 12 of them children"), never a day for a count too big for one.
    """
    own: list[TimeSpan | None] = []
    for f in figures:
        sentence = doc.sentence_at(f.start)
        if sentence is None or f.start >= len(doc.clean):
            own.append(None)
            continue
        others = [g.start for g in figures if g is not f and sentence.start <= g.start < sentence.end]
        own.append(
            own_period(doc, f.start, f.end, sentence, metric=f.metric, value=f.value, others=others)
        )
    article_day = incident_day(doc, [(f.metric, span) for f, span in zip(figures, own, strict=True)])
    dated: list[Figure] = []
    for k, (f, span) in enumerate(zip(figures, own, strict=True)):
        first = last = None
        if span is not None:
            first, last = span.first, span.last
        elif f.period and len(f.period) == 4:  # a table's row label: "2021  28,526"
            first, last = year_span(int(f.period), doc.reference_date) or (None, None)
        elif f.metric in INCIDENT_METRICS or f.metric == "crossings":
            day = _day_before(doc, figures, own, k) or context_day(doc, f.start)
            if day is None and f.metric in INCIDENT_METRICS:
                day = article_day
            if day is not None and (f.metric != "crossings" or f.value <= MOST_IN_A_DAY["crossings"]):
                first = last = day
        if first is None and (section := heading_year(doc, f.start)):
            first, last = section  # a list under "THE 2024 TOLL IN FIGURES"
        dated.append(
            replace(
                f,
                period=period_label(first, last, doc.reference_date),
                period_start=first.isoformat() if first else None,
                period_end=last.isoformat() if last else None,
            )
        )
    return dated


def _day_before(doc: Document, figures: list[Figure], own: list[TimeSpan | None], k: int) -> date | None:
    """The own day of the nearest count before figure k in the same paragraph, if it has one."""
    here = doc.sentence_at(figures[k].start)
    for j in range(k - 1, -1, -1):
        there = doc.sentence_at(figures[j].start)
        if here is None or there is None or there.paragraph != here.paragraph:
            return None
        span = own[j]
        if span is not None:
            return span.first if span.one_day else None
    return None


_TABLE_ROW = re.compile(r"^[^\S\n]*(?P<label>[^\t\n]+?)[^\S\n]*\t[^\S\n]*(?P<num>\d{1,3}(?:,\d{3})+|\d+)[^\S\n]*$", re.M)
_TABLE_HEADER = re.compile(r"^[^\t\n]*\t(?P<header>[^\n]+)$", re.M)
_YEAR_IN = re.compile(r"\b(?:19|20)\d{2}\b")


def _table_figures(doc: Document) -> list[Figure]:
    """Counts in a table pasted as tab-separated lines, under a header that names the metric.

        Year    People detected crossing in small boats
        2021    28,526
    """
    if "\t" not in doc.clean:
        return []
    found: list[Figure] = []
    metric: str | None = None
    header_end = -2
    for line in re.finditer(r"[^\n]*\n?", doc.clean):
        text = line.group().rstrip("\n")
        row = _TABLE_ROW.match(text)
        if row and metric and line.start() - header_end <= 1:
            start, end = line.start() + row.start("num"), line.start() + row.end("num")
            sentence = doc.sentence_at(start)
            value = parse_number(row.group("num"))
            if sentence is not None and value and not _YEAR.match(row.group("num")):
                year = _YEAR_IN.search(row.group("label"))
                found.append(
                    Figure(**doc.provenance(start, end), metric=metric, value=value,
                           period=year.group() if year else None)
                )  # fmt: skip
            header_end = line.end()
            continue
        header = _TABLE_HEADER.match(text) if "\t" in text else None
        words = METRIC_PATTERN.search(header.group("header")) if header else None
        metric = metric_of(words) if words else None
        header_end = line.end() if metric else -2
    return found
