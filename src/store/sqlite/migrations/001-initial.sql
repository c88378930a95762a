-- Articles are keyed by the hash of their normalized text: the same article twice is one row.
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  url TEXT UNIQUE,
  external_id TEXT,
  outlet TEXT,
  published TEXT,
  lang TEXT,
  title TEXT,
  text TEXT NOT NULL,
  origin TEXT,
  ingested_at INTEGER NOT NULL
);

-- Event sources: one event as one article reported it. The merge key columns find candidates;
-- `block` names the closed set of reports linked by possible same-event links (src/merge), so a new
-- report regroups its block without walking the links again.
CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  event_id TEXT NOT NULL,
  block TEXT NOT NULL,
  family TEXT,
  day_lo INTEGER,
  day_hi INTEGER,
  latitude REAL,
  longitude REAL,
  -- A half-degree grid cell (about 55 km): a place search reads at most four cells.
  cell INTEGER,
  admin1 TEXT,
  record TEXT NOT NULL
);
CREATE INDEX reports_near ON reports(family, cell, day_lo);
CREATE INDEX reports_region ON reports(family, admin1, day_lo);
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_block_id ON reports(block);
CREATE INDEX reports_article ON reports(article_id);

-- Merged events: the record every interface speaks, plus columns for filters.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  record TEXT NOT NULL,
  event_date TEXT,
  country TEXT,
  admin1 TEXT,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  actor1 TEXT,
  actor2 TEXT,
  latitude REAL,
  longitude REAL,
  geo_precision INTEGER,
  time_precision INTEGER,
  fatalities INTEGER,
  background INTEGER NOT NULL,
  n_articles INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX events_country_date ON events(country, event_date);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_updated ON events(updated_at);

-- An event that was merged into another or split up, so that clients syncing by time see it go.
CREATE TABLE event_tombstones (
  id TEXT PRIMARY KEY,
  merged_into TEXT,
  removed_at INTEGER NOT NULL
);

CREATE TABLE claims (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  kind TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX claims_article ON claims(article_id);

CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  outlet TEXT,
  title TEXT,
  added_at TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT,
  last_ok_at TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_poll_at TEXT,
  items_seen INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE feed_items (
  feed_url TEXT NOT NULL REFERENCES feeds(url),
  item_key TEXT NOT NULL,
  article_id TEXT,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (feed_url, item_key)
);
