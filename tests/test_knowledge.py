"""The knowledge files: well-formed, consistent with each other, and extensible by the user.
These checks are how the data files are verified on every change."""

from __future__ import annotations

import re

import pytest

from newsevents.actors.gazetteer import load_gazetteer
from newsevents.datafiles import load_table
from newsevents.errors import KnowledgeError
from newsevents.events.lexicon import load_lexicon

ISO3 = re.compile(r"^[A-Z]{3}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE",
          "ASSAULT"}


def test_every_file_has_a_version():
    for prefix in ("countries", "leaders", "organizations", "agents", "regions"):
        table = load_table("newsevents.actors", prefix)
        assert table.versions and all("unversioned" not in v for v in table.versions)
    for prefix in ("cameo", "triggers", "frames", "complements", "refinements", "contexts",
                   "wordclasses"):
        table = load_table("newsevents.events", prefix)
        assert table.versions and all("unversioned" not in v for v in table.versions)


def test_countries_cover_the_un_members():
    rows = load_table("newsevents.actors", "countries").rows
    codes = [r["iso3"] for r in rows]
    assert len(codes) == len(set(codes))
    assert all(ISO3.match(c) for c in codes)
    assert sum(r["status"] == "member" for r in rows) == 193
    assert all(r["capitals"] for r in rows)


def test_leader_terms_are_dated_and_placed():
    countries = {r["iso3"] for r in load_table("newsevents.actors", "countries").rows}
    orgs = {r["code"] for r in load_table("newsevents.actors", "organizations").rows}
    for r in load_table("newsevents.actors", "leaders").rows:
        assert r["country"] in countries or r["role"].partition("@")[2] in orgs, r
        assert DATE.match(r["start"]), r
        assert not r["end"] or (DATE.match(r["end"]) and r["start"] <= r["end"]), r


def test_heads_of_state_in_office_2015_2025_include_known_cases():
    g = load_gazetteer()
    for name, country, date in [("Goïta", "MLI", "2024-03-27"), ("Sassou-Nguesso", "COG",
                                 "2024-03-27"), ("Putin", "RUS", "2024-03-27"),
                                ("Merkel", "DEU", "2016-01-01"), ("Modi", "IND", "2020-01-01")]:
        entries = [e for e in g.names[name] if e.kind == "leader"]
        assert any(e.country == country and e.in_office(date) for e in entries), name


def test_event_tables_are_consistent():
    lex = load_lexicon()
    for code, entry in lex.codes.items():
        assert entry.plover in PLOVER or code.startswith("01"), code
        assert entry.quad_class in (1, 2, 3, 4) and -10 <= entry.goldstein <= 10
        if len(code) > 2:
            assert code[:-1] in lex.codes or code[:2] in lex.codes, code
    for rules in lex.triggers.values():
        for rule in rules:
            assert rule.cameo in lex.codes, rule
    for code in lex.complements.values():
        assert code in lex.codes
    for code, refinements in lex.refinements.items():
        assert code in lex.codes and all(r in lex.codes for _, r in refinements)


def test_user_knowledge_adds_and_overrides(tmp_path):
    (tmp_path / "leaders-mine.tsv").write_text(
        "# mine\n# version: 2030.01.01\nname\taliases\tcountry\trole\tsector\tstart\tend\n"
        "Ana Example\tExample\tCHL\tPresident\tGOV\t2030-03-11\t\n", encoding="utf-8")
    (tmp_path / "triggers-mine.tsv").write_text(
        "# mine\n# version: 2030.01.01\ncameo\tpos\tlemma\tprep\tobject\tmode\tnote\n"
        "051\tVERB\tsalute\t\t\t\tpraise\n", encoding="utf-8")
    import newsevents
    from newsevents.pipeline import Options
    events = newsevents.code_text("President Example saluted Peru.", date="2030-06-01",
                                  options=Options(knowledge_dirs=(str(tmp_path),)))
    [e] = [e for e in events if e.event == "SUPPORT"]
    assert e.source[0].name == "Ana Example" and e.source[0].country == "CHL"
    assert e.version.endswith("+user")


def test_malformed_user_file_is_a_clear_error(tmp_path):
    (tmp_path / "agents-bad.tsv").write_text("word\tsector\nguard\tMIL\textra\n")
    with pytest.raises(KnowledgeError, match="agents-bad.tsv:2: .*3 columns, expected 2"):
        load_table("newsevents.actors", "agents", (str(tmp_path),))


def test_user_word_class_replaces_the_packages(tmp_path):
    from newsevents.events.lexicon import load_lexicon
    (tmp_path / "wordclasses-mine.tsv").write_text("class\twords\nwithheld\tcomment|gossip\n")
    words = load_lexicon((str(tmp_path),)).words
    assert words["withheld"] == {"comment", "gossip"}
    assert "clash" in words["mutual"]  # the other classes stay the package's
