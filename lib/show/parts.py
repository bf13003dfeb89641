"""Charts of the articles' breakdowns: the parts of a reported total, group by group."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.show.html import escape_html
from lib.show.palette import DEATH_COLOUR


def build_breakdown_chart(parts: pd.DataFrame, *, title: str) -> go.Figure:
    """A horizontal bar per group of a breakdown (columns group, value), for the Figures page."""
    figure = go.Figure(
        go.Bar(
            x=list(parts["value"]), y=[str(g) for g in parts["group"]], orientation="h",
            marker={"color": DEATH_COLOUR}, text=[f"{int(v):,}" for v in parts["value"]],
            textposition="auto", hovertemplate="%{y}: %{x:,}<extra></extra>",
        )
    )  # fmt: skip
    figure.update_layout(
        title={"text": escape_html(title)},
        xaxis={"title": {"text": "People"}},
        yaxis={"title": {"text": "Group"}, "autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        height=120 + 40 * len(parts),
    )
    return figure
