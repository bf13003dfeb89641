"""The article reader and the cards: article text as safe HTML with every fact's evidence highlighted.

Article text is untrusted: every piece of it goes through `lib.show.html.escape_text`
before it is put in HTML, so the page shows it literally.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.schema import FACT_TABLES
from lib.show.html import escape_text
from lib.show.labels import describe_fact, present
from lib.show.palette import KIND_COLOURS, UNKNOWN_COLOUR


@dataclass(frozen=True, slots=True)
class Span:
    """One highlighted stretch of the article: `text[start:end]`, its kind and a label."""

    start: int
    end: int
    kind: str
    label: str


def fact_spans(facts: Iterable[pd.DataFrame], article: str) -> list[Span]:
    """The spans of one article's facts, from any of the fact tables."""
    spans: list[Span] = []
    for table in facts:
        rows = table[(table["article"] == article).to_numpy(dtype=bool, na_value=False)]
        for row in rows.to_dict("records"):
            spans.append(
                Span(int(row["start"]), int(row["end"]), str(row["kind"]), describe_fact(row))
            )
    return spans


def highlight_article(
    text: str, spans: Iterable[Span], *, followed: tuple[int, int] | None = None
) -> str:
    """The article as escaped HTML, each span wrapped in a coloured `<mark>` with its label as title.

    Overlapping spans are cut at every boundary; a piece covered by several facts takes
    the colour of the shortest (most specific) one and lists every label. Spans outside
    the text are clipped; empty ones are ignored. Line breaks are kept (`pre-wrap`).
    `followed`, the span a permalink points at, is outlined (class "followed").

    >>> highlight_article("27 died", [Span(0, 2, "figure", "deaths: 27")])[-43:]
    'title="deaths&#58; 27">27</mark> died</div>'
    """
    n = len(text)
    clipped = [
        Span(max(0, s.start), min(n, s.end), s.kind, s.label)
        for s in spans
        if min(n, s.end) > max(0, s.start)
    ]
    cuts = sorted({0, n, *(s.start for s in clipped), *(s.end for s in clipped)})
    pieces: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = sorted(
            (s for s in clipped if s.start <= a and b <= s.end), key=lambda s: s.end - s.start
        )
        chunk = escape_text(text[a:b])
        if not covering:
            pieces.append(chunk)
            continue
        kind = covering[0].kind
        colour = KIND_COLOURS.get(kind, UNKNOWN_COLOUR)
        labels = escape_text(" | ".join(dict.fromkeys(s.label for s in covering)))
        target = followed is not None and followed[0] <= a and b <= followed[1]
        outline = ";outline:2px solid currentColor;outline-offset:1px" if target else ""
        pieces.append(
            f'<mark{" class=" + chr(34) + "followed" + chr(34) if target else ""} '
            f'style="background:{colour}33;border-bottom:3px solid {colour};color:inherit;padding:0 1px{outline}" '
            f'data-kind="{escape_text(kind)}" title="{labels}">{chunk}</mark>'
        )
    return (
        '<div class="article-reader" style="white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.6">'
        + "".join(pieces)
        + "</div>"
    )


def sentence_at(tables: Iterable[pd.DataFrame], article: str, span: tuple[int, int]) -> str | None:
    """The sentence of the fact of `article` whose evidence is exactly `span`, if there is one."""
    for table in tables:
        mine = table[(table["article"] == article).to_numpy(dtype=bool, na_value=False)]
        hit = mine[(mine["start"] == span[0]).to_numpy() & (mine["end"] == span[1]).to_numpy()]
        if len(hit):
            return str(hit["sentence"].iloc[0])
    return None


def facts_list_html(text: str, spans: Iterable[Span]) -> str:
    """What was read from the article, one line per highlight: its words and the fact (for touch screens, where hover is not)."""
    rows = sorted({(s.start, s.end, s.kind, s.label) for s in spans})
    items = "".join(
        f'<li data-kind="{escape_text(kind)}"><q>{escape_text(" ".join(text[a:b].split()))}</q> → '
        f"{escape_text(label)}</li>"
        for a, b, kind, label in rows
    )
    return f'<ol class="facts-list" style="font-size:.9em;overflow-wrap:anywhere">{items}</ol>'


def legend_html(kinds: Iterable[str]) -> str:
    """A one-line colour key for the highlight colours of `kinds`."""
    items = [
        f'<span style="background:{KIND_COLOURS.get(k, UNKNOWN_COLOUR)}33;border-bottom:3px solid '
        f'{KIND_COLOURS.get(k, UNKNOWN_COLOUR)};padding:0 4px;margin-right:8px">{escape_text(k)}</span>'
        for k in kinds
    ]
    return '<div class="reader-legend">' + "".join(items) + "</div>"


def sentence_html(sentence: str, evidence: Iterable[tuple[str, str]] = ()) -> str:
    """A sentence as escaped HTML with each (evidence, kind) found in it highlighted.

    Evidence that is not in the sentence (its whitespace folded differently, say) is
    simply not highlighted.
    """
    spans = []
    for words, kind in evidence:
        at = sentence.find(words) if words else -1
        if at >= 0:
            spans.append(Span(at, at + len(words), kind, kind))
    return highlight_article(sentence, spans).replace(
        'class="article-reader"', 'class="sentence"', 1
    )


def evidence_html(reported: Iterable[Any], title: str) -> str:
    """The sentences that give some reported numbers (objects with `sentence` and `evidence`),
    each once with its numbers highlighted, and the article they come from."""
    reported = list(reported)
    sentences = dict.fromkeys(r.sentence for r in reported)
    return (
        '<div class="check-evidence">'
        + "".join(
            sentence_html(s, [(r.evidence, "figure") for r in reported if r.sentence == s])
            for s in sentences
        )
        + f'<div style="opacity:.75;font-size:.9em">From: {escape_text(title)}</div>'
        + "</div>"
    )


_BASIS_WORDS = {
    "named after": "named right after the quote",
    "named before": "named before the quote",
    "subject": "the subject of the sentence",
    "continuation": "carries on the quote before",
    "pronoun": "he, she or they, read back to the one person it can be",
    "title": "a title, read back to its holder",
    "organisation": "a body named in the sentence",
    "description": "described, not named",
    "headline": "the body's speaker of the same words",
}


def quote_card_html(
    quote: dict, *, title: str, outlet: str | None, source: str | None = None
) -> str:
    """One quote as a panel body: speaker and role, how the speaker was found, date, the words, the sentence, the article.

    `source`, escaped HTML from `lib.show.cite.source_html`, stands for the plain "From:" line.
    """
    speaker = quote.get("speaker") if present(quote.get("speaker")) else "Unknown speaker"
    role = f", {escape_text(str(quote['role']))}" if present(quote.get("role")) else ""
    said = quote.get("date")
    when = (
        f"said {pd.Timestamp(said).date().isoformat()}"
        if present(said)
        else f"reported {pd.Timestamp(quote['fact_date']).date().isoformat()}"
        if present(quote.get("fact_date"))
        else "date not given"
    )
    basis = quote.get("speaker_basis")
    found = (
        f'<span class="quote-basis" title="how the speaker was found"> · speaker: '
        f"{escape_text(_BASIS_WORDS.get(str(basis), str(basis)))}</span>"
        if present(basis)
        else ""
    )
    origin = f'<div class="quote-article">{source}</div>' if source else (
        '<div class="quote-article" style="opacity:.75;font-size:.85em">From: '
        + escape_text(title)
        + (f" ({escape_text(outlet)})" if outlet else "")
        + "</div>"
    )
    colour = KIND_COLOURS["quote"]
    return (
        f'<div class="quote-card" style="overflow-wrap:anywhere">'
        f'<div class="quote-speaker"><b>{escape_text(str(speaker))}</b>{role}</div>'
        f'<div class="quote-date" style="opacity:.75;font-size:.9em">{when}{found}</div>'
        f'<blockquote class="quote-text" style="border-left:4px solid {colour};margin:.5em 0;padding:.2em .8em;'
        f'font-size:1.1em">“{escape_text(str(quote.get("text", "")))}”</blockquote>'
        f'<div class="quote-sentence" style="font-size:.9em">'
        f"{sentence_html(str(quote.get('sentence', '')), [(str(quote.get('evidence', '')), 'quote')])}</div>"
        f"{origin}</div>"
    )


def articles_table(corpus: object, selected: object) -> pd.DataFrame:
    """Every loaded article: title, outlet, its link, where it came from and when fetched, dates, facts extracted, and how many the filters select."""
    articles = corpus.articles  # type: ignore[attr-defined]
    selected_counts = pd.concat(
        [getattr(selected, name)["article"] for name in FACT_TABLES], ignore_index=True
    ).value_counts()
    table = articles[["article", "title", "outlet", "url", "origin", "fetched", "published", "reference_date",
                      "reference_source", "n_figures", "n_events", "n_places", "n_quotes", "n_claims",
                      "warnings"]].copy()  # fmt: skip
    counts = table["article"].map(selected_counts).fillna(0).astype("int64")
    table.insert(9, "selected_facts", counts.to_numpy())
    return table.reset_index(drop=True)


def titles_html(titles: Iterable[str]) -> str:
    """Article titles as an escaped HTML list (one a line), for the sidebar."""
    lines = "<br>".join("• " + escape_text(t) for t in titles)
    return f'<div class="selected-titles" style="font-size:.85em;opacity:.8">{lines}</div>'


def link_html(url: str, text: str | None = None) -> str:
    """A link that opens the original page in a new tab; `url` and `text` escaped (an http(s) address only)."""
    shown = escape_text(text if text is not None else url)
    if not url.lower().startswith(("http://", "https://")):
        return f'<span class="source-link">{shown}</span>'
    return (
        f'<a class="source-link" href="{escape_text(url)}" target="_blank" rel="noopener noreferrer nofollow" '
        f'style="overflow-wrap:anywhere">{shown}</a>'
    )
