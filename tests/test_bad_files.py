"""Hostile input, end to end: every bad file reported once, every usable one loaded once, nothing lost.

The catalogue (tests/badfiles.py) is written into a temporary folder at test time: empty,
whitespace-only, binary and NUL-bearing files, Latin-1 and cp1252 text, mixed line
endings, a 50 MB file, an HTML page saved as .txt, broken sidecars, a duplicate, a file
name with spaces and accents, and three good articles. Each usable file has a clean
UTF-8 twin alone in a folder of its own: the file must give exactly what its twin gives.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from badfiles import (
    DUPLICATE,
    ERROR,
    GOOD,
    MB,
    PNG_HEADER,
    WARNING,
    Entry,
    build_catalogue,
    catalogue,
    html_page,
    source_text,
)
from pandas.testing import assert_frame_equal

import lib.corpus.cache as cache
import lib.corpus.load as load
from lib.corpus.frames import Corpus
from lib.corpus.load import load_corpus, load_upload
from lib.extract.__main__ import main as extract_main
from lib.extract.pipeline import ArticleResult, process_file
from lib.extract.text import DEFAULT_MAX_BYTES
from lib.schema import FACT_TABLES
from lib.show.timeline import timeline_points

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", *FACT_TABLES, "problems")
ENTRIES = catalogue()  # names, bytes and expectations; nothing is written at import


def entries(*outcomes: str) -> list[Any]:
    return [pytest.param(e, id=e.name) for e in ENTRIES if e.outcome in outcomes]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The catalogue, written once for the module; the 50 MB file is removed afterwards."""
    path = tmp_path_factory.mktemp("catalogue")
    build_catalogue(path)
    yield path
    (path / "too_large_50mb.txt").unlink()


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """article -> a folder holding only its clean twin: same name, UTF-8, "\\n", a sound sidecar."""
    root = tmp_path_factory.mktemp("twins")
    found = {}
    for entry in ENTRIES:
        if entry.text is None:
            continue
        path = root / entry.article
        path.mkdir()
        (path / entry.name).write_text(entry.text, encoding="utf-8", newline="")
        if entry.twin_sidecar:
            (path / f"{entry.article}.meta.json").write_text(entry.twin_sidecar, encoding="utf-8")
        found[entry.article] = path
    return found


@pytest.fixture
def default_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARTICLE_MAX_BYTES", raising=False)


def records_by_article(stdout: str) -> dict[str, list[dict[str, Any]]]:
    """JSON Lines -> article -> [its article line, then its facts]; an article printed twice fails."""
    found: dict[str, list[dict[str, Any]]] = {}
    current: list[dict[str, Any]] = []
    for line in stdout.splitlines():
        record = json.loads(line)
        if record["kind"] == "article":
            assert record["article"] not in found, f"{record['article']!r} printed twice"
            current = found[record["article"]] = []
        current.append(record)
    return found


# --- (a) python -m lib.extract over the whole folder ------------------------------------


@pytest.fixture(scope="module")
def command_run(folder: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ARTICLE_MAX_BYTES"}
    files = sorted(str(p) for p in folder.glob("*.txt"))
    return subprocess.run(
        [sys.executable, "-m", "lib.extract", *files],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )


def test_command_exits_1_and_every_stderr_line_names_a_file(
    folder: Path, command_run: subprocess.CompletedProcess[str]
) -> None:
    assert command_run.returncode == 1
    names = tuple(f"{folder / e.name}: " for e in ENTRIES)
    strays = [line for line in command_run.stderr.splitlines() if not line.startswith(names)]
    assert strays == [], "stderr lines that name no catalogue file (a traceback?)"


@pytest.mark.parametrize("entry", entries(GOOD, WARNING, ERROR, DUPLICATE))
def test_command_reports_each_file_once_with_its_reason(
    folder: Path, command_run: subprocess.CompletedProcess[str], entry: Entry
) -> None:
    prefix = f"{folder / entry.name}: "
    lines = [
        line.removeprefix(prefix)
        for line in command_run.stderr.splitlines()
        if line.startswith(prefix)
    ]
    expected = entry.reasons
    assert len(lines) == len(expected), lines
    for line, pattern in zip(lines, expected, strict=True):
        assert re.search(pattern, line, re.I), f"{line!r} does not say {pattern!r}"


def test_command_prints_every_usable_file_once(
    command_run: subprocess.CompletedProcess[str],
) -> None:
    printed = records_by_article(command_run.stdout)
    usable = [e.article for e in ENTRIES if e.outcome in (GOOD, WARNING)]
    assert sorted(printed) == sorted(usable)  # a duplicate is reported, not printed twice


@pytest.mark.parametrize("entry", entries(GOOD, WARNING))
def test_command_gives_the_facts_of_the_file_alone(
    twins: dict[str, Path], command_run: subprocess.CompletedProcess[str], entry: Entry
) -> None:
    """Nothing lost, nothing added: in the crowd or repaired, a file prints its clean twin's lines."""
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        extract_main([str(twins[entry.article] / entry.name)])
    alone = records_by_article(out.getvalue())[entry.article]
    assert len(alone) > 10  # a real article, with facts
    assert records_by_article(command_run.stdout)[entry.article] == alone


# --- (b) the loader ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("ARTICLE_MAX_BYTES", raising=False)
        return load_corpus(folder, cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.mark.parametrize("entry", entries(GOOD, WARNING, ERROR, DUPLICATE))
def test_loader_reports_each_problem_with_reason_and_severity(
    folder: Path, loaded: Corpus, entry: Entry
) -> None:
    rows = loaded.problems[loaded.problems["article"] == entry.article]
    assert len(rows) == len(entry.reasons), rows["reason"].tolist()
    severity = "warning" if entry.outcome == WARNING else "error"
    for row, pattern in zip(rows.itertuples(), entry.reasons, strict=True):
        assert re.search(pattern, row.reason, re.I), f"{row.reason!r} does not say {pattern!r}"
        assert row.severity == severity
        assert row.path == str(folder / entry.name)


def test_loader_loads_every_usable_article_exactly_once(loaded: Corpus) -> None:
    usable = sorted(e.article for e in ENTRIES if e.loaded)
    assert sorted(loaded.articles["article"]) == usable
    assert sorted(loaded.texts) == usable
    for table in FACT_TABLES:
        assert set(loaded.table(table)["article"]) <= set(usable), table


@pytest.mark.parametrize("entry", entries(GOOD, WARNING))
def test_loader_gives_the_facts_of_the_file_alone(
    twins: dict[str, Path], loaded: Corpus, entry: Entry
) -> None:
    alone = load_corpus(twins[entry.article], cache_dir=None)
    counts = [f"n_{t}" for t in FACT_TABLES]
    mine = loaded.articles[loaded.articles["article"] == entry.article]
    assert mine[counts].to_dict("records") == alone.articles[counts].to_dict("records")
    assert sum(alone.articles[counts].iloc[0]) > 10
    assert loaded.texts[entry.article] == alone.texts[entry.article]
    for table in FACT_TABLES:
        facts = loaded.table(table)
        rows = facts[facts["article"] == entry.article].reset_index(drop=True)
        assert_frame_equal(rows, alone.table(table), obj=f"{entry.name}: {table}")


def test_repaired_text_keeps_its_accents_and_curly_quotes(loaded: Corpus) -> None:
    assert {"é", "’", "“", "”"} <= set(loaded.texts["cp1252"])
    assert "é" in loaded.texts["latin1"]
    assert "\r" not in loaded.texts["mixed_line_endings"]
    encodings = dict(zip(loaded.articles["article"], loaded.articles["encoding"], strict=True))
    assert (encodings["cp1252"], encodings["latin1"], encodings["102_tabloid"]) == (
        "cp1252",
        "cp1252",
        "utf-8",
    )
    quotes = loaded.quotes[loaded.quotes["article"] == "cp1252"]
    assert any("“" in sentence for sentence in quotes["sentence"])


def test_html_noise_never_becomes_a_fact(loaded: Corpus) -> None:
    text = loaded.texts["html_page"]
    noise = [m.span() for m in re.finditer(r"<(script|style|nav|footer)\b.*?</\1>", text, re.S)]
    assert len(noise) == 5
    for table in FACT_TABLES:
        facts = loaded.table(table)
        for fact in facts[facts["article"] == "html_page"].itertuples():
            assert not any(a <= fact.start < b for a, b in noise), (table, fact.evidence)
    figures = loaded.figures[loaded.figures["article"] == "html_page"]
    assert len(figures) and not {999, 4242} & set(figures["value"])


def test_html_page_gives_the_facts_of_its_article_as_plain_text(tmp_path: Path) -> None:
    """The doctype and the <head> (its <title> repeats the headline) are not article text."""
    plain = source_text("204_reuters_wire")
    (tmp_path / "page.txt").write_text(html_page(plain), encoding="utf-8")
    (tmp_path / "plain.txt").write_text(plain, encoding="utf-8")
    page, text = process_file(tmp_path / "page.txt"), process_file(tmp_path / "plain.txt")

    def facts(result: ArticleResult) -> Counter[tuple[Any, ...]]:
        return Counter(
            (f.kind, result.text[f.start : f.end], f.section, getattr(f, "date", None))
            for f in result.facts
        )

    assert (page.info.title, page.info.reference_date) == (text.info.title, "2022-11-25")
    assert facts(page) == facts(text)


@pytest.mark.parametrize("cached", [False, True], ids=["no cache", "cache"])
def test_the_50mb_file_is_refused_by_its_size_without_being_read(
    folder: Path, tmp_path: Path, cached: bool, default_limit: None
) -> None:
    tracemalloc.start()
    try:
        corpus = load_corpus(folder, cache_dir=tmp_path if cached else None)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (folder / "too_large_50mb.txt").stat().st_size == 50 * MB
    assert "too_large_50mb" in set(corpus.problems["article"])
    assert peak < 10 * MB, f"peak {peak / MB:.1f} MB while loading: the 50 MB file was read"


def test_warm_cache_gives_identical_frames(
    folder: Path, tmp_path: Path, default_limit: None
) -> None:
    cold = load_corpus(folder, cache_dir=tmp_path)
    assert list(tmp_path.glob("*.json")), "nothing was cached"
    warm = load_corpus(folder, cache_dir=tmp_path)
    for table in TABLES:
        assert_frame_equal(warm.table(table), cold.table(table), obj=table)
    assert warm.texts == cold.texts


def test_replicas_sharing_one_cache_folder_load_the_same_corpus(
    folder: Path, tmp_path: Path, default_limit: None
) -> None:
    """Several server processes (the README's replicas) filling one cache at once: each writes
    under a name of its own and renames, so none reads another's half-written entry."""
    from concurrent.futures import ProcessPoolExecutor

    shared = tmp_path / "shared-cache"
    with ProcessPoolExecutor(max_workers=3) as pool:
        loads = list(pool.map(_load_counts, [folder] * 3, [shared] * 3))
    assert loads[0] == loads[1] == loads[2] and sum(loads[0].values()) > 0
    assert not list(shared.glob("*.tmp")) and not list(shared.glob("corpus-*.tmp"))
    warm = load_corpus(folder, cache_dir=shared)
    assert {table: len(warm.table(table)) for table in TABLES} == loads[0]


def _load_counts(folder: Path, cache_dir: Path) -> dict[str, int]:
    corpus = load_corpus(folder, cache_dir=cache_dir)
    return {table: len(corpus.table(table)) for table in TABLES}


def spy_on_extraction(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles the loader really extracts; a cache hit does not call process_bytes."""
    calls: list[str] = []
    real = cache.process_bytes

    def spy(data: bytes, **kwargs: Any) -> ArticleResult:
        calls.append(kwargs["article"])
        return real(data, **kwargs)

    monkeypatch.setattr(cache, "process_bytes", spy)
    return calls


def test_changed_file_is_extracted_again_and_unchanged_ones_come_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, default_limit: None
) -> None:
    articles, cache = tmp_path / "articles", tmp_path / "cache"
    build_catalogue(articles, big_bytes=DEFAULT_MAX_BYTES + 1)
    before = load_corpus(articles, cache_dir=cache).articles.set_index("article")
    old = 1_000_000_000_000_000_000  # 2001-09-09: a rewritten entry shows in its mtime
    for entry in cache.glob("*.json"):
        os.utime(entry, ns=(old, old))
    changed = articles / "102_tabloid.txt"
    changed.write_bytes(
        changed.read_bytes() + b"\n\nTwo more people died off Calais on Friday, police said.\n"
    )
    calls = spy_on_extraction(monkeypatch)

    after = load_corpus(articles, cache_dir=cache).articles.set_index("article")

    assert calls == ["102_tabloid"]
    rewritten = [p for p in cache.glob("*.json") if p.stat().st_mtime_ns != old]
    assert len(rewritten) == 1  # the changed file's new entry; the others untouched
    assert after.loc["102_tabloid", "n_figures"] == before.loc["102_tabloid", "n_figures"] + 1
    others = after.index.drop("102_tabloid")
    assert_frame_equal(after.loc[others], before.loc[others])


def test_duplicates_each_come_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, cache = tmp_path / "articles", tmp_path / "cache"
    articles.mkdir()
    text = source_text("306_evening_standard_court").encode()
    for name in ("duplicate_1.txt", "duplicate_2.txt"):
        (articles / name).write_bytes(text)
    load_corpus(articles, cache_dir=cache)
    (articles / "other.txt").write_text(source_text("102_tabloid"), encoding="utf-8")
    calls = spy_on_extraction(monkeypatch)
    corpus = load_corpus(articles, cache_dir=cache)
    assert calls == ["other"]  # neither copy extracted again
    assert corpus.articles["article"].tolist() == ["duplicate_1", "other"]


@pytest.mark.parametrize(
    "resave",
    [
        pytest.param(lambda t: t.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(lambda t: t.encode("cp1252"), id="cp1252"),
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode(), id="bom"),
    ],
)
def test_same_article_in_other_bytes_is_loaded_once(
    tmp_path: Path, resave: Callable[[str], bytes]
) -> None:
    text = source_text("301_aljazeera")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(resave(text))
    corpus = load_corpus(tmp_path, cache_dir=None)
    assert corpus.articles["article"].tolist() == ["a"]
    problems = corpus.problems[corpus.problems["severity"] == "error"]
    assert problems[["article", "reason"]].values.tolist() == [
        ["b", "same content as 'a'; skipped so nothing is counted twice"]
    ]


# --- (c) uploads -------------------------------------------------------------------------

ARTICLE = (ROOT / "tests" / "articles" / "101_wire_ap_dateline.txt").read_bytes()
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_WRITE_EVENTS = frozenset(
    {"os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.truncate", "shutil.copyfile"}
)
_writes: list[tuple[Any, ...]] | None = None  # a list while a test watches


def _audit(event: str, args: tuple[Any, ...]) -> None:
    """Record file-system writes while `_writes` is a list (an audit hook cannot be removed)."""
    if _writes is None:
        return
    if event == "open":
        path, mode, flags = args  # mode is None for os.open, flags None for io.open
        by_mode = isinstance(mode, str) and any(c in mode for c in "wax+")
        if by_mode or (flags or 0) & _WRITE_FLAGS:
            _writes.append((event, path))
    elif event in _WRITE_EVENTS:
        _writes.append((event, *args[:1]))


@pytest.fixture
def disk_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[Any, ...]]]:
    """What the code under test opens for writing, run from an empty folder two levels down."""
    global _writes
    if not getattr(sys, "_bad_files_audit", False):
        sys.addaudithook(_audit)
        sys._bad_files_audit = True  # type: ignore[attr-defined]
    here = tmp_path / "a" / "b"
    here.mkdir(parents=True)
    monkeypatch.chdir(here)  # "../../etc/passwd.txt", if ever written, would land in tmp_path
    monkeypatch.setenv("FACTS_CACHE_DIR", str(tmp_path / "cache"))
    _writes = []
    try:
        yield _writes
    finally:
        _writes = None
    assert sorted(tmp_path.rglob("*")) == [tmp_path / "a", here]


# (name, bytes, the article id, or None when refused with a reason holding `reason`)
# fmt: off
UPLOADS = [
    ("../../etc/passwd.txt", ARTICLE, "passwd", None),
    ("a/b/c.txt", ARTICLE, "c", None),
    ("/etc/shadow.txt", ARTICLE, "shadow", None),
    ("Réfugiés à Calais.TXT", ARTICLE, "Réfugiés à Calais", None),
    ("line\nbreak\x00.txt", ARTICLE, "line_break_", None),
    (".txt", ARTICLE, "upload", None),
    ("C:\\evil\\x.txt", ARTICLE, "x", None),
    ("..\\..\\x.txt", ARTICLE, "x", None),
    ("...txt", ARTICLE, "upload", None),
    ("notes.pdf", ARTICLE, None, "not a .txt file"),
    ("../../etc/passwd", ARTICLE, None, "not a .txt file"),
    ("", ARTICLE, None, "not a .txt file"),
    ("big.txt", b"x" * (DEFAULT_MAX_BYTES + 1), None, "too large: 5,242,881 bytes, over the 5,242,880-byte limit"),
    ("empty.txt", b"", None, "empty file (0 bytes)"),
    ("blank.txt", b" \r\n\t ", None, "only whitespace"),
    ("image.txt", PNG_HEADER, None, "binary file"),
]
# fmt: on


@pytest.mark.parametrize(("name", "data", "article", "reason"), UPLOADS)
def test_upload_never_raises_never_writes_and_names_no_path(
    disk_writes: list[tuple[Any, ...]],
    default_limit: None,
    name: str,
    data: bytes,
    article: str | None,
    reason: str | None,
) -> None:
    corpus = load_upload(name, data)
    assert disk_writes == []
    ids = corpus.articles["article"].tolist() + corpus.problems["article"].tolist()
    assert ids and all("/" not in a and "\\" not in a and a not in (".", "..") for a in ids), ids
    if article is None:
        assert corpus.articles.empty and corpus.texts == {}
        assert corpus.problems["severity"].tolist() == ["error"]
        assert reason in corpus.problems["reason"].iloc[0]
    else:
        assert corpus.articles["article"].tolist() == [article]
        assert corpus.problems.empty
        assert len(corpus.figures) > 0


def test_upload_repaired_text_is_loaded_with_its_warning(
    disk_writes: list[tuple[Any, ...]],
) -> None:
    corpus = load_upload("cp1252.txt", source_text("301_aljazeera").encode("cp1252"))
    assert disk_writes == []
    assert corpus.articles["article"].tolist() == ["cp1252"]
    assert corpus.problems[["severity", "reason"]].values.tolist() == [
        ["warning", "not valid UTF-8 (byte 815); decoded as cp1252"]
    ]


def test_the_write_watch_sees_writes(disk_writes: list[tuple[Any, ...]]) -> None:
    """The audit hook itself works: a write shows up (and is undone for the folder check)."""
    Path("probe.txt").write_text("x")
    Path("probe.txt").unlink()
    assert [event for event, *_ in disk_writes] == ["open", "os.remove"]


# --- found by benchmarks/load_test.py ----------------------------------------------------


def test_timeline_points_of_an_empty_selection_still_hold_dates() -> None:
    """/timeline?from=2019-02-27&to=2019-06-09 on seeds/ selects nothing; the page calls `.dt` on it."""
    points = timeline_points({name: load.empty_frame(name) for name in FACT_TABLES})
    assert points.empty
    assert points["fact_date"].dt.date.empty
