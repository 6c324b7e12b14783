import type { FeatureChoice, ReviewDraft, ReviewMention, ReviewPayload } from "@/lib/ingest/review-types";
import type { PlaceRef } from "@/lib/model/schema";
import type { ArticleInput } from "@/lib/store/store";
import type { Extraction } from "./pipeline";
import type { LayerPlace } from "./places-index";

/** The extraction as the review page shows it: mentions with their readings, drafts with their places. */
export function reviewPayload(article: ArticleInput, extraction: Extraction, layers: readonly LayerPlace[], options: { existing: boolean; fromHtml: boolean; drafts?: ReviewDraft[] }): ReviewPayload {
  const mentions: ReviewMention[] = [
    ...extraction.places.map((p): ReviewMention => ({
      kind: "place",
      text: p.text,
      start: p.start,
      end: p.end,
      reading: p.resolved ? `${p.resolved.name}${p.resolved.layer ? ` (layer ${p.resolved.layer})` : p.resolved.country ? ` (${p.resolved.country})` : ""}` : null,
      why: p.why,
      ...(p.resolved ? { place: { name: p.resolved.name, point: p.resolved.point, layer: p.resolved.layer, feature: p.resolved.feature } } : {}),
      ...(p.alternatives.length ? { alternatives: p.alternatives.map((a) => `${a.name}${a.country ? `, ${a.country}` : ""}`) } : {}),
    })),
    ...extraction.dates.map((d): ReviewMention => ({
      kind: "date",
      text: d.text,
      start: d.start,
      end: d.end,
      reading: d.resolved ? (d.resolved.start === d.resolved.end ? d.resolved.start : `${d.resolved.start} to ${d.resolved.end}`) + ` (${d.resolved.precision})` : null,
      why: d.why,
    })),
  ].sort((a, b) => a.start - b.start);
  const drafts = options.drafts ?? extraction.drafts.map((event): ReviewDraft => ({ event, place: placeOf(event.where, layers), stored: false }));
  const { text, ...meta } = article;
  return { article: { ...meta, text }, existing: options.existing, mentions, drafts, notices: extraction.notices, fromHtml: options.fromHtml };
}

/** A place reference with its name and point, from the layers' places (or the point it carries). */
export function placeOf(ref: PlaceRef, layers: readonly LayerPlace[]): { name: string; point: [number, number]; layer?: string; feature?: string } {
  if ("point" in ref) return { name: ref.name, point: ref.point };
  const found = layers.find((p) => p.layer === ref.layer && p.feature === ref.feature);
  return { name: found?.name ?? ref.feature, point: found?.point ?? [0, 0], layer: ref.layer, feature: ref.feature };
}

/** Every layer feature, for the place pickers. */
export function featureChoices(layers: readonly LayerPlace[], titles: ReadonlyMap<string, string>): FeatureChoice[] {
  return layers.map((p) => ({ name: p.name, point: p.point, layer: p.layer, feature: p.feature, layerTitle: titles.get(p.layer) ?? p.layer }));
}
