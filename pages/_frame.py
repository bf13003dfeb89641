"""What every page starts with: the page list, the view the frame (app.py) selected for this run, and shared readers.

Not a page: app.py lists the pages it routes to, and this file is not among them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from lib.corpus import url
from lib.corpus.export import file_stem
from lib.corpus.filters import View
from lib.corpus.links import LinkedArticle, load_link, normalise_links
from lib.record.load import Record, load_record
from lib.show.cite import article_rows, citation, permalink, source_html
from lib.show.paging import Page, page_count, paginate
from lib.show.publish import chart_config, chart_text, thaw
from lib.show.tables import READER_COLUMN
from pages import _session as session

TABLE_ROWS = 2_000  # rows an on-page table shows at most; the export below holds them all
# A table's permalink column: each fact's sentence in the Sources reader, outlined.
FACT_LINKS = {
    READER_COLUMN: st.column_config.LinkColumn(
        READER_COLUMN, display_text="open the sentence", help="The Sources reader at this fact's sentence"
    )
}


ICON = Path(__file__).resolve().parents[1] / "data" / "icons" / "sailing.png"


def page_config() -> None:
    """The browser tab's title and icon: the icon is the app's own file (a :material: one is fetched from a font CDN)."""
    st.set_page_config(
        page_title="Channel crossings in the news",
        page_icon=str(ICON),
        layout="centered",
        initial_sidebar_state="auto",
    )


def page_list() -> list[st.Page]:
    """The pages app.py routes to, in the order of the navigation."""
    return [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("pages/map.py", title="Map", icon=":material/map:", url_path="map"),
        st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
        st.Page("pages/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
        st.Page("pages/figures.py", title="Figures", icon=":material/functions:", url_path="figures"),
        st.Page("pages/sources.py", title="Sources", icon=":material/article:", url_path="sources"),
    ]


def current_view() -> View:
    """The `lib.corpus.filters.View` that app.py selected for this run.

    Streamlit runs a file of pages/ on its own, without app.py, when the first visit after
    a server start opens a page URL directly (/map): until `st.navigation` has run once in
    the process it takes pages/ for an old-style multipage folder. (AppTest does the same
    on every run after `switch_page`.) Streamlit's documentation of `st.navigation` says
    what ends that: "As soon as any session of your app executes the st.navigation
    command, your app will ignore the pages/ directory (across all sessions)". So a page
    run without the frame calls it (hidden: the frame draws the navigation) and reruns;
    app.py then runs first, draws the frame and routes back to this page.
    `tests/test_pages.py` and `tests/test_browser.py` visit every page first, directly.
    The page's own configuration comes first, or the page's navigation icon would be the
    tab's icon for that moment.
    """
    selected = session.view()
    if selected is None or not session.framed():
        page_config()
        st.navigation(page_list(), position="hidden")
        st.rerun()
    assert selected is not None
    return selected


@st.cache_resource(max_entries=1, show_spinner=False)
def official_reference() -> Record:
    """The record (data/reference/: the official series and the IOM incidents), read and validated once per process.

    A resource: every session shares the one copy, and pages only read it. Raises
    `lib.record.reference.ReferenceError` naming the file, line and column of a bad
    row; the pages show it and go on without the record.
    """
    return load_record()


def capped(table: pd.DataFrame, what: str) -> pd.DataFrame:
    """The first TABLE_ROWS rows of a table for the page, and a note above it when there are more.

    A browser table of 100,000 rows costs every rerun seconds and memory; the export
    holds every selected fact.
    """
    if len(table) <= TABLE_ROWS:
        return table
    st.caption(
        f"Showing the first {TABLE_ROWS:,} of {len(table):,} {what}. "
        "Download the CSV or JSON at the foot of the page for all of them."
    )
    return table.head(TABLE_ROWS)


def pager(key: str, query: object, total: int, per_page: int, *, label: str, help: str) -> Page:
    """The page of a long list to show, with a number input (widget `key`) when there is more than one.

    A new `query` (what the list holds: the selection, a search) starts again at page 1;
    a page past the end shows the last.
    """
    pages = page_count(total, per_page)
    session.pager_number(key, query, pages)
    number = 1
    if pages > 1:
        number = st.number_input(
            f"{label} (of {pages:,})", min_value=1, max_value=pages, step=1, key=key, help=help
        )
    return paginate(total, per_page, number)


LINK_TTL = 3600  # seconds a fetched page is kept for every session before it is fetched again


@st.cache_data(max_entries=256, ttl=LINK_TTL, show_spinner="Fetching the link…")
def linked(url: str) -> LinkedArticle:
    """The article behind a link, fetched and read once an hour for every session (`load_link`)."""
    return load_link(url)


def view_links() -> list[str]:
    """The links this view holds: the URL's repeatable `url` parameter."""
    return normalise_links(st.query_params.get_all("url"))[0]


def add_link(widget_key: str) -> None:
    """Fetch the link typed in `widget_key` and, when it gives an article, add it to the URL (a callback)."""
    url = session.pasted(widget_key)
    if not url:
        session.say_about_links("error", "No link given: paste the address of an article page.")
        return
    links, notices = normalise_links([*view_links(), url])
    if url not in links:
        session.say_about_links("error", notices[-1] if notices else f"{url[:100]} is already added.")
        return
    result = linked(url)
    if not result.ok:
        linked.clear(url)  # a page down or a typo: tried again next time, not remembered
        session.say_about_links("error", f"Could not add the link: {result.message}")
        return
    st.query_params["url"] = links
    session.clear_pasted(widget_key)
    session.say_about_links("success", result.message)


def remove_link(url: str) -> None:
    """Take a link out of the view (a callback)."""
    st.query_params["url"] = [u for u in view_links() if u != url]
    session.say_about_links("success", f"Removed {url[:100]} from this view.")


# A resource, not data: st.cache_data would unpickle the whole dict on every call, and a
# page of 50 quotes calls it 100 times (5,000 articles: 1.4 s a rerun).
@st.cache_resource(max_entries=8, ttl=3600, show_spinner=False)
def sources_of(key: str, _articles: pd.DataFrame) -> dict[str, dict]:
    """Each article's title, outlet, link and dates by id, once per corpus (`key`); read-only."""
    return article_rows(_articles)


def fact_source(view: View, article: str, start: int, end: int, sentence: str) -> str:
    """The escaped source line of a fact: its article, outlet and date, the original page, and its permalink."""
    row = sources_of(view.key, view.corpus.articles).get(article, {"article": article})
    return source_html(row, fact_link=permalink(article, start, end))


def cite_button(view: View, article: str, start: int, end: int, sentence: str, *, key: str) -> None:
    """A small "Cite" button that opens the citation (outlet, title, date, URL, the sentence) to copy."""
    row = sources_of(view.key, view.corpus.articles).get(article, {"article": article})
    with st.popover("Cite", icon=":material/format_quote:", key=key):
        st.caption("Copy with the button at the right of the box.")
        st.code(citation(row, sentence, link=permalink(article, start, end)), language=None, wrap_lines=True)


def view_params(view: View) -> dict[str, list[str]]:
    """The view's URL parameters: its filters and its links (what a file name should say)."""
    links = view_links()
    return url.to_query_params(view.state) | ({"url": links} if links else {})


def show_chart(spec: str, *, key: str, what: str, view: View, selectable: bool = False, **kwargs: Any) -> Any:
    """A chart drawn from its shared JSON (`lib.show.publish.freeze`) as a figure of this run's own.

    Its camera button downloads the reader's chosen format (sidebar: Chart images) under a
    name that says the chart and every filter; its title, subtitle and source are its text
    alternative. `selectable` keeps the toolbar's box select (the timeline's points).
    """
    data = json.loads(spec)  # read as a dict: a figure's properties are slow to read
    config = chart_config(
        file_stem(view_params(view), what),
        session.image_format(),  # type: ignore[arg-type]
        data["layout"].get("height"),
        selectable=selectable,
    )
    alt = chart_text(data)
    return st.plotly_chart(thaw(data), key=key, config=config, alt=alt, **kwargs)
