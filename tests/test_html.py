"""Saved web pages: main text kept, boilerplate dropped, dates found; never an exception."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.ingest.html import MAX_HTML_BYTES, extract_html, read_html

PAGES = Path(__file__).parent / "fixtures" / "html"
EXPECTED = sorted(PAGES.glob("*.expected.json"))
FLOOR = 0.8


def _page(expected: Path) -> Path:
    return expected.with_name(expected.name.replace(".expected.json", ".html"))


def _read(data: bytes, source: str = "page.html", url: str | None = None):
    problems = []
    articles = list(read_html(io.BytesIO(data), source, problems.append, None, url=url))
    return articles, problems


def test_there_are_enough_pages():
    assert len(EXPECTED) >= 20
    assert all(_page(e).exists() for e in EXPECTED)


def test_extraction_quality_over_all_pages():
    text_ok = date_ok = 0
    failures = []
    for expected_file in EXPECTED:
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        page = _page(expected_file)
        articles, problems = _read(page.read_bytes(), str(page), expected.get("url"))
        if not articles:
            failures.append(f"{page.name}: no article ({problems})")
            continue
        text = articles[0].text
        missing = [p for p in expected["paragraphs"] if p not in text]
        kept = [b for b in expected["boilerplate"] if b in text]
        if not missing and not kept:
            text_ok += 1
        else:
            failures.append(f"{page.name}: missing {missing}, boilerplate kept {kept}")
        if articles[0].date == expected["date"]:
            date_ok += 1
        else:
            failures.append(f"{page.name}: date {articles[0].date} != {expected['date']}")
    n = len(EXPECTED)
    print(f"\n{n} pages: text right {text_ok}/{n} = {text_ok / n:.2f}, "
          f"date right {date_ok}/{n} = {date_ok / n:.2f}")
    for failure in failures:
        print("  ", failure)
    assert text_ok / n >= FLOOR, failures
    assert date_ok / n >= FLOOR, failures


def test_paragraphs_are_separated_by_blank_lines():
    articles, _ = _read((PAGES / "01_wire_service.html").read_bytes())
    paragraphs = articles[0].text.split("\n\n")
    assert len(paragraphs) >= 5
    assert all(p.strip() == p and "\n" not in p for p in paragraphs)


def test_metadata_of_a_wire_story():
    page = PAGES / "01_wire_service.html"
    [article], problems = _read(page.read_bytes(), str(page))
    assert problems == []
    assert article.id == "01_wire_service"
    assert article.origin == str(page)
    assert article.title == "Valdoria and Kestmark agree to reopen border crossings after talks"
    assert article.url == "https://meridianwire.example/world/valdoria-kestmark-border-talks"
    assert "Teodor Anselm" in article.author
    assert article.site == "Meridian Wire"
    assert article.date == "2024-05-17"
    assert article.language == "en"
    assert article.dateline == "Solthaven"


def test_a_given_url_is_the_id_and_url():
    url = "https://example.org/news/2024/05/17/border-talks"
    [article], _ = _read((PAGES / "01_wire_service.html").read_bytes(), "<stdin>", url)
    assert article.id == url and article.url == url


def test_legacy_encoding_is_decoded():
    [article], _ = _read((PAGES / "20_windows1252_spanish.html").read_bytes())
    assert "José María Ibáñez" in article.text
    assert article.language == "es"


def test_a_page_without_text_is_a_skipped_problem():
    articles, problems = _read((PAGES / "no_text.html").read_bytes(), "no_text.html")
    assert articles == []
    [problem] = problems
    assert problem.skipped and "no article text found" in problem.text
    assert "[E061]" in problem.text


@pytest.mark.parametrize("data", [b"", b"   \n", b"<html>", b"<", b"\x00\x01\x02",
                                  b"<html><body><div><p>" * 5000])
def test_empty_and_degenerate_input(data):
    articles, problems = _read(data)
    assert articles == []
    assert problems and problems[0].skipped


def test_truncated_html_does_not_raise():
    data = (PAGES / "03_newspaper_byline.html").read_bytes()
    for cut in range(0, len(data), 97):
        articles, problems = _read(data[:cut])
        assert len(articles) + len(problems) == 1
    # cut in the middle of the body: the paragraphs before the cut are still an article
    [article], _ = _read(data[: data.index(b"The reform is due")])
    assert "Tens of thousands of people marched" in article.text


def test_broken_markup_does_not_raise():
    broken = [
        b"<html><body><p>Unclosed <b>bold <i>and italic</p></div></span></body>",
        b"<!DOCTYPE html><html><head><title>x</title></head><body>" + b"<div>" * 3000,
        b"<html><body><p>The foreign minister of Valdoria said on Monday that talks "
        b"with Kestmark would resume next week in the capital.</p><p>\xff\xfe\xfa bad",
        "<html><body><p>Ünïcödé ✓ text with a <script>alert(1)</script> script".encode(),
        b"<?xml version='1.0' encoding='bogus'?><html><body><p>x</p></body></html>",
        b"<html><body>" + b"<p>&#xD800;&#0;&#x110000;</p>" * 10 + b"</body></html>",
    ]
    for data in broken:
        articles, problems = _read(data)
        assert len(articles) + len(problems) == 1
    assert extract_html("https://example.org/2024/01/01/a-url-not-a-page") is None


def test_an_oversized_page_is_refused_unread():
    class Huge(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"x" * len(buffer)
            return len(buffer)

    problems = []
    stream = io.BufferedReader(Huge())
    assert list(read_html(stream, "huge.html", problems.append, None)) == []
    [problem] = problems
    assert "[E060]" in problem.text and problem.skipped
    assert MAX_HTML_BYTES == 20_000_000


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from([b"<html>", b"<body>", b"<p>", b"</p>", b"<div>", b"</div>",
                              b"<script>", b"<!--", b"-->", b"<meta charset='x'>",
                              b"The minister said talks would resume on Monday. ",
                              b"\x00", b"\xff", b"&amp;", b"<![CDATA["]),
             max_size=80).map(b"".join),
))
def test_random_bytes_never_raise(data):
    articles, problems = _read(data)
    assert len(articles) + len(problems) == 1
