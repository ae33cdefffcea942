"""watch: only new or changed inputs are ingested, state survives a restart."""

from __future__ import annotations

import pytest

from newsevents.errors import NewsEventsError
from newsevents.store import Store
from newsevents.watch import parse_interval, watch


def test_intervals():
    assert parse_interval("15m") == 900 and parse_interval("30s") == 30
    assert parse_interval("1h") == 3600 and parse_interval("2") == 2
    with pytest.raises(NewsEventsError, match="--every"):
        parse_interval("soon")


def test_watch_ingests_only_what_is_new_and_survives_restarts(coder, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Kenya urged Somalia to release the hostages.")
    db = tmp_path / "w.duckdb"
    lines: list[str] = []
    assert watch([str(inbox)], Store(db), coder, every=0, cycles=2, log=lines.append) == 2
    assert "1 new or changed files" in lines[0] and "articles 1 new" in lines[0]
    assert "0 new or changed files" in lines[1] and "articles 0 new" in lines[1]
    (inbox / "b.txt").write_text("Japan condemned North Korea over the launch.")
    lines.clear()
    watch([str(inbox)], Store(db), coder, every=0, cycles=1, log=lines.append)  # a restart
    assert "1 new or changed files" in lines[0] and "articles 1 new" in lines[0]
    with Store(db).connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
