"""Untrusted text made safe to show: every escaper of the app, one per kind of target.

Article text, titles, speakers and fetched pages are data, never markup.

- `escape_text`, for `st.html` and `st.markdown(unsafe_allow_html=True)`: escapes HTML
  (`& < > " '`) and also neutralises the characters Markdown and Streamlit give a
  meaning to (`$` LaTeX, `*` `_` emphasis, `[` `]` links and `:red[...]` colours, `:`
  emoji shortcodes, backquotes, ...) as numeric entities, so the page shows them
  literally whichever way it renders the result.
- `escape_html` / `escape_html_column`, for plotly (hover labels, titles), which renders
  a subset of HTML and no Markdown: HTML's five only, quotation marks as numeric
  entities (plotly decodes those, not `&quot;`).
- `escape_markdown`, for messages that Streamlit renders as Markdown (`st.error`, ...).
"""

from __future__ import annotations

import functools
import re

import pandas as pd

# HTML's five; then, for text that Markdown could read, its specials too. One pass, so an
# entity written for one character is never escaped again.
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#x27;"}
_HTML_ONLY = str.maketrans(_HTML)
_ENTITIES = str.maketrans({**_HTML, **{c: f"&#{ord(c)};" for c in "$*_[]:`\\~#|{}^!"}})
_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|:$~&^=\"'"
_WRAP = 70  # characters per line in hover labels...
_HOVER_CHARS = 280  # ...and where a long sentence is cut


def escape_text(text: str) -> str:
    """Text -> HTML that shows exactly that text, inert under HTML and Markdown alike.

    >>> escape_text(':red[x] $5 <b>')
    '&#58;red&#91;x&#93; &#36;5 &lt;b&gt;'
    """
    return text.translate(_ENTITIES)


def escape_html(text: str) -> str:
    """Text -> HTML for plotly, which reads no Markdown: `a <b> & 'c'` -> `a &lt;b&gt; &amp; &#x27;c&#x27;`."""
    return text.translate(_HTML_ONLY)


def escape_html_column(texts: pd.Series) -> pd.Series:
    """`escape_html` of every text of a column (same index)."""
    return pd.Series([str(t).translate(_HTML_ONLY) for t in texts], index=texts.index, dtype=object)


def escape_markdown(text: str) -> str:
    """Text for Streamlit calls that render Markdown (st.error, st.warning, ...): every special backslash-escaped.

    For messages that quote a file name or a URL value. Article text goes through
    `escape_text` and `st.html` instead.

    >>> print(escape_markdown(":red[x] $5"))
    \\:red\\[x\\] \\$5
    """
    return "".join("\\" + c if c in _MARKDOWN_SPECIALS else c for c in text.replace("\n", " "))


def hover_sentences(sentences: pd.Series) -> pd.Series:
    """Sentences for hover labels: cut after `_HOVER_CHARS`, in lines of at most `_WRAP`, escaped.

    Lines break at spaces, or inside a word longer than a line; `<br>` joins them. Each
    distinct sentence is worked out once per process (`_hover`): the same sentences come
    back in every selection that holds them.
    """
    return pd.Series([_hover(str(s)) for s in sentences], index=sentences.index, dtype=object)


_SPACES = re.compile(r"\s+")
_LINE = re.compile(rf"(?:(.{{1,{_WRAP}}})(?: +|$))|(.{{{_WRAP}}})")


@functools.lru_cache(maxsize=32_768)
def _hover(sentence: str) -> str:
    text = _SPACES.sub(" ", sentence).strip()
    if len(text) > _HOVER_CHARS:  # a no-break space keeps the ellipsis on the line of the last word
        text = text[:_HOVER_CHARS].rstrip() + "\u00a0…"
    wrapped = _LINE.sub(lambda m: (m.group(1) or "") + (m.group(2) or "") + "\n", text).strip()
    return escape_html(wrapped).replace("\n", "<br>")
