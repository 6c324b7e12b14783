import type { Statement } from "better-sqlite3";
import type { Db } from "./database";

/** Prepared once per connection: the statements every write and read repeats. */
export function prepareStatements(db: Db) {
  const s = <T extends unknown[] = unknown[]>(sql: string) => db.prepare<T>(sql) as Statement<T>;
  return {
    revision: s("SELECT value FROM store_meta WHERE key = 'revision'").pluck(),
    bumpRevision: s("UPDATE store_meta SET value = value + 1 WHERE key = 'revision'"),
    audit: s("INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)"),

    layerRow: s("SELECT id, manifest, summary, version, label_property FROM layers WHERE id = ?"),
    layerVersion: s("SELECT version FROM layers WHERE id = ?").pluck(),
    labelProperty: s("SELECT label_property FROM layers WHERE id = ?").pluck(),
    insertLayer: s("INSERT INTO layers (id, draw_order, label_property, manifest, summary, version) VALUES (?, ?, ?, ?, ?, ?)"),
    deleteLayer: s("DELETE FROM layers WHERE id = ?"),
    featureFids: s("SELECT fid FROM features WHERE layer = ?").pluck(),
    insertFeature: s("INSERT INTO features (layer, id, position, feature, is_area, names) VALUES (?, ?, ?, ?, ?, ?)"),
    insertFeatureBox: s("INSERT INTO feature_boxes (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)"),
    deleteFeatureBox: s("DELETE FROM feature_boxes WHERE id = ?"),
    deleteFeatures: s("DELETE FROM features WHERE layer = ?"),
    feature: s("SELECT feature FROM features WHERE layer = ? AND id = ?").pluck(),
    featureByFid: s("SELECT feature FROM features WHERE fid = ?").pluck(),
    featureNames: s("SELECT names FROM features WHERE layer = ? AND id = ?").pluck(),
    areasAt: s(
      `SELECT f.fid, f.layer FROM feature_boxes b JOIN features f ON f.fid = b.id
       WHERE b.min_lon <= ? AND b.max_lon >= ? AND b.min_lat <= ? AND b.max_lat >= ? AND f.is_area = 1`,
    ),
    areasOf: s("SELECT f.fid, b.min_lon, b.max_lon, b.min_lat, b.max_lat FROM features f JOIN feature_boxes b ON b.id = f.fid WHERE f.layer = ? AND f.is_area = 1"),

    articleRow: s("SELECT meta, text, version FROM articles WHERE id = ?"),
    articleText: s("SELECT text FROM articles WHERE id = ?").pluck(),
    articleVersion: s("SELECT version FROM articles WHERE id = ?").pluck(),
    insertArticle: s("INSERT INTO articles (id, title, publisher, published, meta, text, search, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
    updateArticle: s("UPDATE articles SET title = ?, publisher = ?, published = ?, meta = ?, text = ?, search = ?, version = ? WHERE id = ?"),
    deleteArticle: s("DELETE FROM articles WHERE id = ?"),
    eventsOfArticle: s("SELECT rowid FROM events WHERE article = ?").pluck(),

    eventRow: s("SELECT rowid, body, places, version FROM events WHERE id = ?"),
    eventRowByRowid: s("SELECT rowid, id, body, places, version FROM events WHERE rowid = ?"),
    eventsNaming: s("SELECT DISTINCT event FROM event_places WHERE layer = ?").pluck(),
    insertEvent: s(
      "INSERT INTO events (id, article, type, start, end, precision, bound, geo_precision, lon, lat, body, places, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    updateEvent: s(
      "UPDATE events SET article = ?, type = ?, start = ?, end = ?, precision = ?, bound = ?, geo_precision = ?, lon = ?, lat = ?, body = ?, places = ?, version = ? WHERE rowid = ?",
    ),
    deleteEvent: s("DELETE FROM events WHERE rowid = ?"),
    upsertEventBox: s("INSERT OR REPLACE INTO event_boxes (id, min_lon, max_lon, min_lat, max_lat, min_day, max_day) VALUES (?, ?, ?, ?, ?, ?, ?)"),
    deleteEventBox: s("DELETE FROM event_boxes WHERE id = ?"),
    insertEventText: s("INSERT INTO event_text (rowid, text) VALUES (?, ?)"),
    deleteEventText: s("DELETE FROM event_text WHERE rowid = ?"),
    insertEventPlace: s("INSERT OR IGNORE INTO event_places (event, layer, feature) VALUES (?, ?, ?)"),
    deleteEventPlaces: s("DELETE FROM event_places WHERE event = ?"),
    insertMember: s("INSERT OR IGNORE INTO layer_members (layer, event) VALUES (?, ?)"),
    deleteMembersOfEvent: s("DELETE FROM layer_members WHERE event = ?"),
    deleteMembersOfLayer: s("DELETE FROM layer_members WHERE layer = ?"),
    membersFromPlaces: s("INSERT OR IGNORE INTO layer_members (layer, event) SELECT DISTINCT layer, event FROM event_places WHERE layer = ?"),
    pointsIn: s(
      `SELECT e.rowid, e.lon, e.lat FROM event_boxes b JOIN events e ON e.rowid = b.id
       WHERE b.max_lon >= ? AND b.min_lon <= ? AND b.max_lat >= ? AND b.min_lat <= ?
         AND e.geo_precision NOT IN ('country', 'region')`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
