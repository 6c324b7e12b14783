import type { Feature } from "geojson";
import { fold, foldedText } from "@/lib/events/filter";
import type { LoadedEvent } from "@/lib/model/event";

/** Property keys that hold a name of the feature: name, name_en, name:ar, alt_name, official_name_en… */
const NAME_KEY = /(^|[_:])name($|[_:])/i;

/**
 * Every name a feature goes by, folded and without repeats: its label, the name-like properties
 * (other languages and scripts included) and the aliases its layer's manifest gives it. This is
 * what lets "Sweida", "Suwayda" and "السويداء" find the same events.
 */
export function featureNames(feature: Feature, labelProperty: string, aliases: readonly string[] = []): string[] {
  const props = feature.properties ?? {};
  const names = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === "string" && v.trim()) names.add(fold(v.trim()));
  };
  add(props[labelProperty]);
  for (const [key, value] of Object.entries(props)) if (NAME_KEY.test(key)) add(value);
  aliases.forEach(add);
  return [...names];
}

/**
 * The folded text `q` searches in an event: what `filterEvents` searches (title, summary, type,
 * actors, place names, quotes), then the alternate names of the features it names.
 */
export function eventSearchText(event: LoadedEvent, alternateNames: readonly string[]): string {
  const base = foldedText(event);
  return alternateNames.length ? `${base}\n${alternateNames.join("\n")}` : base;
}

export { fold };
