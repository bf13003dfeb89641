"""Article figures and claims checked against the reference: the seed's three checks, and each status."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from conftest import make_corpus

from lib.checks.common import CHECK_COLUMNS
from lib.checks.corpus import (
    check_claims,
    check_corpus,
    check_facts,
    check_figures,
    checks_for,
    claim_links,
    sort_checks,
)
from lib.corpus.filters import FilterState, select_rows, take_rows
from lib.corpus.load import load_corpus
from lib.extract.text import build_document
from lib.record.reference import load_reference
from lib.schema import COLUMNS, OWN_SECTIONS, Claim, Figure

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_7c27d60d4c13592b.txt"
STATUSES = {"consistent", "inconsistent", "cannot be checked"}


@pytest.fixture(scope="module")
def reference():
    return load_reference(today=date(2026, 11, 30))


def _frame(records: list[dict[str, Any]], table: str) -> pd.DataFrame:
    columns = COLUMNS[table]
    frame = pd.DataFrame.from_records(records, columns=list(columns))
    for name, dtype in columns.items():
        if dtype.startswith("datetime64"):
            frame[name] = pd.to_datetime(frame[name]).astype(dtype)
        elif dtype == "bool":
            frame[name] = frame[name].fillna(False).astype(bool)
        elif dtype == "int64":
            frame[name] = pd.to_numeric(frame[name]).fillna(0).astype(dtype)
        elif dtype in ("Int64", "float64"):
            frame[name] = pd.to_numeric(frame[name]).astype(dtype)
        else:
            frame[name] = frame[name].astype(dtype)
    return frame


def _records(facts, text: str) -> list[dict[str, Any]]:
    records = []
    for fact in facts:
        record = fact.to_record()
        record.update(
            evidence=text[fact.start : fact.end], own=fact.section in OWN_SECTIONS, fact_date=None
        )
        records.append(record)
    return records


def _articles(**dates: str | None) -> pd.DataFrame:
    return _frame([{"article": a, "reference_date": d} for a, d in dates.items()], "articles")


def _figure(
    metric: str,
    value: int,
    qualifier: str = "exact",
    period: str | None = None,
    group: str | None = None,
    **extra,
) -> dict:
    sentence = extra.pop("sentence", f"{value} {metric}")
    return {
        "article": "a", "kind": "figure", "start": 0, "end": len(str(value)), "evidence": str(value),
        "sentence": sentence, "sentence_start": 0, "sentence_end": len(sentence), "section": "body", "own": True,
        "metric": metric, "value": value, "qualifier": qualifier, "group": group, "period": period, **extra,
    }  # fmt: skip


def _claim(
    claim_type: str,
    *,
    factor=None,
    compared_with=None,
    period=None,
    value=None,
    metric="crossings",
    subject=None,
    evidence="claim",
) -> dict:
    return {
        "article": "a", "kind": "claim", "start": 100, "end": 100 + len(evidence), "evidence": evidence,
        "sentence": evidence, "sentence_start": 100, "sentence_end": 100 + len(evidence), "section": "body", "own": True,
        "claim_type": claim_type, "subject": subject or metric or "", "compared_with": compared_with, "factor": factor,
        "period": period, "value": value, "metric": metric,
    }  # fmt: skip


def _check(
    reference, figures=(), claims=(), reference_date: str | None = "2021-11-25"
) -> pd.DataFrame:
    return check_facts(
        _frame(list(figures), "figures"),
        _frame(list(claims), "claims"),
        _articles(a=reference_date),
        reference,
    )


# --- the seed article: figures and claims built by hand ------------------------------------------


@pytest.fixture(scope="module")
def seed_checks(reference) -> pd.DataFrame:
    text = SEED.read_text(encoding="utf-8")
    doc = build_document(text, article=SEED.stem)

    def at(words: str) -> dict[str, Any]:
        start = text.index(words)
        return doc.provenance(start, start + len(words))

    figures = [
        Figure(
            **at("at least 27"),
            metric="deaths",
            value=27,
            qualifier="at_least",
            period="2021-11-24",
        ),
        Figure(**at("Seventeen men"), metric="deaths", value=17, group="men", period="2021-11-24"),
        Figure(
            **at("More than 25,700"),
            metric="crossings",
            value=25700,
            qualifier="more_than",
            period="2021",
        ),
    ]
    claims = [
        Claim(**at("three times the total for the whole of 2020"), claim_type="ratio", subject="crossings",
              compared_with="2020 total", factor=3.0, period="2021", value=25700, metric="crossings"),
        Claim(**at("the deadliest accident since the waterway in 2018"), claim_type="superlative", subject="accident",
              compared_with="since 2018", metric="deaths"),
    ]  # fmt: skip
    articles = _frame([{"article": SEED.stem, "reference_date": "2021-11-25"}], "articles")
    return check_facts(
        _frame(_records(figures, text), "figures"),
        _frame(_records(claims, text), "claims"),
        articles,
        reference,
    ).set_index("evidence")


def test_seed_crossings_this_year_is_consistent_with_the_year_and_the_months(seed_checks):
    check = seed_checks.loc["More than 25,700"]
    assert check["status"] == "consistent"
    for words in (
        "28,526 (all of 2021, final)",
        "Jan–Oct 2021 monthly sum 19,785",
        "Nov 2021 6,971",
        "26,756 for Jan–Nov",
    ):
        assert words in check["arithmetic"]
    assert "guernseypress" in check["reference_source"]
    assert "gov.uk" in check["reference_source"]  # the monthly sums of the Home Office series


def test_seed_three_times_2020_shows_the_multiplication(seed_checks):
    check = seed_checks.loc["three times the total for the whole of 2020"]
    assert check["status"] == "consistent"
    assert "3 × 8,466 (all of 2020, final) = 25,398 ≤ more than 25,700" in check["arithmetic"]
    assert "25,700 ÷ 8,466 = 3.04" in check["arithmetic"]
    assert "8417" in check["note"]  # PA's own 2020 count is named, not hidden


def test_seed_27_deaths_is_consistent_with_the_revised_toll(seed_checks):
    check = seed_checks.loc["at least 27"]
    assert check["status"] == "consistent"
    assert "31 + 1 missing (French Interior Minister" in check["arithmetic"]
    assert "27 + 4 missing (Cranston inquiry" in check["arithmetic"]
    assert "revised toll" in check["arithmetic"]
    assert "first reported as 31, revised to 27" in check["note"]


def test_seed_group_and_superlative(seed_checks):
    assert seed_checks.loc["Seventeen men", "status"] == "consistent"
    assert "17 men, 7 women" in seed_checks.loc["Seventeen men", "arithmetic"]
    superlative = seed_checks.loc["the deadliest accident since the waterway in 2018"]
    assert superlative["status"] == "consistent"
    assert (
        "2020: 7 (French maritime prefecture), 6 (UK Home Office) dead at sea all year < 27"
        in superlative["arithmetic"]
    )
    assert "IOM" in superlative["arithmetic"]
    assert "cannot rule out a deadlier incident in 2018, 2019" in superlative["note"]


def test_output_columns_and_order(seed_checks):
    checks = seed_checks.reset_index()
    assert sorted(checks.columns) == sorted(CHECK_COLUMNS)
    assert checks["start"].is_monotonic_increasing
    assert set(checks["status"]) <= STATUSES


# --- figures: each status --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "reference_date", "status", "words"),
    [
        (_figure("crossings", 28526, period="2021"), "2022-03-01", "consistent", "28,526 in 2021 ≈ 28,526"),
        (_figure("crossings", 28300, "about", period="2021"), "2022-01-02", "consistent", "(all of 2021, final; ±3%)"),
        (_figure("crossings", 20000, period="2021"), "2022-03-01", "inconsistent", "20,000 in 2021 ≠ 28,526"),
        (_figure("crossings", 30000, "more_than", period="2021"), "2021-11-25", "inconsistent", "outside 19,785–26,756"),
        (_figure("crossings", 15000, period="2021"), "2021-11-25", "inconsistent", "outside 19,785–26,756"),
        (_figure("crossings", 10000, period="2024"), "2024-06-01", "inconsistent", "outside 10,448–13,489"),
        (_figure("crossings", 10000, "more_than", period="2024"), "2024-06-01", "consistent", "≤ 36,816 (all of 2024, final)"),
        (_figure("crossings", 41000, period="2025"), "2026-01-05", "consistent", "(all of 2025, provisional"),
        (_figure("crossings", 40000, period="2025"), "2026-01-05", "inconsistent", "40,000 in 2025 ≠ 41,472"),
        (_figure("crossings", 500, period="2026"), "2026-05-01", "cannot be checked", "no published total for 2026"),
        (_figure("crossings", 500, period=None), "2021-11-25", "cannot be checked", "gives no period"),
        (_figure("crossings", 500, period="2021-11-20"), "2021-11-25", "cannot be checked", "no daily series"),
        (_figure("crossings", 9000, period="2021-11-20"), "2021-11-25", "inconsistent", "> 6,971, the total for all of Nov 2021"),
        (_figure("crossings", 8631, period="2022-08"), "2022-09-10", "consistent", "8,631 in Aug 2022 vs 8,631"),
        (_figure("deaths", 34, period="2021"), "2022-06-01", "consistent", "34 is within 31–34"),
        (_figure("deaths", 100, period="2021"), "2022-06-01", "inconsistent", "100 is outside 31–34"),
        (_figure("deaths", 14, "at_least", period="2021"), "2021-11-01", "consistent", "upper bound only"),
        (_figure("deaths", 5, period="2018"), "2019-01-10", "cannot be checked", "no count for 2018"),
        (_figure("deaths", 31, period="2021-11-24"), "2021-11-24", "consistent", "31 fits 27–31"),
        (_figure("deaths", 40, period="2021-11-24"), "2021-11-26", "inconsistent", "does not fit 27–31"),
        (_figure("deaths", 27, "at_least", period=None), "2021-11-26", "consistent", "revised toll"),
        (_figure("missing", 1, period="2021-11-24"), "2021-11-25", "consistent", "matches what French Interior Minister"),
        (_figure("missing", 4, period="2021-11-24"), "2021-12-01", "consistent", "4 fits 4"),
        (_figure("rescued", 2, period="2021-11-24"), "2021-11-25", "consistent", "2 fits 2"),
        (_figure("on_board", 33, period="2021-11-24"), "2024-01-01", "consistent", "33 fits 33"),
        (_figure("deaths", 3, group="children", period="2021-11-24"), "2021-11-25", "consistent", "(the report says minors)"),
        (_figure("deaths", 5, group="women", period="2021-11-24"), "2021-11-25", "inconsistent", "5 women ≠ 7 women"),
        (_figure("deaths", 27, "at_least", period=None), "2022-06-01", "cannot be checked", "deaths with no period"),
        (_figure("boats", 30, period="2021"), "2021-11-25", "cannot be checked", "no record series for the metric 'boats'"),
    ],
)  # fmt: skip
def test_figure_checks(reference, figure, reference_date, status, words):
    check = _check(reference, figures=[figure], reference_date=reference_date).iloc[0]
    assert check["status"] == status, check["arithmetic"]
    assert words in check["arithmetic"]


def test_deaths_by_year_names_every_body_and_picks_none(reference):
    check = _check(
        reference, figures=[_figure("deaths", 34, period="2021")], reference_date="2022-06-01"
    ).iloc[0]
    assert "UK Home Office 34" in check["note"]
    assert "French maritime prefecture 31" in check["note"]
    assert "low confidence, not used" in check["note"]
    assert "minimum" in check["note"]


def test_partial_year_counts_are_shown_not_used(reference):
    check = _check(
        reference, figures=[_figure("deaths", 75, period="2024")], reference_date="2025-03-01"
    ).iloc[0]
    assert check["status"] == "consistent"
    assert (
        "UK Home Office 13 [" in check["arithmetic"]
        and "partial year, as of 2024-04-30" in check["arithmetic"]
    )
    assert "72–78" in check["arithmetic"]


def test_without_reference_date_a_year_count_cannot_be_checked(reference):
    check = _check(
        reference, figures=[_figure("crossings", 25700, period="2021")], reference_date=None
    ).iloc[0]
    assert check["status"] == "cannot be checked"
    assert "no reference date" in check["arithmetic"]


def test_read_more_figures_are_marked(reference):
    figure = _figure("deaths", 27, period="2021-11-24", section="read_more", own=False)
    check = _check(reference, figures=[figure]).iloc[0]
    assert check["note"].startswith("from a 'Read more' headline")


# --- claims: each status -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "reference_date", "status", "words"),
    [
        (_claim("ratio", factor=2, compared_with="2021 total", period="2022", value=45774), "2023-01-10", "inconsistent",
         "45,774 ÷ 28,526 = 1.60: not within 10% of 2"),
        (_claim("ratio", factor=3, compared_with="2020 total", period="2021"), "2021-11-25", "consistent",
         "19,785–26,756 ÷ 8,466 = 2.34–3.16"),
        (_claim("ratio", factor=2, compared_with="2021 same period", period="2022"), "2022-10-15", "consistent",
         "2 × 19,785 (Jan–Oct 2021, monthly sum)"),
        (_claim("ratio", factor=2, compared_with="2022 total", period="2022", value=100), "2022-06-01", "cannot be checked",
         "no complete published total for 2022"),
        (_claim("ratio", factor=2, compared_with="2020 total", period="2021", metric="deaths"), "2021-11-25", "cannot be checked",
         "only crossings"),
        (_claim("change", factor=1.25, compared_with="2023 total", period="2024", value=36816), "2025-01-10", "consistent",
         "within 2 points of +25%"),
        (_claim("change", factor=0.64, compared_with="2022 total", period="2023", value=29437), "2024-01-02", "consistent",
         "29,437 ÷ 45,774 = 0.64"),
        (_claim("change", factor=1.5, compared_with="2023 total", period="2024", value=36816), "2025-01-10", "inconsistent",
         "not within 2 points of +50%"),
        (_claim("milestone", value=20000, period="2021"), "2021-11-25", "consistent", "26,756 ≥ 20,000"),
        (_claim("milestone", value=10000, period="2021"), "2021-11-25", "consistent", "passed before the month began"),
        (_claim("milestone", value=30000, period="2021"), "2021-11-25", "inconsistent", "the mark had not been reached"),
        (_claim("milestone", value=30000, period="2026"), "2026-11-25", "cannot be checked", "no reference count for 2026"),
        (_claim("record", period="2022"), "2023-01-10", "consistent", "45,774 (all of 2022, final) > the previous highest, 2021: 28,526"),
        (_claim("record", period="2025", value=41472), "2026-01-02", "inconsistent", "41,472 ≤ the previous highest, 2022: 45,774"),
        (_claim("record", period="2021", value=25700), "2021-11-25", "consistent", "25,700 > the previous highest, 2020: 8,466"),
        (_claim("record", compared_with="single day", value=1185), "2022-08-23", "cannot be checked", "no daily series"),
        (_claim("record", period="2024", metric="deaths"), "2025-01-10", "consistent",
         "IOM Missing Migrants Project: 2024 78 > 2019 50"),
        (_claim("superlative", compared_with="this year", period="2021", subject="day"), "2021-11-25", "cannot be checked",
         "no daily series"),
        (_claim("superlative", compared_with="since 2018", metric="deaths", subject="accident"), "2021-11-25", "consistent",
         "27 dead on 24 Nov 2021"),
        (_claim("superlative", compared_with="since 2018", metric="deaths", subject="accident"), "2023-08-12", "cannot be checked",
         "ranks only the 24 Nov 2021 sinking"),
    ],
)  # fmt: skip
def test_claim_checks(reference, claim, reference_date, status, words):
    check = _check(reference, claims=[claim], reference_date=reference_date).iloc[0]
    assert check["status"] == status, check["arithmetic"]
    assert words in check["arithmetic"]


def test_record_overtaken_later_is_noted(reference):
    check = _check(
        reference, claims=[_claim("record", period="2021")], reference_date="2022-02-01"
    ).iloc[0]
    assert check["status"] == "consistent"
    assert "later overtaken: 2022: 45,774" in check["note"]


def test_claim_takes_the_qualifier_of_its_figure(reference):
    sentence = "More than 25,700 people have crossed this year"
    figure = _figure("crossings", 25700, "more_than", period="2021", sentence=sentence)
    claim = _claim("ratio", factor=3, compared_with="2020 total", period="2021", value=25700)
    claim.update(sentence_start=0)
    check = _check(reference, figures=[figure], claims=[claim]).set_index("kind").loc["claim"]
    assert "≤ more than 25,700" in check["arithmetic"]


def test_empty_inputs_give_an_empty_table(reference):
    checks = _check(reference)
    assert checks.empty
    assert list(checks.columns) == list(CHECK_COLUMNS)
    assert {c: str(t) for c, t in checks.dtypes.items()}["start"] == "int64"


# --- checking a whole corpus once, and picking a selection's checks -----------------------------


def _corpora():
    return {"fixture": make_corpus(), "seeds": load_corpus(SEED.parent, cache_dir=None)}


@pytest.mark.parametrize("name", ["fixture", "seeds"])
def test_checks_line_up_with_their_facts(reference, name):
    corpus = _corpora()[name]
    figures = check_figures(corpus.figures, corpus.articles, reference)
    claims = check_claims(corpus.claims, corpus.figures, corpus.articles, reference)
    assert list(figures["start"]) == list(corpus.figures["start"])
    assert list(claims["start"]) == list(corpus.claims["start"])
    together = sort_checks(pd.concat([figures, claims], ignore_index=True))
    pd.testing.assert_frame_equal(
        together, check_facts(corpus.figures, corpus.claims, corpus.articles, reference)
    )


@pytest.mark.parametrize("name", ["fixture", "seeds"])
def test_facts_alike_share_a_check_that_is_theirs_alone(reference, name):
    # a figure or claim checked on its own gets what it gets among all the others
    corpus = _corpora()[name]
    every = check_facts(corpus.figures, corpus.claims, corpus.articles, reference)
    one_by_one = [
        check_facts(corpus.figures.iloc[[i]], corpus.claims.iloc[0:0], corpus.articles, reference)
        for i in range(len(corpus.figures))
    ] + [
        check_facts(corpus.figures, corpus.claims.iloc[[i]], corpus.articles, reference).query(
            "kind == 'claim'"
        )
        for i in range(len(corpus.claims))
    ]
    pd.testing.assert_frame_equal(every, sort_checks(pd.concat(one_by_one, ignore_index=True)))


def test_claim_links_pair_each_claim_with_the_figures_of_its_sentence():
    corpus = make_corpus()
    links = claim_links(corpus.claims, corpus.figures)
    assert links.to_dict("records") == [{"claim": 0, "figure": 5}]  # "More than 25,700"


def _moved_figure_corpus():
    """The fixture with the claim's figure dated apart from the claim: a date filter splits them."""
    corpus = make_corpus()
    figures = corpus.figures.copy()
    figures.loc[figures["evidence"] == "More than 25,700", "fact_date"] = pd.Timestamp("2021-11-20")
    return type(corpus)(**{**corpus.__dict__, "figures": figures})


@pytest.mark.parametrize(
    "state",
    [
        FilterState(),
        FilterState(articles=("a2",)),
        FilterState(places=("Calais",)),
        FilterState(speakers=("Emmanuel Macron",)),
        FilterState(date_from=date(2021, 11, 26)),  # the claim without its figure: checked again
        FilterState(date_to=date(2021, 11, 21)),  # the figure without its claim
    ],
)
@pytest.mark.parametrize("own_only", [True, False])
def test_checks_for_a_selection_are_those_of_checking_it(reference, state, own_only):
    corpus = _moved_figure_corpus()
    checked = check_corpus(corpus.figures, corpus.claims, corpus.articles, reference)
    rows = select_rows(corpus, state)
    selected = take_rows(corpus, rows)
    figure_rows, claim_rows = rows["figures"], rows["claims"]
    figures, claims = selected.figures, selected.claims
    if own_only:
        figure_rows = figure_rows[corpus.figures["own"].to_numpy()[figure_rows]]
        claim_rows = claim_rows[corpus.claims["own"].to_numpy()[claim_rows]]
        figures, claims = figures[figures["own"]], claims[claims["own"]]
    picked = checks_for(
        checked, figure_rows, claim_rows, figures=corpus.figures, claims=corpus.claims,
        articles=selected.articles, reference=reference,
    )  # fmt: skip
    pd.testing.assert_frame_equal(
        picked, check_facts(figures, claims, selected.articles, reference)
    )


def test_a_claim_without_its_figure_is_checked_again(reference):
    corpus = _moved_figure_corpus()
    checked = check_corpus(corpus.figures, corpus.claims, corpus.articles, reference)
    claim = checks_for(
        checked, np.array([], dtype=int), np.array([0]), figures=corpus.figures,
        claims=corpus.claims, articles=corpus.articles, reference=reference,
    ).iloc[0]  # fmt: skip
    # without "More than 25,700" beside it, 25,700 is an exact count, not a minimum
    assert "≤ more than" in checked.claims.iloc[0]["arithmetic"]
    assert "more than" not in claim["arithmetic"]
