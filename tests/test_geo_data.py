"""The shipped land polygons `data/geo/channel.geojson`: structure, extent and a few known places.

The file is built by `scripts/build_coastline.py` (npm + Natural Earth); these tests read
only the committed file and its README, so they need no network and no npm.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GEO = Path(__file__).resolve().parent.parent / "data" / "geo"
GEOJSON = GEO / "channel.geojson"
BOX = (-6.0, 48.3, 4.5, 52.6)  # west, south, east, north

Ring = list[list[float]]
Polygon = list[Ring]


@pytest.fixture(scope="module")
def collection() -> dict:
    return json.loads(GEOJSON.read_text(encoding="utf-8"))


def polygons_of(feature: dict) -> list[Polygon]:
    geometry = feature["geometry"]
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def in_ring(lon: float, lat: float, ring: Ring) -> bool:
    """Ray casting: count the ring's edges crossed by a ray going east from the point."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def in_polygon(lon: float, lat: float, polygon: Polygon) -> bool:
    return in_ring(lon, lat, polygon[0]) and not any(in_ring(lon, lat, h) for h in polygon[1:])


def land_at(collection: dict, lat: float, lon: float) -> list[str]:
    """iso_a2 of every feature covering the point (empty: sea)."""
    return [
        f["properties"]["iso_a2"]
        for f in collection["features"]
        if any(in_polygon(lon, lat, p) for p in polygons_of(f))
    ]


def signed_area(ring: Ring) -> float:
    return 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))


def test_ray_casting_helper_on_a_square() -> None:
    square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]]
    hole = [[0.5, 0.5], [0.5, 1.5], [1.5, 1.5], [1.5, 0.5], [0.5, 0.5]]
    assert in_polygon(0.25, 1.0, [square, hole])
    assert not in_polygon(1.0, 1.0, [square, hole])
    assert not in_polygon(3.0, 1.0, [square])


def test_is_a_feature_collection_of_land_polygons(collection: dict) -> None:
    assert collection["type"] == "FeatureCollection"
    assert collection["bbox"] == list(BOX)
    features = collection["features"]
    assert isinstance(features, list) and features
    codes = [f["properties"]["iso_a2"] for f in features]
    assert len(codes) == len(set(codes)), "one feature per country"
    assert {"GB", "FR", "BE", "NL"} <= set(codes)
    for feature in features:
        assert feature["type"] == "Feature"
        props = feature["properties"]
        assert props["kind"] == "land"
        assert isinstance(props["name"], str) and props["name"]
        assert len(props["iso_a2"]) == 2 and props["iso_a2"].isupper()
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}


def test_rings_are_closed_clean_and_wound_as_rfc_7946_says(collection: dict) -> None:
    for feature in collection["features"]:
        polygons = polygons_of(feature)
        assert polygons, feature["properties"]["name"]
        for polygon in polygons:
            assert polygon, feature["properties"]["name"]
            for position, ring in enumerate(polygon):
                assert len(ring) >= 4
                assert ring[0] == ring[-1], "closed"
                assert all(a != b for a, b in zip(ring, ring[1:], strict=False)), "no repeats"
                for point in ring:
                    assert len(point) == 2
                    assert all(isinstance(v, float | int) and round(v, 4) == v for v in point)
                # exterior counter-clockwise (positive area), holes clockwise
                assert (signed_area(ring) > 0) == (position == 0)


def test_every_coordinate_is_inside_the_box(collection: dict) -> None:
    west, south, east, north = BOX
    for feature in collection["features"]:
        for polygon in polygons_of(feature):
            for ring in polygon:
                for lon, lat in ring:
                    assert west <= lon <= east and south <= lat <= north, (
                        feature["properties"]["name"],
                        lon,
                        lat,
                    )


@pytest.mark.parametrize(
    ("place", "lat", "lon", "expected"),
    [
        ("Calais", 50.95, 1.86, ["FR"]),
        ("Dover", 51.13, 1.31, ["GB"]),
        ("mid-Channel, off Cap Gris-Nez", 50.9, 1.5, []),
        ("Cotentin peninsula, near Valognes", 49.6, -1.6, ["FR"]),
        ("sea west of the Cotentin", 49.6, -2.0, []),
        ("Baie de Seine, east of the Cotentin", 49.6, -1.15, []),
        ("Isle of Wight, Newport", 50.7, -1.29, ["GB"]),
        ("Ostend", 51.21, 2.92, ["BE"]),
    ],
)
def test_known_places_are_land_or_sea(
    collection: dict, place: str, lat: float, lon: float, expected: list[str]
) -> None:
    assert land_at(collection, lat, lon) == expected, place


def test_isle_of_wight_is_an_island(collection: dict) -> None:
    """The part of GB holding Newport is a separate polygon, not the mainland."""
    gb = next(f for f in collection["features"] if f["properties"]["iso_a2"] == "GB")
    parts = [p for p in polygons_of(gb) if in_polygon(-1.29, 50.7, p)]
    assert len(parts) == 1
    lons = [lon for lon, _ in parts[0][0]]
    lats = [lat for _, lat in parts[0][0]]
    assert -1.7 < min(lons) <= max(lons) < -1.0
    assert 50.5 < min(lats) <= max(lats) < 50.8


def test_file_is_small() -> None:
    assert GEOJSON.stat().st_size < 500 * 1024


def test_readme_names_the_source_and_how_to_rebuild() -> None:
    readme = (GEO / "README.md").read_text(encoding="utf-8")
    for needle in (
        "Natural Earth",
        "world-atlas",
        "2.0.2",
        "public domain",
        "python scripts/build_coastline.py",
    ):
        assert needle in readme
