"use client";

import { canWrite } from "@/lib/auth/roles";
import { signInUrl } from "@/lib/auth/public-read";
import styles from "./account-menu.module.css";
import { useAccount } from "./use-account";
import { csrfToken } from "./write-fetch";

/**
 * The header's account corner: "Sign in" (coming back to this very view), or the signed-in
 * user's name opening a small menu with their role, what they may add (editors and admins: an
 * article, a data import, the drafts awaiting review), the admin pages for admins, and Sign out.
 */
export function AccountMenu() {
  const { account } = useAccount();
  if (account === undefined) return <span className={styles.slot} aria-hidden="true" />;
  if (account === null) {
    return (
      <a
        className={styles.signIn}
        href="/sign-in"
        data-testid="sign-in-link"
        // The view's address changes as the reader works: take it at the moment of the click.
        onClick={(e) => {
          e.currentTarget.href = signInUrl(`${window.location.pathname}${window.location.search}`);
        }}
      >
        Sign in
      </a>
    );
  }
  return (
    <details className={styles.menu} data-testid="account-menu">
      <summary className={styles.summary} title={`Signed in as ${account.name} (${account.role})`}>
        <span className={styles.name}>{account.name}</span>
      </summary>
      <div className={styles.panel}>
        <p className={styles.role}>
          Signed in as <strong>{account.name}</strong>, {account.role}
        </p>
        {canWrite(account.role) ? (
          <p className={styles.links}>
            <a href="/articles/new">Add an article</a> · <a href="/articles/review">Review queue</a> · <a href="/import">Import data</a>
          </p>
        ) : null}
        {account.role === "admin" ? (
          <p className={styles.links}>
            <a href="/admin/users">Users and tokens</a> · <a href="/admin/audit">Audit log</a>
          </p>
        ) : null}
        <form
          method="post"
          action="/api/auth/sign-out"
          onSubmit={(e) => {
            (e.currentTarget.elements.namedItem("csrf") as HTMLInputElement).value = csrfToken() ?? "";
          }}
        >
          <input type="hidden" name="csrf" defaultValue="" />
          <button type="submit">Sign out</button>
        </form>
      </div>
    </details>
  );
}
