import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/current-user";
import { getStore } from "@/lib/store";
import { AdminTop, NotAllowed } from "../admin-top";
import styles from "../admin.module.css";
import { UsersPanel, type UserRow } from "./users-panel";

export const metadata: Metadata = { title: "Users and tokens", robots: { index: false } };

/** Accounts and their API tokens, for admins: add, change role, reset password, remove; make and revoke tokens. */
export default async function UsersPage() {
  const { user, allowed } = await requireRole("admin");
  if (!allowed) return <NotAllowed title="Users and tokens" user={user} />;
  const store = await getStore();
  const users = await store.accounts.users();
  const rows: UserRow[] = await Promise.all(
    users.map(async (u) => ({ name: u.name, role: u.role, createdAt: u.createdAt, tokens: await store.accounts.tokens(u.id) })),
  );
  return (
    <main className={styles.page}>
      <AdminTop title="Users and tokens" user={user} />
      <UsersPanel users={rows} self={user.name} />
    </main>
  );
}
