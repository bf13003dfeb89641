"""The router and frame: page config, navigation over pages/, the shared sidebar filters and the export.

Run with `streamlit run app.py`. Articles come from `seeds/` unless `ARTICLES_DIR` names
another folder. The five filters are bound to the URL (`from`, `to`, `article`, `place`,
`speaker`; the last three repeatable), so a copied link reopens the same view on any
page. Pages read what this frame selected with `pages._frame.current_view()` (a
`lib.corpus.filters.View`, kept by `pages._session`, which owns every session key) and
render it.

Widget keys (stable; the browser tests use them): `from`, `to`, `article`, `place`,
`speaker`, `clear_filters`, `image_format`, `export_csv`, `export_json`.

Speed: the corpus is loaded once per version of the folder and shared by every session;
what is worked out from it once (filter options, and each page's own per-corpus tables)
is cached under a cheap key (`View.key`: a hash of the folder's names, sizes and mtimes,
plus this session's uploads). A rerun only filters, and a rerun with unchanged filters
reuses the last selection.
"""

from __future__ import annotations

import gc
import hashlib
import os
from pathlib import Path

import pyarrow
import streamlit as st

from lib.corpus import filters, url
from lib.corpus.export import export_name, facts_frame, to_csv, to_json
from lib.corpus.frames import Corpus
from lib.corpus.links import LinkedArticle, normalise_links
from lib.corpus.load import combine, load_corpus
from lib.schema import FACT_TABLES
from lib.show.html import escape_markdown
from lib.show.plotly_ready import prepare_plotly
from lib.show.reader import titles_html
from pages import _session as session
from pages._frame import add_link, linked, page_config, page_list

ROOT = Path(__file__).resolve().parent


def articles_folder() -> Path:
    """`$ARTICLES_DIR` if set, else the seeds/ folder beside this file."""
    return Path(os.environ.get("ARTICLES_DIR") or ROOT / "seeds")


def folder_fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, mtimes and sizes of the folder's files: cheap, and changes when an article does."""
    try:
        stats = [(e.name, e.stat()) for e in os.scandir(folder) if e.is_file()]
    except OSError:
        return ()
    return tuple(sorted((name, stat.st_mtime_ns, stat.st_size) for name, stat in stats))


# Scanning 5,000 articles' files costs 20-40 ms: done at most once a second for all sessions.
@st.cache_data(max_entries=4, ttl=1, show_spinner=False)
def folder_key(folder: str) -> str:
    """`corpus_key` of the folder and its fingerprint: changes within a second of an article's change."""
    return corpus_key(folder, folder_fingerprint(Path(folder)))


@st.cache_resource(max_entries=1, show_spinner=False)
def settle_process() -> bool:
    """Once per process, before the corpus is read and any chart is built.

    - Plotly's validators are built once, here, on one thread, and later misses take a
      lock (`lib.show.plotly_ready`): their lazy first use is not thread-safe, and two
      sessions' first charts at once could fail.
    - Arrow buffers (every string column) come from the system allocator, which gives
      memory back: Arrow's default (mimalloc) keeps what reading the Parquet snapshot
      used, 60-100 MB more at 5,000 articles.
    - What the imports built (Streamlit, pandas, plotly: 100,000+ objects that live as
      long as the process) is set aside from garbage collection: a full collection
      otherwise walks them all, about 70 ms, once every few reruns.
    """
    prepare_plotly()
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    if gc.get_freeze_count() == 0:  # once: not again after a cache clear
        gc.collect()
        gc.freeze()
    return True


def corpus_key(*parts: object) -> str:
    """A short hash of what identifies a corpus (a folder fingerprint, uploads), for cache keys."""
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:24]


# A resource, not data: st.cache_data would unpickle a copy of the whole corpus on every
# rerun (70 ms and a second copy in memory at 5,000 articles). Pages only read it.
@st.cache_resource(max_entries=2, show_spinner="Reading the articles…")
def load_folder(folder: str, fingerprint: str) -> Corpus:
    """The folder's corpus; `fingerprint` (from `folder_key`) is only part of the cache key, so edits are picked up."""
    del fingerprint
    return load_corpus(folder)


@st.cache_resource(max_entries=8, ttl=3600, show_spinner=False)
def corpus_options(key: str, _corpus: Corpus) -> filters.FilterOptions:
    """`filters.filter_options` once per corpus (`key` names it); a resource: read on every run, never copied."""
    return filters.filter_options(_corpus)


@st.cache_data(max_entries=16, ttl=600, show_spinner=False)
def selected_rows(key: str, state: filters.FilterState, _corpus: Corpus) -> dict:
    """`filters.select_rows`: positions only (small to keep), cached on the corpus key and the filters."""
    return filters.select_rows(_corpus, state)


@st.cache_data(max_entries=16, ttl=600, show_spinner=False)
def empty_because(key: str, state: filters.FilterState, _corpus: Corpus) -> str | None:
    """`filters.why_empty`: which filter emptied the view, cached on the corpus key and the filters."""
    return filters.why_empty(_corpus, state)


def with_added(
    corpus: Corpus, key: str, links: list[LinkedArticle], uploads: dict[str, Corpus]
) -> tuple[Corpus, str]:
    """The folder's corpus with the view's links and this session's uploads, and its key; combined once per set."""
    if not links and not uploads:
        session.keep_combined(key, None)
        return corpus, key
    key = corpus_key(
        key,
        *((link.url, link.content_hash) for link in links),
        *(
            (name, *map(str, upload.articles[["sha256", "published", "reference_date"]].iloc[0]))
            for name, upload in uploads.items()
        ),
    )
    kept = session.combined(key)
    if kept is None:
        kept = combine(corpus, *(link.corpus for link in links), *uploads.values())
        session.keep_combined(key, kept)
    return kept, key


def linked_articles() -> tuple[list[LinkedArticle], list[str]]:
    """The articles behind the view's links (the URL's `url` parameters), and notices about the links."""
    links, notices = normalise_links(st.query_params.get_all("url"))
    found = [linked(link) for link in links]
    for article in found:
        if not article.ok:
            linked.clear(article.url)  # a page down just now is tried again on the next run
    return found, notices


page_config()
page = st.navigation(page_list(), position="sidebar")

settle_process()
folder = articles_folder()
key = folder_key(str(folder))
corpus = load_folder(str(folder), key)
links, link_notices = linked_articles()
corpus, key = with_added(corpus, key, links, session.uploads())
options = corpus_options(key, corpus)

# Read the raw URL before the bound widgets: Streamlit drops a value it cannot use
# without a word, and the reader deserves to know why the view is not what the link said.
raw_params = {name: st.query_params.get_all(name) for name in url.URL_PARAMS}
_, notices = url.parse_query_params(raw_params, options)
notices += link_notices + [
    f"The link {link.url[:100]} gave no article: {link.message}" for link in links if not link.ok
]

with st.sidebar:
    st.header("Filters", anchor="filters")
    span = (
        f"Facts run from {options.first.isoformat()} to {options.last.isoformat()}."
        if options.first and options.last
        else "No dated facts loaded."
    )
    date_from = st.date_input(
        "From",
        value=None,
        min_value=url.DATE_MIN,
        max_value=url.DATE_MAX,
        format="YYYY-MM-DD",
        key="from",
        bind="query-params",
        help="First day of facts to show (empty: from the earliest). " + span,
    )
    date_to = st.date_input(
        "To",
        value=None,
        min_value=url.DATE_MIN,
        max_value=url.DATE_MAX,
        format="YYYY-MM-DD",
        key="to",
        bind="query-params",
        help="Last day of facts to show (empty: up to the latest). " + span,
    )
    st.caption(span + " " + filters.DATE_RULE)
    articles = st.multiselect(
        "Article",
        options.articles,
        key="article",
        bind="query-params",
        placeholder="All articles",
        help="Article file names; the Sources page lists their titles.",
    )
    if articles:  # titles are article text: escaped HTML, never Markdown
        st.html(titles_html(options.titles.get(a, a) for a in articles))
    places = st.multiselect(
        "Place",
        options.places,
        key="place",
        bind="query-params",
        placeholder="All places",
        help="Keeps those places, and the facts in sentences that name them.",
    )
    speakers = st.multiselect(
        "Speaker",
        options.speakers,
        key="speaker",
        bind="query-params",
        placeholder="All speakers",
        help="Keeps their quotes, and the facts in the same sentences.",
    )
    st.button(
        "Clear filters",
        key="clear_filters",
        on_click=session.clear_filters,
        icon=":material/filter_alt_off:",
    )
    with st.form("sidebar_link_form", clear_on_submit=False, border=False):
        st.text_input(
            "Add an article by its link",
            key="sidebar_link",
            placeholder="https://…",
            help="The page is fetched, its main text read and its facts found; the link joins "
            "the URL, so a shared link reopens with the same articles. The Sources page lists them.",
        )
        st.form_submit_button(
            "Add link",
            key="sidebar_link_submit",
            on_click=add_link,
            args=("sidebar_link",),
            icon=":material/add_link:",
        )
    for level, message in session.link_messages():
        (st.error if level == "error" else st.success)(escape_markdown(message))
    st.segmented_control(
        "Chart images",
        ("png", "svg"),
        format_func=str.upper,
        default="png",
        key=session.IMAGE_FORMAT,
        help="The camera button in a chart's toolbar downloads it as this: PNG for the web, "
        "SVG for print and editing. The image keeps the chart's title, units and source line, "
        "and its file name says the filters.",
    )

state = url.state_from_widgets(date_from, date_to, articles, places, speakers)
state, repairs = url.check_state(state)
last = session.view()
if last is not None and last.key == key and last.state == state and last.corpus is corpus:
    rows, selected = last.rows, last.selected  # the same filters: the same selection
else:
    rows = selected_rows(key, state, corpus)
    selected = filters.Selection(corpus, rows)  # tables taken as pages read them
session.set_view(
    filters.View(corpus=corpus, selected=selected, state=state, options=options, key=key, rows=rows)
)

if notices:
    st.warning(
        "Some of the link could not be used:\n\n"
        + "\n".join(f"- {escape_markdown(n)}" for n in notices),
        icon=":material/link_off:",
    )
for repair in repairs:
    st.warning(repair, icon=":material/date_range:")
n_facts = sum(len(rows[t]) for t in FACT_TABLES)
if n_facts == 0 and not state.is_empty:
    emptied = empty_because(key, state, corpus)
    if emptied:
        st.info(escape_markdown(emptied), icon=":material/filter_alt_off:")

with session.framing():
    page.run()

params = url.to_query_params(state) | ({"url": [link.url for link in links]} if links else {})
st.divider()
st.subheader("Export the selected facts", anchor="export")
st.caption(
    f"{n_facts:,} facts chosen by the filters, each with its provenance: article, "
    "character offsets, evidence and the sentence around it."
)
csv_column, json_column = st.columns(2)
csv_column.download_button(
    "Download CSV",
    # built only when clicked (on its own thread): a rerun never pays for the export
    lambda: to_csv(facts_frame(selected)),
    file_name=export_name(params, "csv"),
    mime="text/csv",
    key="export_csv",
    on_click="ignore",
    icon=":material/download:",
)
json_column.download_button(
    "Download JSON",
    lambda: to_json(facts_frame(selected), filters=params),
    file_name=export_name(params, "json"),
    mime="application/json",
    key="export_json",
    on_click="ignore",
    icon=":material/download:",
)
