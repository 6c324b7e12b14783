import type { Role } from "@/lib/auth/roles";

/**
 * Accounts in the store: users, their sign-in sessions and their API tokens. Secrets are never
 * stored: sessions and tokens are kept by their SHA-256 digest, passwords by their argon2id hash.
 * Policy (expiry, rotation, throttling) lives in lib/auth; the store only keeps and finds.
 * Changes to accounts and tokens given a `by` (who made them) are written to the audit log in the
 * same transaction, as entity "user" (never a password or a token's secret).
 */
export interface AccountStore {
  /** Adds a user; a user whose name has the same key (look-alikes, case) exists → "duplicate". */
  createUser(user: NewUser, by?: string): Promise<User>;
  /** The user with this name key (see lib/auth/names.ts), with the password hash. */
  userByKey(key: string): Promise<UserWithPassword | undefined>;
  users(): Promise<User[]>;
  /** "not-found" for an unknown id. */
  setRole(userId: number, role: Role, by?: string): Promise<User>;
  /** Sets a new password hash and ends every session of the user (a reset signs everyone out). */
  setPassword(userId: number, passwordHash: string, by?: string): Promise<void>;
  /** Removes the user with their sessions and tokens; "not-found" for an unknown id. */
  removeUser(userId: number, by?: string): Promise<void>;

  createSession(session: NewSession): Promise<void>;
  /** The session with this digest and its user, expired or not (the caller decides). */
  session(idDigest: string): Promise<(Session & { user: User }) | undefined>;
  /** Records use of a session (its idle expiry counts from here). */
  touchSession(idDigest: string, at: Date): Promise<void>;
  deleteSession(idDigest: string): Promise<void>;
  /** Removes sessions whose idle or absolute expiry has passed; returns how many. */
  deleteExpiredSessions(now: Date, idleMs: number): Promise<number>;

  /** Until when sign-in for this name key is locked (ISO), or undefined. */
  signInLock(nameKey: string, now: Date): Promise<string | undefined>;
  /**
   * Counts a wrong password for a name key (whether or not such a user exists); the `lockAfter`th
   * in a row locks the key for `lockMs` and starts the count again. Returns the lock's end, if any.
   */
  recordSignInFailure(nameKey: string, now: Date, policy: { lockAfter: number; lockMs: number }): Promise<string | undefined>;
  clearSignInFailures(nameKey: string): Promise<void>;

  createToken(token: NewToken, by?: string): Promise<ApiToken>;
  /** The token with this digest and its user. */
  token(digest: string): Promise<(ApiToken & { user: User }) | undefined>;
  tokens(userId: number): Promise<ApiToken[]>;
  /** Records use of a token (shown in the list). */
  touchToken(tokenId: number, at: Date): Promise<void>;
  /** Revokes a token of this user; false when the user has no such token. */
  revokeToken(userId: number, tokenId: number, by?: string): Promise<boolean>;
}

export type User = { id: number; name: string; key: string; role: Role; createdAt: string };
export type UserWithPassword = User & { passwordHash: string };
export type NewUser = { name: string; key: string; role: Role; passwordHash: string };

export type Session = { userId: number; csrf: string; createdAt: string; lastSeenAt: string; expiresAt: string };
export type NewSession = { idDigest: string; userId: number; csrf: string; createdAt: Date; expiresAt: Date };

export type ApiToken = { id: number; userId: number; label: string; createdAt: string; lastUsedAt: string | null };
export type NewToken = { digest: string; userId: number; label: string; createdAt: Date };

/** Who added a thing and who last changed it, from the audit log (undefined parts: not recorded). */
export type Authorship = { added?: { by: string; at: string }; edited?: { by: string; at: string } };
