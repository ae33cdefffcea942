"""numbers: number phrases read, typed and tied to the event whose clause states them; facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED
from newsevents.events.build import finish
from newsevents.ingest import make_article
from newsevents.numbers.words import parse_number

FIXTURE = Path(__file__).parent / "fixtures" / "where_numbers.jsonl"
# Shares of the fixture's numbers read with the right value and type, and also tied to the
# right event (measured 2026-11-28 on 60 sentences: 64/64 and 50/64; most event misses are
# sentences where the coder finds no event, so the number is kept as a fact). Floors just
# under what is reached.
READ_FLOOR = 0.95
NUMBERS_FLOOR = 0.75


@pytest.fixture(scope="module")
def parse(coder):
    """parse(text) -> the Doc as the coder sees it (prefilter included)."""
    def run(text, date="2024-06-15"):
        doc = coder.nlp.make_doc(coder.prefilter(text))
        doc.user_data["date"] = date
        return next(coder.nlp.pipe([doc]))
    return run


@pytest.fixture(scope="module")
def numbers_of(parse, coder):
    """numbers_of(text) -> [(plover event, kind, value, unit, text, qualifier)] of the
    numbers on events, and [(subject, kind, value, unit)] of the facts."""
    def run(text, date="2024-06-15"):
        doc = parse(text, date)
        article = make_article(text, id="t", date=date)
        on_events = []
        for span in doc.spans["events"]:
            event = finish(span._.draft, span.sent, 0, article, coder.lexicon, coder.version)
            on_events += [(event.event, q.kind, q.value, q.unit, q.text, q.qualifier)
                          for q in span._.numbers]
        facts = [(actor.text if actor is not None else None, q.kind, q.value, q.unit)
                 for actor, q in doc.user_data["facts"]]
        return on_events, facts
    return run


def kinds_values(found):
    return {(kind, value) for _, kind, value, *_ in found}


# -- the number-word parser ------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("25,000", 25000), ("5.3 million", 5.3e6), ("two hundred and fifty", 250),
    ("twenty-five", 25), ("a dozen", 12), ("two dozen", 24), ("dozens", 24),
    ("hundreds", 200), ("tens of thousands", 20000), ("hundreds of thousands", 200000),
    ("half a million", 500000), ("a million", 1e6), ("2bn", 2e9), ("1.2 billion", 1.2e9),
    ("one hundred one", 101), ("seventy", 70), ("0", 0),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "nearly", "five six", "12 and 30", "3rd", "1980s",
                                  "10,00", "million billion", "a", "and two", "of thousands"])
def test_parse_number_refuses_what_is_not_one_number(text):
    assert parse_number(text) is None


SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = [(10**9, "billion"), (10**6, "million"), (10**3, "thousand")]


def under_thousand(n: int, with_and: bool) -> str:
    words = []
    if n >= 100:
        words += [SMALL[n // 100], "hundred"] + (["and"] if with_and and n % 100 else [])
        n %= 100
    if n >= 20:
        words.append(TENS[n // 10] + (f"-{SMALL[n % 10]}" if n % 10 else ""))
    elif n or not words:
        words.append(SMALL[n])
    return " ".join(words)


def in_words(n: int, with_and: bool) -> str:
    """English words for n < 10**12 ("one million two hundred and five")."""
    if n < 1000:
        return under_thousand(n, with_and)
    parts = []
    for scale, name in SCALES:
        if n >= scale:
            parts.append(f"{under_thousand(n // scale, with_and)} {name}")
            n %= scale
    if n:
        parts.append(under_thousand(n, with_and))
    return " ".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1), st.booleans())
def test_parse_number_round_trips_words(n, with_and):
    assert parse_number(in_words(n, with_and)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_parse_number_round_trips_digits(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from(SCALES))
def test_parse_number_round_trips_decimals_with_a_scale(whole, tenth, scale):
    assert parse_number(f"{whole}.{tenth} {scale[1]}") == pytest.approx((whole + tenth / 10)
                                                                        * scale[0])


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or value >= 0


# -- numbers on events -----------------------------------------------------------------------
def test_casualties_go_to_the_clause_that_states_them(numbers_of):
    on_events, _ = numbers_of("Jihadists attacked the Malian army near Gao, killing at least "
                              "seven soldiers and wounding 15 others.")
    assert {(k, v) for _, k, v, *_ in on_events} == {("killed", 7), ("wounded", 15)}
    killed = next(n for n in on_events if n[1] == "killed")
    assert killed[4] == "at least seven soldiers" and killed[5] == "at least"


def test_each_number_to_its_own_event(parse):
    doc = parse("Soldiers killed 4 rebels and arrested 9 others near Goma.")
    by_trigger = {span.text: {(q.kind, q.value) for q in span._.numbers}
                  for span in doc.spans["events"]}
    assert by_trigger["killed"] == {("killed", 4)}
    assert by_trigger["arrested"] == {("arrested", 9)}


@pytest.mark.parametrize("text,value", [
    ("Hamas fighters killed 12, the Israeli army said.", 12),
    ("At least 40 people were killed when Sudanese army jets bombed a market in Darfur.", 40),
    ("Israeli jets bombed Hezbollah positions in Lebanon and the death toll rose to 23.", 23),
])
def test_killed_stated_three_ways(numbers_of, text, value):
    on_events, _ = numbers_of(text)
    assert kinds_values(on_events) == {("killed", value)}


def test_a_count_in_a_sentence_without_an_event_is_a_fact(numbers_of):
    on_events, facts = numbers_of("Rebels shelled the town and the death toll rose to 23.")
    assert on_events == [] and facts == [(None, "killed", 23, "people")]


def test_money_in_units_of_its_currency(numbers_of):
    on_events, facts = numbers_of("Britain pledged £30m to the fund, while China offered "
                                  "2.5 billion yuan in loans to Kenya.")
    found = {(k, v, u) for _, k, v, u, *_ in on_events} | set(
        (k, v, u) for _, k, v, u in facts)
    assert ("money", 30e6, "GBP") in found
    assert ("money", 2.5e9, "CNY") in found


def test_crowd_words_and_vague_numbers(numbers_of):
    on_events, _ = numbers_of("Hundreds of thousands of French workers protested against the "
                              "pension reform in Paris.")
    assert ("crowd", 200000) in kinds_values(on_events)
    assert any(q == "at least" for *_, q in on_events)


def test_aid_goods_with_and_without_numbers(numbers_of):
    on_events, _ = numbers_of("Egypt sent aid to Sudan in the form of flour, rice, and "
                              "medicine, and 40 trucks of fuel.")
    goods = {(v, u) for _, k, v, u, *_ in on_events if k == "aid"}
    assert {(None, "flour"), (None, "rice"), (None, "medicine")} <= goods
    assert (40, "trucks of fuel") in goods


@pytest.mark.parametrize("text", ["Soldiers killed between 20 and 25 rebels near Goma.",
                                  "Soldiers killed 20 to 25 rebels near Goma.",
                                  "Soldiers killed 20-25 rebels near Goma.",
                                  "Soldiers killed twenty or twenty-five rebels near Goma."])
def test_ranges_keep_the_lower_bound(numbers_of, text):
    on_events, _ = numbers_of(text)
    assert [(k, v, u, q) for _, k, v, u, _, q in on_events] == [("killed", 20, "people",
                                                                 "range")]


def test_number_words_in_context(numbers_of):
    on_events, _ = numbers_of("Police arrested half a million protesters in Paris.")
    assert [(k, v, t) for _, k, v, _, t, _ in on_events] == [
        ("arrested", 500000, "half a million protesters")]
    on_events, _ = numbers_of("Soldiers killed a dozen rebels near Goma.")
    assert kinds_values(on_events) == {("killed", 12)}


def test_hyphenated_ages_are_not_counts(numbers_of):
    on_events, _ = numbers_of("Gunmen killed a 45-year-old farmer and two soldiers in Borno.")
    assert kinds_values(on_events) == {("killed", 2)}


def test_years_ages_and_percentages_are_not_counts(numbers_of):
    on_events, facts = numbers_of("In 2023, Ghana's president, 64, said inflation rose 40 "
                                  "percent and condemned the 3rd coup in the region.")
    assert on_events == [] and facts == []


NUMBERISH = ["12", "1,500", "5.3", "million", "dozens", "of", "a", "half", "and", "-", "to",
             "$", "€", "£30m", "2bn", "20-25", "at", "least", "nearly", "killed", "arrested",
             "people", "protesters", "troops", "tonnes", "wheat", "aid", "Kenya", "police",
             "between", "%", ",", ".", "rubles", "toll", "rose", "year", "old", "the"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(NUMBERISH), min_size=1, max_size=25))
def test_the_component_never_raises_on_number_soup(parse, words):
    doc = parse(" ".join(words))
    for span in doc.spans["numbers"]:
        quantity = span._.quantity
        assert doc.text[quantity.start:quantity.end] == quantity.text
        assert quantity.value is None or quantity.value >= 0


# -- facts -----------------------------------------------------------------------------------
def test_seed_population_facts(coder, parse):
    doc = parse(SEED.read_text(encoding="utf-8"), "2024-03-27")
    facts = {(a.text if a is not None else None, q.kind, q.value)
             for a, q in doc.user_data["facts"]}
    assert ("Mali", "population", 20e6) in facts
    assert ("Republic of the Congo", "population", 5.3e6) in facts
    aid = [q for span in doc.spans["events"] for q in span._.numbers if q.kind == "aid"]
    assert {q.unit for q in aid} == {"wheat", "fertilizer", "fuel"}
    assert {s.label_ for s in doc.spans["numbers"]} >= {"population", "aid"}


@pytest.mark.parametrize("text,subject,value", [
    ("Chad, home to 18 million people, borders Sudan.", "Chad", 18e6),
    ("Rwanda has a population of about 14 million.", "Rwanda", 14e6),
    ("Niger, a nation of 26 million, expelled the French ambassador.", "Niger", 26e6),
])
def test_population_facts_have_their_country(numbers_of, text, subject, value):
    _, facts = numbers_of(text)
    assert (subject, "population", value, "people") in facts


# -- the acceptance set ----------------------------------------------------------------------
def score_fixture(numbers_of) -> tuple[int, int, int, int, list[str]]:
    """(right, read, expected, predicted, misses) over tests/fixtures/where_numbers.jsonl: a
    number is right when a predicted one has its value, type and event (None: a fact), read
    when one has its value and type, on whatever event."""
    right = read = expected = predicted = 0
    misses = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        on_events, facts = numbers_of(case["text"], case["date"])
        found = [(e, k, v) for e, k, v, *_ in on_events] + [(None, k, v) for _, k, v, _ in facts]
        predicted += len(found)
        for number in case["numbers"]:
            expected += 1
            key = (number["event"], number["type"], number["value"])
            read += key[1:] in {f[1:] for f in found}
            if key in found:
                right += 1
            else:
                misses.append(f"{key} not in {found}: {case['text']}")
    return right, read, expected, predicted, misses


def test_acceptance_numbers(numbers_of):
    right, read, expected, predicted, misses = score_fixture(numbers_of)
    sentences = len(FIXTURE.read_text(encoding="utf-8").splitlines())
    print(f"\nnumbers: {right}/{expected} = {right / expected:.3f} with the right value, type "
          f"and event over {sentences} sentences ({read}/{expected} = {read / expected:.3f} "
          f"with the right value and type); {predicted} predicted "
          f"(precision {right / max(predicted, 1):.3f})")
    print("\n".join(misses))
    assert sentences >= 40
    assert read / expected >= READ_FLOOR
    assert right / expected >= NUMBERS_FLOOR


@pytest.mark.parametrize("text, kind", [
    ("Russia fired more than 800 drones and 13 missiles at Ukraine overnight.", "fired"),
    ("Ukrainian air defences shot down 747 drones overnight.", "fired"),
    ("The United States delivered 31 tanks to Ukraine.", "aid"),  # (weapons given are aid)
])
def test_weapons_fired_are_no_aid(numbers_of, text, kind):
    on_events, _ = numbers_of(text)
    assert on_events and {k for _, k, *_ in on_events} == {kind}
