"use client";

import { useEffect } from "react";

export type RouteErrorProps = { error: unknown; retry?: () => void; reset?: () => void };

/**
 * What a failed route shows. The message names no internals (in production Next replaces server
 * error messages with a digest); the analyst can retry or start from the plain map.
 */
export function RouteErrorPanel({ error, retry, reset }: RouteErrorProps) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  useEffect(() => {
    console.warn("[briefmap] the page failed:", digest ?? (error instanceof Error ? error.message : String(error)));
  }, [error, digest]);
  const again = () => (retry ?? reset ?? (() => window.location.reload()))();

  return (
    <main role="alert" data-testid="route-error" style={{ padding: "2rem", maxWidth: "40rem", display: "grid", gap: "0.75rem" }}>
      <h1 style={{ margin: 0 }}>This view could not be shown</h1>
      <p style={{ margin: 0 }}>
        Something went wrong while preparing it{digest ? ` (reference ${digest})` : ""}. Try again, or open the map without the
        link&apos;s settings.
      </p>
      <p style={{ margin: 0, display: "flex", gap: "0.75rem" }}>
        <button type="button" onClick={again}>
          Try again
        </button>
        {/* A plain link: a full reload, in case the client router is what broke. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Open the map</a>
      </p>
    </main>
  );
}
