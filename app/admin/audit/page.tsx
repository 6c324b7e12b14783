import type { Metadata } from "next";
import { readAuditFilter } from "@/lib/api/audit-query";
import { RequestError } from "@/lib/api/request-error";
import { auditChanges, shortValue } from "@/lib/auth/audit-diff";
import Link from "next/link";
import { requireRole } from "@/lib/auth/current-user";
import { nameKey } from "@/lib/auth/names";
import { getStore } from "@/lib/store";
import type { AuditEntry, Store } from "@/lib/store/store";
import { AdminTop, NotAllowed } from "../admin-top";
import styles from "../admin.module.css";

export const metadata: Metadata = { title: "Audit log", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE = 50;

/**
 * Every change, newest first: who, when, what, and what changed (before → after), filtered by
 * thing, id and person, with a link to the thing as it is now. For admins. Paged by `before`.
 */
export default async function AuditPage({ searchParams }: Props) {
  const { user, allowed } = await requireRole("admin");
  if (!allowed) return <NotAllowed title="Audit log" user={user} />;
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string" && v !== "") params.set(k, v);
  params.delete("limit");
  let problem: string | undefined;
  let filter;
  try {
    filter = { ...readAuditFilter(params), limit: PAGE };
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    problem = `${error.details.param ?? ""}: ${error.message}`;
    filter = { limit: PAGE };
  }
  const store = await getStore();
  const entries = await store.audit(filter);
  const present = await existing(store, entries);
  const last = entries.at(-1);
  const older = last && entries.length === PAGE ? `?${new URLSearchParams({ ...Object.fromEntries(params), before: String(last.id) })}` : undefined;
  return (
    <main className={styles.page}>
      <AdminTop title="Audit log" user={user} />
      <form className={styles.filters} method="get" aria-label="Filter the audit log">
        <label>
          Thing
          <select name="entity" defaultValue={params.get("entity") ?? ""}>
            <option value="">any</option>
            <option value="event">event</option>
            <option value="article">article</option>
            <option value="layer">layer</option>
            <option value="data">import</option>
            <option value="user">account</option>
          </select>
        </label>
        <label>
          Id
          <input name="id" defaultValue={params.get("id") ?? ""} maxLength={200} />
        </label>
        <label>
          Who
          <input name="actor" defaultValue={params.get("actor") ?? ""} maxLength={200} />
        </label>
        <button type="submit">Filter</button>
        <a href="/admin/audit">Clear</a>
      </form>
      {problem ? (
        <p className={styles.error} role="alert">
          Filter ignored: {problem}
        </p>
      ) : null}
      <table className={styles.table} data-testid="audit-table">
        <thead>
          <tr>
            <th>When (UTC)</th>
            <th>Who</th>
            <th>What</th>
            <th>Changes</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-entry={e.id}>
              <td className={styles.small}>{e.at.slice(0, 19).replace("T", " ")}</td>
              <td>
                <a href={`/admin/audit?${new URLSearchParams({ actor: e.actor })}`}>{e.actor}</a>
              </td>
              <td>
                {e.entity === "data" ? "import of data" : `${e.action} ${e.entity === "user" ? "account" : e.entity}`} <Target entry={e} exists={present.has(`${e.entity}/${e.entityId}`)} />
              </td>
              <td>
                <Changes entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 ? <p className={styles.muted}>No changes match.</p> : null}
      {older ? (
        <p>
          <a href={`/admin/audit${older}`}>Older changes</a>
        </p>
      ) : null}
    </main>
  );
}

/** The thing's link as it is now (the dashboard opens it), or a note that it is gone. */
function Target({ entry, exists }: { entry: AuditEntry; exists: boolean }) {
  if (entry.entity === "data") return <code>{entry.entityId}</code>;
  if (entry.entity === "user") return exists ? <Link href="/admin/users">{entry.entityId}</Link> : <span>{entry.entityId} <span className={styles.muted}>(no longer exists)</span></span>;
  const href =
    entry.entity === "event" ? `/?${new URLSearchParams({ event: entry.entityId })}` : entry.entity === "article" ? `/?${new URLSearchParams({ article: entry.entityId })}` : `/?${new URLSearchParams({ layers: entry.entityId })}`;
  return exists ? (
    <a href={href}>
      <code>{entry.entityId}</code>
    </a>
  ) : (
    <span>
      <code>{entry.entityId}</code> <span className={styles.muted}>(no longer exists)</span>
    </span>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  if (entry.action === "create") return <span className={styles.muted}>added</span>;
  if (entry.action === "delete") return <span className={styles.muted}>removed</span>;
  if (entry.action === "import") return <span className={styles.muted}>{shortValue(entry.after)}</span>;
  const changes = auditChanges(entry.before, entry.after);
  if (changes.length === 0) return <span className={styles.muted}>no change</span>;
  return (
    <ul className={styles.diff}>
      {changes.map((c) => (
        <li key={c.path}>
          {c.path}: <span className={styles.removed}>{shortValue(c.before)}</span> → <span className={styles.added}>{shortValue(c.after)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Which of the entries' things exist now (one lookup per distinct thing on the page). */
async function existing(store: Store, entries: AuditEntry[]): Promise<Set<string>> {
  const keys = new Set(entries.filter((e) => e.entity !== "data").map((e) => `${e.entity}/${e.entityId}`));
  const found = new Set<string>();
  await Promise.all(
    [...keys].map(async (key) => {
      const [entity, ...rest] = key.split("/");
      const id = rest.join("/");
      const thing =
        entity === "event" ? await store.event(id) : entity === "article" ? await store.article(id) : entity === "user" ? await store.accounts.userByKey(nameKey(id)) : await store.layer(id);
      if (thing) found.add(key);
    }),
  );
  return found;
}
