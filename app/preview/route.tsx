import { ImageResponse } from "next/og";
import type { NextRequest } from "next/server";
import { answer } from "@/lib/api/responses";
import { basemapLand } from "@/lib/data/basemap";
import { mapSvg } from "@/lib/preview/map-svg";
import { previewFrame } from "@/lib/preview/preview-frame";
import { getStore } from "@/lib/store";
import { viewEventQuery } from "@/lib/view/event-query";
import { featureBBoxesOf, selectedEvent, viewTitle, visibleLayerIds } from "@/lib/view/first-view";
import { readServerView } from "@/lib/view/server-view";
import { MAX_INLINE_EVENTS } from "@/lib/view/view-events-shape";

const WIDTH = 1200;
const HEIGHT = 630;

/** The link preview of a view: its map with layers and events, drawn on the server without a browser. */
export async function GET(request: NextRequest) {
  return answer(() => preview(request));
}

async function preview(request: NextRequest): Promise<Response> {
  const store = await getStore();
  const { view, layers: summaries } = await readServerView(store, Object.fromEntries(request.nextUrl.searchParams));
  const query = viewEventQuery(view);
  // A picture shows at most a page's worth of markers; the subtitle counts them all.
  const [events, { count }, selected] = await Promise.all([store.events(query, { limit: MAX_INLINE_EVENTS }), store.aggregate(query), selectedEvent(store, view)]);
  const visible = visibleLayerIds(summaries, view);
  const layers = (await Promise.all(summaries.filter((l) => visible.includes(l.id)).map((l) => store.layer(l.id)))).filter((l) => l !== undefined);
  const featureBBox = await featureBBoxesOf(store, selected ? [selected.place, ...selected.aboutPlaces] : []);
  const frame = previewFrame(featureBBox, view, selected, WIDTH, HEIGHT);
  const svg = mapSvg(frame, await basemapLand(), layers, events, selected?.id ?? null);
  const title = viewTitle(view, selected) ?? "Situation map";
  const subtitle = `${count} event${count === 1 ? "" : "s"} · ${layers.map((l) => l.manifest.title).join(" · ")}`;
  return new ImageResponse(
    (
      <div style={{ display: "flex", width: "100%", height: "100%", position: "relative", fontFamily: "sans-serif" }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- satori draws <img>, not next/image */}
        <img src={`data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`} width={WIDTH} height={HEIGHT} alt="" />
        <div style={{ position: "absolute", left: 0, right: 0, bottom: 0, display: "flex", flexDirection: "column", padding: "18px 28px", background: "rgba(27,31,36,0.82)", color: "#fff" }}>
          <div style={{ fontSize: 40, fontWeight: 700, lineHeight: 1.15 }}>{clip(title, 80)}</div>
          <div style={{ fontSize: 22, opacity: 0.85, marginTop: 6 }}>{clip(`Briefmap · ${subtitle}`, 110)}</div>
        </div>
      </div>
    ),
    { width: WIDTH, height: HEIGHT, headers: { "cache-control": "public, max-age=300" } },
  );
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
