// Migration 1: the first schema. Embedded as a string, not read from a .sql file at run time, so that
// the Next bundle, the CLIs and the tests all carry it with no file path to get wrong.
const initial = /* sql */ `
-- Briefmap's embedded store, first schema. Documents in JSON columns keep exactly what was written;
-- the plain columns beside them exist to filter, order and index.

CREATE TABLE store_meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO store_meta (key, value) VALUES ('revision', 0);

CREATE TABLE layers (
  id TEXT PRIMARY KEY,
  draw_order INTEGER NOT NULL,
  label_property TEXT NOT NULL,
  -- The manifest without its file name (LayerInput minus data), and the computed summary.
  manifest TEXT NOT NULL,
  summary TEXT NOT NULL,
  version INTEGER NOT NULL
);

-- Layers whose files failed validation: still listed so the analyst sees what is missing and why.
CREATE TABLE unavailable_layers (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  file TEXT NOT NULL,
  problems TEXT NOT NULL
);

-- AUTOINCREMENT: a feature key is never reused, so a cached point-in-area tester keyed on it
-- cannot outlive its feature, even when another process rewrites the layer.
CREATE TABLE features (
  fid INTEGER PRIMARY KEY AUTOINCREMENT,
  layer TEXT NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  feature TEXT NOT NULL,
  is_area INTEGER NOT NULL,
  -- Every name the feature goes by (properties and the manifest's aliases), folded, one per line.
  names TEXT NOT NULL,
  UNIQUE (layer, id)
);

-- Feature bounding boxes, to find the areas a point may lie in without visiting every feature.
CREATE VIRTUAL TABLE feature_boxes USING rtree(id, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  publisher TEXT,
  published TEXT NOT NULL,
  -- The article's fields without its text (ArticleInput minus text), and the text apart.
  meta TEXT NOT NULL,
  text TEXT NOT NULL,
  search TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX articles_newest ON articles (published DESC, id);

CREATE TABLE events (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  article TEXT NOT NULL REFERENCES articles(id),
  type TEXT NOT NULL,
  start TEXT NOT NULL,
  end TEXT NOT NULL,
  precision TEXT NOT NULL,
  bound TEXT NOT NULL,
  geo_precision TEXT NOT NULL,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  -- The event as written (BriefEvent) and its places resolved to names and points.
  body TEXT NOT NULL,
  places TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX events_list_order ON events (start, end, id);
CREATE INDEX events_by_article ON events (article, start, end, id);
CREATE INDEX events_by_type ON events (type, start, end, id);

-- Marker position and time span; float32 boxes, so every hit is rechecked on the real columns.
CREATE VIRTUAL TABLE event_boxes USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_day, max_day);

-- Folded text \`q\` searches (words, places and their alternate names, quotes); trigrams make any
-- substring of three or more characters an index lookup.
CREATE VIRTUAL TABLE event_text USING fts5(text, tokenize = 'trigram remove_diacritics 1');

-- The layer features an event names (where it happened, what it is about).
CREATE TABLE event_places (
  event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  layer TEXT NOT NULL,
  feature TEXT NOT NULL,
  PRIMARY KEY (event, layer, feature)
) WITHOUT ROWID;
CREATE INDEX event_places_by_feature ON event_places (layer, feature);

-- Which events touch which layer (named in it, or a marker inside one of its areas), computed
-- when an event or a layer is written so that a layer filter is a join.
CREATE TABLE layer_members (
  layer TEXT NOT NULL,
  event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  PRIMARY KEY (layer, event)
) WITHOUT ROWID;
CREATE INDEX layer_members_by_event ON layer_members (event);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_by_entity ON audit (entity, entity_id, id);
`;

export default initial;
