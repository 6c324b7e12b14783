/**
 * A text file streamed from an async sequence: a head, one piece per item, a tail. The first item
 * is read before the stream is returned, so that a store that cannot be reached fails the request
 * (503) rather than a body already begun; then items are read as the client takes the bytes.
 */
export async function textStream<T>(items: AsyncIterable<T>, piece: (item: T) => string, head: string, tail: string): Promise<ReadableStream<Uint8Array>> {
  const iterator = items[Symbol.asyncIterator]();
  let pending: IteratorResult<T> | undefined = await iterator.next();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head));
    },
    async pull(controller) {
      const parts: string[] = [];
      for (let i = 0; i < 256; i++) {
        const next = pending ?? (await iterator.next());
        pending = undefined;
        if (next.done) {
          controller.enqueue(encoder.encode(parts.join("") + tail));
          controller.close();
          return;
        }
        parts.push(piece(next.value));
      }
      controller.enqueue(encoder.encode(parts.join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
