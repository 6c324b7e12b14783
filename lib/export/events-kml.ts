import type { LoadedEvent } from "@/lib/model/event";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { xml } from "./kml-text";

export const kmlHead = (title: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n<name>${xml(title)}</name>\n`;
export const kmlTail = "</Document>\n</kml>\n";

/**
 * One event as a Placemark; its TimeSpan (first and last day) drives Google Earth's time slider.
 * The description quotes the source sentence; ExtendedData keeps the fields a reader filters on.
 */
export function eventPlacemark(e: LoadedEvent): string {
  const data: [string, string][] = [
    ["type", e.type],
    ["time_precision", e.time.precision],
    ["time_phrase", e.time.phrase],
    ["geo_precision", e.geoPrecision],
    ["actors", e.actors.join("; ")],
    ["article", e.article],
    ["quote", e.sources[0]?.quote ?? ""],
  ];
  if (e.origin) data.push(["origin", `${e.origin.dataset} ${e.origin.record}`]);
  if (e.origin?.url) data.push(["source_url", e.origin.url]);
  return (
    `<Placemark id="${xml(e.id)}"><name>${xml(e.title)}</name>` +
    `<description>${xml(`${EVENT_TYPE_INFO[e.type].label}. ${e.summary}\n\n“${e.sources[0]?.quote ?? ""}”`)}</description>` +
    `<TimeSpan><begin>${e.time.start}</begin><end>${e.time.end}</end></TimeSpan>` +
    `<ExtendedData>${data.map(([k, v]) => `<Data name="${k}"><value>${xml(v)}</value></Data>`).join("")}</ExtendedData>` +
    `<Point><coordinates>${e.place.point[0]},${e.place.point[1]}</coordinates></Point></Placemark>\n`
  );
}
