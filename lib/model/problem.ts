/** One thing wrong with a data file, named so that whoever fixes the file can find it. */
export type DataProblem = {
  /** Path relative to the data folder, e.g. `geo/paris.geojson`. */
  file: string;
  /** The feature, event or field concerned, when the problem is narrower than the file. */
  item?: string;
  /** A short rule name from a fixed vocabulary, so tests and tools can match on it. */
  rule: DataRule;
  message: string;
};

export type DataRule =
  | "unreadable-file"
  | "invalid-utf8"
  | "invalid-json"
  | "too-deep"
  | "schema"
  | "not-a-feature-collection"
  | "empty-layer"
  | "foreign-member"
  | "invalid-bbox"
  | "wrong-bbox"
  | "missing-feature-id"
  | "duplicate-id"
  | "coordinates-out-of-range"
  | "coordinates-not-finite"
  | "unclosed-ring"
  | "too-few-positions"
  | "wrong-winding"
  | "self-intersection"
  | "unknown-reference"
  | "quote-not-in-article"
  | "offsets-mismatch"
  | "overlapping-quotes"
  | "byte-order-mark";

/**
 * Rules that describe something the loader repaired or ignored rather than refused: the data is
 * served (rings rewound, a given bbox replaced by the computed one, a byte-order mark stripped), and
 * the note tells the file's author what was changed. They do not make `check-data` fail.
 */
const NOTE_RULES: ReadonlySet<DataRule> = new Set<DataRule>(["wrong-winding", "wrong-bbox", "byte-order-mark"]);

export function isNote(p: Pick<DataProblem, "rule">): boolean {
  return NOTE_RULES.has(p.rule);
}

export function formatProblem(p: DataProblem): string {
  return `${p.file}${p.item ? ` [${p.item}]` : ""}: ${p.rule}${isNote(p) ? " (note)" : ""}: ${p.message}`;
}

/** Thrown by loaders when a file cannot be used at all; carries every problem found in it. */
export class DataError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "DataError";
  }
}
