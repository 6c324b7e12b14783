// Migration 2: the timeline's and filter bar's counts (aggregate) read spans and types from one
// index instead of visiting every event row.
const spanIndex = /* sql */ `
CREATE INDEX events_spans ON events (start, end, precision, bound, type);
`;

export default spanIndex;
