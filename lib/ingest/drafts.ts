import type { EventType } from "@/lib/model/event-types";
import type { BriefEvent, EventTime, GeoPrecision, PlaceRef } from "@/lib/model/schema";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import type { DateMention } from "./dates";
import { findCues, type Cue } from "./lexicon";
import type { PlaceMention, ResolvedPlace } from "./places";
import type { Sentence } from "./sentences";

/** A drafted event: the data/ form, plus how sure the pipeline is and the words that decided it. */
export type Draft = BriefEvent & { review: DraftReview };

export type DraftReview = {
  status: "unreviewed";
  method: "extracted";
  extractedAt: string;
  confidence: number;
  cues: string[];
};

/** Types whose "where" is the place acted on (the object), never the actor's own country. */
const ACTED_ON: readonly EventType[] = ["strike", "territorial-control"];
/** Nouns after a nationality adjective that make the adjective say where ("Syrian leader" → Syria). */
const ROLE_NOUN = /^\s+(leader|president|government|regime|forces|army|military|minister|officials|authorities|state|territory|border|soil)\b/i;
const FRONTED = /^\s*(In|At)\s+$/;
const PRONOUN = /^(it|its|he|she|they|them|their|his|her|which|who|this|that)\b/i;

export type DraftInput = {
  articleId: string;
  text: string;
  published: string;
  sentences: readonly Sentence[];
  places: readonly PlaceMention[];
  dates: readonly DateMention[];
  extractedAt: string;
};

/**
 * One draft per event type a sentence reports (by the lexicon), with the time and place the
 * sentence gives it, in this order of preference, each step named in the draft's cues:
 * time: a date after the cue in its clause, else the nearest before it in the sentence, else the
 * span the paragraph's previous sentence sets, else (for an agreement) the talks it came from,
 * else the publication date as an upper bound. Place: "In Paris, …" at the head of the sentence;
 * a place the cue's clause puts something in ("in As-Suwayda province"); for strikes and seizures
 * the place acted on; otherwise the subject ("Syria confirmed"), the first place after the cue,
 * a nationality before a role ("Syrian leader"); an agreement takes its talks' place; last, the
 * first country the article names (its lead), other than the actor's own.
 */
export function draftEvents(input: DraftInput): Draft[] {
  const { text, sentences, places, dates, published } = input;
  const drafts: Draft[] = [];
  const leadCountries = places.filter((p) => p.resolved?.kind === "country").map((p) => p.resolved as ResolvedPlace);
  let lastTalks: { time: EventTime; where: PlaceRef; place: ResolvedPlace } | undefined;
  // Mentions by sentence, once: a long article has thousands of each.
  const placesBySentence = groupBy(places.filter((p) => p.resolved), (p) => p.sentence);
  const datesBySentence = groupBy(dates.filter((d) => d.resolved), (d) => d.sentence);
  for (const sentence of sentences) {
    const cues = findCues(sentence.text, sentence.start);
    if (cues.length === 0) continue;
    const inSentence = placesBySentence.get(sentence.index) ?? [];
    const sentenceDates = datesBySentence.get(sentence.index) ?? [];
    const groups = groupByType(cues);
    for (const [type, group] of groups) {
      const cue = group.find((c) => c.kind === "verb") ?? (group[0] as Cue);
      // "The talks follow…", "The meeting, brokered…": a sentence opening on a definite noun refers back to an event told before.
      if (cue.kind === "noun" && /^(The|This|These|Those|That)\s+([\w-]+\s+)?$/.test(text.slice(sentence.start, cue.start))) continue;
      const segmentEnd = cues.find((c) => c.start > cue.end && c.type !== type)?.start ?? sentence.end;
      const reasons: string[] = [`${cue.kind} "${cue.word}" (${type})`];
      let confidence = cue.kind === "verb" ? 0.65 : 0.4;

      // ---- when
      let time: EventTime | undefined;
      const after = sentenceDates.filter((d) => d.start >= cue.start && d.start < segmentEnd).sort((a, b) => rangeLast(a, b) || a.start - b.start)[0];
      const before = sentenceDates.filter((d) => d.end <= cue.start).sort((a, b) => b.end - a.end)[0];
      const own = after ?? before;
      if (own?.resolved) {
        time = { phrase: own.text, ...own.resolved, bound: own === before && cues.some((c) => c.start > own.end && c.end <= cue.start && c.type !== type) ? "on-or-before" : "exact" };
        reasons.push(`time "${own.text}"`);
        confidence += 0.15;
      } else {
        const previous = sentences[sentence.index - 1];
        const inherited = previous && previous.paragraph === sentence.paragraph ? pickFrame(datesBySentence.get(previous.index) ?? []) : undefined;
        if (inherited?.resolved) {
          time = { phrase: inherited.text, ...inherited.resolved, bound: "exact", note: "From the sentence before, which sets the time this one follows." };
          reasons.push(`time "${inherited.text}" from the sentence before`);
        } else if (type === "agreement" && lastTalks) {
          time = { ...lastTalks.time, note: "Reached at the talks the article reports before; it dates only those." };
          reasons.push("time of the talks reported before");
        }
      }

      // ---- where
      let where: ResolvedPlace | undefined;
      let whereWhy = "";
      const usable = inSentence.filter((p) => !p.adjective);
      const fronted = usable.find((p) => p.start - sentence.start < 12 && FRONTED.test(text.slice(sentence.start, p.start)));
      const placed = usable.find((p) => p.locative && p.start >= cue.end && p.start < segmentEnd);
      // "brokered by the United States": after "by" comes who acted, not where.
      const object = usable.find((p) => p.start >= cue.end && p.start < segmentEnd && !/\bby\s+(the\s+)?$/i.test(text.slice(Math.max(0, p.start - 8), p.start)));
      const subject = [...usable].reverse().find((p) => p.end <= cue.start);
      const adjectiveRole = inSentence.find((p) => p.adjective && p.start >= cue.end && p.start < segmentEnd && ROLE_NOUN.test(text.slice(p.end, p.end + 20)));
      const actorCountry = [...inSentence].reverse().find((p) => p.end <= cue.start && p.resolved?.kind === "country")?.resolved;
      if (fronted) [where, whereWhy] = [fronted.resolved!, `place "${fronted.text}" heads the sentence`];
      else if (placed) [where, whereWhy] = [placed.resolved!, `place "${placed.text}" (in/at)`];
      else if (type === "agreement" && lastTalks && !own) [where, whereWhy] = [lastTalks.place, "place of the talks reported before"];
      else if (ACTED_ON.includes(type) && object) [where, whereWhy] = [object.resolved!, `place acted on "${object.text}"`];
      else if (!ACTED_ON.includes(type) && subject) [where, whereWhy] = [subject.resolved!, `subject "${subject.text}"`];
      else if (!ACTED_ON.includes(type) && object) [where, whereWhy] = [object.resolved!, `place "${object.text}" after the cue`];
      else if (adjectiveRole) [where, whereWhy] = [adjectiveRole.resolved!, `"${adjectiveRole.text}" before a role noun`];
      else if (type === "agreement" && lastTalks) [where, whereWhy] = [lastTalks.place, "place of the talks reported before"];
      else {
        const lead = leadCountries.find((c) => !actorCountry || c.feature !== actorCountry.feature || c.name !== actorCountry.name);
        if (lead) [where, whereWhy] = [lead, `no place in the sentence: the article's lead country, ${lead.name}`];
      }
      if (!where) continue;
      if (whereWhy.startsWith("no place")) confidence -= 0.2;
      else confidence += 0.1;
      reasons.push(whereWhy);

      if (!time) {
        time = { phrase: "(no date given)", precision: "day", start: published, end: published, bound: "on-or-before", note: "The article gives no date; its publication date bounds the event." };
        reasons.push("no date: publication date as an upper bound");
        confidence -= 0.1;
      }

      const whereRef = refOf(where);
      const about = uniqueRefs(inSentence.map((p) => p.resolved as ResolvedPlace).filter((p) => !samePlace(p, where)).map(refOf));
      const id = `${input.articleId}-${type}-${sentence.index + 1}`.slice(0, 120).replace(/-+$/, "");
      const draft: Draft = {
        id,
        article: input.articleId,
        title: `${EVENT_TYPE_INFO[type].label}: ${where.name}`,
        summary: sentence.text.length > 300 ? `${sentence.text.slice(0, 297)}…` : sentence.text,
        type,
        actors: actorsOf(text, sentence, cue, drafts, cues),
        time,
        where: whereRef,
        about,
        geoPrecision: precisionOf(where),
        sources: [{ start: sentence.start, end: sentence.end, quote: sentence.text }],
        review: { status: "unreviewed", method: "extracted", extractedAt: input.extractedAt, confidence: round2(Math.max(0.05, Math.min(0.95, confidence))), cues: reasons },
      };
      drafts.push(draft);
      if (type === "diplomacy" && own) lastTalks = { time, where: whereRef, place: where };
    }
  }
  return drafts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function groupByType(cues: readonly Cue[]): Map<EventType, Cue[]> {
  const groups = new Map<EventType, Cue[]>();
  for (const c of cues) groups.set(c.type, [...(groups.get(c.type) ?? []), c]);
  return groups;
}

/** Of two dates in a clause, the narrower one dates the event ("in December", not "since … December"). */
const rangeLast = (a: DateMention, b: DateMention) => Number(a.resolved?.precision === "range") - Number(b.resolved?.precision === "range");

/** The span a sentence sets for the next one: its range if it has one ("since …"), else its last date. */
function pickFrame(dates: readonly DateMention[]): DateMention | undefined {
  return dates.find((d) => d.resolved?.precision === "range") ?? dates[dates.length - 1];
}

function refOf(p: ResolvedPlace): PlaceRef {
  return p.layer && p.feature ? { layer: p.layer, feature: p.feature } : { name: p.name, point: p.point };
}

function samePlace(a: ResolvedPlace, b: ResolvedPlace): boolean {
  return a.layer && a.feature ? a.layer === b.layer && a.feature === b.feature : a.name === b.name && a.point[0] === b.point[0] && a.point[1] === b.point[1];
}

function uniqueRefs(refs: PlaceRef[]): PlaceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function precisionOf(p: ResolvedPlace): GeoPrecision {
  return p.kind === "country" ? "country" : p.kind === "area" ? "region" : "city";
}

/**
 * Who acted: the words before the cue in its clause ("Israel", "its foreign minister"), without
 * auxiliaries; a pronoun ("it", "who") stands for the actor of the draft before.
 */
function actorsOf(text: string, sentence: Sentence, cue: Cue, drafts: readonly Draft[], cues: readonly Cue[]): string[] {
  const previousCue = [...cues].reverse().find((c) => c.end <= cue.start);
  const head = text.slice(previousCue ? previousCue.end : sentence.start, cue.start);
  const clause = (head.split(/[,;:“”"]|\bthat\b|\band\b(?=\s+\w+ed\b)/).pop() ?? "")
    .replace(/\b(has|have|had|was|were|is|are|also|since|formally|not|will|would|then|later|reportedly)\b/gi, " ")
    .replace(/\b(on|in|at)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
  const words = clause.split(" ").filter(Boolean);
  const previous = drafts[drafts.length - 1];
  if (PRONOUN.test(clause) && previous) return [...previous.actors.slice(0, 1)];
  // A subject reads as a name or a short phrase ("Israel", "Hundreds of Druze", "US envoy Barrack"); a longer run is not one.
  if (clause && words.length <= 8 && /^\p{Lu}/u.test(clause) && !/^(The|A|An|Among|According|In|On|At|After|Before)\b/.test(clause)) return [clause];
  return ["Not named in the article"];
}

const round2 = (v: number) => Math.round(v * 100) / 100;
