"""lib/reader.py: article text -> escaped HTML with every fact's evidence highlighted."""

from __future__ import annotations

import html
import re

import pytest
from conftest import TEXT_A2, make_corpus
from hypothesis import given
from hypothesis import strategies as st

from lib.show.html import escape_markdown, escape_text
from lib.show.reader import (
    Span,
    articles_table,
    fact_spans,
    highlight_article,
    quote_card_html,
    sentence_html,
)

DANGEROUS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    ":red[alert]",
    "$5 and $6",
    "[x](javascript:alert(1))",
    "*stars* _under_ `code`",
    "a & b < c > d \" e ' f",
    ":material/home: :smile:",
    "\\(x\\) ~~strike~~ # heading | table |",
]
_MARKDOWN_SPECIALS = set("$*_[]:`<>\"'")


def _text_of(fragment: str) -> str:
    """What a browser shows for an HTML fragment: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize("text", DANGEROUS)
def test_escape_text_leaves_no_special_character(text):
    escaped = escape_text(text)
    assert not (set(escaped) & _MARKDOWN_SPECIALS)
    assert html.unescape(escaped) == text


@given(st.text())
def test_escape_text_round_trips_any_text(text):
    escaped = escape_text(text)
    assert html.unescape(escaped) == text
    assert "<" not in escaped and "$" not in escaped and "[" not in escaped


@pytest.mark.parametrize("text", DANGEROUS)
def test_highlighted_article_shows_the_text_literally(text):
    out = highlight_article(
        text, [Span(0, min(5, len(text)), "quote", "label with <b> and :red[x]")]
    )
    assert _text_of(out) == text
    body = re.sub(r"<[^>]+>", "", out)  # between tags nothing Markdown could read
    assert not (set(body) & _MARKDOWN_SPECIALS)
    assert set(re.findall(r"<(/?\w+)", out)) <= {"div", "/div", "mark", "/mark"}


def test_each_fact_span_is_wrapped_with_its_kind_and_label():
    corpus = make_corpus()
    spans = fact_spans([corpus.figures, corpus.places, corpus.quotes], "a1")
    out = highlight_article(corpus.texts["a1"], spans)
    marks = re.findall(r'<mark [^>]*data-kind="(\w+)" title="([^"]*)">([^<]*)</mark>', out)
    assert ("figure", "deaths&#58; at least 27, 24 Nov 2021", "At least 27") in marks
    assert ("place", "place&#58; Wimereux", "Wimereux") in marks
    assert _text_of(out) == corpus.texts["a1"]


def test_overlapping_spans_are_cut_and_take_the_shortest_kind():
    text = "boat sank off Calais today"
    out = highlight_article(text, [Span(0, 20, "figure", "big"), Span(14, 20, "place", "Calais")])
    marks = re.findall(r'data-kind="(\w+)" title="([^"]*)">([^<]*)</mark>', out)
    assert marks == [("figure", "big", "boat sank off "), ("place", "Calais &#124; big", "Calais")]
    assert _text_of(out) == text


@pytest.mark.parametrize(
    ("spans", "n_marks"),
    [
        ([Span(-5, 3, "figure", "x")], 1),
        ([Span(10, 999, "figure", "x")], 1),
        ([Span(4, 4, "figure", "x")], 0),
        ([Span(50, 60, "figure", "x")], 0),
        ([], 0),
    ],
)
def test_spans_outside_the_text_are_clipped_or_ignored(spans, n_marks):
    text = "Seventeen men died"
    out = highlight_article(text, spans)
    assert out.count("<mark") == n_marks
    assert _text_of(out) == text


def test_line_breaks_are_kept():
    assert "white-space:pre-wrap" in highlight_article("a\n\nb", [])


def test_sentence_html_highlights_found_evidence_only():
    out = sentence_html(
        "At least 27 died off Calais.", [("At least 27", "figure"), ("not there", "place")]
    )
    assert out.count("<mark") == 1 and _text_of(out) == "At least 27 died off Calais."


def test_quote_card_escapes_every_piece():
    quote = make_corpus().quotes.iloc[1].to_dict() | {
        "speaker": "<b>Evil</b>",
        "text": ":red[too late] $5",
    }
    out = quote_card_html(quote, title="[x](y) title", outlet="*Outlet*")
    shown = _text_of(out)
    for piece in (
        "<b>Evil</b>",
        ":red[too late] $5",
        "[x](y) title",
        "*Outlet*",
        "French President",
        "2021-11-29",
    ):
        assert piece in shown
    assert "<b>Evil" not in out


def test_the_dangerous_fixture_article_renders_literally():
    out = highlight_article(TEXT_A2, [])
    assert _text_of(out) == TEXT_A2
    assert "<b>bold</b>" not in out


@pytest.mark.parametrize("text", [":red[x]", "$5", "a_b_c", "[x](y)", "*bold*"])
def test_escape_markdown_backslashes_specials(text):
    escaped = escape_markdown(text)
    assert re.sub(r"\\(.)", r"\1", escaped) == text
    assert all(escaped[i - 1] == "\\" for i, c in enumerate(escaped) if c in "$*_[]:" and i)


def test_articles_table_counts_selected_facts():
    corpus = make_corpus()
    table = articles_table(corpus, corpus)
    assert list(table["article"]) == ["a1", "a2"]
    assert list(table["selected_facts"]) == [11, 5]
    assert {"title", "outlet", "reference_date", "n_figures", "n_quotes"} <= set(table.columns)
