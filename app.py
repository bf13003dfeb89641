"""The router and frame: page config, navigation over pages/, the shared sidebar filters and the export.

Run with `streamlit run app.py`. Articles come from `seeds/` unless `ARTICLES_DIR` names
another folder. The five filters are bound to the URL (`from`, `to`, `article`, `place`,
`speaker`; the last three repeatable), so a copied link reopens the same view on any
page. Pages read what this frame selected with `pages._frame.current_view()` (a
`lib.filters.View` kept in `st.session_state["_view"]`) and render it.

Widget keys (stable; the browser tests use them): `from`, `to`, `article`, `place`,
`speaker`, `clear_filters`, `export_csv`, `export_json`.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from lib import filters
from lib.export import export_name, facts_frame, to_csv, to_json
from lib.load import Corpus, combine, load_corpus
from lib.reader import escape_markdown, titles_html

ROOT = Path(__file__).resolve().parent
PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
    st.Page("pages/figures.py", title="Figures", icon=":material/functions:", url_path="figures"),
    st.Page("pages/sources.py", title="Sources", icon=":material/article:", url_path="sources"),
]


def articles_folder() -> Path:
    """`$ARTICLES_DIR` if set, else the seeds/ folder beside this file."""
    return Path(os.environ.get("ARTICLES_DIR") or ROOT / "seeds")


def folder_fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, mtimes and sizes of the folder's files: cheap, and changes when an article does."""
    try:
        entries = [e for e in os.scandir(folder) if e.is_file()]
    except OSError:
        return ()
    return tuple(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size) for e in entries))


@st.cache_data(max_entries=4, show_spinner="Reading the articles…")
def load_folder(folder: str, fingerprint: tuple[tuple[str, int, int], ...]) -> Corpus:
    """The folder's corpus; `fingerprint` is only part of the cache key, so edits are picked up."""
    del fingerprint
    return load_corpus(folder)


def clear_filters() -> None:
    """Reset every shared filter (a callback: runs before the widgets are drawn)."""
    st.session_state["from"] = None
    st.session_state["to"] = None
    for key in ("article", "place", "speaker"):
        st.session_state[key] = []


st.set_page_config(
    page_title="Channel crossings in the news",
    page_icon=":material/sailing:",
    layout="centered",
    initial_sidebar_state="auto",
)
page = st.navigation(PAGES, position="sidebar")

folder = articles_folder()
corpus = load_folder(str(folder), folder_fingerprint(folder))
uploads: dict[str, Corpus] = st.session_state.get("_uploads", {})
if uploads:
    corpus = combine(corpus, *uploads.values())
options = filters.filter_options(corpus)

# Read the raw URL before the bound widgets: Streamlit drops a value it cannot use
# without a word, and the reader deserves to know why the view is not what the link said.
raw_params = {name: st.query_params.get_all(name) for name in filters.URL_PARAMS}
_, notices = filters.parse_query_params(raw_params, options)

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
        min_value=filters.DATE_MIN,
        max_value=filters.DATE_MAX,
        format="YYYY-MM-DD",
        key="from",
        bind="query-params",
        help="First day of facts to show (empty: from the earliest). " + span,
    )
    date_to = st.date_input(
        "To",
        value=None,
        min_value=filters.DATE_MIN,
        max_value=filters.DATE_MAX,
        format="YYYY-MM-DD",
        key="to",
        bind="query-params",
        help="Last day of facts to show (empty: up to the latest). " + span,
    )
    st.caption(span)
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
        on_click=clear_filters,
        icon=":material/filter_alt_off:",
    )

state = filters.state_from_widgets(date_from, date_to, articles, places, speakers)
state, repairs = filters.check_state(state)
selected = filters.apply_filters(corpus, state)
st.session_state["_view"] = filters.View(
    corpus=corpus, selected=selected, state=state, options=options
)

if notices:
    st.warning(
        "Some of the link could not be used:\n\n"
        + "\n".join(f"- {escape_markdown(n)}" for n in notices),
        icon=":material/link_off:",
    )
for repair in repairs:
    st.warning(repair, icon=":material/date_range:")

page.run()

params = filters.to_query_params(state)
n_facts = sum(len(selected.table(t)) for t in ("figures", "events", "places", "quotes", "claims"))
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
