// Migration 3: an event's review status, read from its body (`review.status`, absent = reviewed),
// stored as a generated column with an index, so that every reading query can leave drafts out and
// the review queue lists them without a scan. No write path needs to change: the body decides.
const reviewStatus = /* sql */ `
ALTER TABLE events ADD COLUMN review_status text GENERATED ALWAYS AS (COALESCE(body -> 'review' ->> 'status', 'reviewed')) STORED;
CREATE INDEX events_by_review ON events (review_status, article);
`;

export default reviewStatus;
