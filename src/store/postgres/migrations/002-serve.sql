-- The SQLite store's 002-serve.sql: the change sequence, actor, place and full-text lookups. Where
-- SQLite needs side tables (R*Tree, FTS5), PostgreSQL indexes the events table itself.

-- One row that every writer updates: its row lock orders the change numbers by commit, so a client
-- syncing with `since=` never skips a change that a slower transaction commits later.
CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
INSERT INTO counters (name, value) VALUES ('change', 0);

ALTER TABLE events ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN n_sources INTEGER NOT NULL DEFAULT 1;
CREATE INDEX events_seq ON events(seq);
CREATE INDEX events_date_id ON events(event_date, id);
DROP INDEX events_date;
CREATE INDEX events_type_date ON events(event_type, event_date);
ALTER TABLE event_tombstones ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX event_tombstones_seq ON event_tombstones(seq);

-- Actor names match without case (SQLite's NOCASE), exactly or by prefix.
CREATE TABLE event_actors (
  actor TEXT NOT NULL,
  event_date TEXT COLLATE "C" NOT NULL,
  event_id TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (actor, event_date, event_id)
);
CREATE INDEX event_actors_name ON event_actors(lower(actor), event_date, event_id);
CREATE INDEX event_actors_prefix ON event_actors(lower(actor) text_pattern_ops);
CREATE INDEX event_actors_event ON event_actors(event_id);

-- bbox= through a GiST index on the point; plain latitude/longitude columns stay the record's truth.
CREATE INDEX events_point ON events USING gist (point(longitude, latitude));

-- The folded, stemmed words of the evidence and notes (src/store/search-text.ts), as exact lexemes.
ALTER TABLE events ADD COLUMN search TSVECTOR;
CREATE INDEX events_search ON events USING gin (search);
