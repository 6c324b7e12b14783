import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { WritersOnly } from "@/app/_components/auth/writers-only";
import { Review } from "@/app/_components/ingest/review";
import { pageWriter } from "@/lib/auth/current-user";
import styles from "@/app/_components/ingest/ingest.module.css";
import { storedReview } from "@/lib/ingest/review-page";
import { getStore } from "@/lib/store";
import { readingStore } from "@/lib/view/page-error";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Review drafted events · Briefmap" };

/** The drafts a stored article still has unreviewed (saved by `npm run ingest`), to accept, correct or reject. */
export default async function ReviewArticlePage({ params }: Props) {
  await connection();
  const { id } = await params;
  const writer = await pageWriter();
  const found = await readingStore(async () => storedReview(await getStore(), id));
  if (!found) notFound();
  const { payload, context } = found;
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1>Review drafted events</h1>
        <nav aria-label="Articles">
          <Link href="/articles/review">Review queue</Link>
          <Link href="/articles/new">Add an article</Link>
          <Link href={`/?article=${encodeURIComponent(id)}`}>This article on the map</Link>
        </nav>
      </header>
      {payload.drafts.length === 0 ? (
        <p className={styles.hint} style={{ padding: "1rem" }}>
          This article has no drafts waiting for review.
        </p>
      ) : writer.allowed ? (
        <Review payload={payload} layers={context.layers} features={context.features} />
      ) : (
        <WritersOnly what="Reviewing drafted events" writer={writer} className={styles.hint} />
      )}
    </main>
  );
}
