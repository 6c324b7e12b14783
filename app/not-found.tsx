import Link from "next/link";
import { connection } from "next/server";

/** Rendered per request (not prebuilt) so that its scripts carry this request's CSP nonce. */
export default async function NotFound() {
  await connection();
  return (
    <main style={{ padding: "2rem", maxWidth: "40rem" }}>
      <h1>Not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link href="/">Open the situation map</Link>
      </p>
    </main>
  );
}
