import Link from "next/link";
import styles from "./admin.module.css";

/** The admin pages' heading and navigation, with who is signed in. */
export function AdminTop({ title, user }: { title: string; user: { name: string; role: string } }) {
  return (
    <header className={styles.top}>
      <h1>{title}</h1>
      <nav aria-label="Admin">
        <Link href="/">Map</Link>
        <Link href="/admin/users">Users and tokens</Link>
        <Link href="/admin/audit">Audit log</Link>
      </nav>
      <span className={styles.who}>
        {user.name} ({user.role})
      </span>
    </header>
  );
}

/** What a signed-in user below the page's role sees instead of it. */
export function NotAllowed({ title, user }: { title: string; user: { name: string; role: string } }) {
  return (
    <main className={styles.page}>
      <AdminTop title={title} user={user} />
      <p className={styles.error} role="alert">
        This page is for admins; you are signed in as {user.name}, {user.role}.
      </p>
    </main>
  );
}
