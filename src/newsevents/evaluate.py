"""Scoring the coder against gold event records, exactly as `../shared/score.py` does.

A gold file holds one record a line: {"id", "text", "date", "events": [...]}. The coder codes
each record's text with its date; predictions are the events' `to_dict()` rows. The metrics
(type, event, CAMEO) follow the score.py contract; a test checks both give the same numbers.
"""

from __future__ import annotations

import collections
import json
from dataclasses import dataclass, field

from .ingest import make_article
from .pipeline import Coder


def _countries(actors) -> set:
    if isinstance(actors, dict):
        actors = [actors]
    return {a.get("country") for a in actors or [] if isinstance(a, dict) and a.get("country")}


def event_matches(pred: dict, gold: dict) -> bool:
    """Same PLOVER type; a source country among the gold's (if it has any); likewise target."""
    if pred.get("event") != gold.get("event"):
        return False
    src, tgt = _countries(gold.get("source")), _countries(gold.get("target"))
    if src and not _countries(pred.get("source")) & src:
        return False
    if tgt and not _countries(pred.get("target")) & tgt:
        return False
    return True


def _prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold_records: list[dict], predictions: list[dict]) -> dict:
    by_doc = collections.defaultdict(list)
    for p in predictions:
        by_doc[str(p.get("doc_id"))].append(p)
    s: collections.Counter = collections.Counter()
    per_type: dict = collections.defaultdict(collections.Counter)
    for rec in gold_records:
        golds = [g for g in rec.get("events", []) if g.get("event")]
        preds = by_doc.get(str(rec["id"]), [])
        gt = {g["event"] for g in golds}
        pt = {p["event"] for p in preds if p.get("event")}
        s["type_tp"] += len(gt & pt)
        s["type_gold"] += len(gt)
        s["type_pred"] += len(pt)
        for t in gt:
            per_type[t]["gold"] += 1
            per_type[t]["tp"] += t in pt
        for t in pt - gt:
            per_type[t]["fp"] += 1
        typed = [p for p in preds if p.get("event")]
        s["pred"] += len(typed)
        s["gold"] += len(golds)
        s["pred_ok"] += sum(any(event_matches(p, g) for g in golds) for p in typed)
        s["gold_ok"] += sum(any(event_matches(p, g) for p in typed) for g in golds)
        for g in rec.get("events", []):
            if g.get("cameo"):
                s["cameo_gold"] += 1
                s["cameo_exact"] += any(p.get("cameo") == g["cameo"] for p in preds)
                s["cameo_root"] += any((p.get("cameo") or "")[:2] == g["cameo"][:2]
                                       for p in preds)
    tp, tr, tf = _prf(s["type_tp"], s["type_pred"], s["type_tp"], s["type_gold"])
    ep, er, ef = _prf(s["pred_ok"], s["pred"], s["gold_ok"], s["gold"])
    out = {"records": len(gold_records), "gold_events": s["gold"], "predicted_events": s["pred"],
           "type_precision": tp, "type_recall": tr, "type_f1": tf,
           "event_precision": ep, "event_recall": er, "event_f1": ef}
    if s["cameo_gold"]:
        out["cameo_exact_recall"] = s["cameo_exact"] / s["cameo_gold"]
        out["cameo_root_recall"] = s["cameo_root"] / s["cameo_gold"]
    out["by_type"] = {t: dict(c) for t, c in sorted(per_type.items())}
    return out


@dataclass
class Result:
    metrics: dict
    predictions: list[dict]
    errors: list[dict] = field(default_factory=list)
    calibration: list[dict] = field(default_factory=list)
    depth: dict = field(default_factory=dict)


# Lower edges of the confidence bins of the calibration table.
CONFIDENCE_BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def calibration(records: list[dict], predictions: list[dict]) -> list[dict]:
    """Per confidence bin: how many typed predictions, and the share that match a gold event
    of their record (what a confidence should mean). The last row is everything >= 0.8."""
    golds = {str(r["id"]): [g for g in r.get("events", []) if g.get("event")] for r in records}
    rows = [{"low": low, "high": high, "count": 0, "right": 0}
            for low, high in zip(CONFIDENCE_BINS, (*CONFIDENCE_BINS[1:], 1.0), strict=True)]
    rows.append({"low": 0.8, "high": 1.0, "count": 0, "right": 0})
    for p in predictions:
        if not p.get("event"):
            continue
        right = any(event_matches(p, g) for g in golds.get(str(p.get("doc_id")), []))
        for row in rows:
            if row["low"] <= p["confidence"] < row["high"] or p["confidence"] == row["high"] == 1:
                row["count"] += 1
                row["right"] += right
    for row in rows:
        row["share_right"] = row["right"] / row["count"] if row["count"] else None
    return rows


def depth(records: list[dict], predictions: list[dict]) -> dict:
    """Beyond type and actors, on gold events that a prediction matches: the share whose mode
    the best-matching prediction gives (gold events with a mode), and the recall and precision
    of contexts (gold events with contexts)."""
    by_doc = collections.defaultdict(list)
    for p in predictions:
        by_doc[str(p.get("doc_id"))].append(p)
    s: collections.Counter = collections.Counter()
    for rec in records:
        for g in rec.get("events", []):
            matches = [p for p in by_doc.get(str(rec["id"]), []) if p.get("event")
                       and event_matches(p, g)]
            if not matches:
                continue
            if g.get("mode"):
                s["mode_gold"] += 1
                s["mode_right"] += any(p.get("mode") == g["mode"] for p in matches)
            wanted = set(g.get("context") or [])
            if wanted:
                found = set().union(*(set(p.get("context") or []) for p in matches))
                s["context_gold"] += len(wanted)
                s["context_found"] += len(wanted & found)
                s["context_given"] += len(found)
    out = {}
    if s["mode_gold"]:
        out["mode_accuracy"] = s["mode_right"] / s["mode_gold"]
        out["mode_gold"] = s["mode_gold"]
    if s["context_gold"]:
        out["context_recall"] = s["context_found"] / s["context_gold"]
        out["context_precision"] = (s["context_found"] / s["context_given"]
                                    if s["context_given"] else 0.0)
        out["context_gold"] = s["context_gold"]
    return out


def load_gold(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(records: list[dict], coder: Coder) -> list[dict]:
    """The events as the store counts and exports them: not the negated, denied or only
    requested ones."""
    articles = (make_article(r["text"], id=str(r["id"]), date=r.get("date")) for r in records)
    return [e.to_dict() for _, events in coder.code_articles(articles) for e in events
            if not e.negated]


def _cause(gold: dict, preds: list[dict]) -> str:
    """Why a gold event was missed: the first thing that went wrong."""
    same_type = [p for p in preds if p.get("event") == gold.get("event")]
    if not same_type:
        return "wrong type" if any(p.get("event") for p in preds) else "no event found"
    src, tgt = _countries(gold.get("source")), _countries(gold.get("target"))
    for p in same_type:
        if src and _countries(p.get("target")) & src and tgt and _countries(p.get("source")) & tgt:
            return "wrong direction"
    if src and not any(_countries(p.get("source")) & src for p in same_type):
        return "source actor not found"
    return "target actor not found"


def error_list(records: list[dict], predictions: list[dict]) -> list[dict]:
    by_doc = collections.defaultdict(list)
    for p in predictions:
        by_doc[str(p.get("doc_id"))].append(p)
    out = []
    for rec in records:
        golds = [g for g in rec.get("events", []) if g.get("event")]
        preds = [p for p in by_doc.get(str(rec["id"]), []) if p.get("event")]
        for g in golds:
            if not any(event_matches(p, g) for p in preds):
                out.append({"kind": "miss", "cause": _cause(g, preds), "id": rec["id"],
                            "text": rec["text"], "gold": g, "predicted": preds})
        for p in preds:
            if not any(event_matches(p, g) for g in golds):
                cause = ("spurious event" if not golds else
                         "wrong type" if p["event"] not in {g["event"] for g in golds}
                         else "wrong actors")
                out.append({"kind": "false positive", "cause": cause, "id": rec["id"],
                            "text": p.get("sentence") or rec["text"], "predicted": [p],
                            "gold": None})
    return out


def evaluate_file(path: str, coder: Coder) -> Result:
    records = load_gold(path)
    predictions = predict(records, coder)
    return Result(score(records, predictions), predictions, error_list(records, predictions),
                  calibration(records, predictions), depth(records, predictions))


def _brief(actors) -> str:
    if isinstance(actors, dict):
        actors = [actors]
    return "+".join(a.get("code") or a.get("country") or "?" for a in actors or []) or "-"


def format_report(path: str, result: Result, *, errors: bool = False) -> str:
    m = result.metrics
    lines = [f"== {path}"]
    for k, v in m.items():
        if k != "by_type":
            lines.append(f"{k:20s} {v:.3f}" if isinstance(v, float) else f"{k:20s} {v}")
    for t, c in m["by_type"].items():
        lines.append(f"  {t:12s} gold {c.get('gold', 0):3d}  found {c.get('tp', 0):3d}  "
                     f"false+ {c.get('fp', 0):3d}")
    for k, v in result.depth.items():
        lines.append(f"{k:20s} {v:.3f}" if isinstance(v, float) else f"{k:20s} {v}")
    lines.append("-- calibration (confidence: predictions, share right)")
    for row in result.calibration:
        share = "-" if row["share_right"] is None else f"{row['share_right']:.2f}"
        span = f">= {row['low']:.1f}" if row is result.calibration[-1] else \
            f"{row['low']:.1f}-{row['high']:.1f}"
        lines.append(f"  {span:9s} {row['count']:4d}  {share}")
    if errors:
        causes = collections.Counter((e["kind"], e["cause"]) for e in result.errors)
        lines.append("-- errors by cause")
        for (kind, cause), n in causes.most_common():
            lines.append(f"  {n:4d}  {kind}: {cause}")
        for e in sorted(result.errors, key=lambda e: (e["kind"], e["cause"])):
            if e["gold"]:
                g = e["gold"]
                what = f"{_brief(g.get('source'))} {g['event']} {_brief(g.get('target'))}"
            else:
                p = e["predicted"][0]
                what = f"{_brief(p.get('source'))} {p['event']} {p['cameo']} " \
                       f"{_brief(p.get('target'))} [{p.get('trigger')}]"
            lines.append(f"[{e['kind']}: {e['cause']}] {e['id']}: {what}")
            lines.append(f"    {e['text'][:300]}")
            if e["gold"]:
                for p in e["predicted"]:
                    lines.append(f"    got: {_brief(p.get('source'))} {p['event']} {p['cameo']} "
                                 f"{_brief(p.get('target'))} [{p.get('trigger')}]")
    return "\n".join(lines)
