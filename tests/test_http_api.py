"""The HTTP API: every route and filter, pages, the one error shape, limits, and safety
(parameters never reach SQL as text, no SQL route, no path traversal), plus a schemathesis run
against the OpenAPI document."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from newsevents.api import create_app
from newsevents.store import query
from webstore import HOSTILE_TITLE, coded_store, generated_store

GENERATED_EVENTS = 3000


@pytest.fixture(scope="module")
def coded(tmp_path_factory, coder):
    return coded_store(tmp_path_factory.mktemp("coded") / "news.duckdb", coder)


@pytest.fixture(scope="module")
def api(coded, coder):
    return TestClient(create_app(coded.path, coder=coder), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generated_store(tmp_path_factory.mktemp("generated") / "big.duckdb",
                           GENERATED_EVENTS)


@pytest.fixture(scope="module")
def big(generated):
    return TestClient(create_app(generated.path), raise_server_exceptions=False)


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == status
    assert re.fullmatch(r"E\d{3}", body["error"]["code"])
    assert body["error"]["message"] and not body["error"]["message"].startswith("[")
    if code:
        assert body["error"]["code"] == code, body
    return body["error"]


def all_events(client, **params) -> list[dict]:
    return client.get("/v1/events", params={**params, "limit": 100_000}).json()["events"]


def sql_rows(store, sql, params=()):
    with store.connect(read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


# -- events: every filter, against SQL over the same store ------------------------------------
@pytest.mark.parametrize("params, where, args", [
    ({"source": "RUS"}, "list_contains(source_countries, 'RUS')", []),
    ({"target": "UKR"}, "list_contains(target_countries, 'UKR')", []),
    ({"source": "RUSGOV"}, "list_contains(source_codes, 'RUSGOV')", []),
    ({"source": "Russia", "target": "Ukraine"},
     "list_contains(source_names, 'Russia') AND list_contains(target_names, 'Ukraine')", []),
    ({"type": "assault"}, "event = 'ASSAULT'", []),
    ({"cameo": "05"}, "starts_with(cameo, '05')", []),
    ({"modality": "asserted"}, "modality = 'asserted'", []),
    ({"since": "2024-06-01", "until": "2024-06-30"},
     "event_date BETWEEN DATE '2024-06-01' AND DATE '2024-06-30'", []),
    ({"q": "sanctioned"}, "sentence ILIKE '%sanctioned%'", []),
    ({"country": "KEN"}, "location_country = 'KEN'", []),
    ({"bbox": "30,40,40,60"}, "location_lon BETWEEN 30 AND 40 AND location_lat BETWEEN 40 AND 60",
     []),
])
def test_each_events_filter_selects_exactly_the_matching_events(big, generated, params, where,
                                                                 args):
    expected = {r[0] for r in sql_rows(generated, f"SELECT id FROM events WHERE NOT negated AND "
                                                  f"{where}", args)}
    found = all_events(big, **params)
    assert expected, f"the generated store has events for {params}"
    assert {e["id"] for e in found} == expected
    assert len(found) == len(expected)


def test_events_are_sorted_and_paged_with_a_stable_cursor(big, generated):
    for sort in ("event_date", "-event_date", "goldstein", "-num_mentions", "confidence"):
        pages, cursor = [], None
        while True:
            body = big.get("/v1/events", params={"source": "UKR", "sort": sort, "limit": 97,
                                                 **({"cursor": cursor} if cursor else {})}).json()
            pages.append(body["events"])
            cursor = body["next_cursor"]
            if not cursor:
                break
        walked = [e for page in pages for e in page]
        assert len(pages) > 3 and all(len(p) == 97 for p in pages[:-1])
        assert walked == all_events(big, source="UKR", sort=sort)
        key = sort.lstrip("-")
        values = [(e[key], e["id"]) for e in walked]
        assert values == sorted(values, reverse=sort.startswith("-"))


def test_a_cursor_stays_valid_when_events_are_added(tmp_path):
    store = generated_store(tmp_path / "growing.duckdb", 500)
    client = TestClient(create_app(store.path, read_hold=0))  # the file is free between requests
    first = client.get("/v1/events", params={"limit": 100}).json()
    with store.connect() as con:  # an ingest between two page requests
        con.execute("INSERT INTO events SELECT * REPLACE ('new-' || id AS id, DATE '2022-01-01' "
                    "AS event_date) FROM events LIMIT 50")
    second = client.get("/v1/events", params={"limit": 100, "cursor": first["next_cursor"]})
    ids = [e["id"] for e in first["events"]] + [e["id"] for e in second.json()["events"]]
    assert len(set(ids)) == 200
    assert second.json()["events"][0]["event_date"] >= first["events"][-1]["event_date"]


def test_negated_events_only_on_request(api, coded):
    negated = sql_rows(coded, "SELECT count(*) FROM events WHERE negated")[0][0]
    total = sql_rows(coded, "SELECT count(*) FROM events")[0][0]
    assert len(all_events(api)) == total - negated
    assert len(all_events(api, include_negated="true")) == total


def test_events_as_csv(big):
    response = big.get("/v1/events", params={"type": "AID", "format": "csv", "limit": 10})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.text.strip().splitlines()
    assert lines[0].startswith("id,event_date,event,cameo") and len(lines) == 11
    assert all(",AID," in line for line in lines[1:])


# -- one event, one article -------------------------------------------------------------------
def test_event_has_its_mentions_and_evidence(api, coded):
    [(event_id,)] = sql_rows(coded, "SELECT id FROM events WHERE num_mentions > 0 AND NOT negated"
                                    " ORDER BY num_mentions DESC, id LIMIT 1")
    body = api.get(f"/v1/events/{event_id}").json()
    assert body["id"] == event_id and body["mentions"]
    for mention in body["mentions"]:
        [(text,)] = sql_rows(coded, "SELECT text FROM articles WHERE id = ?",
                             [mention["article_id"]])
        start, end = mention["evidence"]["trigger"]
        assert text[start:end] == mention["trigger"]
        assert mention["title"] is not None or mention["doc_id"]
    assert_error(api.get("/v1/events/no-such-event"), 404, "E090")


def test_article_spans_point_at_their_words(api, coded):
    [(article_id, text)] = sql_rows(coded, "SELECT id, text FROM articles WHERE doc_id = "
                                           "'wire_kenya_somalia'")
    body = api.get(f"/v1/articles/{article_id}").json()
    assert body["text"] == text and body["title"].startswith("Kenya, Somalia agree")
    kinds = {s["kind"] for s in body["spans"]}
    assert {"trigger", "source", "target"} <= kinds
    events = {m["event_id"] for m in body["mentions"]}
    for span in body["spans"]:
        word = text[span["start"]:span["end"]]
        assert word.strip() and span["event_id"] in events
        if span["kind"] in ("source", "target"):
            assert span["label"].endswith(")")  # "Name (CODE)"
    sources = {text[s["start"]:s["end"]] for s in body["spans"] if s["kind"] == "source"}
    assert {"William Ruto", "Hassan Sheikh Mohamud"} <= sources
    assert "Nairobi" in {text[s["start"]:s["end"]] for s in body["spans"] if s["kind"] == "place"}
    assert_error(api.get("/v1/articles/a0000"), 404, "E090")


def test_article_spans_include_places_and_numbers(tmp_path, coder):
    from newsevents.ingest import make_article
    from newsevents.store import Store
    text = ("Al-Shabaab fighters attacked a police post near Mandera on Tuesday, killing 12 "
            "officers and wounding at least 30, Kenyan police said.")
    store = Store(tmp_path / "numbers.duckdb")
    store.ingest(coder.code_articles([make_article(text, id="n1", date="2024-05-08")]))
    [(article_id,)] = sql_rows(store, "SELECT id FROM articles")
    spans = TestClient(create_app(store.path)).get(f"/v1/articles/{article_id}").json()["spans"]
    found = {(s["kind"], text[s["start"]:s["end"]], s["label"]) for s in spans}
    assert ("number", "12 officers", "killed: 12 people") in found
    assert ("number", "at least 30", "wounded: 30 people") in found
    assert ("place", "Mandera", "Mandera") in found


# -- aggregates: the same functions as the CLI --------------------------------------------------
def test_dyad_series_is_the_cli_query(big, generated):
    body = big.get("/v1/dyads/RUS/UKR/series", params={"by": "week"}).json()
    with generated.connect(read_only=True) as con:
        relation = query.dyad(con, "RUS", "UKR", by="week")
        expected = [dict(zip(relation.columns, r, strict=True)) for r in relation.fetchall()]
    assert [r["period"] for r in body["series"]] == [str(r["period"]) for r in expected]
    assert [r["events"] for r in body["series"]] == [r["events"] for r in expected]
    assert {r["direction"] for r in body["series"]} == {"RUS->UKR", "UKR->RUS"}
    assert_error(big.get("/v1/dyads/RUS/UKR/series", params={"by": "decade"}), 400, "E092")


def test_series_counts_every_dated_event(big, generated):
    body = big.get("/v1/series", params={"by": "month"}).json()
    [(dated,)] = sql_rows(generated, "SELECT count(*) FROM events WHERE event_date IS NOT NULL "
                                     "AND NOT negated")
    assert sum(r["events"] for r in body["series"]) == dated
    for r in body["series"]:
        assert r["events"] == sum(r[k] for k in ("verbal_cooperation", "material_cooperation",
                                                 "verbal_conflict", "material_conflict"))


def test_actors_network_and_stats(big, generated):
    actors = big.get("/v1/actors", params={"top": 5}).json()["actors"]
    assert len(actors) == 5
    assert [a["num_events"] for a in actors] == sorted((a["num_events"] for a in actors),
                                                       reverse=True)
    network = big.get("/v1/network", params={"min_events": 20, "top": 30}).json()
    assert 0 < len(network["edges"]) <= 30
    assert all(e["events"] >= 20 and e["events"] == e["cooperation"] + e["conflict"]
               for e in network["edges"])
    ids = {n["id"] for n in network["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in network["edges"])
    [(rus_ukr,)] = sql_rows(generated, "SELECT count(*) FROM events WHERE NOT negated AND "
                                       "source_codes = ['RUS'] AND target_codes = ['UKR']")
    assert any(e["source"] == "RUS" and e["target"] == "UKR" and e["events"] == rus_ukr
               for e in network["edges"])
    limited = big.get("/v1/network", params={"since": "2024-12-01", "until": "2024-12-31"})
    assert sum(e["events"] for e in limited.json()["edges"]) < sum(
        e["events"] for e in network["edges"])
    stats = big.get("/v1/stats").json()
    assert stats["events"] == stats["articles"] == GENERATED_EVENTS
    assert sum(stats["events_by_quad_class"].values()) == GENERATED_EVENTS


def test_locations_for_the_map(big, generated):
    body = big.get("/v1/locations", params={"type": "ASSAULT"}).json()
    [(placed,)] = sql_rows(generated, "SELECT count(*) FROM events WHERE event = 'ASSAULT' AND "
                                      "location_lat IS NOT NULL")
    assert sum(p["events"] for p in body["places"]) == placed > 0
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in body["places"])


# -- coding over HTTP ---------------------------------------------------------------------------
def test_code_returns_what_the_cli_prints(api, coder):
    from newsevents.ingest import make_article
    text = "Kenya urged Somalia to release the hostages on Monday."
    body = api.post("/v1/code", json={"text": text, "date": "2024-05-08"}).json()
    article = make_article(text, id="request", date="2024-05-08")
    expected = [e.to_dict() for _, events in coder.code_articles([article]) for e in events
                if e.event]
    assert body["events"] == json.loads(json.dumps(expected)) and body["count"] >= 1
    assert body["events"][0]["date"] == "2024-05-06"


def test_code_rejects_bad_bodies_in_the_error_shape(api, coded, coder):
    assert_error(api.post("/v1/code", json={"text": ""}), 400, "E092")
    assert_error(api.post("/v1/code", json={"text": "x", "date": "yesterday"}), 400, "E092")
    assert_error(api.post("/v1/code", content=b"{not json", headers={
        "content-type": "application/json"}), 400, "E092")
    big_body = json.dumps({"text": "Kenya urged Somalia. " * 60_000})
    assert_error(api.post("/v1/code", content=big_body, headers={
        "content-type": "application/json"}), 413, "E093")

    def streamed():  # no Content-Length: the cap is counted as the body arrives
        for _ in range(30):
            yield b" " * 50_000
    assert_error(api.post("/v1/code", content=streamed(), headers={
        "content-type": "application/json"}), 413, "E093")
    hurried = TestClient(create_app(coded.path, coder=coder, code_timeout=0.001))
    assert_error(hurried.post("/v1/code", json={"text": "Kenya urged Somalia to talk. " * 200}),
                 504, "E094")


# -- one error shape on every route -------------------------------------------------------------
BAD_VALUES = {"integer": "-7", "boolean": "maybe", "date": "2024-13-45"}


def test_every_route_answers_bad_parameters_with_the_error_shape(api):
    spec = api.get("/openapi.json").json()
    checked = 0
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            concrete = re.sub(r"\{[^}]+\}", "no-such-id", path)
            for parameter in operation.get("parameters", []):
                schema = parameter["schema"]
                options = schema.get("anyOf", [schema])
                kinds = {o.get("format") or o.get("type") for o in options}
                if "$ref" in str(options) or "enum" in str(options):
                    bad = "not-a-choice"
                else:
                    bad = next((BAD_VALUES[k] for k in kinds if k in BAD_VALUES), None)
                if parameter["in"] != "query" or bad is None:
                    continue
                assert_error(api.request(method, concrete, params={parameter["name"]: bad}),
                             400, "E092")
                checked += 1
            if "{" in path and not path.endswith("/series"):
                assert_error(api.get(concrete), 404, "E090")
                checked += 1
            if method == "post":
                assert_error(api.post(path, content=b"[]", headers={
                    "content-type": "application/json"}), 400, "E092")
                checked += 1
    assert checked >= 20
    assert_error(api.get("/v1/nothing-here"), 404, "E091")
    assert_error(api.delete("/v1/events"), 405, "E091")
    assert_error(api.get("/v1/events", params={"cursor": "garbage!"}), 400, "E044")
    assert_error(api.get("/v1/events", params={"bbox": "1,2,3"}), 400, "E044")


def test_errors_are_documented_in_the_openapi_document(api):
    spec = api.get("/openapi.json").json()
    assert "ErrorResponse" in spec["components"]["schemas"]
    for path, operations in spec["paths"].items():
        for operation in operations.values():
            assert {"400", "404", "413", "503"} <= set(operation["responses"]), path


# -- safety ----------------------------------------------------------------------------------------
INJECTIONS = ["' OR 1=1 --", "RUS'); DROP TABLE events; --", "%' UNION SELECT * FROM articles --",
              "\\'; SELECT 1; --", "RUS\" OR \"1\"=\"1"]


def test_parameters_never_reach_sql_as_text(big, generated):
    [(before,)] = sql_rows(generated, "SELECT count(*) FROM events")
    for value in INJECTIONS:
        for name in ("source", "target", "type", "q"):
            response = big.get("/v1/events", params={name: value})
            assert response.status_code == 200, (name, value, response.text)
            assert response.json()["events"] == []
        quoted = quote(value, safe="")
        for path in (f"/v1/events/{quoted}", f"/v1/articles/{quoted}"):
            assert_error(big.get(path), 404, "E090")
        assert big.get(f"/v1/dyads/{quoted}/UKR/series").json()["series"] == []
    assert sql_rows(generated, "SELECT count(*) FROM events")[0][0] == before


def test_no_sql_over_http(api):
    spec = api.get("/openapi.json").json()
    assert not [p for p in spec["paths"] if "sql" in p.lower()]
    for method in ("get", "post"):
        assert_error(api.request(method, "/v1/sql", params={"query": "SELECT 1"}), 404, "E091")


@pytest.mark.parametrize("path", [
    "/static/../api/app.py", "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/..%2f..%2f..%2fstore%2fquery.py", "/static/%2Fetc%2Fpasswd", "/static//etc/passwd",
    "/static/vendor/../../../../../../etc/passwd", "/static/..\\..\\api\\app.py",
])
def test_static_files_cannot_escape_their_folder(api, path):
    response = api.get(path)
    assert response.status_code == 404, (path, response.text[:200])
    assert "root:" not in response.text and "import" not in response.text
    assert_error(response, 404)


def test_dashboard_files_are_served_with_a_strict_policy(api):
    page = api.get("/")
    assert page.status_code == 200 and "<main" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert not re.search(r"https?://", re.sub(r'href="/openapi.json"', "", page.text))
    for name in ("app.js", "charts.js", "app.css", "vendor/world-atlas-countries-110m.json"):
        asset = api.get(f"/static/{name}")
        assert asset.status_code == 200 and len(asset.content) > 1000
        assert not re.search(r"(src|href)\s*=\s*[\"']https?://", asset.text)


def test_hostile_article_is_returned_as_data(api, coded):
    [(article_id,)] = sql_rows(coded, "SELECT id FROM articles WHERE doc_id = 'hostile'")
    body = api.get(f"/v1/articles/{article_id}")
    assert body.headers["content-type"] == "application/json"
    assert body.json()["title"] == HOSTILE_TITLE


# -- property-based: schemathesis over the OpenAPI document -----------------------------------
@pytest.fixture(scope="module")
def api_schema(generated, coder):
    return schemathesis.openapi.from_asgi("/openapi.json",
                                          create_app(generated.path, coder=coder))


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_schemathesis_finds_no_server_error(case):
    case.call_and_validate(checks=[schemathesis.checks.not_a_server_error])


def test_a_writer_in_another_process_gets_the_file_between_requests(tmp_path):
    import subprocess
    import sys
    import time
    store = generated_store(tmp_path / "shared.duckdb", 200)
    client = TestClient(create_app(store.path, read_hold=0.3))
    assert client.get("/v1/stats").json()["events"] == 200
    start = time.monotonic()
    write = subprocess.run([sys.executable, "-c", (
        "import sys; from newsevents.store import Store\n"
        "with Store(sys.argv[1]).connect() as con:\n"
        "    con.execute(\"DELETE FROM events WHERE id = 'e0'\")"), store.path],
        capture_output=True, text=True, timeout=60)
    assert write.returncode == 0, write.stderr
    assert time.monotonic() - start < 15
    assert client.get("/v1/stats").json()["events"] == 199  # a fresh handle sees the write
