// Writes a data folder whose every free-text field is an XSS payload from tests/fixtures/xss/payloads.txt:
// the article's title, publisher and text (so the event quotes too, at matching offsets), event
// titles, summaries, actors, time phrases and place names and notes, GeoJSON feature properties,
// and layer manifests (title, description, provenance). tests/e2e/xss.test.ts serves it.
//   node scripts/make-hostile-fixture.mjs [out dir]   (default tests/fixtures/data/hostile)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const payloads = readFileSync(path.join(ROOT, "tests/fixtures/xss/payloads.txt"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "");
const out = path.resolve(process.argv[2] ?? path.join(ROOT, "tests/fixtures/data/hostile"));
const p = (i) => payloads[i % payloads.length];
const TYPES = ["diplomacy", "statement", "agreement", "strike", "territorial-control", "armed-clash", "protest", "political-change", "humanitarian-appeal"];

// Around As-Suwayda, so that the default camera (the Levant) frames everything.
const W = 36.3, S = 32.4, E = 36.9, N = 33.0;

const provenance = (i) => ({
  source: p(i),
  licence: p(i + 1),
  attribution: p(i + 2),
  date: p(i + 3),
  accuracy: p(i + 4),
  status: p(i + 5),
});

const layers = [
  {
    id: "hostile-zone",
    colour: "#d01c8b",
    geojson: {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          id: "zone",
          properties: { name: p(15), note: p(16), description: p(17), url: "javascript:window.__xss=1", html: p(0) },
          geometry: { type: "Polygon", coordinates: [[[W, S], [E, S], [E, N], [W, N], [W, S]]] },
        },
      ],
    },
  },
  {
    id: "hostile-towns",
    colour: "#4dac26",
    labelProperty: "name",
    geojson: {
      type: "FeatureCollection",
      features: Array.from({ length: 24 }, (_, i) => ({
        type: "Feature",
        id: i < 20 ? `town-${i}` : p(i), // a few hostile feature ids as well; events cannot name those
        properties: { name: p(i * 5), alt: p(i * 5 + 1), source: p(i * 5 + 2), [p(i * 5 + 3)]: p(i * 5 + 4) },
        geometry: { type: "Point", coordinates: [W + 0.05 + (i % 6) * 0.1, S + 0.05 + Math.floor(i / 6) * 0.12] },
      })),
    },
  },
];

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, "geo"), { recursive: true });
mkdirSync(path.join(out, "articles"), { recursive: true });

layers.forEach((layer, index) => {
  const manifest = {
    id: layer.id,
    title: p(20 + index * 7),
    description: p(21 + index * 7),
    file: `${layer.id}.geojson`,
    role: "overlay",
    defaultVisible: true,
    order: index + 1,
    labelProperty: layer.labelProperty ?? "name",
    style: { color: layer.colour, fillOpacity: 0.4 },
    provenance: provenance(22 + index * 7),
  };
  writeFileSync(path.join(out, "geo", `${layer.id}.layer.json`), JSON.stringify(manifest, null, 1));
  writeFileSync(path.join(out, "geo", `${layer.id}.geojson`), JSON.stringify(layer.geojson, null, 1));
});

// The text: one paragraph per payload; each event quotes its paragraph at its exact offsets.
let text = "";
const spans = payloads.map((payload, i) => {
  const sentence = `Report ${i + 1}: ${payload}`;
  const start = text.length;
  text += sentence;
  const end = text.length;
  text += "\n\n";
  return { start, end, quote: sentence };
});

const day = (i) => {
  const d = new Date(Date.UTC(2025, 0, 1) + (i % 220) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

const events = payloads.map((payload, i) => ({
  id: `hostile-${i + 1}`,
  article: "hostile",
  title: payload,
  summary: p(i + 1),
  type: TYPES[i % TYPES.length],
  actors: [p(i + 2), p(i + 3)],
  time: { phrase: p(i + 4), precision: "day", start: day(i), end: day(i), note: p(i + 5) },
  where:
    i % 3 === 0
      ? { layer: "hostile-towns", feature: `town-${i % 20}`, note: p(i + 6) }
      : { name: p(i + 6), point: [W + 0.02 + ((i * 37) % 56) / 100, S + 0.02 + ((i * 53) % 56) / 100], note: p(i + 7) },
  about: [{ layer: "hostile-zone", feature: "zone", note: p(i + 8) }],
  geoPrecision: i % 2 ? "exact" : "region",
  sources: [spans[i]],
}));

writeFileSync(
  path.join(out, "articles", "hostile.article.json"),
  JSON.stringify(
    {
      id: "hostile",
      title: p(0),
      titleNote: p(1),
      publisher: p(2),
      published: "2025-08-20",
      language: "en",
      textFile: "hostile.txt",
      eventsFile: "hostile.events.json",
    },
    null,
    1,
  ),
);
writeFileSync(path.join(out, "articles", "hostile.txt"), text);
writeFileSync(path.join(out, "articles", "hostile.events.json"), JSON.stringify({ events }, null, 1));
console.log(`${out}: ${payloads.length} payloads in ${events.length} events, ${layers.length} layers`);
