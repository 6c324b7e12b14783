import countries from "world-atlas/countries-50m.json";
import { worldLand } from "@/lib/geo/world-land";

// Built once at `next build` and served as a file: the world outline never changes at run time.
export const dynamic = "force-static";

/** World land from Natural Earth 1:50m (via world-atlas), so that places outside the Levant sit on land. */
export function GET(): Response {
  const topology = countries as unknown as Parameters<typeof worldLand>[0];
  return new Response(JSON.stringify(worldLand(topology)), {
    headers: { "content-type": "application/geo+json" },
  });
}
