// Migration 3: the text index keeps which events hold each trigram, not where (detail = none).
// Writing it costs about a third as much; a search asks for every trigram of the needle and the
// exact substring test (instr) that follows decides, as before.
const trigramDetailNone = /* sql */ `
CREATE VIRTUAL TABLE event_text_next USING fts5(text, tokenize = 'trigram remove_diacritics 1', detail = none);
INSERT INTO event_text_next (rowid, text) SELECT rowid, text FROM event_text;
DROP TABLE event_text;
ALTER TABLE event_text_next RENAME TO event_text;
`;

export default trigramDetailNone;
