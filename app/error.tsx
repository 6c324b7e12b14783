"use client";

import { RouteErrorPanel, type RouteErrorProps } from "./_components/errors/route-error";

/** A route segment failed to render; the root layout (and so the page frame) still stands. */
export default function RouteError(props: RouteErrorProps) {
  return <RouteErrorPanel {...props} />;
}
