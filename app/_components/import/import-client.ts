"use client";

import type { ImportReport } from "@/lib/import/report";
import type { LayerImportReport } from "@/lib/import/layers/import-layer";
import { CSRF_HEADER } from "@/lib/auth/cookies";
import { csrfToken } from "@/app/_components/auth/write-fetch";

export type AnyImportReport = ImportReport | LayerImportReport;

/**
 * The browser's one way to write through the API: every write request the import page sends goes
 * through here, with the session's CSRF token that every cookie-authenticated write needs (as
 * writeFetch sends it). XMLHttpRequest rather than fetch, for the upload's progress.
 */
export function postImport(file: File, params: Record<string, string>, onUpload: (fraction: number) => void): Promise<AnyImportReport> {
  const query = new URLSearchParams({ ...params, name: file.name }).toString();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports?${query}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader(CSRF_HEADER, csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onUpload(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        return reject(new Error(`the server answered HTTP ${xhr.status} without a report`));
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as AnyImportReport);
      const message = (body as { error?: { message?: string } }).error?.message;
      reject(new Error(message ? `${message} (HTTP ${xhr.status})` : `the server answered HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error("the upload failed: the server could not be reached"));
    xhr.send(file);
  });
}
