#!/usr/bin/env python3
"""Build data/geo/channel.geojson: land polygons of the English Channel region, shipped with the app.

Why: the dashboard's pydeck map should still read as "the Channel" when no basemap
tiles can be loaded (offline, blocked tile server, tests). A small GeoJSON layer of
land drawn under the points gives the coastlines of south-east England, Kent,
Normandy, Hauts-de-France and the Belgian coast without any network.

What it does:
  1. gets the npm package world-atlas@2.0.2 (``npm pack`` into a temporary folder,
     unpacked with tarfile), or uses an already unpacked package given with --atlas;
  2. reads its TopoJSON ``countries-10m.json`` and decodes the arcs itself
     (quantized, delta-encoded, then scaled and translated by the topology's transform);
  3. clips every country to the box lon -6.0..4.5, lat 48.3..52.6 with
     Sutherland-Hodgman, one ring at a time, against the rectangle;
  4. optionally simplifies each clipped ring with Douglas-Peucker (--tolerance in
     metres, measured in a local equirectangular plane; default 0 = none, because the
     clipped 1:10m data is already only ~50 KB), rounds to 4 decimals, removes
     consecutive duplicates and drops rings of fewer than 4 points;
  5. writes one Feature per country (properties: name, iso_a2, kind="land") as a
     FeatureCollection, plus data/geo/README.md saying where it came from.

Source and licence: Natural Earth 1:10m Admin 0 countries (version 4.1.0), public
domain (https://www.naturalearthdata.com/about/terms-of-use/), as redistributed in
TopoJSON by the npm package world-atlas 2.0.2 (c) Michael Bostock, ISC licence.

Standard library only; needs ``npm`` only when --atlas is not given.

    python scripts/build_coastline.py                     # fetch with npm, build
    python scripts/build_coastline.py --atlas /tmp/world-atlas/package
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas@2.0.2"
TOPOLOGY_FILE = "countries-10m.json"

# (west, south, east, north): the Channel from the Cornish/Breton ends to the
# Belgian/Zeeland coast, and from north Brittany up to the Thames estuary.
BOX = (-6.0, 48.3, 4.5, 52.6)

# Natural Earth in world-atlas carries the ISO 3166-1 *numeric* code as the feature id
# and a display name; the app wants alpha-2. Only countries that can touch the box (or
# sit just outside it) are listed: an unlisted country inside the box stops the build
# rather than shipping a feature with no code.
ISO_NUMERIC_TO_ALPHA2 = {
    "826": "GB",  # United Kingdom
    "250": "FR",  # France
    "056": "BE",  # Belgium
    "528": "NL",  # Netherlands
    "832": "JE",  # Jersey
    "831": "GG",  # Guernsey (with Alderney and Sark)
    "833": "IM",  # Isle of Man
    "372": "IE",  # Ireland
    "276": "DE",  # Germany
    "442": "LU",  # Luxembourg
}

# world-atlas already quantizes the 1:10m data to a 1e5 grid (~250 m x 190 m here), so
# the clipped box is ~50 KB: far under the 400 KB budget, and simplifying further would
# only blur small harbours and islands. Raise it (e.g. 100) if the box ever grows.
DEFAULT_TOLERANCE_M = 0.0
DECIMALS = 4  # ~11 m in latitude: finer than the 1:10m source, so nothing is lost
METRES_PER_DEGREE = 111_320.0  # of latitude (and of longitude at the equator)

Point = tuple[float, float]
Ring = list[Point]


# --- getting the package -----------------------------------------------------------


def fetch_atlas(workdir: Path) -> Path:
    """`npm pack` the pinned package into workdir and unpack it; return the package folder.

    npm pack (rather than npm install) leaves no node_modules or lock file behind and
    still checks the tarball's integrity against the registry.
    """
    result = subprocess.run(
        ["npm", "pack", PACKAGE, "--pack-destination", str(workdir), "--silent"],
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = workdir / result.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as tar:
        # filter="data" refuses absolute paths, links out of the folder and device files.
        tar.extractall(workdir, filter="data")
    return workdir / "package"


# --- TopoJSON ------------------------------------------------------------------------


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute lon/lat points of every arc.

    In a quantized topology each arc's first position is absolute and each next one is
    a delta from the previous, all in integer grid units; the transform maps the grid
    back to degrees: lon = x * scale[0] + translate[0], likewise for lat.
    """
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_from_arcs(indexes: list[int], arcs: list[list[Point]]) -> Ring:
    """Join a ring's arcs. A negative index ~i means arc i walked backwards; each arc
    after the first starts where the last ended, so its first point is skipped."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def polygons_of(geometry: dict, arcs: list[list[Point]]) -> list[list[Ring]]:
    """A Polygon or MultiPolygon geometry as a list of polygons, each a list of rings
    (exterior first, then holes)."""
    if geometry["type"] == "Polygon":
        parts = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["arcs"]
    else:  # null geometries (none in countries-10m) and anything unexpected
        return []
    return [[ring_from_arcs(ring, arcs) for ring in polygon] for polygon in parts]


# --- clipping ------------------------------------------------------------------------


def clip_ring(ring: Ring, box: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman: clip a closed ring to an axis-aligned rectangle.

    The input may be closed (last == first) or not; the output is open. Intersections
    are put exactly on the box edge so rounding can never push a point outside.
    Where a concave coast leaves and re-enters the box, the result joins the pieces
    with zero-width runs along the box edge: harmless for a filled layer (no area) and
    they lie on the edge of the shipped extent anyway.
    """
    west, south, east, north = box
    points = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else list(ring)

    def along_x(a: Point, b: Point, x: float) -> Point:
        t = (x - a[0]) / (b[0] - a[0])
        return (x, a[1] + t * (b[1] - a[1]))

    def along_y(a: Point, b: Point, y: float) -> Point:
        t = (y - a[1]) / (b[1] - a[1])
        return (a[0] + t * (b[0] - a[0]), y)

    edges = [
        (lambda p: p[0] >= west, lambda a, b: along_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: along_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: along_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: along_y(a, b, north)),
    ]
    for inside, intersect in edges:
        if not points:
            break
        output: Ring = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    output.append(intersect(previous, current))
                output.append(current)
            elif inside(previous):
                output.append(intersect(previous, current))
            previous = current
        points = output
    return points


# --- simplifying and tidying ---------------------------------------------------------


def douglas_peucker(points: Ring, tolerance: float) -> Ring:
    """Keep the points of an open polyline that lie farther than tolerance from the
    chord of their span (iterative, so long coasts cannot hit the recursion limit)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        farthest, distance = -1, tolerance
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / length
            if d > distance:
                farthest, distance = i, d
        if farthest >= 0:
            keep[farthest] = True
            stack.append((first, farthest))
            stack.append((farthest, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: Ring, tolerance_m: float, lat0: float) -> Ring:
    """Douglas-Peucker on an open ring, in metres.

    Distances are measured with longitude scaled by cos(lat0), so one tolerance means
    the same ground distance east-west and north-south. A closed ring has no natural
    end points, so it is cut at its first point and at the point farthest from it, and
    each half is simplified on its own (both cut points are always kept).
    """
    if tolerance_m <= 0 or len(ring) < 4:
        return ring
    k = math.cos(math.radians(lat0))
    plane = [(x * k * METRES_PER_DEGREE, y * METRES_PER_DEGREE) for x, y in ring]
    x0, y0 = plane[0]
    far = max(range(len(plane)), key=lambda i: (plane[i][0] - x0) ** 2 + (plane[i][1] - y0) ** 2)
    closed = plane + [plane[0]]
    first_half = douglas_peucker(closed[: far + 1], tolerance_m)
    second_half = douglas_peucker(closed[far:], tolerance_m)
    kept = first_half + second_half[1:-1]
    return [(x / (k * METRES_PER_DEGREE), y / METRES_PER_DEGREE) for x, y in kept]


def signed_area(ring: Ring) -> float:
    """Shoelace area in degrees²: positive when the ring runs counter-clockwise."""
    return 0.5 * sum(
        x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
    )


def tidy_ring(ring: Ring, exterior: bool) -> list[list[float]] | None:
    """Round, drop consecutive duplicates, close, and wind as RFC 7946 asks
    (exteriors counter-clockwise, holes clockwise). None if nothing usable is left:
    fewer than 4 positions once closed, or no area (a ring squashed onto the box edge)."""
    rounded: Ring = []
    for x, y in ring:
        p = (round(x, DECIMALS), round(y, DECIMALS))
        if not rounded or p != rounded[-1]:
            rounded.append(p)
    while len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    if len(rounded) < 3:  # + the closing point = fewer than 4 positions
        return None
    area = signed_area(rounded)
    if abs(area) < 10 ** (-2 * DECIMALS):
        return None
    if (area > 0) != exterior:
        rounded.reverse()
    return [[x, y] for x, y in rounded + rounded[:1]]


def bbox_of(ring: Ring) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def clip_country(polygons: list[list[Ring]], tolerance_m: float) -> list[list[list[list[float]]]]:
    """Clip, simplify and tidy every polygon of one country; keep those with an exterior."""
    lat0 = (BOX[1] + BOX[3]) / 2
    kept = []
    for polygon in polygons:
        # Most of a country's parts (overseas France, Shetland...) are nowhere near the
        # box: skip them on their bounding box before any clipping work.
        if not polygon or not overlaps(bbox_of(polygon[0]), BOX):
            continue
        rings = []
        for position, ring in enumerate(polygon):
            exterior = position == 0
            clipped = clip_ring(ring, BOX)
            tidy = (
                tidy_ring(simplify_ring(clipped, tolerance_m, lat0), exterior) if clipped else None
            )
            if tidy is None:
                if exterior:  # no exterior left, so its holes mean nothing either
                    break
                continue
            rings.append(tidy)
        if rings:
            kept.append(rings)
    return kept


# --- output --------------------------------------------------------------------------


def build(atlas: Path, tolerance_m: float) -> tuple[dict, dict]:
    """Return the FeatureCollection and facts about the input for the README."""
    raw = (atlas / TOPOLOGY_FILE).read_bytes()
    topology = json.loads(raw)
    version = json.loads((atlas / "package.json").read_text(encoding="utf-8")).get("version")
    if version != PACKAGE.split("@")[1]:
        print(f"warning: {atlas} is world-atlas {version}, not {PACKAGE}", file=sys.stderr)
    arcs = decode_arcs(topology)

    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = clip_country(polygons_of(geometry, arcs), tolerance_m)
        if not polygons:
            continue
        name = geometry["properties"]["name"]
        iso = ISO_NUMERIC_TO_ALPHA2.get(geometry.get("id", ""))
        if iso is None:
            raise SystemExit(
                f"{name} (id {geometry.get('id')}) reaches the box but has no ISO alpha-2 "
                "code in ISO_NUMERIC_TO_ALPHA2: add it"
            )
        if len(polygons) == 1:
            shape = {"type": "Polygon", "coordinates": polygons[0]}
        else:
            shape = {"type": "MultiPolygon", "coordinates": polygons}
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name, "iso_a2": iso, "kind": "land"},
                "geometry": shape,
            }
        )
    features.sort(key=lambda f: f["properties"]["iso_a2"])

    collection = {
        "type": "FeatureCollection",
        "bbox": list(BOX),
        # A foreign member (allowed by RFC 7946): the provenance travels with the file.
        "properties": {
            "source": f"Natural Earth 1:10m Admin 0 countries via npm {PACKAGE} ({TOPOLOGY_FILE})",
            "licence": "Natural Earth: public domain; world-atlas package: ISC",
            "box": {"west": BOX[0], "south": BOX[1], "east": BOX[2], "north": BOX[3]},
            "simplification_m": tolerance_m,
            "decimals": DECIMALS,
            "rebuild": "python scripts/build_coastline.py",
        },
        "features": features,
    }
    facts = {"version": version, "sha256": hashlib.sha256(raw).hexdigest()}
    return collection, facts


def write_geojson(collection: dict, path: Path) -> None:
    """Compact JSON, one feature per line, so the file stays small yet diffs by country."""
    head = {k: v for k, v in collection.items() if k != "features"}
    lines = [json.dumps(f, separators=(",", ":")) for f in collection["features"]]
    text = json.dumps(head, separators=(",", ":"))[:-1] + ',"features":[\n'
    text += ",\n".join(lines) + "\n]}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


README = """\
# Channel land polygons (`channel.geojson`)

Land of the English Channel region, so the pydeck map reads without basemap tiles:
one Feature per country, properties `name` (Natural Earth's), `iso_a2` and
`kind` = `"land"`; Polygon or MultiPolygon, RFC 7946 winding, lon/lat (WGS 84).

- **Source:** Natural Earth 1:10m Admin 0 countries (v4.1.0), via the npm package
  world-atlas {version} (`{topology}`, sha256 `{sha256}`).
- **Licence:** Natural Earth is public domain; the world-atlas package is ISC
  (c) Michael Bostock. No attribution is required; "Natural Earth" is credited here.
- **Box:** lon {west} to {east}, lat {south} to {north}; each ring clipped to it with
  Sutherland-Hodgman, so land cut by the box has straight edges along it.
- **Simplification:** {simplification}.
  Then coordinates rounded to {decimals} decimals, consecutive duplicates removed,
  rings with fewer than 4 points (or no area) dropped. world-atlas itself quantizes
  Natural Earth to a 1e5 grid (about 250 m east-west by 190 m north-south here),
  so that is the data's resolution.
- **Features:** {features}.
- **Drawing it:** where the box cuts land (Brittany, Wales, East Anglia, the
  Netherlands, inland France and Belgium) the polygons end in straight edges on the
  box; draw the layer filled and unstroked, or zoom so the box edges stay off screen.
  The collection's own `"properties"` member repeats the source, licence and box.
- **Built:** {date}, {size} bytes.

Rebuild (needs `npm` and the npm registry, or `--atlas PATH` to an unpacked package):

    python scripts/build_coastline.py

`tests/test_geo_data.py` checks the shipped file with no network.
"""


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--atlas",
        type=Path,
        help=f"an unpacked {PACKAGE} package folder (else fetched with npm pack)",
    )
    parser.add_argument("--out", type=Path, default=root / "data" / "geo" / "channel.geojson")
    parser.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE_M,
        help="Douglas-Peucker tolerance in metres (0: none)",
    )
    parser.add_argument(
        "--no-readme", action="store_true", help="do not (re)write README.md beside the output"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="world-atlas-") as tmp:
        atlas = args.atlas or fetch_atlas(Path(tmp))
        collection, facts = build(atlas, args.tolerance)

    write_geojson(collection, args.out)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size:,} bytes, {len(collection['features'])} features)")
    summary = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        vertices = sum(len(ring) for polygon in polygons for ring in polygon)
        props = feature["properties"]
        print(
            f"  {props['iso_a2']}  {props['name']:<16} {geometry['type']:<12} {len(polygons):>4} parts {vertices:>7} vertices"
        )
        summary.append(
            f"{props['iso_a2']} ({props['name']}, {len(polygons)} part(s), {vertices} vertices)"
        )

    if not args.no_readme:
        west, south, east, north = BOX
        simplification = (
            f"Douglas-Peucker, tolerance {args.tolerance:g} m"
            if args.tolerance > 0
            else "none (Douglas-Peucker tolerance 0: the clipped data is already small)"
        )
        (args.out.parent / "README.md").write_text(
            README.format(
                version=facts["version"],
                topology=TOPOLOGY_FILE,
                sha256=facts["sha256"],
                west=west,
                east=east,
                south=south,
                north=north,
                simplification=simplification,
                decimals=DECIMALS,
                features="; ".join(summary),
                date=dt.date.today().isoformat(),
                size=size,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
