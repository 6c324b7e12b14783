import type { BriefData } from "@/lib/data/load";
import type { LoadedLayer } from "@/lib/data/read-layer";
import type { Article, LoadedEvent } from "@/lib/model/event";
import type { ArticleInput, DataSet, LayerInput } from "./store";

/** A data folder as `lib/data` loaded it, in the form the store imports. */
export function dataSetOf(data: Pick<BriefData, "layers" | "unavailable" | "articles" | "events">): DataSet {
  return {
    layers: data.layers.map(layerInputOf),
    articles: data.articles.map(articleInputOf),
    events: data.events.map(eventBodyOf),
    unavailable: data.unavailable,
  };
}

export function layerInputOf(layer: LoadedLayer): LayerInput {
  const { file: _file, ...manifest } = layer.manifest;
  return { ...manifest, data: layer.data };
}

export function articleInputOf(article: Article): ArticleInput {
  const { textFile: _text, eventsFile: _events, ...input } = article;
  return input;
}

export function eventBodyOf(event: LoadedEvent): DataSet["events"][number] {
  const { place: _place, aboutPlaces: _about, ...body } = event;
  return body;
}
