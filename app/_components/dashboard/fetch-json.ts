import type { FeatureCollection, Point } from "geojson";
import type { EventHeadline } from "@/lib/model/event-headline";

/** GET a JSON answer of the app's API; a refusal throws with the API's own message (it names what was wrong). */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return body as T;
}

/** An `/api/events` answer as the events it carries (whatever detail was asked for). */
export const fetchEvents = async (url: string): Promise<EventHeadline[]> =>
  (await fetchJson<FeatureCollection<Point>>(url)).features.map((f) => f.properties as EventHeadline);

/** `path?a&b`, leaving out empty parts (a view without filters has an empty query). */
export const withQuery = (path: string, ...params: string[]): string => {
  const query = params.filter(Boolean).join("&");
  return query ? `${path}?${query}` : path;
};
