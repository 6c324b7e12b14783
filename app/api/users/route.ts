import { json } from "@/lib/api/responses";
import { accountRoute } from "@/lib/auth/account-route";
import { addUser } from "@/lib/auth/manage";
import { readFields } from "@/lib/auth/read-fields";
import { publicUser } from "@/lib/auth/public-user";
import { getStore } from "@/lib/store";

/** Accounts, for admins: `GET` lists them, `POST { name, role, password }` adds one (201). */
export async function GET(request: Request) {
  return accountRoute(request, "admin", async () => {
    const users = await (await getStore()).accounts.users();
    return json({ users: users.map(publicUser) }, { headers: { "cache-control": "no-store" } });
  });
}

export async function POST(request: Request) {
  return accountRoute(request, "admin", async (caller) => {
    const { values } = await readFields(request);
    const user = await addUser(await getStore(), values.name, values.role ?? "viewer", values.password, caller.actor);
    return json({ user: publicUser(user) }, { status: 201, headers: { location: `/api/users/${encodeURIComponent(user.name)}` } });
  });
}
