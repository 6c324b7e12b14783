import { json } from "@/lib/api/responses";
import { accountRoute, assertSelfOrAdmin } from "@/lib/auth/account-route";
import { findUser } from "@/lib/auth/manage";
import { readFields } from "@/lib/auth/read-fields";
import { issueToken } from "@/lib/auth/tokens";
import { getStore } from "@/lib/store";

type Params = { params: Promise<{ name: string }> };

/**
 * A user's API tokens, for the user and admins. `GET` lists them (label, dates; never the secret);
 * `POST { label }` makes one and answers its secret once (201): it is not kept and cannot be shown again.
 */
export async function GET(request: Request, { params }: Params) {
  return accountRoute(request, "viewer", async (caller) => {
    const store = await getStore();
    const user = await findUser(store, (await params).name);
    assertSelfOrAdmin(caller, user.id);
    return json({ tokens: await store.accounts.tokens(user.id) }, { headers: { "cache-control": "no-store" } });
  });
}

export async function POST(request: Request, { params }: Params) {
  return accountRoute(request, "viewer", async (caller) => {
    const store = await getStore();
    const user = await findUser(store, (await params).name);
    assertSelfOrAdmin(caller, user.id);
    const { values } = await readFields(request);
    const { token, secret } = await issueToken(store, user, values.label, caller.actor);
    return json({ token, secret }, { status: 201, headers: { "cache-control": "no-store" } });
  });
}
