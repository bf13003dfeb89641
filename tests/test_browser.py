"""The dashboard in a real headless Chromium: what AppTest cannot see (maps, charts, clicks, the URL, layout).

One `streamlit run app.py` serves the whole module from a test corpus built in a temporary
folder (the server, the browser and the tab are in `tests/browser_support.py`): the seeds,
three golden articles and one hostile article whose text tries every way of becoming
markup (HTML, `javascript:` links, Markdown links and images, Streamlit's `:red[...]`,
LaTeX, emoji shortcodes, a 5,000-character word) inside sentences that still make facts.
One browser serves every test; each test gets a fresh context, so a fresh Streamlit
session. The browser never leaves loopback: other requests (the Carto basemap tiles) are
aborted, so the map is checked as it looks offline.

Debian's Chromium only (`/usr/bin/chromium`, installed by `.ci/run`); no browser is ever
downloaded. Without it the tests are skipped, with the reason, except under `CI` where
they fail. Screenshots of every page go to `test-artifacts/screenshots/`, and one of the
last state of any failed test, named `FAILED-<test>.png`.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import time
from collections.abc import Iterator

import browser_support as support
import pytest
from browser_support import (
    DESKTOP,
    HOSTILE,
    HOSTILE_META,
    HOSTILE_TEXT,
    LONG_WORD,
    PAGES,
    ROOT,
    SPECIALS,
    WAIT,
    Tab,
    deck,
    hover_text,
    new_tab,
    serve,
    timeline_points,
)

try:
    from playwright.sync_api import expect
except ImportError:  # reported by the `chromium` fixture: skipped, or failed under CI
    expect = None

pytestmark = pytest.mark.browser

# The shared fixtures (tests/browser_support.py), here so that pytest finds them by name.
chromium, corpus_folder, server, browser = (
    support.chromium, support.corpus_folder, support.server, support.browser
)  # fmt: skip
tab, phone = support.tab, support.phone


# Helpers of this module's tests.


def _quote_speakers(tab: Tab) -> list[str]:
    """The speakers of the quote cards, once every card the page counts is drawn."""
    counted = tab.page.get_by_text(re.compile(r"^\d+ quote\(s\) from")).first
    expect(counted).to_be_visible(timeout=WAIT)
    expected = int(counted.inner_text().split()[0])
    expect(tab.page.locator(".quote-card")).to_have_count(expected, timeout=WAIT)
    return [
        s.split(",")[0] for s in tab.page.locator(".quote-card .quote-speaker").all_inner_texts()
    ]


def _grid_rows(tab: Tab, nth: int = 0) -> int:
    """Data rows of the nth st.dataframe (glide-data-grid's aria-rowcount counts the header)."""
    grid = tab.page.locator('[data-testid="stDataFrame"] [role="grid"]').nth(nth)
    return int(grid.get_attribute("aria-rowcount", timeout=WAIT)) - 1


def _timeline_point(tab: Tab, words: str):
    """The timeline point whose hover text holds `words` (found in plotly's data, not by hovering)."""
    found = tab.page.evaluate(
        """(words) => {
        for (const group of document.querySelectorAll('.st-key-timeline_chart .js-plotly-plot .scatterlayer g.trace')) {
          const trace = group.__data__ && group.__data__[0] && group.__data__[0].trace;
          const i = trace ? (trace.hovertext || []).findIndex(h => String(h).includes(words)) : -1;
          const points = group.querySelectorAll('path.point');
          if (i >= 0 && points[i]) { points[i].setAttribute('data-test-point', words); return true; }
        }
        return false; }""",
        words,
    )
    assert found, f"no timeline point about {words!r}"
    return tab.page.locator(f'[data-test-point="{words}"]')


def _map_ink(tab: Tab) -> tuple[float, float]:
    """(pixel standard deviation, share of dark pixels) of the map as drawn."""
    from PIL import Image, ImageStat

    image = Image.open(
        io.BytesIO(tab.page.locator('[data-testid="stDeckGlJsonChart"]').screenshot())
    )
    grey = image.convert("L")
    dark = sum(grey.histogram()[:100]) / (grey.width * grey.height)
    return ImageStat.Stat(grey).stddev[0], dark


def _hover_places(tab: Tab) -> dict[str, str]:
    """Hover every dot inside the map's view; returns place name -> tooltip text."""
    dots = deck(
        tab,
        """(() => {
        const viewport = deck.getViewports()[0];
        const layer = deck.props.layers.find(l => l.id === 'places');
        return layer.props.data.map(p => [p.name, ...viewport.project([p.lon, p.lat])]);
      })()""",
    )
    canvas = tab.page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    tips = {}
    for name, x, y in dots:
        if not (10 < x < box["width"] - 10 and 10 < y < box["height"] - 10):
            continue
        tab.page.mouse.move(box["x"] + x, box["y"] + y)
        tip = tab.page.locator(".deck-tooltip")
        with contextlib.suppress(Exception):
            expect(tip).to_contain_text(name, timeout=3000)
            tips[name] = tip.inner_text()
    return tips


# Every page.


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_with_its_content(tab, name):
    path, heading, content = PAGES[name]
    tab.open(path, heading)
    expect(tab.page.locator(content).first).to_be_visible(timeout=WAIT)
    if name in ("timeline", "figures"):  # plotly draws after the element appears
        expect(tab.page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=WAIT)
    tab.shot(name)
    assert tab.page.locator('[data-testid="stException"]').count() == 0
    tab.assert_inert()


@pytest.mark.parametrize("name", PAGES)
def test_phone_width_has_no_horizontal_overflow(phone, name):
    path, heading, content = PAGES[name]
    phone.open(path, heading)
    expect(phone.page.locator(content).first).to_be_visible(timeout=WAIT)
    phone.shot(f"phone-{name}")
    widths = phone.page.evaluate("""() => {
        const out = {document: [document.documentElement.scrollWidth, window.innerWidth]};
        for (const id of ['stMain', 'stMainBlockContainer']) {
          const e = document.querySelector(`[data-testid="${id}"]`);
          out[id] = [e.scrollWidth, e.clientWidth];
        }
        return out;
      }""")
    overflowing = {k: v for k, v in widths.items() if v[0] > v[1] + 1}
    assert overflowing == {}, f"wider than the screen (scroll width, visible width): {overflowing}"


def test_phone_width_hostile_article_in_the_reader(phone):
    """The 5,000-character word stays inside the reader's box, not the page."""
    phone.open(f"/sources?article={HOSTILE}", "Sources")
    reader = phone.page.locator(".article-reader")
    expect(reader).to_contain_text(LONG_WORD[:50], timeout=WAIT)
    phone.shot("phone-sources-hostile")
    widths = phone.page.evaluate("""() => ['stMain', 'stMainBlockContainer'].map(id => {
        const e = document.querySelector(`[data-testid="${id}"]`); return [e.scrollWidth, e.clientWidth]; })""")
    assert all(scroll <= visible + 1 for scroll, visible in widths), widths
    assert phone.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# The URL.


def test_shared_link_shows_one_speaker(tab):
    tab.open("/quotes", "Quotes")
    expect(tab.page.locator(".quote-card").first).to_be_visible(timeout=WAIT)
    everyone = set(_quote_speakers(tab))
    assert {"Emmanuel Macron", "Boris Johnson"} <= everyone

    tab.open("/quotes?speaker=Emmanuel+Macron", "Quotes")
    expect(tab.page.locator(".quote-card").first).to_be_visible(timeout=WAIT)
    tab.shot("quotes-speaker-macron")
    assert set(_quote_speakers(tab)) == {"Emmanuel Macron"}
    words = " ".join(tab.page.locator(".quote-card .quote-text").all_inner_texts())
    assert "France will not let the Channel become a cemetery" in words
    assert "shocked, appalled" not in words  # Johnson's, in the same article
    expect(tab.page.locator(".st-key-speaker")).to_contain_text("Emmanuel Macron")


def test_date_range_in_the_url_narrows_the_timeline(tab):
    tab.open("/timeline", "Timeline")
    every_point, every_row = timeline_points(tab).count(), _grid_rows(tab)

    tab.open("/timeline?from=2021-11-24&to=2021-11-24", "Timeline")
    points, rows = timeline_points(tab).count(), _grid_rows(tab)
    tab.shot("timeline-2021-11-24")
    assert 0 < points < every_point
    assert 0 < rows < every_row
    # facts about the 24th, and those about a span holding it (2021 so far: drawn at its last day)
    assert re.search(r"dated facts from 2021-11-24 to \d{4}-\d\d-\d\d", tab.page.inner_text("body"))


def test_clicking_a_timeline_point_shows_its_source(tab):
    tab.open("/timeline?from=2021-11-24&to=2021-11-24", "Timeline")
    point = timeline_points(tab).first
    hover = hover_text(tab, point)
    assert "2021-11-24" in hover
    point.click(force=True)  # the hover label may sit over the point
    source = tab.page.locator(".timeline-source")
    expect(source.first).to_be_visible(timeout=WAIT)
    tab.shot("timeline-clicked")
    label = source.first.locator("b").inner_text()
    assert label and label in hover  # the clicked point's own fact
    assert re.search(r"From: .+ \(characters \d+–\d+\)", source.first.inner_text())


# The map, offline.


def test_map_draws_place_names_without_basemap_tiles(tab):
    tab.open("/map", "Map of places named")
    expect(tab.page.locator('[data-testid="stDeckGlJsonChart"] canvas').first).to_be_visible(
        timeout=WAIT
    )
    layers = deck(
        tab,
        """deck.layerManager.getLayers().map(l => ({id: l.id, type: l.constructor.layerName,
            labels: (l.props.data || []).map(d => d.label).filter(Boolean)}))""",
    )
    text_layers = [layer for layer in layers if layer["type"] == "TextLayer"]
    assert text_layers, [layer["type"] for layer in layers]
    # The first view names the places whose labels clear one another (lib/show/maps.py
    # place_labels: Wimereux's would print over Calais's); every place keeps its dot and row.
    assert "Calais" in set(text_layers[0]["labels"])

    deadline = time.monotonic() + 15  # glyphs are drawn once the font atlas is ready
    spread, dark = _map_ink(tab)
    while dark < 0.002 and time.monotonic() < deadline:
        tab.page.wait_for_timeout(500)
        spread, dark = _map_ink(tab)
    tab.shot("map-offline")
    assert spread > 10 and dark >= 0.002, f"map looks blank: stddev {spread:.1f}, dark {dark:.4f}"

    # The table is drawn on a canvas; glide-data-grid keeps an accessible copy of the rows shown.
    names = tab.page.locator('[data-testid="stDataFrame"] td[aria-colindex="1"]')
    names.first.wait_for(state="attached", timeout=WAIT)
    assert {"Calais", "Wimereux"} <= {n.strip() for n in names.all_text_contents()}


def test_map_labels_keep_accented_letters(tab):
    # Équihen-Plage alone: at the whole corpus's first view its label gives way to its neighbours'
    tab.open("/map?place=%C3%89quihen-Plage", "Map of places named")
    labels, characters = deck(
        tab,
        """(() => { const l = deck.props.layers.find(l => l.constructor.layerName === 'TextLayer');
            const set = l.props.characterSet;
            return [l.props.data.map(d => d.label), set === 'auto' ? 'auto' : Array.from(set).join('')]; })()""",
    )
    assert any(not label.isascii() for label in labels)  # the corpus names Équihen-Plage
    if characters != "auto":
        missing = {c for label in labels for c in label if c not in characters}
        assert missing == set(), f"letters the map cannot draw: {sorted(missing)}"


def test_timeline_hover_shows_quotation_marks_as_typed(tab):
    tab.open("/timeline?speaker=Marie+Curieux", "Timeline")
    timeline_points(tab)
    hover = hover_text(tab, _timeline_point(tab, "We saw"))
    assert '"We saw [click](javascript:alert(5))' in hover, hover
    tab.assert_inert()


def test_long_word_in_a_timeline_source_stays_on_the_page(phone):
    phone.open(f"/timeline?article={HOSTILE}", "Timeline")
    timeline_points(phone)
    _timeline_point(phone, "WWWW").click(force=True)
    source = phone.page.locator(".timeline-source")
    expect(source.first).to_contain_text(LONG_WORD[:50], timeout=WAIT)
    phone.shot("phone-timeline-long-word")
    widths = phone.page.evaluate("""() => ['stMain', 'stMainBlockContainer'].map(id => {
        const e = document.querySelector(`[data-testid="${id}"]`); return [e.scrollWidth, e.clientWidth]; })""")
    assert all(scroll <= visible + 1 for scroll, visible in widths), widths


# Figures: the official context.


def test_figures_page_has_the_official_context(tab):
    tab.open("/figures", "Figures")
    heading = tab.page.locator("h3#official-context")
    expect(heading).to_have_text(re.compile("Official context"), timeout=WAIT)
    for key in ("official_yearly", "official_monthly", "official_deaths"):
        chart = tab.page.locator(f".st-key-{key} .js-plotly-plot .main-svg").first
        expect(chart).to_be_visible(timeout=10_000)
    claims_tables = tab.page.evaluate("""() => {
        const h = document.querySelector('h3#official-context');
        return [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(t =>
          h.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING
          && !t.closest('[data-testid="stExpander"]')).length; }""")
    heading.scroll_into_view_if_needed()
    tab.shot("figures-official-context")
    assert claims_tables >= 1


# Hardening: the hostile article, on every page.


def _assert_literal(text: str, *specials: str) -> None:
    missing = [s for s in specials if s not in text]
    assert missing == [], f"not shown as typed: {missing}"


@pytest.mark.parametrize("name", PAGES)
def test_hostile_article_stays_text_on_every_page(tab, name):
    path, heading, content = PAGES[name]
    tab.open(f"{path}?article={HOSTILE}", heading)
    expect(tab.page.locator(content).first).to_be_visible(timeout=WAIT)
    # The sidebar names the chosen article: its title is hostile too.
    expect(tab.page.locator(".selected-titles")).to_contain_text(HOSTILE_META["title"])
    page = tab.page
    if name == "map":
        tips = _hover_places(tab)
        assert "Boulogne-sur-Mer" in tips, f"no tooltip for Boulogne-sur-Mer: {sorted(tips)}"
        _assert_literal(
            tips["Boulogne-sur-Mer"], "[click](javascript:alert(5))", ":red[RED]", "$x^2$"
        )
    elif name == "timeline":
        points = timeline_points(tab)
        hovers = " ".join(hover_text(tab, points.nth(i)) for i in range(points.count()))
        _assert_literal(hovers, HOSTILE_META["title"], ":red[RED]", "$x^2$", ":smile:")
        tab.assert_inert()
        points.first.click(force=True)
        expect(page.locator(".timeline-source").first).to_be_visible(timeout=WAIT)
    elif name == "quotes":
        assert {"Jean Dupont", "Marie Curieux"} <= set(_quote_speakers(tab))
        cards = " ".join(page.locator(".quote-card").all_inner_texts())
        _assert_literal(cards, HOSTILE_META["title"], "Test <b>Wire</b>",
                        "[click](javascript:alert(5))", "![x](http://127.0.0.1:1/x.png)",
                        ":red[RED]", "$x^2$", ":smile:")  # fmt: skip
        assert page.locator(".quote-card .quote-text b, .quote-card .quote-sentence b").count() == 0
    elif name == "sources":
        reader = page.locator(".article-reader")
        expect(reader).to_contain_text("Four people died", timeout=WAIT)
        _assert_literal(reader.inner_text(), *SPECIALS, LONG_WORD)
        assert page.locator(".article-reader .katex").count() == 0
    _assert_literal(page.inner_text("body"), "<script>alert(1)</script>", ":red[RED]")
    tab.shot(f"hostile-{name}")
    tab.assert_inert()


def _choose(tab: Tab, key: str, typed: str, *, avoid: str | None = None) -> str:
    """Pick, in the combobox of widget `key`, the first option holding `typed` (other than `avoid`)."""
    box = tab.page.locator(f".st-key-{key} input")
    box.click()
    box.fill(typed)
    options = tab.page.locator('[role="listbox"] [role="option"]')
    expect(options.first).to_be_visible(timeout=10_000)
    for option in options.all():
        text = option.inner_text()
        if typed in text and text != avoid:
            option.click()
            return text
    raise AssertionError(f"no option {typed!r} in {options.all_inner_texts()}")


def test_hostile_upload_stays_text_in_the_reader_and_quotes(tab):
    tab.open("/sources", "Sources")
    tab.page.locator(".st-key-upload_files input[type=file]").set_input_files(
        files=[{"name": "hostile_upload.txt", "mimeType": "text/plain",
                "buffer": HOSTILE_TEXT.encode()}]
    )  # fmt: skip
    expect(tab.page.locator(".st-key-upload_files")).to_contain_text("hostile_upload.txt")
    tab.page.locator(".st-key-upload_submit button").click()
    expect(tab.page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text(
        "Added hostile_upload.txt", timeout=WAIT
    )
    tab.settle("Sources")

    chosen = _choose(tab, "reader_article", "Hostile", avoid=HOSTILE_META["title"])
    tab.settle("Sources")
    expect(tab.page.locator(".st-key-reader_article input")).to_have_value(chosen)
    reader = tab.page.locator(".article-reader")
    expect(reader).to_contain_text("Four people died", timeout=WAIT)
    _assert_literal(reader.inner_text(), *SPECIALS, LONG_WORD)
    _assert_literal(tab.page.inner_text("body"), "<script>alert(1)</script>", ":red[RED]")
    tab.shot("hostile-upload-reader")
    tab.assert_inert()

    # The same session (a reload would start a new one, without the upload): the sidebar link.
    tab.page.locator('[data-testid="stSidebarNav"] a[href$="/quotes"]').click()
    tab.settle("Quotes")
    expect(tab.page.locator(".quote-card").first).to_be_visible(timeout=WAIT)
    assert _quote_speakers(tab).count("Marie Curieux") == 2  # the folder's and the upload's
    cards = " ".join(tab.page.locator(".quote-card").all_inner_texts())
    _assert_literal(cards, "<script>alert(1)</script>", ":red[RED]", "[click](javascript:alert(5))")
    tab.shot("hostile-upload-quotes")
    tab.assert_inert()


def test_first_visits_straight_to_every_page_after_a_server_start(
    chromium, browser, corpus_folder, tmp_path, request
):
    """A new server, and six readers open six shared links at once, none of them the home page first.

    Until `st.navigation` has run once in the process, Streamlit runs a file of pages/ on
    its own; each page must still come up inside the frame (the sidebar's filters drawn),
    with no exception, whichever visit comes first.
    """
    with serve(corpus_folder, tmp_path) as url:
        opened = {name: new_tab(browser, url, request, DESKTOP) for name in PAGES}
        try:
            tabs = [(name, next(tab)) for name, tab in opened.items()]  # open until the end
            # the five pages other than the home page (which runs app.py anyway) first, at
            # once: every session starts before any page has rendered; then the home page
            first, last = [t for t in tabs if t[0] != "overview"], [t for t in tabs if t[0] == "overview"]
            for name, tab in first:
                tab.page.goto(url + PAGES[name][0] + "?speaker=", wait_until="commit")
            for name, tab in first:
                tab.settle(PAGES[name][1])
            for name, tab in last:
                tab.page.goto(url + PAGES[name][0] + "?speaker=", wait_until="commit")
            for name, tab in tabs:
                _, heading, ready = PAGES[name]
                tab.settle(heading)
                expect(tab.page.locator(ready).first).to_be_attached(timeout=WAIT)
                sidebar = tab.page.locator('[data-testid="stSidebar"]')
                expect(sidebar.get_by_text("Filters", exact=True)).to_be_visible(timeout=WAIT)
                expect(sidebar.locator('[data-testid="stMultiSelect"]')).to_have_count(3)
        finally:
            for generator in opened.values():
                generator.close()


# Time: what a figure is about, in a corpus of its own (a look-back, a "since January").

LOOKBACK = "2023_lookback"
LOOKBACK_TEXT = """Charities warn of more deaths as crossings rise
By a Staff Reporter

DOVER, Tuesday 15 August 2023 - Charities warned on Tuesday that the surge in small-boat crossings could end in tragedy, recalling the night in November 2021 when at least 27 people drowned after their dinghy sank off Calais.

More than 15,800 people have crossed the Channel so far this year, Home Office figures show.
"""
SINCE_JANUARY = "2020_since_january"
SINCE_JANUARY_TEXT = """Channel crossings pass 4,000 for the year
By a Staff Reporter

LONDON, Monday 10 August 2020 - More than 4,000 people have crossed the Channel in small boats since January, according to PA news agency analysis, compared with 1,843 in the whole of 2019.
"""


@pytest.fixture(scope="module")
def periods_server(chromium, tmp_path_factory) -> Iterator[str]:
    """A server over the seed, a 2023 article recalling the 2021 sinking, and a 2020 "since January" article."""
    folder = tmp_path_factory.mktemp("periods")
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(path, folder)
    (folder / f"{LOOKBACK}.txt").write_text(LOOKBACK_TEXT, encoding="utf-8")
    (folder / f"{SINCE_JANUARY}.txt").write_text(SINCE_JANUARY_TEXT, encoding="utf-8")
    with serve(folder, tmp_path_factory.mktemp("periods-server")) as url:
        yield url


@pytest.fixture
def periods_tab(browser, periods_server, request) -> Iterator[Tab]:
    yield from new_tab(browser, periods_server, request, DESKTOP)


def _metric_value(tab: Tab, label: str) -> str:
    name = tab.page.locator('[data-testid="stMetricLabel"]').get_by_text(label, exact=True)
    metric = tab.page.locator('[data-testid="stMetric"]').filter(has=name).first
    expect(metric).to_be_visible(timeout=WAIT)
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_a_2023_filter_shows_no_2021_deaths_as_2023s(periods_tab):
    """The 2023 article recalls the 27 of November 2021: they are 2021's, not 2023's."""
    periods_tab.open("/?from=2023-01-01&to=2023-12-31", "Channel crossings in the news")
    assert _metric_value(periods_tab, "Deaths reported") == "—"
    assert _metric_value(periods_tab, "People crossing") == "more than 15,800"  # 2023 so far
    periods_tab.shot("periods-2023-only")
    periods_tab.open("/?from=2021-11-01&to=2021-11-30", "Channel crossings in the news")
    assert _metric_value(periods_tab, "Deaths reported") == "at least 27"


def test_the_seed_filtered_to_the_day_of_the_sinking_shows_its_deaths(periods_tab):
    periods_tab.open(
        "/?from=2021-11-24&to=2021-11-24&article=000_7c27d60d4c13592b", "Channel crossings in the news"
    )
    assert _metric_value(periods_tab, "Deaths reported") == "at least 27"
    assert "24 Nov 2021" in periods_tab.page.locator(".headline-period").first.inner_text()
    record = _metric_value(periods_tab, "Dead and missing (IOM)")
    assert int(record) >= 27  # the record for that day, beside it
    periods_tab.shot("periods-sinking-day")


def test_since_january_in_2020_is_checked_against_2020_so_far_not_2019(periods_tab):
    periods_tab.open(f"/figures?article={SINCE_JANUARY}", "Figures")
    cells = periods_tab.page.locator('[data-testid="stDataFrame"] td[aria-colindex]')
    cells.first.wait_for(state="attached", timeout=WAIT)
    deadline = time.monotonic() + 30  # the claims table is the last to draw
    text = ""
    while "from 1 Jan 2020" not in text and time.monotonic() < deadline:
        periods_tab.page.wait_for_timeout(500)
        text = " ".join(cells.all_text_contents())
    assert "from 1 Jan 2020 to 10 Aug 2020" in text, text[:3000]
    assert "1,843" not in text.split("from 1 Jan 2020")[1][:200]  # not the whole of 2019
    periods_tab.shot("periods-since-january")


def test_timeline_and_map_draw_the_record_without_the_network(tab):
    """The record's chart, and the map's coastline and incidents, with every request off loopback aborted."""
    tab.open("/timeline?from=2021-11-01&to=2021-11-30", "Timeline")
    chart = tab.page.locator(".st-key-record_chart .js-plotly-plot .main-svg").first
    expect(chart).to_be_visible(timeout=WAIT)
    bars = tab.page.locator(".st-key-record_chart .js-plotly-plot .barlayer .point")
    expect(bars.first).to_be_attached(timeout=WAIT)
    assert bars.count() >= 25  # a bar a day of November 2021
    tab.shot("record-timeline-offline")
    tab.open("/map", "Map of places named")
    expect(tab.page.locator('[data-testid="stDeckGlJsonChart"] canvas').first).to_be_visible(
        timeout=WAIT
    )
    layers = deck(
        tab,
        "deck.layerManager.getLayers().map(l => [l.id, (l.props.data || []).length])",
    )
    by_id = dict(layers)
    assert by_id.get("incidents", 0) > 50 and any("land" in k or "coast" in k for k in by_id), layers
    deadline = time.monotonic() + 15
    spread, dark = _map_ink(tab)
    while dark < 0.002 and time.monotonic() < deadline:
        tab.page.wait_for_timeout(500)
        spread, dark = _map_ink(tab)
    tab.shot("map-record-offline")
    assert spread > 10, "the map looks blank without tiles"
    assert tab.blocked, "the basemap tiles were asked for and refused: the test ran offline"


# Links: paste one, share the address, reopen it elsewhere.


@pytest.fixture(scope="module")
def local_pages() -> Iterator[str]:
    from local_site import start_local_site

    site = start_local_site()
    try:
        yield site.url("/news/channel-crossing.html")
    finally:
        site.stop()


def test_a_pasted_link_is_shared_by_its_address(tab, browser, server, request, local_pages):
    tab.open("/sources", "Sources")
    box = tab.page.locator(".st-key-link_input input")
    box.fill(local_pages)
    tab.page.locator(".st-key-link_submit button").click()
    expect(tab.page.get_by_text("Added At least 27 people die", exact=False).first).to_be_visible(
        timeout=WAIT
    )
    tab.page.wait_for_url(re.compile(r"[?&]url="), timeout=WAIT)
    shared = tab.page.url
    tab.shot("link-added")
    # a fresh browser context (a new reader, nothing in common but the address)
    opened = new_tab(browser, server, request, DESKTOP)
    fresh = next(opened)  # kept open until closed below
    try:
        fresh.page.goto(shared.replace("/sources", "/quotes"), wait_until="domcontentloaded")
        fresh.settle("Quotes")
        cards = fresh.page.locator(".quote-card")
        expect(cards.filter(has_text="Charles Devos").first).to_be_visible(timeout=WAIT)
        link = cards.filter(has_text="Charles Devos").first.locator("a.source-link")
        assert link.get_attribute("href") == "https://www.example-news.test/world/channel-crossing"
        fresh.assert_inert()
    finally:
        opened.close()
