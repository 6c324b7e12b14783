import Link from "next/link";
import { signInUrl } from "@/lib/auth/public-read";

/**
 * What a page meant for editors shows anyone else: why there is no form, and the way to one
 * (signing in brings them back to this page).
 */
export function WritersOnly({ what, writer, className }: { what: string; writer: { signedIn: boolean; name?: string; role?: string; original: string }; className?: string }) {
  return (
    <p className={className} role="alert" data-testid="writers-only">
      {writer.signedIn ? (
        <>
          {what} needs an editor&apos;s account; you are signed in as {writer.name}, {writer.role}. An admin can change your role.
        </>
      ) : (
        <>
          {what} needs an editor&apos;s account. <Link href={signInUrl(writer.original)}>Sign in</Link> to continue.
        </>
      )}
    </p>
  );
}
