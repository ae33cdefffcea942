"""The store's tables (DuckDB). Documented column by column in the README.

articles   one row per article, keyed by a stable hash of its URL (else its normalised text)
mentions   one row per event coded in an article's sentence, with its evidence offsets
events     de-duplicated events: clusters of mentions of the same real-world event
actors     (view) every actor code seen, with its name, country, sector and counts
event_keys the de-duplication key of each event
meta       schema version and the de-duplication settings the clusters were built with
"""

from __future__ import annotations

SCHEMA_VERSION = "1"

# Both sides of an event, as parallel lists (compound actors have several members).
ACTOR_COLUMNS = ", ".join(f"{side}_{part} VARCHAR[]" for side in ("source", "target")
                          for part in ("codes", "countries", "names"))

DDL = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR,
        url VARCHAR,
        title VARCHAR,
        outlet VARCHAR,
        published DATE,
        text VARCHAR,
        language VARCHAR,
        ingested_at TIMESTAMP,
        coder_version VARCHAR
    )""",
    f"""CREATE TABLE IF NOT EXISTS mentions (
        id VARCHAR PRIMARY KEY,
        article_id VARCHAR,
        event_id VARCHAR,
        sentence_index INTEGER,
        sentence VARCHAR,
        event VARCHAR,
        cameo VARCHAR,
        cameo_root VARCHAR,
        mode VARCHAR,
        context VARCHAR[],
        {ACTOR_COLUMNS},
        source_json VARCHAR,
        target_json VARCHAR,
        event_date DATE,
        date_text VARCHAR,
        negated BOOLEAN,
        modality VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        confidence DOUBLE,
        trigger VARCHAR,
        trigger_start INTEGER,
        trigger_end INTEGER,
        evidence_json VARCHAR,
        repeats INTEGER,
        coder_version VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS event_keys (event_id VARCHAR PRIMARY KEY, dedup_key VARCHAR)""",
    f"""CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY,
        dedup_key VARCHAR,
        event VARCHAR,
        cameo VARCHAR,
        cameo_root VARCHAR,
        mode VARCHAR,
        quad_class INTEGER,
        goldstein DOUBLE,
        {ACTOR_COLUMNS},
        event_date DATE,
        first_seen DATE,
        last_seen DATE,
        num_mentions INTEGER,
        num_articles INTEGER,
        num_sources INTEGER,
        negated BOOLEAN,
        modality VARCHAR,
        confidence DOUBLE,
        sentence VARCHAR,
        article_id VARCHAR,
        url VARCHAR
    )""",
    """CREATE OR REPLACE VIEW actors AS
        WITH sides AS (
            SELECT unnest(source_codes) AS code, unnest(source_names) AS name,
                   unnest(source_countries) AS country, 'source' AS side, event_id
            FROM mentions WHERE NOT negated
            UNION ALL
            SELECT unnest(target_codes), unnest(target_names), unnest(target_countries),
                   'target', event_id
            FROM mentions WHERE NOT negated
        )
        SELECT code, any_value(name) AS name, any_value(country) AS country,
               count(*) AS num_mentions,
               count(DISTINCT event_id) AS num_events,
               count(*) FILTER (WHERE side = 'source') AS as_source,
               count(*) FILTER (WHERE side = 'target') AS as_target
        FROM sides WHERE code IS NOT NULL GROUP BY code""",
]
