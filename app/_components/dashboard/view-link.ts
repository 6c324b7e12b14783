import type { Camera } from "@/lib/view/camera";
import { serializeView, type View } from "@/lib/view/view";

/**
 * The link to the view on screen: the view as the URL writes it, with the map's own camera (the
 * URL's camera write is throttled), its parameters in the address bar's order so that a link of an
 * unchanged view is the address itself.
 */
export function viewLink(location: { origin: string; pathname: string; search: string }, view: View, camera: Camera | undefined): string {
  const serialized = serializeView({ ...view, map: camera ?? view.map }).replace(/^\?/, "");
  const parts = new Map(serialized ? serialized.split("&").map((p) => [p.slice(0, p.indexOf("=")), p] as const) : []);
  const order = [...new URLSearchParams(location.search).keys()].filter((k) => parts.has(k));
  const keys = [...new Set([...order, ...parts.keys()])];
  const query = keys.map((k) => parts.get(k)).join("&");
  return `${location.origin}${location.pathname}${query ? `?${query}` : ""}`;
}
