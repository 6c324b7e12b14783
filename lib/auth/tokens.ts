import "server-only";
import type { ApiToken, Store, User } from "@/lib/store/store";
import { RequestError } from "@/lib/api/request-error";
import { digestOf, randomSecret } from "./secrets";
import { TOKEN_PREFIX } from "./url-credentials";

const MAX_LABEL_LENGTH = 100;

/** Makes a token for `user`; the secret is returned once and only its digest is kept. */
export async function issueToken(store: Store, user: User, rawLabel: unknown, by?: string): Promise<{ token: ApiToken; secret: string }> {
  const label = typeof rawLabel === "string" ? rawLabel.normalize("NFKC").trim() : "";
  if (!label) throw new RequestError(400, "a token needs a label saying what it is for (e.g. \"nightly import\")", { field: "label" });
  if ([...label].length > MAX_LABEL_LENGTH) throw new RequestError(400, `the label is longer than ${MAX_LABEL_LENGTH} characters`, { field: "label" });
  if (/\p{Cc}/u.test(label)) throw new RequestError(400, "the label holds control characters", { field: "label" });
  const secret = TOKEN_PREFIX + randomSecret();
  const token = await store.accounts.createToken({ digest: digestOf(secret), userId: user.id, label, createdAt: new Date() }, by);
  return { token, secret };
}

/** The user a bearer token belongs to, or undefined for an unknown or revoked token. */
export async function tokenUser(store: Store, secret: string): Promise<User | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
  const found = await store.accounts.token(digestOf(secret));
  if (!found) return undefined;
  const now = new Date();
  if (!found.lastUsedAt || now.getTime() - Date.parse(found.lastUsedAt) > 60_000) await store.accounts.touchToken(found.id, now);
  return found.user;
}
