"""Golden articles: each test article in tests/articles is extracted and scored against its gold file.

The scorer is the project's copy of the evaluation script (tests/eval/score.py), so a
pass here means the same thing as a pass in the external evaluation.
"""

import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import pytest

from lib.extract.pipeline import process_file
from lib.schema import OWN_SECTIONS

HERE = Path(__file__).resolve().parent
GOLD = sorted((HERE / "gold").glob("*.json"))
SEED = "000_7c27d60d4c13592b"

_spec = importlib.util.spec_from_file_location("score", HERE / "eval" / "score.py")
assert _spec and _spec.loader
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def predict(article: str) -> list[dict]:
    result = process_file(HERE / "articles" / f"{article}.txt")
    assert result.error is None
    return [result.info.to_record()] + [
        f.to_record() for f in result.facts if f.section in OWN_SECTIONS
    ]


def evaluate(gold: dict, pred: list[dict]) -> dict[str, float]:
    tallies = {k: score.Tally() for k in score.KINDS}
    attr = score.Tally()
    by_kind = defaultdict(list)
    for f in pred:
        by_kind[f["kind"]].append(f)
    log = lambda *a: None  # noqa: E731
    score.score_figures(gold.get("figures", []), by_kind["figure"], tallies["figures"], log)
    score.score_events(gold.get("events", []), by_kind["event"], tallies["events"], log)
    score.score_places(gold.get("places", []), by_kind["place"], tallies["places"], log)
    score.score_quotes(gold.get("quotes", []), by_kind["quote"], tallies["quotes"], attr, log)
    f1 = {k: tallies[k].prf()[2] for k in score.KINDS}
    f1["overall"] = sum(f1.values()) / len(score.KINDS)
    return f1


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float]]:
    out = {}
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        out[gold["article"]] = evaluate(gold, predict(gold["article"]))
    return out


def test_there_are_at_least_eight_test_articles_beside_the_seed() -> None:
    assert len([p for p in GOLD if p.stem != SEED]) >= 8


def test_seed_scores_at_least_095_with_the_right_reference_date(scores: dict) -> None:
    assert scores[SEED]["overall"] >= 0.95, scores[SEED]
    info = predict(SEED)[0]
    gold = json.loads((HERE / "gold" / f"{SEED}.json").read_text(encoding="utf-8"))
    assert info["reference_date"] in gold["reference_dates"]


# Blind articles (tests/gold/BLIND.md) the extractor does not read well yet: known failures,
# each with what goes wrong, until the rules for it are written.
KNOWN_FAILURES: dict[str, str] = {
    # batches A and B (401-512) pass since the rules for undated copy, "Thursday (18.07)"
    # dates, day-first report dates, inquiry timelines and "this year" totals were written.
    # Batches C and D joined held out (scored before any rule was written for them):
    "602_homeoffice_ye_june_2025": "a statistics release: totals and their breakdown by sex "
    "and age in 'year ending June 2025' wording are missed, and its one quote is unattributed prose",
    "605_skynews_dover_record_day": "a TV transcript with no date but 'today' and 'in 2022': the "
    "reference date would need the day's exact count (1,295) looked up in the daily series",
    "608_guardian_longread_yonas": "a long read told over two years: journey counts ('64 on board') "
    "and relative dates anchored to the story's own days, not the article's",
}


def _known(path: Path):
    reason = KNOWN_FAILURES.get(path.stem)
    return pytest.param(
        path, id=path.stem, marks=pytest.mark.xfail(reason=reason, strict=False) if reason else ()
    )


@pytest.mark.parametrize("path", [_known(p) for p in GOLD])
def test_each_golden_article(path: Path, scores: dict) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    result = scores[gold["article"]]
    if gold.get("reference_dates"):  # an honestly undated article has none to score, as in the scorer
        info = predict(gold["article"])[0]
        assert (info["reference_date"] or info["published"]) in gold["reference_dates"]
    assert result["overall"] >= 0.80, result


def test_corpus_overall_f1(scores: dict) -> None:
    overall = sum(s["overall"] for s in scores.values()) / len(scores)
    assert overall >= 0.90, {a: round(s["overall"], 3) for a, s in scores.items()}
