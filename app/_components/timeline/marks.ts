/** Sizes of a timeline mark, shared by the drawing and the lane layout. */
export const DOT_R = 3.5;
export const BAR_H = 6;
/** A span is never drawn narrower than this, so a single month stays visible. */
export const MIN_BAR = 4;
/** Length of the fade that says "this could have happened earlier (or later)". */
export const FADE = 12;
