import { cssPxToMm, mmToCssPx, pageSizeMm, type Dpi, type Orientation, type Paper, type SizeMm } from "./paper";

/** Page margin on every side; printers cannot print to the edge and 10 mm survives all of them. */
export const MARGIN_MM = 10;
export const HEADER_MM = 14;
export const FOOTER_MM = 5;
export const GAP_MM = 3;

/** The legend, scale, attribution and QR column: wider on landscape, where width is plentiful. */
const SIDEBAR_MM: Record<Orientation, number> = { landscape: 68, portrait: 58 };

/** Share of the body the event list takes under the map when it is shown. */
const LIST_SHARE: Record<Orientation, number> = { landscape: 0.36, portrait: 0.42 };

/** A rectangle on the sheet in mm, from the top-left corner of the printable area. */
export type Box = { x: number; y: number; width: number; height: number };

export type SheetLayout = {
  page: SizeMm;
  /** The printable area inside the margins: the sheet element is exactly this big. */
  content: SizeMm;
  sidebarMm: number;
  /** Height of the event list box; 0 when the list is off. */
  listMm: number;
  /** The map box in whole CSS px, so that MapLibre's canvas is exactly what the sheet shows. */
  map: { cssWidth: number; cssHeight: number };
  /** Where each part of the first page goes; every medium (HTML, PDF, PNG) draws into these. */
  boxes: { header: Box; map: Box; list: Box | null; sidebar: Box; footer: Box };
  /** The list box of the pages that carry the events the first page had no room for. */
  continuation: Box;
};

/** Where everything goes on the sheet; a pure function of the paper, so that tests can compute it. */
export function sheetLayout(paper: Paper, orientation: Orientation, list: boolean): SheetLayout {
  const page = pageSizeMm(paper, orientation);
  const content = { width: page.width - 2 * MARGIN_MM, height: page.height - 2 * MARGIN_MM };
  const sidebarMm = SIDEBAR_MM[orientation];
  const bodyTop = HEADER_MM + GAP_MM;
  const body = content.height - HEADER_MM - FOOTER_MM - 2 * GAP_MM;
  const listMm = list ? Math.round(body * LIST_SHARE[orientation]) : 0;
  const map = {
    cssWidth: Math.floor(mmToCssPx(content.width - sidebarMm - GAP_MM)),
    cssHeight: Math.floor(mmToCssPx(body - listMm - (list ? GAP_MM : 0))),
  };
  const mapBox = { x: 0, y: bodyTop, width: cssPxToMm(map.cssWidth), height: cssPxToMm(map.cssHeight) };
  return {
    page,
    content,
    sidebarMm,
    listMm,
    map,
    boxes: {
      header: { x: 0, y: 0, width: content.width, height: HEADER_MM },
      map: mapBox,
      list: list ? { x: 0, y: bodyTop + body - listMm, width: mapBox.width, height: listMm } : null,
      sidebar: { x: content.width - sidebarMm, y: bodyTop, width: sidebarMm, height: body },
      footer: { x: 0, y: content.height - FOOTER_MM, width: content.width, height: FOOTER_MM },
    },
    continuation: { x: 0, y: bodyTop, width: content.width, height: body },
  };
}

export type MapPixels = {
  /** CSS px of the off-screen map container. */
  cssWidth: number;
  cssHeight: number;
  /** MapLibre's pixel ratio: device pixels per CSS px, so that the image has `dpi` on paper. */
  pixelRatio: number;
  /** The image's size in pixels, as MapLibre sizes its canvas (Math.round of ratio × CSS px). */
  width: number;
  height: number;
};

/** The map image a sheet needs at a resolution. */
export function mapPixels(css: { cssWidth: number; cssHeight: number }, dpi: number): MapPixels {
  const pixelRatio = dpi / 96;
  return {
    cssWidth: css.cssWidth,
    cssHeight: css.cssHeight,
    pixelRatio,
    width: Math.round(css.cssWidth * pixelRatio),
    height: Math.round(css.cssHeight * pixelRatio),
  };
}

export type Resolution = {
  pixels: MapPixels;
  /** The dpi the image really gets; lower than asked when the browser cannot draw that many pixels. */
  dpi: number;
  /** Set when the requested size exceeded the browser's limit: what was asked for. */
  reduced?: { requested: MapPixels; requestedDpi: Dpi | number; limitPx: number };
};

/**
 * Fits a requested resolution into the browser's largest drawable canvas side (MAX_TEXTURE_SIZE /
 * MAX_RENDERBUFFER_SIZE): rather a sharp image at a lower dpi, said on the sheet, than a blank one.
 */
export function fitResolution(css: { cssWidth: number; cssHeight: number }, dpi: number, limitPx: number): Resolution {
  const requested = mapPixels(css, dpi);
  if (Math.max(requested.width, requested.height) <= limitPx) return { pixels: requested, dpi };
  const longest = Math.max(css.cssWidth, css.cssHeight);
  const fittedDpi = Math.floor((limitPx / longest) * 96);
  return { pixels: mapPixels(css, fittedDpi), dpi: fittedDpi, reduced: { requested, requestedDpi: dpi, limitPx } };
}

/** "300 dpi A3 needs 4960×3508 px; this browser can draw 4096 px: printed at 247 dpi". */
export function reducedMessage(r: Resolution, paperLabel: string): string | null {
  if (!r.reduced) return null;
  const { requested, requestedDpi, limitPx } = r.reduced;
  return `${requestedDpi} dpi ${paperLabel} needs ${requested.width}×${requested.height} px; this browser can draw ${limitPx} px: printed at ${r.dpi} dpi.`;
}

export type { Dpi };
