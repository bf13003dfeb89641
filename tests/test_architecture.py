"""The rules of the house, as tests: what may import what, and how big a module may grow.

A newcomer reads the layout here (and in the README):

- `lib/extract/` is the extractor and the `python -m lib.extract` command. It imports only
  the standard library, its own package and `lib/schema.py` (itself standard library
  only), so the command runs anywhere Python does.
- Nothing in `lib/` imports streamlit: caching and widgets live in `app.py` and `pages/`,
  and everything in `lib/` is tested with plain pytest.
- `lib/show/` turns tables into Figures, Decks and escaped HTML; it never imports the
  extractor (it reads facts, it does not make them).
- Nothing in `lib/` imports `pages/` or `app`.
- No module in `lib/` is over 700 lines.
- The extraction cache's version hashes only what decides the extractor's output.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIB = ROOT / "lib"
MOST_LINES = 700
STDLIB = sys.stdlib_module_names


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (a function's own imports too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _outside(imports: set[str], allowed: tuple[str, ...]) -> list[str]:
    """The imports that are neither the standard library nor under one of `allowed`."""
    return sorted(
        name
        for name in imports
        if name.split(".")[0] not in STDLIB
        and name != "__future__"
        and not any(name == a or name.startswith(a + ".") for a in allowed)
    )


EXTRACTOR = _files(LIB / "extract") + [LIB / "schema.py"]


@pytest.mark.parametrize("path", EXTRACTOR, ids=[_module(p) for p in EXTRACTOR])
def test_the_extractor_imports_only_the_standard_library_and_itself(path: Path) -> None:
    allowed = ("lib.extract", "lib.schema") if path.name != "schema.py" else ()
    assert not _outside(_imports(path), allowed), (
        f"{_module(path)} imports {_outside(_imports(path), allowed)}: the extractor may use "
        "only the standard library, lib.extract and lib.schema"
    )


LIBRARY = _files(LIB)


@pytest.mark.parametrize("path", LIBRARY, ids=[_module(p) for p in LIBRARY])
def test_nothing_in_lib_imports_streamlit_or_the_pages(path: Path) -> None:
    banned = sorted(
        name
        for name in _imports(path)
        if name.split(".")[0] in ("streamlit", "pages", "app")
    )
    assert not banned, f"{_module(path)} imports {banned}: lib/ is pure, tested without Streamlit"


SHOW = _files(LIB / "show")


@pytest.mark.parametrize("path", SHOW, ids=[_module(p) for p in SHOW])
def test_show_never_imports_the_extractor(path: Path) -> None:
    extractor = sorted(n for n in _imports(path) if n == "lib.extract" or n.startswith("lib.extract."))
    assert not extractor, f"{_module(path)} imports {extractor}: lib.show reads facts, it does not make them"


@pytest.mark.parametrize("path", LIBRARY, ids=[_module(p) for p in LIBRARY])
def test_no_module_in_lib_is_over_700_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MOST_LINES, f"{_module(path)} has {lines} lines: split it by what it is about"


def test_the_cache_version_hashes_only_what_decides_the_extractors_output() -> None:
    from lib.extract import extractor_files

    files = extractor_files()
    inside = [p for p in files if p.is_relative_to(LIB / "extract")]
    others = sorted(str(p.relative_to(ROOT)) for p in files if p not in inside)
    assert others == [
        "data/gazetteer.csv",
        "data/reference/arrivals_by_day.csv",  # undated articles are pinned by the daily series
        "data/reference/channel_incidents.csv",  # look-backs are dated by the IOM incidents
        "lib/schema.py",
    ]
    assert sorted(inside) == sorted(_files(LIB / "extract"))


def test_the_command_runs_with_no_third_party_module_importable() -> None:
    """`python -m lib.extract` with pandas, numpy, streamlit, plotly, pydeck and pyarrow made unimportable."""
    script = (
        "import runpy, sys\n"
        "for name in ('pandas', 'numpy', 'streamlit', 'plotly', 'pydeck', 'pyarrow'):\n"
        "    sys.modules[name] = None\n"
        "sys.argv = ['lib.extract', 'seeds/000_7c27d60d4c13592b.txt']\n"
        "runpy.run_module('lib.extract', run_name='__main__')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert '"kind": "quote"' in done.stdout


def test_the_rules_see_a_breach() -> None:
    """The import reader finds imports at any depth, and the allowed list is by package, not by prefix."""
    assert _outside({"pandas", "re", "lib.extract.text", "lib.extractor"}, ("lib.extract",)) == [
        "lib.extractor",
        "pandas",
    ]
    assert "streamlit" in _imports(ROOT / "pages" / "_session.py")
