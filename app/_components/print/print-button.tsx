"use client";

/** The browser's own print dialog: the page is already laid out for the chosen paper. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()}>
      Print…
    </button>
  );
}
