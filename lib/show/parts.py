"""Charts of the articles' breakdowns: the parts of a reported total, group by group."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.show.html import escape_html
from lib.show.palette import DEATH_COLOUR
from lib.show.publish import finished_layout


def build_breakdown_chart(
    parts: pd.DataFrame, *, title: str, subtitle: str = "", source: str = "Source: the article"
) -> go.Figure:
    """A horizontal bar per group of a breakdown (columns group, value), for the Figures page.

    `title`, `subtitle` and `source` are plain text (article words among them): escaped here.
    """
    layout = finished_layout(
        [], title=escape_html(title), subtitle=escape_html(subtitle), source=escape_html(source),
        height_px=200 + 36 * len(parts),
    )  # fmt: skip
    layout["xaxis"]["title"] = {"text": "People"}
    layout["yaxis"].update({"title": {"text": "Group"}, "autorange": "reversed", "automargin": True})
    values = [int(v) for v in parts["value"]]
    bar = {
        "type": "bar", "x": values, "y": [str(g) for g in parts["group"]], "orientation": "h",
        "marker": {"color": DEATH_COLOUR}, "text": [f"{v:,}" for v in values],
        "textposition": "auto", "hovertemplate": "%{y}: %{x:,}<extra></extra>", "showlegend": False,
    }  # fmt: skip
    # built from dicts, not validated: one of these per breakdown, built when a selection
    # brings new ones, in ~1 ms instead of ~12 (tests/test_publish.py validates it)
    return go.Figure({"data": [bar], "layout": layout}, _validate=False)
