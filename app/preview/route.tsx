import { ImageResponse } from "next/og";
import type { NextRequest } from "next/server";
import { getBriefData } from "@/lib/data";
import { basemapLand } from "@/lib/data/basemap";
import { mapSvg } from "@/lib/preview/map-svg";
import { previewFrame } from "@/lib/preview/preview-frame";
import { eventsOfView, knownIds, viewTitle, visibleLayerIds } from "@/lib/view/first-view";
import { readView } from "@/lib/view/read-view";

const WIDTH = 1200;
const HEIGHT = 630;

/** The link preview of a view: its map with layers and events, drawn on the server without a browser. */
export async function GET(request: NextRequest) {
  const data = await getBriefData();
  const { view } = readView(Object.fromEntries(request.nextUrl.searchParams), knownIds(data));
  const { events, selected } = eventsOfView(data, view);
  const visible = visibleLayerIds(data, view);
  const layers = data.layers.filter((l) => visible.includes(l.manifest.id));
  const frame = previewFrame(data, view, selected, WIDTH, HEIGHT);
  const svg = mapSvg(frame, await basemapLand(), layers, events, selected?.id ?? null);
  const title = viewTitle(view, selected) ?? "Situation map";
  const subtitle = `${events.length} event${events.length === 1 ? "" : "s"} · ${layers.map((l) => l.manifest.title).join(" · ")}`;
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
