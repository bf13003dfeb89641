"""Charts as readers keep them: title, units and source line inside the figure, sized for a phone, exported by the browser.

A chart is downloaded from its toolbar's camera button (plotly.js draws the PNG or SVG in
the reader's browser: nothing to install on the server, no server CPU). What is in the
figure is what is in the image, so every chart carries:

- a title short enough for a 390 px phone and a subtitle (wrapped, never cut) with the
  period and the units;
- its source line, bottom left (`add_source`);
- its legend beneath the plot, titles wrapped (`legend_below`);
- colours that read on a light and on a dark page (the Streamlit theme draws the
  background and the text; nothing here sets them).

Sessions share one built chart as its JSON (`freeze`, an immutable string) and each run
gets its own figure from it (`thaw`, without validating again: 1 ms, not 12). A
`go.Figure` held in a shared cache is never handed out: reading one builds its child
objects, which is not safe from two threads (see `lib.show.plotly_ready`).
"""

from __future__ import annotations

import json
import math
import re
import textwrap
from typing import Any, Literal

import plotly.graph_objects as go
import plotly.io as pio

ImageFormat = Literal["png", "svg"]
IMAGE_FORMATS: tuple[ImageFormat, ...] = ("png", "svg")
NARROW_PX = 358  # a 390 px phone less the page's margins: nothing may be cut at this width
TITLE_CHARS = 36  # a 17 px title on a phone: longer titles wrap
SUBTITLE_CHARS = 52  # a 13 px subtitle on a phone
LEGEND_TITLE_CHARS = 48
LEGEND_PAIR_CHARS = 18  # legend entries this short go two a row on a phone; longer, one a row
LEGEND_ROW_PX = 22
SOURCE_CHARS = 52  # the 10 px source line on a phone, from the figure's left edge
SOURCE_XSHIFT_PX = 48  # the source line starts in the left margin (56 px), under the axis title
MODEBAR_PX = 30  # the toolbar's row above the title: on a phone it would sit on the title
IMAGE_WIDTH_PX = 1000  # exported images: a newspaper column set wide
SOURCE_COLOUR = "#808080"  # mid grey: 3.9:1 on white, 5.3:1 on Streamlit's dark background
GRID_COLOUR = "rgba(128,128,128,0.25)"
AXIS_COLOUR = "rgba(128,128,128,0.8)"
SOURCE_LINE_PX = 13  # one line of the 10 px source text
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def wrap(text: str, width: int) -> str:
    """Plain words wrapped with plotly's <br> at `width` characters (existing <br> kept)."""
    lines = []
    for line in _BREAK.split(text):
        lines.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
    return "<br>".join(lines)


def title_layout(title: str, subtitle: str = "") -> tuple[dict[str, Any], int]:
    """The layout's title and subtitle, wrapped for a phone, and the top margin their lines take."""
    title_text = wrap(title, TITLE_CHARS)
    subtitle_text = wrap(subtitle, SUBTITLE_CHARS) if subtitle else ""
    lines = title_text.count("<br>") + 1
    sub_lines = subtitle_text.count("<br>") + 1 if subtitle_text else 0
    layout = {
        "text": title_text, "subtitle": {"text": subtitle_text}, "x": 0, "xref": "container",
        "xanchor": "left", "pad": {"l": 8, "t": MODEBAR_PX}, "y": 1, "yref": "container",
        "yanchor": "top",
    }  # fmt: skip
    return layout, MODEBAR_PX + 24 + 22 * lines + 17 * sub_lines


def legend_columns(names: list[str]) -> int:
    """Two legend entries a row when every name fits half a phone's width, else one."""
    return 2 if all(len(name) <= LEGEND_PAIR_CHARS for name in names) else 1


def legend_below(
    top_px: int, height_px: int, title: str = "", columns: int = 2, **extra: Any
) -> dict[str, Any]:
    """A horizontal legend `top_px` above the figure's bottom edge, title wrapped, `columns` entries a row."""
    legend: dict[str, Any] = {
        "orientation": "h", "x": 0, "xref": "container", "yref": "container", "yanchor": "top",
        "y": top_px / height_px, "entrywidth": 1 / columns, "entrywidthmode": "fraction",
        "itemsizing": "constant", "font": {"size": 11},
    }  # fmt: skip
    if title:
        legend["title"] = {"text": wrap(title, LEGEND_TITLE_CHARS), "side": "top"}
    return {**legend, **extra}


def source_lines(text: str) -> str:
    """The source line wrapped for a phone: each source on its own line, long ones wrapped."""
    return "<br>".join(wrap(part, SOURCE_CHARS) for part in text.split("; "))


def source_annotation(text: str, bottom_px: int) -> dict[str, Any]:
    """The source line as an annotation at the figure's bottom left (`bottom_px`: the bottom margin)."""
    return {
        "text": source_lines(text), "xref": "paper", "yref": "paper", "x": 0, "y": 0,
        "xshift": -SOURCE_XSHIFT_PX, "yshift": -bottom_px + 4, "xanchor": "left", "yanchor": "bottom", "showarrow": False,
        "align": "left", "font": {"size": 10, "color": SOURCE_COLOUR}, "name": "source",
    }  # fmt: skip


def add_source(fig: go.Figure, text: str, bottom_px: int) -> None:
    """The source line inside the figure, at its bottom left, so an image keeps it."""
    fig.add_annotation(source_annotation(text, bottom_px))


def source_height(text: str) -> int:
    """Pixels the wrapped source line takes."""
    return SOURCE_LINE_PX * (source_lines(text).count("<br>") + 1) + 6


def quiet_axes(fig: go.Figure) -> None:
    """Grid and axis lines in a grey that reads on light and dark pages."""
    fig.update_xaxes(gridcolor=GRID_COLOUR, linecolor=AXIS_COLOUR, zerolinecolor=GRID_COLOUR)
    fig.update_yaxes(gridcolor=GRID_COLOUR, linecolor=AXIS_COLOUR, zerolinecolor=GRID_COLOUR)


def finish(fig: go.Figure, **options: Any) -> go.Figure:
    """A chart made publishable: `finished_layout` (title, subtitle, legend beneath, source
    line; its keyword `options`) for the legend entries and annotations `fig` already has.

    Returns `fig`, its layout updated in one validated step (2-3 ms on a small chart).
    """
    names = [str(trace.name or "") for trace in fig.data if trace.showlegend is not False]
    layout = finished_layout(
        names, annotations=list(fig.layout.annotations), top_px=int(fig.layout.margin.t or 0), **options
    )
    fig.update_layout(**layout)
    return fig


def finished_layout(
    names: list[str],
    *,
    title: str,
    subtitle: str,
    source: str,
    height_px: int,
    legend_title: str = "",
    axis_px: int = 56,
    reserve: tuple[str, ...] = (),
    annotations: list[Any] | None = None,
    top_px: int = 0,
) -> dict[str, Any]:
    """The layout that makes a chart publishable, as a dict: what `finish` sets, for a figure built from dicts.

    `names` are the legend's entries. The bottom margin holds, from the top: the x axis's
    ticks and title (`axis_px`), the legend (when it has entries), the source line.
    `reserve` keeps room for the legend entries of traces added later (their names: the
    article figures marked on a chart of the record), so that adding one changes nothing
    else. Entries go two a row when every name is short, else one a row: on a phone
    nothing is cut or overlaps. `annotations` already on the chart are kept, and a top
    margin `top_px` larger than the title needs.
    """
    title_spec, top = title_layout(title, subtitle)
    source_px = source_height(source)
    names = [*names, *reserve]
    legend_px = 0
    layout: dict[str, Any] = {}
    if names:
        columns = legend_columns(names)
        title_lines = wrap(legend_title, LEGEND_TITLE_CHARS).count("<br>") + 1 if legend_title else 0
        legend_px = LEGEND_ROW_PX * math.ceil(len(names) / columns) + 17 * title_lines + 8
        layout["legend"] = legend_below(source_px + legend_px, height_px, legend_title, columns)
    bottom = axis_px + legend_px + source_px
    quiet = {"gridcolor": GRID_COLOUR, "linecolor": AXIS_COLOUR, "zerolinecolor": GRID_COLOUR}
    return {
        "title": title_spec, "height": height_px, "showlegend": bool(names),
        "xaxis": dict(quiet), "yaxis": dict(quiet),
        "margin": {"l": 56, "r": 16, "b": bottom, "t": max(top, top_px)},
        "annotations": [*(annotations or []), source_annotation(source, bottom)],
        **layout,
    }  # fmt: skip


def freeze(fig: go.Figure) -> str:
    """The figure as JSON: what a cache shared by sessions keeps (immutable; `thaw` gives a figure back)."""
    return pio.to_json(fig, validate=False)


def thaw(spec: str | dict[str, Any]) -> go.Figure:
    """A figure of this run's own from `freeze`'s JSON (or its parsed dict), not validated again (it was when built)."""
    return go.Figure(json.loads(spec) if isinstance(spec, str) else spec, _validate=False)


def chart_text(figure: go.Figure | dict[str, Any]) -> str:
    """The title, subtitle and source of a figure (or its dict) as plain text: the chart's text alternative."""
    layout = figure["layout"] if isinstance(figure, dict) else figure.to_plotly_json()["layout"]
    title = layout.get("title") or {}
    parts = [title.get("text") or "", (title.get("subtitle") or {}).get("text") or ""]
    parts += [a.get("text") for a in layout.get("annotations") or () if a.get("name") == "source" and a.get("text")]
    return ". ".join(_BREAK.sub(" ", p).strip() for p in parts if p)


def image_options(filename: str, fmt: ImageFormat, height_px: int | None) -> dict[str, Any]:
    """plotly.js `toImageButtonOptions`: the camera button's format, file name and size (twice as sharp for PNG)."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"image format {fmt!r}; accepted: {', '.join(IMAGE_FORMATS)}")
    return {
        "format": fmt,
        "filename": filename,
        "width": IMAGE_WIDTH_PX,
        "height": height_px or 450,
        "scale": 2 if fmt == "png" else 1,
    }


def chart_config(
    filename: str, fmt: ImageFormat, height_px: int | None, *, selectable: bool = False
) -> dict[str, Any]:
    """The config every chart is shown with: the toolbar always there (a phone has no hover), its camera set.

    `selectable` keeps box select (a chart whose points a click or a box picks).
    """
    removed = ["lasso2d", "autoScale2d"] + ([] if selectable else ["select2d"])
    return {
        "displaylogo": False,
        "displayModeBar": True,
        "modeBarButtonsToRemove": removed,
        "toImageButtonOptions": image_options(filename, fmt, height_px),
    }
