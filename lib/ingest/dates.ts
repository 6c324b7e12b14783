import * as chrono from "chrono-node";
import { sentenceAt, type Sentence } from "./sentences";

export type DatePrecision = "day" | "month" | "year" | "range";

export type ResolvedDate = { start: string; end: string; precision: DatePrecision };

export type DateMention = {
  text: string;
  start: number;
  end: number;
  sentence: number;
  resolved: ResolvedDate | null;
  /** How the phrase was read, in words an analyst can check ("past bias: the Tuesday before publication"). */
  why: string;
};

/** Languages whose dates chrono-node reads; other languages' dates go unrecognised (and the review says so). */
export const DATE_LANGUAGES = ["en", "ar", "de", "es", "fi", "fr", "id", "it", "ja", "nl", "pt", "ru", "sv", "uk", "vi", "zh"] as const;

/** Words that put what follows in the future: "will reopen on Sunday" keeps a future Sunday. */
const FUTURE = /\b(will|shall|is to|are to|plans? to|planned|expected to|scheduled|due to|next|upcoming|would)\b/i;

/**
 * Dates an article states, resolved against its publication date: chrono-node reads the phrases,
 * then refiners correct what it gets wrong for news: a past bias (an article of Wednesday 20
 * August 2025 means the Tuesday before, and "in December" the December before), precision from
 * what the phrase says (chrono fills unknown parts from the reference: "last month" is a month),
 * bare years ("the 1974 agreement"), and "since …" runs to publication.
 */
export function findDates(text: string, sentences: readonly Sentence[], published: string, language = "en"): DateMention[] {
  const parser = parserFor(language);
  const sentenceOf = (offset: number) => sentenceAt(sentences, offset);
  const pub = parseDay(published);
  const mentions: DateMention[] = [];
  if (parser) {
    const reference = { instant: new Date(Date.UTC(pub.y, pub.m - 1, pub.d, 12)), timezone: 0 };
    for (const r of parser.parse(text, reference, { forwardDate: false })) {
      const raw = r.text.replace(/[\s,.;:]+$/, "");
      const start = r.index;
      const end = start + raw.length;
      const sentence = sentenceOf(start);
      const before = sentence ? text.slice(sentence.start, start) : "";
      const future = FUTURE.test(before.split(/[,;]/).pop() ?? "");
      const resolved = resolveComponents(r.start, r.end ?? undefined, pub, future);
      if (!resolved) continue;
      mentions.push({ text: raw, start, end, sentence: sentence?.index ?? -1, resolved: resolved.date, why: resolved.why });
    }
  }
  addBareYears(text, mentions, sentenceOf, pub);
  addSinceRanges(text, mentions, sentenceOf, published);
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

function parserFor(language: string): chrono.Chrono | undefined {
  const base = language.toLowerCase().split("-")[0] ?? "en";
  const locale = (chrono as unknown as Record<string, { casual?: chrono.Chrono } | undefined>)[base];
  return base === "en" ? chrono.casual : locale?.casual;
}

type Day = { y: number; m: number; d: number };

function resolveComponents(start: chrono.ParsedComponents, end: chrono.ParsedComponents | undefined, pub: Day, future: boolean): { date: ResolvedDate; why: string } | undefined {
  const known = { y: start.isCertain("year"), m: start.isCertain("month"), d: start.isCertain("day"), wd: start.isCertain("weekday") };
  let y = start.get("year") ?? pub.y;
  let m = start.get("month") ?? 1;
  let d = start.get("day") ?? 1;
  const why: string[] = [];
  const relative = known.y && known.m && !known.d && !known.wd; // "last month": chrono fixes year and month, keeps the reference day
  if (!known.m && !known.d && !known.wd && !known.y) return undefined; // a time of day only
  if (end) {
    const e = { y: end.get("year") ?? y, m: end.get("month") ?? m, d: end.get("day") ?? d };
    return { date: { start: iso(y, m, d), end: iso(e.y, e.m, e.d), precision: "range" }, why: "a range the phrase states" };
  }
  const precision: DatePrecision = known.d || known.wd ? "day" : known.m || relative ? "month" : "year";
  // Past bias: a news article reports what has happened unless the sentence speaks of the future.
  const after = compare({ y, m, d: precision === "day" ? d : 1 }, pub) > 0;
  if (after && !future) {
    if (known.wd && !known.d) {
      ({ y, m, d } = shiftDays({ y, m, d }, -7));
      why.push("past bias: the last such weekday before publication");
    } else if (!known.y) {
      y -= 1;
      why.push("past bias: the year before, as the date would otherwise follow publication");
    }
  } else if (!after && future && known.wd && !known.d && compare({ y, m, d }, pub) <= 0) {
    ({ y, m, d } = shiftDays({ y, m, d }, 7));
    why.push("future tense: the next such weekday");
  }
  if (precision === "day") return { date: { start: iso(y, m, d), end: iso(y, m, d), precision }, why: why.join("; ") || "a day" };
  if (precision === "month") return { date: { start: iso(y, m, 1), end: iso(y, m, daysIn(y, m)), precision }, why: why.join("; ") || "a month: the phrase names no day" };
  return { date: { start: iso(y, 1, 1), end: iso(y, 12, 31), precision }, why: "a year: the phrase names no month" };
}

/** "the 1974 ceasefire", "in 2023": years chrono leaves out. Not counts ("1974 people") nor parts of other dates. */
function addBareYears(text: string, mentions: DateMention[], sentenceOf: (o: number) => Sentence | undefined, pub: Day) {
  for (const m of text.matchAll(/\b(1[5-9]\d\d|20\d\d)\b(?!\s*(?:people|km|kilometres|kilometers|miles|troops|soldiers|dead|killed|%|percent|per cent|metres|meters|m\b))/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (mentions.some((x) => x.start < end && start < x.end)) continue;
    const year = Number(m[0]);
    if (year > pub.y + 10) continue;
    mentions.push({ text: m[0], start, end, sentence: sentenceOf(start)?.index ?? -1, resolved: { start: `${year}-01-01`, end: `${year}-12-31`, precision: "year" }, why: "a bare year" });
  }
}

/**
 * "since the overthrow … in December" and "have since demonstrated": a span from the date named
 * (or, for a bare "since", the date the text last named) to publication.
 */
function addSinceRanges(text: string, mentions: DateMention[], sentenceOf: (o: number) => Sentence | undefined, published: string) {
  const found = [...mentions].sort((a, b) => a.start - b.start);
  for (const m of text.matchAll(/\bsince\b/gi)) {
    const at = m.index;
    const sentence = sentenceOf(at);
    const next = found.find((x) => x.start > at && x.resolved && sentence && x.start < sentence.end);
    const wordsBetween = next ? text.slice(at, next.start).split(/\s+/).length : Infinity;
    if (next?.resolved && wordsBetween <= 12 && next.resolved.start <= published) {
      mentions.push({
        text: text.slice(at, next.end),
        start: at,
        end: next.end,
        sentence: sentence?.index ?? -1,
        resolved: { start: next.resolved.start, end: published, precision: "range" },
        why: `since ${next.text}: from then to publication`,
      });
      continue;
    }
    // The adverb: "have since demonstrated" refers back to the last date named.
    if (!/\b(have|has|had|ever)\s+$/i.test(text.slice(Math.max(0, at - 8), at))) continue;
    const previous = [...found].reverse().find((x) => x.end <= at && x.resolved);
    if (!previous?.resolved || previous.resolved.start > published) continue;
    mentions.push({
      text: m[0],
      start: at,
      end: at + m[0].length,
      sentence: sentence?.index ?? -1,
      resolved: { start: previous.resolved.start, end: published, precision: "range" },
      why: `since ${previous.text} (the date named before): from then to publication`,
    });
  }
}

export function parseDay(s: string): Day {
  const [y, m, d] = s.split("-").map(Number);
  return { y: y ?? 1970, m: m ?? 1, d: d ?? 1 };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const compare = (a: Day, b: Day) => a.y - b.y || a.m - b.m || a.d - b.d;
function shiftDays(day: Day, by: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + by));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
