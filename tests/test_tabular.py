"""CSV and TSV exports: field mapping, delimiters, quoted multi-line fields, rows without text,
decoding problems, and any bytes survived."""

from __future__ import annotations

import codecs
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.ingest.sources import InputOptions, read_inputs
from newsevents.ingest.tabular import read_csv


def run(data: bytes | str, source="news.csv", options=None):
    if isinstance(data, str):
        data = data.encode("utf-8")
    problems = []
    articles = list(read_csv(io.BytesIO(data), source, problems.append,
                             options or InputOptions()))
    return articles, problems


CSV = (
    "id,title,text,date,url,author\n"
    'a1,Border talks resume,"Velmora and Ostrand resumed border talks in Geneva on Monday.",'
    "2024-03-11,https://news.example.org/a1,Ilse Marrow\n"
    ",Strike called,The Karsk dockworkers' union called a strike over wages.,2024-03-12,,\n"
)


def test_csv_with_default_fields():
    articles, problems = run(CSV)
    assert problems == []
    first, second = articles
    assert first.id == "a1"
    assert first.title == "Border talks resume"
    assert first.text == "Velmora and Ostrand resumed border talks in Geneva on Monday."
    assert first.date == "2024-03-11"
    assert first.url == "https://news.example.org/a1"
    assert first.author == "Ilse Marrow"
    assert first.origin == "news.csv"
    assert second.id == "news:2"  # no id: stem and row number
    assert second.url is None and second.date == "2024-03-12"


def test_alternative_default_names():
    data = "headline,body,published,link\nVeto,The president vetoed the bill.,2024-05-01,x\n"
    (article,), problems = run(data)
    assert problems == []
    assert (article.title, article.text, article.date, article.url) == (
        "Veto", "The president vetoed the bill.", "2024-05-01", "x")


def test_explicit_field_mapping():
    data = ("story_id,story,when,where_from,heading,text\n"
            "s1,Parliament approved the treaty.,2024-02-02,https://e.org/s1,Treaty,IGNORED\n")
    options = InputOptions(text_field="story", date_field="when", url_field="where_from",
                           title_field="heading")
    (article,), problems = run(data, options=options)
    assert problems == []
    assert article.text == "Parliament approved the treaty."
    assert article.date == "2024-02-02"
    assert article.url == "https://e.org/s1"
    assert article.title == "Treaty"
    assert article.id == "news:1"


def test_missing_text_column_is_one_clear_problem():
    articles, problems = run("id,title\n1,x\n2,y\n")
    assert articles == []
    assert len(problems) == 1 and problems[0].skipped and "[E078]" in problems[0].text
    _, problems = run(CSV, options=InputOptions(text_field="story"))
    assert "[E078]" in problems[0].text and "story" in problems[0].text


def test_tsv_sniffed_and_by_extension():
    data = ("id\ttitle\ttext\n"
            "t1\tCeasefire, at last\tThe two sides agreed a ceasefire, officials said.\n")
    for source in ("wire.tsv", "wire.csv", "wire.txt"):
        (article,), problems = run(data, source=source)
        assert problems == []
        assert article.title == "Ceasefire, at last"
        assert article.text == "The two sides agreed a ceasefire, officials said."
    # a single-column file: nothing to sniff, the extension decides
    (article,), _ = run("text\nThe envoy left, angry\n", source="one.tsv")
    assert article.text == "The envoy left, angry"


def test_semicolon_delimited():
    (article,), problems = run("title;text\nVote;The assembly voted, 40 to 12.\n")
    assert problems == [] and article.text == "The assembly voted, 40 to 12."


def test_row_without_text_is_reported_with_its_row_number():
    data = ("id,text\n"
            "1,The minister resigned.\n"
            "2,\n"
            "3,   \n"
            "4,The cabinet met.\n")
    articles, problems = run(data)
    assert [a.id for a in articles] == ["1", "4"]
    assert [p.line for p in problems] == [2, 3]
    assert all(p.skipped and "[E076]" in p.text for p in problems)
    assert "row 2 (line 3)" in problems[0].text


def test_quoted_multiline_fields_and_row_numbers():
    data = ('id,text\r\n'
            '1,"First paragraph of the report.\r\n\r\nSecond paragraph, with ""quotes""."\r\n'
            '2,\r\n'
            '3,"One more\nline"\r\n')
    articles, problems = run(data)
    assert articles[0].text == ('First paragraph of the report.\r\n\r\n'
                                'Second paragraph, with "quotes".')
    assert articles[1].text == "One more\nline"
    assert [a.id for a in articles] == ["1", "3"]
    assert len(problems) == 1 and "row 2 (line 5)" in problems[0].text


def test_blank_lines_are_ignored_and_bom_dropped():
    data = codecs.BOM_UTF8 + b"text,title\n\nThe army withdrew.,Withdrawal\n\n"
    (article,), problems = run(data)
    assert problems == [] and article.title == "Withdrawal"


def test_bad_utf8_row_is_warned_and_decoded_with_fallback():
    data = "id,text\n1,Talks in Z\u00fcrich ended.\n2,Caf\u00e9 summit held.\n".encode()
    data = data.replace("Caf\u00e9".encode(), "Caf\u00e9".encode("cp1252"))
    articles, problems = run(data)
    assert [a.text for a in articles] == ["Talks in Z\u00fcrich ended.", "Caf\u00e9 summit held."]
    assert len(problems) == 1 and not problems[0].skipped
    assert "[E077]" in problems[0].text and "row 2" in problems[0].text


def test_utf16_export():
    data = "title\ttext\nAccord\tThe accord was signed.\n".encode("utf-16")
    (article,), problems = run(data, source="export.tsv")
    assert problems == [] and article.text == "The accord was signed."


def test_very_large_field_and_streaming():
    big = "The delegation met again. " * 100_000  # 2.6 MB, over csv's default 128 KB
    rows = "".join(f'{i},"{big if i == 5 else f"Row {i} text."}"\n' for i in range(1, 3001))
    articles, problems = run("id,text\n" + rows)
    assert problems == []
    assert len(articles) == 3000
    assert len(articles[4].text) == len(big)


def test_stream_is_read_lazily():
    rows = "id,text\n" + "".join(f"{i},Statement number {i}.\n" for i in range(50_000))
    stream = io.BytesIO(rows.encode())
    reader = read_csv(stream, "big.csv", lambda p: None, InputOptions())
    assert next(reader).id == "0"
    assert stream.tell() < len(rows)  # not all read for the first article


def test_empty_and_header_only_files():
    assert run(b"")[1][0].text.startswith("[E002]")
    assert run("id,text\n") == ([], [])


def test_read_inputs_dispatches_csv_and_tsv(tmp_path):
    (tmp_path / "a.csv").write_text(CSV)
    (tmp_path / "b.tsv").write_text("text\tdate\nThe senate adjourned.\t2024-01-09\n")
    problems = []
    articles = list(read_inputs([str(tmp_path)], problems.append))
    assert problems == []
    assert [a.id for a in articles] == ["a1", "a:2", "b:1"]
    assert articles[2].date == "2024-01-09"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["x.csv", "x.tsv", "x.csv.gz", "x"]))
def test_random_bytes_never_raise(data, source):
    articles, problems = run(data, source=source)
    assert all(a.text.strip() for a in articles)
    assert all(p.text for p in problems)


CSVISH = st.sampled_from(["text", "id", ",", "\t", ";", '"', '""', "\n", "\r\n", "\r", " ",
                          "a", "\x00", "\u00e9", "\ufeff"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(CSVISH, st.text(max_size=10)), max_size=80))
def test_csv_like_text_never_raises(parts):
    articles, _ = run("id,text\n" + "".join(parts))
    assert all(a.text.strip() for a in articles)
