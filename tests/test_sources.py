"""ingest.sources: folders, globs, compression, URLs, language, huge files, random bytes."""

from __future__ import annotations

import bz2
import gzip
import http.server
import io
import json
import lzma
import threading
import tracemalloc
from contextlib import contextmanager

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.ingest import InputOptions, Problem, read_inputs
from newsevents.ingest.sources import read_stream, sniff

ARTICLE = "Kenya urged Somalia to release the hostages on Monday."


def collect(specs, options=None):
    problems: list[Problem] = []
    return list(read_inputs(specs, problems.append, options)), problems


@pytest.mark.parametrize("suffix,opener", [
    (".gz", gzip.open), (".bz2", bz2.open), (".xz", lzma.open),
    (".zst", lambda p, m: zstandard.open(p, m)),
])
def test_compressed_files(tmp_path, suffix, opener):
    path = tmp_path / f"story.txt{suffix}"
    with opener(path, "wb") as f:
        f.write(ARTICLE.encode())
    [article], problems = collect([str(path)])
    assert article.text == ARTICLE and article.id == "story" and not problems


def test_truncated_gzip_keeps_what_came_before(tmp_path):
    lines = b"".join(json.dumps({"id": f"r{i}", "text": ARTICLE}).encode() + b"\n"
                     for i in range(2000))
    data = gzip.compress(lines)
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles, problems = collect([str(path)])
    assert 0 < len(articles) < 2000
    assert problems and problems[-1].skipped and "truncated or corrupt" in problems[-1].text


def test_globs_and_forced_format(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE + " Again.")
    (tmp_path / "c.data").write_text(json.dumps({"id": "x", "body": ARTICLE}) + "\n")
    articles, _ = collect([str(tmp_path / "*.txt")])
    assert [a.id for a in articles] == ["a", "b"]
    articles, _ = collect([str(tmp_path / "c.data")], InputOptions(input_format="jsonl"))
    assert articles[0].id == "x" and articles[0].text == ARTICLE


def test_field_mapping(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"story": ARTICLE, "when": "2024-05-06", "link": "https://x.example/1",
                                "headline": "H"}) + "\n")
    [a], _ = collect([str(path)], InputOptions(text_field="story", date_field="when"))
    assert (a.text, a.date, a.url, a.title) == (ARTICLE, "2024-05-06", "https://x.example/1", "H")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server API
        if self.path == "/story.txt":
            body = ARTICLE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        else:
            self.send_response(500)
            self.end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_urls_fetched_and_failures_reported():
    with local_server() as base:
        articles, problems = collect([f"{base}/story.txt", f"{base}/broken", f"{base}/loop"])
    assert [a.text for a in articles] == [ARTICLE]
    assert articles[0].url.endswith("/story.txt")
    assert len(problems) == 2 and all("could not fetch" in p.text for p in problems)
    assert "HTTP 500" in problems[0].text


def test_non_english_articles_are_kept_but_not_coded(coder, tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text("Le président kényan a demandé à la Somalie de libérer les otages lundi, "
                    "selon un communiqué publié à Nairobi.", encoding="utf-8")
    [(article, events)] = list(coder.code_articles(collect([str(path)])[0]))
    assert article.language == "fr" and events == []


def test_a_200_mb_text_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        chunk = (ARTICLE + "\n").encode() * 20000
        while f.tell() < 200_000_000:
            f.write(chunk)
    tracemalloc.start()
    articles, problems = collect([str(path)])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert articles == [] and "too large" in problems[0].text
    assert peak < 20_000_000


def test_a_200_mb_jsonl_file_is_streamed(tmp_path):
    path = tmp_path / "huge.jsonl"
    line = (json.dumps({"text": ARTICLE}) + "\n").encode()
    with path.open("wb") as f:
        block = line * 10000
        while f.tell() < 200_000_000:
            f.write(block)
    tracemalloc.start()
    stream = read_inputs([str(path)], lambda p: None)
    first = [next(stream) for _ in range(5000)]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(first) == 5000 and peak < 50_000_000


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["auto", "text", "jsonl"]))
def test_random_bytes_never_raise(data, fmt):
    sniff(data)
    problems: list[Problem] = []
    for article in read_stream(io.BytesIO(data), "fuzz", "fuzz.bin", problems.append,
                               InputOptions(input_format=fmt)):
        assert isinstance(article.text, str)


def test_language_guesses_need_confidence():
    from newsevents.ingest.language import detect_language
    assert detect_language("On Tuesday, Nigerian junior foreign minister Dubem Oniya summoned "
                           "Niger's ambassador Brah Mohamane over the gangs.") in (None, "en")
    assert detect_language("El presidente de Colombia se reunió el lunes con su homólogo "
                           "venezolano en Caracas para hablar de la frontera.") == "es"
    assert detect_language("Short headline") is None
    # English about Nigeria is often guessed as Nigerian Pidgin: coded as English
    assert detect_language("Chad deployed 2,000 troops to Nigeria to help Nigerian forces "
                           "fight Boko Haram.") == "en"
