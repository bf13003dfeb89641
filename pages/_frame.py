"""What every page starts with: the view that the frame (app.py) selected for this run.

Not a page: app.py lists the pages it routes to, and this file is not among them.
"""

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from lib.reference import Reference, load_reference

TABLE_ROWS = 2_000  # rows an on-page table shows at most; the export below holds them all


def current_view():
    """The `lib.filters.View` that app.py stored for this run.

    Streamlit runs a file of pages/ on its own, without app.py, when the first visit
    after a server start opens a page URL directly (/map): until `st.navigation` has run
    once it takes pages/ for an old-style multipage folder. (AppTest does the same on
    every run after `switch_page`.) Then this turns that off, as `st.navigation` would,
    and reruns, so app.py draws the frame and routes to this page.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
    if "_view" not in st.session_state:
        # Several first visits at once: another session turned the flag off while this
        # one was already running the page on its own. Rerun: app.py runs first now.
        st.rerun()
    return st.session_state["_view"]


@st.cache_data(max_entries=1, show_spinner=False)
def official_reference() -> Reference:
    """The official figures of data/reference/, read and validated once (they are static).

    Raises `lib.reference.ReferenceError` naming the file, line and column of a bad row;
    the pages show it and go on without the official context.
    """
    return load_reference()


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
