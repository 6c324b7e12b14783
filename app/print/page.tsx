import type { Metadata } from "next";
import Link from "next/link";
import { ExportButtons } from "@/app/_components/print/export-buttons";
import { PrintButton } from "@/app/_components/print/print-button";
import { PrintMain } from "@/app/_components/print/print-main";
import { PrintNotice } from "@/app/_components/print/print-notice";
import { Sheet } from "@/app/_components/print/sheet";
import styles from "@/app/_components/print/print.module.css";
import { cssPageSize } from "@/lib/print/paper";
import { fontFaceCss } from "@/lib/print/sheet-fonts";
import type { SearchParams } from "@/lib/view/read-view";
import { qrDataUrl } from "./qr";
import { readPrint } from "./read-print";

type PageProps = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: PageProps): Promise<Metadata> {
  const { model } = await readPrint(await searchParams);
  return { title: `Print: ${model.title}` };
}

/** The view laid out for paper; the map image is drawn in the browser (see PrintMap). */
export default async function PrintPage({ searchParams }: PageProps) {
  const { model, ignored } = await readPrint(await searchParams);
  const qr = await qrDataUrl(model.link);
  // Built from validated enums only (cssPageSize), never from text in the request.
  const pageCss = `@page { size: ${cssPageSize(model.print.paper, model.print.orientation)}; margin: 10mm; } @media print { html, body { height: auto; } } ${fontFaceCss()}`;
  return (
    <PrintMain className={styles.screen}>
      <style>{pageCss}</style>
      <PrintNotice ignored={ignored} />
      <nav className={styles.toolbar} aria-label="Print view">
        <PrintButton />
        <ExportButtons viewQuery={model.viewQuery} initial={model.print} />
        <Link href={`/${model.viewQuery ? `?${model.viewQuery}` : ""}`}>Back to the map</Link>
      </nav>
      <div className={styles.sheetWrap}>
        <Sheet model={model} qrDataUrl={qr} />
      </div>
    </PrintMain>
  );
}
