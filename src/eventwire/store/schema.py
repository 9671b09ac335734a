"""The DuckDB schema. Typed columns for querying beside the exact event JSON, so exports round-trip."""

SCHEMA_VERSION = 1

TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY,
    source VARCHAR,
    url VARCHAR,
    published DATE,
    section VARCHAR,
    title VARCHAR,
    text VARCHAR NOT NULL,
    lang VARCHAR,
    path VARCHAR,
    local_time VARCHAR,
    segments JSON,
    extra JSON,
    n_events INTEGER,
    ingested_at TIMESTAMP,
    pipeline_version VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR[],
    actors JSON,
    recipients JSON,
    actor_countries VARCHAR[],
    recipient_countries VARCHAR[],
    actor_sectors VARCHAR[],
    recipient_sectors VARCHAR[],
    date VARCHAR,
    date_precision VARCHAR,
    event_date DATE,
    location JSON,
    place_name VARCHAR,
    geonames_id BIGINT,
    place_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    modality VARCHAR,
    attributed_to JSON,
    evidence_text VARCHAR,
    evidence_start INTEGER,
    evidence_end INTEGER,
    confidence DOUBLE,
    trigger_text VARCHAR,
    rule VARCHAR,
    pipeline_version VARCHAR,
    event_json JSON NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR,
    value JSON,
    PRIMARY KEY (article_id, kind, start_char, end_char)
);
CREATE TABLE IF NOT EXISTS rejects (
    path VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR,
    rejected_at TIMESTAMP,
    PRIMARY KEY (path, reason)
);
"""
