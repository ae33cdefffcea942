"""WARC archives: one article per HTML response record; damage reported, never raised."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.ingest import InputOptions, read_inputs
from newsevents.ingest.warc import read_warc

PAGES = Path(__file__).parent / "fixtures" / "html"
WARC_DATE = "2025-02-13T10:00:00Z"
# (fixture, target URI, expected date: the page's own, or WARC-Date when it has none)
RECORDS = [
    ("01_wire_service.html", "https://meridianwire.example/world/border-talks", "2024-05-17"),
    ("23_url_param_date.html", "https://northerndispatch.example/politics/brenmark",
     "2025-02-13"),
    ("03_newspaper_byline.html", "https://ledger.example/world/corvalle-march", "2024-02-03"),
    ("10_press_release_ministry.html", "https://mfa.example/press/214", "2024-09-05"),
]


def _response(writer, uri, body, content_type="text/html; charset=utf-8", date=WARC_DATE):
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type),
                                       ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                     http_headers=http,
                                     warc_headers_dict={"WARC-Date": date})


def build_warc(gzipped: bool, *, extra: bool = True) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "pytest"}))
    for i, (name, uri, _) in enumerate(RECORDS):
        if extra and i == 1:
            request = StatusAndHeaders("GET /politics/brenmark HTTP/1.1",
                                       [("Host", "northerndispatch.example")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b""), http_headers=request))
        if extra and i == 2:
            writer.write_record(_response(writer, "https://ledger.example/logo.png",
                                          b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"))
            writer.write_record(_response(writer, "https://ledger.example/api/latest.json",
                                          b'{"headline": "not a page"}', "application/json"))
        writer.write_record(_response(writer, uri, (PAGES / name).read_bytes()))
    return out.getvalue()


def _read(data: bytes, source: str = "test.warc"):
    problems = []
    articles = list(read_warc(io.BufferedReader(io.BytesIO(data)), source, problems.append,
                              None))
    return articles, problems


@pytest.mark.parametrize("gzipped", [True, False])
def test_html_response_records_become_articles(gzipped):
    articles, problems = _read(build_warc(gzipped))
    assert problems == []
    assert [a.url for a in articles] == [uri for _, uri, _ in RECORDS]
    assert [a.date for a in articles] == [date for _, _, date in RECORDS]
    for article in articles:
        assert len(article.id) == 36 and "urn" not in article.id and "<" not in article.id
        assert article.origin == "test.warc"
    assert "Valdoria and Kestmark agreed on Friday" in articles[0].text
    assert "Talks on forming a new government in Brenmark collapsed" in articles[1].text
    assert articles[0].title.startswith("Valdoria and Kestmark agree")


def test_the_dispatcher_reads_warc_and_warc_gz_files(tmp_path):
    (tmp_path / "a.warc.gz").write_bytes(build_warc(True))
    (tmp_path / "b.warc").write_bytes(build_warc(False))
    problems = []
    articles = list(read_inputs([str(tmp_path)], problems.append, InputOptions()))
    assert problems == []
    assert len(articles) == 2 * len(RECORDS)


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_truncated_archive_is_reported_and_earlier_records_kept(gzipped):
    data = build_warc(gzipped, extra=False)
    cut = data[: len(data) * 2 // 3]
    articles, problems = _read(cut)
    assert 1 <= len(articles) < len(RECORDS)
    assert articles[0].url == RECORDS[0][1]
    assert problems and all(p.skipped for p in problems)
    assert "[E063]" in problems[-1].text


@pytest.mark.parametrize("gzipped", [True, False])
def test_every_cut_of_an_archive_is_read_or_reported(gzipped):
    data = build_warc(gzipped, extra=False)
    for cut in range(1, len(data), 61):
        articles, problems = _read(data[:cut])
        assert len(articles) < len(RECORDS) or not problems
        assert problems or len(articles) == len(RECORDS), f"silent truncation at {cut}"


def test_a_truncated_gz_file_through_the_dispatcher(tmp_path):
    data = build_warc(True, extra=False)
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 40])
    problems = []
    articles = list(read_inputs([str(tmp_path / "cut.warc.gz")], problems.append))
    assert len(articles) == len(RECORDS) - 1 or problems
    assert problems and problems[-1].skipped


def test_a_whole_file_gzip_truncated_through_the_dispatcher(tmp_path):
    # one gzip member around the whole archive: the dispatcher's gzip stream raises EOFError
    # at the cut (losing the last block it was decompressing); the records before are kept
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    pages = sorted(PAGES.glob("*_*.html"))
    for i, page in enumerate(pages):
        writer.write_record(_response(writer, f"https://x.example/{i}", page.read_bytes()))
    data = gzip.compress(out.getvalue())
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) // 2])
    problems = []
    articles = list(read_inputs([str(tmp_path / "cut.warc.gz")], problems.append))
    assert 3 <= len(articles) < len(pages)
    assert articles[0].url == "https://x.example/0"
    [problem] = problems
    assert problem.skipped and "[E063]" in problem.text and "truncated" in problem.text


def test_a_malformed_record_is_reported_with_its_number():
    data = build_warc(False, extra=False)
    start = data.index(b"WARC/1.0", data.index(RECORDS[1][1].encode()) - 400)
    second = data.index(b"WARC/1.0", start + 10)  # header of the 2nd response record
    bad = data[:second] + b"NOT A WARC HEADER\r\nfoo: bar\r\n\r\n" + data[second:]
    articles, problems = _read(bad)
    assert [a.url for a in articles][:1] == [RECORDS[0][1]]
    [problem] = problems
    assert problem.skipped and "[E063]" in problem.text and "record" in problem.text


def test_a_wrong_content_length_is_reported():
    data = build_warc(False, extra=False)
    header = data.index(b"Content-Length: ", data.index(RECORDS[1][1].encode()))
    end = data.index(b"\r\n", header)
    bad = data[:header] + b"Content-Length: 500" + data[end:]
    articles, problems = _read(bad)
    assert articles[0].url == RECORDS[0][1]
    assert problems and problems[-1].skipped


def test_a_record_without_content_length_is_reported():
    data = build_warc(False, extra=False)
    header = data.index(b"Content-Length: ", data.index(RECORDS[2][1].encode()))
    bad = data[:header] + b"Content-Length: many" + data[data.index(b"\r\n", header):]
    articles, problems = _read(bad)
    assert [a.url for a in articles] == [RECORDS[0][1], RECORDS[1][1]]
    assert "[E063]" in problems[-1].text and "Content-Length" in problems[-1].text


def test_an_html_record_without_text_is_reported():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(_response(writer, "https://x.example/index",
                                  (PAGES / "no_text.html").read_bytes()))
    writer.write_record(_response(writer, "https://x.example/story",
                                  (PAGES / "05_jsonld_date.html").read_bytes()))
    articles, problems = _read(out.getvalue())
    assert [a.url for a in articles] == ["https://x.example/story"]
    [problem] = problems
    assert "no article text" in problem.text and problem.line == 1


def test_not_a_warc_is_reported():
    articles, problems = _read(b"this is not an archive\r\n\r\n")
    assert articles == [] and problems and problems[0].skipped


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=2000),
    st.binary(max_size=500).map(lambda b: b"WARC/1.0\r\n" + b),
    st.binary(max_size=300).map(lambda b: b"WARC/1.0\r\nWARC-Type: response\r\n"
                                b"Content-Length: 40\r\n\r\n" + b),
    st.binary(max_size=500).map(lambda b: gzip.compress(b"WARC/1.0\r\n" + b)),
    st.integers(0, 4000).map(lambda n: build_warc(True, extra=False)[n:]),
))
def test_random_bytes_never_raise(data):
    _read(data)
