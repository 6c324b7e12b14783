import { RequestError } from "@/lib/api/request-error";
import { accountRoute, assertSelfOrAdmin } from "@/lib/auth/account-route";
import { findUser } from "@/lib/auth/manage";
import { getStore } from "@/lib/store";

type Params = { params: Promise<{ name: string; id: string }> };

/** Revokes a token (204): from now on it is refused with 401. For its owner and admins. */
export async function DELETE(request: Request, { params }: Params) {
  return accountRoute(request, "viewer", async (caller) => {
    const { name, id } = await params;
    const store = await getStore();
    const user = await findUser(store, name);
    assertSelfOrAdmin(caller, user.id);
    if (!/^\d{1,15}$/.test(id)) throw new RequestError(400, "a token id is a number", { param: "id" });
    if (!(await store.accounts.revokeToken(user.id, Number(id), caller.actor))) throw new RequestError(404, `${user.name} has no token ${id}`);
    return new Response(null, { status: 204 });
  });
}
