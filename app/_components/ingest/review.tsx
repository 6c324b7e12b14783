"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { BriefEvent } from "@/lib/model/schema";
import { DraftCard, type Decision } from "./draft-card";
import { HighlightedText } from "./highlighted-text";
import { ReviewMap } from "./review-map";
import { saveDecisions, saveNewArticle, SaveError } from "./save";
import type { FeatureChoice, ReviewPayload, ReviewPlace } from "@/lib/ingest/review-types";
import styles from "./ingest.module.css";

type Props = { payload: ReviewPayload; layers: LayerSummary[]; features: FeatureChoice[]; onBack?: () => void };

type DraftState = { event: BriefEvent; place: ReviewPlace; decision: Decision; stored: boolean };

/**
 * The review of an article's drafts: the text with its mentions, the drafts to accept, correct or
 * reject, the map, and unresolved places to set by hand. Saving writes through the write API and
 * opens the dashboard on the article.
 */
export function Review({ payload, layers, features, onBack }: Props) {
  const [drafts, setDrafts] = useState<DraftState[]>(() => payload.drafts.map((d) => ({ event: d.event, place: d.place, decision: "pending", stored: d.stored })));
  const [selected, setSelected] = useState<string | null>(payload.drafts[0]?.event.id ?? null);
  const [placing, setPlacing] = useState<{ draft?: string; mention?: number; label: string } | null>(null);
  const [handPlaced, setHandPlaced] = useState<Map<number, ReviewPlace>>(new Map());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const article = payload.article;
  const router = useRouter();

  const unresolved = payload.mentions.map((m, i) => ({ m, i })).filter(({ m }) => m.kind === "place" && m.reading === null);
  const handPlaces = [...handPlaced.values()];
  const onMap: EventHeadline[] = useMemo(
    () =>
      drafts
        .filter((d) => d.decision !== "rejected")
        .map((d) => ({ id: d.event.id, article: article.id, title: d.event.title, type: d.event.type, time: d.event.time, geoPrecision: d.event.geoPrecision, place: d.place, aboutPlaces: [] })),
    [drafts, article.id],
  );
  const selectedHeadline = onMap.find((d) => d.id === selected) ?? null;
  const selectedSource = drafts.find((d) => d.event.id === selected)?.event.sources[0] ?? null;

  const update = (id: string, change: (d: DraftState) => DraftState) => setDrafts((all) => all.map((d) => (d.event.id === id ? change(d) : d)));

  const place = (p: ReviewPlace) => {
    if (!placing) return;
    if (placing.draft) {
      const id = placing.draft;
      update(id, (d) => ({ ...d, place: p, event: { ...d.event, where: p.layer && p.feature ? { layer: p.layer, feature: p.feature } : { name: p.name, point: p.point }, title: `${d.event.title.split(":")[0]}: ${p.name}` } }));
    } else if (placing.mention !== undefined) {
      const mention = payload.mentions[placing.mention];
      const named = p.layer ? p : { ...p, name: mention?.text ?? p.name };
      setHandPlaced((m) => new Map(m).set(placing.mention!, named));
    }
    setPlacing(null);
  };

  const accepted = drafts.filter((d) => d.decision === "accepted");
  const rejected = drafts.filter((d) => d.decision === "rejected");
  const pending = drafts.length - accepted.length - rejected.length;

  const save = async () => {
    setSaving(true);
    setError(null);
    const reviewedAt = new Date().toISOString();
    const events = accepted.map((d) => {
      const actors = d.event.actors.map((a) => a.trim()).filter(Boolean);
      // The server records who reviewed (the write's actor); the page says only that it was reviewed.
      const review = { ...(d.event.review ?? { method: "extracted" as const }), status: "reviewed" as const, reviewedAt };
      delete (review as { reviewedBy?: string }).reviewedBy;
      return { ...d.event, actors: actors.length ? actors : ["Not named in the article"], summary: d.event.summary.trim() || d.event.title, review };
    });
    try {
      if (payload.existing) await saveDecisions(events, rejected.filter((d) => d.stored).map((d) => d.event.id));
      else await saveNewArticle(article, events);
      router.push(`/?article=${encodeURIComponent(article.id)}`);
    } catch (e) {
      setError(e instanceof SaveError ? `Not saved: ${e.message}` : `Not saved: ${String(e)}`);
      setSaving(false);
    }
  };

  return (
    <>
      {payload.notices.map((n) => (
        <p key={n} className={styles.notice} role="note">
          {n}
        </p>
      ))}
      {payload.fromHtml && (
        <p className={styles.notice} role="note">
          The page was HTML: its text was kept and its markup, scripts and styles were dropped.
        </p>
      )}
      <div className={styles.review}>
        <section className={styles.column} aria-labelledby="article-heading">
          <h2 id="article-heading">{article.title}</h2>
          <p className={styles.hint}>
            {article.publisher ?? "Publisher not given"} · {article.published}
            {article.url ? ` · ${article.url}` : ""}
          </p>
          <p className={styles.legend} aria-hidden="true">
            <span className={styles.place}>place</span>
            <span className={styles.date}>date</span>
            <span className={styles.unresolved}>place not found</span>
          </p>
          <HighlightedText text={article.text} mentions={payload.mentions} current={selectedSource} />
          <h2>Places not found ({unresolved.length})</h2>
          {unresolved.length === 0 ? (
            <p className={styles.hint}>Every place the text names was matched.</p>
          ) : (
            <ul className={styles.mentionList}>
              {unresolved.map(({ m, i }) => (
                <li key={i} data-unresolved={m.text}>
                  <span>
                    “{m.text}” — {handPlaced.get(i) ? `placed at ${handPlaced.get(i)!.name}` : m.why}
                  </span>
                  <div className={styles.actions}>
                    <select
                      aria-label={`Place “${m.text}” on a layer feature`}
                      value=""
                      onChange={(e) => {
                        const f = features.find((c) => `${c.layer}/${c.feature}` === e.target.value);
                        if (f) setHandPlaced((all) => new Map(all).set(i, f));
                      }}
                    >
                      <option value="">Choose a feature…</option>
                      {features.map((f) => (
                        <option key={`${f.layer}/${f.feature}`} value={`${f.layer}/${f.feature}`}>
                          {f.name} — {f.layerTitle}
                        </option>
                      ))}
                    </select>
                    <button type="button" className={styles.secondary} onClick={() => setPlacing({ mention: i, label: `“${m.text}”` })}>
                      Pick on the map
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className={styles.column} aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">
            Drafted events ({drafts.length}) — {accepted.length} accepted, {rejected.length} rejected
          </h2>
          {drafts.length === 0 && <p className={styles.hint}>No sentence of this text reports an event the lexicon knows. The article can still be saved.</p>}
          <ul className={styles.drafts}>
            {drafts.map((d) => (
              <DraftCard
                key={d.event.id}
                event={d.event}
                place={d.place}
                decision={d.decision}
                selected={selected === d.event.id}
                features={features}
                handPlaced={handPlaces}
                onSelect={() => setSelected(d.event.id)}
                onDecide={(decision) => update(d.event.id, (x) => ({ ...x, decision }))}
                onChange={(event, p) => update(d.event.id, (x) => ({ ...x, event, place: p ?? x.place }))}
                onPickOnMap={() => {
                  setSelected(d.event.id);
                  setPlacing({ draft: d.event.id, label: d.event.title });
                }}
              />
            ))}
          </ul>
        </section>
        <ReviewMap
          layers={layers}
          features={features}
          drafts={onMap}
          selected={selectedHeadline}
          placing={placing?.label ?? null}
          onSelect={setSelected}
          onPlace={place}
          onCancelPlacing={() => setPlacing(null)}
        />
      </div>
      <div className={styles.saveBar}>
        <span>
          {accepted.length} accepted, {rejected.length} rejected{pending > 0 ? `, ${pending} undecided (${payload.existing ? "left in the review queue" : "not saved"})` : ""}
        </span>
        {error && (
          <p className={styles.error} role="alert">
            {error}
          </p>
        )}
        <div className={styles.actions}>
          {onBack && (
            <button type="button" className={styles.secondary} onClick={onBack} disabled={saving}>
              Back to the text
            </button>
          )}
          <button type="button" className={styles.primary} onClick={save} disabled={saving || (payload.existing && accepted.length + rejected.length === 0)}>
            {saving ? "Saving…" : payload.existing ? `Save ${accepted.length + rejected.length} decision(s)` : `Save article and ${accepted.length} event(s)`}
          </button>
        </div>
      </div>
    </>
  );
}
