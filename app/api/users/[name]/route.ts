import { json } from "@/lib/api/responses";
import { accountRoute } from "@/lib/auth/account-route";
import { checkRole, findUser, removeUser, resetPassword, setUserRole } from "@/lib/auth/manage";
import { checkNewPassword } from "@/lib/auth/passwords";
import { readFields } from "@/lib/auth/read-fields";
import { publicUser } from "@/lib/auth/public-user";
import { getStore } from "@/lib/store";

type Params = { params: Promise<{ name: string }> };

/** One account, for admins: `GET`, `PATCH { role?, password? }` (a new password ends the user's sessions), `DELETE` (204). */
export async function GET(request: Request, { params }: Params) {
  return accountRoute(request, "admin", async () => json({ user: publicUser(await findUser(await getStore(), (await params).name)) }));
}

export async function PATCH(request: Request, { params }: Params) {
  return accountRoute(request, "admin", async (caller) => {
    const { name } = await params;
    const store = await getStore();
    const { values } = await readFields(request);
    await findUser(store, name);
    // Both checked before either is applied: a bad role must not leave a new password behind.
    if (values.role !== undefined) checkRole(values.role);
    if (values.password !== undefined) checkNewPassword(values.password);
    if (values.role !== undefined) await setUserRole(store, name, values.role, caller.actor);
    if (values.password !== undefined) await resetPassword(store, name, values.password, caller.actor);
    return json({ user: publicUser(await findUser(store, name)) });
  });
}

export async function DELETE(request: Request, { params }: Params) {
  return accountRoute(request, "admin", async (caller) => {
    await removeUser(await getStore(), (await params).name, caller.actor);
    return new Response(null, { status: 204 });
  });
}
