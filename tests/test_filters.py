"""lib/filters.py: URL values -> filter state (with messages), and filter state -> subsets of a corpus."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from conftest import make_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.corpus.filters import (
    FilterState,
    Selection,
    _overlaps,
    apply_filters,
    count_facts,
    describe_filters,
    filter_options,
    pick_rows,
    search_quotes,
    select_rows,
    take_rows,
)
from lib.corpus.url import check_state, parse_date, parse_query_params, to_query_params

OPTIONS = filter_options(make_corpus())


def test_options_come_from_the_corpus():
    assert OPTIONS.articles == ("a1", "a2")
    assert OPTIONS.places == ("Calais", "Dunkirk", "France", "Wimereux")
    assert OPTIONS.speakers == ("Boris Johnson", "Emmanuel Macron")
    assert (OPTIONS.first, OPTIONS.last) == (date(2021, 11, 24), date(2021, 11, 29))
    assert OPTIONS.titles["a1"] == "UK asks France to take back migrants"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-11-24", date(2021, 11, 24)),
        ("2021/11/24", date(2021, 11, 24)),
        (" 2021-11-24 ", date(2021, 11, 24)),
    ],
)
def test_parse_date_reads_iso_days(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value", ["soon", "2021-13-01", "2021-02-30", "24/11/2021", "", "2021-11-24T10:00"]
)
def test_parse_date_refuses_other_text_and_says_what_it_accepts(value):
    with pytest.raises(ValueError, match="expected YYYY-MM-DD"):
        parse_date(value)


@pytest.mark.parametrize(
    ("params", "state", "n_warnings"),
    [
        ({}, FilterState(), 0),
        ({"from": ["2021-11-25"]}, FilterState(date_from=date(2021, 11, 25)), 0),
        ({"to": "2021-11-25"}, FilterState(date_to=date(2021, 11, 25)), 0),
        ({"from": ["2021-11-24", "2021-11-26"]}, FilterState(date_from=date(2021, 11, 26)), 0),
        ({"from": ["not-a-date"]}, FilterState(), 1),
        ({"from": ["1800-01-01"]}, FilterState(), 1),
        ({"speaker": ["Boris Johnson"]}, FilterState(speakers=("Boris Johnson",)), 0),
        ({"speaker": ["Boris Johnson", "Nobody"]}, FilterState(speakers=("Boris Johnson",)), 1),
        (
            {"speaker": ["Boris Johnson", "Boris Johnson"]},
            FilterState(speakers=("Boris Johnson",)),
            0,
        ),
        ({"speaker": [""]}, FilterState(), 0),
        ({"place": ["Calais", "Atlantis"]}, FilterState(places=("Calais",)), 1),
        ({"article": ["a2", "zz"]}, FilterState(articles=("a2",)), 1),
        ({"from": ["x"], "to": ["y"], "speaker": ["Nobody"]}, FilterState(), 3),
        ({"unrelated": ["1"]}, FilterState(), 0),
    ],
)
def test_parse_query_params(params, state, n_warnings):
    parsed, warnings = parse_query_params(params, OPTIONS)
    assert parsed == state
    assert len(warnings) == n_warnings


def test_warnings_say_what_was_found_and_what_is_accepted():
    _, warnings = parse_query_params({"from": ["soon"], "speaker": ["Nobody"]}, OPTIONS)
    assert "from='soon'" in warnings[0] and "YYYY-MM-DD" in warnings[0]
    assert "'Nobody'" in warnings[1] and "Boris Johnson" in warnings[1]


@pytest.mark.parametrize(
    "state",
    [
        FilterState(),
        FilterState(date_from=date(2021, 11, 24), date_to=date(2021, 11, 25)),
        FilterState(articles=("a1", "a2"), places=("Calais",), speakers=("Emmanuel Macron",)),
    ],
)
def test_query_params_round_trip(state):
    assert parse_query_params(to_query_params(state), OPTIONS) == (state, [])


def test_from_after_to_is_swapped_with_a_message():
    state, messages = check_state(
        FilterState(date_from=date(2021, 11, 29), date_to=date(2021, 11, 24))
    )
    assert (state.date_from, state.date_to) == (date(2021, 11, 24), date(2021, 11, 29))
    assert "after" in messages[0]
    assert check_state(FilterState()) == (FilterState(), [])


def _facts(corpus) -> dict[str, list[str]]:
    """Each table's evidence, for readable expectations."""
    names = ("figures", "events", "places", "quotes", "claims")
    return {n: list(getattr(corpus, n)["evidence"]) for n in names if len(getattr(corpus, n))}


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (
            FilterState(date_from=date(2021, 11, 26)),
            {"figures": ["More than 25,700"], "events": ["on Monday"], "places": ["Dunkirk"],
             "quotes": ["It is already too late,"], "claims": ["three times the total for 2020"]},
        ),
        # the sinking's dead are about 24 November, and 2021's total so far about every day of
        # 2021 to the 29th: a date filter goes by what a figure is about, not when it was said
        (
            FilterState(date_to=date(2021, 11, 24)),
            {"figures": ["At least 27", "Seventeen men", "seven women", "three minors", "More than 25,700"],
             "events": ["on Wednesday"]},
        ),
        (
            FilterState(date_from=date(2021, 11, 24), date_to=date(2021, 11, 24)),
            {"figures": ["At least 27", "Seventeen men", "seven women", "three minors", "More than 25,700"],
             "events": ["on Wednesday"]},
        ),
        (
            FilterState(date_from=date(2022, 1, 1)),  # nothing the fixture says is about 2022
            {},
        ),
        (
            FilterState(places=("Calais",)),
            {"figures": ["At least 27", "Seventeen men", "seven women", "three minors"],
             "events": ["on Wednesday"], "places": ["Calais", "Calais"]},
        ),
        (
            FilterState(speakers=("Boris Johnson",)),
            {"places": ["Wimereux"], "quotes": ["We are ready to begin patrols,"]},
        ),
        (
            FilterState(speakers=("Emmanuel Macron",), places=("Dunkirk",)),
            {"events": ["on Monday"], "places": ["Dunkirk"], "quotes": ["It is already too late,"]},
        ),
        (
            FilterState(articles=("a2",), places=("Calais",)),
            {},
        ),
    ],
)  # fmt: skip
def test_apply_filters(state, expected):
    assert _facts(apply_filters(make_corpus(), state)) == expected


def test_article_filter_keeps_only_that_article_everywhere():
    selected = apply_filters(make_corpus(), FilterState(articles=("a1",)))
    for name in ("figures", "events", "places", "quotes", "articles"):
        assert set(getattr(selected, name)["article"]) == {"a1"}
    assert set(selected.texts) == {"a1", "a2"}  # the reader still has every text
    assert len(selected.problems) == 1


def test_no_filter_changes_nothing():
    corpus = make_corpus()
    selected = apply_filters(corpus, FilterState())
    assert count_facts(selected) == count_facts(corpus)
    assert list(selected.articles["article"]) == ["a1", "a2"]


def test_articles_without_selected_facts_drop_out():
    selected = apply_filters(make_corpus(), FilterState(speakers=("Emmanuel Macron",)))
    assert list(selected.articles["article"]) == ["a2"]


def test_filtered_tables_keep_the_contract_dtypes():
    corpus = make_corpus()
    selected = apply_filters(corpus, FilterState(places=("Calais",), date_from=date(2021, 11, 20)))
    for name in ("figures", "events", "places", "quotes", "claims", "articles"):
        assert dict(getattr(selected, name).dtypes) == dict(getattr(corpus, name).dtypes)


def test_own_only_counts_leave_out_read_more_headlines():
    counts = count_facts(make_corpus(), own_only=True)
    assert counts["figures"] == 5 and counts["places"] == 4


@pytest.mark.parametrize(
    ("words", "speakers"),
    [
        ("", ["Boris Johnson", "Emmanuel Macron"]),
        ("ready", ["Boris Johnson"]),
        ("TOO late", ["Emmanuel Macron"]),
        ("president", ["Emmanuel Macron"]),
        ("johnson ready", ["Boris Johnson"]),
        ("johnson late", []),
        ("[x](y)", []),
    ],
)
def test_search_quotes(words, speakers):
    assert list(search_quotes(make_corpus().quotes, words)["speaker"]) == speakers


def test_describe_filters_in_words():
    lines = describe_filters(
        FilterState(date_from=date(2021, 11, 24), articles=("a1",), places=("Calais",)),
        OPTIONS.titles,
    )
    assert lines == [
        "Dates: 2021-11-24 to the latest",
        "Articles: UK asks France to take back migrants",
        "Places: Calais (those places, and facts in sentences naming them)",
        "Speakers: all",
    ]


@pytest.mark.parametrize(
    ("state", "rows"),
    [
        (FilterState(), {"figures": [0, 1, 2, 3, 4, 5], "places": [0, 1, 2, 3, 4], "articles": [0, 1]}),
        (FilterState(places=("Calais",)), {"figures": [0, 1, 2, 3], "events": [0], "places": [0, 1],
                                           "quotes": [], "claims": [], "articles": [0]}),
        (FilterState(speakers=("Boris Johnson",)), {"figures": [], "places": [2], "quotes": [0],
                                                    "articles": [0]}),
        (FilterState(date_from=date(2021, 11, 26)), {"figures": [5], "events": [1], "claims": [0],
                                                     "articles": [1]}),
    ],
)  # fmt: skip
def test_select_rows_gives_each_tables_positions(state, rows):
    found = select_rows(make_corpus(), state)
    assert {name: found[name].tolist() for name in rows} == rows


def test_taking_the_selected_rows_is_applying_the_filters():
    corpus = make_corpus()
    state = FilterState(places=("Calais",), date_from=date(2021, 11, 24))
    taken, applied = take_rows(corpus, select_rows(corpus, state)), apply_filters(corpus, state)
    for name in ("figures", "events", "places", "quotes", "claims", "articles"):
        pd.testing.assert_frame_equal(getattr(taken, name), getattr(applied, name))


def test_no_filter_takes_the_tables_as_they_are():
    corpus = make_corpus()
    taken = take_rows(corpus, select_rows(corpus, FilterState()))
    assert taken.places.equals(corpus.places) and taken.texts is corpus.texts


_spans = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(0, 30), st.integers(0, 12)),
    max_size=12,
)


def _sentences(spans: list[tuple[str, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {"article": [a for a, _, _ in spans], "sentence_start": [s for _, s, _ in spans],
         "sentence_end": [s + n for _, s, n in spans]},
    ).astype({"article": "string", "sentence_start": "int64", "sentence_end": "int64"})  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_spans, _spans)
def test_overlaps_is_every_pair_compared(rows, chosen):
    # the sorted search gives what comparing every row with every chosen sentence gives
    expected = [any(a == b and s < t + m and t < s + n for b, t, m in chosen) for a, s, n in rows]
    assert _overlaps(_sentences(rows), _sentences(chosen)).tolist() == expected


def test_pick_rows_keeps_the_selected_facts_in_the_tables_order():
    facts = pd.DataFrame(
        {
            "table": ["places", "figures", "places", "figures"],
            "row": [3, 0, 1, 2],
            "x": list("abcd"),
        }
    ).astype({"table": "category"})
    picked = pick_rows(facts, {"figures": np.array([2]), "places": np.array([1, 3])})
    assert picked["x"].tolist() == ["a", "c", "d"]
    assert pick_rows(facts, {"figures": np.array([], dtype=int)}).empty


def test_a_selection_reads_like_the_taken_corpus_and_takes_only_what_is_read():
    corpus = make_corpus()
    rows = select_rows(corpus, FilterState(places=("Calais",)))
    selection, taken = Selection(corpus, rows), take_rows(corpus, rows)
    assert selection.texts is corpus.texts and selection.problems is corpus.problems
    pd.testing.assert_frame_equal(selection.figures, taken.figures)
    assert set(selection._taken) == {"figures"}  # the other tables are not taken yet
    for name in ("events", "places", "quotes", "claims", "articles"):
        pd.testing.assert_frame_equal(selection.table(name), getattr(taken, name))
    assert count_facts(selection) == count_facts(taken)


def test_an_empty_view_says_which_filter_emptied_it() -> None:
    from lib.corpus.filters import why_empty

    corpus = make_corpus()
    assert why_empty(corpus, FilterState()) is None
    assert why_empty(corpus, FilterState(articles=("a1",))) is None  # facts left: nothing to say
    alone = why_empty(corpus, FilterState(date_from=date(2030, 1, 1)))
    assert alone is not None and "the Dates (2030-01-01 to the end) filter keeps none on its own" in alone
    places = sorted(set(corpus.places["name"]))
    speakers = sorted(set(corpus.quotes["speaker"].dropna()))
    for place in places:
        for speaker in speakers:
            state = FilterState(places=(place,), speakers=(speaker,))
            if _facts(apply_filters(corpus, state)):
                continue
            together = why_empty(corpus, state)
            assert together is not None and "together, none" in together
            assert f"Place ({place}) keeps" in together and f"Speaker ({speaker}) keeps" in together
            return
    pytest.fail("the hand-made corpus has no place and speaker that share no sentence")
