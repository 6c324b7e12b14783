"use client";

import { RouteErrorPanel, type RouteErrorProps } from "./_components/errors/route-error";

/** The root layout itself failed: this replaces it, so it brings its own document. */
export default function GlobalError(props: RouteErrorProps) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0 }}>
        <title>Briefmap · error</title>
        <RouteErrorPanel {...props} />
      </body>
    </html>
  );
}
