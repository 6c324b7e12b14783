/** Hands a file to the browser's download manager; the object URL is released once the click is handled. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "briefmap-paris-talks-2026-05-01.png": readable, safe on every file system. */
export function fileNameFor(title: string, extension: string): string {
  const slug = title.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().toLowerCase().replace(/[\s_-]+/g, "-").slice(0, 60) || "map";
  return `briefmap-${slug}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}
