"""ingest: metadata, boilerplate, JSONL, bad input — offsets always kept."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.ingest import Problem, clean_text, decode, make_article, read_inputs, read_jsonl


def collect():
    problems: list[Problem] = []
    return problems, problems.append


def test_crawl_date_marker_is_metadata():
    text = " date 2024-03-27 Thank you for reading this post, don't forget to subscribe!\n\nMali " \
           "asked Russia for help."
    article = make_article(text, id="a")
    assert article.date == "2024-03-27"
    assert "date" not in article.coding_text and "subscribe" not in article.coding_text
    assert len(article.coding_text) == len(text)
    assert article.coding_text.index("Mali") == text.index("Mali")


def test_header_lines_are_metadata():
    text = "Title: Talks in Bamako\nDate: 2023-05-02\nURL: https://example.org/a\n\nBody text."
    article = make_article(text)
    assert (article.title, article.date, article.url) == (
        "Talks in Bamako", "2023-05-02", "https://example.org/a")
    assert article.coding_text.strip() == "Body text."


def test_author_bio_is_boilerplate():
    text = "Russia sent wheat to Mali.\n\n* Jane Roe is a researcher focusing on Africa. She " \
           "provides insights on trade."
    coding, _ = clean_text(text)
    assert "provides" not in coding and "Russia sent wheat" in coding


@pytest.mark.parametrize("byline", ["By Mark Halloran and Yelena Sorokina",
                                    "By Jane Doe, John Smith and Ali Khan", "By Reuters Staff"])
def test_a_byline_is_boilerplate(byline):
    coding, _ = clean_text(f"{byline}\n\nMOSCOW, June 24 (Reuters) - Putin spoke.")
    assert coding.strip() == "Putin spoke."


def test_a_sentence_starting_with_by_is_text():
    coding, _ = clean_text("By noon, troops had left the city.")
    assert coding == "By noon, troops had left the city."


def test_jsonl_reports_bad_lines_and_goes_on():
    problems, report = collect()
    lines = ['{"id": "a", "text": "One."}', "{not json", '[1, 2]', '{"id": "b"}',
             '{"id": "c", "text": "Two.", "date": "2020-01-02"}']
    articles = list(read_jsonl(lines, "x.jsonl", report))
    assert [a.id for a in articles] == ["a", "c"]
    assert articles[1].date == "2020-01-02"
    assert [p.line for p in problems] == [2, 3, 4]
    assert all(p.skipped and "line" in p.text for p in problems)


def test_empty_binary_and_bad_utf8(tmp_path):
    problems, report = collect()
    assert decode(b"   \n", "e.txt", report) is None
    assert decode(b"\x00\x01\x02abc", "b.txt", report) is None
    text = decode("Côte d'Ivoire".encode("cp1252"), "l.txt", report)
    assert text == "Côte d'Ivoire"
    assert [p.skipped for p in problems] == [True, True, False]
    assert "empty" in problems[0].text and "binary" in problems[1].text
    assert "UTF-8" in problems[2].text


def test_folder_and_missing_file(tmp_path):
    (tmp_path / "a.txt").write_text("Mali asked Russia for help.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text(json.dumps({"id": "b", "text": "X."}) + "\n")
    problems, report = collect()
    articles = list(read_inputs([str(tmp_path), str(tmp_path / "nope.txt")], report))
    assert sorted(a.id for a in articles) == ["a", "b"]
    assert problems and "not found" in problems[0].text


def test_huge_plain_text_file_is_refused_with_a_message(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("w") as f:
        f.write("Mali asked Russia for help. " * 2_000_000)  # ~56 MB
    problems, report = collect()
    assert list(read_inputs([str(big)], report)) == []
    assert "too large" in problems[0].text and "JSONL" in problems[0].text


@given(st.lists(st.text(max_size=80), max_size=20))
def test_jsonl_reader_never_raises(lines):
    problems, report = collect()
    for article in read_jsonl(lines, "fuzz.jsonl", report):
        assert article.text.strip()
    assert all(p.line for p in problems)


@given(st.text(max_size=400))
def test_cleaning_keeps_every_offset(text):
    coding, _ = clean_text(text)
    assert len(coding) == len(text)
    assert all(c == o or c == " " for c, o in zip(coding, text, strict=True))


def test_date_from_url_or_text_when_metadata_has_none():
    assert make_article("Mali asked Russia for help.",
                        url="https://x.example/2024/03/27/mali").date == "2024-03-27"
    assert make_article("BAMAKO, March 27, 2024 - Mali asked Russia for help.").date == \
        "2024-03-27"
    assert make_article("Published 5 June 2023\n\nMali asked Russia for help.").date == \
        "2023-06-05"
    assert make_article("Mali asked Russia for help.", date="2020-01-02",
                        url="https://x.example/2024/03/27/").date == "2020-01-02"
    assert make_article("Mali asked Russia for help in 2024.").date is None
