import type { Feature, MultiPolygon, Polygon } from "geojson";
import { areaBounds } from "@/lib/events/index-area";
import type { LoadedEvent } from "@/lib/model/event";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { BriefEvent } from "@/lib/model/schema";
import { eventSearchText, featureNames, fold } from "../search-text";
import type { ArticleInput, LayerInput } from "../store";
import { featureRefs } from "../validate";
import type { AreaTesters } from "./area-testers";
import { dayCoordinate } from "./event-conditions";
import type { Statements } from "./statements";

/**
 * The row-level writes of the SQLite store, each keeping the side tables (R*Trees, text index,
 * named places, layer membership) in step with the main rows. Callers run them inside a transaction.
 */
export class Records {
  constructor(
    private readonly s: Statements,
    private readonly testers: AreaTesters,
  ) {}

  // ---- events

  /** Writes an event (insert, or update in place when `rowid` is given) and everything derived from it. */
  putEvent(event: LoadedEvent, version: number, rowid?: number): number {
    const body = JSON.stringify(bodyOf(event));
    const places = JSON.stringify({ place: event.place, aboutPlaces: event.aboutPlaces });
    const [lon, lat] = event.place.point;
    const t = event.time;
    const columns = [event.article, event.type, t.start, t.end, t.precision, t.bound, event.geoPrecision, lon, lat, body, places, version] as const;
    if (rowid === undefined) {
      rowid = Number(this.s.insertEvent.run(event.id, ...columns).lastInsertRowid);
    } else {
      this.s.updateEvent.run(...columns, rowid);
      this.s.deleteEventText.run(rowid);
      this.s.deleteEventPlaces.run(rowid);
      this.s.deleteMembersOfEvent.run(rowid);
    }
    this.s.upsertEventBox.run(rowid, lon, lon, lat, lat, dayCoordinate(t.start, 0), dayCoordinate(t.end, 99_999_999));
    const refs = featureRefs(event);
    const alternate: string[] = [];
    for (const ref of refs) {
      this.s.insertEventPlace.run(rowid, ref.layer, ref.feature);
      const names = this.s.featureNames.get(ref.layer, ref.feature) as string | undefined;
      if (names) alternate.push(...names.split("\n").filter(Boolean));
    }
    this.s.insertEventText.run(rowid, eventSearchText(event, [...new Set(alternate)]));
    for (const layer of new Set(refs.map((r) => r.layer))) this.s.insertMember.run(layer, rowid);
    // A marker standing for a whole country or region says nothing about the areas it lands in.
    if (event.geoPrecision !== "country" && event.geoPrecision !== "region") {
      for (const area of this.s.areasAt.all(lon, lon, lat, lat) as { fid: number; layer: string }[]) {
        const inside = this.testers.tester(area.fid, () => this.loadArea(area.fid));
        if (inside(lon, lat)) this.s.insertMember.run(area.layer, rowid);
      }
    }
    return rowid;
  }

  deleteEvent(rowid: number): void {
    this.s.deleteEventBox.run(rowid);
    this.s.deleteEventText.run(rowid);
    this.s.deleteEvent.run(rowid);
  }

  // ---- articles

  putArticle(article: ArticleInput, version: number, exists: boolean): void {
    const { text, ...meta } = article;
    const search = fold([article.title, article.publisher ?? ""].join("\n"));
    if (exists) this.s.updateArticle.run(article.title, article.publisher, article.published, JSON.stringify(meta), text, search, version, article.id);
    else this.s.insertArticle.run(article.id, article.title, article.publisher, article.published, JSON.stringify(meta), text, search, version);
  }

  // ---- layers

  /** Writes a layer and its features; membership of events is left to `refreshLayerMembers`. */
  putLayer(layer: LayerInput & { summary: LayerSummary }, version: number): void {
    const { data, summary, ...manifest } = layer;
    this.removeLayerRows(layer.id);
    this.s.insertLayer.run(layer.id, layer.order, layer.labelProperty, JSON.stringify(manifest), JSON.stringify(summary), version);
    data.features.forEach((feature, position) => {
      const id = String(feature.id);
      const names = featureNames(feature, layer.labelProperty, layer.aliases?.[id]);
      const area = isArea(feature);
      const fid = Number(this.s.insertFeature.run(layer.id, id, position, JSON.stringify(feature), area ? 1 : 0, names.join("\n")).lastInsertRowid);
      const box = boundsOf(feature);
      if (box) this.s.insertFeatureBox.run(fid, box[0], box[2], box[1], box[3]);
    });
  }

  /** Removes a layer's rows, its features and their boxes, and its membership entries. */
  removeLayerRows(id: string): void {
    for (const fid of this.s.featureFids.all(id) as number[]) this.s.deleteFeatureBox.run(fid);
    this.s.deleteFeatures.run(id);
    this.s.deleteMembersOfLayer.run(id);
    this.s.deleteLayer.run(id);
  }

  /**
   * Recomputes which events touch a layer: those naming its features, and those whose marker lies
   * inside one of its areas. Only markers inside an area's bounding box (the events R*Tree) are tested.
   */
  refreshLayerMembers(layer: string): void {
    this.s.deleteMembersOfLayer.run(layer);
    this.s.membersFromPlaces.run(layer);
    const areas = this.s.areasOf.all(layer) as { fid: number; min_lon: number; max_lon: number; min_lat: number; max_lat: number }[];
    for (const a of areas) {
      const candidates = this.s.pointsIn.all(a.min_lon, a.max_lon, a.min_lat, a.max_lat) as { rowid: number; lon: number; lat: number }[];
      if (candidates.length === 0) continue;
      const inside = this.testers.tester(a.fid, () => this.loadArea(a.fid), candidates.length);
      for (const c of candidates) if (inside(c.lon, c.lat)) this.s.insertMember.run(layer, c.rowid);
    }
  }

  private loadArea(fid: number): Feature<Polygon | MultiPolygon> {
    return JSON.parse(this.s.featureByFid.get(fid) as string) as Feature<Polygon | MultiPolygon>;
  }
}

/** The event as written, without what the store resolves (place names and points). */
export function bodyOf(event: LoadedEvent | BriefEvent): BriefEvent {
  const { place: _place, aboutPlaces: _about, ...body } = event as LoadedEvent;
  return body;
}

function isArea(feature: Feature): feature is Feature<Polygon | MultiPolygon> {
  return feature.geometry?.type === "Polygon" || feature.geometry?.type === "MultiPolygon";
}

/** A feature's bounding box [W, S, E, N]; areas only are tested for membership, but all are indexed. */
function boundsOf(feature: Feature): [number, number, number, number] | undefined {
  if (isArea(feature)) return areaBounds(feature);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number") {
      minX = Math.min(minX, c[0]);
      minY = Math.min(minY, c[1]);
      maxX = Math.max(maxX, c[0]);
      maxY = Math.max(maxY, c[1]);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  visit((feature.geometry as { coordinates?: unknown } | null)?.coordinates);
  return minX <= maxX ? [minX, minY, maxX, maxY] : undefined;
}
