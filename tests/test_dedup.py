"""dedup: the clustering rule, on hand-made mentions."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from newsevents.dedup import DedupRule, assign, principal

D = dt.date(2024, 5, 1)


def mention(i, key="REQUEST|02|KEN|SOM|pos", days=0):
    return {"id": f"m{i}", "key": key, "date": D + dt.timedelta(days=days)}


def test_same_key_within_window_is_one_event():
    out = assign([mention(1), mention(2, days=1), mention(3, days=2)], {}, DedupRule())
    assert len(set(out.values())) == 1  # the range grows one day at a time


def test_other_day_beyond_window_is_another_event():
    out = assign([mention(1), mention(2, days=19)], {}, DedupRule())
    assert out["m1"] != out["m2"]


def test_other_actors_are_another_event():
    out = assign([mention(1), mention(2, key="REQUEST|02|KEN|ETH|pos")], {}, DedupRule())
    assert out["m1"] != out["m2"]


def test_state_sectors_are_one_actor_but_rebels_are_not():
    assert principal("KENGOV", "KEN") == principal("KEN", "KEN") == principal("KENMIL", "KEN")
    assert principal("KENREB", "KEN") != principal("KEN", "KEN")
    assert principal("IGONATO", None) == "IGONATO"


def test_window_is_configurable():
    pair = [mention(1), mention(2, days=5)]
    assert len(set(assign(pair, {}, DedupRule(window_days=1)).values())) == 2
    assert len(set(assign(pair, {}, DedupRule(window_days=7)).values())) == 1


mentions_strategy = st.lists(
    st.tuples(st.sampled_from(["A|01|X|Y|pos", "B|02|X|Z|pos", "A|01|X|Y|neg"]),
              st.integers(min_value=0, max_value=30)),
    min_size=1, max_size=30)


@given(mentions_strategy)
def test_assignment_is_idempotent(items):
    ms = [mention(i, key=k, days=d) for i, (k, d) in enumerate(items)]
    clusters: dict = {}
    first = assign(ms, clusters, DedupRule())
    again = assign(ms, clusters, DedupRule())
    assert first == again
    assert all(len({first[m["id"]] for m in ms if m["key"] == k}) >= 1 for k, _ in items)
    # mentions of different keys never share an event
    by_event: dict = {}
    for m in ms:
        by_event.setdefault(first[m["id"]], set()).add(m["key"])
    assert all(len(keys) == 1 for keys in by_event.values())
