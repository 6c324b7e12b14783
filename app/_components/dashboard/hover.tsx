"use client";

import { createContext, useContext, useState } from "react";

/** What the pointer or keyboard focus is on, so that every view can emphasise its counterparts. */
export type Hovered = { eventId?: string; feature?: { layer: string; id: string } } | null;

type SetHovered = (h: Hovered) => void;

// Two contexts: what is hovered changes with every pointer move, the setter never does. Views that
// only report hovers read the setter and are not re-rendered when the hover moves.
const HoveredContext = createContext<Hovered>(null);
const SetHoveredContext = createContext<SetHovered>(() => {});

export function HoverProvider({ children }: { children: React.ReactNode }) {
  const [hovered, setHovered] = useState<Hovered>(null);
  return (
    <SetHoveredContext.Provider value={setHovered}>
      <HoveredContext.Provider value={hovered}>{children}</HoveredContext.Provider>
    </SetHoveredContext.Provider>
  );
}

/** What is hovered: only components that show the hover should read it. */
export const useHovered = () => useContext(HoveredContext);

/** Reports hovers without re-rendering when they change. */
export const useSetHovered = () => useContext(SetHoveredContext);

/** Whether an event is in or about a feature. */
function touches(e: { place: { layer?: string; feature?: string }; aboutPlaces: { layer?: string; feature?: string }[] }, f: { layer: string; id: string }): boolean {
  return [e.place, ...e.aboutPlaces].some((p) => p.layer === f.layer && p.feature === f.id);
}

/** Whether the hover points at this event, directly or through one of its places. */
export const isHoveredEvent = (hovered: Hovered, e: Parameters<typeof touches>[0] & { id: string }): boolean =>
  hovered?.eventId === e.id || (hovered?.feature !== undefined && touches(e, hovered.feature));
