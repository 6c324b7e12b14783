import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { WritersOnly } from "../_components/auth/writers-only";
import { ImportForm } from "../_components/import/import-form";
import { pageWriter } from "@/lib/auth/current-user";
import styles from "../_components/import/import.module.css";

export const metadata: Metadata = { title: "Import" };

/** `/import`: ACLED and GDELT event files and the analyst's own layers, into the store. */
export default async function ImportPage() {
  await connection();
  const writer = await pageWriter();
  return (
    <main className={styles.page}>
      <Link href="/" className={styles.back}>
        ← Back to the map
      </Link>
      <h1>Import data</h1>
      <p className={styles.muted}>
        Events from ACLED CSV exports or GDELT 2.0 event files; layers from GeoJSON, KML, zipped shapefiles or CSV. Every import is checked as a whole: if the store refuses any part, nothing
        is written. Importing needs an editor&apos;s account (or an API token). Very large files import faster with <code>npm run import</code>.
      </p>
      {writer.allowed ? <ImportForm /> : <WritersOnly what="Importing data" writer={writer} className={styles.muted} />}
    </main>
  );
}
