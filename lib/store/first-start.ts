import { loadBriefData } from "@/lib/data/load";
import { syntheticEvents } from "@/lib/data/synthetic";
import { formatProblem } from "@/lib/model/problem";
import { dataSetOf } from "./from-files";
import type { Store } from "./store";
import { parseLayer } from "./validate";

/**
 * A first start needs no setup: an empty store gets the data folder (validated by `lib/data`, its
 * problems logged as before) and, when BRIEFMAP_SYNTHETIC_EVENTS=N is set, the seeded synthetic set,
 * all in one transaction. A store that holds anything is left as it is.
 */
export async function importOnFirstStart(store: Store, dataDir: string, env: Record<string, string | undefined> = process.env): Promise<void> {
  if (!(await store.isEmpty())) return;
  const data = await loadBriefData(dataDir);
  for (const p of data.problems) console.warn(`[briefmap data] ${formatProblem(p)}`);
  const set = dataSetOf(data);
  // A layer the file loader accepts but the store's stricter rules refuse (e.g. an empty one) is
  // listed as unavailable rather than failing the whole start.
  set.layers = set.layers.filter((layer) => {
    const { problems } = parseLayer(layer, `geo/${layer.id}.layer.json`);
    if (problems.length === 0) return true;
    for (const p of problems) console.warn(`[briefmap data] ${formatProblem(p)}`);
    set.unavailable = [...(set.unavailable ?? []), { id: layer.id, title: layer.title, file: `geo/${layer.id}.layer.json`, problems: problems.map((p) => `${p.item ? `${p.item}: ` : ""}${p.message}`) }];
    return false;
  });
  const count = Number(env.BRIEFMAP_SYNTHETIC_EVENTS ?? 0);
  if (Number.isInteger(count) && count > 0) {
    const seed = Number(env.BRIEFMAP_SYNTHETIC_SEED ?? 1);
    const synthetic = syntheticEvents(Math.min(count, 1_000_000), Number.isFinite(seed) ? seed : 1);
    const { textFile: _t, eventsFile: _e, ...article } = synthetic.article;
    set.articles.push(article);
    for (const e of synthetic.events) {
      const { place: _p, aboutPlaces: _a, ...body } = e;
      set.events.push(body);
    }
    console.warn(`[briefmap data] ${synthetic.events.length} synthetic events added (seed ${seed}); they are not real data`);
  }
  const summary = await store.importData(set, { actor: "first-start", mode: "merge" });
  console.warn(`[briefmap store] first start: imported ${summary.layers} layer(s), ${summary.articles} article(s), ${summary.events} event(s) from ${dataDir}`);
}
