import type { IgnoredParam, SearchParams } from "@/lib/view/read-view";
import { DPIS, ORIENTATIONS, PAPERS, type Dpi, type Orientation, type Paper } from "./paper";

export type PrintParams = {
  paper: Paper;
  orientation: Orientation;
  dpi: Dpi;
  /** null: the page picks a title from the view. */
  title: string | null;
  /** Whether the events in view are listed under the map. */
  list: boolean;
};

export const DEFAULT_PRINT: PrintParams = { paper: "a4", orientation: "landscape", dpi: 150, title: null, list: true };

export const PRINT_KEYS = ["paper", "orientation", "dpi", "title", "list"] as const;

/** A title longer than this would not fit the sheet's header on one line at A4. */
export const MAX_TITLE_LENGTH = 120;

const first = (raw: string | string[] | undefined): string | undefined => (Array.isArray(raw) ? raw[0] : raw);

function pick<T extends string | number>(allowed: readonly T[], value: string): T | undefined {
  return allowed.find((a) => String(a) === value);
}

/**
 * Reads the print part of a print URL. Like readView: every invalid value is dropped, reported in
 * `ignored` and replaced by its default; never throws.
 */
export function readPrintParams(search: SearchParams): { print: PrintParams; ignored: IgnoredParam[] } {
  const print: PrintParams = { ...DEFAULT_PRINT };
  const ignored: IgnoredParam[] = [];
  const drop = (param: string, value: string, reason: string) => ignored.push({ param, value: clip(value), reason });

  const paper = first(search.paper);
  if (paper !== undefined) {
    const known = pick(PAPERS, paper.toLowerCase());
    if (known) print.paper = known;
    else drop("paper", paper, `not one of ${PAPERS.join(", ")}; ${DEFAULT_PRINT.paper} is used`);
  }
  const orientation = first(search.orientation);
  if (orientation !== undefined) {
    const known = pick(ORIENTATIONS, orientation.toLowerCase());
    if (known) print.orientation = known;
    else drop("orientation", orientation, `not portrait or landscape; ${DEFAULT_PRINT.orientation} is used`);
  }
  const dpi = first(search.dpi);
  if (dpi !== undefined) {
    const known = pick(DPIS, dpi);
    if (known) print.dpi = known;
    else drop("dpi", dpi, `not one of ${DPIS.join(", ")}; ${DEFAULT_PRINT.dpi} is used`);
  }
  const title = first(search.title);
  if (title !== undefined) {
    const clean = title.trim().replace(/\s+/g, " ");
    if (clean.length > 0 && clean.length <= MAX_TITLE_LENGTH) print.title = clean;
    else if (clean.length > MAX_TITLE_LENGTH) drop("title", title, `longer than ${MAX_TITLE_LENGTH} characters; the view's own title is used`);
  }
  const list = first(search.list);
  if (list !== undefined) {
    if (list === "0" || list === "1") print.list = list === "1";
    else drop("list", list, "not 0 or 1; the event list is shown");
  }
  return { print, ignored };
}

/** The print params as a query string, leaving out the defaults so that links stay short. */
export function printQuery(print: PrintParams): string {
  const params = new URLSearchParams();
  if (print.paper !== DEFAULT_PRINT.paper) params.set("paper", print.paper);
  if (print.orientation !== DEFAULT_PRINT.orientation) params.set("orientation", print.orientation);
  if (print.dpi !== DEFAULT_PRINT.dpi) params.set("dpi", String(print.dpi));
  if (print.title) params.set("title", print.title);
  if (!print.list) params.set("list", "0");
  return params.toString();
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
