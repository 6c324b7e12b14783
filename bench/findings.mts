/** Written by hand after looking at runs, profiles and the build; the bench puts it under the figures. */
export const FINDINGS = `
- **Noise.** The machine is shared with builds and browsers of other work; figures come from runs
  interleaved side by side (Briefmap, floor, Briefmap, …), so load hits both sides alike, but min–max
  spreads are wide. The ratios are what to compare.
- **Open a shared link (goal 1).** Briefmap must download, parse and hydrate Next and React before
  React mounts the map; the floor creates the map as its first act. Fixed so far: MapLibre's import and
  the visible layers' GeoJSON now start when the dashboard module runs (not after hydration), and zod
  no longer ships to the browser (the event vocabulary moved out of the schema module). What remains:
  the map still waits for hydration; creating it from a small module that runs before React (and
  handing it to the component) would remove most of the gap.
- **Own code (goal 2).** Measured through the build's source maps (see §2): 23.9 KB gzip. An earlier
  content heuristic counted React DOM as Briefmap's (it shares strings such as the SVG namespace with
  app code) and zod really shipped to the browser; both are gone.
- **Many events (goal 3).** Past 2,000 events the page carries none and the dashboard fetches the brief
  form (\`/api/events?detail=brief\`): for 10,000 events this brought data → idle from 2.1× (every
  field of every event sent) to 1.0–1.15× across runs. At 100,000 the brief JSON is still tens of
  MB parsed on the main thread, kept in React state and cloned to MapLibre's worker, where the floor
  gives MapLibre a URL its worker fetches and parses. Fix: hand MapLibre the events URL for the map
  and keep only the first rows and per-day counts on the main thread for the list and timeline.
  Panning p95 is set by the software renderer drawing the cluster layers plus the focus and label
  layers Briefmap draws above them.
- **Caveat on the floor's events figures.** The floor's events file is fetched by MapLibre's worker;
  the "data transferred" column shows 1.6 KB for it, which cannot be 10,000 events, so the bench does
  not see that request and the floor's "data arrival" is probably taken too early or too late. Treat
  the goal-3 data → idle ratios as indicative until the bench reads the worker's request (CDP
  \`Network\` events of the worker target).
- **Print (goal 4).** The print map used to redraw at print resolution every time data arrived and
  encoded a PNG of several megapixels on the main thread (26 s for A4 300 dpi here); it now loads at
  screen resolution, draws once at print resolution and keeps a JPEG (about 6 s). The peer draws the
  whole page as one 3508×2480 image; Briefmap's map is one part of a laid-out sheet, so its image is
  smaller: the per-pixel ratio is given beside the total.
- **API.** \`/api/events\` scans all events for each request and sends every field of each match; over
  100,000 events a bbox and a three-month window still match thousands. A spatial and time index
  (e.g. a packed R-tree) and \`detail=brief\` for clients that draw would cut both.
`;
