import { z } from "zod";
import {
  articleMetaSchema,
  eventSchema,
  eventTimeSchema,
  layerManifestSchema,
  layerStyleSchema,
  provenanceSchema,
  sourceSpanSchema,
  type BriefEvent,
} from "@/lib/model/schema";
import type { ArticleInput, LayerInput } from "@/lib/store/store";
import { RequestError, type FieldProblem } from "../request-error";

/*
 * The bodies of writes: the data/ form, with unknown fields refused at every level (a misspelt
 * `sumary` must not vanish silently). The store then applies the rules that need the rest of the
 * data: quotes at their offsets in the article, places that exist, geometry, duplicate ids.
 */

const strictEvent = eventSchema
  .extend({ time: eventTimeSchema.strict(), sources: z.array(sourceSpanSchema.strict()).min(1) })
  .strict();

const strictArticle = articleMetaSchema
  .omit({ textFile: true, eventsFile: true })
  .extend({ text: z.string().min(1, "the article text is empty") })
  .strict();

const featureCollection = z
  .object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()) })
  .passthrough();

const strictLayer = layerManifestSchema
  .omit({ file: true })
  .extend({ style: layerStyleSchema.strict(), provenance: provenanceSchema.strict(), data: featureCollection })
  .strict();

export function parseEvent(body: unknown): BriefEvent {
  return parse(strictEvent, body) as BriefEvent;
}

export function parseArticle(body: unknown): ArticleInput {
  return parse(strictArticle, body) as ArticleInput;
}

/** The GeoJSON itself is checked by the store with the same geometry rules as data/geo files. */
export function parseLayer(body: unknown): LayerInput {
  return parse(strictLayer, body) as unknown as LayerInput;
}

function parse(schema: z.ZodType, body: unknown): unknown {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems: FieldProblem[] = result.error.issues.map((issue) => {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const base = fieldPath(issue.path);
    return {
      field: keys.length === 1 ? joinField(base, keys[0]!) : base,
      rule: issue.code === "unrecognized_keys" ? "unknown-field" : "schema",
      message: issue.code === "unrecognized_keys" ? `unknown field${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")}` : issue.message,
    };
  });
  const first = problems[0]!;
  throw new RequestError(400, `${first.field}: ${first.message}`, { field: first.field, problems });
}

/** `["sources", 0, "start"]` → `sources[0].start`; the root is `body`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out = typeof key === "number" ? `${out}[${key}]` : joinField(out, String(key));
  return out || "body";
}

const joinField = (base: string, key: string) => (base && base !== "body" ? `${base}.${key}` : key);

/** The id in the path wins; a body naming another id is a mistake worth stopping. */
export function withPathId<T extends { id?: unknown }>(body: T, id: string): T {
  if (body && typeof body === "object" && !Array.isArray(body)) {
    if (body.id !== undefined && body.id !== id) {
      throw new RequestError(400, `the body's id ${JSON.stringify(body.id)} is not the id in the path ("${id}")`, { field: "id" });
    }
    return { ...body, id };
  }
  return body;
}
