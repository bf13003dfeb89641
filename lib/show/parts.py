"""Charts of the articles' breakdowns: the parts of a reported total, group by group."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.show.html import escape_html
from lib.show.palette import DEATH_COLOUR
from lib.show.publish import finish


def build_breakdown_chart(
    parts: pd.DataFrame, *, title: str, subtitle: str = "", source: str = "Source: the article"
) -> go.Figure:
    """A horizontal bar per group of a breakdown (columns group, value), for the Figures page.

    `title`, `subtitle` and `source` are plain text (article words among them): escaped here.
    """
    figure = go.Figure(
        go.Bar(
            x=list(parts["value"]), y=[str(g) for g in parts["group"]], orientation="h",
            marker={"color": DEATH_COLOUR}, text=[f"{int(v):,}" for v in parts["value"]],
            textposition="auto", hovertemplate="%{y}: %{x:,}<extra></extra>",
        )
    )  # fmt: skip
    figure.update_traces(showlegend=False)
    figure.update_layout(
        xaxis={"title": {"text": "People"}},
        yaxis={"title": {"text": "Group"}, "autorange": "reversed", "automargin": True},
    )
    return finish(
        figure, title=escape_html(title), subtitle=escape_html(subtitle), source=escape_html(source),
        height_px=200 + 36 * len(parts),
    )  # fmt: skip
