"""The ingest stage: every kind of input to `Article` records.

text.py     plain text: metadata header, dateline, boilerplate; bytes -> text
jsonl.py    JSONL records (streamed)
tabular.py  CSV / TSV exports of news databases (streamed)
html.py     saved web pages: main text and metadata (trafilatura, htmldate)
feeds.py    RSS and Atom feeds (feedparser), with the linked pages of stub entries
warc.py     WARC archives (warcio): every HTML response record
fetch.py    http(s) inputs
language.py the language of an article
sources.py  paths, folders, globs, compression, URLs and stdin -> the right reader
"""

from .jsonl import read_jsonl
from .sources import FORMATS, InputOptions, read_inputs, sniff
from .text import MAX_ARTICLE_BYTES, Problem, Report, blank, clean_text, decode, make_article

__all__ = ["FORMATS", "MAX_ARTICLE_BYTES", "InputOptions", "Problem", "Report", "blank",
           "clean_text", "decode", "make_article", "read_inputs", "read_jsonl", "sniff"]
