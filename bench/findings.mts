/** Written by hand after looking at a run and at the build; the bench puts it under the figures. */
export const FINDINGS = `
- **Noise.** The machine this was written on was shared with other builds and type checks (load
  average 10–14 on 2 cores during the first run): absolute times are inflated and min–max spreads are
  wide. The ratios come from interleaved runs (Briefmap, floor, Briefmap, …) so that load hits both
  sides alike, but rerun \`npm run bench\` on a quiet machine before drawing conclusions.
- **Many events (goal 3).** Briefmap's server renders the first view's events into the page: with
  \`BRIEFMAP_SYNTHETIC_EVENTS=100000\` every \`LoadedEvent\` (title, summary, actors, time, place,
  sources…) is serialized into the RSC payload of the HTML (see the "data transferred" column:
  the HTML carries far more than the floor's slim GeoJSON), then React hydrates the dashboard, the
  event list and the timeline with all of them before the map gets them. Fix (app side): send the
  first view's events to the client as a compact GeoJSON of what the map draws (id, type, colour,
  title, point) or fetch \`/api/events\` only once the map exists, and keep full events for the
  list page-wise (virtualised list, first N rows server-rendered).
- **Print (goal 4).** \`page.pdf()\` at 300 dpi on SwiftShader is dominated by rendering the map at
  pixel ratio ≈3 (see ENVIRONMENT.md: ratio 3 ≈ 1 s, ratio 6 = 5–7 s on a quiet machine).
`;
