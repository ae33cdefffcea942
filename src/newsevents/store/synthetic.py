"""A generated store of N events, for benchmarks of the queries, the HTTP API and the
dashboard at scale (`newsevents bench --dyad-events`, `benchmarks/bench_api.py`).

Every event has one article and one mention with real evidence offsets into the article's
text, between 14 states (a few much more active than the others) on two years of dates (more
recent, more events), over 12 event types of all four quad classes (hostile dyads mostly
conflict, every dyad's mix drifting over time);
when the store has location columns, each event is placed in one side's capital. The data is
deterministic: the same N gives the same store.
"""

from __future__ import annotations

from .query import has_locations

# code, name, capital, lat, lon
STATES = [
    ("RUS", "Russia", "Moscow", 55.7558, 37.6173), ("UKR", "Ukraine", "Kyiv", 50.4501, 30.5234),
    ("USA", "United States", "Washington", 38.9072, -77.0369),
    ("CHN", "China", "Beijing", 39.9042, 116.4074), ("MLI", "Mali", "Bamako", 12.6392, -8.0029),
    ("FRA", "France", "Paris", 48.8566, 2.3522), ("DEU", "Germany", "Berlin", 52.52, 13.405),
    ("IRN", "Iran", "Tehran", 35.6892, 51.389), ("ISR", "Israel", "Jerusalem", 31.7683, 35.2137),
    ("KEN", "Kenya", "Nairobi", -1.2921, 36.8219), ("SOM", "Somalia", "Mogadishu", 2.0469, 45.3182),
    ("BRA", "Brazil", "Brasilia", -15.7939, -47.8828),
    ("IND", "India", "New Delhi", 28.6139, 77.209), ("TUR", "Turkey", "Ankara", 39.9334, 32.8597),
]
# PLOVER type, CAMEO code, quad class, Goldstein, the verb phrase of the sentence
TYPES = [
    ("CONSULT", "040", 1, 1.0, "held talks with"), ("AGREE", "057", 1, 8.0, "signed a deal with"),
    ("SUPPORT", "051", 1, 3.4, "praised"), ("REQUEST", "020", 1, 3.0, "appealed to"),
    ("AID", "070", 2, 7.0, "sent aid to"), ("COOPERATE", "061", 2, 6.4, "cooperated with"),
    ("ACCUSE", "112", 3, -2.0, "accused"), ("THREATEN", "130", 3, -4.4, "threatened"),
    ("DEMAND", "100", 3, -5.0, "demanded from"), ("SANCTION", "163", 4, -8.0, "sanctioned"),
    ("MOBILIZE", "150", 4, -7.2, "mobilised against"), ("ASSAULT", "190", 4, -10.0, "attacked"),
]
DAYS = 730
# Dyads whose events are mostly conflict (either direction).
HOSTILE = [f"{a}-{b}" for x, y in (("RUS", "UKR"), ("ISR", "IRN"), ("USA", "IRN"), ("KEN", "SOM"),
                                   ("FRA", "MLI"), ("USA", "CHN"), ("IND", "CHN"))
           for a, b in ((x, y), (y, x))]


def _list(values) -> str:
    return "[" + ", ".join(repr(v) for v in values) + "]"


def fill(con, n_events: int) -> None:
    """Insert `n_events` generated events (with their articles and mentions) into an empty
    store opened read-write."""
    located = has_locations(con)
    s = {name: _list([row[i] for row in STATES])
         for i, name in enumerate(("code", "name", "city", "lat", "lon"))}
    t = {name: _list([row[i] for row in TYPES])
         for i, name in enumerate(("event", "cameo", "quad", "gold", "verb"))}
    con.execute(f"""
        CREATE TEMP TABLE generated AS
        WITH draws AS (
            SELECT i, (hash(i, 1) % 1000000) / 1e6 AS u1, (hash(i, 2) % 1000000) / 1e6 AS u2,
                   (hash(i, 3) % 1000000) / 1e6 AS u3, (hash(i, 4) % 1000000) / 1e6 AS u4,
                   (hash(i, 5) % 1000000) / 1e6 AS u5
            FROM range({int(n_events)}) r(i)),
        sides AS (
            SELECT *, 1 + floor({len(STATES)} * u1 * u1)::INTEGER AS a,
                   floor({len(STATES) - 1} * u2 * u2)::INTEGER AS step,
                   DATE '2023-01-01' + floor({DAYS} * sqrt(u3))::INTEGER AS day
            FROM draws),
        picks AS (
            SELECT *, 1 + (a + step) % {len(STATES)} AS b FROM sides),
        hostility AS (
            SELECT *, 0.25 + 0.1 * sin((day - DATE '2023-01-01') / 45.0)
                      + CASE WHEN list_contains({_list(HOSTILE)},
                                                {s['code']}[a] || '-' || {s['code']}[b])
                             THEN 0.5 ELSE 0 END AS conflict_share
            FROM picks),
        typed AS (
            SELECT *, CASE WHEN u4 < conflict_share
                           THEN {len(TYPES) // 2 + 1} + floor(u5 * {len(TYPES) // 2})::INTEGER
                           ELSE 1 + floor(u5 * {len(TYPES) // 2})::INTEGER END AS k
            FROM hostility)
        SELECT i, 'e' || i AS event_id, 'g' || i AS article_id, day,
               {s['code']}[a] || CASE WHEN i % 3 = 0 THEN 'GOV' ELSE '' END AS src_code,
               {s['code']}[a] AS src_country, {s['name']}[a] AS src_name,
               {s['code']}[b] AS tgt_code, {s['name']}[b] AS tgt_name,
               {t['event']}[k] AS event, {t['cameo']}[k] AS cameo, {t['quad']}[k] AS quad,
               {t['gold']}[k] AS gold, {t['verb']}[k] AS verb,
               {s['city']}[a] AS city, {s['lat']}[a] AS lat, {s['lon']}[a] AS lon,
               {s['code']}[a] AS city_country
        FROM typed""")
    con.execute("""
        CREATE TEMP TABLE generated_text AS
        SELECT *, src_name || ' ' || verb || ' ' || tgt_name || ' in ' || city || '.' AS sentence,
               length(src_name) + 1 AS trigger_start,
               length(src_name) + 1 + length(split_part(verb, ' ', 1)) AS trigger_end,
               length(src_name) + length(verb) + 2 AS target_start
        FROM generated""")
    place = ("json_object('trigger', [trigger_start, trigger_end], 'source', "
             "[[0, length(src_name)]], 'target', [[target_start, target_start + "
             "length(tgt_name)]]" + (", 'location', [target_start + length(tgt_name) + 4, "
                                     "target_start + length(tgt_name) + 4 + length(city)]"
                                     if located else "") + ")")
    location = (", city AS location_name, lat AS location_lat, lon AS location_lon, "
                "city_country AS location_country, 'city' AS location_precision"
                if located else "")
    con.execute("""
        INSERT INTO articles BY NAME
        SELECT article_id AS id, 'generated-' || i AS doc_id,
               'https://news' || (i % 9) || '.example/' || i AS url,
               src_name || ' and ' || tgt_name AS title, 'news' || (i % 9) || '.example' AS outlet,
               day AS published, sentence AS text, 'en' AS language, 'generated' AS coder_version
        FROM generated_text""")
    sides = ("[src_code] AS source_codes, [src_country] AS source_countries, "
             "[src_name] AS source_names, [tgt_code] AS target_codes, "
             "[substr(tgt_code, 1, 3)] AS target_countries, [tgt_name] AS target_names")
    common = (f"event, cameo, substr(cameo, 1, 2) AS cameo_root, "
              f"quad AS quad_class, gold AS goldstein, {sides}, day AS event_date, FALSE AS "
              f"negated, 'asserted' AS modality, 0.8 AS confidence, sentence{location}")
    con.execute(f"""
        INSERT INTO mentions BY NAME
        SELECT article_id || ':0' AS id, {common}, article_id, event_id, 0 AS sentence_index,
               json_object('name', src_name, 'code', src_code, 'text', src_name) AS source_json,
               json_object('name', tgt_name, 'code', tgt_code, 'text', tgt_name) AS target_json,
               split_part(verb, ' ', 1) AS trigger, trigger_start, trigger_end,
               {place} AS evidence_json, 1 AS repeats, 'generated' AS coder_version
        FROM generated_text""")
    con.execute(f"""
        INSERT INTO events BY NAME
        SELECT event_id AS id, {common}, 'k' || i AS dedup_key, day AS first_seen, day AS last_seen,
               1 AS num_mentions, 1 AS num_articles, 1 AS num_sources, article_id,
               'https://news' || (i % 9) || '.example/' || i AS url
        FROM generated_text""")
    con.execute("INSERT INTO event_keys SELECT id, dedup_key FROM events "
                "WHERE starts_with(id, 'e')")
    con.execute("DROP TABLE generated_text; DROP TABLE generated")
