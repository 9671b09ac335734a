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
-- Stories (dedup/): one row per story, the story of each article, and merged events with their raw events.
CREATE TABLE IF NOT EXISTS stories (
    story_id VARCHAR PRIMARY KEY,
    title VARCHAR,
    first_seen DATE,
    last_seen DATE,
    num_articles INTEGER,
    num_sources INTEGER,
    num_events INTEGER,
    num_merged_events INTEGER,
    top_terms VARCHAR[],
    updated_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL,
    seq BIGINT NOT NULL,
    similarity DOUBLE,
    opened BOOLEAN,
    features JSON,
    assigned_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS merged_events (
    merged_id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    modality VARCHAR,
    actors JSON,
    recipients JSON,
    actor_countries VARCHAR[],
    recipient_countries VARCHAR[],
    date VARCHAR,
    date_precision VARCHAR,
    event_date DATE,
    location JSON,
    place_name VARCHAR,
    num_mentions INTEGER,
    num_articles INTEGER,
    num_sources INTEGER,
    first_seen DATE,
    last_seen DATE,
    confidence DOUBLE,
    merged_json JSON NOT NULL,
    state JSON
);
CREATE TABLE IF NOT EXISTS merged_event_members (
    event_id VARCHAR PRIMARY KEY,
    merged_id VARCHAR NOT NULL,
    story_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL
);
-- Raw events with their story and merged event; the evidence of each merged event, one row per mention.
CREATE VIEW IF NOT EXISTS story_events AS
    SELECT e.*, s.story_id, m.merged_id
    FROM events e
    LEFT JOIN story_articles s ON s.article_id = e.article_id
    LEFT JOIN merged_event_members m ON m.event_id = e.event_id;
CREATE VIEW IF NOT EXISTS merged_event_evidence AS
    SELECT m.merged_id, m.story_id, e.event_id, e.article_id, a.source, a.published, a.title,
           e.evidence_text, e.evidence_start, e.evidence_end, e.trigger_text, e.rule, e.confidence
    FROM merged_event_members m
    JOIN events e ON e.event_id = m.event_id
    JOIN articles a ON a.article_id = e.article_id;
"""
