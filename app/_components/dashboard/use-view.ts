"use client";

import { useQueryStates } from "nuqs";
import { viewParsers } from "@/lib/view/view";

/**
 * The view, read from and written to the URL. Selections and filters push a history entry so that
 * Back walks through what the analyst did; camera moves replace it (see `useCameraInUrl`).
 */
export function useView() {
  return useQueryStates(viewParsers, { history: "push", scroll: false });
}

/** Camera writes: throttled, and replacing the entry so panning does not flood history. */
export function useCameraInUrl() {
  const [, setView] = useQueryStates({ map: viewParsers.map }, { history: "replace", scroll: false, limitUrlUpdates: { method: "throttle", timeMs: 500 } });
  return setView;
}
