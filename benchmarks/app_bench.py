"""Dashboard speed and memory on a generated corpus: first render of each page, cold and warm,
a rerun after a filter change, and peak memory.

    python -m benchmarks.app_bench            # 5,000 generated articles
    python -m benchmarks.app_bench 500        # another size

Each page runs through `streamlit.testing.v1.AppTest`, which executes the real script
in this process, so the times are server times (what a reader waits for before the
browser starts drawing). Three situations are measured:

- first ever: an empty extraction cache, so every article is extracted (once per deploy);
- cold: a new process with the disk cache present (a restarted or scaled-out server);
- warm: the same process again (`st.cache_data` holds the corpus), and a rerun after a
  filter change (the slower of choosing the most named place in the sidebar and clearing
  it again).

Each cold measurement runs in a child process of its own so that no memory cache leaks
between them; peak memory is the child's own maximum resident set size. The place chosen for
the filter change (the most named) is found by the parent, which has the corpus loaded
already: a child that loaded a second copy of the corpus to find it would count that copy
(about 100 MB at 5,000 articles) as the app's memory.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["pages/overview.py", "pages/map.py", "pages/timeline.py", "pages/quotes.py", "pages/figures.py", "pages/sources.py"]
WARM_RUNS = 5


def _child(page: str) -> None:
    """Run one page cold, then warm, then after a filter change; print JSON."""
    from streamlit.testing.v1 import AppTest

    from lib.corpus.load import load_corpus

    os.chdir(ROOT)
    out: dict[str, object] = {"page": page}
    start = time.perf_counter()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    if page != "pages/overview.py":
        at.switch_page(page)
    at.run()
    out["cold_s"] = time.perf_counter() - start
    out["exception"] = [e.value for e in at.exception][:1]
    warm = []
    for _ in range(WARM_RUNS):
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
    out["warm_ms"] = 1000 * statistics.median(warm)
    busiest = os.environ.get("BENCH_PLACE") or _busiest_place(load_corpus(os.environ["ARTICLES_DIR"]))
    changes = []
    for value in ([busiest], []):
        start = time.perf_counter()
        at.multiselect(key="place").set_value(value).run()
        changes.append(time.perf_counter() - start)
    out["filter_ms"] = 1000 * max(changes)  # the slower of the two: every change should be quick
    out["exception"] = out["exception"] or [e.value for e in at.exception][:1]
    out["peak_mb"] = _peak_mb()
    print(json.dumps(out))


def _peak_mb() -> float:
    """This process's peak resident set size, in MB.

    Linux's VmHWM, the peak of this process's own memory: `ru_maxrss` starts a child at
    its parent's peak (kept across fork and exec), and the parent's is that of extracting
    every article, so every page would report at least that much.
    """
    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _busiest_place(corpus) -> str:
    return str(corpus.places["name"].value_counts().index[0])


def _run_child(page: str, env: dict[str, str]) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.app_bench", "--child", page],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"{page}: child failed\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def main(n: int) -> None:
    from benchmarks.corpus import generate_corpus
    from lib.corpus.load import load_corpus
    from lib.schema import FACT_TABLES

    with tempfile.TemporaryDirectory() as tmp:
        folder = generate_corpus(n, Path(tmp) / "articles")
        env = {**os.environ, "ARTICLES_DIR": str(folder), "FACTS_CACHE_DIR": str(Path(tmp) / "cache")}
        os.environ.update(env)
        start = time.perf_counter()
        corpus = load_corpus(folder)
        first = time.perf_counter() - start
        facts = sum(len(corpus.table(t)) for t in FACT_TABLES)
        env["BENCH_PLACE"] = _busiest_place(corpus)
        print(f"corpus: {n:,} generated articles, {facts:,} facts")
        print(f"first ever load (extract every article, fill the cache): {first:.1f} s ({n / first:.0f} articles/s)")
        print()
        print(f"{'page':<10} {'cold s':>7} {'warm ms':>8} {'filter ms':>10} {'peak MB':>8}  notes")
        rows = []
        for page in PAGES:
            row = _run_child(page, env)
            rows.append(row)
            note = f"EXCEPTION: {row['exception'][0][:60]}" if row["exception"] else ""
            name = Path(page).stem
            print(f"{name:<10} {row['cold_s']:>7.2f} {row['warm_ms']:>8.0f} {row['filter_ms']:>10.0f} {row['peak_mb']:>8.0f}  {note}")
        print()
        print(f"aim: cold < 5 s (worst {max(r['cold_s'] for r in rows):.2f} s), "
              f"warm < 200 ms (worst {max(r['warm_ms'] for r in rows):.0f} ms), "
              f"filter rerun < 200 ms (worst {max(r['filter_ms'] for r in rows):.0f} ms), "
              f"memory < 500 MB (worst {max(r['peak_mb'] for r in rows):.0f} MB)")  # fmt: skip


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        _child(sys.argv[2])
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
