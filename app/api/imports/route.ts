import { RequestError } from "@/lib/api/request-error";
import { writeRoute } from "@/lib/api/writes/write-route";
import { json } from "@/lib/api/responses";
import { importEventFile } from "@/lib/import/events-import";
import { importLayerFile } from "@/lib/import/layers/import-layer";
import { LAYER_FORMATS, MAX_LAYER_BYTES, type LayerFormat } from "@/lib/import/layers/read-layer";
import { maxUploadBytes, uploadBytes, uploadWhole } from "@/lib/import/upload";
import { getStore } from "@/lib/store";
import { readGate } from "@/lib/auth/read-gate";

const FORMATS = ["acled", "gdelt", ...LAYER_FORMATS] as const;

/**
 * `POST /api/imports?format=acled|gdelt|geojson|kml|shp|csv&name=FILE[&dryRun=1]`, the file as the
 * raw body (streamed, never buffered whole for events). Layers take `source`, `licence`,
 * `attribution`, `date` (required), `accuracy`, `id`, `title`, `replace=1`; GDELT takes `country`
 * or `bbox=w,s,e,n`. Answers 200 with the import report (`refused` set when nothing was written),
 * so that the client shows and downloads it either way.
 */
export function POST(request: Request): Promise<Response> {
  // Not seen by proxy.ts (the upload must stream), so it applies its own checks: writeRoute's.
  return writeRoute(request, async (actor) => {
    const params = new URL(request.url).searchParams;
    const format = params.get("format") ?? "";
    if (!(FORMATS as readonly string[]).includes(format)) throw new RequestError(400, `format "${format.slice(0, 40)}" is not one of ${FORMATS.join(", ")}`, { param: "format" });
    const name = (params.get("name") ?? "").slice(0, 200) || `upload.${format}`;
    const dryRun = params.get("dryRun") === "1" || params.get("dryRun") === "true";
    const store = await getStore();
    if (format === "acled" || format === "gdelt") {
      const bbox = params.get("bbox") ? readBbox(params.get("bbox")!) : undefined;
      const report = await importEventFile(store, uploadBytes(request, maxUploadBytes()), {
        format,
        fileName: name,
        actor,
        dryRun,
        filter: { country: params.get("country") || undefined, bbox },
      });
      return json(report);
    }
    const bytes = await uploadWhole(request, Math.min(MAX_LAYER_BYTES, maxUploadBytes()));
    const text = (k: string) => params.get(k)?.slice(0, 500) || undefined;
    const report = await importLayerFile(store, bytes, format as LayerFormat, {
      fileName: name,
      actor,
      dryRun,
      id: text("id"),
      title: text("title"),
      replace: params.get("replace") === "1",
      provenance: { source: text("source"), licence: text("licence"), attribution: text("attribution"), date: text("date"), accuracy: text("accuracy") },
    });
    return json(report);
  });
}

function readBbox(value: string): [number, number, number, number] {
  const n = value.split(",").map(Number);
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v)) || n[0]! >= n[2]! || n[1]! >= n[3]! || n[1]! < -90 || n[3]! > 90) {
    throw new RequestError(400, `bbox "${value.slice(0, 60)}": expected west,south,east,north in degrees`, { param: "bbox" });
  }
  return n as [number, number, number, number];
}

/**
 * Anything but POST. proxy.ts does not see this path (so that uploads stream), so the private
 * deployment's answer is given here: 401 to the signed-out, 405 to the others.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const gate = await readGate(request, url.pathname, `${url.pathname}${url.search}`);
  if (gate) return gate;
  return json({ error: { message: "send the file with POST /api/imports?format=…" } }, { status: 405, headers: { allow: "POST" } });
}
