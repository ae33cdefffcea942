"""Round trip (Hypothesis): event -> store -> PLOVER export -> parse gives back the event."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.ingest import make_article
from newsevents.records import Actor, Event
from newsevents.store import Store
from newsevents.store.export import export, read_plover

PLOVER = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE",
          "ASSAULT"]
COUNTRIES = ["RUS", "MLI", "COG", "USA", "CHN", "KEN", "SOM", "PSE"]
SECTORS = [None, "GOV", "MIL", "REB", "CVL"]
names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                min_size=1, max_size=20)


@st.composite
def actors(draw):
    country = draw(st.sampled_from(COUNTRIES))
    sector = draw(st.sampled_from(SECTORS))
    return Actor(text=draw(names), name=draw(names), code=country + (sector or ""),
                 country=country, sector=sector, start=0, end=1, kind="named")


@st.composite
def events(draw):
    return Event(
        doc_id="d", sentence_index=draw(st.integers(0, 50)), sentence=draw(names),
        event=draw(st.sampled_from(PLOVER)),
        cameo=draw(st.from_regex(r"\A(0[2-9]|1\d|20)\d{1,2}\Z")),
        mode=draw(st.sampled_from([None, "phone", "visit", "arrest"])),
        context=tuple(draw(st.lists(st.sampled_from(["economic", "military", "legal"]),
                                    unique=True, max_size=3))),
        source=tuple(draw(st.lists(actors(), min_size=1, max_size=2))),
        target=tuple(draw(st.lists(actors(), max_size=2))),
        date=draw(st.dates().map(lambda d: d.isoformat())), date_text=None, negated=False,
        modality="asserted", goldstein=draw(st.floats(-10, 10).map(lambda x: round(x, 1))),
        quad_class=draw(st.integers(1, 4)), confidence=0.5, trigger="t", trigger_span=(0, 1),
        version="newsevents test")


COUNTER = itertools.count()


@settings(max_examples=40, deadline=None)
@given(events())
def test_event_store_export_parse(event):
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "rt.duckdb")
        article = make_article(f"article {next(COUNTER)}", id="d", date=event.date)
        store.ingest([(article, [event])])
        out = Path(tmp) / "events.jsonl"
        with store.connect(read_only=True) as con:
            assert export(con, "plover", out) == 1
        [back] = read_plover(out)
    assert back["event"] == event.event and back["cameo"] == event.cameo
    assert back["date"] == event.date and back["mode"] == event.mode
    assert sorted(back["context"]) == sorted(event.context)
    assert back["actor"] == [a.code for a in event.source]
    assert back["actor_country"] == [a.country for a in event.source]
    assert back["actor_name"] == [a.name for a in event.source]
    assert back["recipient"] == [a.code for a in event.target]
    assert back["recipient_country"] == [a.country for a in event.target]
    assert back["intensity"] == event.goldstein
    assert back["num_mentions"] == 1 and back["num_articles"] == 1
