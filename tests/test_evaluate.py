"""evaluate: the calibration table and the mode/context scores, on records written here."""

from __future__ import annotations

from newsevents.evaluate import calibration, depth

GOLD = [
    {"id": "a", "events": [{"event": "CONSULT", "mode": "phone", "context": ["economic"],
                            "source": [{"country": "KEN"}], "target": [{"country": "UGA"}]}]},
    {"id": "b", "events": []},
]


def pred(doc, event, conf, src="KEN", tgt="UGA", **extra):
    return {"doc_id": doc, "event": event, "confidence": conf,
            "source": {"country": src}, "target": {"country": tgt}, **extra}


def test_calibration_bins_count_right_and_wrong():
    rows = calibration(GOLD, [pred("a", "CONSULT", 0.92), pred("b", "ASSAULT", 0.85),
                              pred("a", "CONSULT", 0.55, src="TZA")])
    by_low = {r["low"]: r for r in rows[:-1]}
    assert (by_low[0.9]["count"], by_low[0.9]["right"]) == (1, 1)
    assert (by_low[0.8]["count"], by_low[0.8]["right"]) == (1, 0)
    assert (by_low[0.5]["count"], by_low[0.5]["right"]) == (1, 0)
    assert rows[-1]["count"] == 2 and rows[-1]["share_right"] == 0.5


def test_depth_scores_mode_and_context_of_matched_events():
    found = depth(GOLD, [pred("a", "CONSULT", 0.9, mode="phone", context=["military"])])
    assert found["mode_accuracy"] == 1.0 and found["context_recall"] == 0.0
    assert depth(GOLD, [pred("a", "CONSULT", 0.9, src="TZA", mode="phone")]) == {}
