"""Plotly made safe for many sessions in one process, once, before the first chart is built.

Plotly builds its property validators lazily, on the first use of each property, and
that first use is not thread-safe (plotly.py issue 3441): `ValidatorCache.get_validator`
writes into the shared parameter dictionaries it reads from, so two sessions building
their first charts at once can get a validator for the wrong object, and a reader sees
"Invalid property specified for object of type plotly.graph_objs.scatter.Marker:
'pattern'" on a bar chart. `prepare_plotly` wraps the cache so that a miss is built under
one lock (a hit, the usual case, takes no lock), then builds one chart of every kind the
dashboard draws, so that the validators, trace classes and the default template exist
before any session asks for them.

The other half of the rule lives with the callers: a figure held in a cache shared by
sessions is never handed out as a `go.Figure` (reading one builds its child objects);
it is kept as its JSON (`lib.show.publish.freeze`) and each run gets its own copy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
from plotly.validator_cache import ValidatorCache

_LOCK = threading.RLock()
_READY = threading.Event()


def _locked(get_validator: Callable[[str, str], Any]) -> Callable[[str, str], Any]:
    """`get_validator` whose misses are built one at a time; hits read the cache without a lock."""
    cache: dict[tuple[str, str], Any] = ValidatorCache._cache

    def get(parent_path: str, prop_name: str) -> Any:
        found = cache.get((parent_path, prop_name))
        if found is not None:
            return found
        with _LOCK:
            return get_validator(parent_path, prop_name)

    get.__wrapped__ = get_validator  # type: ignore[attr-defined]
    return get


def _every_kind_of_chart() -> None:
    """One chart with every trace type, property group and layout part the dashboard uses."""
    figure = go.Figure(
        [
            go.Bar(
                x=[1], y=[1], text=["1"], textposition="outside", cliponaxis=False,
                constraintext="none", customdata=[["a"]], hovertext=["a"],
                hovertemplate="%{y}<extra></extra>", orientation="v", width=[1],
                marker={"color": "#000", "opacity": 1, "line": {"width": 0},
                        "pattern": {"shape": "/"}},
            ),
            go.Scatter(
                x=[1], y=[1], mode="lines+markers+text", text=["a"], textposition="top center",
                customdata=[["a"]], hovertemplate="%{y}<extra></extra>", fill="tozeroy",
                line={"color": "#000", "width": 1, "dash": "dot", "shape": "hv"},
                marker={"color": "#000", "size": 8, "symbol": "diamond", "opacity": 1,
                        "line": {"width": 1, "color": "#fff"}},
                showlegend=False, legendgroup="a", cliponaxis=False,
            ),
        ]
    )  # fmt: skip
    figure.update_layout(
        title={"text": "a", "subtitle": {"text": "b"}, "x": 0, "xanchor": "left"},
        xaxis={"title": {"text": "a"}, "type": "date", "range": [0, 1], "dtick": 1,
               "tickformat": "%Y", "showgrid": False, "rangeslider": {"visible": False}},
        yaxis={"title": {"text": "a"}, "rangemode": "tozero", "tickformat": ",",
               "automargin": True},
        yaxis2={"overlaying": "y", "side": "right", "domain": [0, 1]},
        legend={"orientation": "h", "title": {"text": "a"}, "y": -0.2, "x": 0},
        margin={"l": 0, "r": 0, "t": 0, "b": 0}, height=300, barmode="overlay",
        bargap=0, hovermode="closest", dragmode="zoom", font={"size": 12},
        shapes=[{"type": "rect", "x0": 0, "x1": 1, "y0": 0, "y1": 1, "xref": "x",
                 "yref": "paper", "fillcolor": "#888", "opacity": 0.1, "line": {"width": 0},
                 "layer": "below"}],
        annotations=[{"text": "a", "x": 0, "y": 0, "xref": "paper", "yref": "paper",
                      "showarrow": False, "xanchor": "left", "yanchor": "top",
                      "font": {"size": 10}, "align": "left"}],
        uniformtext={"minsize": 8, "mode": "hide"}, separators=".,",
    )  # fmt: skip
    go.Figure(figure.to_dict(), _validate=False).to_json()


def prepare_plotly() -> None:
    """Once per process (later calls return at once): serialise validator misses, then warm them."""
    with _LOCK:
        if _READY.is_set():
            return
        if not hasattr(ValidatorCache.get_validator, "__wrapped__"):
            ValidatorCache.get_validator = staticmethod(_locked(ValidatorCache.get_validator))
        pio.templates[pio.templates.default]  # noqa: B018 - loads the default template once
        _every_kind_of_chart()
        _READY.set()
