import { z } from "zod";
import type { DataProblem } from "@/lib/model/problem";
import type { Article, LoadedEvent } from "@/lib/model/event";
import type { Place } from "@/lib/model/place";
import { resolvePlace, type FeatureIndex } from "./place";
import { readJson, readText, schemaProblems } from "./read-json";
import { articleMetaSchema, eventSchema, type BriefEvent, type SourceSpan } from "@/lib/model/schema";

const eventsFileSchema = z.object({ events: z.array(z.unknown()) });

/**
 * Loads an article (`articles/<id>.article.json`), its text and its events. Each event must quote
 * the article exactly at the offsets it gives, and name places that exist; an event that breaks a
 * rule is left out and reported, the others are kept.
 */
export async function readArticle(
  dataDir: string,
  metaFile: string,
  features: FeatureIndex,
  labelProperty: (layer: string) => string,
  eventIds: Set<string>,
  /** Layers that exist but are broken: a reference to one of their features says so. */
  unavailableLayers: ReadonlySet<string> = new Set(),
): Promise<{ article?: Article; events: LoadedEvent[]; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const raw = await readJson(dataDir, metaFile, problems);
  if (raw === undefined) return { events: [], problems };
  const parsedMeta = articleMetaSchema.safeParse(raw);
  if (!parsedMeta.success) return { events: [], problems: schemaProblems(metaFile, parsedMeta.error.issues) };
  const meta = parsedMeta.data;
  const textFile = `articles/${meta.textFile}`;
  const text = await readText(dataDir, textFile, problems, "note");
  if (text === undefined) return { events: [], problems };
  const hadBom = problems.some((p) => p.file === textFile && p.rule === "byte-order-mark");
  const article: Article = { ...meta, text };

  const eventsFile = `articles/${meta.eventsFile}`;
  const rawEvents = await readJson(dataDir, eventsFile, problems);
  const list = eventsFileSchema.safeParse(rawEvents);
  if (!list.success) {
    if (rawEvents !== undefined) problems.push(...schemaProblems(eventsFile, list.error.issues));
    return { article, events: [], problems };
  }

  const events: LoadedEvent[] = [];
  list.data.events.forEach((candidate, index) => {
    const rawId = (candidate as { id?: unknown })?.id;
    const item = typeof rawId === "string" ? rawId : `events[${index}]`;
    const parsed = eventSchema.safeParse(candidate);
    if (!parsed.success) return problems.push(...schemaProblems(eventsFile, parsed.error.issues, item));
    const event = parsed.data;
    const before = problems.length;
    const report = (rule: DataProblem["rule"], message: string) => problems.push({ file: eventsFile, item, rule, message });

    if (eventIds.has(event.id)) report("duplicate-id", `event id "${event.id}" is already used by another event`);
    if (event.article !== article.id) report("unknown-reference", `article "${event.article}" is not this file's article "${article.id}"`);
    const sources = event.sources.map((span, i) => checkSpan(text, hadBom, span, `sources[${i}]`, report));
    checkOverlaps(event.sources, report);
    const missing = (ref: BriefEvent["where"]) =>
      "layer" in ref
        ? unavailableLayers.has(ref.layer)
          ? `feature "${ref.feature}" of layer "${ref.layer}", which is unavailable (its file is broken)`
          : `feature "${ref.feature}" of layer "${ref.layer}", which does not exist`
        : "";
    const place = resolvePlace(event.where, features, labelProperty);
    if (!place) report("unknown-reference", `where names ${missing(event.where)}: the event cannot be placed on the map and is left out`);
    if (problems.length > before || !place) return;

    // A place the event is only about can go without losing the event: drop that reference, say so.
    const aboutPlaces: Place[] = [];
    event.about.forEach((ref, i) => {
      const about = resolvePlace(ref, features, labelProperty);
      if (about) aboutPlaces.push(about);
      else report("unknown-reference", `about[${i}] names ${missing(ref)}: that reference was dropped, the event is kept`);
    });
    eventIds.add(event.id);
    events.push({ ...event, sources, place, aboutPlaces });
  });
  return { article, events, problems };
}

/**
 * Checks that a source span quotes the article at its offsets and returns it as served. When the
 * text started with a byte-order mark and the offsets counted it, they are moved back by one (the
 * byte-order-mark note on the text file says so) rather than every event of the article being lost.
 */
function checkSpan(text: string, hadBom: boolean, span: SourceSpan, at: string, report: (rule: DataProblem["rule"], message: string) => void): SourceSpan {
  const found = text.indexOf(span.quote);
  if (found < 0) {
    report("quote-not-in-article", `${at}: the quote “${clip(span.quote)}” does not occur in the article text`);
    return span;
  }
  if (text.slice(span.start, span.end) === span.quote) return span;
  if (hadBom && span.start > 0 && text.slice(span.start - 1, span.end - 1) === span.quote) return { ...span, start: span.start - 1, end: span.end - 1 };
  report("offsets-mismatch", `${at}: offsets ${span.start}-${span.end} hold “${clip(text.slice(span.start, span.end))}”, not the quote; the quote starts at ${found}`);
  return span;
}

/** Two spans of one event that overlap would mark the same words twice; the reader cannot show that. */
function checkOverlaps(spans: SourceSpan[], report: (rule: DataProblem["rule"], message: string) => void) {
  const order = spans.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start);
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1]!;
    const b = order[k]!;
    if (b.start < a.end) report("overlapping-quotes", `sources[${a.i}] (${a.start}-${a.end}) and sources[${b.i}] (${b.start}-${b.end}) overlap: quote each sentence once`);
  }
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
