import { describe, expect, it } from "vitest";
import type { Place } from "@/lib/model/place";
import type { BBox } from "@/lib/model/layer-summary";
import { bboxOfPositions, boundsOfPlaces, unionBBox } from "./bounds";

// Fixtures: two places as the data resolves them (a layer feature and a bare point).
const PARIS: Place = { name: "Paris", layer: "paris", feature: "paris", point: [2.342, 48.857] };
const BUFFER_ZONE: Place = { name: "UNDOF Area of Separation", layer: "golan-buffer-zone", feature: "area-of-separation", point: [35.85, 33.05] };
const DAMASCUS_POINT: Place = { name: "Damascus", point: [36.29, 33.51] };

const BBOXES: Record<string, BBox> = {
  "paris/paris": [2.224, 48.815, 2.47, 48.902],
  "golan-buffer-zone/area-of-separation": [35.74, 32.69, 35.96, 33.34],
};
const featureBBox = (layer: string, feature: string) => BBOXES[`${layer}/${feature}`];

describe("boundsOfPlaces", () => {
  it("frames Paris and the buffer zone by their feature extents", () => {
    expect(boundsOfPlaces([PARIS, BUFFER_ZONE], featureBBox)).toEqual([2.224, 32.69, 35.96, 48.902]);
  });

  it("falls back to the marker point when a feature's bbox is not loaded", () => {
    expect(boundsOfPlaces([PARIS, BUFFER_ZONE], () => undefined)).toEqual([2.342, 33.05, 35.85, 48.857]);
  });

  it("frames a single point as a zero-size box (fitBounds then stops at its maxZoom)", () => {
    expect(boundsOfPlaces([DAMASCUS_POINT], featureBBox)).toEqual([36.29, 33.51, 36.29, 33.51]);
  });

  it("adds extra boxes, e.g. an arc bulging north of its ends", () => {
    expect(boundsOfPlaces([DAMASCUS_POINT], featureBBox, [[30, 30, 31, 40]])).toEqual([30, 30, 36.29, 40]);
  });

  it("ignores a non-finite feature bbox", () => {
    expect(boundsOfPlaces([BUFFER_ZONE], () => [NaN, 0, 1, 1])).toEqual([35.85, 33.05, 35.85, 33.05]);
  });

  it("is null for no places", () => {
    expect(boundsOfPlaces([], featureBBox)).toBeNull();
  });

  it("does not mutate its inputs", () => {
    const places = structuredClone([PARIS, BUFFER_ZONE]);
    boundsOfPlaces(places, featureBBox);
    expect(places).toEqual([PARIS, BUFFER_ZONE]);
  });
});

describe("unionBBox / bboxOfPositions", () => {
  it("unions boxes", () => {
    expect(unionBBox([[0, 0, 1, 1], [-1, 0.5, 0.5, 2]])).toEqual([-1, 0, 1, 2]);
    expect(unionBBox([])).toBeNull();
  });

  it("skips non-finite positions", () => {
    expect(bboxOfPositions([[1, 2], [NaN, 5], [3, -1]])).toEqual([1, -1, 3, 2]);
    expect(bboxOfPositions([])).toBeNull();
  });
});
