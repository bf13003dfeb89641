"""The map: the places the articles name, the IOM incidents of the record, on land drawn from data/geo/.

Nothing here draws: `build_map` returns a `pdk.Deck` the page hands to Streamlit and
the tests read back as data (`deck.to_json()`). The tooltip is plain text, never HTML.
Land and coasts come from `data/geo/channel.geojson` (read once per process), so the
map reads without basemap tiles; the first view fits what is drawn.
"""

from __future__ import annotations

import functools
import json
import math
import statistics
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pydeck as pdk
from pydeck.types import String

from lib.show.labels import describe_facts
from lib.show.palette import DEATH_COLOUR, PLACE_COLOUR, hex_to_rgb
from lib.show.record import INCIDENT_COLOURS

# The first view when nothing is drawn: the coast from Calais to Boulogne-sur-Mer, Wimereux between.
COAST_VIEW = {"latitude": 50.85, "longitude": 1.75, "zoom": 9.3}
CARTO_LIGHT = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json"
CARTO_DARK = "https://basemaps.cartocdn.com/gl/dark-matter-gl-style/style.json"  # a dark page's tiles
GEOJSON = Path(__file__).resolve().parents[2] / "data" / "geo" / "channel.geojson"
_TOOLTIP_SENTENCES = 3  # sentences quoted per place in a map tooltip
# The first view is fitted for the narrowest map the page gives (a 390 px phone, less the
# page's margins: 358 px) at the page's height; wider maps only show more around it. The
# top padding keeps every point (and the label beneath it) below the zoom buttons in the
# top-right corner; the side padding grows to half the longest label, so none is cut.
VIEWPORT = (350, 480)
_PADDING = {"top": 110, "right": 30, "bottom": 44, "left": 30}
_CONTROLS = (56, 110)  # px: the navigation buttons' corner, top right (width, height)
ZOOM_RANGE = (4.5, 11.0)  # out to northern France and England; in to a town
_TILE = 512  # deck.gl's Web Mercator: the world is 512 px wide at zoom 0
_SIMPLIFY = 0.002  # degrees (about 150-220 m here, under a pixel at the first views)
_DECIMALS = 3
_LABEL_OFFSET = 14  # px below a place's centre: labels hang beneath their dots
_LABEL_CHAR_PX = 8.5  # width of a character of a 14 px bold label
_LABEL_HEIGHT = 16
_ASCII = "".join(chr(c) for c in range(32, 127))


def death_sentences(figures: pd.DataFrame) -> pd.DataFrame:
    """The sentences holding an own death figure: columns article, sentence_start, deaths (labels).

    A figure from a "Read more:" headline belongs to another article, so it marks no place here.
    """
    deaths = figures[
        ((figures["metric"] == "deaths") & figures["own"].astype(bool)).to_numpy(dtype=bool)
    ]
    if deaths.empty:
        return pd.DataFrame({"article": [], "sentence_start": [], "deaths": []})
    sentences: dict[tuple[str, int], list[str]] = {}
    for article, start, label in zip(
        deaths["article"].astype(object).tolist(), deaths["sentence_start"].tolist(),
        describe_facts(deaths).tolist(), strict=True,
    ):  # fmt: skip
        sentences.setdefault((article, start), []).append(label)
    keys = sorted(sentences)
    return pd.DataFrame({
        "article": pd.array([a for a, _ in keys], dtype=deaths["article"].dtype),
        "sentence_start": pd.array([s for _, s in keys], dtype=deaths["sentence_start"].dtype),
        "deaths": [sentences[k] for k in keys],
    })  # fmt: skip


def place_summary(
    places: pd.DataFrame, figures: pd.DataFrame, sources: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """One row per place: how often it is named, whether a death figure shares a sentence with it.

    Args:
        sources: article -> where it comes from in words ("CGTN · 25 Nov 2021 · https://…"),
            said after each sentence a tooltip quotes.

    Returns columns name, lat, lon, country, mentions, articles, deaths (bool),
    death_figures (labels), sentences (distinct, in order) and tooltip (plain text),
    sorted by mentions, most first.
    """
    columns = [
        "name",
        "lat",
        "lon",
        "country",
        "mentions",
        "articles",
        "deaths",
        "death_figures",
        "sentences",
        "tooltip",
    ]
    located = places.dropna(subset=["lat", "lon"])
    if located.empty:
        return pd.DataFrame({c: [] for c in columns})
    located = located[["name", "lat", "lon", "country", "article", "sentence_start", "sentence"]]
    located = located.assign(name=located["name"].astype(str)).reset_index(drop=True)
    groups = located.groupby("name", sort=False)
    summary = groups.agg(
        lat=("lat", "first"), lon=("lon", "first"), mentions=("name", "size"),
        articles=("article", "nunique"),
    )  # fmt: skip
    # "first" skips a missing country; the place's own first row says what it is
    first = located.drop_duplicates("name").set_index("name")
    summary["country"] = first["country"].astype(object).where(first["country"].notna(), "")
    # distinct sentences and death labels, each in the order the place's rows give them
    named: dict[str, list[str]] = {}
    said_in: dict[str, list[str]] = {}
    distinct = located.drop_duplicates(["name", "sentence"])
    for name, sentence, article in zip(
        distinct["name"],
        distinct["sentence"].astype(str),
        distinct["article"].astype(str),
        strict=True,
    ):
        named.setdefault(name, []).append(sentence)
        said_in.setdefault(name, []).append((sources or {}).get(article, ""))
    summary["sentences"] = pd.Series(
        [named[n] for n in summary.index], index=summary.index, dtype=object
    )
    deaths = death_sentences(figures)
    labels = located[["name", "article", "sentence_start"]].merge(
        deaths, on=["article", "sentence_start"], how="inner", sort=False
    )
    labels = labels.explode("deaths").drop_duplicates(["name", "deaths"])
    death_figures = labels.groupby("name", sort=False)["deaths"].agg(list)
    summary["death_figures"] = pd.Series(
        [list(death_figures.get(n, [])) for n in summary.index], index=summary.index, dtype=object
    )
    summary["deaths"] = summary["death_figures"].map(bool)
    summary = summary.reset_index().astype({"lat": float, "lon": float, "country": str})
    summary = summary.sort_values(["mentions", "name"], ascending=[False, True], kind="stable")
    summary["tooltip"] = [
        _place_tooltip(r, said_in.get(str(r["name"]), [])) for r in summary.to_dict("records")
    ]
    return summary.reset_index(drop=True)[columns]


def _place_tooltip(row: Mapping[str, Any], said_in: list[str] | None = None) -> str:
    """One place's tooltip as plain text, one item a line (the map shows it as text, never HTML)."""
    lines = [str(row["name"]), f"named {row['mentions']}× in {row['articles']} article(s)"]
    if row["death_figures"]:
        lines.append("Deaths reported here: " + "; ".join(row["death_figures"]))
    for k, sentence in enumerate(row["sentences"][:_TOOLTIP_SENTENCES]):
        source = (said_in or [])[k] if k < len(said_in or []) else ""
        lines.append(
            "“"
            + textwrap.shorten(str(sentence), 240, placeholder=" …")
            + "”"
            + (f" — {source}" if source else "")
        )
    if len(row["sentences"]) > _TOOLTIP_SENTENCES:
        lines.append(f"… and {len(row['sentences']) - _TOOLTIP_SENTENCES} more sentence(s)")
    return "\n".join(lines)


def _mercator(lon: float, lat: float) -> tuple[float, float]:
    """Web Mercator, as a fraction of the world: x east from 180°W, y south from the top."""
    phi = math.radians(max(min(lat, 85.05), -85.05))
    return (lon + 180) / 360, (1 - math.log(math.tan(phi) + 1 / math.cos(phi)) / math.pi) / 2


def _latitude(y: float) -> float:
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))


def fit_view(
    lons: Sequence[float],
    lats: Sequence[float],
    *,
    viewport: tuple[int, int] = VIEWPORT,
    padding: Mapping[str, int] = _PADDING,
    zoom_range: tuple[float, float] = ZOOM_RANGE,
) -> dict[str, float]:
    """The first view that shows every point inside the padded viewport; COAST_VIEW for no points.

    The zoom is clamped to `zoom_range` (one point: the closest zoom, on the point). Points
    spread wider than the widest zoom shows (Calais and Baghdad) cannot all be seen: the
    view then centres on their median point, so the cluster stays in view and the far
    ones are off-screen, rather than centring on empty ground between them.

    >>> fit_view([1.8587, 1.6139], [50.9513, 50.7264])["zoom"] > 9
    True
    """
    if not len(lons):
        return dict(COAST_VIEW)
    xs, ys = zip(*(_mercator(lon, lat) for lon, lat in zip(lons, lats, strict=True)), strict=True)
    width = viewport[0] - padding["left"] - padding["right"]
    height = viewport[1] - padding["top"] - padding["bottom"]
    dx, dy = (max(xs) - min(xs)) * _TILE, (max(ys) - min(ys)) * _TILE
    needed = math.log2(min(width / dx if dx else math.inf, height / dy if dy else math.inf))
    zoom = min(max(needed, zoom_range[0]), zoom_range[1])
    scale = _TILE * 2**zoom
    # the padded box's centre sits off the viewport's centre: shift the view by the difference
    shift_x = (padding["right"] - padding["left"]) / 2 / scale
    shift_y = (padding["bottom"] - padding["top"]) / 2 / scale
    if needed < zoom_range[0]:
        centre_x, centre_y = statistics.median(xs), statistics.median(ys)
    else:
        centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    centre_x += shift_x
    centre_y += shift_y
    return {
        "latitude": round(_latitude(centre_y), 5),
        "longitude": round(centre_x * 360 - 180, 5),
        "zoom": round(zoom, 2),
    }


def _pixels(lon: float, lat: float, view: Mapping[str, float]) -> tuple[float, float]:
    """Where a point lands in the first view, in px from the viewport's centre (y down)."""
    x, y = _mercator(lon, lat)
    cx, cy = _mercator(view["longitude"], view["latitude"])
    scale = _TILE * 2 ** view["zoom"]
    return (x - cx) * scale, (y - cy) * scale


def place_labels(records: list[dict[str, Any]], view: Mapping[str, float]) -> list[dict[str, Any]]:
    """The labels drawn at the first view, each with its `anchor` and pixel `offset`; no two overlap.

    Records come most-named first (`place_summary`'s order), and a label is kept only when
    its box, in the `VIEWPORT` (the narrowest map, a phone's), overlaps no label kept
    before it and not the zoom buttons: the names of a crowded coast at a zoomed-out view
    would otherwise print over one another. A label that would run past the left or right
    edge starts (or ends) at its point instead of being centred under it, so none is cut
    ("oulogne-sur-Mer"). The label of a place beyond the left or right edge of that view
    (far inland, when the view is held at the coast's zoom) runs away from it, wholly
    outside on a phone and whole on a wider screen; one that would straddle the top or
    bottom edge is dropped. Every place keeps its dot, its tooltip and its row in the table.
    """
    edge_x, edge_y = VIEWPORT[0] / 2, VIEWPORT[1] / 2
    controls = (edge_x - _CONTROLS[0], -edge_y, edge_x, -edge_y + _CONTROLS[1])
    kept: list[tuple[float, float, float, float]] = [controls]
    placed = []
    for record in records:
        x, y = _pixels(record["lon"], record["lat"], view)
        width = len(record["label"]) * _LABEL_CHAR_PX
        top, bottom = y + _LABEL_OFFSET, y + _LABEL_OFFSET + _LABEL_HEIGHT
        anchor, left = "middle", x - width / 2
        if x - 6 >= edge_x:
            anchor, left = "start", x - 6
        elif x + 6 <= -edge_x:
            anchor, left = "end", x + 6 - width
        elif left < -edge_x + 2:
            anchor, left = "start", x - 6
        elif left + width > edge_x - 2:
            anchor, left = "end", x + 6 - width
        box = (left, top, left + width, bottom)
        seen = box[0] < edge_x and box[2] > -edge_x and top < edge_y and bottom > -edge_y
        if seen and (top < -edge_y or bottom > edge_y):
            continue  # cut by the top or bottom edge
        if any(box[0] < b[2] and box[2] > b[0] and box[1] < b[3] and box[3] > b[1] for b in kept):
            continue
        kept.append(box)
        shift = {"middle": 0, "start": -6, "end": 6}[anchor]
        placed.append({**record, "anchor": anchor, "offset": [shift, _LABEL_OFFSET]})
    return placed


def _rdp(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: drop the points within `tolerance` of the line their neighbours make."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = points[i], points[j]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        best, k = -1.0, -1
        for m in range(i + 1, j):
            x, y = points[m]
            d = (
                abs(dy * (x - x1) - dx * (y - y1)) / length
                if length
                else math.hypot(x - x1, y - y1)
            )
            if d > best:
                best, k = d, m
        if best > tolerance:
            keep[k] = True
            stack += [(i, k), (k, j)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _flat(points: list[tuple[float, float]]) -> list[float]:
    """[[x, y], ...] -> [x, y, x, y, ...], rounded, repeats dropped (half the JSON of pairs)."""
    flat: list[float] = []
    for x, y in points:
        rx, ry = round(x, _DECIMALS), round(y, _DECIMALS)
        if flat[-2:] != [rx, ry]:
            flat += [rx, ry]
    return flat


def _on_box(a: tuple[float, float], b: tuple[float, float], box: Mapping[str, float]) -> bool:
    """Does the segment a-b run along the clipping box (an edge the clip made, not a coast)?"""
    return (a[0] == b[0] and a[0] in (box["west"], box["east"])) or (
        a[1] == b[1] and a[1] in (box["south"], box["north"])
    )


def _split(
    points: list[tuple[float, float]], box: Mapping[str, float]
) -> list[list[tuple[float, float]]]:
    """A line cut wherever it runs along the box; the pieces left are real coast or border."""
    pieces: list[list[tuple[float, float]]] = []
    current = [points[0]] if points else []
    for a, b in zip(points, points[1:], strict=False):
        if _on_box(a, b, box):
            if len(current) > 1:
                pieces.append(current)
            current = [b]
        else:
            current.append(b)
    if len(current) > 1:
        pieces.append(current)
    return pieces


def _coasts(
    ring: list[tuple[float, float]], box: Mapping[str, float]
) -> list[list[tuple[float, float]]]:
    """A ring cut into the lines that are real coast or border, simplified: the box's edges are left out.

    Cut before simplifying (so no coast is bridged to the box) and again after (a sliver
    of coast a few metres off the box can simplify into a segment along it).
    """
    edges = [_on_box(a, b, box) for a, b in zip(ring, ring[1:], strict=False)]
    if any(edges):  # start just after an edge on the box: no coast is split at the ring's seam
        first = edges.index(True) + 1
        ring = ring[first:-1] + ring[: first + 1]
    lines = []
    for piece in _split(ring, box):
        flat = _flat(_rdp(piece, _SIMPLIFY))
        lines += _split(list(zip(flat[::2], flat[1::2], strict=True)), box)
    return lines


@functools.cache
def _collection() -> dict[str, Any]:
    """data/geo/channel.geojson, read and parsed once per process."""
    collection: dict[str, Any] = json.loads(GEOJSON.read_text(encoding="utf-8"))
    return collection


@functools.cache
def land_shapes() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The land polygons (fill) and their coasts and borders (lines), flat [x, y, ...], read once.

    Simplified by `_SIMPLIFY` degrees and rounded to `_DECIMALS`, to keep the Deck JSON small.
    """
    collection = _collection()
    box = collection["properties"]["box"]
    fills: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        for polygon in polygons:
            rings = [[(float(x), float(y)) for x, y in ring] for ring in polygon]
            flat: list[float] = []
            holes: list[int] = []
            for n, ring in enumerate(rings):
                if n:
                    holes.append(len(flat) // 2)
                flat += _flat(_rdp(ring, _SIMPLIFY))
            fills.append({"polygon": {"positions": flat, "holeIndices": holes} if holes else flat})
            for ring in rings:
                lines += [{"path": [c for xy in line for c in xy]} for line in _coasts(ring, box)]
    return fills, lines


def _land_layers() -> list[pdk.Layer]:
    """Land, unstroked (the box it was clipped to must not read as coast), then the real coasts.

    No sea is drawn: a sea polygon would end at the box, a rectangle in a zoomed-out view.
    """
    fills, lines = land_shapes()
    return [
        pdk.Layer(
            "PolygonLayer", id="land", data=fills, get_polygon="polygon", position_format=String("XY"),
            filled=True, stroked=False, get_fill_color=[236, 233, 226, 160], pickable=False,
        ),
        pdk.Layer(
            "PathLayer", id="coast", data=lines, get_path="path", position_format=String("XY"),
            get_color=[120, 120, 120, 160], width_units=String("pixels"), get_width=1, pickable=False,
        ),
    ]  # fmt: skip


def incident_points(incidents: pd.DataFrame) -> pd.DataFrame:
    """The incidents that may be mapped, as map points: lon, lat, radius (px, area ∝ dead + missing), colour, tooltip.

    Rows whose `mappable` is False (coordinates that don't match the place) are left out.
    """
    columns = [
        "incident_id",
        "date",
        "kind",
        "dead_and_missing",
        "lon",
        "lat",
        "radius",
        "colour",
        "tooltip",
        "in_channel_area",
    ]
    rows = incidents[incidents["mappable"].to_numpy(dtype=bool)] if len(incidents) else incidents
    if rows.empty:
        return pd.DataFrame({c: [] for c in columns})
    rows = rows.sort_values("dead_and_missing", ascending=False, kind="stable")  # small ones on top
    return pd.DataFrame({
        "incident_id": rows["incident_id"].astype(str).tolist(),
        "date": [d.date().isoformat() for d in rows["date"]],
        "kind": rows["kind"].astype(str).tolist(),
        "dead_and_missing": rows["dead_and_missing"].astype(int).tolist(),
        "lon": rows["lon"].astype(float).tolist(),
        "lat": rows["lat"].astype(float).tolist(),
        "radius": [round(4.0 * math.sqrt(n), 2) for n in rows["dead_and_missing"]],
        "colour": [hex_to_rgb(INCIDENT_COLOURS.get(str(k), "#999999"), 190) for k in rows["kind"]],
        "tooltip": [_incident_tooltip(r) for r in rows.to_dict("records")],
        "in_channel_area": (
            rows["in_channel_area"].to_numpy(dtype=bool).tolist() if "in_channel_area" in rows
            else [True] * len(rows)
        ),
    })  # fmt: skip


def _incident_tooltip(row: Mapping[str, Any]) -> str:
    """One incident's tooltip as plain text (shown as text, never HTML)."""
    day = pd.Timestamp(row["date"])
    return "\n".join([
        f"IOM Missing Migrants Project, {day.day} {day:%b %Y}",
        f"{row['dead']} dead, {row['missing']} missing ({row['kind']}; minimum counts)",
        textwrap.shorten(str(row["location"]), 160, placeholder=" …"),
        f"Cause: {row['cause']}",
        f"Source: {str(row['source_url']).split()[0]}",
    ])  # fmt: skip


def build_map(
    summary: pd.DataFrame,
    *,
    view: Mapping[str, float] | None = None,
    map_style: str | None = CARTO_LIGHT,
    incidents: pd.DataFrame | None = None,
    land: bool = True,
) -> pdk.Deck:
    """The map: land and coasts, IOM incidents if given, and a dot per place named, vermilion where deaths were reported.

    Args:
        summary: from `place_summary`.
        view: the first view; None fits the places and the incidents of the Channel area
            (COAST_VIEW when there are none).
        map_style: a Carto style URL (needs no token), or None for no basemap tiles.
        incidents: IOM incidents to draw (rows of `Record.incidents`, e.g. from
            `incidents_between`), circles with area ∝ dead + missing, coloured by kind;
            None draws no incident layer.
        land: draw land and coasts from data/geo/ (read once), so the map reads without tiles.
    """
    data = summary.copy()
    if data.empty:
        data = pd.DataFrame(columns=[*summary.columns, "radius", "colour", "label"])
    else:
        data["radius"] = [300 + 250 * min(int(m), 20) ** 0.5 for m in data["mentions"]]
        data["colour"] = [
            hex_to_rgb(DEATH_COLOUR if d else PLACE_COLOUR, 200) for d in data["deaths"]
        ]
        data["label"] = [str(n) for n in data["name"]]
    records = data.drop(columns=["death_figures", "sentences"], errors="ignore").to_dict("records")
    points = incident_points(incidents) if incidents is not None else None
    if view is None:
        # the first view fits the places named and the incidents of the Channel area; those
        # further along the route (Paris, Brussels, a body found off Norway) are drawn too,
        # a zoom out away, rather than shrinking the coast to a few pixels
        near = None if points is None else points[points["in_channel_area"].to_numpy(dtype=bool)]
        lons = [float(r["lon"]) for r in records] + ([] if near is None else near["lon"].tolist())
        lats = [float(r["lat"]) for r in records] + ([] if near is None else near["lat"].tolist())
        half = max([len(r["label"]) * _LABEL_CHAR_PX / 2 + 6 for r in records], default=0)
        side = int(min(max(half, _PADDING["left"]), VIEWPORT[0] / 4))
        view = fit_view(lons, lats, padding={**_PADDING, "left": side, "right": side})
    labelled = place_labels(records, view)
    characters = sorted({c for r in labelled for c in r["label"] if c not in _ASCII})
    layers = _land_layers() if land else []
    if points is not None:
        layers.append(
            pdk.Layer(
                "ScatterplotLayer", id="incidents", data=points.to_dict("records"),
                get_position=["lon", "lat"], get_radius="radius", radius_units=String("pixels"),
                get_fill_color="colour", get_line_color=[255, 255, 255, 220], line_width_min_pixels=1,
                stroked=True, pickable=True,
            )
        )  # fmt: skip
    dots = pdk.Layer(
        "ScatterplotLayer",
        id="places",
        data=records,
        get_position=["lon", "lat"],
        get_radius="radius",
        radius_min_pixels=5,
        radius_max_pixels=40,
        get_fill_color="colour",
        get_line_color=[255, 255, 255, 255],
        line_width_min_pixels=1,
        stroked=True,
        pickable=True,
    )
    names = pdk.Layer(
        "TextLayer",
        id="place-names",
        data=labelled,
        get_position=["lon", "lat"],
        get_text="label",
        get_size=14,
        get_color=[20, 20, 20, 255],
        get_pixel_offset="offset",
        get_text_anchor="anchor",
        get_alignment_baseline=String("top"),
        # deck.gl draws only the characters of its atlas, printable ASCII by default:
        # "Équihen-Plage" lost its "É". The atlas gets every character the labels use.
        character_set=String(_ASCII + "".join(characters)),
        font_weight=700,
        outline_width=3,
        outline_color=[255, 255, 255, 255],
        font_settings={"sdf": True},
        pickable=False,
    )
    return pdk.Deck(
        layers=[*layers, dots, names],
        initial_view_state=pdk.ViewState(**view),
        map_provider="carto" if map_style else None,
        map_style=map_style,
        # A text tooltip: the browser sets it as innerText, so article text can never become
        # markup, whatever renders the Deck. (An "html" tooltip would need escaping, and
        # Streamlit 1.67 escapes {field} values itself, so pre-escaped text would show "&lt;".)
        tooltip={
            "text": "{tooltip}",
            "style": {"maxWidth": "340px", "fontSize": "12px", "whiteSpace": "pre-line"},
        },
    )


def map_legend_html(*, incidents: bool = False) -> str:
    """The map's colour key (no article text in it); with `incidents`, the IOM circles too."""
    swatch = '<span style="display:inline-block;width:12px;height:12px;border-radius:50%;background:{};margin:0 4px 0 10px"></span>'
    html = (
        '<div class="map-legend">'
        + swatch.format(PLACE_COLOUR) + "place named"
        + swatch.format(DEATH_COLOUR) + "deaths reported in the same sentence"
        + " · bigger dot = named more often"
    )  # fmt: skip
    if incidents:
        html += '<br><span style="margin-left:10px">IOM incidents (dead and missing, minimum counts; circle area ∝ toll):</span>'
        html += "".join(swatch.format(colour) + kind for kind, colour in INCIDENT_COLOURS.items())
    return html + "</div>"


def _day_words(day: pd.Timestamp) -> str:
    return f"{day.day} {day:%b %Y}"


def map_summary(summary: pd.DataFrame, incidents: pd.DataFrame | None = None) -> str:
    """What the map shows, in one plain-text paragraph, for readers who cannot see the canvas.

    Plain text (place names come from the articles): escape it for the target that shows it.
    """
    parts: list[str] = []
    if summary.empty:
        parts.append("The map shows no places named in the articles of this selection.")
    else:
        top = summary.head(5)
        named = ", ".join(f"{n} ({m}×)" for n, m in zip(top["name"], top["mentions"], strict=True))
        more = f" and {len(summary) - 5} more" if len(summary) > 5 else ""
        parts.append(f"The map shows {len(summary)} place(s) named in the articles: {named}{more}.")
        deaths = summary.loc[summary["deaths"].astype(bool), "name"].tolist()
        parts.append(
            f"Deaths are reported in a sentence naming {', '.join(map(str, deaths))}."
            if deaths else "No death figure is reported beside a place."
        )  # fmt: skip
    if incidents is not None:
        mapped = (
            incidents[incidents["mappable"].to_numpy(dtype=bool)] if len(incidents) else incidents
        )
        if mapped.empty:
            parts.append("No IOM incident is mapped for these dates.")
        else:
            kinds = mapped["kind"].value_counts()
            by_kind = ", ".join(f"{int(kinds.get(k, 0))} {k}" for k in INCIDENT_COLOURS)
            parts.append(
                f"It also maps {len(mapped)} incident(s) recorded by the IOM Missing Migrants Project "
                f"from {_day_words(mapped['date'].min())} to {_day_words(mapped['date'].max())} "
                f"({by_kind}): {int(mapped['dead'].sum())} dead and {int(mapped['missing'].sum())} "
                "missing, minimum counts."
            )
            left_out = len(incidents) - len(mapped)
            if left_out:
                parts.append(
                    f"{left_out} more are not mapped: their coordinates do not match their place."
                )
            worst = mapped.sort_values(["dead_and_missing", "date"], ascending=[False, True]).iloc[
                0
            ]
            missing = f" and {int(worst['missing'])} missing" if int(worst["missing"]) else ""
            parts.append(
                f"The deadliest: {_day_words(worst['date'])}, {int(worst['dead'])} dead{missing}, "
                f"{worst['place']} ({worst['kind']})."
            )
    return " ".join(parts)
