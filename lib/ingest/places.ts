import type { Country } from "./countries";
import { countryIndex, countryOfAdjective } from "./countries";
import { foldName, foldWithOffsets } from "./fold";
import type { Gazetteer } from "./gazetteer";
import type { LayerPlace } from "./places-index";
import { sentenceAt, type Sentence } from "./sentences";

/** Where a resolved place comes from: a layer feature, a country, or the GeoNames gazetteer. */
export type PlaceTier = "layer" | "country" | "gazetteer";

export type ResolvedPlace = {
  name: string;
  point: [number, number];
  layer?: string;
  feature?: string;
  tier: PlaceTier;
  /** What the marker stands for: an area (province, zone), a country, or a point (a town). */
  kind: "area" | "country" | "point";
  /** ISO 3166-1 alpha-2 of the country the place is, or is in, when known. */
  country?: string;
};

export type PlaceMention = {
  text: string;
  start: number;
  end: number;
  sentence: number;
  resolved: ResolvedPlace | null;
  /** Other places of the same name the ranking put below the chosen one ("two places, one name"). */
  alternatives: ResolvedPlace[];
  /** "in Paris", "at Quneitra": the text puts something there (not merely names it). */
  locative: boolean;
  /** "Syrian", "Israeli": an adjective of nationality, kept apart from the names of places. */
  adjective: boolean;
  /** Why the mention resolved as it did, in words an analyst can check. */
  why: string;
};

export type PlaceContext = { layers: readonly LayerPlace[]; gazetteer?: Gazetteer };

/** Words that put a thing at a place: "in Paris", "at the crossing", "inside Syria". */
const LOCATIVE = /\b(in|at|inside|within|into|near|outside|from|to|across|toward|towards)\s+(the\s+)?$/i;
const PLACING = /\b(in|at|inside|within|into)\s+(the\s+)?$/i;
/** A person's title before a name: the name that follows is a person's, not a place's. */
const TITLE = /^(minister|president|envoy|leader|sheikh|shaykh|official|spokesman|spokeswoman|spokesperson|secretary|general|gen\.|king|queen|prince|mr\.?|mrs\.?|ms\.?|dr\.?|ambassador|premier|commander|chief|colonel|senator|imam|rabbi|pope|emir|sultan|mayor|governor|judge|reporter|correspondent)$/i;
/** Words that end an organisation's name ("Syrian Democratic Forces", "Trump administration"). */
const ORGANISATION = /^(agency|ministry|council|party|army|forces|administration|committee|front|organization|organisation|news|movement|brigades?|corps|company|group|bank|fund|union|league|commission|office|institute|university|times|post)$/i;
/** Capitalised words that start sentences or name times, not places. */
const NOT_A_NAME = /^(the|a|an|in|on|at|of|and|but|or|as|by|for|from|to|with|after|before|since|during|among|according|last|next|this|that|these|those|it|its|he|she|they|we|his|her|their|our|there|here|when|while|where|what|who|which|why|how|if|then|also|meanwhile|however|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|hundreds|thousands|dozens|some|many|several|both|each|all|no|one|two|three|first|mr|mrs|ms|dr)$/i;
/** A name part that continues a capitalised name in lower case: "al-Shaibani", "bin Salman". */
const NAME_PARTICLE = /^(al|as|ash|ad|an|ar|at|az|el|ibn|bin|bint|abu|de|du|la|le|van|von|der)(-|$)/i;
const GEO_NOUN = /^\s*(province|governorate|region|district|county|area|state|oblast)\b/i;
const CITY_NOUN = /^\s*(city|town|village)\b/i;

type Span = { start: number; end: number; text: string; sentence: number };

/**
 * Place mentions by tiers: the store's layer features under every name they go by (aliases
 * included, so "the buffer zone" lands on the Area of Separation), then countries, then the
 * gazetteer, ranked by population, the countries the article names and nearness to its other
 * places. Names of people and organisations are set aside first; a capitalised name after "in",
 * "at", "near"… that nothing matches is kept as an unresolved mention, for the analyst to place.
 */
export function findPlaces(text: string, sentences: readonly Sentence[], context: PlaceContext): PlaceMention[] {
  const folded = foldWithOffsets(text);
  const sentenceOf = (offset: number) => sentenceAt(sentences, offset)?.index ?? -1;
  const { byName } = countryIndex();
  const mentions: PlaceMention[] = [];
  const taken = (start: number, end: number) => mentions.some((m) => m.start < end && start < m.end);

  // 1. Layer features by any of their names, longest names first so "Golan Heights" wins over "Golan".
  const layerHits: { start: number; end: number; places: LayerPlace[] }[] = [];
  const byFoldedName = new Map<string, LayerPlace[]>();
  for (const place of context.layers) for (const n of place.names) byFoldedName.set(n, [...(byFoldedName.get(n) ?? []), place]);
  const names = [...byFoldedName.keys()].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length);
  for (const name of names) {
    let at = folded.text.indexOf(name);
    while (at >= 0) {
      const endAt = at + name.length;
      if (isWordEdge(folded.text, at - 1) && isWordEdge(folded.text, endAt)) {
        const start = folded.origin[at] ?? 0;
        const end = folded.origin[endAt] ?? text.length;
        if (!layerHits.some((h) => h.start < end && start < h.end) && !isLowerCaseOfName(text.slice(start, end), name)) {
          layerHits.push({ start, end, places: byFoldedName.get(name) ?? [] });
        }
      }
      at = folded.text.indexOf(name, at + 1);
    }
  }

  const spans = capitalisedSpans(text, sentenceOf);
  const people = peopleAndOrganisations(spans, text);
  for (const hit of layerHits.sort((a, b) => a.start - b.start)) {
    if (people.has(text.slice(hit.start, hit.end))) continue;
    const after = text.slice(hit.end, hit.end + 20);
    const place = chooseLayerPlace(hit.places, after);
    const country = place.isArea ? place.names.map((n) => byName.get(n)).find(Boolean) : undefined;
    const resolved = country ? { ...toResolved(place, country.code), kind: "country" as const } : toResolved(place);
    mentions.push(mention(text, hit.start, hit.end, sentenceOf(hit.start), resolved, [], `layer ${place.layer}, feature ${place.feature}${country ? " (a country)" : ""}`));
  }

  // 2 and 3. Capitalised names: countries, adjectives of nationality, then the gazetteer.
  const pending: { span: Span; rows: readonly number[] }[] = [];
  for (const span of spans) {
    if (taken(span.start, span.end) || people.has(span.text)) continue;
    // "Trump administration", "Assad regime": a name that an organisation word follows is not a place (an adjective of nationality still is).
    const organisation = ORGANISATION.test(/^\s*(\S+)/.exec(text.slice(span.end, span.end + 20))?.[1] ?? "");
    const key = foldName(span.text);
    const country = byName.get(key);
    if (country) {
      mentions.push(mention(text, span.start, span.end, span.sentence, countryPlace(country, context.layers), [], "country name"));
      continue;
    }
    const of = span.text.includes(" ") ? undefined : countryOfAdjective(span.text, byName);
    if (of) {
      const m = mention(text, span.start, span.end, span.sentence, countryPlace(of, context.layers), [], `adjective of ${of.name}`);
      m.adjective = true;
      mentions.push(m);
      continue;
    }
    // Acronyms ("SANA", "UN") are organisations far more often than towns: only the tiers above resolve them.
    if (/^[A-Z]{2,6}$/.test(span.text) || organisation) continue;
    const rows = context.gazetteer?.lookup(key) ?? [];
    const locative = LOCATIVE.test(text.slice(Math.max(0, span.start - 12), span.start));
    if (rows.length > 0) pending.push({ span, rows });
    else if (locative) mentions.push(mention(text, span.start, span.end, span.sentence, null, [], "no layer feature, country or gazetteer place has this name"));
  }

  // The gazetteer's candidates are ranked once the other tiers have said which countries and places the article is about.
  const articleCountries = new Set(mentions.map((m) => m.resolved?.country).filter((c): c is string => Boolean(c)));
  // Distinct points only: a long article names the same places hundreds of times.
  const anchors = [...new Map(mentions.filter((m) => m.resolved && !m.adjective && m.resolved.kind !== "country").map((m) => [m.resolved!.point.join(","), m.resolved!.point])).values()];
  const ranked = new Map<string, { row: number; point: [number, number]; score: number; inCountry: boolean }[]>();
  const g = context.gazetteer;
  for (const { span, rows } of pending) {
    if (!g) break;
    const locative = LOCATIVE.test(text.slice(Math.max(0, span.start - 12), span.start));
    const key = foldName(span.text);
    const scored =
      ranked.get(key) ??
      rows
      .map((row) => {
        const point: [number, number] = [round4(g.lon(row)), round4(g.lat(row))];
        const inCountry = articleCountries.has(g.country(row));
        const near = anchors.some((a) => distanceKm(a, point) < 300);
        const score = Math.log10(g.population(row) + 10) + (inCountry ? 1.5 : 0) + (near ? 1 : 0);
        return { row, point, score, inCountry };
      })
      .sort((a, b) => b.score - a.score);
    ranked.set(key, scored);
    const best = scored[0];
    if (!best) continue;
    // A lone capitalised word that is not put somewhere ("Hundreds", "Among") needs a town of some size, in a country the article names.
    if (!locative && !best.inCountry && g.population(best.row) < 100_000) continue;
    const toPlace = (c: (typeof scored)[number]): ResolvedPlace => {
      const layer = context.layers.find((p) => p.geonameId === g.geonameId(c.row));
      return layer ? toResolved(layer, g.country(c.row)) : { name: g.name(c.row), point: c.point, tier: "gazetteer", kind: "point", country: g.country(c.row) };
    };
    const alternatives = scored.slice(1, 4).filter((c) => distanceKm(c.point, best.point) > 50).map(toPlace);
    mentions.push(
      mention(text, span.start, span.end, span.sentence, toPlace(best), alternatives, `gazetteer: ${g.name(best.row)}, ${g.country(best.row)}, population ${g.population(best.row)}${best.inCountry ? ", in a country the article names" : ""}`),
    );
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function mention(text: string, start: number, end: number, sentence: number, resolved: ResolvedPlace | null, alternatives: ResolvedPlace[], why: string): PlaceMention {
  const before = text.slice(Math.max(0, start - 12), start);
  return { text: text.slice(start, end), start, end, sentence, resolved, alternatives, locative: PLACING.test(before), adjective: false, why };
}

/** A name found in lower case where the feature's name is a proper name ("paris" in "parisian" is excluded by word edges; "syria" in running text is not lower case). */
function isLowerCaseOfName(found: string, folded: string): boolean {
  // Multi-word names written in lower case in the data ("buffer zone") match as written.
  return found === found.toLowerCase() && !folded.includes(" ") && found.length < 5;
}

function isWordEdge(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return true;
  return !/[\p{L}\p{N}]/u.test(s[i] ?? "");
}

/** Same name, several features: an area unless the text says "city"/"town"; a region noun ("province") confirms the area. */
function chooseLayerPlace(places: readonly LayerPlace[], after: string): LayerPlace {
  const wantsPoint = CITY_NOUN.test(after);
  const wantsArea = GEO_NOUN.test(after) || !wantsPoint;
  const pick = places.find((p) => (wantsArea ? p.isArea : !p.isArea)) ?? places[0];
  return pick as LayerPlace;
}

function toResolved(place: LayerPlace, country?: string): ResolvedPlace {
  return { name: place.name, point: place.point, layer: place.layer, feature: place.feature, tier: "layer", kind: place.isArea ? "area" : "point", country };
}

/** A country, as the layer feature of that name when a layer has one (so the map shows its outline). */
function countryPlace(country: Country, layers: readonly LayerPlace[]): ResolvedPlace | null {
  const names = new Set(country.names.map(foldName));
  const layer = layers.find((p) => p.isArea && p.names.some((n) => names.has(n)));
  if (layer) return { ...toResolved(layer, country.code), kind: "country" };
  if (!country.point) return null;
  return { name: country.name, point: country.point, tier: "country", kind: "country", country: country.code };
}

/** Runs of capitalised words ("Golan Heights", "Foreign Minister Asaad Hassan al-Shaibani"), minus sentence-opening words. */
function capitalisedSpans(text: string, sentenceOf: (offset: number) => number): Span[] {
  const spans: Span[] = [];
  const word = /[\p{L}][\p{L}\p{M}.'’-]*/gu;
  let current: { start: number; end: number } | undefined;
  let lastEnd = -1;
  const flush = () => {
    if (current) {
      let s = text.slice(current.start, current.end).replace(/[.'’-]+$/, "");
      let start = current.start;
      // Drop leading words that are not names ("The", "In", "Last").
      for (;;) {
        const first = /^(\S+)\s+/.exec(s);
        if (!first || !NOT_A_NAME.test(first[1] ?? "")) break;
        start += first[0].length;
        s = s.slice(first[0].length);
      }
      if (s && !NOT_A_NAME.test(s) && /^\p{Lu}/u.test(s)) spans.push({ start, end: start + s.length, text: s, sentence: sentenceOf(start) });
    }
    current = undefined;
  };
  for (const m of text.matchAll(word)) {
    const w = m[0].replace(/['’]s$/, "");
    const start = m.index;
    const capital = /^\p{Lu}/u.test(w);
    const gap = text.slice(lastEnd, start);
    const joined = current !== undefined && /^[ ]$/.test(gap);
    if (capital || (joined && NAME_PARTICLE.test(w))) {
      if (joined && current) current.end = start + w.length;
      else {
        flush();
        current = { start, end: start + w.length };
      }
    } else flush();
    lastEnd = start + m[0].length;
    if (m[0] !== w) {
      // A possessive ends the name: "Syria’s besieged".
      flush();
    }
  }
  flush();
  return spans;
}

/**
 * Names of people and organisations, which must not be taken for places: a capitalised run with a
 * title in it or just before it ("envoy Tom Barrack", "Sheikh Muwaffaq Tarif"), and later the
 * single words of such names ("Barrack"); a run ending in an organisation word.
 */
function peopleAndOrganisations(spans: readonly Span[], text: string): Set<string> {
  const out = new Set<string>();
  for (const span of spans) {
    const words = span.text.split(/\s+/);
    const before = /(\S+)\s+$/.exec(text.slice(Math.max(0, span.start - 20), span.start))?.[1] ?? "";
    const titleAt = words.findIndex((w) => TITLE.test(w));
    if (TITLE.test(before) || titleAt >= 0) {
      const name = titleAt >= 0 ? words.slice(titleAt + 1) : words;
      if (name.length === 0) continue;
      out.add(span.text);
      out.add(name.join(" "));
      for (const w of name) if (w.length > 2 && !NAME_PARTICLE.test(w)) out.add(w);
    } else if (words.length > 1 && ORGANISATION.test(words[words.length - 1] ?? "")) out.add(span.text);
  }
  return out;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Great-circle distance, to rank places near the article's other places. */
export function distanceKm([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
}
