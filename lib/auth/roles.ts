/**
 * The three roles, weakest first. Client-safe: the UI hides controls by role, the server decides.
 * - viewer: reads (also when public read is off)
 * - editor: adds and edits articles, events, layers, imports
 * - admin: everything, plus deletes, accounts and the audit log
 */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when `role` may do what `needed` may (admin ⊇ editor ⊇ viewer). */
export function atLeast(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Whether someone with `role` may add or edit (the editing controls are drawn only then). */
export function canWrite(role: Role | undefined): boolean {
  return atLeast(role, "editor");
}
