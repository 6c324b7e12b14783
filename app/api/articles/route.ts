import { articleKind } from "@/lib/api/writes/kinds";
import { create } from "@/lib/api/writes/handlers";

/** POST an article (its fields and `text`); needs the admin token. */
export const POST = create(articleKind);
