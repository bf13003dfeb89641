"""The period of every count (FACTS.md `period_start`/`period_end`): its own clause's, else the count it is part of, its paragraph's, or the incident's.

`lib.extract.periods` reads the time phrases and a count's own clause; this step dates each
figure of an article with them, in text order, so that a count with no time of its own
can take the time of the counts around it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from lib.extract.periods import (
    INCIDENT_METRICS,
    MOST_IN_A_DAY,
    TimeSpan,
    context_day,
    heading_year,
    incident_day,
    own_period,
    period_label,
    recalled_incident,
    year_span,
)
from lib.extract.text import Document
from lib.schema import Figure


def dated_figures(doc: Document, figures: list[Figure], part_of: dict[int, int] | None = None) -> list[Figure]:
    """The figures with their periods (`lib.extract.periods`): their own clause's, else the incident's.

    In order: the period a table's row label gives; the count's own clause's; the period of
    the count it is a part of (`part_of`: "the group was made up of 34 men, three women");
    for a count of an incident with no time in its clause, the incident the article
    reports: the day of the incident count just before it in its paragraph ("Four died on
    Tuesday. Three men and a woman ..."), else the day the article's incident counts are
    dated to. A crossing count takes the day of a count just before it in its paragraph
    ("743 crossed on Monday, 12 of them children"), never a day for a count too big for one.
    A look-back by its month takes the day of the incident it recalls (`recalled_incident`).

    Args:
        part_of: where a part of a count stands -> where its whole stands.
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
    article_day = incident_day(
        doc,
        [(f.metric, span) for f, span in zip(figures, own, strict=True)],
        first_at=next((f.start for f in figures if f.metric in INCIDENT_METRICS), None),
    )
    dated: list[Figure] = []
    for k, (f, span) in enumerate(zip(figures, own, strict=True)):
        first = last = None
        if f.period_start and f.period_end:  # a table's row label: "2021  28,526", "2022 (to 22 August)"
            first, last = date.fromisoformat(f.period_start), date.fromisoformat(f.period_end)
            if first.year == last.year and (first, last) == (date(first.year, 1, 1), date(first.year, 12, 31)):
                first, last = year_span(first.year, doc.reference_date) or (first, last)  # this year's row: to date
        elif span is not None:
            first, last = span.first, span.last
        elif (whole := _whole_of(f, dated, part_of or {})) is not None:
            # "the group was made up of 34 men, three women and three children": the whole's period
            first, last = whole
        elif f.metric in INCIDENT_METRICS or f.metric == "crossings":
            days = _days_before(doc, figures, own, dated, k)
            if days is None:
                day = context_day(doc, f.start) or (article_day if f.metric in INCIDENT_METRICS else None)
                days = (day, day) if day is not None else None
            if days is not None and (f.metric != "crossings" or f.value <= MOST_IN_A_DAY["crossings"]):
                first, last = days
        if first is None and (section := heading_year(doc, f.start)):
            first, last = section  # a list under "THE 2024 TOLL IN FIGURES"
        if first is not None and last is not None and first != last:
            recalled = recalled_incident(first, last, metric=f.metric, value=f.value)
            if recalled is not None:
                first = last = recalled  # "the 27 who drowned in November 2021": that night's
        dated.append(
            replace(
                f,
                period=period_label(first, last, doc.reference_date),
                period_start=first.isoformat() if first else None,
                period_end=last.isoformat() if last else None,
            )
        )
    return dated


def _whole_of(f: Figure, dated: list[Figure], part_of: dict[int, int]) -> tuple[date, date] | None:
    at = part_of.get(f.start)
    whole = next((g for g in dated if g.start == at), None) if at is not None else None
    if whole is None or not whole.period_start or not whole.period_end:
        return None
    return date.fromisoformat(whole.period_start), date.fromisoformat(whole.period_end)


def _days_before(
    doc: Document, figures: list[Figure], own: list[TimeSpan | None], dated: list[Figure], k: int
) -> tuple[date, date] | None:
    """The days of the nearest count before figure k in its paragraph, when they are one incident's
    (a day, or a night across two: "Tuesday night into Wednesday (16-17.07): one person died. ...
    Forty-nine people were rescued"); its own, else those it was dated to."""
    here = doc.sentence_at(figures[k].start)
    for j in range(k - 1, -1, -1):
        there = doc.sentence_at(figures[j].start)
        if here is None or there is None or there.paragraph != here.paragraph:
            return None
        span = own[j]
        if span is not None:
            return (span.first, span.last) if span.last - span.first <= timedelta(days=1) else None
        first, last = dated[j].period_start, dated[j].period_end
        if first and last and first == last:
            return date.fromisoformat(first), date.fromisoformat(last)
    return None
