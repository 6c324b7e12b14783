// Migration 5: an event's review status, read from its body (`review.status`, absent = reviewed),
// as a generated column with an index, so that every reading query can leave drafts out cheaply and
// the review queue lists them without a scan. No write path needs to change: the body decides.
const reviewStatus = /* sql */ `
ALTER TABLE events ADD COLUMN review_status TEXT GENERATED ALWAYS AS (coalesce(json_extract(body, '$.review.status'), 'reviewed')) VIRTUAL;
CREATE INDEX events_by_review ON events (review_status, article);
`;

export default reviewStatus;
