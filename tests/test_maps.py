"""The record map, tested as data (`json.loads(deck.to_json())`): land without tiles, IOM incidents, a first view that fits, whole place names, a text tooltip."""

from __future__ import annotations

import json
import math
from datetime import date

import pandas as pd
import pytest
from conftest import make_corpus

from lib.record.incidents import incidents_between
from lib.record.load import Record, load_record
from lib.show import maps
from lib.show.maps import (
    COAST_VIEW,
    VIEWPORT,
    ZOOM_RANGE,
    build_map,
    fit_view,
    incident_points,
    land_shapes,
    map_legend_html,
    map_summary,
    place_summary,
)
from lib.show.palette import hex_to_rgb
from lib.show.record import INCIDENT_COLOURS

TODAY = date(2026, 11, 30)
BOX = (-6.0, 48.3, 4.5, 52.6)  # data/geo/README.md: west, south, east, north


@pytest.fixture(scope="module")
def record() -> Record:
    return load_record(today=TODAY)


def _summary(*places: tuple[str, float, float, int, bool]) -> pd.DataFrame:
    """A place_summary-shaped table: (name, lat, lon, mentions, deaths)."""
    return pd.DataFrame([
        {"name": name, "lat": lat, "lon": lon, "country": "FR", "mentions": mentions, "articles": 1,
         "deaths": deaths, "death_figures": ["deaths: 4"] if deaths else [], "sentences": ["s"],
         "tooltip": f"{name}\nnamed {mentions}×"}
        for name, lat, lon, mentions, deaths in places
    ])  # fmt: skip


COAST = _summary(
    ("Calais", 50.9481, 1.8564, 5, True),
    ("Équihen-Plage", 50.6808, 1.5725, 2, True),
    ("Dunkirk", 51.0383, 2.3775, 1, False),
    ("Wimereux", 50.7706, 1.6106, 1, False),
)


def _spec(deck) -> dict:
    return json.loads(deck.to_json())


def _layer(spec: dict, layer_id: str) -> dict:
    (layer,) = [layer for layer in spec["layers"] if layer["id"] == layer_id]
    return layer


def _pixel(lon: float, lat: float, view: dict) -> tuple[float, float]:
    """deck.gl's Web Mercator (512 px world at zoom 0): px from the viewport's top left."""

    def project(lo: float, la: float) -> tuple[float, float]:
        scale = 512 * 2 ** view["zoom"]
        y = math.log(math.tan(math.pi / 4 + math.radians(la) / 2))
        return (lo + 180) / 360 * scale, (1 - y / math.pi) / 2 * scale

    x, y = project(lon, lat)
    cx, cy = project(view["longitude"], view["latitude"])
    return x - cx + VIEWPORT[0] / 2, y - cy + VIEWPORT[1] / 2


# --- layers and what they hold --------------------------------------------------------------------


def test_layers_in_drawing_order():
    spec = _spec(build_map(COAST))
    assert [(layer["id"], layer["@@type"]) for layer in spec["layers"]] == [
        ("land", "PolygonLayer"), ("coast", "PathLayer"), ("places", "ScatterplotLayer"),
        ("place-names", "TextLayer"),
    ]  # fmt: skip
    with_incidents = _spec(build_map(COAST, incidents=pd.DataFrame(columns=["mappable"])))
    assert [layer["id"] for layer in with_incidents["layers"]] == [
        "land", "coast", "incidents", "places", "place-names",
    ]  # fmt: skip
    assert [layer["id"] for layer in _spec(build_map(COAST, land=False))["layers"]] == [
        "places", "place-names",
    ]  # fmt: skip


def test_the_existing_page_call_still_works():
    corpus = make_corpus()
    summary = place_summary(corpus.places, corpus.figures)
    spec = _spec(build_map(summary))
    assert spec["mapStyle"] == maps.CARTO_LIGHT and spec["mapProvider"] == "carto"
    dots = _layer(spec, "places")["data"]
    assert {d["name"] for d in dots} == set(summary["name"])
    assert _spec(build_map(summary, map_style=None)).get("mapProvider") is None


def test_the_tooltip_is_text_never_html(record):
    deck = build_map(COAST, incidents=record.incidents)
    assert set(deck._tooltip) == {"text", "style"} and deck._tooltip["text"] == "{tooltip}"
    assert '"html"' not in deck.to_json()


def test_land_is_drawn_from_the_shipped_file_without_tiles():
    spec = _spec(build_map(COAST, map_style=None))
    land, coast = _layer(spec, "land"), _layer(spec, "coast")
    # the data/geo README: BE 1, FR 2, GB 5, GG 4, JE 1, NL 3 parts
    assert len(land["data"]) == 16
    assert land["stroked"] is False and land["filled"] is True
    assert land["positionFormat"] == "XY" and coast["positionFormat"] == "XY"  # flat [x, y, ...]
    assert coast["widthUnits"] == "pixels"  # a string, not a "@@=" expression
    assert all(len(d["path"]) % 2 == 0 and len(d["path"]) >= 4 for d in coast["data"])
    # Calais is on land: some polygon holds it
    assert any(_inside(1.8564, 50.9481, d["polygon"]) for d in land["data"])
    assert spec.get("mapStyle") is None


def _inside(lon: float, lat: float, flat: list[float]) -> bool:
    ring = list(zip(flat[::2], flat[1::2], strict=True))
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_the_clipping_box_is_never_drawn_as_coast():
    _fills, lines = land_shapes()
    west, south, east, north = BOX
    for line in lines:
        points = list(zip(line["path"][::2], line["path"][1::2], strict=True))
        for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
            along_box = (x1 == x2 and x1 in (west, east)) or (y1 == y2 and y1 in (south, north))
            assert not along_box, ((x1, y1), (x2, y2))
    # but the real coast is there: a line passes within 4 km of Calais town hall (50.9481 N 1.8564 E;
    # the beach is 2 km north, and Natural Earth 1:10m is coarse)
    assert min(_distance(1.8564, 50.9481, line["path"]) for line in lines) < 0.04


def _distance(lon: float, lat: float, flat: list[float]) -> float:
    """Degrees from a point to the nearest segment of a flat [x, y, ...] line."""
    best = math.inf
    points = list(zip(flat[::2], flat[1::2], strict=True))
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        dx, dy = x2 - x1, y2 - y1
        t = max(0.0, min(1.0, ((lon - x1) * dx + (lat - y1) * dy) / (dx * dx + dy * dy or 1)))
        best = min(best, math.hypot(lon - x1 - t * dx, lat - y1 - t * dy))
    return best


def test_the_geojson_is_read_once_and_kept_small():
    maps._collection.cache_clear()
    land_shapes.cache_clear()
    for _ in range(3):
        build_map(COAST)
    assert maps._collection.cache_info().misses == 1 and land_shapes.cache_info().hits >= 2
    size = len(build_map(COAST, map_style=None).to_json())
    assert size < 200_000, size  # pretty-printed JSON; the land is simplified to ~2,000 points


# --- place names -----------------------------------------------------------------------------------


def test_place_names_keep_their_accented_letters():
    names = _layer(_spec(build_map(COAST)), "place-names")
    characters = names["characterSet"]
    assert isinstance(characters, str) and not characters.startswith("@@")
    for label in (d["label"] for d in names["data"]):
        assert set(label) <= set(characters), label
    assert "É" in characters and "A" in characters  # ASCII stays
    assert "Équihen-Plage" in [d["label"] for d in names["data"]]


def test_labels_hang_below_their_points():
    names = _layer(_spec(build_map(COAST)), "place-names")
    assert names["getPixelOffset"] == "@@=offset" and names["getAlignmentBaseline"] == "top"
    assert all(d["offset"][1] > 0 for d in names["data"])


def _label_boxes(spec: dict) -> list[tuple[str, float, float]]:
    """(label, left, right) of each label at the first view, in px from the viewport's left."""
    view = spec["initialViewState"]
    boxes = []
    for d in _layer(spec, "place-names")["data"]:
        x, _ = _pixel(d["lon"], d["lat"], view)
        width = len(d["label"]) * 8.5
        left = {"middle": x - width / 2, "start": x + d["offset"][0], "end": x + d["offset"][0] - width}
        boxes.append((d["label"], left[d["anchor"]], left[d["anchor"]] + width))
    return boxes


def test_a_label_at_the_edge_starts_or_ends_at_its_point_and_is_never_cut():
    # Boulogne-sur-Mer near the left edge of this view, Dunkirk near the right: centred
    # under their dots, "oulogne-sur-Mer" and "Dunki" would be cut; they turn inwards
    places = _summary(
        ("Calais", 50.9481, 1.8564, 9, True), ("Boulogne-sur-Mer", 50.7264, 1.6139, 8, False),
        ("Dunkirk", 51.0383, 2.3775, 5, False),
    )  # fmt: skip
    view = {"latitude": 51.0, "longitude": 1.95, "zoom": 8.0}
    spec = _spec(build_map(places, view=view))
    anchors = {d["label"]: d["anchor"] for d in _layer(spec, "place-names")["data"]}
    assert anchors == {"Calais": "middle", "Boulogne-sur-Mer": "start", "Dunkirk": "end"}
    for label, left, right in _label_boxes(spec):
        assert left >= 0 and right <= VIEWPORT[0], (label, left, right)


def test_no_two_labels_overlap_and_the_most_named_place_keeps_its_label():
    crowded = _summary(
        ("Calais", 50.9481, 1.8564, 9, True), ("Coquelles", 50.9326, 1.8062, 1, False),
        ("Sangatte", 50.9450, 1.7550, 2, False), ("Paris", 48.8566, 2.3522, 4, False),
        ("Boulogne-sur-Mer", 50.7264, 1.6139, 8, False), ("Wimereux", 50.7706, 1.6106, 3, False),
    )  # fmt: skip
    spec = _spec(build_map(crowded))
    view = spec["initialViewState"]
    labels = _layer(spec, "place-names")["data"]
    assert "Calais" in [d["label"] for d in labels]
    assert len(_layer(spec, "places")["data"]) == 6  # every dot stays
    boxes = []
    for (label, left, right), d in zip(_label_boxes(spec), labels, strict=True):
        _, y = _pixel(d["lon"], d["lat"], view)
        boxes.append((label, left, right, y + 14, y + 30))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[1] < b[2] and a[2] > b[1] and a[3] < b[4] and a[4] > b[3]), (a, b)


def test_no_label_under_the_zoom_buttons():
    # Dunkirk sits in the top-right corner of this view: its dot stays, its label goes
    view = {"latitude": 50.80, "longitude": 2.05, "zoom": 8.5}
    x, y = _pixel(2.3775, 51.0383, view)
    assert x > VIEWPORT[0] - 60 and y < 110
    spec = _spec(build_map(COAST, view=view))
    assert "Dunkirk" in [d["name"] for d in _layer(spec, "places")["data"]]
    assert "Dunkirk" not in [d["label"] for d in _layer(spec, "place-names")["data"]]
    # and in a fitted view no label is in that corner at all
    fitted = _spec(build_map(COAST))
    first = fitted["initialViewState"]
    for d in _layer(fitted, "place-names")["data"]:
        x, y = _pixel(d["lon"], d["lat"], first)
        assert not (x + len(d["label"]) * 4.25 > VIEWPORT[0] - 56 and y + 14 < 110), d["label"]


# --- the first view ----------------------------------------------------------------------------------


def test_the_first_view_fits_every_place_and_every_incident_of_the_channel_area(record):
    incidents = incidents_between(record, "2024-01-01", "2024-12-31")
    spec = _spec(build_map(COAST, incidents=incidents))
    view = spec["initialViewState"]
    drawn = [(d["lon"], d["lat"]) for d in _layer(spec, "places")["data"]]
    channel = [d for d in _layer(spec, "incidents")["data"] if d["in_channel_area"]]
    assert len(channel) < len(_layer(spec, "incidents")["data"])  # some lie further along the route
    drawn += [(d["lon"], d["lat"]) for d in channel]
    for lon, lat in drawn:
        x, y = _pixel(lon, lat, view)
        assert 0 <= x <= VIEWPORT[0] and 100 <= y <= VIEWPORT[1], (lon, lat, x, y)
    assert ZOOM_RANGE[0] <= view["zoom"] <= ZOOM_RANGE[1]


@pytest.mark.parametrize(
    ("lons", "lats", "expected"),
    [
        ([], [], COAST_VIEW),
        ([1.8564], [50.9481], {"latitude": None, "longitude": None, "zoom": ZOOM_RANGE[1]}),
    ],
)
def test_fit_view_edge_cases(lons, lats, expected):
    view = fit_view(lons, lats)
    if expected is COAST_VIEW:
        assert view == COAST_VIEW
    else:
        assert view["zoom"] == expected["zoom"]
        x, y = _pixel(lons[0], lats[0], view)
        assert 0 <= x <= VIEWPORT[0] and 0 <= y <= VIEWPORT[1]


def test_fit_view_zooms_out_no_further_than_the_range():
    view = fit_view([-20.0, 30.0], [35.0, 65.0])
    assert view["zoom"] == ZOOM_RANGE[0]


def test_points_too_far_apart_keep_the_cluster_in_view():
    # Calais, Wimereux, Dunkirk and Baghdad: no zoom in range shows all four
    lons, lats = [1.8564, 1.6106, 2.3775, 44.3661], [50.9481, 50.7706, 51.0383, 33.3152]
    view = fit_view(lons, lats)
    assert view["zoom"] == ZOOM_RANGE[0]
    for lon, lat in zip(lons[:3], lats[:3], strict=True):
        x, y = _pixel(lon, lat, view)
        assert 0 <= x <= VIEWPORT[0] and 0 <= y <= VIEWPORT[1]
    assert _pixel(lons[3], lats[3], view)[0] > VIEWPORT[0]  # Baghdad is off-screen


def test_a_label_off_screen_is_kept():
    # at the coast view, Dunkirk lies beyond the right edge of a phone: not under the buttons
    spec = _spec(build_map(COAST, view=COAST_VIEW))
    assert _pixel(2.3775, 51.0383, COAST_VIEW)[0] > VIEWPORT[0]
    assert "Dunkirk" in [d["label"] for d in _layer(spec, "place-names")["data"]]


def test_empty_selection_keeps_the_coast_view():
    empty = _summary()
    spec = _spec(build_map(empty))
    assert _layer(spec, "places")["data"] == []
    view = spec["initialViewState"]
    assert (view["latitude"], view["longitude"], view["zoom"]) == (50.85, 1.75, 9.3)


def test_an_explicit_view_is_kept():
    view = {"latitude": 51.0, "longitude": 1.5, "zoom": 7.0}
    assert _spec(build_map(COAST, view=view))["initialViewState"] == {**view}


# --- incidents ------------------------------------------------------------------------------------


def test_incidents_are_circles_sized_and_coloured(record):
    incidents = incidents_between(record, "2014-01-01", "2015-12-31")
    spec = _spec(build_map(COAST, incidents=incidents))
    layer = _layer(spec, "incidents")
    assert layer["radiusUnits"] == "pixels" and layer["pickable"] is True
    points = layer["data"]
    assert len(points) == len(incidents) - 9  # the 9 flagged coordinates are left out
    for point in points:
        assert math.isclose(
            point["radius"] ** 2 / point["dead_and_missing"], 16.0, rel_tol=0.01
        )  # area ∝ toll
        assert point["colour"] == hex_to_rgb(INCIDENT_COLOURS[point["kind"]], 190)


def test_incident_tooltips_are_plain_text(record):
    points = incident_points(incidents_between(record, "2021-11-24", "2021-11-24"))
    (tooltip,) = points["tooltip"].tolist()
    lines = tooltip.split("\n")
    assert lines[0] == "IOM Missing Migrants Project, 24 Nov 2021"
    assert lines[1] == "27 dead, 0 missing (at sea; minimum counts)"
    assert "off the coast of Calais" in lines[2]
    assert lines[3] == "Cause: Drowning"
    assert lines[4].startswith("Source: http")
    assert "<" not in tooltip


def test_no_incidents_no_points():
    assert incident_points(pd.DataFrame(columns=["mappable"])).empty


# --- legend and summary -------------------------------------------------------------------------------


def test_legend():
    plain = map_legend_html()
    assert "place named" in plain and "IOM" not in plain
    full = map_legend_html(incidents=True)
    for kind, colour in INCIDENT_COLOURS.items():
        assert kind in full and colour in full
    assert "minimum counts" in full


def test_summary_says_what_the_map_shows(record):
    text = map_summary(COAST, record.incidents)
    assert "4 place(s) named in the articles: Calais (5×), Équihen-Plage (2×)" in text
    assert "Deaths are reported in a sentence naming Calais, Équihen-Plage." in text
    # 220 incidents, 9 not mapped; the deadliest is the lorry found in Grays, Essex
    assert "It also maps 211 incident(s)" in text
    assert "9 more are not mapped" in text
    assert "The deadliest: 23 Oct 2019, 39 dead, Essex (vehicle)." in text
    assert "\n" not in text and "<" not in text


def test_summary_of_nothing():
    assert (
        map_summary(_summary())
        == "The map shows no places named in the articles of this selection."
    )
    assert "No IOM incident is mapped" in map_summary(
        _summary(), pd.DataFrame(columns=["mappable"])
    )


def test_no_label_straddles_the_edge_of_a_phones_first_view():
    # Germany lies beyond the right edge at the coast's zoom: its label runs on to the right,
    # wholly outside a phone's view (whole on a wider screen), never a sliver at the edge
    places = _summary(
        ("Calais", 50.9481, 1.8564, 9, True), ("Germany", 51.1657, 10.4515, 3, False),
        ("Dunkirk", 51.0383, 2.3775, 5, False), ("Boulogne-sur-Mer", 50.7264, 1.6139, 8, False),
    )  # fmt: skip
    for spec in (_spec(build_map(places)), _spec(build_map(places, view=COAST_VIEW))):
        view = spec["initialViewState"]
        labels = {d["label"]: d["anchor"] for d in _layer(spec, "place-names")["data"]}
        assert "Calais" in labels
        for label, left, right in _label_boxes(spec):
            assert right <= 0 or left >= VIEWPORT[0] or (left >= 0 and right <= VIEWPORT[0]), (
                label, left, right, view,
            )  # fmt: skip
        if _pixel(10.4515, 51.1657, view)[0] > VIEWPORT[0] and "Germany" in labels:
            assert labels["Germany"] == "start"
