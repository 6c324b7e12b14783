import { json } from "@/lib/api/responses";
import { accountRoute } from "@/lib/auth/account-route";
import { findUser, removeUser, resetPassword, setUserRole } from "@/lib/auth/manage";
import { readFields } from "@/lib/auth/read-fields";
import { publicUser } from "@/lib/auth/public-user";
import { getStore } from "@/lib/store";

type Params = { params: Promise<{ name: string }> };

/** One account, for admins: `GET`, `PATCH { role?, password? }` (a new password ends the user's sessions), `DELETE` (204). */
export async function GET(request: Request, { params }: Params) {
  return accountRoute(request, "admin", async () => json({ user: publicUser(await findUser(await getStore(), (await params).name)) }));
}

export async function PATCH(request: Request, { params }: Params) {
  return accountRoute(request, "admin", async () => {
    const { name } = await params;
    const store = await getStore();
    const { values } = await readFields(request);
    await findUser(store, name);
    if (values.password !== undefined) await resetPassword(store, name, values.password);
    if (values.role !== undefined) await setUserRole(store, name, values.role);
    return json({ user: publicUser(await findUser(store, name)) });
  });
}

export async function DELETE(request: Request, { params }: Params) {
  return accountRoute(request, "admin", async () => {
    await removeUser(await getStore(), (await params).name);
    return new Response(null, { status: 204 });
  });
}
