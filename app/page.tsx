import type { Metadata } from "next";
import { getStore } from "@/lib/store";
import type { Store } from "@/lib/store/store";
import { eventQueryString, viewEventQuery } from "@/lib/view/event-query";
import { selectedEvent, viewTitle } from "@/lib/view/first-view";
import { readingStore } from "@/lib/view/page-error";
import { publicOrigin } from "@/lib/view/public-origin";
import type { SearchParams } from "@/lib/view/read-view";
import { readServerView } from "@/lib/view/server-view";
import { serializeView } from "@/lib/view/view";
import { viewEvents } from "@/lib/view/view-events";
import { Dashboard } from "./_components/dashboard/dashboard";

type PageProps = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: PageProps): Promise<Metadata> {
  const origin = await publicOrigin();
  const read = await readingStore(async () => {
    const store = await getStore();
    const { view } = await readServerView(store, await searchParams);
    const [selected, { count }, articles] = await Promise.all([selectedEvent(store, view), store.aggregate({}), store.articles()]);
    return { view, selected, count, article: articles.find((a) => a.id === view.article) ?? articles[0] };
  }).catch(() => undefined);
  // A store that cannot be reached still gets a title; the page itself explains what happened.
  if (!read) return { title: "Briefmap" };
  const { view, selected, count, article } = read;
  const title = viewTitle(view, selected) ?? "Situation map";
  const description = selected?.summary ?? `${count} events from “${article?.title ?? "the articles"}” on the map with their places.`;
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
  const search = await searchParams;
  const props = await readingStore(async () => dashboardProps(await getStore(), search));
  if (!props) return <main>No article is loaded; run npm run check-data to see why.</main>;
  return <Dashboard {...props} />;
}

/** Everything the first HTML carries, read from the store: the reader's article, the view's events or their digest. */
async function dashboardProps(store: Store, search: SearchParams) {
  const { view, ignored, layers, unavailable } = await readServerView(store, search);
  const articles = await store.articles();
  const readerId = view.article ?? articles[0]?.id;
  if (!readerId) return null;
  const query = viewEventQuery(view);
  const [reader, spans, all, events, selected] = await Promise.all([
    store.article(readerId),
    store.articleSpans(readerId),
    store.aggregate({}),
    viewEvents(store, query, readerId),
    selectedEvent(store, view),
  ]);
  if (!reader) return null;
  const { textFile: _t, eventsFile: _e, ...article } = reader.value;
  return {
    layers,
    unavailable,
    articles,
    article,
    spans: spans.map(({ event, start, end }) => ({ event, start, end })),
    allTimes: all.times.map((t, i) => ({ id: `span-${i}`, time: t.time })),
    total: all.count,
    initial: { ...events, query: eventQueryString(query), markedQuery: eventQueryString({ ...query, article: readerId }), selected },
    ignored,
  };
}
