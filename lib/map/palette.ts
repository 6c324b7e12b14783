/** The map's own colours, each named once (event types take theirs from lib/model/vocabulary.ts). */

/** Outlines of selected and hovered things, and text drawn on the map and its prints. */
export const INK = "#1d2733";
/** Arcs from where an event happened to what it is about. */
export const LINK = "#c2185b";
/** Groups of events (a group mixes types), and the rings of events placed only in an area. */
export const GROUP = "#37474f";
