/**
 * Counts renders of a component when the page asked for it (`window.__briefmapRenders = {}` set
 * before the app runs), so that a browser test can see which parts a hover re-renders. Costs one
 * property read otherwise.
 */
export function countRender(name: string): void {
  if (typeof window === "undefined") return;
  const counts = (window as { __briefmapRenders?: Record<string, number> }).__briefmapRenders;
  if (counts) counts[name] = (counts[name] ?? 0) + 1;
}
