"""Geolocation: the gazetteer, the choice of an event's place, the store and the exports.

The acceptance set (`fixtures/where_places.jsonl` and the placed lines of
`fixtures/where_numbers.jsonl`) holds sentences written for this project (wire style, many kinds
of place names: cities, divisions, US states, regions and seas, ambiguous names, datelines);
each names where its events happened.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from newsevents.ingest import make_article
from newsevents.store import Store
from newsevents.store.export import export, read_gdelt, read_plover
from newsevents.store.schema import ADDED_FIELDS
from newsevents.where import load_geo_gazetteer, normalise, place_name

# Sentences with known places; where_numbers.jsonl's lines (written for the numbers) add theirs
# where the sentence says where it happened ("places": null where it does not).
PLACE_SETS = [ROOT / "tests" / "fixtures" / name
              for name in ("where_places.jsonl", "where_numbers.jsonl")]


@pytest.fixture(scope="module")
def gaz():
    return load_geo_gazetteer()


@pytest.fixture(scope="module")
def locate(code):
    """locate(text, date) -> [(event type, location dict or None)] in text order."""
    return lambda text: [(e["event"], e["location"]) for e in code(text)]


# -- gazetteer --------------------------------------------------------------------------------

def test_normalise_folds_accents_and_punctuation():
    assert normalise("Ménaka") == normalise("Menaka") == "menaka"
    assert normalise("N'Djamena") == "ndjamena"
    assert normalise("the Sahara-Sahel") == "sahara sahel"


def test_cities_countries_divisions_and_regions(gaz):
    bamako = [p for p in gaz.lookup("Bamako") if p.country == "MLI"][0]
    assert bamako.precision == "city" and bamako.feature_class == "P"
    assert bamako.geonames_id == 2460596 and bamako.admin1 == "ML.01"
    assert 12 < bamako.lat < 13 and -8.5 < bamako.lon < -7.5
    mali = gaz.countries["MLI"]
    assert mali.precision == "country" and mali.geonames_id == 2453866
    assert 10 < mali.lat < 25 and -12 < mali.lon < 4  # inside Mali's bounding box
    texas = gaz.lookup("Texas")[0]
    assert (texas.precision, texas.country, texas.geonames_id) == ("admin1", "USA", 4736286)
    assert [p.precision for p in gaz.lookup("Gulf of Guinea")] == ["region"]
    assert gaz.lookup("Donbass")[0].country == "UKR"


def test_a_division_named_like_its_city_needs_its_suffix(gaz):
    assert {p.precision for p in gaz.lookup("Donetsk")} == {"city"}
    assert [p.precision for p in gaz.lookup("Donetsk region")] == ["admin1"]


def test_ordinary_words_are_not_alternate_names(gaz):
    assert gaz.lookup("North") == []
    # towns really called Liberty stay; places that only have it as an alternate name go
    assert gaz.lookup("Liberty") and all(p.name == "Liberty" for p in gaz.lookup("Liberty"))


# -- choosing a place -------------------------------------------------------------------------

def test_event_placed_at_the_city_of_its_clause(locate):
    (kind, loc), = locate("Gunmen killed 12 villagers near Kidal on Sunday.")
    assert kind == "ASSAULT"
    assert (loc["name"], loc["country"], loc["precision"], loc["text"]) == \
        ("Kidal", "MLI", "city", "Kidal")
    assert loc["geonames_id"] == 2455290 and loc["admin1"] == "ML.10"


def test_big_city_over_namesake_despite_foreign_actors(locate):
    places = locate("US Secretary of State Antony Blinken met French President Emmanuel "
                    "Macron in Paris on Monday. American officials later visited Washington.")
    assert [(p["name"], p["country"]) for _, p in places] == \
        [("Paris", "FRA"), ("Washington", "USA")]


def test_division_with_suffix(locate):
    (_, loc), = locate("Syrian government forces bombed rebel positions in Idlib province.")
    assert (loc["name"], loc["precision"], loc["text"]) == ("Idlib", "admin1", "Idlib province")


@pytest.mark.parametrize("text, country", [
    ("French police arrested 15 protesters in Paris on Saturday.", "FRA"),
    ("Police in Paris, Texas, arrested two men suspected of plotting an attack.", "USA"),
])
def test_paris_is_settled_by_its_qualifier(locate, text, country):
    assert [loc["country"] for _, loc in locate(text)] == [country]


def test_georgia_the_state_when_the_article_is_american(locate):
    text = ("Police arrested 40 demonstrators in Atlanta on Tuesday. Officers also detained "
            "protesters in Georgia's second city, Savannah. State troopers arrested 12 "
            "people in Georgia.")
    places = [loc for _, loc in locate(text)]
    assert places and all(p["country"] == "USA" for p in places)
    assert places[-1]["precision"] == "admin1" and places[-1]["name"] == "Georgia"


def test_georgia_the_country_otherwise(locate):
    (_, loc), = locate("Russian troops attacked villages in Georgia, the government in "
                       "Tbilisi said.")
    assert (loc["country"], loc["precision"]) == ("GEO", "country")


def test_congo_republic_and_democratic_republic(locate):
    (_, loc), = locate("Security forces in Brazzaville arrested an opposition leader.")
    assert loc["country"] == "COG"
    (_, loc), = locate("Rebels attacked an army base near Goma, killing five soldiers.")
    assert loc["country"] == "COD"


def test_regions_resolve_to_the_region_not_a_city(locate):
    (_, loc), = locate("Israeli aircraft struck targets in the Gaza Strip overnight.")
    assert (loc["name"], loc["precision"], loc["country"]) == ("Gaza Strip", "region", "PSE")
    assert loc["geonames_id"] is None and loc["feature_class"] == "L"
    (_, loc), = locate("North Korea fired two missiles into the Sea of Japan, Seoul said.")
    assert (loc["name"], loc["precision"], loc["feature_class"]) == \
        ("Sea of Japan", "region", "H")


def test_dateline_places_events_the_sentence_does_not(locate):
    (_, loc), = locate("NIAMEY, Niger (AP) - Niger's military rulers expelled the French "
                       "ambassador.")
    assert (loc["name"], loc["country"], loc["precision"]) == ("Niamey", "NER", "city")
    assert loc["text"] == "Niamey, Niger"


def test_article_focus_when_nothing_else_places_it(locate):
    text = ("Armenian and Azerbaijani troops exchanged fire along the border. The clashes "
            "came a week after talks in Yerevan.")
    places = [loc for _, loc in locate(text)]
    assert places[0]["country"] == "ARM" and places[0]["precision"] == "country"


def test_organisations_and_acronyms_are_not_places(locate):
    places = locate("BRUSSELS (Reuters) - Ukraine's president urged NATO to close the skies.")
    assert [(p["name"], p["country"]) for _, p in places] == [("Brussels", "BEL")]


def test_months_are_not_towns(coder):
    doc = coder.nlp("Gunmen killed five villagers in June, and more in March.")
    assert not [m.text for m in doc.user_data["geo_mentions"] if m.place is not None]


def test_force_without_a_named_place_lands_in_its_target_country(locate):
    (kind, loc), = locate("BRUSSELS (Reuters) - Russian forces invaded Ukraine on Thursday.")
    assert kind == "ASSAULT" and (loc["country"], loc["precision"]) == ("UKR", "country")


def test_actor_gets_the_place_the_text_gives_it(coder):
    article = make_article("Protesters in Bamako denounced the military government.", id="t")
    (_, events), = coder.code_articles([article])
    source = events[0].source[0]
    assert source.location is not None and source.location.name == "Bamako"
    assert events[0].to_dict()["source"]["location"]["country"] == "MLI"
    assert "location" not in events[0].to_dict()["target"]


def test_location_offsets_point_into_the_article_text(coder):
    text = "KYIV (Reuters) - Russian forces shelled Kharkiv overnight, officials said."
    article = make_article(text, id="t")
    (_, events), = coder.code_articles([article])
    start, end = events[0].to_dict()["evidence"]["location"]
    assert text[start:end] == "Kharkiv"


def test_acceptance_set(coder):
    """Share of events placed in the right country and at the right precision."""
    lines = [d for path in PLACE_SETS
             for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())
             if d.get("places")]
    assert len(lines) >= 60
    articles = [make_article(d["text"], id=str(n), date=d["date"]) for n, d in
                enumerate(lines)]
    events = right_country = right_precision = 0
    for (_, coded), line in zip(coder.code_articles(articles), lines, strict=True):
        want = line["places"][0]
        for e in coded:
            events += 1
            got = e.location
            right_country += got is not None and got.country == want["country"]
            right_precision += got is not None and got.country == want["country"] and \
                got.precision == want["precision"]
    print(f"\n{len(lines)} sentences, {events} events: right country "
          f"{right_country / events:.3f}, right country and precision "
          f"{right_precision / events:.3f}")
    assert events >= 80
    assert right_country / events >= 0.97 and right_precision / events >= 0.94


# -- store and exports ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def placed_store(coder, tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("where") / "t.duckdb")
    articles = [
        make_article("BAMAKO, Mali (Reuters) - Protesters in Bamako denounced the junta on "
                     "Friday. Gunmen killed 12 villagers near Kidal.", id="a",
                     date="2024-03-02"),
        make_article("Chinese ships blocked Philippine vessels in the South China Sea.",
                     id="b", date="2024-03-23")]
    store.ingest(coder.code_articles(articles))
    return store


def test_store_keeps_the_location_columns(placed_store):
    with placed_store.connect(read_only=True) as con:
        rows = con.execute("SELECT event, location_name, location_country, location_precision,"
                           " location_geonames_id, location_lat FROM events ORDER BY 1, 2"
                           ).fetchall()
    places = {(r[0], r[1]) for r in rows}
    assert ("ASSAULT", "Kidal") in places
    kidal = next(r for r in rows if r[1] == "Kidal")
    assert kidal[2:5] == ("MLI", "city", 2455290) and kidal[5] > 18


def test_exports_fill_the_place_columns(placed_store, tmp_path):
    with placed_store.connect(read_only=True) as con:
        export(con, "gdelt", tmp_path / "g.tsv")
        export(con, "plover", tmp_path / "p.jsonl")
        export(con, "polecat", tmp_path / "pc.tsv")
    gdelt = {r["ActionGeo_FullName"]: r for r in read_gdelt(tmp_path / "g.tsv")}
    kidal = gdelt["Kidal, Mali"]
    assert kidal["ActionGeo_Type"] == "4" and kidal["ActionGeo_CountryCode"] == "ML"
    assert kidal["ActionGeo_ADM1Code"] == "ML10" and kidal["ActionGeo_FeatureID"] == "2455290"
    assert float(kidal["ActionGeo_Lat"]) > 18
    assert kidal["Actor1Geo_CountryCode"]  # the actor's own place or its country
    plover = {r["event"]: r for r in read_plover(tmp_path / "p.jsonl")}
    assert plover["ASSAULT"]["event_loc"]["name"] == "Kidal"
    header, *rows = (tmp_path / "pc.tsv").read_text(encoding="utf-8").splitlines()
    columns = header.split("\t")
    placenames = {r.split("\t")[columns.index("Placename")] for r in rows}
    assert "Kidal" in placenames


def test_older_store_gets_the_new_columns(placed_store, coder, tmp_path):
    store = Store(tmp_path / "old.duckdb")
    store.ingest(coder.code_articles([make_article("Chile praised Peru.", id="x")]))
    with store.transaction() as con:  # as written by schema 1
        for table in ("mentions", "events"):
            for name, _ in ADDED_FIELDS:
                con.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
        con.execute("ALTER TABLE articles DROP COLUMN tone")
        con.execute("DROP TABLE facts")
    store.ingest(coder.code_articles([make_article("Police in Lima arrested 20 protesters.",
                                                   id="y")]))
    with store.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events WHERE location_name = 'Lima'"
                           ).fetchone()[0] == 1


# -- untrusted input --------------------------------------------------------------------------

@given(st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_place_names_from_any_text_never_raise(coder, text):
    place = place_name(load_geo_gazetteer(), text)
    assert place is None or place.precision in ("city", "admin1", "country", "region")
    assert isinstance(normalise(text), str)
