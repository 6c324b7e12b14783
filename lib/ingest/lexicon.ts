import type { EventType } from "@/lib/model/event-types";

/**
 * The words that make a sentence report an event of a type: verbs (every inflection written out,
 * so that the cue shown to the analyst is the word in the text) and nouns. A verb weighs more than
 * a noun: "Israel struck" reports a strike; "the strike" may only refer to one. Documented in the
 * README ("Adding an article"); change it there and here together.
 */
export type LexiconEntry = { verbs: readonly string[]; nouns: readonly string[] };

export const LEXICON: Record<EventType, LexiconEntry> = {
  diplomacy: {
    verbs: ["met", "meet", "meets", "meeting with", "held talks", "hold talks", "holds talks", "visited", "visits", "hosted", "hosts", "brokered", "mediated", "negotiated", "negotiating"],
    nouns: ["talks", "summit", "negotiations", "visit"],
  },
  statement: {
    verbs: ["said", "says", "confirmed", "confirms", "announced", "announces", "declared", "declares", "stated", "warned", "warns", "denied", "denies", "condemned", "condemns", "accused", "accuses", "backs", "backed", "called for", "calls for", "saying"],
    nouns: ["statement", "announcement", "declaration"],
  },
  agreement: {
    verbs: ["agreed", "agrees", "signed", "signs", "reached", "reaches", "ratified"],
    nouns: ["agreement", "accord", "deal", "treaty", "ceasefire", "truce", "understandings", "renewal"],
  },
  strike: {
    verbs: ["struck", "strikes", "bombed", "bombs", "shelled", "shells", "targeted", "targets", "hit", "launched strikes", "carried out strikes", "carried out airstrikes", "fired"],
    nouns: ["airstrike", "airstrikes", "air strike", "air strikes", "strike", "bombardment", "shelling", "drone attack", "missile attack"],
  },
  "territorial-control": {
    verbs: ["seized", "seizes", "captured", "captures", "took control", "takes control", "occupied", "occupies", "withdrew", "withdraws", "entered", "advanced", "retook", "recaptured"],
    nouns: ["seizure", "capture", "occupation", "withdrawal", "incursion"],
  },
  "armed-clash": {
    verbs: ["clashed", "clash", "fought", "erupted", "attacked", "ambushed"],
    nouns: ["clashes", "fighting", "battle", "firefight", "gunfight", "skirmish", "skirmishes", "hostilities"],
  },
  protest: {
    verbs: ["demonstrated", "protested", "protests", "rallied", "marched", "gathered to protest"],
    nouns: ["protest", "protesters", "demonstration", "demonstrations", "demonstrators", "rally", "sit-in"],
  },
  "political-change": {
    verbs: ["overthrew", "ousted", "resigned", "elected", "appointed", "sworn in", "toppled", "dissolved"],
    nouns: ["overthrow", "coup", "resignation", "election", "inauguration", "fall of"],
  },
  "humanitarian-appeal": {
    verbs: ["appealed", "appeals", "urged", "urges", "pleaded"],
    nouns: ["appeal", "humanitarian aid", "humanitarian corridor", "aid convoy"],
  },
};

/** A verb or noun of the lexicon found in a sentence, at text offsets. */
export type Cue = { type: EventType; word: string; start: number; end: number; kind: "verb" | "noun" };

/** A negation just before a cue: "Israel has not formally commented" reports no statement. */
const NEGATION = /\b(not|never|no|denied that|without)\s+(\w+\s+){0,2}$/i;

/** Every word of the lexicon with its pattern, longest first (compiled once: a long article has thousands of sentences). */
const PATTERNS = (Object.entries(LEXICON) as [EventType, LexiconEntry][])
  .flatMap(([type, e]) => [...e.verbs.map((w) => ({ type, w, kind: "verb" as const })), ...e.nouns.map((w) => ({ type, w, kind: "noun" as const }))])
  .sort((a, b) => b.w.length - a.w.length)
  .map((entry) => ({ ...entry, re: new RegExp(`(?<![\\p{L}-])${entry.w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}-])`, "gu") }));

/** Every lexicon cue in a sentence, longest first where they overlap, with negated ones dropped. */
export function findCues(sentence: string, offset: number): Cue[] {
  const found: Cue[] = [];
  const lower = sentence.toLowerCase();
  for (const { type, w, kind, re } of PATTERNS) {
    if (!lower.includes(w)) continue;
    for (const m of lower.matchAll(re)) {
      const start = m.index;
      const end = start + w.length;
      if (found.some((c) => c.start < end && start < c.end)) continue;
      if (NEGATION.test(lower.slice(Math.max(0, start - 30), start))) continue;
      found.push({ type, word: sentence.slice(start, end), start: offset + start, end: offset + end, kind });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
