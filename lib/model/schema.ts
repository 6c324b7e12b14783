import "@/lib/security/zod-jitless";
import { z } from "zod";
import { isCalendarDate } from "./calendar-date";
import { EVENT_TYPES } from "./event-types";

/** Calendar date as written in data and URLs. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine(isCalendarDate, { message: "not a real calendar date (month 01-12, day within the month)", abort: true });

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a lowercase slug (a-z, 0-9, -)");

/** Where a layer's geometry comes from and how far to trust it; shown to analysts beside the layer. */
export const provenanceSchema = z.object({
  source: z.string().min(1),
  licence: z.string().min(1),
  attribution: z.string().min(1),
  date: z.string().min(1),
  accuracy: z.string().min(1),
  status: z.string().min(1).optional(),
  approximate: z.boolean().default(false),
});

export const layerStyleSchema = z.object({
  color: z.string().regex(/^#[0-9a-f]{6}$/i, "expected a #rrggbb colour"),
  /** Dashed outlines mark approximate or contested lines. */
  dashed: z.boolean().default(false),
  fillOpacity: z.number().min(0).max(1).default(0.25),
});

/** The manifest beside each GeoJSON file in data/geo: `<id>.layer.json`. */
export const layerManifestSchema = z.object({
  id: slug,
  title: z.string().min(1),
  description: z.string().min(1),
  file: z.string().regex(/^[\w.-]+\.geojson$/, "expected a .geojson file name in the same folder"),
  /** Overlays are what the analyst toggles; context sits under them. */
  role: z.enum(["overlay", "context"]),
  defaultVisible: z.boolean(),
  /** Draw order: lower first. */
  order: z.number().int(),
  labelProperty: z.string().default("name"),
  style: layerStyleSchema,
  provenance: provenanceSchema,
  /**
   * Other names of features, by feature id, that the data itself does not carry (spellings,
   * transliterations, other scripts), so that a text search for any of them finds the feature's events.
   */
  aliases: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
});

/** A place an event happened in or is about: a layer feature, or a named point. */
export const placeRefSchema = z.union([
  z.object({ layer: slug, feature: slug, note: z.string().optional() }).strict(),
  z
    .object({
      name: z.string().min(1),
      point: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
      note: z.string().optional(),
    })
    .strict(),
]);

export { EVENT_TYPES };
export const eventTypeSchema = z.enum(EVENT_TYPES);

export const TIME_PRECISIONS = ["day", "month", "year", "range"] as const;

/** When an event happened, resolved against the article's date, with the words the article used. */
export const eventTimeSchema = z
  .object({
    phrase: z.string().min(1),
    precision: z.enum(TIME_PRECISIONS),
    start: isoDate,
    end: isoDate,
    /** The article dates something else (a report, a confirmation) that bounds the event. */
    bound: z.enum(["exact", "on-or-before", "on-or-after"]).default("exact"),
    note: z.string().optional(),
  })
  .refine((t) => t.start <= t.end, { message: "time.start is after time.end", path: ["end"] });

export const sourceSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string().min(1),
});

export const GEO_PRECISIONS = ["exact", "city", "region", "country"] as const;

export const REVIEW_STATUSES = ["unreviewed", "reviewed"] as const;

/**
 * How an event came to be and whether a person has checked it. Events drafted from an article's
 * text are `extracted` and stay `unreviewed` (hidden from the map, list and API by default) until
 * an analyst accepts them; events written by hand (the seed's) are `curated`. An event without
 * this field counts as curated and reviewed.
 */
export const eventReviewSchema = z
  .object({
    status: z.enum(REVIEW_STATUSES),
    method: z.enum(["extracted", "curated"]),
    /** ISO 8601 UTC. */
    extractedAt: z.iso.datetime().optional(),
    /** The write's actor, set by the server when an event is written as reviewed. */
    reviewedBy: z.string().min(1).optional(),
    reviewedAt: z.iso.datetime().optional(),
    /** How sure the extraction was (0-1), and the words and rules that decided it. */
    confidence: z.number().min(0).max(1).optional(),
    cues: z.array(z.string().min(1)).max(50).optional(),
  })
  .strict();

/** The event data sets Briefmap imports records from. */
export const ORIGIN_DATASETS = ["acled", "gdelt"] as const;

/**
 * Where an imported event came from: the data set, its record id, the link it gives, and the
 * record's own coding (event type, CAMEO code, precisions…) kept verbatim as strings, so that
 * Briefmap's mapping can always be checked against what the source said.
 */
export const eventOriginSchema = z
  .object({
    dataset: z.enum(ORIGIN_DATASETS),
    record: z.string().min(1),
    url: z.string().min(1).optional(),
    original: z.record(z.string(), z.string()),
  })
  .strict();

export const eventSchema = z.object({
  id: slug,
  article: slug,
  title: z.string().min(1),
  summary: z.string().min(1),
  type: eventTypeSchema,
  actors: z.array(z.string().min(1)).min(1),
  time: eventTimeSchema,
  where: placeRefSchema,
  about: z.array(placeRefSchema).default([]),
  geoPrecision: z.enum(GEO_PRECISIONS),
  sources: z.array(sourceSpanSchema).min(1),
  review: eventReviewSchema.optional(),
  /** Only on events imported from a data set (ACLED, GDELT); absent on events read from articles. */
  origin: eventOriginSchema.optional(),
});

export const articleMetaSchema = z.object({
  id: slug,
  title: z.string().min(1),
  /** Why the title reads as it does when the source gives none. */
  titleNote: z.string().optional(),
  publisher: z.string().min(1).nullable(),
  /** Where the article was read (http or https), when it came from the web. */
  url: z.url({ protocol: /^https?$/, error: "expected an http(s) address" }).max(2000).optional(),
  published: isoDate,
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "expected a BCP 47 language tag"),
  textFile: z.string().regex(/^[\w.-]+\.txt$/, "expected a .txt file name in the same folder"),
  eventsFile: z.string().regex(/^[\w.-]+\.json$/, "expected a .json file name in the same folder"),
});

export type Provenance = z.infer<typeof provenanceSchema>;
export type LayerStyle = z.infer<typeof layerStyleSchema>;
export type LayerManifest = z.infer<typeof layerManifestSchema>;
export type PlaceRef = z.infer<typeof placeRefSchema>;
export type EventType = z.infer<typeof eventTypeSchema>;
export type EventTime = z.infer<typeof eventTimeSchema>;
export type SourceSpan = z.infer<typeof sourceSpanSchema>;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];
export type BriefEvent = z.infer<typeof eventSchema>;
export type EventReview = z.infer<typeof eventReviewSchema>;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type EventOrigin = z.infer<typeof eventOriginSchema>;
export type ArticleMeta = z.infer<typeof articleMetaSchema>;
