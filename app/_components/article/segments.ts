/** A run of article text and the events whose source sentences cover it. */
export type Segment = { start: number; end: number; text: string; events: string[] };

export type Span = { event: string; start: number; end: number };

/** Cuts the text at every span edge so that overlapping and shared sentences mark correctly. */
export function segmentText(text: string, spans: Span[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < edges.length - 1; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    const events = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.event);
    segments.push({ start, end, text: text.slice(start, end), events: [...new Set(events)] });
  }
  return segments;
}
