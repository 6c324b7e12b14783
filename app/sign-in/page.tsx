import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/current-user";
import { MAX_NAME_LENGTH } from "@/lib/auth/names";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { publicRead } from "@/lib/auth/public-read";
import { safeNext } from "@/lib/auth/read-fields";
import { signInMessage } from "@/lib/auth/sign-in";
import styles from "./sign-in.module.css";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The sign-in form. A plain HTML form posted to /api/auth/sign-in, so it works without scripts;
 * `next` (the whole address the reader came from) is carried through, so that a shared link
 * opens its view once signed in. Messages come back in `error`.
 */
export default async function SignIn({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNext(first(params.next));
  const error = signInMessage(first(params.error), first(params.retry));
  const signedOut = first(params["signed-out"]) !== undefined;
  const user = await currentUser();
  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="sign-in-title">
        <p className={styles.brand}>Briefmap</p>
        <h1 id="sign-in-title" className={styles.title}>
          Sign in
        </h1>
        {!publicRead() ? <p className={styles.note}>This Briefmap is private: sign in to read it.</p> : null}
        {signedOut ? (
          <p className={styles.info} role="status">
            You are signed out.
          </p>
        ) : null}
        {user ? (
          <p className={styles.info} role="status">
            Signed in as <strong>{user.name}</strong> ({user.role}). <a href={next}>Continue</a>
          </p>
        ) : null}
        {error ? (
          <p className={styles.error} role="alert" data-testid="sign-in-error">
            {error}
          </p>
        ) : null}
        <form method="post" action="/api/auth/sign-in" className={styles.form}>
          <input type="hidden" name="next" value={next} />
          <label>
            User name
            <input name="name" autoComplete="username" required maxLength={MAX_NAME_LENGTH * 4} autoCapitalize="none" spellCheck={false} autoFocus />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="current-password" required maxLength={MAX_PASSWORD_LENGTH} />
          </label>
          <button type="submit">Sign in</button>
        </form>
        {publicRead() ? (
          <p className={styles.note}>
            <a href={next}>Back to the map</a> (reading needs no account).
          </p>
        ) : null}
      </section>
    </main>
  );
}
