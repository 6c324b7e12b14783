import type { AuditEntity, AuditFilter } from "@/lib/store/store";
import { RequestError } from "./request-error";

const ENTITIES: readonly AuditEntity[] = ["event", "article", "layer", "data", "user"];
const PARAMS = new Set(["entity", "id", "actor", "limit", "before"]);
export const AUDIT_PAGE = { default: 50, max: 500 } as const;

/** `/api/audit?entity=&id=&actor=&limit=&before=` read strictly: a bad or unknown parameter is a 400 naming it. */
export function readAuditFilter(params: URLSearchParams): AuditFilter & { limit: number } {
  for (const key of new Set(params.keys())) {
    if (!PARAMS.has(key)) throw new RequestError(400, `unknown parameter; use ${[...PARAMS].join(", ")}`, { param: key });
    if (params.getAll(key).length > 1) throw new RequestError(400, "given more than once", { param: key });
    if ((params.get(key) ?? "").length > 200) throw new RequestError(400, "longer than 200 characters", { param: key });
  }
  const entity = params.get("entity") ?? undefined;
  if (entity !== undefined && !ENTITIES.includes(entity as AuditEntity)) {
    throw new RequestError(400, `expected one of ${ENTITIES.join(", ")}`, { param: "entity" });
  }
  return {
    entity: entity as AuditEntity | undefined,
    entityId: params.get("id") || undefined,
    actor: params.get("actor") || undefined,
    limit: integer(params, "limit", 1, AUDIT_PAGE.max) ?? AUDIT_PAGE.default,
    beforeId: integer(params, "before", 1, Number.MAX_SAFE_INTEGER),
  };
}

function integer(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RequestError(400, `expected a whole number from ${min} to ${max}`, { param: name });
  }
  return value;
}
