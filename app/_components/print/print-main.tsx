"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

type PrintState = { markReady(): void; markFailed(message: string): void };

const PrintContext = createContext<PrintState>({ markReady: () => {}, markFailed: () => {} });

/** The map leaf reports here when its image is final; nothing else decides print readiness. */
export const usePrintState = () => useContext(PrintContext);

/**
 * `<main>` with `data-print-ready="true"` once the map image is final (people, the CLI and tests
 * wait for it), or `data-print-error` when it cannot be, so that nobody waits for a timeout.
 */
export function PrintMain({ children, className }: { children: ReactNode; className?: string }) {
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const markReady = useCallback(() => setReady(true), []);
  const markFailed = useCallback((message: string) => setError(message), []);
  return (
    <PrintContext value={{ markReady, markFailed }}>
      <main className={className} data-print-ready={ready ? "true" : "false"} data-print-error={error ?? undefined}>
        {children}
      </main>
    </PrintContext>
  );
}
