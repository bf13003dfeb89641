"""Property tests: on any text, and on any mix of real news sentences, extraction never raises,
every offset points at its evidence, dates are valid, and a second run gives the same facts.

CI runs thousands of examples with a fixed seed (the "ci" profile, chosen when CI=true).
"""

import os
import re
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.corpus.load import corpus_from_results
from lib.extract.pipeline import extract_text, process_bytes
from lib.schema import COLUMNS

settings.register_profile(
    "ci", max_examples=2500, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.register_profile("dev", max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ARTICLES = Path(__file__).resolve().parent / "articles"
SENTENCES = sorted(
    {
        s.strip()
        for path in ARTICLES.glob("*.txt")
        for s in re.split(r"(?<=[.!?”\"])\s+|\n+", path.read_text(encoding="utf-8-sig"))
        if 3 < len(s.strip()) < 400
    }
)
NOISE = ["Download", "Read more:", "Search Trends", "Play video", "<span>", "</p>", "Advertisement",
         "By Jane Doe", "Published: 09:15, 13 December 2022", "CALAIS, France (AP) — ", "London — ",
         '"', "“", "”", "‘", "’", "«", "»", "\r\n", "\n\n", " ", "/CFP", "(AP Photo/Someone)"]  # fmt: skip

real_mixes = st.lists(st.sampled_from(SENTENCES) | st.sampled_from(NOISE), min_size=1, max_size=25).map(
    lambda parts: " ".join(parts)
)
any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2000
) | st.text(alphabet='abc ABC 0123456789,.;:"“”‘’\'«»-–—()<>/\n\r\t£%', max_size=600)


def check_invariants(text: str) -> None:
    doc, facts = extract_text(text, article="fuzz", meta={"published": "2021-11-25"})
    again = extract_text(text, article="fuzz", meta={"published": "2021-11-25"})[1]
    assert facts == again, "extraction is not stable from one run to the next"
    for f in facts:
        assert 0 <= f.start < f.end <= len(doc.text), f
        assert f.sentence_start <= f.start and f.end <= f.sentence_end, f
        assert f.sentence == " ".join(doc.clean[f.sentence_start : f.sentence_end].split())
        evidence = doc.text[f.start : f.end]
        assert evidence.strip(), f
        record = f.to_record()
        if f.kind == "event":
            assert " ".join(evidence.split()) == record["phrase"]
            date.fromisoformat(record["date"])
        elif f.kind == "figure":
            assert record["value"] > 0 and record["metric"]
            if record["period"]:
                date.fromisoformat(record["period"] if len(record["period"]) == 10 else record["period"] + "-01-01")
            first, last = record["period_start"], record["period_end"]
            assert (first is None) == (last is None), record
            if first:
                assert date.fromisoformat(first) <= date.fromisoformat(last), record
        elif f.kind == "place":
            assert evidence == record["mention"]
            assert -90 <= record["lat"] <= 90 and -180 <= record["lon"] <= 180
        elif f.kind == "quote":
            assert record["text"].split()[0] in evidence
            if record["date"]:
                date.fromisoformat(record["date"])


@given(any_text)
def test_any_text(text: str) -> None:
    check_invariants(text)


@given(real_mixes)
def test_mixes_of_real_sentences(text: str) -> None:
    check_invariants(text)


@given(st.lists(st.binary(max_size=300) | real_mixes.map(str.encode), min_size=1, max_size=4))
def test_loader_never_raises_and_keeps_every_article(blobs: list[bytes]) -> None:
    results = [process_bytes(b, article=f"a{i}", path=f"a{i}.txt") for i, b in enumerate(blobs)]
    corpus = corpus_from_results(results)
    loaded = set(corpus.articles["article"])
    refused = set(corpus.problems.loc[corpus.problems["severity"] == "error", "article"])
    assert loaded | refused == {f"a{i}" for i in range(len(blobs))}, "an article was lost"
    assert not loaded & refused
    for table, columns in COLUMNS.items():
        frame = corpus.table(table)
        assert list(frame.columns) == list(columns)
