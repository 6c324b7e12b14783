// Migration 1: the first PostGIS schema. Embedded as a string, not read from a .sql file at run time,
// so that the Next bundle, the CLIs and the tests carry it with no file path to get wrong.
//
// Plain PostgreSQL + PostGIS only (no triggers, no functions of our own), so that Citus can
// distribute it later: see the README's "PostgreSQL / PostGIS" section for the distribution keys.
const initial = /* sql */ `
-- Documents (an event as written, a manifest, a feature) are \`json\`, not \`jsonb\`: json keeps the
-- text exactly as written, key order included, so that db:export gives back the files it was fed
-- and diffs stay small. The plain columns beside them exist to filter, order and index.

CREATE EXTENSION IF NOT EXISTS postgis;
-- Trigrams make any substring of three or more characters of the folded text an index lookup,
-- the same semantics as the SQLite backend's FTS5 trigram table.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row: the revision counter every committed write increases (caches key on it).
CREATE TABLE store_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  revision bigint NOT NULL DEFAULT 0
);
INSERT INTO store_state DEFAULT VALUES;

CREATE TABLE layers (
  id text COLLATE "C" PRIMARY KEY,
  draw_order integer NOT NULL,
  -- The manifest without its file name (LayerInput minus data), and the computed summary.
  manifest json NOT NULL,
  summary json NOT NULL,
  version integer NOT NULL
);

-- Layers whose files failed validation: still listed so the analyst sees what is missing and why.
CREATE TABLE unavailable_layers (
  id text COLLATE "C" PRIMARY KEY,
  title text NOT NULL,
  file text NOT NULL,
  problems json NOT NULL
);

CREATE TABLE features (
  layer text COLLATE "C" NOT NULL REFERENCES layers (id) ON DELETE CASCADE,
  id text COLLATE "C" NOT NULL,
  position integer NOT NULL,
  -- The GeoJSON feature as written; geom is the same geometry for spatial joins.
  feature json NOT NULL,
  geom geometry(Geometry, 4326) NOT NULL,
  is_area boolean NOT NULL,
  -- Every name the feature goes by (its name properties), folded, one per line.
  names text NOT NULL,
  PRIMARY KEY (layer, id)
);
CREATE INDEX features_geom ON features USING gist (geom) WHERE is_area;

CREATE TABLE articles (
  id text COLLATE "C" PRIMARY KEY,
  published text COLLATE "C" NOT NULL,
  -- The article's fields without its text (ArticleInput minus text), and the text apart.
  meta json NOT NULL,
  text text NOT NULL,
  -- Title and publisher, folded: what the articles panel filter searches.
  search text NOT NULL,
  version integer NOT NULL
);
CREATE INDEX articles_newest ON articles (published DESC, id);

CREATE TABLE events (
  id text COLLATE "C" PRIMARY KEY,
  article text COLLATE "C" NOT NULL REFERENCES articles (id),
  type text NOT NULL,
  -- YYYY-MM-DD as written; "C" collation orders them (and ids) by code point, as SQLite does.
  time_start text COLLATE "C" NOT NULL,
  time_end text COLLATE "C" NOT NULL,
  -- The span as day keys YYYYMMDD (inclusive): a window filter is a range overlap.
  days int4range NOT NULL,
  geo_precision text NOT NULL,
  -- Where the event's marker sits (the resolved place's point).
  point geometry(Point, 4326) NOT NULL,
  -- The event as written (BriefEvent) and its places resolved to names and points.
  body json NOT NULL,
  places json NOT NULL,
  -- Folded text q searches: words, places and their alternate names, quotes.
  search text NOT NULL,
  version integer NOT NULL
);
CREATE INDEX events_list_order ON events (time_start, time_end, id);
CREATE INDEX events_by_article ON events (article, time_start, time_end, id);
-- Map view + time window in one index: a bbox and a day range narrow together.
CREATE INDEX events_where_when ON events USING gist (point, days);
CREATE INDEX events_search ON events USING gin (search gin_trgm_ops);

-- The layer features an event names (where it happened, what it is about).
CREATE TABLE event_places (
  event text COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  layer text COLLATE "C" NOT NULL,
  feature text COLLATE "C" NOT NULL,
  PRIMARY KEY (event, layer, feature)
);
CREATE INDEX event_places_by_feature ON event_places (layer, feature);

-- Which events touch which layer (named in it, or a marker inside one of its areas), computed
-- when an event or a layer is written so that a layer filter is a join.
CREATE TABLE layer_members (
  layer text COLLATE "C" NOT NULL,
  event text COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  PRIMARY KEY (layer, event)
);
CREATE INDEX layer_members_by_event ON layer_members (event);

CREATE TABLE audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  before json,
  after json
);
CREATE INDEX audit_by_entity ON audit (entity, entity_id, id);
`;

export default initial;
