-- The same tables as the SQLite store's 001-initial.sql, in PostgreSQL's types. Keys and dates use the
-- "C" collation so that they sort by code point, as SQLite and JavaScript sort them: the (date, id)
-- cursor and the block names must order the same on both stores.
CREATE TABLE articles (
  id TEXT COLLATE "C" PRIMARY KEY,
  url TEXT UNIQUE,
  external_id TEXT,
  outlet TEXT,
  published TEXT,
  lang TEXT,
  title TEXT,
  text TEXT NOT NULL,
  origin TEXT,
  ingested_at BIGINT NOT NULL
);

CREATE TABLE reports (
  id TEXT COLLATE "C" PRIMARY KEY,
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
  event_id TEXT COLLATE "C" NOT NULL,
  block TEXT COLLATE "C" NOT NULL,
  family TEXT,
  day_lo INTEGER,
  day_hi INTEGER,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  cell INTEGER,
  admin1 TEXT,
  record TEXT NOT NULL
);
CREATE INDEX reports_near ON reports(family, cell, day_lo);
CREATE INDEX reports_region ON reports(family, admin1, day_lo);
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_block_id ON reports(block);
CREATE INDEX reports_article ON reports(article_id);

CREATE TABLE events (
  id TEXT COLLATE "C" PRIMARY KEY,
  record TEXT NOT NULL,
  event_date TEXT COLLATE "C",
  country TEXT,
  admin1 TEXT,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  actor1 TEXT,
  actor2 TEXT,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  geo_precision INTEGER,
  time_precision INTEGER,
  fatalities INTEGER,
  background INTEGER NOT NULL,
  n_articles INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX events_country_date ON events(country, event_date);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_updated ON events(updated_at);

CREATE TABLE event_tombstones (
  id TEXT COLLATE "C" PRIMARY KEY,
  merged_into TEXT,
  removed_at BIGINT NOT NULL
);

CREATE TABLE claims (
  id TEXT COLLATE "C" PRIMARY KEY,
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
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
