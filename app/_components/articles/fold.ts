/** Case- and accent-insensitive text, as the store's `q` compares it, for the panel's filter box. */
export function fold(s: string): string {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}
