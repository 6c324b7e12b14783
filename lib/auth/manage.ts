import { RequestError } from "@/lib/api/request-error";
import type { Store, User } from "@/lib/store/store";
import { userName } from "./names";
import { checkNewPassword, hashPassword } from "./passwords";
import { isRole, ROLES, type Role } from "./roles";

/**
 * Managing accounts, shared by `npm run user` and the admin API: each step validates its input
 * (a RequestError naming the field) and leaves the store as it was when refused. `by` is who makes
 * the change, for the audit log.
 */
export function checkRole(raw: unknown): Role {
  if (!isRole(raw)) throw new RequestError(400, `the role must be one of ${ROLES.join(", ")}`, { field: "role" });
  return raw;
}

export async function addUser(store: Store, rawName: unknown, rawRole: unknown, rawPassword: unknown, by?: string): Promise<User> {
  const { name, key } = userName(rawName);
  const role = checkRole(rawRole);
  const password = checkNewPassword(rawPassword);
  if (await store.accounts.userByKey(key)) throw new RequestError(409, `a user named "${name}" (or a name that looks the same) already exists`, { field: "name" });
  return store.accounts.createUser({ name, key, role, passwordHash: await hashPassword(password) }, by);
}

/** The user a name (or a look-alike of it) names; 404 when none. */
export async function findUser(store: Store, rawName: unknown): Promise<User> {
  const { key } = userName(rawName);
  const found = await store.accounts.userByKey(key);
  if (!found) throw new RequestError(404, `no user named "${String(rawName)}"`, { field: "name" });
  const { passwordHash: _hash, ...user } = found;
  return user;
}

export async function setUserRole(store: Store, rawName: unknown, rawRole: unknown, by?: string): Promise<User> {
  const user = await findUser(store, rawName);
  const role = checkRole(rawRole);
  if (user.role === "admin" && role !== "admin") await keepAnAdmin(store, user);
  return user.role === role ? user : store.accounts.setRole(user.id, role, by);
}

/** Sets a new password; every session of the user ends (tokens stay: revoke them separately). */
export async function resetPassword(store: Store, rawName: unknown, rawPassword: unknown, by?: string): Promise<User> {
  const user = await findUser(store, rawName);
  const password = checkNewPassword(rawPassword);
  await store.accounts.setPassword(user.id, await hashPassword(password), by);
  return user;
}

export async function removeUser(store: Store, rawName: unknown, by?: string): Promise<User> {
  const user = await findUser(store, rawName);
  if (user.role === "admin") await keepAnAdmin(store, user);
  await store.accounts.removeUser(user.id, by);
  return user;
}

/** Refuses to remove or demote the last admin: nobody could manage accounts from the UI any more. */
async function keepAnAdmin(store: Store, leaving: User): Promise<void> {
  const admins = (await store.accounts.users()).filter((u) => u.role === "admin" && u.id !== leaving.id);
  if (admins.length === 0) throw new RequestError(409, `${leaving.name} is the last admin; make another user admin first`, { field: "role" });
}
