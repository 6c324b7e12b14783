"use client";

import { STORE_UNAVAILABLE } from "@/lib/view/store-unavailable";
import { RouteErrorPanel, type RouteErrorProps } from "./_components/errors/route-error";

/** A route segment failed to render; the root layout (and so the page frame) still stands. */
export default function RouteError(props: RouteErrorProps) {
  const digest = props.error instanceof Error ? (props.error as Error & { digest?: string }).digest : undefined;
  if (digest === STORE_UNAVAILABLE) return <StoreUnavailable />;
  return <RouteErrorPanel {...props} />;
}

/** The database is missing, locked or unreachable: say so plainly; a reload asks the server again. */
function StoreUnavailable() {
  return (
    <main role="alert" data-testid="store-unavailable" style={{ padding: "2rem", maxWidth: "40rem", display: "grid", gap: "0.75rem" }}>
      <h1 style={{ margin: 0 }}>The data store is unavailable</h1>
      <p style={{ margin: 0 }}>
        Briefmap cannot read its database at the moment: it may be missing, locked by another program, or unreachable. Nothing was
        changed. Try again in a moment; the map opens as soon as the data store is back.
      </p>
      <p style={{ margin: 0 }}>
        <button type="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </p>
    </main>
  );
}
