import type { Metadata } from "next";
import { getBriefData } from "@/lib/data";
import { eventsOfView, firstEvents, knownIds, timeAxis, viewTitle } from "@/lib/view/first-view";
import { publicOrigin } from "@/lib/view/public-origin";
import { readView, type SearchParams } from "@/lib/view/read-view";
import { serializeView } from "@/lib/view/view";
import { Dashboard } from "./_components/dashboard/dashboard";

type PageProps = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: PageProps): Promise<Metadata> {
  const data = await getBriefData();
  const { view } = readView(await searchParams, knownIds(data));
  const { selected } = eventsOfView(data, view);
  const title = viewTitle(view, selected) ?? "Situation map";
  const description = selected?.summary ?? `${data.events.length} events from “${data.articles[0]?.title ?? "the article"}” on the map with their places.`;
  const origin = await publicOrigin();
  const query = serializeView(view);
  const image = { url: `${origin}/preview${query}`, width: 1200, height: 630, alt: `Map: ${title}` };
  return {
    // The layout's title template does not reach a page of its own segment.
    title: `${title} · Briefmap`,
    description,
    metadataBase: new URL(origin),
    openGraph: { type: "website", siteName: "Briefmap", title, description, url: `${origin}/${query}`, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

export default async function Home({ searchParams }: PageProps) {
  const data = await getBriefData();
  const { view, ignored } = readView(await searchParams, knownIds(data));
  const article = data.articles[0];
  if (!article) return <main>No article is loaded; run npm run check-data to see why.</main>;
  const { textFile: _t, eventsFile: _e, ...articleFields } = article;
  const spans = data.events.filter((e) => e.article === article.id).flatMap((e) => e.sources.map((s) => ({ event: e.id, start: s.start, end: s.end })));
  return (
    <Dashboard
      layers={data.layers.map((l) => l.summary)}
      unavailable={data.unavailable}
      article={articleFields}
      spans={spans}
      allTimes={timeAxis(data.events)}
      total={data.events.length}
      initial={firstEvents(eventsOfView(data, view), article.id)}
      ignored={ignored}
    />
  );
}
