-- For the HTTP API: a change sequence that clients sync by, actor and full-text lookups.

-- Every change to an event or a tombstone takes the next number: `since=` reads what came after.
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO counters (name, value) VALUES ('change', 0);

ALTER TABLE events ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN n_sources INTEGER NOT NULL DEFAULT 1;
CREATE INDEX events_seq ON events(seq);
CREATE INDEX events_date_id ON events(event_date, id);
DROP INDEX events_date; -- events_date_id serves the same reads
CREATE INDEX events_type_date ON events(event_type, event_date);
ALTER TABLE event_tombstones ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX event_tombstones_seq ON event_tombstones(seq);

-- actor1, actor2 and the associated actors of each event, for actor= and the actor-pair counts.
-- The date is part of the key, so that one actor's newest events are read in order, with no sort.
CREATE TABLE event_actors (
  actor TEXT NOT NULL COLLATE NOCASE,
  event_date TEXT NOT NULL,
  event_id TEXT NOT NULL,
  PRIMARY KEY (actor, event_date, event_id)
) WITHOUT ROWID;
CREATE INDEX event_actors_event ON event_actors(event_id);

-- Events with coordinates, for bbox= over a small area (a large one reads the date index instead).
CREATE VIRTUAL TABLE events_rtree USING rtree(id, south, north, west, east);

-- The evidence and notes of each event, folded (no diacritics, one alef...) with each word's
-- clitic-free stems, so that q= matches whatever spelling the source used.
CREATE VIRTUAL TABLE events_fts USING fts5(event_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');
