"""The gazetteer: the places the extractor can name, loaded once from data/gazetteer.csv and matched by one regex.

Each row of the CSV is a place with a canonical `name`, the other ways news text writes it
(`aliases`, separated by "|"), WGS84 coordinates, an ISO 3166-1 alpha-2 `country` (empty for
seas, continents and areas that span countries), a `kind`, the `source` of the coordinates,
and `needs_context` (1 for names that are also common words or first names: "Deal", "Chad").

Surface forms are case-sensitive ("Channel" is the sea, "channel" is not). The regex also
accepts, without listing them: the ALL CAPS form ("CALAIS, France (AP)"), the form without
accents ("Etaples"), a space or hyphen where the other was written ("Pas de Calais",
"Cap Gris Nez") and a typographic apostrophe ("Côte d’Ivoire").

    >>> entry = load_gazetteer().lookup("Dunkerque")
    >>> entry.name, entry.country
    ('Dunkirk', 'FR')
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from lib.extract.patterns import trie_pattern

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "gazetteer.csv"
COLUMNS = ("name", "aliases", "lat", "lon", "country", "kind", "source", "needs_context")
KINDS = ("town", "city", "port", "beach", "headland", "region", "country", "sea", "continent")
# Kinds that may have no single country: "English Channel", "Africa", "the Sahel".
_COUNTRYLESS_KINDS = frozenset({"sea", "continent", "region"})

_SEPARATOR = re.compile(r"[\s\-\u2010\u2011]+")  # space or hyphen inside a name: "Pas de Calais"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SEPARATOR_RE = r"[\s\-\u2010\u2011]+"
_APOSTROPHE_RE = "['\u2019\u2018\u02bc]"


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    name: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2, "" for seas, continents and multi-country regions
    kind: str
    source: str
    needs_context: bool = False

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Every way the CSV says news text writes this place, the canonical name first."""
        return (self.name, *self.aliases)


def surface_key(text: str) -> str:
    """The form two spellings of one surface share: accents off, one space for any run of
    spaces or hyphens, straight apostrophes. Case is kept: "Nice" and "nice" differ."""
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _SEPARATOR.sub(" ", folded).strip()


class Gazetteer:
    """The places, the surface forms that name them, and one compiled regex over all of them.

    `pattern` matches the longest surface form at each position, between word boundaries
    where a hyphen counts as a boundary, so "cross-Channel" and "Channel-crossing" name the
    Channel and "Pas-de-Calais" is read whole before "Calais" is tried.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._by_name: dict[str, Entry] = {}
        self._by_key: dict[str, Entry] = {}
        for entry in self.entries:
            if entry.name in self._by_name:
                raise ValueError(
                    f"gazetteer: two places are called {entry.name!r}; names must be unique"
                )
            self._by_name[entry.name] = entry
        # Listed surface forms first: one that names two places is an error in the data.
        for entry in self.entries:
            for surface in entry.surfaces:
                key = surface_key(surface)
                other = self._by_key.setdefault(key, entry)
                if other is not entry:
                    raise ValueError(
                        f"gazetteer: surface form {surface!r} names both {other.name!r} and "
                        f"{entry.name!r}; each alias may name one place only"
                    )
        # Derived ALL CAPS forms ("CALAIS") only where no listed form already has that key.
        for entry in self.entries:
            for surface in entry.surfaces:
                if len(surface) > 2:
                    self._by_key.setdefault(surface_key(surface.upper()), entry)
        folded: dict[str, Entry | None] = {}
        for key, entry in self._by_key.items():
            k = key.casefold()
            folded[k] = entry if folded.get(k, entry) is entry else None
        self._by_casefold = {k: e for k, e in folded.items() if e is not None}
        self.pattern: re.Pattern[str] = _compile(self._surface_variants())
        self._resolved: dict[str, Entry | None] = {}  # matched text -> entry, memo for `resolve`

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def lookup(self, name: str) -> Entry | None:
        """The place a name or alias stands for: canonical name, then any surface form, then
        the same ignoring case when that is unambiguous. None when the gazetteer has no such place."""
        entry = self._by_name.get(name)
        if entry is not None:
            return entry
        key = surface_key(name)
        return self._by_key.get(key) or self._by_casefold.get(key.casefold())

    def resolve(self, surface: str) -> Entry | None:
        """The place a text span matched by `pattern` names (case-sensitive)."""
        try:
            return self._resolved[surface]
        except KeyError:
            entry = self._resolved[surface] = self._by_key.get(surface_key(surface))
            return entry

    def _surface_variants(self) -> set[str]:
        variants: set[str] = set()
        for entry in self.entries:
            for surface in entry.surfaces:
                for form in (surface, _strip_accents(surface)):
                    variants.add(form)
                    if len(form) > 2 and self._by_key.get(surface_key(form.upper())) is entry:
                        variants.add(form.upper())
        return variants


# --- loading and validation --------------------------------------------------------------------

_CACHE: dict[Path, Gazetteer] = {}


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer in `path` (default data/gazetteer.csv), read and compiled once per path.

    Raises ValueError naming the line and field of the first bad row.
    """
    resolved = Path(path or DEFAULT_PATH).resolve()
    gazetteer = _CACHE.get(resolved)
    if gazetteer is None:
        with resolved.open(encoding="utf-8", newline="") as f:
            gazetteer = Gazetteer(parse_gazetteer(f.read(), origin=resolved.name))
        _CACHE[resolved] = gazetteer
    return gazetteer


def clear_gazetteer_cache() -> None:
    """Forget every loaded gazetteer (tests that write their own CSV call this)."""
    _CACHE.clear()


def lookup(name: str) -> Entry | None:
    """`load_gazetteer().lookup(name)`: the default gazetteer's place for a name or alias."""
    return load_gazetteer().lookup(name)


def parse_gazetteer(text: str, *, origin: str = "gazetteer.csv") -> list[Entry]:
    """CSV text -> entries, refusing the first row that breaks the column contract.

    Example row: `Calais,,50.94806,1.85639,FR,port,shared places.csv: ...,0`
    """
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ValueError(
            f"{origin}: columns are {','.join(reader.fieldnames or ())!r}; expected {','.join(COLUMNS)!r}"
        )
    return [_parse_row(row, line=reader.line_num, origin=origin) for row in reader]


def _parse_row(row: Mapping[str, str | None], *, line: int, origin: str) -> Entry:
    name = (row.get("name") or "").strip()

    def bad(field: str, found: object, expected: str) -> ValueError:
        return ValueError(
            f"{origin} line {line} ({name or 'no name'}): field {field!r} is {found!r}; expected {expected}"
        )

    if None in row or any(row.get(c) is None for c in COLUMNS):
        raise bad("(row)", dict(row), f"exactly {len(COLUMNS)} fields: {','.join(COLUMNS)}")
    if not name or "|" in name:
        raise bad("name", row["name"], "a place name without '|'")
    aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|")) if row["aliases"] else ()
    if any(not a for a in aliases):
        raise bad("aliases", row["aliases"], "surface forms separated by '|', none empty")
    lat, lon = _number(row["lat"]), _number(row["lon"])
    if lat is None or not -90 <= lat <= 90:
        raise bad("lat", row["lat"], "a number from -90 to 90")
    if lon is None or not -180 <= lon <= 180:
        raise bad("lon", row["lon"], "a number from -180 to 180")
    kind = (row["kind"] or "").strip()
    if kind not in KINDS:
        raise bad("kind", row["kind"], f"one of {', '.join(KINDS)}")
    country = (row["country"] or "").strip()
    if not re.fullmatch(r"[A-Z]{2}", country) and not (
        country == "" and kind in _COUNTRYLESS_KINDS
    ):
        raise bad(
            "country",
            row["country"],
            "an ISO 3166-1 alpha-2 code such as FR (empty only for a sea, continent or region)",
        )
    source = (row["source"] or "").strip()
    if not source:
        raise bad("source", row["source"], "where the coordinates came from")
    flag = (row["needs_context"] or "").strip()
    if flag not in ("0", "1"):
        raise bad("needs_context", row["needs_context"], "0 or 1")
    return Entry(name=name, aliases=aliases, lat=lat, lon=lon, country=country, kind=kind,
                 source=source, needs_context=flag == "1")  # fmt: skip


def _number(raw: str | None) -> float | None:
    try:
        value = float(raw or "")
    except ValueError:
        return None
    return value if math.isfinite(value) else None


# --- the regex ---------------------------------------------------------------------------------


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _compile(surfaces: Iterable[str]) -> re.Pattern[str]:
    """One regex over every surface form, as a character trie so that a position that starts
    no name fails at its first character, and longer names win: at each branch the longer
    continuation is tried before the name may end ("English Channel" before "English",
    "Pas-de-Calais" before "Pas")."""
    # \b before: "cross-Channel" (a hyphen is a boundary) but not "Calaisien"; (?!\w) after, not
    # \b, so that "U.K." may end in a full stop, and "Britain's" still names Britain.
    return re.compile(r"\b(?:" + trie_pattern(_tokens(s) for s in surfaces) + r")(?!\w)")


def _tokens(surface: str) -> list[str]:
    tokens: list[str] = []
    for part in re.split(r"([\s\-\u2010\u2011]+|['\u2019\u2018\u02bc])", surface):
        if not part:
            continue
        if _SEPARATOR.fullmatch(part):
            tokens.append(_SEPARATOR_RE)
        elif part in "'\u2019\u2018\u02bc":
            tokens.append(_APOSTROPHE_RE)
        else:
            tokens.extend(re.escape(c) for c in part)
    return tokens
