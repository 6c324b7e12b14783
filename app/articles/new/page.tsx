import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { WritersOnly } from "@/app/_components/auth/writers-only";
import { IngestForm } from "@/app/_components/ingest/ingest-form";
import { pageWriter } from "@/lib/auth/current-user";
import styles from "@/app/_components/ingest/ingest.module.css";
import { reviewContext } from "@/lib/ingest/review-page";
import { getStore } from "@/lib/store";
import { readingStore } from "@/lib/view/page-error";

export const metadata: Metadata = { title: "Add an article · Briefmap" };

/** Paste or upload an article, review the events drafted from it, save. */
export default async function NewArticlePage() {
  await connection();
  const writer = await pageWriter();
  const { layers, features } = await readingStore(async () => reviewContext(await getStore()));
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1>Add an article</h1>
        <nav aria-label="Articles">
          <Link href="/articles/review">Review queue</Link>
          <Link href="/">Back to the map</Link>
        </nav>
      </header>
      {writer.allowed ? (
        <IngestForm layers={layers} features={features} today={new Date().toISOString().slice(0, 10)} />
      ) : (
        <WritersOnly what="Adding an article" writer={writer} className={styles.hint} />
      )}
    </main>
  );
}
