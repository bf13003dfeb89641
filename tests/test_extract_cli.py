"""The `python -m lib.extract` command: FACTS.md output, and one clear stderr line per bad file."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7c27d60d4c13592b.txt"
GOOD = "Migrants die off Calais\n\nFour people died off Calais on 12 July 2024, police said."


def run(*files: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lib.extract", *map(str, files)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_seed_prints_article_line_then_facts() -> None:
    done = run(SEED)
    assert done.returncode == 0, done.stderr
    lines = records(done.stdout)
    assert lines[0]["kind"] == "article"
    assert lines[0]["article"] == "000_7c27d60d4c13592b"
    assert lines[0]["reference_date"] == "2021-11-25"
    kinds = {line["kind"] for line in lines[1:]}
    assert {"figure", "event", "place", "quote"} <= kinds
    text = SEED.read_text(encoding="utf-8")
    for line in lines[1:]:
        assert set(line) >= {"article", "kind", "start", "end", "sentence"}
        assert text[line["start"] : line["end"]].strip()
        assert line["section"] != "read_more"  # another article's headline is not this one's


# Each bad file: (name, bytes, sidecar or None, words the stderr line must hold, facts still printed?)
BAD_FILES = [
    ("empty.txt", b"", None, "empty", False),
    ("blank.txt", b"  \n\n\t ", None, "whitespace", False),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", None, "binary", False),
    ("latin.txt", GOOD.replace("police", "préfecture").encode("cp1252"), None, "cp1252", True),
    ("page.txt", f"<!DOCTYPE html><html><body><p>{GOOD}</p></body></html>".encode(), None, "HTML", True),
    ("badmeta.txt", GOOD.encode(), b"{not json", "sidecar is not valid JSON", True),
    ("baddate.txt", GOOD.encode(), b'{"published": "25/11/2021"}', "not YYYY-MM-DD", True),
    ("future.txt", GOOD.encode(), b'{"published": "2999-01-01"}', "in the future", True),
    ("quotes.txt", b'Title\n\nHe said "we will never stop. Four people died off Calais on 12 July 2024.', None,
     "unbalanced", True),
    ("nodates.txt", b"Title\n\nFour people died off Calais, police said.", None, "no reference date", True),
]


@pytest.mark.parametrize(("name", "data", "sidecar", "reason", "printed"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_reported_and_others_still_printed(
    tmp_path: Path, name: str, data: bytes, sidecar: bytes | None, reason: str, printed: bool
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    if sidecar is not None:
        (tmp_path / (bad.stem + ".meta.json")).write_bytes(sidecar)
    good = tmp_path / "good.txt"
    good.write_text(GOOD.replace("Four", "Five"), encoding="utf-8")  # another article, not a duplicate
    done = run(bad, good)
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.strip()]
    assert errors and all(line.startswith(str(bad)) for line in errors), done.stderr
    assert any(reason.lower() in line.lower() for line in errors), done.stderr
    articles = [r["article"] for r in records(done.stdout) if r["kind"] == "article"]
    assert articles == ([bad.stem, "good"] if printed else ["good"])


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(GOOD + "\n" + "Filler text. " * 1000, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "lib.extract", "--max-bytes", "5000", str(big), str(SEED)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert "over the 5,000-byte limit" in done.stderr
    assert [r["article"] for r in records(done.stdout) if r["kind"] == "article"] == [SEED.stem]


def test_a_duplicate_is_reported_and_not_printed_twice(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(GOOD.replace("\n", "\r\n").encode("utf-8"))  # same article, CRLF
    done = run(tmp_path / "a.txt", tmp_path / "b.txt")
    assert done.returncode == 1
    assert done.stderr.strip() == f"{tmp_path / 'b.txt'}: same content as 'a'; skipped so nothing is counted twice"
    assert [r["article"] for r in records(done.stdout) if r["kind"] == "article"] == ["a"]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    done = run(tmp_path / "nope.txt", SEED)
    assert done.returncode == 1
    assert "nope.txt: no such file" in done.stderr
    assert records(done.stdout)[0]["article"] == SEED.stem


def test_read_more_facts_marked_when_asked() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lib.extract", "--with-read-more", str(SEED)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    marked = [r for r in records(done.stdout) if r.get("section") == "read_more"]
    assert any(r["kind"] == "figure" and r["value"] == 27 for r in marked)
