import type { Feature, FeatureCollection } from "geojson";
import turfBbox from "@turf/bbox";
import { z } from "zod";
import { checkGeometry } from "@/lib/data/geometry-rules";
import { checkBBoxMember, checkProperties, forbiddenMembers } from "@/lib/data/member-rules";
import { resolvePlace, type FeatureIndex } from "@/lib/data/place";
import type { LoadedEvent } from "@/lib/model/event";
import type { BBox, LayerSummary } from "@/lib/model/layer-summary";
import type { Place } from "@/lib/model/place";
import { isNote, type DataProblem } from "@/lib/model/problem";
import {
  articleMetaSchema,
  eventSchema,
  eventTimeSchema,
  layerManifestSchema,
  layerStyleSchema,
  placeRefSchema,
  provenanceSchema,
  sourceSpanSchema,
  type BriefEvent,
  type PlaceRef,
} from "@/lib/model/schema";
import type { ArticleInput, LayerInput } from "./store";

/**
 * The rules every write obeys, whichever backend stores it: the schemas of lib/model with unknown
 * fields refused, quotes at their offsets, places that exist, and lib/data's geometry rules. Each
 * problem names the field (`item`), e.g. `sources[0].start`. Backends fetch what a check needs
 * (the article's text, the features named) and pass it in, so these functions stay pure.
 */

const strictEvent = eventSchema
  .extend({
    time: eventTimeSchema.strict(),
    sources: z.array(sourceSpanSchema.strict()).min(1),
  })
  .strict();

const strictArticle = articleMetaSchema.omit({ textFile: true, eventsFile: true }).extend({ text: z.string().min(1) }).strict();

const strictLayerManifest = layerManifestSchema
  .omit({ file: true })
  .extend({ style: layerStyleSchema.strict(), provenance: provenanceSchema.strict() })
  .strict();

type Parsed<T> = { value?: T; problems: DataProblem[] };

/** `source` names where the input came from in problems: a file of a data folder, or "body". */
export function parseEvent(input: unknown, source = "body", at?: string): Parsed<BriefEvent> {
  const parsed = strictEvent.safeParse(input);
  if (!parsed.success) return { problems: fieldProblems(source, parsed.error.issues, at) };
  return { value: parsed.data as BriefEvent, problems: [] };
}

export function parseArticle(input: unknown, source = "body", at?: string): Parsed<ArticleInput> {
  const parsed = strictArticle.safeParse(input);
  if (!parsed.success) return { problems: fieldProblems(source, parsed.error.issues, at) };
  return { value: parsed.data as ArticleInput, problems: [] };
}

/** A layer's manifest and features, checked; the summary clients see is computed here, never taken from input. */
export function parseLayer(input: unknown, source = "body", at?: string): Parsed<LayerInput & { summary: LayerSummary }> {
  const raw = (input ?? {}) as { data?: unknown };
  const { data, ...manifestPart } = typeof input === "object" && input !== null ? (raw as Record<string, unknown>) : { data: undefined };
  const problems: DataProblem[] = [];
  const parsed = strictLayerManifest.safeParse(manifestPart);
  if (!parsed.success) problems.push(...fieldProblems(source, parsed.error.issues, at));
  const features = checkFeatures(data, source, problems, at);
  if (!parsed.success || !features || problems.length > 0) return { problems };
  const manifest = parsed.data;
  for (const featureId of Object.keys(manifest.aliases ?? {})) {
    if (!features.some((f) => f.id === featureId)) {
      problems.push({ file: source, item: within(at, `aliases.${featureId}`), rule: "unknown-reference", message: `aliases name feature "${featureId}", which the layer does not have` });
    }
  }
  if (problems.length > 0) return { problems };
  const fc: FeatureCollection = { type: "FeatureCollection", features };
  const kinds = [...new Set(features.map((f) => f.geometry.type.replace(/^Multi/, "")))];
  const summary: LayerSummary = {
    ...manifest,
    geometryType: kinds.length === 1 ? kinds[0]! : "GeometryCollection",
    featureCount: features.length,
    bbox: (turfBbox(fc) as BBox).map((v) => Math.round(v * 1e5) / 1e5) as BBox,
    source: manifest.provenance.source,
    licence: manifest.provenance.licence,
    attribution: manifest.provenance.attribution,
  };
  return { value: { ...manifest, data: fc, summary }, problems: [] };
}

/** What an event's references are checked against. */
export type EventContext = {
  /** The text of the article the event names; undefined when no such article exists. */
  articleText: string | undefined;
  /** A feature by layer and id; undefined when the layer or the feature does not exist. */
  feature: (layer: string, feature: string) => Feature | undefined;
  labelProperty: (layer: string) => string;
};

/** The layer features an event names, so that a backend can fetch them before `checkEventReferences`. */
export function featureRefs(event: BriefEvent): { layer: string; feature: string }[] {
  return [event.where, ...event.about].filter((r): r is Extract<PlaceRef, { layer: string }> => "layer" in r).map((r) => ({ layer: r.layer, feature: r.feature }));
}

/** Checks an event against its article and places and resolves them; problems name the field. */
export function checkEventReferences(event: BriefEvent, context: EventContext, source = "body", at?: string): Parsed<LoadedEvent> {
  const problems: DataProblem[] = [];
  const report = (item: string, rule: DataProblem["rule"], message: string) => problems.push({ file: source, item: within(at, item), rule, message });
  if (context.articleText === undefined) {
    report("article", "unknown-reference", `article "${event.article}" does not exist`);
  } else {
    const text = context.articleText;
    event.sources.forEach((span, i) => {
      if (span.end <= span.start) return report(`sources[${i}].end`, "offsets-mismatch", `end (${span.end}) is not after start (${span.start})`);
      // The cheap test first: a correct span is one slice; only a wrong one searches the whole text.
      if (text.slice(span.start, span.end) === span.quote) return;
      const found = text.indexOf(span.quote);
      if (found < 0) return report(`sources[${i}].quote`, "quote-not-in-article", `the quote “${clip(span.quote)}” does not occur in the article text`);
      report(`sources[${i}].start`, "offsets-mismatch", `offsets ${span.start}-${span.end} hold “${clip(text.slice(span.start, span.end))}”, not the quote; the quote starts at ${found}`);
    });
  }
  const index: FeatureIndex = new Map();
  for (const ref of featureRefs(event)) {
    const feature = context.feature(ref.layer, ref.feature);
    if (!feature) continue;
    let layer = index.get(ref.layer);
    if (!layer) index.set(ref.layer, (layer = new Map()));
    layer.set(ref.feature, feature);
  }
  const resolve = (ref: PlaceRef, at: string): Place | undefined => {
    const place = resolvePlace(ref, index, context.labelProperty);
    if (!place && "layer" in ref) report(at, "unknown-reference", `names feature "${ref.feature}" of layer "${ref.layer}", which does not exist`);
    return place;
  };
  const place = resolve(event.where, "where");
  const aboutPlaces = event.about.map((ref, i) => resolve(ref, `about[${i}]`));
  if (problems.length > 0 || !place) return { problems };
  return { value: { ...event, place, aboutPlaces: aboutPlaces.filter((p): p is Place => p !== undefined) }, problems };
}

/** Duplicate ids within one batch (an import), each named once. */
export function duplicateIds(kind: string, ids: readonly string[], source = "body"): DataProblem[] {
  const seen = new Set<string>();
  const problems: DataProblem[] = [];
  for (const id of ids) {
    if (seen.has(id)) problems.push({ file: source, item: id, rule: "duplicate-id", message: `${kind} id "${id}" is given more than once` });
    seen.add(id);
  }
  return problems;
}

function checkFeatures(data: unknown, source: string, problems: DataProblem[], at: string | undefined): Feature[] | undefined {
  const fc = data as Partial<FeatureCollection> | undefined;
  if (!fc || typeof fc !== "object" || fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    problems.push({ file: source, item: within(at, "data"), rule: "not-a-feature-collection", message: 'expected {"type": "FeatureCollection", "features": [...]}' });
    return undefined;
  }
  if (fc.features.length === 0) {
    problems.push({ file: source, item: within(at, "data.features"), rule: "schema", message: "a layer needs at least one feature (an empty layer has no place to show)" });
    return undefined;
  }
  const seen = new Set<string>();
  fc.features.forEach((f, index) => {
    const id = typeof f?.id === "string" && f.id.length > 0 ? f.id : undefined;
    const item = within(at, `data.features[${index}]${id ? ` (${id})` : ""}`);
    const report = (rule: DataProblem["rule"], message: string) => problems.push({ file: source, item, rule, message });
    if (f?.type !== "Feature") return report("schema", 'expected "type": "Feature"');
    if (!id) report("missing-feature-id", "every feature needs a string id so that events and links can name it");
    else if (seen.has(id)) report("duplicate-id", `feature id "${id}" is used more than once in this layer`);
    else seen.add(id);
    for (const member of forbiddenMembers(f, "feature")) report("foreign-member", `the feature has a "${member}" member, which RFC 7946 §7.1 forbids in a Feature`);
    checkProperties(f.properties, report);
    // Notes (rings rewound, a wrong bbox ignored) describe a repair, not a refusal.
    const refusing = (rule: DataProblem["rule"], message: string) => (isNote({ rule }) ? undefined : report(rule, message));
    if (checkGeometry(f.geometry, refusing) && "bbox" in f) checkBBoxMember(f.bbox, f, "the feature's", refusing, refusing);
  });
  return fc.features as Feature[];
}

/** zod issues as problems whose `item` is the field, written as in the body: `sources[0].start`. */
function fieldProblems(source: string, issues: z.core.$ZodIssue[], at: string | undefined): DataProblem[] {
  return issues.map((issue) => {
    const path = fieldPath(issue.path);
    const message = issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}` : issue.message;
    return { file: source, item: within(at, path || "(root)"), rule: "schema" as const, message: `${path || "(root)"}: ${message}` };
  });
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${String(k)}`)).join("");
}

/** `at` places a problem inside a batch (an import): `events[3] (strike-1)`. */
const within = (at: string | undefined, item: string) => (at ? `${at} ${item}` : item);

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

export { placeRefSchema };
