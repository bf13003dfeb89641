"""What a newsroom needs of the dashboard, in a real headless Chromium: dark mode, charts to publish, links that keep a view.

- Every page at 390 px with the system set to light and to dark: no exception, nothing
  wider than the screen, the page and its charts in the theme's colours (dark really is
  dark, its text light), no faint text, no white box on a dark page; a full-page
  screenshot each, `phone-<theme>-<page>.png`. On every plotly chart, nothing cut at the
  chart's edge, no text on another, the toolbar clear of the title, every text readable on
  what is behind it. On the map, no place name cut at the edge.
- Chart images: every chart carries its title and its source line and a camera button,
  which downloads (drawn by plotly.js in the browser) the format chosen in the sidebar
  ("Chart images") under a name that says the chart and the filters.
- The URL keeps a view: the timeline's picked facts (`?fact=`), the quote search
  (`?search=`); a view the filters empty says which filter emptied it.
- The page icon is the app's own PNG; nothing is asked of a font CDN.

Shares the corpus, the server, the browser and the tab with `tests/test_browser.py`
(`tests/browser_support.py`): one `streamlit run app.py` for this module (and one more,
briefly, for a first visit after a server start), a fresh browser context per test,
every request off loopback aborted.
"""

from __future__ import annotations

import html
import io
import re
import struct
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import browser_support as support
import pytest
from browser_support import (
    DESKTOP,
    PAGES,
    PHONE,
    WAIT,
    Tab,
    deck,
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
tab = support.tab

THEMES = ("light", "dark")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# The plotly charts each page draws on the test corpus (element keys), awaited before measuring.
CHARTS = {
    "timeline": ("record_chart", "timeline_chart"),
    "figures": ("breakdown_chart_0", "official_yearly", "official_monthly", "official_deaths"),
}
BASEMAPS = {"light": "positron-gl-style", "dark": "dark-matter-gl-style"}


# Colours as the browser paints them: any CSS colour (rgb, hex, oklch...) is turned into
# sRGB by painting it on a canvas; what is behind an element is its and its ancestors'
# backgrounds, composed up to the first opaque one.

_COLOUR_JS = r"""
const __paint = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
function rgba(css) {
  if (!css || css === 'none') return [0, 0, 0, 0];
  __paint.clearRect(0, 0, 1, 1);
  __paint.fillStyle = 'rgba(0,0,0,0)';
  __paint.fillStyle = css;
  __paint.fillRect(0, 0, 1, 1);
  const d = __paint.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2], d[3] / 255];
}
function over(top, bottom) {  // `top` (with its alpha) painted over an opaque `bottom`
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function luminance(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
function backdrop(element) {  // the opaque colour behind `element`'s content
  const layers = [];
  for (let e = element; e && e.nodeType === 1; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 0.99) break;
  }
  let colour = [255, 255, 255, 1];  // the canvas under a page without a background
  for (const layer of layers.reverse()) colour = over(layer, colour);
  return colour;
}
function opacity(element) {
  let o = 1;
  for (let e = element; e && e.nodeType === 1; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
  return o;
}
const hex = c => '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
const box = r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height});
"""

# Every plotly chart on the page: its key, box, paper colour, config and layout, and each
# text drawn in its SVG with its box and colour. The class names are plotly.js's, read off
# the rendered DOM: title `text.gtitle` and `text.gtitle-subtitle` (in `g.g-gtitle`),
# legend `text.legendtitletext` and `text.legendtext`, annotations `text.annotation-text`
# (its box `rect.bg` in the same `g.annotation`), axis titles `text.xtitle`/`ytitle`,
# ticks `g.xtick > text`, bar labels `text.bartext`, range buttons in `g.rangeselector`.
_CHARTS_JS = (
    "() => {"
    + _COLOUR_JS
    + r"""
  const TEXTS = [
    ['title', 'text.gtitle'], ['subtitle', 'text.gtitle-subtitle'],
    ['legend title', 'text.legendtitletext'], ['legend', 'text.legendtext'],
    ['annotation', 'text.annotation-text'],
    ['x title', 'text.xtitle, text.x2title'], ['y title', 'text.ytitle, text.y2title'],
    ['tick', 'g.xtick > text, g.ytick > text, g.x2tick > text, g.y2tick > text'],
    ['bar label', 'text.bartext'], ['range button', 'g.rangeselector text'],
  ];
  return [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
    const holder = plot.closest('[class*="st-key-"]');
    const key = holder ? holder.className.match(/st-key-(\S+)/)[1] : null;
    const svg = plot.querySelector('.main-svg');
    const paper = backdrop(svg);
    const texts = [];
    for (const [what, selector] of TEXTS) {
      for (const t of plot.querySelectorAll(selector)) {
        const words = (t.textContent || '').trim();
        const r = t.getBoundingClientRect();
        const s = getComputedStyle(t);
        if (!words || r.width === 0 || s.display === 'none' || s.visibility === 'hidden') continue;
        let behind = paper, label_box = null;
        const note = t.closest('g.annotation');
        const rect = note && note.querySelector('rect.bg');
        if (rect) {
          const fill = rgba(getComputedStyle(rect).fill);
          fill[3] *= Number(getComputedStyle(rect).fillOpacity);
          if (fill[3] > 0.05) { behind = over(fill, paper); label_box = hex(behind); }
        }
        const fill = rgba(s.fill);
        fill[3] *= Number(s.fillOpacity) * opacity(t);
        // a legend draws inside its own box (`rect.bg`, its clip path): what is past it is cut
        const legend = t.closest('g.legend');
        const clip = legend && legend.querySelector('rect.bg') ? box(legend.querySelector('rect.bg').getBoundingClientRect()) : null;
        texts.push({what, words, box: box(r), clip, fill: hex(fill), behind: hex(behind),
                    label_box, label_box_luminance: label_box ? luminance(behind) : null,
                    contrast: contrast(over(fill, behind), behind),
                    light_on_dark: luminance(over(fill, behind)) > luminance(behind),
                    inside_bar: t.classList.contains('bartext-inside')});
      }
    }
    const buttons = [...plot.querySelectorAll('.modebar-btn')].map(b => b.getBoundingClientRect()).filter(r => r.width > 0);
    const scrollbar = plot.querySelector('.legend .scrollbar');
    const layout = plot.layout || {};
    return {
      key, box: box(svg.getBoundingClientRect()), paper: hex(paper), paper_luminance: luminance(paper),
      texts,
      modebar: buttons.length ? {left: Math.min(...buttons.map(r => r.left)), right: Math.max(...buttons.map(r => r.right)),
                                 top: Math.min(...buttons.map(r => r.top)), bottom: Math.max(...buttons.map(r => r.bottom))} : null,
      buttons: [...plot.querySelectorAll('.modebar-btn')].map(b => b.getAttribute('data-title')),
      image: (plot._context || {}).toImageButtonOptions || null,
      height: (plot._fullLayout || {}).height,
      plot_area: (() => { const r = plot.querySelector('.draglayer .nsewdrag');
                          return r ? box(r.getBoundingClientRect()) : null; })(),
      title: ((layout.title || {}).text) || '',
      sources: (layout.annotations || []).filter(a => a.name === 'source').map(a => a.text),
      legend_scrolls: !!scrollbar && scrollbar.getBoundingClientRect().height > 0,
    };
  });
}"""
)

# The page outside its charts: text whose colour hardly differs from what is behind it,
# and boxes whose own background is far from the theme's (a white card on a dark page).
_PAGE_COLOURS_JS = (
    "(dark) => {"
    + _COLOUR_JS
    + r"""
  const app = backdrop(document.querySelector('.stApp'));
  const faint = [], boxes = [];
  const scopes = document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebar"]');
  for (const scope of scopes) {
    for (const e of scope.querySelectorAll('*')) {
      if (e.closest('svg, canvas, .js-plotly-plot, [data-testid="stDeckGlJsonChart"]')) continue;
      const r = e.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      const s = getComputedStyle(e);
      if (s.visibility !== 'visible' || s.display === 'none') continue;
      const label = (e.getAttribute('data-testid') || e.className || e.tagName).toString().slice(0, 60);
      const own = rgba(s.backgroundColor);
      const off = dark ? luminance(own) > 0.6 : luminance(own) < 0.05;
      if (own[3] > 0.5 && off && r.width * r.height >= 24 * 24 && !['IMG', 'VIDEO', 'INPUT'].includes(e.tagName)) {
        boxes.push({element: label, background: hex(own), size: [Math.round(r.width), Math.round(r.height)],
                    text: (e.innerText || '').trim().slice(0, 60)});
      }
      const words = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
      if (!words || opacity(e) < 0.05) continue;
      const behind = backdrop(e);
      const colour = rgba(s.color);
      colour[3] *= opacity(e);
      const ratio = contrast(over(colour, behind), behind);
      if (ratio < 3) faint.push({element: label, text: words.slice(0, 60), colour: hex(colour),
                                 background: hex(behind), contrast: Math.round(ratio * 100) / 100});
    }
  }
  return {app: hex(app), app_luminance: luminance(app), faint, boxes};
}"""
)

# The map's place names as drawn: each label's box in the map's canvas, measured in the
# TextLayer's own font (deck.gl lays text out from the canvas's glyph widths).
_MAP_LABELS_JS = r"""(() => {
  const viewport = deck.getViewports()[0];
  const layer = deck.layerManager.getLayers().find(l => l.constructor.layerName === 'TextLayer');
  const p = layer.props;
  const read = (accessor, d, i) => typeof accessor === 'function'
    ? accessor(d, {index: i, data: p.data, target: []}) : accessor;
  const ink = document.createElement('canvas').getContext('2d');
  return {width: viewport.width, height: viewport.height, labels: p.data.map((d, i) => {
    const size = read(p.getSize, d, i) * (p.sizeScale || 1);
    ink.font = `${p.fontWeight} ${size}px ${p.fontFamily}`;
    const [x, y] = viewport.project([d.lon, d.lat]);
    const [dx, dy] = read(p.getPixelOffset, d, i) || [0, 0];
    const anchor = read(p.getTextAnchor, d, i) || 'middle';
    const w = ink.measureText(read(p.getText, d, i)).width;
    const left = x + dx - {start: 0, middle: w / 2, end: w}[anchor];
    const baseline = read(p.getAlignmentBaseline, d, i) || 'center';
    const top = y + dy - {top: 0, center: size / 2, bottom: size}[baseline];
    return {label: read(p.getText, d, i), left, right: left + w, top, bottom: top + size};
  })};
})()"""


def _overlap(a: dict, b: dict, slack: float = 1.5) -> bool:
    return (
        min(a["right"], b["right"]) - max(a["left"], b["left"]) > slack
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > slack
    )


def _inside(inner: dict, outer: dict, slack: float = 1.0) -> bool:
    return (
        inner["left"] >= outer["left"] - slack
        and inner["right"] <= outer["right"] + slack
        and inner["top"] >= outer["top"] - slack
        and inner["bottom"] <= outer["bottom"] + slack
    )


def _said(text: dict) -> str:
    return f"{text['what']} {text['words'][:45]!r}"


def cut_texts(chart: dict) -> list[str]:
    """Texts of a chart that reach past the edge of its SVG (the browser, and an exported image, cut them there) or of its legend's box."""
    found = []
    for text in chart["texts"]:
        if not _inside(text["box"], chart["box"]):
            sides = [side for side, past in (
                ("top", chart["box"]["top"] - text["box"]["top"]),
                ("bottom", text["box"]["bottom"] - chart["box"]["bottom"]),
                ("left", chart["box"]["left"] - text["box"]["left"]),
                ("right", text["box"]["right"] - chart["box"]["right"]),
            ) if past > 1]  # fmt: skip
            found.append(f"{chart['key']}: {_said(text)} past the {'/'.join(sides)} edge")
        elif text["clip"] and not _inside(text["box"], text["clip"]):
            found.append(f"{chart['key']}: {_said(text)} cut by the legend's box")
    if chart["legend_scrolls"]:
        found.append(f"{chart['key']}: the legend is cut short and scrolls")
    return found


def overlapping_texts(chart: dict) -> list[str]:
    """Titles, legend entries, annotations and axis titles drawn on each other, or on a tick label."""
    found = []
    labels = [t for t in chart["texts"] if t["what"] not in ("tick", "bar label")]
    ticks = [t for t in chart["texts"] if t["what"] == "tick"]
    for i, a in enumerate(labels):
        for b in labels[i + 1 :] + ticks:
            if _overlap(a["box"], b["box"]):
                found.append(f"{chart['key']}: {_said(a)} on {_said(b)}")
    return found


def toolbar_on_titles(chart: dict) -> list[str]:
    """Title, subtitle and legend lines the chart's toolbar buttons (always shown) sit on."""
    if not chart["modebar"]:
        return []
    return [
        f"{chart['key']}: toolbar on the {_said(t)}"
        for t in chart["texts"]
        if t["what"] in ("title", "subtitle", "legend", "range button")
        and _overlap(t["box"], chart["modebar"])
    ]


def colours_off_theme(chart: dict, theme: str) -> list[str]:
    """A chart in the other theme's colours, text too faint on what is behind it, light label boxes on a dark chart."""
    found = []
    if (chart["paper_luminance"] < 0.2) != (theme == "dark"):
        found.append(f"{chart['key']}: a {chart['paper']} chart on a {theme} page")
    for text in chart["texts"]:
        if text["inside_bar"]:
            continue
        need = 4.5 if text["what"] == "title" else 3.0
        if text["contrast"] < need:
            found.append(
                f"{chart['key']}: {_said(text)} in {text['fill']} on {text['behind']}: "
                f"contrast {text['contrast']:.1f} (needs {need})"
            )
        if theme == "dark" and text["what"] == "title" and not text["light_on_dark"]:
            found.append(f"{chart['key']}: dark title {text['fill']} on the dark page")
        if theme == "dark" and text["label_box"] and text["label_box_luminance"] > 0.4:
            found.append(
                f"{chart['key']}: {_said(text)} in a light box {text['label_box']} on the dark chart"
            )
    return found


def wait_for_page(tab: Tab, name: str) -> None:
    """The page and the frame drawn to the end (the export beneath the page); its charts drawn and still."""
    tab.settle(PAGES[name][1])
    tab.page.locator(".st-key-export_json").wait_for(state="attached", timeout=WAIT)
    for key in CHARTS.get(name, ()):
        tab.page.locator(f".st-key-{key} .js-plotly-plot .main-svg text.gtitle").first.wait_for(
            state="attached", timeout=WAIT
        )
    last = None
    for _ in range(20):  # plotly sizes a chart to its column after the first draw
        now = tab.page.evaluate(
            """() => [...document.querySelectorAll('.js-plotly-plot')].map(p => {
                 const r = p.getBoundingClientRect(); return [r.width, r.height]; })"""
        )
        if now == last:
            return
        last = now
        tab.page.wait_for_timeout(250)


def charts(tab: Tab) -> list[dict]:
    return tab.page.evaluate(_CHARTS_JS)


# Every page at 390 px, light and dark.


@pytest.fixture(scope="module")
def measured() -> dict:
    """The charts of each (theme, page) measured at 390 px, kept for the chart tests below."""
    return {}


@pytest.fixture
def themed(browser, server, request, theme) -> Iterator[Tab]:
    """A 390x844 phone whose system colour scheme is the test's `theme` parameter."""
    yield from new_tab(browser, server, request, PHONE, color_scheme=theme)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("theme", THEMES)
def test_phone_page_in_each_theme(themed, theme, name, measured):
    path, heading, content = PAGES[name]
    themed.open(path, heading)
    expect(themed.page.locator(content).first).to_be_visible(timeout=WAIT)
    wait_for_page(themed, name)
    themed.shot(f"phone-{theme}-{name}", tallest=16_000)  # the whole page, for review
    page = themed.page
    assert page.locator('[data-testid="stException"]').count() == 0
    measured[theme, name] = charts(themed)

    widths = page.evaluate("""() => {
        const out = {document: [document.documentElement.scrollWidth, window.innerWidth]};
        for (const id of ['stMain', 'stMainBlockContainer']) {
          const e = document.querySelector(`[data-testid="${id}"]`);
          out[id] = [e.scrollWidth, e.clientWidth];
        }
        return out; }""")
    overflowing = {k: v for k, v in widths.items() if v[0] > v[1] + 1}
    assert overflowing == {}, f"wider than the screen (scroll width, visible width): {overflowing}"

    colours = page.evaluate(_PAGE_COLOURS_JS, theme == "dark")
    if theme == "dark":
        assert colours["app_luminance"] < 0.2, f"the page is not dark: {colours['app']}"
    else:
        assert colours["app_luminance"] > 0.8, f"the page is not light: {colours['app']}"
    problems = [f"faint text: {f}" for f in colours["faint"]]
    problems += [f"a box off the {theme} theme: {b}" for b in colours["boxes"]]
    for chart in measured[theme, name]:  # the paper and the title; the rest in the chart tests
        if (chart["paper_luminance"] < 0.2) != (theme == "dark"):
            problems.append(f"{chart['key']}: a {chart['paper']} chart on a {theme} page")
        for title in (t for t in chart["texts"] if t["what"] == "title"):
            if title["contrast"] < 4.5 or (theme == "dark") != title["light_on_dark"]:
                problems.append(f"{chart['key']}: title in {title['fill']} on {title['behind']}")
    assert problems == [], "\n".join(map(str, problems))
    if name == "map":  # the basemap follows the theme (asked for, and refused: the test is offline)
        styles = [u for u in themed.blocked if "cartocdn.com" in u]
        assert styles and all(BASEMAPS[theme] in u for u in styles), styles


def _phone_charts(measured, browser, server, request, theme: str, name: str) -> list[dict]:
    """The page's charts as measured by the page test above (measured again when run alone)."""
    if (theme, name) not in measured:
        opened = new_tab(browser, server, request, PHONE, color_scheme=theme)
        phone = next(opened)
        try:
            phone.open(*PAGES[name][:2])
            wait_for_page(phone, name)
            measured[theme, name] = charts(phone)
        finally:
            opened.close()
    drawn = measured[theme, name]
    assert {c["key"] for c in drawn} >= set(CHARTS[name]), [c["key"] for c in drawn]
    return drawn


# What each check finds on a chart measured at 390 px: nothing is allowed.
PHONE_CHECKS = {
    "nothing cut at the edge": lambda chart, theme: cut_texts(chart),
    "no text on another": lambda chart, theme: overlapping_texts(chart),
    "toolbar clear of the title": lambda chart, theme: toolbar_on_titles(chart),
    "colours of the theme": colours_off_theme,
}


@pytest.mark.parametrize("check", PHONE_CHECKS)
@pytest.mark.parametrize("name", CHARTS)
@pytest.mark.parametrize("theme", THEMES)
def test_phone_charts(measured, browser, server, request, theme, name, check):
    drawn = _phone_charts(measured, browser, server, request, theme, name)
    problems = [p for chart in drawn for p in PHONE_CHECKS[check](chart, theme)]
    assert problems == [], "\n".join(problems)


def test_phone_map_place_names_are_whole_and_apart(browser, server, request):
    """At 390 px the map's first view shows each name it draws whole (none cut by the edge, as
    "oulogne-sur-Mer") and clear of the others."""
    opened = new_tab(browser, server, request, PHONE)
    phone = next(opened)
    try:
        phone.open("/map", "Map of places named")
        layout = deck(phone, _MAP_LABELS_JS)
    finally:
        opened.close()
    width, height = layout["width"], layout["height"]
    frame = {"left": 0, "top": 0, "right": width, "bottom": height}
    shown = [label for label in layout["labels"] if _overlap(label, frame, slack=0)]
    cut = [
        f"{label['label']} ({label['left']:.0f} to {label['right']:.0f} px, {label['top']:.0f} to "
        f"{label['bottom']:.0f} px)"
        for label in shown
        if not _inside(label, frame, slack=0.5)
    ]
    assert cut == [], f"place names cut by the map's edge ({width}x{height} px): {cut}"
    on = [
        f"{a['label']} / {b['label']}"
        for i, a in enumerate(shown)
        for b in shown[i + 1 :]
        if _overlap(a, b, slack=1)
    ]
    assert on == [], f"place names drawn on each other: {on}"


# Charts to publish.


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_has_its_title_source_and_camera(tab, name):
    path, heading, _ = PAGES[name]
    tab.open(path, heading)
    wait_for_page(tab, name)
    drawn = charts(tab)
    assert {c["key"] for c in drawn} >= set(CHARTS[name]), [c["key"] for c in drawn]
    names = []
    for chart in drawn:
        key = chart["key"]
        assert chart["title"], f"{key}: no title in the figure"
        assert [t for t in chart["texts"] if t["what"] == "title"], f"{key}: title not drawn"
        assert len(chart["sources"]) == 1 and chart["sources"][0].startswith("Source"), (
            f"{key}: source annotations {chart['sources']}"
        )
        source = [t for t in chart["texts"] if t["what"] == "annotation" and t["words"].startswith("Source")]
        assert source, f"{key}: source line not drawn"
        line, frame, plot = source[0]["box"], chart["box"], chart["plot_area"]
        assert line["top"] >= plot["bottom"], f"{key}: the source line is not beneath the plot"
        assert line["left"] < frame["left"] + frame["width"] / 2, f"{key}: the source line is not at the left"
        assert any(b and b.startswith("Download plot") for b in chart["buttons"]), (
            f"{key}: no camera button in {chart['buttons']}"
        )
        image = chart["image"]
        assert image["format"] == "png" and image["scale"] == 2 and image["width"] == 1000, image
        assert image["height"] == chart["height"], (image, chart["height"])
        assert re.fullmatch(r"channel-[a-z0-9-]+_all", image["filename"]), image["filename"]
        names.append(image["filename"])
    assert len(set(names)) == len(names), f"two charts of one page download under one name: {names}"


def _set_image_format(tab: Tab, fmt: str) -> None:
    """The sidebar's "Chart images" set to `fmt` ("PNG" or "SVG"), and the charts drawn again with it."""
    option = tab.page.locator(".st-key-image_format").get_by_role("radio", name=fmt)
    option.click()
    expect(option).to_have_attribute("aria-checked", "true")
    tab.page.wait_for_function(
        """(fmt) => { const p = document.querySelector('.st-key-official_yearly .js-plotly-plot');
             return p && p._context && p._context.toImageButtonOptions.format === fmt; }""",
        arg=fmt.lower(),
        timeout=WAIT,
    )


def _download_chart(tab: Tab, key: str):
    """Hover chart `key` (its toolbar shows), click its camera: the Download."""
    chart = tab.page.locator(f".st-key-{key} .js-plotly-plot")
    expect(chart).to_have_count(1, timeout=WAIT)  # not while a new config redraws it
    chart.scroll_into_view_if_needed()
    chart.hover()
    camera = chart.locator('.modebar-btn[data-title^="Download plot"]')
    expect(camera).to_be_visible(timeout=10_000)
    with tab.page.expect_download(timeout=WAIT) as caught:
        camera.click()
    return caught.value


def _chart_lines(tab: Tab, key: str) -> dict[str, list[str]]:
    """The lines of chart `key`'s title and subtitle as drawn on the page."""
    return tab.page.evaluate(
        """(key) => { const p = document.querySelector(`.st-key-${key} .js-plotly-plot`);
           const lines = s => [...p.querySelectorAll(s)].flatMap(t => {
             const parts = [...t.querySelectorAll('tspan.line')];
             return (parts.length ? parts : [t]).map(x => x.textContent.trim()); }).filter(Boolean);
           return {title: lines('text.gtitle'), subtitle: lines('text.gtitle-subtitle')}; }""",
        key,
    )


def _svg_words(svg: str) -> str:
    """The words of an SVG's text elements, tags dropped, entities read, spaces collapsed."""
    texts = " ".join(re.findall(r"<text\b.*?</text>", svg, re.S))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", texts)).split())


def _png(data: bytes):
    from PIL import Image

    assert data[:8] == PNG_MAGIC, data[:16]
    return Image.open(io.BytesIO(data))


def test_chart_downloads_as_svg_with_its_title_and_source(tab):
    tab.open("/figures", "Figures")
    wait_for_page(tab, "figures")
    _set_image_format(tab, "SVG")
    download = _download_chart(tab, "official_yearly")
    assert download.suggested_filename == "channel-arrivals-per-year_all.svg"
    svg = download.path().read_text(encoding="utf-8")
    assert re.match(r"\s*<svg\b[^>]*\bwidth=\"1000\"", svg), svg[:300]
    words = _svg_words(svg)
    drawn = _chart_lines(tab, "official_yearly")
    assert drawn["title"] == ["Small-boat arrivals per year"] and drawn["subtitle"], drawn
    for line in drawn["title"] + drawn["subtitle"]:
        assert line in words, f"{line!r} is not in the SVG's text: {words[:300]}"
    assert "Source: Home Office" in words, words[-400:]


def test_chart_downloads_as_png_named_by_the_filters(tab):
    tab.open("/figures?from=2021-01-01&to=2021-12-31", "Figures")
    wait_for_page(tab, "figures")
    _set_image_format(tab, "SVG")  # and back: the reader's choice, not only the default
    _set_image_format(tab, "PNG")
    download = _download_chart(tab, "official_yearly")
    assert download.suggested_filename == "channel-arrivals-per-year_from-2021-01-01_to-2021-12-31.png"
    data = download.path().read_bytes()
    image = _png(data)
    assert struct.unpack(">II", data[16:24]) == image.size  # the IHDR says what PIL read
    height = tab.page.evaluate(
        "() => document.querySelector('.st-key-official_yearly .js-plotly-plot')._fullLayout.height"
    )
    assert image.size == (2000, 2 * height)  # 1000 px wide, at scale 2

    from PIL import ImageStat

    assert ImageStat.Stat(image.convert("L")).stddev[0] > 10, "the PNG is blank"


def test_exported_chart_keeps_its_text_off_the_image_edge(tab):
    """The outer rows and columns of an exported PNG are all background: nothing drawn is cut there."""
    import numpy as np

    tab.open("/figures", "Figures")
    wait_for_page(tab, "figures")
    image = _png(_download_chart(tab, "official_yearly").path().read_bytes()).convert("RGB")
    pixels = np.asarray(image).astype(int)
    background = np.array(max(image.getcolors(image.width * image.height))[1])  # the commonest colour
    inked = {
        side: int((np.abs(strip - background).max(axis=-1) > 60).sum())
        for side, strip in {
            "top": pixels[:3], "bottom": pixels[-3:], "left": pixels[:, :3], "right": pixels[:, -3:],
        }.items()
    }  # fmt: skip
    assert inked == dict.fromkeys(inked, 0), f"pixels drawn in the image's outer 3 rows/columns: {inked}"


# The URL keeps the view.


def test_a_picked_timeline_fact_is_in_the_url_and_reopens(tab, browser, server, request):
    tab.open("/timeline?from=2021-11-24&to=2021-11-24", "Timeline")
    timeline_points(tab).first.click(force=True)  # the hover label may sit over the point
    tab.page.wait_for_url(re.compile(r"[?&]fact="), timeout=WAIT)
    source = tab.page.locator(".timeline-source")
    expect(source.first).to_be_visible(timeout=WAIT)
    tab.settle("Timeline")
    shared = tab.page.url
    facts = parse_qs(urlsplit(shared).query)["fact"]
    assert facts and all(re.fullmatch(r"[^@]+@\d+-\d+", f) for f in facts), facts
    picked = source.all_inner_texts()
    tab.shot("newsroom-timeline-picked")

    opened = new_tab(browser, server, request, DESKTOP)
    fresh = next(opened)  # a new reader with nothing but the link
    try:
        fresh.page.goto(shared, wait_until="domcontentloaded")
        fresh.settle("Timeline")
        panels = fresh.page.locator(".timeline-source")
        expect(panels.first).to_be_visible(timeout=WAIT)
        expect(panels).to_have_count(len(picked))
        assert panels.all_inner_texts() == picked
        assert parse_qs(urlsplit(fresh.page.url).query)["fact"] == facts  # the link is kept
        fresh.shot("newsroom-timeline-picked-reopened")
    finally:
        opened.close()


def _quotes_shown(tab: Tab) -> int:
    counted = tab.page.get_by_text(re.compile(r"^\d+ quote\(s\) from"))
    expect(counted.first).to_be_visible(timeout=WAIT)
    number = int(counted.first.inner_text().split()[0])
    expect(tab.page.locator(".quote-card")).to_have_count(number, timeout=WAIT)
    return number


def test_quote_search_is_in_the_url(tab):
    tab.open("/quotes", "Quotes")
    everyone = _quotes_shown(tab)
    tab.open("/quotes?search=patrols", "Quotes")  # Boris Johnson: "ready to begin such patrols"
    found = _quotes_shown(tab)
    tab.shot("newsroom-quotes-search")
    assert 0 < found < everyone
    box = tab.page.locator(".st-key-search input")
    expect(box).to_have_value("patrols")
    cards = tab.page.locator(".quote-card").all_inner_texts()
    assert all("patrol" in card.lower() for card in cards), cards
    box.fill("cemetery")  # typed in the box, the search goes into the URL
    box.press("Enter")
    tab.page.wait_for_url(re.compile(r"[?&]search=cemetery(&|$)"), timeout=WAIT)


@pytest.mark.parametrize(
    ("path", "heading", "said"),
    [
        (
            "/quotes?place=Calais&speaker=Emmanuel+Macron",
            "Quotes",
            r"No fact matches every filter at once\. On its own, Place \(Calais\) keeps [1-9][\d,]* "
            r"facts?; Speaker \(Emmanuel Macron\) keeps [1-9][\d,]* facts?; together, none",
        ),
        (
            "/?from=2030-01-01",
            "Channel crossings in the news",
            r"No fact: the Dates \(2030-01-01 to the end\) filter keeps none on its own\.",
        ),
    ],
    ids=["place-and-speaker", "dates"],
)
def test_an_empty_view_says_which_filter_emptied_it(tab, path, heading, said):
    tab.open(path, heading)
    info = tab.page.locator('[data-testid="stAlertContentInfo"]').filter(has_text="No fact")
    expect(info).to_have_count(1, timeout=WAIT)
    assert re.search(said, info.inner_text()), info.inner_text()
    expect(tab.page.get_by_text(re.compile(r"^0 facts chosen by the filters"))).to_be_visible()
    tab.shot(f"newsroom-empty-{urlsplit(path).path.strip('/') or 'overview'}")


@pytest.mark.parametrize("query", ["from=2030-01-01", "to=2017-12-31"])
def test_timeline_with_dates_outside_the_record_shows_no_exception(tab, query):
    tab.page.goto(f"{tab.base}/timeline?{query}", wait_until="domcontentloaded")
    title = tab.page.locator("h1").filter(has_text="Timeline")
    exception = tab.page.locator('[data-testid="stException"]')
    title.or_(exception).first.wait_for(timeout=WAIT)
    tab.page.locator(".st-key-export_json").or_(exception).first.wait_for(state="attached", timeout=WAIT)
    tab.shot(f"newsroom-timeline-{query.replace('=', '-')}")
    assert exception.count() == 0, exception.first.inner_text()[:300]
    # the record says it has nothing there (a figure about "since 2014" may still be chosen)
    expect(tab.page.get_by_text("The Home Office daily series has no data for")).to_be_visible()


# The page icon.


def _icon_links(tab: Tab) -> list[str]:
    return tab.page.evaluate("() => [...document.querySelectorAll('link[rel~=\"icon\"]')].map(l => l.href)")


def _font_cdn(requests: list[str]) -> list[str]:
    return [u for u in requests if re.match(r"https?://fonts\.(gstatic|googleapis)\.com/", u)]


def test_the_page_icon_is_the_apps_own_on_every_page(tab):
    icons = set()
    for name, (path, heading, _) in PAGES.items():
        tab.open(path, heading)
        icons.update(_icon_links(tab))
        if name == "overview":  # and through the navigation, without loading a page
            for other in ("figures", "quotes"):
                tab.page.locator(f'[data-testid="stSidebarNav"] a[href$="/{other}"]').click()
                tab.settle(PAGES[other][1])
                icons.update(_icon_links(tab))
    assert len(icons) == 1, f"the page icon changes from page to page: {icons}"
    href = icons.pop()
    assert urlsplit(href).netloc == urlsplit(tab.base).netloc, href
    response = tab.page.request.get(href)
    assert response.status == 200, response.status
    assert response.body()[:8] == PNG_MAGIC
    assert _font_cdn(tab.requests) == []
    elsewhere = {urlsplit(u).netloc for u in tab.requests if not u.startswith(tab.base)} - {""}
    assert {host for host in elsewhere if not host.endswith("cartocdn.com")} == set(), elsewhere


def test_a_first_visit_after_a_server_start_asks_no_font_cdn(
    chromium, browser, corpus_folder, tmp_path, request
):
    with serve(corpus_folder, tmp_path) as url:
        opened = new_tab(browser, url, request, DESKTOP)
        first = next(opened)
        try:
            first.open("/quotes", "Quotes")
            expect(first.page.locator(".quote-card").first).to_be_visible(timeout=WAIT)
            icons = _icon_links(first)
        finally:
            opened.close()
    assert _font_cdn(first.requests) == [], _font_cdn(first.requests)
    assert len(icons) == 1 and urlsplit(icons[0]).netloc == urlsplit(url).netloc, icons
