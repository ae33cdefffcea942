"""The accuracy gate: the dev gold sets and the project's own gold sets (tests/fixtures/house,
written blind) scored, with floors pinned in accuracy_floors.json.

Floors are raised when the coder improves and never lowered silently. The scorer is checked
against ../shared/score.py on the same predictions.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import GOLD, ROOT
from newsevents.evaluate import evaluate_file

FLOORS = json.loads((ROOT / "tests" / "accuracy_floors.json").read_text())


def gold_path(name: str):
    """The shared dev sets by file name; the project's own sets by path from the repo root."""
    return ROOT / name if "/" in name else GOLD / name


@pytest.fixture(scope="module")
def results(coder):
    return {name: evaluate_file(str(gold_path(name)), coder) for name in FLOORS}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floors(results, name):
    metrics = results[name].metrics
    for metric, floor in FLOORS[name].items():
        if metric == "confident_share_right":
            # events with confidence >= 0.8 are right at least this often
            assert results[name].calibration[-1]["share_right"] >= floor, (name, metric)
        elif metric == "max_extra_events":
            extra = metrics["predicted_events"] - round(
                metrics["event_precision"] * metrics["predicted_events"])
            assert extra <= floor, (name, metric, extra)
        elif metric in results[name].depth:  # mode accuracy, context recall/precision
            assert results[name].depth[metric] >= floor, (name, metric)
        else:
            assert metrics[metric] >= floor, (name, metric, metrics[metric], floor)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_same_numbers_as_shared_score_py(results, name, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(p) + "\n" for p in results[name].predictions))
    out = subprocess.run([sys.executable, str(GOLD.parent / "score.py"), str(gold_path(name)),
                          str(pred), "--json"], capture_output=True, text=True, check=True)
    theirs = json.loads(out.stdout)
    ours = results[name].metrics
    assert theirs.keys() == ours.keys()
    for key, value in theirs.items():
        assert ours[key] == pytest.approx(value) if isinstance(value, float) else \
            ours[key] == value, key
