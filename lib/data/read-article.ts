import { z } from "zod";
import type { DataProblem } from "@/lib/model/problem";
import type { Article, LoadedEvent } from "@/lib/model/event";
import type { Place } from "@/lib/model/place";
import { resolvePlace, type FeatureIndex } from "./place";
import { readJson, readText, schemaProblems } from "./read-json";
import { articleMetaSchema, eventSchema, type BriefEvent } from "@/lib/model/schema";



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
): Promise<{ article?: Article; events: LoadedEvent[]; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const raw = await readJson(dataDir, metaFile, problems);
  if (raw === undefined) return { events: [], problems };
  const parsedMeta = articleMetaSchema.safeParse(raw);
  if (!parsedMeta.success) return { events: [], problems: schemaProblems(metaFile, parsedMeta.error.issues) };
  const meta = parsedMeta.data;
  const text = await readText(dataDir, `articles/${meta.textFile}`, problems);
  if (text === undefined) return { events: [], problems };
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
    event.sources.forEach((span, i) => checkSpan(text, span, `sources[${i}]`, report));
    const resolve = (ref: BriefEvent["where"], at: string) => {
      const place = resolvePlace(ref, features, labelProperty);
      if (!place && "layer" in ref) report("unknown-reference", `${at} names feature "${ref.feature}" of layer "${ref.layer}", which does not exist or is unavailable`);
      return place;
    };
    const place = resolve(event.where, "where");
    const aboutPlaces = event.about.map((ref, i) => resolve(ref, `about[${i}]`));
    if (problems.length > before || !place) return;
    eventIds.add(event.id);
    events.push({ ...event, place, aboutPlaces: aboutPlaces.filter((p): p is Place => p !== undefined) });
  });
  return { article, events, problems };
}

function checkSpan(text: string, span: { start: number; end: number; quote: string }, at: string, report: (rule: DataProblem["rule"], message: string) => void) {
  const found = text.indexOf(span.quote);
  if (found < 0) return report("quote-not-in-article", `${at}: the quote “${clip(span.quote)}” does not occur in the article text`);
  if (text.slice(span.start, span.end) !== span.quote) {
    report("offsets-mismatch", `${at}: offsets ${span.start}-${span.end} hold “${clip(text.slice(span.start, span.end))}”, not the quote; the quote starts at ${found}`);
  }
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
