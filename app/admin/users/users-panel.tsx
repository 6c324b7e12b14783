"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { ApiToken } from "@/lib/store/accounts";
import { writeFetch } from "../../_components/auth/write-fetch";
import styles from "../admin.module.css";

export type UserRow = { name: string; role: Role; createdAt: string; tokens: ApiToken[] };

type Notice = { kind: "message" | "error"; text: string; secret?: string };

/** The account table and its actions; every action goes through the API, which checks the role again. */
export function UsersPanel({ users, self }: { users: UserRow[]; self: string }) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>();

  async function call(method: string, path: string, body: unknown, done: string): Promise<unknown> {
    const response = await writeFetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = response.status === 204 ? {} : ((await response.json().catch(() => ({}))) as { error?: { message?: string } });
    if (!response.ok) {
      setNotice({ kind: "error", text: answer.error?.message ?? `failed (HTTP ${response.status})` });
      return undefined;
    }
    setNotice({ kind: "message", text: done });
    router.refresh();
    return answer;
  }

  const userPath = (name: string) => `/api/users/${encodeURIComponent(name)}`;

  async function addUser(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "");
    const ok = await call("POST", "/api/users", { name, role: data.get("role"), password: data.get("password") }, `Added ${name}.`);
    if (ok) form.reset();
  }

  async function resetPassword(name: string) {
    const password = window.prompt(`New password for ${name} (at least 10 characters). Their sessions will end.`);
    if (password) await call("PATCH", userPath(name), { password }, `New password set for ${name}; their sessions have ended.`);
  }

  async function newToken(name: string) {
    const label = window.prompt(`What is the token for? (e.g. "nightly import")`);
    if (!label) return;
    const answer = (await call("POST", `${userPath(name)}/tokens`, { label }, "")) as { secret?: string } | undefined;
    if (answer?.secret) setNotice({ kind: "message", text: `Token "${label}" for ${name}: copy it now, it is not shown again.`, secret: answer.secret });
  }

  return (
    <>
      {notice ? (
        <p className={notice.kind === "error" ? styles.error : styles.message} role={notice.kind === "error" ? "alert" : "status"} data-testid="users-notice">
          {notice.text} {notice.secret ? <code className={styles.secret} data-testid="new-token">{notice.secret}</code> : null}
        </p>
      ) : null}
      <h2>Add a user</h2>
      <form className={styles.form} onSubmit={addUser} aria-label="Add a user">
        <label>
          Name
          <input name="name" required maxLength={64} autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </label>
        <label>
          Role
          <select name="role" defaultValue="viewer">
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label>
          Password
          <input name="password" type="password" required minLength={10} maxLength={256} autoComplete="new-password" />
        </label>
        <button type="submit">Add</button>
      </form>
      <h2>Users</h2>
      <table className={styles.table} data-testid="users-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Since</th>
            <th>API tokens</th>
            <th>Account</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.name} data-user={u.name}>
              <td>
                <strong>{u.name}</strong>
                {u.name === self ? <span className={styles.muted}> (you)</span> : null}
              </td>
              <td>
                <select
                  aria-label={`Role of ${u.name}`}
                  value={u.role}
                  onChange={(e) => void call("PATCH", userPath(u.name), { role: e.target.value }, `${u.name} is now ${e.target.value}.`)}
                >
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td className={styles.small}>{u.createdAt.slice(0, 10)}</td>
              <td>
                {u.tokens.length === 0 ? <span className={styles.muted}>none</span> : null}
                <ul className={styles.tokens}>
                  {u.tokens.map((t) => (
                    <li key={t.id} className={styles.small}>
                      <span className={styles.inline}>
                        {t.label} · made {t.createdAt.slice(0, 10)} · {t.lastUsedAt ? `last used ${t.lastUsedAt.slice(0, 16).replace("T", " ")}` : "never used"}
                        <button type="button" onClick={() => void call("DELETE", `${userPath(u.name)}/tokens/${t.id}`, undefined, `Revoked "${t.label}".`)}>
                          Revoke
                        </button>
                      </span>
                    </li>
                  ))}
                </ul>
                <button type="button" onClick={() => void newToken(u.name)}>
                  New token
                </button>
              </td>
              <td>
                <span className={styles.inline}>
                  <button type="button" onClick={() => void resetPassword(u.name)}>
                    Reset password
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      if (window.confirm(`Remove ${u.name} with their sessions and tokens?`)) void call("DELETE", userPath(u.name), undefined, `Removed ${u.name}.`);
                    }}
                  >
                    Remove
                  </button>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
