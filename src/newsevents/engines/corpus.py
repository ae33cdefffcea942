"""A deterministic news corpus of any size, for benchmarks: wire-style articles assembled from
sentence templates written for this project, with real states and leaders in the slots."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

STATES = [
    ("Kenya", "Kenyan", "William Ruto"), ("Somalia", "Somali", "Hassan Sheikh Mohamud"),
    ("Mali", "Malian", "Assimi Goïta"), ("Russia", "Russian", "Vladimir Putin"),
    ("France", "French", "Emmanuel Macron"), ("Japan", "Japanese", "Fumio Kishida"),
    ("India", "Indian", "Narendra Modi"), ("Brazil", "Brazilian", "Luiz Inácio Lula da Silva"),
    ("Turkey", "Turkish", "Recep Tayyip Erdoğan"), ("Egypt", "Egyptian", "Abdel Fattah el-Sisi"),
]
EVENT_SENTENCES = [
    "{a_leader} held talks with {b_adj} President {b_leader} in {a_name} on {day}.",
    "{a_name} urged {b_name} to release the detained journalists.",
    "The {a_adj} foreign ministry condemned the attack on {b_adj} border posts.",
    "{a_adj} troops shelled positions held by rebels near the border with {b_name}.",
    "{a_name} and {b_name} signed an agreement to expand trade and energy cooperation.",
    "{a_leader} pledged to send humanitarian aid to {b_name} after the floods.",
    "Thousands of protesters marched in the {a_adj} capital demanding the release of "
    "opposition leaders.",
    "{a_adj} police arrested dozens of students after the protest, witnesses said.",
    "{a_name} threatened to impose sanctions on {b_name} unless it withdrew its troops.",
    "{b_name} rejected the proposal and accused {a_name} of interfering in its affairs.",
]
FILLER_SENTENCES = [
    "The weather in the region has been unusually dry this season.",
    "Markets were calm in early trading, with the currency little changed.",
    "Analysts said the outcome was difficult to predict.",
    "The meeting was the first of its kind in several years.",
    "Details of the discussions were not made public.",
    "Local media carried extensive coverage of the day's events.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def articles(n: int, *, seed: int = 7, sentences: int = 12) -> Iterator[dict]:
    """`n` article records ({"id", "text", "date", "url"}), the same for the same arguments."""
    rng = random.Random(seed)
    for i in range(n):
        (a_name, a_adj, a_leader), (b_name, b_adj, b_leader) = rng.sample(STATES, 2)
        slots = {"a_name": a_name, "a_adj": a_adj, "a_leader": a_leader, "b_name": b_name,
                 "b_adj": b_adj, "b_leader": b_leader, "day": rng.choice(DAYS)}
        body = [rng.choice(EVENT_SENTENCES if rng.random() < 0.4 else FILLER_SENTENCES)
                .format(**slots) for _ in range(sentences)]
        yield {"id": f"gen{i}", "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
               "url": f"https://outlet{i % 7}.example/{i}",
               "text": "\n\n".join(" ".join(body[k:k + 3]) for k in range(0, len(body), 3))}


def write_corpus(path: str | Path, n: int, *, seed: int = 7) -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8") as f:
        for record in articles(n, seed=seed):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
