import type { Feature, MultiPolygon, Polygon } from "geojson";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { areaTester } from "@/lib/events/index-area";

type Tester = (lon: number, lat: number) => boolean;

/** Testers kept at once: each grid takes about half a megabyte. */
const KEPT = 32;

/** Fewer candidate points than this are tested on the outline directly; building a grid would cost more. */
const GRID_WORTH_IT = 64;

/**
 * Point-in-area testers by feature key (`features.fid`, never reused, so an entry cannot outlive its
 * feature), least recently used dropped first. A grid (`areaTester`) is built only for an area
 * that is asked about often enough to repay it; the answers are the same either way.
 */
export class AreaTesters {
  private readonly testers = new Map<number, { tester: Tester; grid: boolean }>();

  tester(fid: number, load: () => Feature<Polygon | MultiPolygon>, expectedPoints = 1): Tester {
    const kept = this.testers.get(fid);
    if (kept?.grid) {
      this.testers.delete(fid);
      this.testers.set(fid, kept);
      return kept.tester;
    }
    const feature = load();
    // Asked a second time (an import, a stream of writes in one area), or for many points at once.
    const grid = expectedPoints >= GRID_WORTH_IT || kept !== undefined;
    const tester: Tester = grid ? areaTester(feature) : (lon, lat) => booleanPointInPolygon([lon, lat], feature);
    this.testers.delete(fid);
    this.testers.set(fid, { tester, grid });
    while (this.testers.size > KEPT) this.testers.delete(this.testers.keys().next().value!);
    return tester;
  }
}
