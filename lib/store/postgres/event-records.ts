import type { Feature } from "geojson";
import { dayKey } from "@/lib/events/index-time";
import type { LoadedEvent } from "@/lib/model/event";
import type { BriefEvent } from "@/lib/model/schema";
import { eventSearchText } from "../search-text";
import { featureRefs, checkEventReferences, type EventContext } from "../validate";
import type { DataProblem } from "@/lib/model/problem";
import type { Queryable } from "./connection";
import { writtenEvent } from "./rows";

/** A feature as an event check needs it: the GeoJSON, its layer's label property and its folded names. */
export type KnownFeature = { feature: Feature; labelProperty: string; names: string[] };

/** Features by "layer\u0000feature". */
export type FeatureLookup = Map<string, KnownFeature>;
export const featureKey = (layer: string, feature: string) => `${layer}\u0000${feature}`;

/** One events row as the insert statement takes it (see `insertEvents`). */
export type EventRecord = {
  id: string;
  article: string;
  type: string;
  time_start: string;
  time_end: string;
  day_start: number;
  day_end: number;
  geo_precision: string;
  lon: number;
  lat: number;
  body: BriefEvent;
  places: { place: LoadedEvent["place"]; aboutPlaces: LoadedEvent["aboutPlaces"] };
  search: string;
  version: number;
  /** The features the event names (rows of event_places). */
  refs: { layer: string; feature: string }[];
};

/** Checks an event's references against what is known and builds its row; problems name the field. */
export function eventRecord(
  event: BriefEvent,
  articleText: string | undefined,
  features: FeatureLookup,
  version: number,
  source = "body",
  at?: string,
): { record?: EventRecord; problems: DataProblem[] } {
  const refs = dedupe(featureRefs(event));
  // Label properties of the layers this event names, taken from the features found in them.
  const labels = new Map<string, string>();
  for (const r of refs) {
    const known = features.get(featureKey(r.layer, r.feature));
    if (known) labels.set(r.layer, known.labelProperty);
  }
  const context: EventContext = {
    articleText,
    feature: (layer, feature) => features.get(featureKey(layer, feature))?.feature,
    labelProperty: (layer) => labels.get(layer) ?? "name",
  };
  const checked = checkEventReferences(event, context, source, at);
  if (!checked.value) return { problems: checked.problems };
  const loaded = checked.value;
  const names = refs.flatMap((r) => features.get(featureKey(r.layer, r.feature))?.names ?? []);
  return {
    problems: [],
    record: {
      id: loaded.id,
      article: loaded.article,
      type: loaded.type,
      time_start: loaded.time.start,
      time_end: loaded.time.end,
      // The schema holds both to YYYY-MM-DD, so a key always exists.
      day_start: dayKey(loaded.time.start) ?? 0,
      day_end: dayKey(loaded.time.end) ?? 0,
      geo_precision: loaded.geoPrecision,
      lon: loaded.place.point[0],
      lat: loaded.place.point[1],
      body: writtenEvent(loaded),
      places: { place: loaded.place, aboutPlaces: loaded.aboutPlaces },
      search: eventSearchText(loaded, [...new Set(names)]),
      version,
      refs,
    },
  };
}

function dedupe(refs: { layer: string; feature: string }[]) {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = featureKey(r.layer, r.feature);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads the features the events name from the store, with their layers' label properties and names. */
export async function lookupFeatures(db: Queryable, events: readonly BriefEvent[], into: FeatureLookup = new Map()): Promise<FeatureLookup> {
  const wanted = dedupe(events.flatMap(featureRefs)).filter((r) => !into.has(featureKey(r.layer, r.feature)));
  if (wanted.length === 0) return into;
  const { rows } = await db.query<{ layer: string; id: string; feature: Feature; names: string; label: string }>(
    `SELECT f.layer, f.id, f.feature, f.names, l.manifest->>'labelProperty' AS label
       FROM unnest($1::text[], $2::text[]) AS w(layer, id)
       JOIN features f ON f.layer = w.layer AND f.id = w.id
       JOIN layers l ON l.id = f.layer
        FOR SHARE OF f`,
    [wanted.map((r) => r.layer), wanted.map((r) => r.feature)],
  );
  for (const r of rows) into.set(featureKey(r.layer, r.id), { feature: r.feature, labelProperty: r.label ?? "name", names: r.names ? r.names.split("\n") : [] });
  return into;
}

const RECORD_COLUMNS = `id text, article text, type text, time_start text, time_end text, day_start integer, day_end integer,
  geo_precision text, lon float8, lat float8, body json, places json, search text, version integer`;

/**
 * Inserts events, the features they name and their layer membership: named in a layer, or (unless
 * the marker stands for a whole region or country) lying inside one of its areas, edges included.
 */
export async function insertEvents(db: Queryable, records: readonly EventRecord[], { members = true } = {}): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map(({ refs: _refs, ...row }) => row);
  await db.query(
    `INSERT INTO events (id, article, type, time_start, time_end, days, geo_precision, point, body, places, search, version)
     SELECT r.id, r.article, r.type, r.time_start, r.time_end, int4range(r.day_start, r.day_end, '[]'), r.geo_precision,
            ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), r.body, r.places, r.search, r.version
       FROM json_to_recordset($1::json) AS r(${RECORD_COLUMNS})`,
    [JSON.stringify(rows)],
  );
  const refs = records.flatMap((r) => r.refs.map((ref) => ({ event: r.id, ...ref })));
  if (refs.length > 0) {
    await db.query(
      `INSERT INTO event_places (event, layer, feature) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [refs.map((r) => r.event), refs.map((r) => r.layer), refs.map((r) => r.feature)],
    );
  }
  if (!members) return;
  await db.query(
    `INSERT INTO layer_members (layer, event)
       SELECT DISTINCT p.layer, p.event FROM event_places p WHERE p.event = ANY($1::text[])
       UNION
       SELECT DISTINCT f.layer, e.id FROM events e JOIN features f ON f.is_area AND ST_Covers(f.geom, e.point)
        WHERE e.id = ANY($1::text[]) AND e.geo_precision NOT IN ('region', 'country')
     ON CONFLICT DO NOTHING`,
    [records.map((r) => r.id)],
  );
}

/**
 * Recomputes which events touch any layer, after a bulk load. Each area is visited once and meets
 * the events in its box through the GiST index, so PostGIS tests the points against one prepared
 * polygon at a time; event by event, every test would start again on a new polygon (measured: 20,000
 * events 96 s the one way, see import.ts, against seconds this way).
 */
export async function refreshAllMembers(db: Queryable): Promise<void> {
  await db.query("ANALYZE events");
  await db.query("DELETE FROM layer_members");
  await db.query(
    `INSERT INTO layer_members (layer, event)
       SELECT p.layer, p.event FROM event_places p
       UNION
       SELECT f.layer, e.id FROM features f JOIN events e ON ST_Covers(f.geom, e.point)
        WHERE f.is_area AND e.geo_precision NOT IN ('region', 'country')`,
  );
}

/** Recomputes which events touch one layer, after its features changed. */
export async function refreshLayerMembers(db: Queryable, layer: string): Promise<void> {
  await db.query("DELETE FROM layer_members WHERE layer = $1", [layer]);
  await db.query(
    `INSERT INTO layer_members (layer, event)
       SELECT $1, p.event FROM event_places p WHERE p.layer = $1
       UNION
       SELECT $1, e.id FROM features f JOIN events e ON ST_Covers(f.geom, e.point)
        WHERE f.layer = $1 AND f.is_area AND e.geo_precision NOT IN ('region', 'country')`,
    [layer],
  );
}
