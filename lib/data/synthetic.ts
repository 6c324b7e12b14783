import { EVENT_TYPES } from "@/lib/model/schema";
import type { Article, LoadedEvent } from "@/lib/model/event";

/** The synthetic set's article id: its events never mix with real ones and always say what they are. */
export const SYNTHETIC_ARTICLE_ID = "synthetic-events";

/** Where synthetic events fall: the Levant, plus a share in Paris, as the real case spreads. */
const LEVANT: [number, number, number, number] = [34.2, 29.5, 42.3, 37.3];
const PARIS: [number, number, number, number] = [2.22, 48.81, 2.47, 48.9];
const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAYS = 600;

/**
 * A seeded, reproducible set of `count` events for development, tests and benchmarks. Enabled only
 * by BRIEFMAP_SYNTHETIC_EVENTS; each event quotes its own sentence of a generated article, so every
 * rule that holds for real events holds here too.
 */
export function syntheticEvents(count: number, seed: number): { article: Article; events: LoadedEvent[] } {
  const random = mulberry32(seed);
  const sentences: string[] = [];
  const events: LoadedEvent[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const box = random() < 0.1 ? PARIS : LEVANT;
    const lon = round(box[0] + random() * (box[2] - box[0]));
    const lat = round(box[1] + random() * (box[3] - box[1]));
    const type = EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)]!;
    const day = new Date(FIRST_DAY + Math.floor(random() * DAYS) * 86_400_000).toISOString().slice(0, 10);
    const monthOnly = random() < 0.15;
    const id = `synthetic-${i + 1}`;
    const quote = `Synthetic event ${i + 1} (${type}) at ${lon}, ${lat}${monthOnly ? ` in ${day.slice(0, 7)}` : ` on ${day}`}.`;
    const start = offset;
    sentences.push(quote);
    offset += quote.length + 1;
    const place = { name: `Synthetic place ${i + 1}`, point: [lon, lat] as [number, number] };
    events.push({
      id,
      article: SYNTHETIC_ARTICLE_ID,
      title: `Synthetic ${type} ${i + 1}`,
      summary: "Generated for development, tests and benchmarks; not a real event.",
      type,
      actors: ["Synthetic actor"],
      time: monthOnly
        ? { phrase: day.slice(0, 7), precision: "month", start: `${day.slice(0, 7)}-01`, end: monthEnd(day), bound: "exact" }
        : { phrase: day, precision: "day", start: day, end: day, bound: "exact" },
      where: place,
      about: [],
      geoPrecision: "exact",
      sources: [{ start, end: start + quote.length, quote }],
      place,
      aboutPlaces: [],
    });
  }
  const article: Article = {
    id: SYNTHETIC_ARTICLE_ID,
    title: `Synthetic events (${count}, seed ${seed}): not real data`,
    publisher: null,
    published: "2025-08-20",
    language: "en",
    textFile: "(generated)",
    eventsFile: "(generated)",
    text: sentences.join(" "),
  };
  return { article, events };
}

/** A small, well-known seeded generator (Tommy Ettinger's mulberry32): reproducible across machines. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
const monthEnd = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);
