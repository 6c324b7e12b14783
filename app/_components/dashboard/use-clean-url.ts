"use client";

import { useEffect, useRef } from "react";
import type { IgnoredParam } from "@/lib/view/read-view";
import type { View } from "@/lib/view/view";

type SetView = (patch: Partial<View>, options?: { history: "replace" }) => unknown;

/**
 * What the server ignored leaves the URL at once, so that the fields do not show it, the events
 * are not asked for with it, and a copied link does not carry it again. The rest of the view stays.
 */
export function useCleanUrl(ignored: IgnoredParam[], view: View, setView: SetView): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || ignored.length === 0) return;
    done.current = true;
    const patch: Partial<Record<keyof View, unknown>> = {};
    for (const { param, value, reason } of ignored) {
      if (!(param in view)) continue;
      const key = param as keyof View;
      if (key === "layers" && view.layers) {
        const unknown = new Set(value.split(","));
        patch.layers = view.layers.filter((id) => !unknown.has(id));
      } else if (key === "types") {
        patch.types = view.types?.length ? view.types : null;
      } else if (reason.startsWith("given more than once")) {
        patch[key] = view[key]; // written back once
      } else {
        patch[key] = null;
      }
    }
    void setView(patch as Partial<View>, { history: "replace" });
  }, [ignored, view, setView]);
}
