"""The store's tables (DuckDB). Documented column by column in the README.

articles   one row per article, keyed by a stable hash of its URL (else its normalised text)
mentions   one row per event coded in an article's sentence, with its evidence offsets
events     de-duplicated events: clusters of mentions of the same real-world event
actors     (view) every actor code seen, with its name, country, sector and counts
event_keys the de-duplication key of each event
facts      article-level figures not tied to an event (population...), with their subject
meta       schema version and the de-duplication settings the clusters were built with

Stores written by an older schema get the newer columns and tables (empty) when opened for
writing: `MIGRATIONS` below.
"""

from __future__ import annotations

SCHEMA_VERSION = "2"

# Both sides of an event, as parallel lists (compound actors have several members).
ACTOR_COLUMNS = ", ".join(f"{side}_{part} VARCHAR[]" for side in ("source", "target")
                          for part in ("codes", "countries", "names"))

# Where the event happened (see `where`), the same columns on mentions and events.
LOCATION_FIELDS = (("location_name", "VARCHAR"), ("location_geonames_id", "BIGINT"),
                   ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"),
                   ("location_admin1", "VARCHAR"), ("location_country", "VARCHAR"),
                   ("location_feature_class", "VARCHAR"), ("location_precision", "VARCHAR"),
                   ("location_text", "VARCHAR"))
# Numbers stated about the event (JSON list of {type, value, unit, text, qualifier}) and the
# tone of its sentence (events: the mean over their mentions).
MEASURE_FIELDS = (("numbers_json", "VARCHAR"), ("tone", "DOUBLE"))
ADDED_FIELDS = LOCATION_FIELDS + MEASURE_FIELDS
ADDED_COLUMNS = ",\n        ".join(f"{name} {kind}" for name, kind in ADDED_FIELDS)

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
        coder_version VARCHAR,
        tone DOUBLE
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
        coder_version VARCHAR,
        {ADDED_COLUMNS}
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
        url VARCHAR,
        {ADDED_COLUMNS}
    )""",
    """CREATE TABLE IF NOT EXISTS facts (
        id VARCHAR PRIMARY KEY,
        article_id VARCHAR,
        sentence_index INTEGER,
        subject_code VARCHAR,
        subject_country VARCHAR,
        subject_name VARCHAR,
        kind VARCHAR,
        value DOUBLE,
        unit VARCHAR,
        qualifier VARCHAR,
        text VARCHAR,
        start_offset INTEGER,
        end_offset INTEGER
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

# Columns added since schema 1, added to older stores when they are opened for writing.
MIGRATIONS = [f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {name} {kind}"
              for table in ("mentions", "events") for name, kind in ADDED_FIELDS] + \
    ["ALTER TABLE articles ADD COLUMN IF NOT EXISTS tone DOUBLE"]


def added_event_columns(arg_max: str, mention_key: str) -> str:
    """SELECT items for an event's location, numbers and tone from its mentions `m`, for
    DuckDB (`arg_max_null`, `printf`) and Spark (`max_by`, `format_string`) alike: all location
    columns come from one mention — the most confident placed one, ties broken by mention id."""
    def best(column: str, present: str) -> str:
        return f"{arg_max}(m.{column}, CASE WHEN {present} THEN {mention_key} END) AS {column}"
    items = [best(name, "m.location_name IS NOT NULL") for name, _ in LOCATION_FIELDS]
    items.append(best("numbers_json", "m.numbers_json <> '[]'"))
    items.append("avg(m.tone) AS tone")
    return ",\n       ".join(items)
