"""The frame–page contract: every value this app keeps in `st.session_state`, behind typed accessors.

app.py (the frame) selects the view on every run and the pages read it; uploads, their
messages, the reader's choice of article and the pagers keep their state here. No page
reads or writes a raw key: the keys are this module's own. Widget keys (`from`, `to`,
`article`, `place`, `speaker`, `upload_files`, ...) belong to their widgets; this module
only reads the upload form's, and `clear_filters` resets the filters' (as a callback).

Not a page: app.py lists the pages it routes to, and this file is not among them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import streamlit as st

from lib.corpus.filters import View
from lib.corpus.frames import Corpus
from lib.corpus.uploads import UploadOutcome

_VIEW = "_view"  # lib.corpus.filters.View: what the frame selected for this run
_FRAMED = "_framed"  # set while the frame runs the page: a page run without it reruns
_UPLOADS = "_uploads"  # article -> Corpus, this session's uploaded articles
_UPLOAD_MESSAGES = "_upload_messages"  # [(level, text)] of the last submission
_UPLOAD_REJECTED = "_upload_rejected"  # problem rows of every upload refused this session
_COMBINED = "_combined"  # (key, Corpus): the folder's corpus with the uploads, combined once
_READER_FOLLOWS = "_reader_follows"  # the Article filter the reader last followed
_PAGER_QUERY = "_pager_query:"  # + a pager's widget key: what it was paging through
_LINK_MESSAGES = "_link_messages"  # [(level, text)] of the last link pasted
_TIMELINE_PICKED = "_timeline_picked"  # the reader has picked points on the timeline chart
FILTER_KEYS = ("from", "to", "article", "place", "speaker")
IMAGE_FORMAT = "image_format"  # the sidebar's "Chart images" control: png or svg


def view() -> View | None:
    """The view the frame selected in this run, or None before the frame has run in this session."""
    return st.session_state.get(_VIEW)


def set_view(selected: View) -> None:
    st.session_state[_VIEW] = selected


@contextmanager
def framing() -> Iterator[None]:
    """The frame runs the page inside this, so that the page knows the frame drew this run."""
    st.session_state[_FRAMED] = True
    try:
        yield
    finally:
        st.session_state.pop(_FRAMED, None)


def image_format() -> str:
    """The format the charts' camera buttons download in (the sidebar's choice; PNG until one is made)."""
    return str(st.session_state.get(IMAGE_FORMAT) or "png")


def timeline_picked() -> bool:
    """Whether the reader picked points on the timeline in this session (and the URL says which)."""
    return bool(st.session_state.get(_TIMELINE_PICKED))


def set_timeline_picked(picked: bool) -> None:
    st.session_state[_TIMELINE_PICKED] = picked


def framed() -> bool:
    """Whether the frame is running this page (False when Streamlit runs a page file on its own)."""
    return bool(st.session_state.get(_FRAMED))


def uploads() -> dict[str, Corpus]:
    """This session's uploaded articles (article -> its corpus); never written to disk."""
    return dict(st.session_state.get(_UPLOADS, {}))


def upload_messages() -> list[tuple[str, str]]:
    """What the last submission of the upload form said, file by file: (level, text)."""
    return list(st.session_state.get(_UPLOAD_MESSAGES, []))


def rejected_uploads() -> list[dict[str, str]]:
    """Every upload refused this session, as rows of the problems table."""
    return list(st.session_state.get(_UPLOAD_REJECTED, []))


def record_uploads(outcome: UploadOutcome) -> None:
    """Keep a submission's outcome: the uploads now, its messages, and its refusals added to the earlier ones."""
    st.session_state[_UPLOADS] = outcome.uploads
    st.session_state[_UPLOAD_MESSAGES] = outcome.messages
    st.session_state[_UPLOAD_REJECTED] = rejected_uploads() + outcome.rejected


def drop_uploads() -> None:
    st.session_state[_UPLOADS] = {}
    st.session_state[_UPLOAD_MESSAGES] = [("success", "Uploaded articles removed from this session.")]


def submitted_files() -> list[tuple[str, bytes]]:
    """The files of the upload form as (name, bytes), read in its submit callback."""
    return [(f.name, f.getvalue()) for f in st.session_state.get("upload_files") or []]


def submitted_published() -> date | None:
    """The publication day the upload form was given, if any."""
    return st.session_state.get("upload_published")


def pasted(widget_key: str) -> str:
    """The link typed in a text input (`widget_key`), read in its submit callback."""
    return str(st.session_state.get(widget_key) or "").strip()


def clear_pasted(widget_key: str) -> None:
    """Empty a link input after its link was taken (a callback may change its widget's value)."""
    st.session_state[widget_key] = ""


def link_messages() -> list[tuple[str, str]]:
    """What adding or removing a link last said: (level, text)."""
    return list(st.session_state.get(_LINK_MESSAGES, []))


def say_about_links(level: str, text: str) -> None:
    st.session_state[_LINK_MESSAGES] = [(level, text)]


def combined(key: str) -> Corpus | None:
    """The folder's corpus combined with this session's uploads, if it was combined under `key`."""
    kept = st.session_state.get(_COMBINED)
    return kept[1] if kept is not None and kept[0] == key else None


def keep_combined(key: str, corpus: Corpus | None) -> None:
    """Keep (or, with None, forget) the combined corpus for the uploads `key` names."""
    if corpus is None:
        st.session_state.pop(_COMBINED, None)
    else:
        st.session_state[_COMBINED] = (key, corpus)


def pager_number(widget_key: str, query: Any, pages: int) -> None:
    """Bring a pager (a number input with `widget_key`) to page 1 when what it pages through changed,
    or to its last page when it is past it; call before drawing the widget."""
    marker = _PAGER_QUERY + widget_key
    if st.session_state.get(marker) != query:
        st.session_state[marker] = query
        st.session_state[widget_key] = 1
    elif st.session_state.get(widget_key, 1) > pages:
        st.session_state[widget_key] = pages


def follow_article_filter(
    widget_key: str, chosen: tuple[str, ...], readable: list[str], preferred: str
) -> None:
    """Point a selectbox of articles at `preferred` when the Article filter changed, or when its
    choice is no longer readable; otherwise it keeps the reader's own choice."""
    if st.session_state.get(_READER_FOLLOWS) != chosen or st.session_state.get(widget_key) not in readable:
        st.session_state[widget_key] = preferred
    st.session_state[_READER_FOLLOWS] = chosen


def clear_filters() -> None:
    """Reset every shared filter (a callback: runs before the widgets are drawn)."""
    st.session_state["from"] = None
    st.session_state["to"] = None
    for key in ("article", "place", "speaker"):
        st.session_state[key] = []
