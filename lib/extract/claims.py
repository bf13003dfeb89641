"""Comparisons and milestones articles assert ("three times the total for 2020", "a record", "the deadliest since 2018")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lib.extract.figures import METRIC_PATTERN, metric_of, parse_number
from lib.extract.patterns import words_pattern
from lib.extract.resources import TENS, UNITS
from lib.extract.text import Document
from lib.schema import Claim

# --- the claim vocabulary -------------------------------------------------------------

# Multipliers written as words: "twice", "three times", "half".
_FACTOR_WORDS: dict[str, float] = {
    "twice": 2, "double": 2, "doubled": 2, "treble": 3, "triple": 3, "trebled": 3, "tripled": 3,
    "quadruple": 4, "quadrupled": 4, "half": 0.5, "halved": 0.5,
}  # fmt: skip
# Nouns a superlative may be about. Incidents and time units name the subject themselves
# ("the deadliest accident"); quantity nouns leave the subject to the metric.
_INCIDENT_NOUNS = (
    "accident",
    "disaster",
    "tragedy",
    "incident",
    "sinking",
    "shipwreck",
    "capsizing",
    "loss of life",
)
_TIME_NOUNS = ("day", "month", "year", "week", "summer", "period")
_QUANTITY_NOUNS = (
    "number",
    "numbers",
    "total",
    "figure",
    "level",
    "toll",
    "tally",
    "count",
    "crossings",
    "arrivals",
    "deaths",
)
# Superlatives that are about deaths whatever follows them.
_DEADLY = ("deadliest", "most deadly", "most lethal")
# Words after a number that say it is not a count of people.
_NOT_PEOPLE_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|percent|km|kilomet|miles?\b|metres?|meters?|knots|mph|degrees|pounds|euros|dollars|"
    r"boats?\b|small\s+boats|dinghies|vessels?|years?\b|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|times\b|mark\b)",
    re.I,
)

_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_AFTER = re.compile(rf"\s*{_MONTH_WORD}(?!\w)", re.I)  # "25 November"
_NOT_PEOPLE_BEFORE = re.compile(rf"(?:[£$€]\s*|\b{_MONTH_WORD}\s+)$", re.I)  # "£54m", "November 25"
_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s*(?:million|m)\b)?|\d+\s+thousand"
_YEAR = r"(?:19|20)\d{2}"
_WORD_COUNT = "|".join(
    sorted([w for w in UNITS if w not in ("zero", "one")] + list(TENS), key=len, reverse=True)
)
_COUNT = re.compile(
    rf"(?<![\w£$€.,])(?:{_NUM}|(?:{_WORD_COUNT})(?:-(?:{_WORD_COUNT}))?)(?![\w%])", re.I
)
_BARE_YEAR = re.compile(rf"^{_YEAR}$")

# What a ratio or a change is measured against, right after the claim words.
_TARGET = re.compile(
    rf"""(?P<same>the\s+same\s+(?:period|time|months?|point)\s+(?:of\s+|in\s+)?(?:(?P<same_year>{_YEAR})|last\s+year|the\s+previous\s+year|a\s+year\s+(?:earlier|ago)))
      | (?:the\s+)?(?:whole\s+of\s+|all\s+of\s+|entire\s+|full\s+)?(?P<year>{_YEAR})(?:'s(?:\s+(?:total|figure|tally|number|level))?)?
      | (?P<last>last\s+year(?:'s(?:\s+(?:total|figure|tally|number|level))?)?)
      | (?P<previous>the\s+previous\s+year|the\s+year\s+before|a\s+year\s+(?:earlier|ago|before)|the\s+prior\s+year)""",
    re.I | re.X,
)
# The clause ends at strong punctuation or an attribution: the target must be inside it.
_CLAUSE_END = re.compile(
    r"[.;:!?()\[\]]|\s[–—]\s|\s-\s|,\s*(?:according|said|says|the\s+\w+\s+said)", re.I
)

# "three times the total for the whole of 2020", "twice as many as last year", "half the number".
_RATIO = re.compile(
    r"""(?P<lead>\b(?:more\s+than|over|almost|nearly|about|around|roughly|at\s+least|less\s+than|some)\s+)?
        \b(?P<factor>(?:two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s+times|twice|double|treble|triple|quadruple|half)
        \s+(?=(?:as\s+(?:many|much|high|large|big)\b|(?:higher|more|greater|larger|bigger|lower|fewer)\s+than\b
              |the\s+(?:\w+\s+){0,2}?(?:total|number|figure|level|tally|amount|count|numbers)\b|that\s+(?:of|in|for|recorded)\b
              |last\s+year|the\s+previous\s+year|the\s+same\s+period|(?:the\s+)?(?:whole\s+of\s+)?(?:19|20)\d{2}\b))""",
    re.I | re.X,
)
# "have doubled since last year", "more than tripled compared with 2020".
_RATIO_VERB = re.compile(
    r"""(?P<lead>\b(?:more\s+than|almost|nearly|roughly)\s+)?\b(?P<factor>doubled|trebled|tripled|quadrupled|halved)\b
        (?=(?:\s+[\w-]+){0,3}?\s+(?:since|from|compared\s+(?:with|to)|on|over|against)\s)""",
    re.I | re.X,
)
# "up 25% on last year", "a 25% increase on 2023", "36% below 2022", "rose by 25 per cent compared with 2023".
_PERCENT = re.compile(
    r"""(?:\b(?P<dir_before>up|down|rose|fell|increased|decreased|grew|jumped|dropped|declined|climbed|fallen|risen|
                        a\s+rise\s+of|an\s+increase\s+of|a\s+fall\s+of|a\s+drop\s+of|a\s+decrease\s+of|a\s+jump\s+of)\s+(?:by\s+)?)?
        (?:(?:a|an)\s+)?(?P<pct>\d+(?:\.\d+)?)\s*(?:%|\s?per\s?cent\b|\s?percent\b)
        (?:\s+(?P<dir_after>rise|increase|jump|climb|growth|drop|fall|decrease|decline|more|fewer|less|higher|lower|above|below|up|down)\b)?""",
    re.I | re.X,
)
_SPACE = re.compile(r"\s*")
_UP_WORDS = frozenset(
    (
        "up",
        "rose",
        "increased",
        "grew",
        "jumped",
        "climbed",
        "risen",
        "rise",
        "increase",
        "jump",
        "climb",
        "growth",
        "more",
        "higher",
        "above",
    )
)
_TARGET_LEAD = re.compile(
    r"\s*(?:(?:on|from|than|compared\s+(?:with|to)|over|since|against|vs\.?)\s+)?(?:the\s+figure\s+for\s+|the\s+total\s+for\s+|that\s+of\s+|that\s+in\s+)?",
    re.I,
)

# "a record 1,185 people", "a record year", "record numbers", "broke the record".
_RECORD_NOUN = (
    r"(?:highs?|levels?|numbers?|years?|days?|months?|weeks?|totals?|figures?|influx|tally|toll)\b"
)
_RECORD = re.compile(
    rf"""\b(?:a|an|another|the)\s+(?:new\s+|fresh\s+|all-time\s+)?record(?:-breaking|-high)?\b
            (?:\s+{_RECORD_NOUN}
              | (?=\s*(?:[.,;:!?)–—]|$|-\s)
                 | \s+(?:\d|for\b|in\b|of\s+(?:\d|more|over|almost|nearly)|set\b)
                 | \s+\w+\s+(?:people|migrants|crossings|arrivals|deaths)\b))
        | \brecord(?:-breaking)?\s+(?:{_RECORD_NOUN}|arrivals|crossings|deaths)
        | \b(?:set|broke|break|breaking|beat|beaten|smashed|surpassed|topped|exceeded)\s+(?:a|the|last\s+year's|its|their)\s+(?:new\s+|previous\s+|all-time\s+)?record\b(?!\s+of\b)
        | \brecord-breaking\b""",
    re.I | re.X,
)
# "a record of the meeting", "a criminal record", "for the record", "keep a record": not claims.
_NOT_RECORD_BEFORE = re.compile(
    r"\b(?:keep|keeps|kept|keeping|maintain|maintains|criminal|police|track|medical)\s+$", re.I
)
_OFF_RECORD = re.compile(r"\b(?:on|off|for)\s+$", re.I)  # "for the record", "off the record"

_SUPERLATIVE_NOUNS = "|".join(
    n.replace(" ", r"\s+") for n in _INCIDENT_NOUNS + _TIME_NOUNS + _QUANTITY_NOUNS
)
# "the deadliest accident since 2018", "the highest this year", "the worst disaster on record".
_SUPERLATIVE = re.compile(
    rf"""\bthe\s+(?P<sup>deadliest|worst|highest|largest|biggest|busiest|lowest|most\s+deadly|most\s+lethal)
        (?P<head>(?:\s+(?:single|single-day|daily|monthly|annual|yearly|maritime|migrant|boat|small-boat|recorded|known|such|channel))*
           \s+(?P<noun>{_SUPERLATIVE_NOUNS})
           (?:\s+of\s+(?:\w+\s+){{0,2}}?(?P<of>crossings|arrivals|deaths|migrants|people|boats|life))?
           (?:\s+(?:in|on)\s+(?:a|one)\s+(?:single\s+)?day)?)?
        (?P<scope>\s+(?:
            since\s+records\s+began
          | since\s+(?:(?!(?:and|but|which|who|when)\b)[\w'’-]+\s+){{0,8}}?(?P<since_year>{_YEAR})\b
          | since\s+(?P<since_last>last\s+year)
          | on\s+record | ever(?:\s+recorded)? | in\s+(?:living\s+)?memory
          | (?:so\s+far\s+)?this\s+year | of\s+the\s+year | (?:in|of|for)\s+(?P<in_year>{_YEAR})\b
          | since\s+(?P<since_words>(?:(?!(?:and|but|which|who|when)\b)[\w'’-]+\s*){{1,6}})))""",
    re.I | re.X,
)
_SUPERLATIVE_EVER = re.compile(r"\b(?P<sup>deadliest|worst|highest|biggest|largest)-ever\b", re.I)

# "passed the 10,000 mark", "surpassed 20,000", "topped 28,500".
_MILESTONE = re.compile(
    rf"""\b(?P<verb>pass(?:ed|es|ing)?|surpass(?:ed|es|ing)?|exceed(?:ed|s|ing)?|top(?:ped|s|ping)?|broke(?:n)?(?:\s+through)?|break(?:s|ing)?(?:\s+through)?
           |hit|hits|reach(?:ed|es|ing)?|went\s+(?:over|past|beyond)|gone\s+(?:over|past|beyond)|crossed|crosses)
        \s+(?:the\s+)?(?P<num>{_NUM})(?P<mark>\s+(?:mark|milestone|threshold|barrier|landmark)\b)?""",
    re.I | re.X,
)
# Passive: "the 10,000 mark was passed".
_MILESTONE_MARK = re.compile(
    rf"\bthe\s+(?P<num>{_NUM})\s+(?:mark|milestone|threshold|barrier|landmark)\s+(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+)?"
    rf"(?:passed|surpassed|reached|crossed|broken|hit|topped|exceeded)\b",
    re.I,
)
_SINGLE_DAY = re.compile(
    r"\b(?:in|on)\s+(?:a|one)\s+(?:single\s+)?day\b|\brecord\s+day\b|\bsingle-day\b|\bdaily\s+record\b",
    re.I,
)

# When the claim's own count is: the year it counts ("this year", "in 2022").
_PERIOD = re.compile(
    rf"\b(?P<this>(?:so\s+far\s+)?this\s+year|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|year\s+to\s+date)\b"
    rf"|\b(?P<last>last\s+year)\b|\b(?:in|of|for|during|throughout)\s+(?:the\s+whole\s+of\s+)?(?P<year>{_YEAR})\b"
    rf"|(?<![\w,])(?P<lead_year>{_YEAR})\s+(?:was|saw|had|has|is|has\s+been|became)\b"
    rf"|\bthe\s+(?P<the_year>{_YEAR})\s+(?:total|figure|tally|count)\b",
    re.I,
)


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    claim_type: str
    factor: float | None = None
    compared_with: str | None = None
    value: int | None = None
    subject: str | None = None
    metric: str | None = None
    period: str | None = None
    target: tuple[int, int] | None = (
        None  # where the compared-with words are, not the claim's own period
    )
    core: tuple[int, int] | None = (
        None  # the claim words proper, when the span holds more ("crossed in 2021")
    )


def extract_claims(doc: Document) -> list[Claim]:
    """Every comparison and milestone claim of the article, in text order.

    Precision comes first: a multiplier needs something it is measured against in the
    same clause ("three times the total for 2020", not "crossed twice"); "record" needs
    the words of a record ("a record 1,185", "record numbers", not "a record of the
    meeting"); a superlative needs a scope ("the deadliest since 2018", not "the
    deadliest weapon").
    """
    found: list[_Found] = []
    for finder in (_superlatives, _records, _ratios, _percent_changes, _milestones):
        for f in finder(doc):
            if doc.sentence_at(f.start) is None:
                continue  # noise: a byline, a tag, a "Download" line
            if any(f.start < g.end and g.start < f.end for g in found):
                continue  # "the highest on record" is one claim, not a record and a superlative
            found.append(f)
    claims = []
    for f in sorted(found, key=lambda f: f.start):
        sentence = doc.sentence_at(f.start)
        assert sentence is not None
        s_start, s_end = sentence.start, sentence.end
        excluded = [f.core or (f.start, f.end)] + ([f.target] if f.target else [])
        period = f.period or _period(doc, s_start, s_end, excluded)
        compared = f.compared_with
        if f.target is not None:
            compared = _compared_with(doc, f.target, period)
        metric = f.metric or _nearest_metric(doc, s_start, s_end, excluded)
        value = (
            f.value
            if f.value is not None
            else _value(doc, f.start, f.end, s_start, s_end, excluded + [(f.start, f.end)])
        )
        claims.append(
            Claim(
                **doc.provenance(f.start, f.end),
                claim_type=f.claim_type,
                subject=f.subject or metric or "",
                compared_with=compared,
                factor=f.factor,
                period=period,
                value=value,
                metric=metric,
            )
        )
    return claims


# --- finders: each yields the claim words and what they alone say ------------------------


def _clause_window(doc: Document, start: int, limit: int = 140) -> tuple[int, int]:
    sentence = doc.sentence_at(start)
    end = min(sentence.end if sentence else len(doc.clean), start + limit)
    brk = _CLAUSE_END.search(doc.clean, start, end)
    return start, brk.start() if brk else end


_CONNECTOR = re.compile(r"\b(?:as|than)\s+(?:(?:in|during|for|over|with)\s+)?", re.I)


def _target_after(
    doc: Document, pos: int, *, lead: re.Pattern[str] | None = None
) -> re.Match[str] | None:
    """What is compared with ("2020", "last year", "the same period of 2021") in the clause after `pos`.

    With `lead`, the target must follow it at once ("up 25% on last year"). Without, the
    target after the last "as"/"than" wins ("twice as many crossed in 2021 as in 2020"),
    else the first in the clause ("three times the total for the whole of 2020").
    """
    a, b = _clause_window(doc, pos)
    if lead is not None:
        m = lead.match(doc.clean, a, b)
        return _TARGET.match(doc.clean, m.end(), b) if m else None
    connectors = [c.end() for c in _CONNECTOR.finditer(doc.clean, a, b)]
    for start in reversed(connectors):
        target = _TARGET.match(doc.clean, start, b)
        if target:
            return target
    return _TARGET.search(doc.clean, a, b)


# Cheap triggers: the full patterns run only inside sentences that hold one, since
# scanning every position with a pattern that opens on optional words is slow.
# Cheap triggers, all found in one pass over the lower-cased text: each kind of claim is
# looked for only in the sentences that hold one of its words.
_TRIGGERS = re.compile(
    r"(?P<ratio>\b(?:" + words_pattern(["times", "twice", "double", "treble", "triple", "quadruple", "half", "halved"]) + "))"
    r"|(?P<percent>%|per\s?cent)"
    r"|(?P<record>\brecord)"
    r"|(?P<superlative>\b(?:" + words_pattern(["deadliest", "worst", "highest", "largest", "biggest", "busiest", "lowest", "most "]) + "))"
    # a milestone is a round number of thousands: "passed the 10,000 mark", "topped 28,500"
    r"|(?P<milestone>\d,\d{3}|\d{5,}|\bthousand|\bmillion)"
)


def _sentences_with(doc: Document, kind: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence holding a trigger word of this kind of claim, in order."""
    spans: dict[str, list[tuple[int, int]]] | None = doc.cache.get("claim_sentences")
    if spans is None:
        spans = {name: [] for name in _TRIGGERS.groupindex}
        for t in _TRIGGERS.finditer(doc.clean.lower()):
            s = doc.sentence_at(t.start())
            found = spans[t.lastgroup or ""]
            if s is not None and (not found or found[-1][0] != s.start):
                found.append((s.start, s.end))
        doc.cache["claim_sentences"] = spans
    return spans[kind]


def _ratios(doc: Document) -> Iterator[_Found]:
    spans = list(_sentences_with(doc, "ratio"))
    for pattern in (_RATIO, _RATIO_VERB):
        for m in (m for a, b in spans for m in pattern.finditer(doc.clean, a, b)):
            target = _target_after(doc, m.end())
            if target is None:
                continue  # "crossed twice", "double the patrols": nothing it is measured against
            word = m.group("factor").lower()
            factor = _FACTOR_WORDS.get(word)
            if factor is None:
                factor = float(parse_number(word.split()[0]) or 0) or None
            if factor is None:
                continue
            yield _Found(
                m.start(), target.end(), "ratio", factor=factor,
                target=(target.start(), target.end()), core=(m.start(), m.end()),
            )  # fmt: skip


def _percent_changes(doc: Document) -> Iterator[_Found]:
    for m in (m for a, b in _sentences_with(doc, "percent") for m in _PERCENT.finditer(doc.clean, a, b)):
        direction = (m.group("dir_before") or m.group("dir_after") or "").lower().split()
        if not direction:
            continue  # "25% of them were children": a share, not a change
        sign = 1 if _UP_WORDS.intersection(direction) else -1
        # "36% below 2022": the direction word is also the preposition
        lead = (
            _SPACE if (m.group("dir_after") or "").lower() in ("above", "below") else _TARGET_LEAD
        )
        target = _target_after(doc, m.end(), lead=lead)
        if target is None:
            continue
        factor = round(1 + sign * float(m.group("pct")) / 100, 4)
        yield _Found(
            m.start(), target.end(), "change", factor=factor,
            target=(target.start(), target.end()), core=(m.start(), m.end()),
        )  # fmt: skip


def _records(doc: Document) -> Iterator[_Found]:
    for m in (m for a, b in _sentences_with(doc, "record") for m in _RECORD.finditer(doc.clean, a, b)):
        before = doc.clean[max(0, m.start() - 20) : m.start()]
        if _NOT_RECORD_BEFORE.search(before) or (
            m.group().lower().startswith("the record") and _OFF_RECORD.search(before)
        ):
            continue
        sentence = doc.sentence_at(m.start())
        text = doc.clean[sentence.start : sentence.end] if sentence else ""
        compared = "single day" if _SINGLE_DAY.search(text) else "on record"
        yield _Found(m.start(), m.end(), "record", compared_with=compared)


def _superlatives(doc: Document) -> Iterator[_Found]:
    spans = list(_sentences_with(doc, "superlative"))
    for m in (m for a, b in spans for m in _SUPERLATIVE.finditer(doc.clean, a, b)):
        sup = " ".join(m.group("sup").lower().split())
        noun = " ".join((m.group("noun") or "").lower().split())
        scope = " ".join(m.group("scope").lower().split())
        if m.group("since_words") and not m.group("noun") and sup not in _DEADLY:
            continue  # "the highest since the crisis" with no noun: too vague to keep
        period = None
        end = m.end()
        if m.group("since_year"):
            compared = f"since {m.group('since_year')}"
        elif m.group("since_last"):
            compared = (
                f"since {doc.reference_date.year - 1}" if doc.reference_date else "since last year"
            )
        elif (
            "records began" in scope
            or scope in ("on record", "ever", "ever recorded")
            or "memory" in scope
        ):
            compared = "on record"
        elif "this year" in scope or scope == "of the year":
            compared = "this year"
            period = str(doc.reference_date.year) if doc.reference_date else None
        elif m.group("in_year"):
            compared, period = f"in {m.group('in_year')}", m.group("in_year")
        else:
            words = m.group("since_words").strip()
            compared = f"since {words}"
        on_record = compared == "on record" and sup in ("highest", "largest", "biggest", "busiest")
        subject = noun if noun in _INCIDENT_NOUNS + _TIME_NOUNS else None
        if noun in ("day",) or _SINGLE_DAY.search(m.group(0)):
            subject = "day"
        metric = (
            "deaths" if sup in _DEADLY or (sup == "worst" and noun in _INCIDENT_NOUNS) else None
        )
        counted = {
            "crossings": "crossings",
            "arrivals": "crossings",
            "deaths": "deaths",
            "life": "deaths",
        }
        metric = metric or counted.get(noun) or counted.get((m.group("of") or "").lower())
        yield _Found(
            m.start(), end, "record" if on_record else "superlative",
            compared_with=compared, subject=subject, metric=metric, period=period,
        )  # fmt: skip
    for m in (m for a, b in spans for m in _SUPERLATIVE_EVER.finditer(doc.clean, a, b)):
        sup = m.group("sup").lower()
        metric = "deaths" if sup in ("deadliest", "worst") else None
        yield _Found(m.start(), m.end(), "superlative", compared_with="on record", metric=metric)


def _milestones(doc: Document) -> Iterator[_Found]:
    spans = list(_sentences_with(doc, "milestone"))
    for pattern in (_MILESTONE, _MILESTONE_MARK):
        for m in (m for a, b in spans for m in pattern.finditer(doc.clean, a, b)):
            value = parse_number(m.group("num"))
            marked = pattern is _MILESTONE_MARK or bool(m.group("mark"))
            if value is None:
                continue
            # "reached 27" is a count, not a milestone: without "mark", only round thousands
            # of people count ("topped 20,000", not "hit 30 knots" or "passed 2,000 boats")
            if not marked and (
                value < 1000 or value % 500 or _NOT_PEOPLE_AFTER.match(doc.clean, m.end())
            ):
                continue
            yield _Found(
                m.start(), m.end(), "milestone", value=value, compared_with=f"{value:,} mark"
            )


# --- what the sentence around the claim says ---------------------------------------------


def _outside(start: int, end: int, excluded: list[tuple[int, int]]) -> bool:
    return all(end <= a or start >= b for a, b in excluded)


def _period(doc: Document, s_start: int, s_end: int, excluded: list[tuple[int, int]]) -> str | None:
    """The year the claim's own count is about, from the sentence outside the claim words.

    "this year" and "last year" resolve against the reference date; an explicit year wins.
    """
    explicit: str | None = None
    relative: str | None = None
    for m in _PERIOD.finditer(doc.clean, s_start, s_end):
        if not _outside(m.start(), m.end(), excluded):
            continue
        year = m.group("year") or m.group("lead_year") or m.group("the_year")
        if year:
            explicit = explicit or year
        elif doc.reference_date is not None and relative is None:
            relative = str(doc.reference_date.year - (1 if m.group("last") else 0))
    return explicit or relative


def _compared_with(doc: Document, target: tuple[int, int], period: str | None) -> str:
    """What a ratio or change is measured against, resolved: "2020 total", "2020 same period"."""
    m = _TARGET.match(doc.clean, target[0], target[1])
    assert m is not None
    last = str(doc.reference_date.year - 1) if doc.reference_date else None
    previous = str(int(period) - 1) if period else None
    if m.group("same"):
        year = m.group("same_year") or (
            previous if "previous" in m.group("same") or "earlier" in m.group("same") else last
        )
        return f"{year} same period" if year else "same period last year"
    if m.group("year"):
        return f"{m.group('year')} total"
    if m.group("last"):
        return f"{last} total" if last else "last year"
    return f"{previous} total" if previous else "previous year"


def _nearest_metric(
    doc: Document, s_start: int, s_end: int, excluded: list[tuple[int, int]]
) -> str | None:
    """The metric whose words sit nearest the claim words in its sentence, outside them."""
    start, end = excluded[0]
    best: tuple[int, str] | None = None
    for m in METRIC_PATTERN.finditer(doc.clean, s_start, s_end):
        if not _outside(m.start(), m.end(), excluded):
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best is None or distance < best[0]:
            best = (distance, metric_of(m))
    return best[1] if best else None


def _value(
    doc: Document, start: int, end: int, s_start: int, s_end: int, excluded: list[tuple[int, int]]
) -> int | None:
    """The count the claim qualifies: the nearest count of people in its sentence ("a record 1,185 people")."""
    best: tuple[int, int] | None = None
    for m in _COUNT.finditer(doc.clean, s_start, s_end):
        if not _outside(m.start(), m.end(), excluded) or _BARE_YEAR.match(m.group()):
            continue
        if _NOT_PEOPLE_AFTER.match(doc.clean, m.end()) or _DATE_AFTER.match(doc.clean, m.end()):
            continue
        if _NOT_PEOPLE_BEFORE.search(doc.clean[max(0, m.start() - 12) : m.start()]):
            continue
        value = parse_number(m.group())
        if value is None:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None
