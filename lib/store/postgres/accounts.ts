import type { Role } from "@/lib/auth/roles";
import type { AccountStore, ApiToken, Authorship, NewSession, NewToken, NewUser, Session, User, UserWithPassword } from "../accounts";
import { StoreError, type AuditEntity } from "../store";
import { inTransaction, run, type Pools, type Queryable } from "./connection";

/** What the audit log keeps of an account change (never a password hash or a token's secret). */
type AccountChange = { action: "create" | "replace" | "delete"; name: string; before: unknown; after: unknown };

type UserRow = { id: string; name: string; key: string; role: Role; password_hash: string; created_at: Date };
type TokenRow = { id: string; user_id: string; label: string; created_at: Date; last_used_at: Date | null };

const USER_COLUMNS = "u.id, u.name, u.key, u.role, u.password_hash, u.created_at";
const toUser = (r: UserRow): User => ({ id: Number(r.id), name: r.name, key: r.key, role: r.role, createdAt: r.created_at.toISOString() });
const toToken = (r: TokenRow): ApiToken => ({
  id: Number(r.id),
  userId: Number(r.user_id),
  label: r.label,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
});

/**
 * Users, sessions and API tokens in PostgreSQL (migration 2). Everything goes to the primary: a
 * session just created or a token just revoked must be seen at once, and a replica may lag.
 */
export class PostgresAccounts implements AccountStore {
  constructor(private readonly pools: Pools) {}

  private get db() {
    return this.pools.primary;
  }

  /** Runs a change in one transaction with its audit row (when `by` says who made it). */
  private change<T>(by: string | undefined, work: (db: Queryable) => Promise<{ result: T; audit?: AccountChange }>): Promise<T> {
    return inTransaction(this.pools, async (db) => {
      const { result, audit } = await work(db);
      if (by && audit) {
        await db.query("INSERT INTO audit (actor, action, entity, entity_id, before, after) VALUES ($1, $2, 'user', $3, $4, $5)", [
          by,
          audit.action,
          audit.name,
          audit.before === null ? null : JSON.stringify(audit.before),
          audit.after === null ? null : JSON.stringify(audit.after),
        ]);
      }
      return result;
    });
  }

  private async userIn(db: Queryable, id: number): Promise<User | undefined> {
    const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    return rows[0] && toUser(rows[0]);
  }

  private async tokenLabels(db: Queryable, userId: number): Promise<string[]> {
    const { rows } = await db.query<{ label: string }>("SELECT label FROM api_tokens WHERE user_id = $1 ORDER BY id", [userId]);
    return rows.map((r) => r.label);
  }

  async createUser(user: NewUser, by?: string): Promise<User> {
    try {
      return await this.change(by, async (db) => {
        const { rows } = await db.query<UserRow>("INSERT INTO users AS u (name, key, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING " + USER_COLUMNS, [
          user.name,
          user.key,
          user.role,
          user.passwordHash,
        ]);
        return { result: toUser(rows[0]!), audit: { action: "create", name: user.name, before: null, after: { name: user.name, role: user.role } } };
      });
    } catch (error) {
      if (error instanceof StoreError && error.code === "duplicate") throw new StoreError("duplicate", `a user named "${user.name}" (or a name that looks the same) already exists`);
      throw error;
    }
  }

  async userByKey(key: string): Promise<UserWithPassword | undefined> {
    const { rows } = await run<UserRow>(this.db, `SELECT ${USER_COLUMNS} FROM users u WHERE u.key = $1`, [key]);
    const row = rows[0];
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async users(): Promise<User[]> {
    const { rows } = await run<UserRow>(this.db, `SELECT ${USER_COLUMNS} FROM users u ORDER BY u.key`);
    return rows.map(toUser);
  }

  async setRole(userId: number, role: Role, by?: string): Promise<User> {
    return this.change(by, async (db) => {
      const before = await this.userIn(db, userId);
      if (!before) throw noUser(userId);
      await db.query("UPDATE users SET role = $1 WHERE id = $2", [role, userId]);
      return { result: { ...before, role }, audit: { action: "replace", name: before.name, before: { name: before.name, role: before.role }, after: { name: before.name, role } } };
    });
  }

  async setPassword(userId: number, passwordHash: string, by?: string): Promise<void> {
    await this.change(by, async (db) => {
      const user = await this.userIn(db, userId);
      if (!user) throw noUser(userId);
      await db.query("UPDATE users SET password_hash = $1 WHERE id = $2", [passwordHash, userId]);
      await db.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
      return { result: undefined, audit: { action: "replace", name: user.name, before: { password: "old" }, after: { password: "new, sessions ended" } } };
    });
  }

  async removeUser(userId: number, by?: string): Promise<void> {
    await this.change(by, async (db) => {
      const user = await this.userIn(db, userId);
      if (!user) throw noUser(userId);
      const tokens = await this.tokenLabels(db, userId);
      await db.query("DELETE FROM users WHERE id = $1", [userId]);
      return { result: undefined, audit: { action: "delete", name: user.name, before: { name: user.name, role: user.role, tokens }, after: null } };
    });
  }

  async createSession(s: NewSession): Promise<void> {
    await run(this.db, "INSERT INTO sessions (id_digest, user_id, csrf, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)", [
      s.idDigest,
      s.userId,
      s.csrf,
      s.createdAt,
      s.expiresAt,
    ]);
  }

  async session(idDigest: string): Promise<(Session & { user: User }) | undefined> {
    const { rows } = await run<UserRow & { user_id: string; csrf: string; s_created: Date; last_seen_at: Date; expires_at: Date }>(
      this.db,
      `SELECT s.user_id, s.csrf, s.created_at AS s_created, s.last_seen_at, s.expires_at, ${USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_digest = $1`,
      [idDigest],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      userId: Number(row.user_id),
      csrf: row.csrf,
      createdAt: row.s_created.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      user: toUser(row),
    };
  }

  async touchSession(idDigest: string, at: Date): Promise<void> {
    await run(this.db, "UPDATE sessions SET last_seen_at = $1 WHERE id_digest = $2", [at, idDigest]);
  }

  async deleteSession(idDigest: string): Promise<void> {
    await run(this.db, "DELETE FROM sessions WHERE id_digest = $1", [idDigest]);
  }

  async deleteExpiredSessions(now: Date, idleMs: number): Promise<number> {
    const { rowCount } = await run(this.db, "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2", [now, new Date(now.getTime() - idleMs)]);
    return rowCount ?? 0;
  }

  async signInLock(nameKey: string, now: Date): Promise<string | undefined> {
    const { rows } = await run<{ locked_until: Date | null }>(this.db, "SELECT locked_until FROM sign_in_failures WHERE name_key = $1", [nameKey]);
    const until = rows[0]?.locked_until;
    return until && until.getTime() > now.getTime() ? until.toISOString() : undefined;
  }

  async recordSignInFailure(nameKey: string, now: Date, policy: { lockAfter: number; lockMs: number }): Promise<string | undefined> {
    // One statement, so that concurrent wrong guesses on several instances all count.
    const { rows } = await run<{ locked_until: Date | null; locked_now: boolean }>(
      this.db,
      `INSERT INTO sign_in_failures AS f (name_key, failures, locked_until) VALUES ($1, 1, NULL)
       ON CONFLICT (name_key) DO UPDATE SET
         failures = CASE WHEN f.failures + 1 >= $2 THEN 0 ELSE f.failures + 1 END,
         locked_until = CASE WHEN f.failures + 1 >= $2 THEN $3::timestamptz ELSE f.locked_until END
       RETURNING locked_until, (f.failures = 0) AS locked_now`,
      [nameKey, policy.lockAfter, new Date(now.getTime() + policy.lockMs)],
    );
    const row = rows[0];
    // A first failure with lockAfter 1 never reaches the UPDATE branch; count it here.
    if (row && !row.locked_now && policy.lockAfter <= 1) {
      const until = new Date(now.getTime() + policy.lockMs);
      await run(this.db, "UPDATE sign_in_failures SET failures = 0, locked_until = $2 WHERE name_key = $1", [nameKey, until]);
      return until.toISOString();
    }
    return row?.locked_now && row.locked_until ? row.locked_until.toISOString() : undefined;
  }

  async clearSignInFailures(nameKey: string): Promise<void> {
    await run(this.db, "DELETE FROM sign_in_failures WHERE name_key = $1", [nameKey]);
  }

  async createToken(t: NewToken, by?: string): Promise<ApiToken> {
    return this.change(by, async (db) => {
      const user = await this.userIn(db, t.userId);
      if (!user) throw noUser(t.userId);
      const before = await this.tokenLabels(db, t.userId);
      const { rows } = await db.query<TokenRow>(
        "INSERT INTO api_tokens (digest, user_id, label, created_at) VALUES ($1, $2, $3, $4) RETURNING id, user_id, label, created_at, last_used_at",
        [t.digest, t.userId, t.label, t.createdAt],
      );
      return { result: toToken(rows[0]!), audit: { action: "replace", name: user.name, before: { tokens: before }, after: { tokens: [...before, t.label] } } };
    });
  }

  async token(digest: string): Promise<(ApiToken & { user: User }) | undefined> {
    const { rows } = await run<UserRow & { t_id: string; user_id: string; label: string; t_created: Date; last_used_at: Date | null }>(
      this.db,
      `SELECT t.id AS t_id, t.user_id, t.label, t.created_at AS t_created, t.last_used_at, ${USER_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.digest = $1`,
      [digest],
    );
    const row = rows[0];
    if (!row) return undefined;
    return { ...toToken({ id: row.t_id, user_id: row.user_id, label: row.label, created_at: row.t_created, last_used_at: row.last_used_at }), user: toUser(row) };
  }

  async tokens(userId: number): Promise<ApiToken[]> {
    const { rows } = await run<TokenRow>(this.db, "SELECT id, user_id, label, created_at, last_used_at FROM api_tokens WHERE user_id = $1 ORDER BY id", [userId]);
    return rows.map(toToken);
  }

  async touchToken(tokenId: number, at: Date): Promise<void> {
    await run(this.db, "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2", [at, tokenId]);
  }

  async revokeToken(userId: number, tokenId: number, by?: string): Promise<boolean> {
    return this.change(by, async (db) => {
      const before = await this.tokenLabels(db, userId);
      const { rowCount } = await db.query("DELETE FROM api_tokens WHERE id = $1 AND user_id = $2", [tokenId, userId]);
      const removed = (rowCount ?? 0) > 0;
      const name = (await this.userIn(db, userId))?.name;
      return { result: removed, audit: removed && name ? { action: "replace", name, before: { tokens: before }, after: { tokens: await this.tokenLabels(db, userId) } } : undefined };
    });
  }
}

/** Who added a thing and who last changed it: two index lookups on (entity, entity_id, id). */
export async function postgresAuthorship(pools: Pools, entity: Exclude<AuditEntity, "data" | "user">, id: string): Promise<Authorship> {
  const { rows } = await run<{ action: string; actor: string; at: Date; id: string }>(
    pools.primary,
    `(SELECT 'create' AS action, actor, at, id FROM audit WHERE entity = $1 AND entity_id = $2 AND action = 'create' ORDER BY id DESC LIMIT 1)
     UNION ALL
     (SELECT 'replace', actor, at, id FROM audit WHERE entity = $1 AND entity_id = $2 AND action = 'replace' ORDER BY id DESC LIMIT 1)`,
    [entity, id],
  );
  const added = rows.find((r) => r.action === "create");
  const edited = rows.find((r) => r.action === "replace");
  const editedAfterAdd = edited && (!added || Number(edited.id) > Number(added.id));
  return {
    ...(added ? { added: { by: added.actor, at: added.at.toISOString() } } : {}),
    ...(edited && editedAfterAdd ? { edited: { by: edited.actor, at: edited.at.toISOString() } } : {}),
  };
}

const noUser = (id: number) => new StoreError("not-found", `no user with id ${id}`);
