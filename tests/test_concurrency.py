"""Many readers at once, right after a server start: every page's first visit, from many tabs together.

A shared link is opened by many people at the same moment, often just after a deploy:
each tab's first run builds its charts while others build theirs. Plotly builds its
validators lazily on first use, and that first use is not thread-safe (plotly.py issue
3441), so without `lib.show.plotly_ready` some of these runs showed the reader
"Invalid property specified for object of type plotly.graph_objs.scatter.Marker:
'pattern'". Each round here starts a fresh server (fresh validators), then opens the
tabs at once and drives them through the chart pages with filters of their own, as the
WebSocket client of `benchmarks/load_test.py` does (the protocol a browser speaks).

The same checks run in-process: threads building every kind of chart at once in a new
interpreter whose thread switch interval is tiny, so that threads interleave inside
plotly's first use as often as they can.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from benchmarks.load_test import Server, Visit, VisitFailed, free_port, running, visit

ROOT = Path(__file__).resolve().parent.parent
TABS = 16
ROUNDS = 3  # fresh servers
# First visits that build charts, each with a filter of its own so that no tab reuses
# another's cached chart: every tab builds its own.
QUERIES = [
    "", "from=2018-10-26&to=2019-09-08", "from=2021-11-24&to=2021-11-24",
    "speaker=Emmanuel+Macron", "place=Calais", "from=2020-01-01", "to=2022-12-31",
    "from=2023-01-01&to=2023-12-31", "place=Dunkirk", "from=2019-05-01&to=2024-05-01",
    "place=Calais&from=2021-01-01", "to=2021-11-30",
]  # fmt: skip
PAGES = ["figures", "timeline", "", "map"]  # every tab starts on Figures: four charts from the record


async def _tab(port: int, index: int) -> list[str]:
    """One tab: a first visit to Figures, then the other chart pages; the errors it saw."""
    errors: list[str] = []
    hashes: dict[str, str] = {}
    query = QUERIES[index % len(QUERIES)]
    order = PAGES
    async with connect(
        f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"], proxy=None,
        max_size=None, open_timeout=60, ping_interval=None,
    ) as ws:  # fmt: skip
        for number, page in enumerate(order):
            target = Visit(page, query)
            try:
                await asyncio.wait_for(visit(ws, target, history=number > 0, hashes=hashes), 120)
            except VisitFailed as failure:
                errors.append(f"/{page}?{query}: {failure}")
    return errors


async def _all_tabs(port: int) -> list[str]:
    found = await asyncio.gather(*(_tab(port, i) for i in range(TABS)))
    return [error for tab in found for error in tab]


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_first_visits_from_many_tabs_after_a_start_show_no_error(round_number: int) -> None:
    server = Server(free_port(), ROOT / "seeds", session_ttl=5)
    with running(server):
        server.wait_healthy(120)
        errors = asyncio.run(_all_tabs(server.port))
        alive = server.alive()
        log = server.log_tail(40)
    assert alive, f"the server died:\n{log}"
    assert not errors, "\n".join(errors)


THREADS_BUILD_EVERY_CHART = textwrap.dedent(
    """
    import sys, threading
    sys.setswitchinterval(1e-6)
    from lib.show.plotly_ready import prepare_plotly
    if sys.argv[1] == "prepared":
        prepare_plotly()
    from lib.record.load import load_record
    from lib.record.reference import load_reference
    from lib.show.official import arrivals_by_year_chart, deaths_by_year_chart, monthly_arrivals_chart
    from lib.show.record import by_year_chart, record_timeline
    from lib.show.publish import freeze, thaw
    reference, record = load_reference(), load_record()
    builders = [
        lambda: arrivals_by_year_chart(reference.arrivals_by_year),
        lambda: deaths_by_year_chart(reference.deaths_by_year),
        lambda: monthly_arrivals_chart(reference.arrivals_by_month, cumulative=True),
        lambda: record_timeline(record, "2021-01-01", "2021-12-31", boats=True),
        lambda: by_year_chart(record),
    ]
    errors = []
    start = threading.Barrier(16)
    def work(i):
        start.wait()
        try:
            thaw(freeze(builders[i % len(builders)]()))
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}".splitlines()[0])
    threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("\\n".join(errors))
    sys.exit(1 if errors else 0)
    """
)


def test_threads_building_every_chart_at_once_in_a_new_process_see_no_error() -> None:
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", THREADS_BUILD_EVERY_CHART, "prepared"],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
