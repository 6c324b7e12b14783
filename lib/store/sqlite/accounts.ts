import type { Role } from "@/lib/auth/roles";
import type { AccountStore, ApiToken, Authorship, NewSession, NewToken, NewUser, Session, User, UserWithPassword } from "../accounts";
import { StoreError, type AuditEntity } from "../store";
import type { Db } from "./database";

type UserRow = { id: number; name: string; key: string; role: Role; password_hash: string; created_at: string };
type TokenRow = { id: number; user_id: number; label: string; created_at: string; last_used_at: string | null };

const USER_COLUMNS = "u.id, u.name, u.key, u.role, u.password_hash, u.created_at";

const toUser = (r: UserRow): User => ({ id: r.id, name: r.name, key: r.key, role: r.role, createdAt: r.created_at });
const toToken = (r: TokenRow): ApiToken => ({ id: r.id, userId: r.user_id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at });

/** What the audit log keeps of an account change (never a password hash or a token's secret). */
type AccountChange = { action: "create" | "replace" | "delete"; name: string; before: unknown; after: unknown };

/** Users, sessions and API tokens in the SQLite file (migration 4). */
export class SqliteAccounts implements AccountStore {
  constructor(private readonly db: Db) {}

  /** Runs a change in one transaction with its audit row (when `by` says who made it). */
  private change<T>(by: string | undefined, work: () => { result: T; audit?: AccountChange }): T {
    return this.db
      .transaction(() => {
        const { result, audit } = work();
        if (by && audit) {
          this.db
            .prepare("INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, 'user', ?, ?, ?)")
            .run(new Date().toISOString(), by, audit.action, audit.name, jsonOrNull(audit.before), jsonOrNull(audit.after));
        }
        return result;
      })
      .immediate();
  }

  private tokenLabels(userId: number): string[] {
    return this.db.prepare("SELECT label FROM api_tokens WHERE user_id = ? ORDER BY id").pluck().all(userId) as string[];
  }

  async createUser(user: NewUser, by?: string): Promise<User> {
    try {
      return this.change(by, () => {
        const id = this.db
          .prepare("INSERT INTO users (name, key, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)")
          .run(user.name, user.key, user.role, user.passwordHash, new Date().toISOString()).lastInsertRowid;
        return { result: this.userById(Number(id))!, audit: { action: "create", name: user.name, before: null, after: { name: user.name, role: user.role } } };
      });
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") throw new StoreError("duplicate", `a user named "${user.name}" (or a name that looks the same) already exists`);
      throw error;
    }
  }

  private userById(id: number): User | undefined {
    const row = this.db.prepare(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`).get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  async userByKey(key: string): Promise<UserWithPassword | undefined> {
    const row = this.db.prepare(`SELECT ${USER_COLUMNS} FROM users u WHERE u.key = ?`).get(key) as UserRow | undefined;
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async users(): Promise<User[]> {
    return (this.db.prepare(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.key`).all() as UserRow[]).map(toUser);
  }

  async setRole(userId: number, role: Role, by?: string): Promise<User> {
    return this.change(by, () => {
      const before = this.userById(userId);
      if (!before) throw noUser(userId);
      this.db.prepare("UPDATE users SET role = ? WHERE id = ?").run(role, userId);
      return { result: { ...before, role }, audit: { action: "replace", name: before.name, before: { name: before.name, role: before.role }, after: { name: before.name, role } } };
    });
  }

  async setPassword(userId: number, passwordHash: string, by?: string): Promise<void> {
    this.change(by, () => {
      const user = this.userById(userId);
      if (!user) throw noUser(userId);
      this.db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(passwordHash, userId);
      this.db.prepare("DELETE FROM sessions WHERE user_id = ?").run(userId);
      return { result: undefined, audit: { action: "replace", name: user.name, before: { password: "old" }, after: { password: "new, sessions ended" } } };
    });
  }

  async removeUser(userId: number, by?: string): Promise<void> {
    this.change(by, () => {
      const user = this.userById(userId);
      if (!user) throw noUser(userId);
      const tokens = this.tokenLabels(userId);
      this.db.prepare("DELETE FROM users WHERE id = ?").run(userId);
      return { result: undefined, audit: { action: "delete", name: user.name, before: { name: user.name, role: user.role, tokens }, after: null } };
    });
  }

  async createSession(s: NewSession): Promise<void> {
    const created = s.createdAt.toISOString();
    this.db
      .prepare("INSERT INTO sessions (id_digest, user_id, csrf, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(s.idDigest, s.userId, s.csrf, created, created, s.expiresAt.toISOString());
  }

  async session(idDigest: string): Promise<(Session & { user: User }) | undefined> {
    const row = this.db
      .prepare(`SELECT s.user_id, s.csrf, s.created_at AS s_created, s.last_seen_at, s.expires_at, ${USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_digest = ?`)
      .get(idDigest) as (UserRow & { user_id: number; csrf: string; s_created: string; last_seen_at: string; expires_at: string }) | undefined;
    if (!row) return undefined;
    return { userId: row.user_id, csrf: row.csrf, createdAt: row.s_created, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, user: toUser(row) };
  }

  async touchSession(idDigest: string, at: Date): Promise<void> {
    this.db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id_digest = ?").run(at.toISOString(), idDigest);
  }

  async deleteSession(idDigest: string): Promise<void> {
    this.db.prepare("DELETE FROM sessions WHERE id_digest = ?").run(idDigest);
  }

  async deleteExpiredSessions(now: Date, idleMs: number): Promise<number> {
    return this.db.prepare("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?").run(now.toISOString(), new Date(now.getTime() - idleMs).toISOString()).changes;
  }

  async signInLock(nameKey: string, now: Date): Promise<string | undefined> {
    const until = this.db.prepare("SELECT locked_until FROM sign_in_failures WHERE name_key = ?").pluck().get(nameKey) as string | null | undefined;
    return until && Date.parse(until) > now.getTime() ? until : undefined;
  }

  async recordSignInFailure(nameKey: string, now: Date, policy: { lockAfter: number; lockMs: number }): Promise<string | undefined> {
    return this.db
      .transaction(() => {
        const row = this.db.prepare("SELECT failures FROM sign_in_failures WHERE name_key = ?").get(nameKey) as { failures: number } | undefined;
        const failures = (row?.failures ?? 0) + 1;
        const locked = failures >= policy.lockAfter ? new Date(now.getTime() + policy.lockMs).toISOString() : null;
        this.db
          .prepare("INSERT INTO sign_in_failures (name_key, failures, locked_until) VALUES (?, ?, ?) ON CONFLICT (name_key) DO UPDATE SET failures = excluded.failures, locked_until = coalesce(excluded.locked_until, locked_until)")
          .run(nameKey, locked ? 0 : failures, locked);
        return locked ?? undefined;
      })
      .immediate();
  }

  async clearSignInFailures(nameKey: string): Promise<void> {
    this.db.prepare("DELETE FROM sign_in_failures WHERE name_key = ?").run(nameKey);
  }

  async createToken(t: NewToken, by?: string): Promise<ApiToken> {
    return this.change(by, () => {
      const user = this.userById(t.userId);
      if (!user) throw noUser(t.userId);
      const before = this.tokenLabels(t.userId);
      const id = this.db.prepare("INSERT INTO api_tokens (digest, user_id, label, created_at) VALUES (?, ?, ?, ?)").run(t.digest, t.userId, t.label, t.createdAt.toISOString()).lastInsertRowid;
      const token = toToken(this.db.prepare("SELECT id, user_id, label, created_at, last_used_at FROM api_tokens WHERE id = ?").get(Number(id)) as TokenRow);
      return { result: token, audit: { action: "replace", name: user.name, before: { tokens: before }, after: { tokens: [...before, t.label] } } };
    });
  }

  async token(digest: string): Promise<(ApiToken & { user: User }) | undefined> {
    const row = this.db
      .prepare(`SELECT t.id AS t_id, t.user_id, t.label, t.created_at AS t_created, t.last_used_at, ${USER_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.digest = ?`)
      .get(digest) as (UserRow & { t_id: number; user_id: number; label: string; t_created: string; last_used_at: string | null }) | undefined;
    if (!row) return undefined;
    return { id: row.t_id, userId: row.user_id, label: row.label, createdAt: row.t_created, lastUsedAt: row.last_used_at, user: toUser(row) };
  }

  async tokens(userId: number): Promise<ApiToken[]> {
    return (this.db.prepare("SELECT id, user_id, label, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY id").all(userId) as TokenRow[]).map(toToken);
  }

  async touchToken(tokenId: number, at: Date): Promise<void> {
    this.db.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").run(at.toISOString(), tokenId);
  }

  async revokeToken(userId: number, tokenId: number, by?: string): Promise<boolean> {
    return this.change(by, () => {
      const before = this.tokenLabels(userId);
      const removed = this.db.prepare("DELETE FROM api_tokens WHERE id = ? AND user_id = ?").run(tokenId, userId).changes > 0;
      const name = this.userById(userId)?.name;
      return { result: removed, audit: removed && name ? { action: "replace", name, before: { tokens: before }, after: { tokens: this.tokenLabels(userId) } } : undefined };
    });
  }
}

/** Who added a thing and who last changed it: two index lookups on (entity, entity_id, id). */
export function sqliteAuthorship(db: Db, entity: Exclude<AuditEntity, "data" | "user">, id: string): Authorship {
  const added = db.prepare("SELECT id, actor, at FROM audit WHERE entity = ? AND entity_id = ? AND action = 'create' ORDER BY id DESC LIMIT 1").get(entity, id) as
    | { id: number; actor: string; at: string }
    | undefined;
  const edited = db
    .prepare("SELECT actor, at FROM audit WHERE entity = ? AND entity_id = ? AND action = 'replace' AND id > ? ORDER BY id DESC LIMIT 1")
    .get(entity, id, added?.id ?? 0) as { actor: string; at: string } | undefined;
  return { ...(added ? { added: { by: added.actor, at: added.at } } : {}), ...(edited ? { edited: { by: edited.actor, at: edited.at } } : {}) };
}

const jsonOrNull = (value: unknown) => (value === null ? null : JSON.stringify(value));

const noUser = (id: number) => new StoreError("not-found", `no user with id ${id}`);
