"use client";

import { useState } from "react";
import { isFullEvent, type EventHeadline } from "@/lib/model/event-headline";
import type { LoadedEvent } from "@/lib/model/event";
import { useEventById } from "./use-events";

export type Selection = {
  /** The selected event as far as the page knows it (perhaps only its headline). */
  selected: EventHeadline | null;
  /** The selected event in full, once known: what the card shows. */
  inFull: LoadedEvent | null;
};

/**
 * The selected event stays known even when a later filter hides it from the list; one picked on
 * the map of a large set, which the page does not hold, is fetched by its id.
 */
export function useSelection(id: string | null, known: readonly EventHeadline[], initial: EventHeadline | null): Selection {
  const found = known.find((e) => e.id === id);
  const [remembered, setRemembered] = useState<EventHeadline | null>(initial);
  if (found && found !== remembered) setRemembered(found);
  const headline = found ?? (remembered?.id === id ? remembered : null);
  const fetched = useEventById(id && !(headline && isFullEvent(headline)) ? id : null);
  return { selected: headline ?? fetched, inFull: headline && isFullEvent(headline) ? headline : fetched };
}
