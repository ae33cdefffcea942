"""Throughput of the WARC reader (not a test): `python -m newsevents.ingest.bench_readers N`.

generate_warc writes N HTML response records, deterministically, from page templates;
reader_throughput reads them back through read_warc (trafilatura, htmldate and make_article,
language detection included) and returns HTML records read per second.
"""

from __future__ import annotations

import io
import random
import sys
import time
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .text import Problem
from .warc import read_warc

_STATES = ["Valdoria", "Kestmark", "Lumeria", "Tessaly", "Orsa", "Palaveria", "Arvia",
           "Belmont", "Rostavia", "Estvald", "Marenia", "Calera"]
_LEADERS = ["Alric Venn", "Ines Morrow", "Elena Sauvat", "Dorian Kalvos", "Lidia Sorel",
            "Kaja Rebane", "Viktor Balan", "Lene Holt", "Tomas Ruud", "Anna Keller"]
_ACTIONS = [
    "agreed on {day} to reopen border crossings closed since January",
    "accused {other} of massing troops near the frontier and summoned its ambassador",
    "signed a trade and energy agreement with {other} after two days of talks",
    "condemned the arrest of opposition activists and called for their release",
    "announced sanctions against officials of {other} over the detention of journalists",
    "offered to mediate between the government and protesters in the capital",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
{meta}</head>
<body>
<div class="cookie-banner"><p>We use cookies to improve your experience.</p></div>
<header><a href="/">{site}</a><nav><a href="/world">World</a> <a href="/politics">Politics</a>
<a href="/business">Business</a> <a href="/opinion">Opinion</a></nav></header>
<article><h1>{title}</h1><p class="byline">By {author}</p>
{body}
</article>
<aside><h3>Related</h3><ul><li><a href="/r1">{related1}</a></li><li><a href="/r2">{related2}</a>
</li></ul></aside>
<footer><p>&copy; {year} {site}. All rights reserved.</p></footer>
</body></html>
"""


def _page(rng: random.Random, i: int) -> tuple[bytes, str]:
    state, other = rng.sample(_STATES, 2)
    leader = rng.choice(_LEADERS)
    day = rng.choice(_DAYS)
    date = f"202{rng.randint(0, 5)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sentences = [
        f"The government of {state} {rng.choice(_ACTIONS).format(day=day, other=other)}, "
        f"officials said, in the latest turn in relations between the two states (story {i}).",
        f"{leader} told reporters in the capital that {state} would not accept any "
        f"settlement imposed from outside and that talks with {other} would continue.",
        f"Opposition leaders in {other} criticised the move, and several hundred people "
        f"protested outside the parliament building on {day} evening.",
        "Diplomats said a meeting of foreign ministers of the region was planned for next "
        "month, where the dispute over the river boundary is expected to dominate.",
        f"Trade between {state} and {other} fell by {rng.randint(5, 40)} percent last year, "
        f"according to official statistics, hitting farmers in the border provinces.",
    ]
    rest = sentences[1:]
    rng.shuffle(rest)
    body = "\n".join(f"<p>{s}</p>" for s in [sentences[0], *rest][: rng.randint(3, 5)])
    kind = i % 3
    meta = (f'<meta property="article:published_time" content="{date}T09:00:00Z">'
            if kind == 0 else
            f'<script type="application/ld+json">{{"@type":"NewsArticle",'
            f'"datePublished":"{date}"}}</script>' if kind == 1 else "")
    html = _PAGE.format(title=f"{state} and {other}: {leader} speaks on {day}", meta=meta,
                        site=rng.choice(["Meridian Wire", "Harbour Post", "Daily Sentinel"]),
                        author=rng.choice(_LEADERS), body=body, year=date[:4],
                        related1=f"{other} recalls ambassador", related2=f"Protests in {state}")
    return html.encode("utf-8"), date


def generate_warc(path: str | Path, n: int, *, gzipped: bool = True, seed: int = 0) -> Path:
    """Write n HTML response records (deterministic: same n and seed, same records)."""
    path = Path(path)
    rng = random.Random(seed)
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for i in range(n):
            body, date = _page(rng, i)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            headers = {"WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=i + 1)}>",
                       "WARC-Date": f"{date}T12:00:00Z"}
            record = writer.create_warc_record(
                f"https://news.example/{date.replace('-', '/')}/story-{i}", "response",
                payload=io.BytesIO(body), http_headers=http, warc_headers_dict=headers)
            writer.write_record(record)
    return path


def reader_throughput(path: str | Path) -> float:
    """HTML response records read per second by read_warc (articles and skipped pages)."""
    problems: list[Problem] = []
    start = time.perf_counter()
    with Path(path).open("rb") as stream:
        articles = sum(1 for _ in read_warc(stream, str(path), problems.append, None))
    elapsed = time.perf_counter() - start
    return (articles + sum(p.skipped for p in problems)) / elapsed


if __name__ == "__main__":  # pragma: no cover
    import tempfile
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory() as folder:
        warc = generate_warc(Path(folder) / "bench.warc.gz", count)
        print(f"{count} records, {warc.stat().st_size / 1e6:.1f} MB: "
              f"{reader_throughput(warc):.0f} records/s")
