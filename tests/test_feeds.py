"""RSS and Atom feeds: entries -> articles, stub entries completed from their linked pages
(served by a local http.server on 127.0.0.1), XML bombs refused, any bytes survived."""

from __future__ import annotations

import io
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.ingest import fetch
from newsevents.ingest.feeds import html_to_text, read_feed
from newsevents.ingest.sources import InputOptions, read_inputs

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
NO_FETCH = InputOptions(fetch_links=False)


def run(data: bytes, options=NO_FETCH, source="feed.xml"):
    problems = []
    articles = list(read_feed(io.BytesIO(data), source, problems.append, options))
    return articles, problems


def fixture(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


# --- entries -> articles -----------------------------------------------------------------

def test_rss2_full_content_entries():
    articles, problems = run(fixture("rss2_full.xml"))
    assert problems == []
    assert [a.title for a in articles] == ["Velmora and Ostrand sign border accord",
                                           "Opposition rallies in Karsk over fuel prices"]
    first, second = articles
    assert first.id == "vdw-2024-0311-accord"
    assert first.url == "https://news.example.org/2024/03/border-accord"
    assert first.date == "2024-03-11"
    assert first.author == "Ilse Marrow"
    assert first.site == "Velmora Daily Wire"
    # content:encoded, not the one-line description; HTML gone, paragraphs kept, no script
    assert "joint commission to mark their disputed border" in first.text
    assert "ratify the accord" in first.text
    assert "<p>" not in first.text and "trackVisitor" not in first.text
    assert "\u201ca first step\u201d" in first.text
    assert first.text.count("\n\n") >= 2
    assert second.id == "https://news.example.org/2024/03/karsk-rally"
    assert second.date == "2024-03-12"
    assert "detained at least twelve demonstrators" in second.text


def test_atom_with_summaries():
    articles, problems = run(fixture("atom_summaries.atom"), source="obs.atom")
    assert problems == []
    assert [a.id for a in articles] == ["urn:dalmerian-observer:2024-04-01-recall",
                                        "urn:dalmerian-observer:2024-04-02-talks"]
    recall, talks = articles
    assert recall.url == "https://observer.example.net/recall"
    assert recall.date == "2024-04-01"  # published, before updated
    assert recall.author == "Pietro Vanlo"
    assert recall.text.startswith("Dalmeria recalled its ambassador from Freyland")
    assert "\n\nThe ministry accused Freyland" in recall.text
    assert talks.date == "2024-04-02"  # only updated
    assert talks.text.startswith("Freyland's prime minister offered")


def test_rss_1_0_rdf():
    data = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.org/"><title>RDF Herald</title>
    <link>https://rdf.example.org/</link><description>d</description></channel>
  <item rdf:about="https://rdf.example.org/veto">
    <title>President vetoes election law</title><link>https://rdf.example.org/veto</link>
    <description>The president of Lurania vetoed the new election law on Friday.</description>
    <dc:date>2024-06-07T10:00:00Z</dc:date>
  </item>
</rdf:RDF>"""
    articles, problems = run(data)
    assert problems == []
    assert len(articles) == 1
    assert articles[0].title == "President vetoes election law"
    assert articles[0].date == "2024-06-07"
    assert "vetoed the new election law" in articles[0].text


def test_rss_091_with_netscape_dtd_is_read_not_refused():
    articles, problems = run(fixture("rss091_dtd.xml"))
    assert problems == []
    assert len(articles) == 1
    assert "dismissed the governor of Tessin" in articles[0].text


def test_entry_without_text_is_skipped_and_the_rest_kept():
    data = b"""<rss version="2.0"><channel><title>T</title>
<item><title>Empty</title><guid>e1</guid></item>
<item><title>Full</title><guid>e2</guid>
<description>The senate passed the budget.</description></item>
</channel></rss>"""
    articles, problems = run(data)
    assert [a.id for a in articles] == ["e2"]
    assert len(problems) == 1 and problems[0].skipped
    assert "entry 1" in problems[0].text and "no text" in problems[0].text


def test_read_inputs_dispatches_feed_files(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_bytes(fixture("rss2_full.xml"))
    problems = []
    articles = list(read_inputs([str(path)], problems.append, NO_FETCH))
    assert len(articles) == 2 and problems == []
    assert all(a.origin == str(path) for a in articles)


def test_html_to_text_fallback_paragraphs():
    text = html_to_text("<div><h2>Head</h2><p>One &amp; two.</p><p>Three<br>four</p>"
                        "<style>p{}</style></div>", page=True)
    assert text == "Head\n\nOne & two.\n\nThree\n\nfour"


# --- invalid feeds and XML bombs ---------------------------------------------------------

def test_invalid_feed_is_reported():
    articles, problems = run(fixture("invalid.xml"))
    assert articles == []
    assert len(problems) == 1 and problems[0].skipped
    assert "[E072]" in problems[0].text and "not a valid RSS or Atom feed" in problems[0].text


def test_malformed_feed_with_entries_is_warned_and_read():
    data = (b'<rss version="2.0"><channel><title>T</title><item><guid>x</guid><description>'
            b"The army&nbsp;withdrew &amp; the rebels advanced.</description></item>"
            b"</channel></rss>")
    (article,), problems = run(data)
    assert article.text == "The army withdrew & the rebels advanced."
    assert len(problems) == 1 and not problems[0].skipped and "[E073]" in problems[0].text


def test_xml_that_is_not_a_feed_is_reported():
    articles, problems = run(b"<?xml version='1.0'?><catalog><book>x</book></catalog>")
    assert articles == [] and len(problems) == 1 and problems[0].skipped


def test_empty_feed_file_is_reported():
    articles, problems = run(b"  \n")
    assert articles == [] and "[E002]" in problems[0].text


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml"])
def test_entity_declarations_are_refused(name):
    tracemalloc.start()
    started = time.monotonic()
    try:
        articles, problems = run(fixture(name))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 5
    assert peak < 20_000_000
    assert articles == []
    assert len(problems) == 1 and problems[0].skipped
    assert "feed refused: it declares XML entities (possible XML bomb)" in problems[0].text


def test_parameter_entity_and_malformed_bomb_are_refused():
    pe = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % ext SYSTEM '
          b'"http://127.0.0.1:9/x.dtd"> %ext;]><rss version="2.0"><channel/></rss>')
    broken = fixture("billion_laughs.xml").replace(b"</channel>", b"<<</chan")
    for data in (pe, broken):
        articles, problems = run(data)
        assert articles == []
        assert [p.text.split("]")[0] for p in problems] == ["[E070"]


def test_too_large_feed_is_refused(monkeypatch):
    import newsevents.ingest.feeds as feeds
    monkeypatch.setattr(feeds, "MAX_FEED_BYTES", 1000)
    articles, problems = run(fixture("rss2_full.xml"))
    assert articles == [] and "[E071]" in problems[0].text


# --- stub entries and their linked pages -------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Norvan cabinet approves defence budget</title>
<meta name="author" content="Osk Brannel"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Norvan cabinet approves defence budget</h1>
<p>The Norvan cabinet on Wednesday approved a defence budget that raises military spending by
eleven percent, Prime Minister Hedda Solvik told reporters in the capital, Tarnby.</p>
<p>The budget includes funds for new coastal patrol vessels, a move that the neighbouring
state of Ostmark condemned as a provocation in a statement issued the same evening.</p>
<p>Opposition deputies said they would vote against the plan when it reaches parliament next
week, arguing that the money should instead go to hospitals and schools in the north.</p>
</article><footer>Copyright Norvan Briefs</footer></body></html>"""


@pytest.fixture
def server():
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            try:
                if self.path == "/page":
                    body = PAGE.encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                elif self.path == "/slow":
                    release.wait(5)
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    self.wfile.write(PAGE.encode())
                else:
                    self.send_error(500, "Internal Server Error")
            except OSError:
                pass

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def stub_feed(port: int) -> bytes:
    return fixture("rss_stubs.xml").replace(b"{port}", str(port).encode())


def test_stub_entries_fetch_linked_pages(server, monkeypatch):
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 0.5)
    started = time.monotonic()
    articles, problems = run(stub_feed(server), InputOptions())
    assert time.monotonic() - started < 10

    # the stub with a good page: the page's text
    by_id = {a.id: a for a in articles}
    page = by_id["norvan-briefs-1"]
    assert "raises military spending by eleven percent" in page.text
    assert "Ostmark condemned" in page.text
    assert "Read more" not in page.text
    assert page.title == "Norvan cabinet approves defence budget"  # the entry's own
    assert page.date == "2024-05-15"
    assert page.url == f"http://127.0.0.1:{server}/page"

    # HTTP 500 and timeout: warned, stub text kept, the batch goes on
    assert by_id["norvan-briefs-2"].text == "Norvan's president vetoed the media law."
    assert by_id["norvan-briefs-3"].text == "Norvan's senate delayed the vote on the media law."
    warnings = [p for p in problems if not p.skipped]
    assert len(warnings) == 3  # entries 2, 3 and 4
    assert any(p.line == 2 and "HTTP 500" in p.text for p in warnings)
    assert any(p.line == 3 and "[E075]" in p.text for p in warnings)
    assert all("feed's own text was kept" in p.text for p in warnings)

    # an entry with only a link whose page fails: nothing to code, skipped
    assert "norvan-briefs-4" not in by_id
    skipped = [p for p in problems if p.skipped]
    assert len(skipped) == 1 and skipped[0].line == 4 and "[E074]" in skipped[0].text
    assert len(articles) == 3


def test_stubs_are_not_fetched_when_fetch_links_is_off(server, monkeypatch):
    calls = []
    monkeypatch.setattr(fetch, "fetch_url", lambda *a, **k: calls.append(a))
    articles, problems = run(stub_feed(server), NO_FETCH)
    assert calls == []
    assert [a.text for a in articles][0] == "The cabinet approved the budget. Read more..."
    assert [p.line for p in problems] == [4]


def test_full_entries_are_not_fetched(monkeypatch):
    calls = []
    monkeypatch.setattr(fetch, "fetch_url", lambda *a, **k: calls.append(a))
    articles, _ = run(fixture("rss2_full.xml"), InputOptions())
    assert len(articles) == 2 and calls == []


# --- any bytes: problems reported, never an exception ------------------------------------

@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_random_bytes_never_raise(data):
    articles, problems = run(data)
    assert all(a.text.strip() for a in articles)
    assert all(p.text for p in problems)


XMLISH = st.sampled_from([b"<", b">", b"/", b"&", b";", b"<!ENTITY a 'b'>", b"<!DOCTYPE x [",
                          b"]>", b"<item>", b"</item>", b"<title>", b"</title>", b"&amp;",
                          b"<![CDATA[", b"]]>", b"<description>", b"</description>",
                          b"<entry>", b"</entry>", b"<link>http://127.0.0.1:9/x</link>",
                          b"\x00", b"\xff", b"a", b" "])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(XMLISH, st.binary(max_size=20)), max_size=60),
       st.sampled_from([b"<rss version='2.0'><channel>", b"<feed xmlns='http://www.w3.org/2005/Atom'>",
                        b"<?xml version='1.0'?><rss><channel><item>"]))
def test_feed_like_garbage_never_raises(parts, start):
    articles, problems = run(start + b"".join(parts))
    assert all(a.text.strip() for a in articles)
