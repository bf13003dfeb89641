"""Checks: the articles' figures and claims set against the record, each with the arithmetic a reader can redo.

- `corpus`: every figure and claim of a corpus checked once; a selection's picked from it.
- `figures`, `claims`: the check of one figure, of one claim.
- `parts`: do an article's parts (17 men, 7 women) add up to its total?
- `common`: statuses, tolerances (all in one place) and the words of the arithmetic.
"""

from lib.checks.common import (
    ARRIVALS_TOLERANCE,
    CHECK_COLUMNS,
    CONSISTENT,
    INCONSISTENT,
    UNCHECKABLE,
)
from lib.checks.corpus import (
    CorpusChecks,
    check_claims,
    check_corpus,
    check_facts,
    check_figures,
    checks_for,
    claim_links,
    sort_checks,
)

__all__ = [
    "ARRIVALS_TOLERANCE",
    "CHECK_COLUMNS",
    "CONSISTENT",
    "INCONSISTENT",
    "UNCHECKABLE",
    "CorpusChecks",
    "check_claims",
    "check_corpus",
    "check_facts",
    "check_figures",
    "checks_for",
    "claim_links",
    "sort_checks",
]
