"""Many readers at once: N WebSocket sessions drive `streamlit run app.py` over every page, with filters.

    python -m benchmarks.load_test --sessions 30 --seconds 60
    python -m benchmarks.load_test --sessions 30 --seconds 60 --rounds 2
    python -m benchmarks.load_test --articles tests/articles      # ARTICLES_DIR for the server

Starts its own server on a free port of 127.0.0.1 (headless, no file watcher), waits for
/_stcore/health, then opens N sessions as a browser tab does: a WebSocket to
/_stcore/stream speaking Streamlit's protobuf protocol (BackMsg out, ForwardMsg in).
Each session visits pages at random, with filter parameters drawn from the corpus the
server loads (from, to, article, place, speaker), and pauses about `--think` seconds
between visits. A visit sends `rerun_script` with the page and query string (later
visits say `is_history_navigation`, as the Back button does, so the URL sets the bound
filters) and is ready when `script_finished` arrives; a first visit to a page URL may
finish early once (pages/_frame.py reruns) and the time runs to the real end.

Errors: an `exception` element in a delta, a script that did not compile, "page not
found", a dropped connection, a visit over `--run-timeout`. Printed per round: sessions
held to the end (never dropped), runs completed without error, errors, page-ready
p50/p95/max of those runs, server RSS (psutil) before, after each round and its peak,
server and client CPU; then per page, the errors seen with the first URL that gave each,
and the ratios that say whether memory keeps growing from one identical round to the
next (exit status 1 on any error or on growth over 10% a round).

Closed sessions are kept by Streamlit for reconnection (`server.disconnectedSessionTTL`,
120 s by default, dropped only when another session closes after that). Here the server
gets `--session-ttl` (5 s), and after each round one probe session opens and closes once
the TTL is past, so memory is read with the round's sessions gone: RSS after round 2 does
not still hold round 1's sessions. The server is stopped on exit, Ctrl-C, SIGTERM or the
hard time cap, and dies with this process (PR_SET_PDEATHSIG). Only loopback is used: no
proxy, no usage statistics. The server's log is kept (and named) when something failed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psutil
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from lib.corpus.filters import FilterOptions, filter_options
from lib.corpus.load import load_corpus

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("", "map", "timeline", "quotes", "figures", "sources")  # url paths; "" is the overview
_HOST = "127.0.0.1"


# --- the server ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((_HOST, 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """In the child before exec: get SIGTERM when this benchmark dies, however it dies (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Server:
    """`streamlit run app.py` on 127.0.0.1:port, in its own process group, logging to a file."""

    def __init__(self, port: int, articles: Path, *, session_ttl: int) -> None:
        self.port = port
        self.articles = articles
        self.session_ttl = session_ttl
        self.log = Path(tempfile.mkstemp(prefix="load-test-streamlit-", suffix=".log")[1])
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{_HOST}:{self.port}"

    def start(self) -> None:
        env = {
            **os.environ,
            "ARTICLES_DIR": str(self.articles),
            "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        }
        command = [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true",
            "--server.address", _HOST,
            "--server.port", str(self.port),
            "--server.fileWatcherType", "none",
            "--server.runOnSave", "false",
            "--server.disconnectedSessionTTL", str(self.session_ttl),
            "--browser.gatherUsageStats", "false",
        ]  # fmt: skip
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=_die_with_parent,
            )  # fmt: skip

    def wait_healthy(self, timeout: float) -> None:
        """Poll /_stcore/health (no proxy) until it answers "ok"; fail early if the server exits."""
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                raise RuntimeError(f"the server exited during start-up:\n{self.log_tail()}")
            with (
                contextlib.suppress(OSError),
                opener.open(f"{self.url}/_stcore/health", timeout=2) as reply,
            ):
                if reply.status == 200 and reply.read().strip() == b"ok":
                    return
            time.sleep(0.2)
        raise RuntimeError(
            f"no answer from {self.url}/_stcore/health in {timeout:.0f} s:\n{self.log_tail()}"
        )

    def _processes(self) -> list[psutil.Process]:
        if self.process is None or self.process.poll() is not None:
            return []
        with contextlib.suppress(psutil.Error):
            root = psutil.Process(self.process.pid)
            return [root, *root.children(recursive=True)]
        return []

    def rss(self) -> int:
        """Resident memory of the server and any children, in bytes."""
        total = 0
        for proc in self._processes():
            with contextlib.suppress(psutil.Error):
                total += proc.memory_info().rss
        return total

    def cpu_seconds(self) -> float:
        total = 0.0
        for proc in self._processes():
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                total += times.user + times.system
        return total

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 20) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def stop(self) -> None:
        """SIGTERM to the server's own process group, SIGKILL after 10 s; idempotent."""
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@contextlib.contextmanager
def running(server: Server) -> Iterator[Server]:
    server.start()
    try:
        yield server
    finally:
        server.stop()


# --- what the sessions ask for ---------------------------------------------------------


@dataclass(frozen=True)
class Visit:
    page: str  # url path: "", "map", ...
    query: str  # without "?", as the browser sends it

    @property
    def label(self) -> str:
        return "/" + self.page


def plan_visit(rng: random.Random, options: FilterOptions) -> Visit:
    """A page and a filter the corpus can satisfy: none, dates, article, place, speaker, or two at once."""
    params: list[tuple[str, str]] = []
    kinds = rng.choice(
        [
            (),
            ("dates",),
            ("article",),
            ("place",),
            ("speaker",),
            ("dates", "place"),
            ("article", "speaker"),
        ]
    )
    if "dates" in kinds and options.first and options.last:
        start = options.first + (options.last - options.first) * rng.random() * 0.5
        end = start + (options.last - start) * rng.random()
        params += [("from", start.isoformat()), ("to", end.isoformat())]
    for kind, values in (
        ("article", options.articles),
        ("place", options.places),
        ("speaker", options.speakers),
    ):
        if kind in kinds and values:
            params += [
                (kind, value)
                for value in rng.sample(values, k=min(len(values), rng.choice((1, 1, 2))))
            ]
    return Visit(rng.choice(PAGES), urlencode(params))


# --- one session ------------------------------------------------------------------------


@dataclass
class RoundStats:
    """What one round saw; times are seconds from `rerun_script` sent to the last `script_finished`."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    errors_by_page: Counter[str] = field(default_factory=Counter)
    messages: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)  # message -> the first URL that gave it
    connections: int = 0
    held: int = 0
    open_now: int = 0
    rss_peak: int = 0

    @property
    def all_times(self) -> list[float]:
        return [t for times in self.times.values() for t in times]


class VisitFailed(Exception):
    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(detail or kind)
        self.kind = kind


async def visit(
    ws: ClientConnection, target: Visit, *, history: bool, hashes: dict[str, str]
) -> float:
    """One page view: send `rerun_script`, read ForwardMsgs until the run really ends.

    Returns the seconds until ready; raises VisitFailed for an exception element, a
    script that did not compile or a page that was not found.
    """
    state = ClientState(
        query_string=target.query,
        page_name=target.page,
        page_script_hash=hashes.get(target.page, ""),
        is_history_navigation=history,
    )
    started = time.perf_counter()
    await ws.send(BackMsg(rerun_script=state).SerializeToString())
    failure: VisitFailed | None = None
    while True:
        message = ForwardMsg()
        message.ParseFromString(await ws.recv())
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.new_element.WhichOneof("type") == "exception":
            text = message.delta.new_element.exception
            failure = failure or VisitFailed(
                "exception", f"{text.type}: {text.message}".splitlines()[0][:160]
            )
        elif kind == "page_not_found":
            failure = failure or VisitFailed("page_not_found", f"page not found: {target.label}")
        elif kind == "navigation":
            hashes.update(
                {p.url_pathname: p.page_script_hash for p in message.navigation.app_pages}
            )
        elif kind == "script_finished":
            status = message.script_finished
            if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue  # st.rerun(): the page is not ready yet
            if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                failure = failure or VisitFailed("compile_error", "script did not compile")
            if failure:
                raise failure
            return time.perf_counter() - started


async def drive_session(
    index: int,
    server: Server,
    options: FilterOptions,
    stats: RoundStats,
    *,
    deadline: float,
    think: float,
    run_timeout: float,
    seed: int,
) -> None:
    """One reader until the deadline: connect, visit, pause; reconnect as a new tab if the link drops."""
    rng = random.Random(seed * 100_003 + index)
    await asyncio.sleep(
        rng.random() * min(2.0, think * 2)
    )  # tabs do not open in the same millisecond
    held = True
    while time.monotonic() < deadline:
        stats.connections += 1
        try:
            ws = await connect(
                f"ws://{_HOST}:{server.port}/_stcore/stream",
                subprotocols=["streamlit"],
                proxy=None, max_size=None, open_timeout=run_timeout, ping_interval=None,
            )  # fmt: skip
        except (OSError, InvalidHandshake, TimeoutError) as e:
            stats.errors["connect"] += 1
            stats.messages[f"connect: {type(e).__name__}: {e}"[:160]] += 1
            held = False
            if not server.alive():
                break
            await asyncio.sleep(1.0)
            continue
        stats.open_now += 1
        hashes: dict[str, str] = {}
        first = True
        try:
            while time.monotonic() < deadline:
                target = plan_visit(rng, options)
                try:
                    seconds = await asyncio.wait_for(
                        visit(ws, target, history=not first, hashes=hashes), run_timeout
                    )
                except VisitFailed as e:
                    stats.errors[e.kind] += 1
                    stats.errors_by_page[target.label] += 1
                    text = f"{e.kind}: {e}" + (" [a tab's first visit]" if first else "")
                    stats.messages[text] += 1
                    stats.examples.setdefault(text, f"{target.label}?{target.query}")
                except TimeoutError:
                    stats.errors["timeout"] += 1
                    stats.errors_by_page[target.label] += 1
                    stats.messages[
                        f"timeout: {target.label}?{target.query} over {run_timeout:.0f} s"
                    ] += 1
                    held = False
                    break  # the run may still be going: this tab is given up, a new one opens
                except asyncio.CancelledError:
                    stats.errors["timeout"] += 1
                    stats.messages["timeout: a visit cut off by the round's time cap"] += 1
                    raise
                else:
                    stats.times[target.label].append(seconds)
                first = False
                await asyncio.sleep(rng.uniform(0, 2 * think))
        except ConnectionClosed as e:
            stats.errors["disconnect"] += 1
            stats.messages[f"disconnect: {e}"[:160]] += 1
            held = False
        finally:
            stats.open_now -= 1
            with contextlib.suppress(Exception):
                await ws.close()
    stats.held += held


async def sample_memory(server: Server, stats: RoundStats, every: float = 0.5) -> None:
    while True:
        stats.rss_peak = max(stats.rss_peak, server.rss())
        await asyncio.sleep(every)


async def sweep_closed_sessions(server: Server, ttl: int) -> None:
    """Let the round's closed sessions expire, then make the server drop them.

    Streamlit keeps a closed session for reconnection in a TTL cache that forgets expired
    entries only when it is next written to, i.e. when another session closes; so wait
    out the TTL, then open and close one probe session.
    """
    await asyncio.sleep(ttl + 1)
    with contextlib.suppress(OSError, InvalidHandshake, TimeoutError, ConnectionClosed):
        async with connect(
            f"ws://{_HOST}:{server.port}/_stcore/stream", subprotocols=["streamlit"], proxy=None
        ):
            pass
    await asyncio.sleep(1)


async def run_round(
    server: Server, options: FilterOptions, args: argparse.Namespace, number: int
) -> RoundStats:
    stats = RoundStats()
    deadline = time.monotonic() + args.seconds
    sampler = asyncio.create_task(sample_memory(server, stats))
    sessions = [
        asyncio.create_task(drive_session(
            i, server, options, stats, deadline=deadline, think=args.think,
            run_timeout=args.run_timeout, seed=args.seed,
        ))
        for i in range(args.sessions)
    ]  # fmt: skip
    try:
        # A visit started just before the deadline may take up to run_timeout to end;
        # one still going at the cap is counted as a timeout in drive_session.
        _, late = await asyncio.wait(sessions, timeout=args.seconds + args.run_timeout + 15)
        if late:
            print(
                f"round {number}: {len(late)} sessions stopped at the round's time cap",
                file=sys.stderr,
            )
    finally:
        for task in (*sessions, sampler):
            task.cancel()
        outcomes = await asyncio.gather(*sessions, sampler, return_exceptions=True)
    for outcome in outcomes:
        if isinstance(outcome, Exception):
            raise outcome  # a bug in this benchmark, not an error of the app
    return stats


# --- the report ------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), nearest rank; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def _mb(size: int) -> str:
    return f"{size / 2**20:,.0f}"


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print(
            "  ".join(
                cell.rjust(w) if i else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))


def ratio_line(label: str, value: str) -> None:
    print(f"  {label:<34} {value}")


@dataclass
class RoundResult:
    stats: RoundStats
    rss_after: int
    server_cpu: float
    client_cpu: float
    wall: float


def report(
    args: argparse.Namespace, options: FilterOptions, rss_before: int, results: list[RoundResult]
) -> bool:
    """Print the tables and ratios; True when there were no errors and memory did not keep growing."""
    print(
        f"\n{args.sessions} sessions x {args.seconds:.0f} s x {len(results)} round(s), think ~{args.think:.1f} s; "
        f"corpus: {len(options.articles)} articles, {len(options.places)} places, {len(options.speakers)} speakers"
    )
    rows = [["round", "held", "conns", "runs", "runs/s", "errors", "exc", "disc", "tmo", "p50 ms", "p95 ms",
             "max ms", "RSS after MB", "RSS peak MB", "server CPU s", "client CPU s"]]  # fmt: skip
    for n, r in enumerate(results, 1):
        times, e = r.stats.all_times, r.stats.errors
        rows.append([
            str(n), f"{r.stats.held}/{args.sessions}", str(r.stats.connections), str(len(times)),
            f"{len(times) / r.wall:.1f}", str(sum(e.values())), str(e["exception"] + e["compile_error"] + e["page_not_found"]),
            str(e["disconnect"] + e["connect"]), str(e["timeout"]), _ms(percentile(times, 50)),
            _ms(percentile(times, 95)), _ms(max(times, default=0)), _mb(r.rss_after), _mb(r.stats.rss_peak),
            f"{r.server_cpu:.1f}", f"{r.client_cpu:.1f}",
        ])  # fmt: skip
    print_table(rows)

    print("\nper page, all rounds")
    pages = [["page", "runs", "errors", "p50 ms", "p95 ms", "max ms"]]
    for page in PAGES:
        label = "/" + page
        times = [t for r in results for t in r.stats.times[label]]
        errors = sum(r.stats.errors_by_page[label] for r in results)
        pages.append(
            [
                label,
                str(len(times)),
                str(errors),
                _ms(percentile(times, 50)),
                _ms(percentile(times, 95)),
                _ms(max(times, default=0)),
            ]
        )
    print_table(pages)

    messages = sum((r.stats.messages for r in results), Counter())
    examples = {k: v for r in reversed(results) for k, v in r.stats.examples.items()}
    if messages:
        print("\nerrors seen (count, message, first URL)")
        for text, count in messages.most_common(10):
            print(
                f"  {count:5d} x {text}"
                + (f"\n          at {examples[text]}" if text in examples else "")
            )

    times = [t for r in results for t in r.stats.all_times]
    p50, p95 = percentile(times, 50), percentile(times, 95)
    print(f"\nserver RSS: before {_mb(rss_before)} MB (started, no session yet); "
          + "; ".join(f"after round {n} {_mb(r.rss_after)} MB" for n, r in enumerate(results, 1)))  # fmt: skip
    print("ratios:")
    ratio_line("p95 / p50 page-ready time", f"{p95 / p50 if p50 else 0:.2f}")
    ratio_line("RSS after round 1 / before", f"{results[0].rss_after / max(rss_before, 1):.2f}")
    growing = False
    for n in range(1, len(results)):
        ratio = results[n].rss_after / max(results[n - 1].rss_after, 1)
        growth = results[n].rss_after - results[n - 1].rss_after
        growing |= ratio > 1.10
        ratio_line(
            f"RSS after round {n + 1} / round {n}", f"{ratio:.2f}  ({growth / 2**20:+,.0f} MB)"
        )
        p50_prev = percentile(results[n - 1].stats.all_times, 50)
        if p50_prev:
            ratio_line(
                f"p50 round {n + 1} / round {n}",
                f"{percentile(results[n].stats.all_times, 50) / p50_prev:.2f}",
            )
    server_cpu = sum(r.server_cpu for r in results)
    if times:
        ratio_line("server CPU per page view", f"{server_cpu / len(times) * 1000:,.0f} ms")
    errors = sum(sum(r.stats.errors.values()) for r in results)
    verdict = "no errors" if not errors else f"{errors} errors"
    if len(results) > 1:
        verdict += "; memory " + (
            "kept growing (> 10% a round)" if growing else "steady between identical rounds"
        )
    print(f"\n{verdict}")
    return not errors and not growing


# --- main -------------------------------------------------------------------------------


class HardCap(SystemExit):
    """Raised by the alarm: the whole benchmark ran past its time cap."""


def _raise_exit(signum: int, _frame: object) -> None:
    if signum == signal.SIGALRM:
        raise HardCap(f"hard time cap reached: stopping ({signal.Signals(signum).name})")
    raise SystemExit(128 + signum)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load_test", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--sessions", type=int, default=30, help="concurrent sessions (default 30)")
    parser.add_argument("--seconds", type=float, default=60, help="length of a round (default 60)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="identical rounds, to see memory over time (default 1)",
    )
    parser.add_argument(
        "--articles",
        type=Path,
        default=None,
        help="ARTICLES_DIR for the server (default: the app's, seeds/)",
    )
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="mean pause between a session's visits, s (default 1)",
    )
    parser.add_argument(
        "--run-timeout",
        type=float,
        default=60,
        help="a visit slower than this is an error (default 60 s)",
    )
    parser.add_argument(
        "--session-ttl", type=int, default=5, help="server.disconnectedSessionTTL, s (default 5)"
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="the visits drawn (the same each round)"
    )
    parser.add_argument(
        "--hard-cap", type=float, default=None, help="stop everything after this many seconds"
    )
    args = parser.parse_args(argv)
    if args.sessions < 1 or args.seconds <= 0 or args.rounds < 1:
        parser.error("--sessions, --seconds and --rounds must be positive")
    if args.hard_cap is None:
        args.hard_cap = 120 + args.rounds * (
            args.seconds + args.run_timeout + args.session_ttl + 40
        )
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    folder = (args.articles or Path(os.environ.get("ARTICLES_DIR") or ROOT / "seeds")).resolve()
    options = filter_options(load_corpus(folder, cache_dir=None))
    if not options.articles:
        print(f"no article loads from {folder}: nothing to filter on", file=sys.stderr)
        return 2
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGALRM):
        signal.signal(signum, _raise_exit)
    signal.alarm(int(args.hard_cap) + 1)
    server = Server(free_port(), folder, session_ttl=args.session_ttl)
    print(f"server: {server.url} (ARTICLES_DIR={folder}); log: {server.log}")
    try:
        with running(server):
            server.wait_healthy(timeout=90)
            time.sleep(2)
            rss_before = server.rss()
            results = []
            for number in range(1, args.rounds + 1):
                cpu0, client0, wall0 = server.cpu_seconds(), time.process_time(), time.monotonic()
                stats = asyncio.run(run_round(server, options, args, number))
                wall = time.monotonic() - wall0
                cpu1, client1 = server.cpu_seconds(), time.process_time()
                if not server.alive():
                    print(
                        f"the server died during round {number}:\n{server.log_tail()}",
                        file=sys.stderr,
                    )
                    return 1
                asyncio.run(sweep_closed_sessions(server, args.session_ttl))
                results.append(
                    RoundResult(stats, server.rss(), cpu1 - cpu0, client1 - client0, wall)
                )
                print(
                    f"round {number}: {len(stats.all_times)} runs, {sum(stats.errors.values())} errors"
                )
    except KeyboardInterrupt:
        print("interrupted: server stopped", file=sys.stderr)
        return 130
    except HardCap as e:
        print(f"{e}; server stopped", file=sys.stderr)
        return 1
    finally:
        signal.alarm(0)
    if report(args, options, rss_before, results):
        server.log.unlink(missing_ok=True)
        return 0
    print(f"server log: {server.log}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
