import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import styles from "@/app/_components/ingest/ingest.module.css";
import { reviewQueue } from "@/lib/ingest/review-page";
import { getStore } from "@/lib/store";
import { readingStore } from "@/lib/view/page-error";

export const metadata: Metadata = { title: "Review queue · Briefmap" };

/** Articles whose drafted events wait for an analyst (`GET /api/events?review=unreviewed` gives the same drafts). */
export default async function ReviewQueuePage() {
  await connection();
  const queue = await readingStore(async () => reviewQueue(await getStore()));
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1>Review queue</h1>
        <nav aria-label="Articles">
          <Link href="/articles/new">Add an article</Link>
          <Link href="/">Back to the map</Link>
        </nav>
      </header>
      <section className={styles.queue} aria-labelledby="queue-heading">
        <h2 id="queue-heading">Drafted events waiting for review</h2>
        {queue.length === 0 ? (
          <p className={styles.hint}>No drafts are waiting. Articles read with npm run ingest (without --dry-run) appear here.</p>
        ) : (
          <ul>
            {queue.map((a) => (
              <li key={a.id}>
                <Link href={`/articles/${encodeURIComponent(a.id)}/review`}>{a.title}</Link>
                <span className={styles.hint}>
                  {a.publisher ?? "Publisher not given"} · {a.published} · {a.drafts} draft{a.drafts === 1 ? "" : "s"} to review
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
