/** A run of article text and the events whose source sentences cover it. */
export type Segment = { start: number; end: number; text: string; events: string[] };

export type Span = { event: string; start: number; end: number };

/**
 * Cuts the text at every span edge so that overlapping and shared sentences mark correctly. The
 * segments always add up to the whole text. A marked segment never starts or ends with white space:
 * the reader draws it as a button, which drops white space at its edges, so where overlapping spans
 * cut next to a space ("decades-old| ceasefire") the space goes into an unmarked segment of its own.
 */
export function segmentText(text: string, spans: Span[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  const push = (start: number, end: number, events: string[]) => {
    if (end > start) segments.push({ start, end, text: text.slice(start, end), events });
  };
  for (let i = 0; i < edges.length - 1; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    const events = [...new Set(spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.event))];
    if (events.length === 0) {
      push(start, end, []);
      continue;
    }
    const piece = text.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    const trail = piece.trimStart().length - piece.trim().length;
    push(start, start + lead, []);
    push(start + lead, end - trail, events);
    if (trail > 0 && end - trail > start + lead) push(end - trail, end, []);
  }
  return segments;
}
