"use client";

import { createContext, useContext, useMemo, useState } from "react";

/** What the pointer or keyboard focus is on, so that every view can emphasise its counterparts. */
export type Hovered = { eventId?: string; feature?: { layer: string; id: string } } | null;

const HoverContext = createContext<{ hovered: Hovered; setHovered: (h: Hovered) => void }>({ hovered: null, setHovered: () => {} });

export function HoverProvider({ children }: { children: React.ReactNode }) {
  const [hovered, setHovered] = useState<Hovered>(null);
  const value = useMemo(() => ({ hovered, setHovered }), [hovered]);
  return <HoverContext.Provider value={value}>{children}</HoverContext.Provider>;
}

export const useHover = () => useContext(HoverContext);
