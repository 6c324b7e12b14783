import type { LoadedEvent } from "@/lib/model/event";
import { eventFeature, type EventDetail as Detail } from "./to-feature";

export function featureJson(event: LoadedEvent, detail: Detail): string {
  return JSON.stringify(eventFeature(event, detail));
}

/**
 * The same text as `JSON.stringify({ type: "FeatureCollection", features })` over the events'
 * features: JSON.stringify writes an array as its items' own texts joined by commas.
 */
export function featureCollectionJson(events: readonly LoadedEvent[], detail: Detail): string {
  return `{"type":"FeatureCollection","features":[${events.map((e) => featureJson(e, detail)).join(",")}]}`;
}

/**
 * The same text, written as the events arrive from the store (which reads them page by page), so
 * that an answer of a hundred thousand markers is never held whole. The first event is read before
 * the stream is returned: a store that cannot be reached fails the request (503), not the body.
 */
export async function featureCollectionStream(events: AsyncIterable<LoadedEvent>, detail: Detail): Promise<ReadableStream<Uint8Array>> {
  const iterator = events[Symbol.asyncIterator]();
  const first = await iterator.next();
  const encoder = new TextEncoder();
  let pending: IteratorResult<LoadedEvent> | undefined = first;
  let comma = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('{"type":"FeatureCollection","features":['));
    },
    async pull(controller) {
      // Up to a few hundred features per chunk: fewer, larger writes through compression.
      const parts: string[] = [];
      for (let i = 0; i < 256; i++) {
        const next = pending ?? (await iterator.next());
        pending = undefined;
        if (next.done) {
          controller.enqueue(encoder.encode(`${parts.join("")}]}`));
          controller.close();
          return;
        }
        parts.push(`${comma ? "," : ""}${featureJson(next.value, detail)}`);
        comma = true;
      }
      controller.enqueue(encoder.encode(parts.join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
