"""What the pages used to work out themselves, now in lib/: uploads, date spans, latest events, pages of a list, repeats."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from conftest import make_corpus

from lib.checks.corpus import own_rows
from lib.checks.parts import Reported, check_parts, status_counts
from lib.corpus.filters import FilterState, select_rows, take_rows
from lib.corpus.load import load_upload
from lib.corpus.summary import date_span, latest_events
from lib.corpus.uploads import add_uploads, problem_rows
from lib.extract.pipeline import RepeatedArticles, process_bytes
from lib.schema import FACT_TABLES
from lib.show.html import escape_html, escape_text
from lib.show.paging import page_count, paginate
from lib.show.reader import evidence_html

ARTICLE = b"Four people died off Calais on Tuesday, the prefecture said.\n"


# --- uploads -------------------------------------------------------------------------------


def test_an_upload_is_added_with_a_message_counting_its_facts() -> None:
    outcome = add_uploads({}, [("new.txt", ARTICLE)], loaded=["a1"], published=date(2024, 7, 13))
    assert list(outcome.uploads) == ["new"]
    upload = outcome.uploads["new"]
    facts = sum(len(upload.table(t)) for t in FACT_TABLES)
    assert facts >= 3  # four dead, Tuesday, Calais
    assert outcome.messages == [
        ("success", f"Added new.txt for this session: {facts} facts found.")
    ]
    assert outcome.rejected == []


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", "Could not use empty.txt: empty file"),
        ("notes.pdf", b"%PDF-1.4", "Could not use notes.pdf: not a .txt file"),
        ("a1.txt", ARTICLE, "Could not use a1.txt: an article named a1 is already loaded"),
    ],
)
def test_an_upload_refused_says_which_file_and_why(name: str, data: bytes, words: str) -> None:
    outcome = add_uploads({}, [(name, data), ("new.txt", ARTICLE)], loaded=["a1"])
    assert outcome.messages[0][0] == "error" and outcome.messages[0][1].startswith(words)
    assert list(outcome.uploads) == ["new"]  # the other file is still added


def test_an_upload_of_the_same_name_replaces_the_sessions_earlier_one() -> None:
    first = add_uploads({}, [("new.txt", ARTICLE)], loaded=["a1"])
    again = add_uploads(
        first.uploads, [("new.txt", ARTICLE + b"Two more.\n")], loaded=["a1", "new"]
    )
    assert list(again.uploads) == ["new"] and again.messages[0][0] == "success"


def test_no_file_chosen_is_said() -> None:
    assert add_uploads({}, [], loaded=[]).messages == [
        ("error", "No file chosen: pick a .txt article or a saved .html page first.")
    ]


def test_problem_rows_keep_the_corpus_problems_then_the_refused_uploads() -> None:
    corpus = load_upload("empty.txt", b"")
    refused = add_uploads({}, [("bad.txt", b"\x00\x01\x02" * 100)], loaded=[]).rejected
    rows = problem_rows(corpus.problems, refused)
    assert rows["article"].tolist() == ["empty", "bad.txt"]
    assert rows["severity"].tolist() == ["error", "error"]
    assert problem_rows(corpus.problems, []).equals(corpus.problems.reset_index(drop=True))


# --- what a selection spans ------------------------------------------------------------------


def test_date_span_of_a_selection_and_of_nothing() -> None:
    corpus = make_corpus()
    first, last = date_span(corpus)
    assert (first.date(), last.date()) == (date(2021, 11, 24), date(2021, 11, 29))
    nothing = take_rows(
        corpus,
        select_rows(corpus, FilterState(date_from=date(1999, 1, 1), date_to=date(1999, 1, 2))),
    )
    assert date_span(nothing) is None


def test_latest_events_latest_first_then_in_text_order() -> None:
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2021-11-24", "2021-11-29", "2021-11-25", "2021-11-29", None]),
            "article": ["a", "b", "a", "a", "a"],
            "start": [5, 1, 9, 7, 3],
        }
    )
    latest = latest_events(events, n=3)
    assert list(zip(latest["article"], latest["start"], strict=True)) == [
        ("a", 7),
        ("b", 1),
        ("a", 9),
    ]


# --- pages of a long list ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "per_page", "asked", "expected"),
    [
        (230, 50, 1, (1, 5, 0, 50, "Showing 1–50 of 230")),
        (230, 50, 5, (5, 5, 200, 230, "Showing 201–230 of 230")),
        (230, 50, 9, (5, 5, 200, 230, "Showing 201–230 of 230")),  # past the end: the last
        (230, 50, 0, (1, 5, 0, 50, "Showing 1–50 of 230")),
        (12, 50, 1, (1, 1, 0, 12, "")),  # one page: no caption
        (0, 50, 1, (1, 1, 0, 0, "")),
    ],
)
def test_paginate(total: int, per_page: int, asked: int, expected: tuple) -> None:
    page = paginate(total, per_page, asked)
    assert (page.number, page.pages, page.first, page.last, page.caption) == expected
    assert page_count(total, per_page) == expected[1]


# --- repeats, own rows, breakdown words, escapers ------------------------------------------------


def test_an_article_saved_again_is_a_repeat_of_the_first() -> None:
    repeats = RepeatedArticles()
    first = process_bytes(ARTICLE, article="first")
    again = process_bytes(b"\xef\xbb\xbf" + ARTICLE.replace(b"\n", b"\r\n"), article="again")
    other = process_bytes(ARTICLE + b"More.\n", article="other")
    assert repeats.repeat_of(first) is None
    assert (
        repeats.repeat_of(again) == "same content as 'first'; skipped so nothing is counted twice"
    )
    assert repeats.repeat_of(other) is None
    assert repeats.repeat_of(first) is not None  # the same file twice is a repeat too


def test_own_rows_leave_out_read_more_headlines() -> None:
    figures = make_corpus().figures
    rows = np.arange(len(figures))
    own = own_rows(figures, rows)
    assert figures.iloc[own]["own"].all()
    assert len(own) == int(figures["own"].sum()) < len(figures)


def test_status_counts_of_the_seed_like_breakdown() -> None:
    checks = check_parts(make_corpus().figures)
    assert status_counts(checks) == "1 breakdowns checked: 1 adds up."


def test_evidence_html_shows_each_sentence_once_with_its_numbers_marked() -> None:
    sentence = "Seventeen men, seven women and <b>three</b> minors died."
    reported = [
        Reported(17, "exact", "men", "Seventeen", sentence, 0, 9),
        Reported(7, "exact", "women", "seven", sentence, 15, 20),
    ]
    html = evidence_html(reported, "A <i>title</i>")
    assert html.count('class="sentence"') == 1
    assert html.count("<mark") == 2 and "&lt;b&gt;three&lt;/b&gt;" in html
    assert "From: A &lt;i&gt;title&lt;/i&gt;" in html


@pytest.mark.parametrize(
    ("text", "for_html", "for_plotly"),
    [
        (
            "a <b> & 'c' \"d\"",
            "a &lt;b&gt; &amp; &#x27;c&#x27; &#34;d&#34;",
            "a &lt;b&gt; &amp; &#x27;c&#x27; &#34;d&#34;",
        ),
        (":red[x] $5 *y*", "&#58;red&#91;x&#93; &#36;5 &#42;y&#42;", ":red[x] $5 *y*"),
    ],
)
def test_one_escaper_for_html_and_markdown_one_for_plotly(
    text: str, for_html: str, for_plotly: str
) -> None:
    assert escape_text(text) == for_html
    assert escape_html(text) == for_plotly
