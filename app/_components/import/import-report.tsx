"use client";

import type { AnyImportReport } from "./import-client";
import styles from "./import.module.css";

const SHOWN_ROWS = 50;

/** What an import did, in numbers and per skipped row, with the whole report to download. */
export function ImportReportView({ report }: { report: AnyImportReport }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(report, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const name = `import-report-${report.file.replace(/[^\w.-]+/g, "_")}.json`;
  return (
    <div className={styles.report} data-testid="import-report" role="status">
      {report.refused ? (
        <p className={styles.refused}>
          <strong>Refused, nothing was written:</strong> {report.refused}
        </p>
      ) : "rowsRead" in report ? (
        <p>
          {report.dryRun && <strong>Dry run, nothing written: </strong>}
          {report.rowsRead} row(s) read · <strong>{report.imported}</strong> imported · {report.updated} updated · {report.skipped} skipped
          {report.filtered > 0 && ` · ${report.filtered} outside the filter`}
          {report.deleted + report.notFound > 0 && ` · ${report.deleted} deleted`}
        </p>
      ) : (
        <p>
          {report.dryRun && <strong>Dry run, nothing written: </strong>}
          Layer <strong>{report.layer}</strong> with {report.features} feature(s){report.notes.length > 0 && ` (${report.notes.join("; ")})`}
        </p>
      )}
      {"problems" in report && report.problems && report.problems.length > 0 && (
        <ul className={styles.problems}>
          {report.problems.slice(0, SHOWN_ROWS).map((p, i) => (
            <li key={i}>
              {p.item}: {p.message}
            </li>
          ))}
        </ul>
      )}
      {"skippedRows" in report && report.skippedRows.length > 0 && (
        <details>
          <summary>Skipped rows and why ({report.skipped})</summary>
          <ul className={styles.problems}>
            {report.skippedRows.slice(0, SHOWN_ROWS).map((s) => (
              <li key={s.line}>
                line {s.line}: {s.reason}
              </li>
            ))}
            {report.skipped > SHOWN_ROWS && <li>… the report lists them all</li>}
          </ul>
        </details>
      )}
      <button type="button" onClick={download} className={styles.secondary} data-testid="import-report-download">
        Download the report
      </button>
    </div>
  );
}
