"""Latency and throughput of the HTTP API under 16 concurrent clients on loopback.

    python benchmarks/bench_api.py [--events 100000] [--clients 16] [--seconds 20]

Builds a generated store of N events (`newsevents.store.synthetic`), starts `newsevents serve`
on it in its own process, and drives two routes with concurrent clients for a bounded time:
`GET /v1/events` with filters (a different actor, type and date range per request, 50 rows),
and `POST /v1/code` with one wire article (tests/articles/wire_kenya_somalia.txt). Prints
p50/p99 latency and requests per second for each. A benchmark, not a test: numbers depend on
the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from newsevents.store import Store, synthetic

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "tests" / "articles" / "wire_kenya_somalia.txt"
ACTORS = [code for code, *_ in synthetic.STATES]
TYPES = [kind for kind, *_ in synthetic.TYPES]


def event_queries():
    """Filtered listings, cycling through actors, types and months."""
    for n in itertools.count():
        month = 1 + n % 12
        yield {"source": ACTORS[n % len(ACTORS)], "type": TYPES[n % len(TYPES)],
               "since": f"2024-{month:02d}-01", "until": f"2024-{month:02d}-28", "limit": 50}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def drive(base: str, clients: int, seconds: float, send) -> tuple[list[float], float]:
    """`clients` workers sending requests for `seconds`; per-request latencies and the wall
    time. Every response must be 200."""
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def worker(client):
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            response = await send(client)
            latencies.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise SystemExit(f"HTTP {response.status_code}: {response.text[:200]}")

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        start = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        return latencies, time.perf_counter() - start


def report(name: str, latencies: list[float], wall: float) -> str:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return (f"{name}: {len(ordered)} requests in {wall:.1f} s, {len(ordered) / wall:.1f} req/s, "
            f"p50 {1000 * statistics.median(ordered):.1f} ms, p99 {1000 * p99:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        with store.connect() as con:
            synthetic.fill(con, args.events)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "newsevents.cli", "serve", "--db",
                                   store.path, "--port", str(port)])
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(base + "/v1/stats", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            article = {"text": ARTICLE.read_text(encoding="utf-8")}
            warm = httpx.post(base + "/v1/code", json=article, timeout=300)  # loads the model
            print(f"store: {args.events} events; {args.clients} clients, {args.seconds:g} s "
                  f"per route; the article codes into {warm.json()['count']} events")
            queries = event_queries()
            latencies, wall = asyncio.run(drive(
                base, args.clients, args.seconds,
                lambda c: c.get("/v1/events", params=next(queries))))
            print(report("GET /v1/events (filtered)", latencies, wall))
            latencies, wall = asyncio.run(drive(
                base, args.clients, args.seconds, lambda c: c.post("/v1/code", json=article)))
            print(report("POST /v1/code (one article)", latencies, wall))
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
