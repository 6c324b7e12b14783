import type { FeatureCollection, Point } from "geojson";
import type { EventHeadline } from "@/lib/model/event-headline";

/** An answer the API refused or failed, with its HTTP status: a refusal (4xx) will not change on retry. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/** Whether asking again may help: a network failure or a server fault, not a refused request. */
export const worthRetrying = (error: unknown): boolean => !(error instanceof ApiError && error.status >= 400 && error.status < 500);

/** GET a JSON answer of the app's API; a refusal throws with the API's own message (it names what was wrong). */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body?.error?.message ?? `HTTP ${response.status}`, response.status);
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
