"""What the browser tests share: the test corpus, one `streamlit run app.py` over it, Debian's Chromium, a tab.

`tests/test_browser.py` and `tests/test_browser_newsroom.py` import these fixtures; each
module gets its own server (module scope) over a test corpus built in a temporary folder:
the seeds, three golden articles and one hostile article whose text tries every way of
becoming markup (HTML, `javascript:` links, Markdown links and images, Streamlit's
`:red[...]`, LaTeX, emoji shortcodes, a 5,000-character word) inside sentences that still
make facts. Each test gets a fresh browser context, so a fresh Streamlit session. The
browser never leaves loopback: other requests (the Carto basemap tiles) are aborted and
recorded, so the map is checked as it looks offline.

Debian's Chromium only (`/usr/bin/chromium`, installed by `.ci/run`); no browser is ever
downloaded. Without it the tests are skipped, with the reason, except under `CI` where
they fail. Screenshots go to `test-artifacts/screenshots/`, and one of the last state of
any failed test, named `FAILED-<test>.png`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

try:
    from playwright.sync_api import Browser, Page, expect, sync_playwright
except ImportError:  # reported by the `chromium` fixture: skipped, or failed under CI
    sync_playwright = None

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
GOLDEN = ("301_aljazeera", "103_broadsheet", "203_translated_french")
HOSTILE = "999_hostile"
WAIT = 60_000  # ms: a page's first run extracts the corpus; later runs take a second or two
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# The hostile article. Each line still makes a fact (a place, a quote with its speaker, a
# figure with a date), so its text reaches every page: reader, quote cards, tooltips, hovers.
LONG_WORD = "W" * 5000
SPECIALS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '<iframe src="javascript:alert(3)"></iframe>',
    '<a href="javascript:alert(4)">javascript:alert(4)</a>',
    "[click](javascript:alert(5))",
    "![x](http://127.0.0.1:1/x.png)",
    ":red[RED]",
    "$x^2$",
    ":smile:",
)
HOSTILE_TEXT = f"""Hostile test: <script>alert(1)</script> in Calais
Test Wire

CALAIS - Four people died off Calais on 12 July 2024, rescuers said, after a boat marked <img src=x onerror=alert(2)> sank near Wimereux.

"<b>bold</b> words," said Jean Dupont. A flyer showed <iframe src="javascript:alert(3)"></iframe> and a link <a href="javascript:alert(4)">javascript:alert(4)</a> in Dunkirk.

"We saw [click](javascript:alert(5)) and ![x](http://127.0.0.1:1/x.png) with :red[RED] and $x^2$ and :smile: on the beach," said Marie Curieux, a volunteer in Boulogne-sur-Mer.

The banner read :red[RED] and $x^2$ with :smile: beside it, and 30 people crossed from Gravelines on 12 July 2024.

Another line: {LONG_WORD} was painted near Calais.
"""
HOSTILE_META = {
    "title": "Hostile <script>alert(1)</script> :red[RED]",
    "outlet": "Test <b>Wire</b>",
    "published": "2024-07-13",
}

# Anything article text could have turned into live markup, found in the DOM (SVG included).
INJECTED_JS = r"""
() => {
  const found = [];
  const selectors = ['img[src="x"]', 'img[src*="127.0.0.1:1"]', 'iframe[src^="javascript"]',
                     'a[href^="javascript"]', '[onerror]', '.katex'];
  for (const s of selectors) {
    for (const e of document.querySelectorAll(s)) found.push(s + ': ' + e.outerHTML.slice(0, 120));
  }
  for (const e of document.querySelectorAll('script')) {
    if (/alert\(\d\)/.test(e.textContent)) found.push('script: ' + e.outerHTML.slice(0, 120));
  }
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      if (/^\s*javascript:/i.test(a.value)) found.push(`[${a.name}=${a.value.slice(0, 40)}] on <${e.tagName}>`);
    }
  }
  return found;
}
"""


# The pydeck Deck instance behind the map's canvas, found through React's fiber tree
# (Streamlit keeps it in a hook's ref; `window.deck` is only deck.gl's version namespace).
DECK_JS = r"""
() => {
  const canvas = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
  if (!canvas) return null;
  const key = Object.keys(canvas).find(k => k.startsWith('__reactFiber'));
  for (let fiber = key && canvas[key]; fiber; fiber = fiber.return) {
    for (let hook = fiber.memoizedState; hook && typeof hook === 'object'; hook = hook.next) {
      const v = hook.memoizedState;
      for (const x of [v, v && v.current, v && v.current && v.current.deck, v && v.deck]) {
        if (x && typeof x === 'object' && x.layerManager && x.props) return x;
      }
    }
  }
  return null;
}
"""

# The server, the browser, the tab.


def ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Debian's Chromium, or a skip (a failure under CI) saying what is missing."""
    missing = None
    if sync_playwright is None:
        missing = "the playwright package is not installed (pip install -r requirements-dev.txt)"
    elif not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        missing = f"{CHROMIUM} not found (apt-get install chromium, as .ci/run does)"
    if missing:
        if ci():
            pytest.fail(f"browser tests must run under CI, but {missing}")
        pytest.skip(f"browser tests need Debian's Chromium: {missing}")
    return CHROMIUM


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory) -> Path:
    """seeds/, three golden articles (with their sidecars) and the hostile article with a sidecar."""
    folder = tmp_path_factory.mktemp("articles")
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(path, folder)
    for name in GOLDEN:
        for path in (ROOT / "tests" / "articles").glob(f"{name}.*"):
            shutil.copy(path, folder)
    (folder / f"{HOSTILE}.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / f"{HOSTILE}.meta.json").write_text(json.dumps(HOSTILE_META), encoding="utf-8")
    return folder


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def serve(corpus_folder: Path, work: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free loopback port over `corpus_folder`, until the block ends."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = work / "streamlit.log"
    env = {
        **os.environ,
        "ARTICLES_DIR": str(corpus_folder),
        "FACTS_CACHE_DIR": str(work / "cache"),
        "ALLOW_LOCAL_FETCH": "1",  # links to the tests' own server on 127.0.0.1 (tests/local_site.py)
    }
    command = [sys.executable, "-m", "streamlit", "run", "app.py",
               "--server.headless", "true", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]  # fmt: skip
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"streamlit did not come up on {url} (exit status {process.poll()}):\n"
                    + log_path.read_text(errors="replace")[-3000:]
                )
            time.sleep(0.25)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(chromium, corpus_folder, tmp_path_factory) -> Iterator[str]:
    """The module's server over the test corpus; stopped at teardown."""
    with serve(corpus_folder, tmp_path_factory.mktemp("server")) as url:
        yield url


_RUN = {"cleaned": False}


@pytest.fixture(scope="module")
def browser(chromium) -> Iterator[Browser]:
    """One headless Chromium for the module (pages run in sequence, each in a fresh context)."""
    if not _RUN["cleaned"]:  # once a run, not once a module: a later module keeps an earlier one's
        _RUN["cleaned"] = True
        for stale in SCREENSHOTS.glob("FAILED-*.png"):  # from an earlier run: they would mislead
            stale.unlink()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@dataclass
class Tab:
    """A page of the dashboard in its own browser context (its own Streamlit session)."""

    page: Page
    base: str
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)  # requests off loopback, aborted
    # every request the pages made, the aborted ones too
    requests: list[str] = field(default_factory=list)

    def open(self, path: str, heading: str) -> None:
        """Go to `path` (a copied link) and wait until the page titled `heading` has rendered."""
        self.page.goto(self.base + path, wait_until="domcontentloaded")
        self.settle(heading)

    def settle(self, heading: str) -> None:
        """Wait for the `heading` (or an exception box), then for the run to finish; no exception."""
        title = self.page.locator("h1").filter(has_text=heading)
        exception = self.page.locator('[data-testid="stException"]')
        title.or_(exception).first.wait_for(timeout=WAIT)
        self.page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=WAIT
        )
        assert exception.count() == 0, exception.all_inner_texts()

    def shot(self, name: str, *, tallest: int = 8000) -> None:
        """The whole page as `name`.png: Streamlit scrolls inside its main block, not the
        document, so the window is made as tall as that block (at most `tallest` px) for the picture."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        viewport = self.page.viewport_size or DESKTOP
        height = self.page.evaluate(
            "() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 0"
        )
        tall = min(max(height, viewport["height"]), tallest)
        if tall > viewport["height"]:
            self.page.set_viewport_size({"width": viewport["width"], "height": tall})
            self.page.wait_for_timeout(300)
        try:
            self.page.screenshot(path=SCREENSHOTS / f"{name}.png")
        finally:
            self.page.set_viewport_size(viewport)

    def assert_inert(self) -> None:
        """No dialog opened, nothing injected, no request for the hostile image."""
        assert self.dialogs == []
        assert self.page.evaluate(INJECTED_JS) == []
        assert [u for u in self.blocked if "127.0.0.1:1/" in u] == []
        assert "\U0001f604" not in self.page.inner_text("body")  # :smile: stays a shortcode


def new_tab(
    browser: Browser,
    server: str,
    request,
    viewport: dict[str, int],
    *,
    color_scheme: str | None = None,
) -> Iterator[Tab]:
    """A fresh context (a new reader) on `server`; `color_scheme` "dark" or "light" is the system setting it reports."""
    options = {"color_scheme": color_scheme} if color_scheme else {}
    context = browser.new_context(viewport=viewport, accept_downloads=True, **options)
    tab = Tab(page=context.new_page(), base=server)
    context.on("request", lambda r: tab.requests.append(r.url))

    def block(route) -> None:  # loopback only: tiles and anything else outside fail, as offline
        tab.blocked.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])"), block)
    tab.page.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    failed_before = request.session.testsfailed
    try:
        yield tab
    finally:
        # testsfailed already counts this test's call phase when its fixtures tear down.
        if request.session.testsfailed > failed_before:
            with contextlib.suppress(Exception):
                tab.shot("FAILED-" + re.sub(r"[^\w.-]+", "_", request.node.name))
        context.close()


@pytest.fixture
def tab(browser, server, request) -> Iterator[Tab]:
    """A 1280x900 desktop tab on the module's server, in a context of its own."""
    yield from new_tab(browser, server, request, DESKTOP)


@pytest.fixture
def phone(browser, server, request) -> Iterator[Tab]:
    """A 390x844 phone tab on the module's server, in a context of its own."""
    yield from new_tab(browser, server, request, PHONE)


# What each page shows once rendered.


PAGES = {
    "overview": ("/", "Channel crossings in the news", '[data-testid="stMetric"]'),
    "map": ("/map", "Map of places named", '[data-testid="stDeckGlJsonChart"] canvas'),
    "timeline": ("/timeline", "Timeline", ".js-plotly-plot"),
    "quotes": ("/quotes", "Quotes", ".quote-card"),
    "figures": ("/figures", "Figures", ".js-plotly-plot"),
    "sources": ("/sources", "Sources", ".article-reader"),
}


def timeline_points(tab: Tab):
    """The points of the articles' timeline (`timeline_chart`), once drawn."""
    points = tab.page.locator(".st-key-timeline_chart .js-plotly-plot .scatterlayer path.point")
    expect(points.first).to_be_visible(timeout=WAIT)
    return points


def hover_text(tab: Tab, point) -> str:
    """The hover label of a timeline point, hovered with the mouse."""
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    tab.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    hover = tab.page.locator(".st-key-timeline_chart .js-plotly-plot .hoverlayer .hovertext")
    with contextlib.suppress(Exception):
        hover.first.wait_for(timeout=1500)
    return " ".join(t or "" for t in (h.text_content() for h in hover.all()))


def deck(tab: Tab, expression: str):
    """`expression` evaluated with `deck` bound to the map's Deck (waits until it exists)."""
    tab.page.wait_for_function(f"() => !!({DECK_JS})()", timeout=WAIT)
    return tab.page.evaluate(f"() => {{ const deck = ({DECK_JS})(); return {expression}; }}")
